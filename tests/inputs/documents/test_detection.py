"""A non-detect is known only as below its detection limit: in its row, in the row's MDL column, or in the document's
own definition. Above the standard's limit it proves nothing (INTERFACE §6)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from checker.inputs.documents.detection import document_limits, highest
from checker.inputs.documents.vocabulary import load_vocabulary
from checker.pipeline import check

MakePdf = Callable[..., Path]
REPORT = ["2U rack server R-200", "Test report (RoHS)"]


def _pb(path: Path) -> str:
    report = check([path], date(2026, 1, 1), category="server").report()
    return next(c.status for c in report.products[0].clauses if c.id == "6.1.11/pb")


@pytest.mark.parametrize(("rows", "expected"), [
    # the row's detection-limit column, above the limit: no proof
    ([("Test item", "Unit", "MDL", "Result"), ("Lead (Pb)", "mg/kg", "2000", "ND")], "manual_review"),
    ([("Test item", "Unit", "RL", "Result"), ("Lead (Pb)", "mg/kg", "1500", "N.D.")], "manual_review"),
    ([("Test item", "Unit", "LOD", "Limit", "Result"), ("Lead (Pb)", "mg/kg", "1200", "1000", "ND")], "manual_review"),
    ([("测试项目", "单位", "方法检出限", "结果"), ("铅(Pb)", "mg/kg", "2000", "未检出")], "manual_review"),
    ([("Test item", "Result", "MDL", "Unit"), ("Lead (Pb)", "N.D.", "1500", "mg/kg")], "manual_review"),
    ([("Test item", "Result", "MDL (%)"), ("Lead (Pb)", "N.D.", "0.2")], "manual_review"),
    # below it: the non-detect proves the limit
    ([("Test item", "Unit", "MDL", "Result"), ("Lead (Pb)", "mg/kg", "2", "ND")], "pass"),
    ([("测试项目", "单位", "方法检出限", "结果"), ("铅(Pb)", "mg/kg", "2", "未检出")], "pass"),
    # the document's own definition
    (["ND = Not Detected (<1500 ppm)", "Lead (Pb): ND"], "manual_review"),
    (["Detection limit for all elements: 1500 mg/kg", "Lead (Pb): ND"], "manual_review"),
    (["Note: MDL = 2000 mg/kg", "Lead (Pb): ND"], "manual_review"),
    (["ND = Not Detected (<2 ppm)", "Lead (Pb): ND"], "pass"),
    (["注：未检出（<2 mg/kg）", "铅(Pb)：未检出"], "pass"),
    (["Lead (Pb): ND"], "pass"),  # no limit stated anywhere: a non-detect of a concentration
], ids=["mdl-column", "rl-column", "lod-beside-limit", "mdl-column-zh", "mdl-after-result", "mdl-percent",
        "mdl-low", "mdl-low-zh", "nd-defined", "detection-limit-far", "mdl-note", "nd-defined-low", "nd-defined-zh",
        "bare-nd"])
def test_a_non_detect_is_below_its_detection_limit(make_pdf: MakePdf, rows: list[Any], expected: str) -> None:
    assert _pb(make_pdf([[*REPORT, *rows]], col_width=110)) == expected


def test_the_highest_stated_limit_is_taken() -> None:
    texts = ["MDL = 2 mg/kg", "ND = Not Detected (<0.2 %)", "检出限：50 ppm"]
    limits = document_limits(texts, load_vocabulary().detection_limit)
    assert sorted(limits) == [(0.2, "%"), (2.0, "mg/kg"), (50.0, "ppm")]
    assert highest(limits) == (0.2, "%")
    assert highest([(5.0, "mg")]) is None  # a mass is no share
