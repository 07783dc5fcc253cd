"""Two catalog columns for one field (issue 7): both are read, row by row, and never passed on a conflict.

The same header twice, or an alias beside the field id, in CSV, XLSX and Parquet: where both cells
hold a value and the values differ (after unit conversion), the clause goes to manual review with
both columns and both values in the reason; a blank cell takes the other's value; equal values are
used as one.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from checker.engine.run import Evaluated
from checker.inputs.table_headers import unique_labels, written_headers
from checker.models import ClauseResult
from checker.pipeline import audit

AS_OF = date(2026, 11, 20)
EFF50 = "6.2.1/psu-eff-50"


def _csv(tmp_path: Path, header: list[str], rows: list[list[str]]) -> Path:
    path = tmp_path / "servers.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _results(evaluated: Evaluated, clause: str = EFF50) -> dict[str, ClauseResult]:
    """Product id → its result for ``clause``."""
    return {p.id: next(c for c in p.clauses if c.id == clause) for p in evaluated.report().products}


ROWS = [["EQUAL", "server", "94.2", "94.2"], ["DIFFER", "server", "94.5", "96.1"], ["FIRST-BLANK", "server", "", "93"],
        ["SECOND-BLANK", "server", "95", " "], ["BOTH-BLANK", "server", "", ""], ["NAN", "server", "nan", "95"],
        ["JUNK", "server", "abc", "95"], ["ND", "server", "ND", "95"]]
EXPECTED = {"EQUAL": "pass", "DIFFER": "manual_review", "FIRST-BLANK": "fail", "SECOND-BLANK": "pass",
            "BOTH-BLANK": "missing_evidence", "NAN": "pass", "JUNK": "manual_review", "ND": "manual_review"}


@pytest.mark.parametrize("second", ["psu_efficiency_50", "psu_eff_50", "电源效率50%", "psu_efficiency_50 [%]"])
def test_a_repeated_or_aliased_column_is_read_row_by_row(tmp_path: Path, second: str) -> None:
    evaluated = audit([_csv(tmp_path, ["model", "category", "psu_efficiency_50", second], ROWS)], AS_OF)
    results = _results(evaluated)
    assert {pid: r.status for pid, r in results.items()} == EXPECTED
    assert not evaluated.errors, "the second column is read, not reported as unrecognised"
    assert results["EQUAL"].value == 94.2
    assert results["FIRST-BLANK"].value == 93 and results["SECOND-BLANK"].value == 95


def test_a_conflict_names_both_columns_and_both_values(tmp_path: Path) -> None:
    path = _csv(tmp_path, ["model", "category", "psu_efficiency_50", "psu_eff_50"], [["X", "server", "94.5", "96.1"]])
    result = _results(audit([path], AS_OF))["X"]
    assert result.status == "manual_review"  # both values pass the limit: still no pass on a conflict
    assert result.note.startswith("conflicting values")
    for text in ("94.5", "96.1", "column psu_efficiency_50", "column psu_eff_50"):
        assert text in result.note, (text, result.note)
    assert [e.text for e in result.evidence] == ["row 2: psu_efficiency_50 = 94.5", "row 2: psu_eff_50 = 96.1"]


@pytest.mark.parametrize(("first", "second", "status"), [
    ("94.2", "0.942", "pass"),            # a fraction column: the same quantity in another unit
    ("94.2", "0.9420000000001", "pass"),  # within rounding error
    ("94.2", "0.9419", "manual_review"),
    ("94.2 %", "0.942", "pass"),
    ("93.0", "0.93", "fail"),             # equal and failing: an ordinary fail
])
def test_values_are_compared_after_unit_conversion(tmp_path: Path, first: str, second: str, status: str) -> None:
    path = _csv(tmp_path, ["model", "category", "psu_efficiency_50 [%]", "psu_eff_50 [1]"],
                [["X", "server", first, second]])
    assert _results(audit([path], AS_OF))["X"].status == status


@pytest.mark.slow
def test_every_conflicting_row_is_reviewed_in_a_large_catalog(tmp_path: Path) -> None:
    rows = [[f"M{n}", "server", "95", "95" if n % 3 else "91"] for n in range(3000)]
    results = _results(audit([_csv(tmp_path, ["model", "category", "psu_eff_50", "psu_efficiency_50"], rows)],
                             AS_OF))
    assert {pid for pid, r in results.items() if r.status == "manual_review"} == {f"M{n}" for n in range(0, 3000, 3)}
    assert all(r.status == "pass" for pid, r in results.items() if int(pid[1:]) % 3)


def test_an_enum_condition_read_twice_and_differing_is_reviewed(tmp_path: Path) -> None:
    path = _csv(tmp_path, ["model", "category", "psu_type", "单路/多路电源", "psu_efficiency_50"],
                [["SW-1", "switch", "single", "multi", "95"], ["SW-2", "switch", "single", "Single", "95"]])
    results = _results(audit([path], AS_OF), "6.2.3/single-psu-eff-50")
    assert results["SW-1"].status == "manual_review"
    assert "single" in results["SW-1"].note and "multi" in results["SW-1"].note
    assert results["SW-2"].status == "pass"


def test_two_category_columns_that_disagree_make_the_row_an_error(tmp_path: Path) -> None:
    path = _csv(tmp_path, ["model", "category", "类别", "psu_efficiency_50"],
                [["A", "server", "服务器", "95"], ["B", "server", "storage", "95"]])
    evaluated = audit([path], AS_OF)
    assert [p.id for p in evaluated.report().products] == ["A"]
    assert any("server | storage" in e.error for e in evaluated.errors)


FRAME_ROWS = [["EQUAL", "server", "94.2", "94.2"], ["DIFFER", "server", "94.5", "96.1"],
              ["FIRST-BLANK", "server", "", "93"], ["SECOND-BLANK", "server", "95", ""]]
FRAME_EXPECTED = {"EQUAL": "pass", "DIFFER": "manual_review", "FIRST-BLANK": "fail", "SECOND-BLANK": "pass"}


def test_xlsx_with_a_repeated_header(tmp_path: Path) -> None:
    frame = pd.DataFrame(FRAME_ROWS, columns=["model", "category", "psu_efficiency_50", "psu_efficiency_50"])
    frame.to_excel(tmp_path / "servers.xlsx", index=False)
    evaluated = audit([tmp_path / "servers.xlsx"], AS_OF)
    results = _results(evaluated)
    assert {pid: r.status for pid, r in results.items()} == FRAME_EXPECTED
    assert not evaluated.errors
    assert "94.5" in results["DIFFER"].note and "96.1" in results["DIFFER"].note


@pytest.mark.parametrize("second", ["psu_efficiency_50", "电源效率50% [%]"])
def test_parquet_with_a_repeated_or_aliased_column(tmp_path: Path, second: str) -> None:
    names = ["model", "category", "psu_efficiency_50", second]
    table = pa.table([pa.array([row[i] for row in FRAME_ROWS]) for i in range(4)], names=names)
    pq.write_table(table, tmp_path / "servers.parquet")
    evaluated = audit([tmp_path / "servers.parquet"], AS_OF)
    results = _results(evaluated)
    assert {pid: r.status for pid, r in results.items()} == FRAME_EXPECTED
    assert not evaluated.errors
    assert "94.5" in results["DIFFER"].note and "96.1" in results["DIFFER"].note


def test_parquet_numbers_in_two_float_columns(tmp_path: Path) -> None:
    table = pa.table({"model": ["A", "B", "C"], "category": ["server"] * 3,
                      "psu_efficiency_50": [94.2, 94.2, None], "psu_eff_50": [94.2, 91.0, 95.0]})
    pq.write_table(table, tmp_path / "servers.parquet")
    results = _results(audit([tmp_path / "servers.parquet"], AS_OF))
    assert {pid: r.status for pid, r in results.items()} == {"A": "pass", "B": "manual_review", "C": "pass"}


def test_labels_are_numbered_as_pandas_numbers_them_and_read_back() -> None:
    labels = unique_labels(["a", "b", "a", "a"])
    assert labels == ["a", "b", "a.1", "a.2"]
    assert written_headers(labels) == {"a": "a", "b": "b", "a.1": "a", "a.2": "a"}
    assert written_headers(["x.1", "y"]) == {"x.1": "x.1", "y": "y"}  # no "x" before it: a header of its own
