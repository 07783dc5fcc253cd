"""One blank rule for records and catalogs (:func:`checker.inputs.values.is_blank_text`).

Empty text, white space and the word "nan" (any case, full width too) are a missing value on both
paths; "-", "—", "N/A", "None", "null" are unreadable (manual review) on both. None of them passes.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from checker.inputs.values import BlankValue, ValueTextError, is_blank_text, parse_value_text
from checker.pipeline import audit, evaluate_mappings

AS_OF = date(2026, 11, 20)
CLAUSE = "6.2.1/psu-eff-50"
BLANK = ["", " ", "\t", "nan", "NaN", "NAN", " nan ", "ｎａｎ"]
UNREADABLE = ["-", "—", "N/A", "n/a", "NA", "None", "null", "-nan", "inf", "abc"]


def _record_status(text: str) -> str:
    product = evaluate_mappings([{"id": "R", "category": "server", "psu_efficiency_50": text}], AS_OF).report()
    return next(c.status for c in product.products[0].clauses if c.id == CLAUSE)


def _catalog_status(tmp_path: Path, text: str, suffix: str) -> str:
    rows = [["model", "category", "psu_efficiency_50"], ["C", "server", text]]
    path = tmp_path / f"c{suffix}"
    if suffix == ".csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
    else:
        pd.DataFrame(rows[1:], columns=rows[0]).to_excel(path, index=False)
    product = audit([path], AS_OF).report().products[0]
    return next(c.status for c in product.clauses if c.id == CLAUSE)


@pytest.mark.parametrize("text", BLANK + UNREADABLE)
def test_records_and_catalogs_give_the_same_status(tmp_path: Path, text: str) -> None:
    expected = "missing_evidence" if text in BLANK else "manual_review"
    assert _record_status(text) == expected
    assert _catalog_status(tmp_path, text, ".csv") == expected
    assert _catalog_status(tmp_path, text, ".xlsx") == expected


@pytest.mark.parametrize("text", BLANK)
def test_the_blank_rule(text: str) -> None:
    assert is_blank_text(text)
    with pytest.raises(BlankValue):
        parse_value_text(text)


@pytest.mark.parametrize("text", UNREADABLE)
def test_unreadable_text_is_not_blank(text: str) -> None:
    assert not is_blank_text(text)
    with pytest.raises(ValueTextError) as caught:
        parse_value_text(text)
    assert not isinstance(caught.value, BlankValue)


def test_a_blank_fact_beside_a_value_leaves_the_value() -> None:
    record = {"id": "R", "category": "server",
              "psu_efficiency_50": [{"value": "nan", "source": "a.pdf"}, {"value": 95.0, "source": "b.pdf"}]}
    product = evaluate_mappings([record], AS_OF).report().products[0]
    result = next(c for c in product.clauses if c.id == CLAUSE)
    assert result.status == "pass" and result.value == 95.0
