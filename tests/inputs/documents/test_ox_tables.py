"""An SJ/T 11364 table of O/X marks (China RoHS): an "X" says a homogeneous material of that part exceeds GB/T 26572's
limit, which Appendix B may exempt. The clause never passes on such a table; an X goes to a person naming the part and
the substance (red-team round 7 materials, M19 and M20: it was manual_review on the table's "O" definition, with the
X nowhere named). An XRF screen's "X" (inconclusive) in a row with no "O" is not read as one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checker.pipeline import check

MakePdf = Callable[..., Path]

HEADER = ("部件名称", "铅 (Pb)", "汞 (Hg)", "镉 (Cd)", "六价铬 (Cr(VI))", "多溴联苯 (PBB)")
NOTES = ["本表格依据 SJ/T 11364 的规定编制。",
         "O：表示该有害物质在该部件所有均质材料中的含量均在 GB/T 26572 规定的限量要求以下。",
         "X：表示该有害物质至少在该部件的某一均质材料中的含量超出 GB/T 26572 规定的限量要求。"]


def clauses(path: Path) -> dict[str, tuple[str, str]]:
    report = check([path], date(2026, 12, 1), category="monitor").report()
    return {c.id: (c.status, c.note or "") for c in report.products[0].clauses}


@pytest.mark.parametrize(("row", "clause", "part"), [
    (("外壳（塑料）", "O", "O", "X", "O", "O"), "6.1.11/cd", "外壳（塑料）"),
    (("PCBA", "X", "O", "O", "O", "O"), "6.1.11/pb", "PCBA"),
    (("电源适配器", "×", "O", "O", "O", "O"), "6.1.11/pb", "电源适配器"),
])
def test_an_x_names_its_part(make_pdf: MakePdf, row: tuple[str, ...], clause: str, part: str) -> None:
    pdf = make_pdf([["产品中有害物质的名称及含量", ("型号", "P2425H 液晶显示器"), HEADER,
                     ("液晶面板", "O", "O", "O", "O", "O"), row, *NOTES]], col_width=80)
    status, note = clauses(pdf)[clause]
    assert status == "manual_review"
    assert part in note


def test_all_o_is_a_declaration(make_pdf: MakePdf) -> None:
    pdf = make_pdf([["产品中有害物质的名称及含量", ("型号", "P2425H 液晶显示器"), HEADER,
                     ("液晶面板", "O", "O", "O", "O", "O"), *NOTES]], col_width=80)
    got = clauses(pdf)
    assert all(got[c][0] == "manual_review" and "marks" not in got[c][1] for c in ("6.1.11/pb", "6.1.11/cd"))


def test_an_xrf_screens_x_is_no_ox_mark(make_pdf: MakePdf) -> None:
    pdf = make_pdf([["XRF Screening Report (IEC 62321-3-1)", ("Model", "P2425H monitor"),
                     ("Element", "Pb", "Hg", "Cd", "Cr"), ("Screening result", "X", "BL", "BL", "BL"),
                     "X = inconclusive area, further wet-chemical test required."]], col_width=80)
    status, note = clauses(pdf)["6.1.11/pb"]
    assert status != "pass"
    assert "exempt use" not in note
