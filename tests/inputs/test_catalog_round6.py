"""Catalogs of red-team round 6: one model typed several ways ("SR-WS1 ", "ＳＲ-ＷＳ1", "sr-ws1"), floating-point noise
at a limit (79.99999999999999), values a note row or a remarks column calls typical or borrowed, validity dates written
the European, American or English way, and fractions under a percent field's header with no unit. Each gave a false
pass or a wrong fail before."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker.models import ClauseResult
from checker.pipeline import audit

AS_OF = date(2025, 6, 1)


def results(path: Path) -> tuple[list[tuple[str, dict[str, ClauseResult]]], list[str]]:
    report = audit([path], AS_OF).report()
    return ([(p.id, {c.id: c for c in p.clauses}) for p in report.products], [e.error for e in report.errors])


def write(tmp_path: Path, text: str, name: str = "catalog.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def statuses(path: Path, clause: str) -> list[tuple[str, str]]:
    products, _ = results(path)
    return [(pid, clauses[clause].status) for pid, clauses in products]


def test_one_model_typed_several_ways_is_compared(tmp_path: Path) -> None:
    """Hostile: one model's rows typed with a trailing space, full-width letters, a no-break space or in lower case
    disagree. Honest: "SR-WS10" is not "SR-WS1", and rows typed differently that agree still pass."""
    csv = ("model,category,psu_efficiency_50\nSR-WS1,server,94.6\nSR-WS1 ,server,93.1\n"
           "SR-WS2,server,94.6\n\uff33\uff32-\uff37\uff33\uff12,server,93.1\n"
           "SR-WS3,server,94.6\nsr-ws3\u00a0,server,93.1\n"
           "SR-WS4,server,94.6\nSR-WS40,server,93.1\nSR-WS5,server,94.6\nsr-ws5 ,server,94.6\n")
    products, errors = results(write(tmp_path, csv))
    assert not errors
    clauses = [clauses["6.2.1/psu-eff-50"] for _, clauses in products]
    assert [clause.status for clause in clauses] == ["manual_review"] * 6 + ["pass", "fail", "pass", "pass"]
    assert all("conflicting values" in (clause.note or "") for clause in clauses[:6])


NOISY = {"psu_efficiency_50": 93.99999999999999, "psu_power_factor_50": 0.9499999999999998,
         "recyclability": 79.99999999999999}  # means a platform computed: 94, 0.95, 80 to 16 digits
HAIR_UNDER = {"psu_efficiency_50": 93.9999999996, "psu_power_factor_50": 0.9499999999, "recyclability": 79.999999999}
NOISE_CLAUSES = ("6.2.1/psu-eff-50", "6.2.1/psu-pf-50", "6.2.1/recyclability")


def _noise_file(tmp_path: Path, kind: str) -> Path:
    """The noisy row and a row a hair under each limit (honest: it fails), as Parquet, XLSX or JSON records."""
    rows = [{"model": "FN-1", "category": "server", **NOISY}, {"model": "FN-2", "category": "server", **HAIR_UNDER}]
    if kind == "parquet":
        import pandas as pd

        path = tmp_path / "noise.parquet"
        pd.DataFrame(rows).to_parquet(path)
        return path
    if kind == "xlsx":
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(list(rows[0]))
        for row in rows:
            sheet.append(list(row.values()))
        path = tmp_path / "noise.xlsx"
        book.save(path)
        return path
    import json

    path = tmp_path / "noise.json"
    path.write_text(json.dumps([{"id": row["model"], **row} for row in rows]), encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["parquet", "xlsx", "json"])
def test_floating_point_noise_at_a_limit(tmp_path: Path, kind: str) -> None:
    """Hostile: 93.99999999999999 (a mean of 93.0, 93.7, 94.6, 94.7) is 94 and meets ≥ 94, on every path alike.
    Honest: 93.9999999996, a value a person could print, still fails."""
    products, errors = results(_noise_file(tmp_path, kind))
    assert not errors
    got = {pid: [clauses[clause].status for clause in NOISE_CLAUSES] for pid, clauses in products}
    assert got == {"FN-1": ["pass"] * 3, "FN-2": ["fail"] * 3}
