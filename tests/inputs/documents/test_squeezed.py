"""Text squeezed past reading is never evidence (squeezed.py).

Regression: "PSU efficiency at 50% load: 96%" drawn at 1 % horizontal scaling (a sliver) passed 6.2.1/psu-eff-50 as
96 %; drawn with a character spacing of -5 pt (each character over the one before) it was read in part.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker.pipeline import check

from .conftest import raw_pdf

HEAD = "BT /F1 10 Tf 50 800 Td (2U rack server R-200) Tj ET\n"


def _efficiency(path: Path) -> tuple[str, float | None, list[str]]:
    report = check([path], date(2026, 1, 1), category="server").report()
    clause = next(c for c in report.products[0].clauses if c.id == "6.2.1/psu-eff-50")
    return clause.status, clause.value, [w.warning for w in report.warnings]


@pytest.mark.parametrize("operator", ["1 Tz", "3 Tz", "-5 Tc"])
def test_squeezed_text_is_no_evidence(tmp_path: Path, operator: str) -> None:
    content = HEAD + f"BT /F1 10 Tf {operator} 50 760 Td (PSU efficiency at 50% load: 96%) Tj ET"
    status, value, warnings = _efficiency(raw_pdf(tmp_path / "s.pdf", content))
    assert (status, value) == ("missing_evidence", None)
    assert any("squeezed past reading" in warning for warning in warnings)


@pytest.mark.parametrize("operator", ["", "80 Tz", "-0.3 Tc", "0.5 Tc"])
def test_condensed_or_tracked_text_reads(tmp_path: Path, operator: str) -> None:
    content = HEAD + f"BT /F1 10 Tf {operator} 50 760 Td (PSU efficiency at 50% load: 96%) Tj ET"
    status, value, warnings = _efficiency(raw_pdf(tmp_path / "s.pdf", content))
    assert (status, value) == ("pass", 96.0) and not warnings


def test_kerned_and_bold_by_overprint_text_reads(tmp_path: Path) -> None:
    """Kerning in a TJ array, and the line drawn twice half a point apart for a bold look (two text objects)."""
    line = "[(PSU ef) 40 (f) 40 (iciency at 50% load: 9) 60 (6%)] TJ"
    content = HEAD + f"BT /F1 10 Tf 50 760 Td {line} ET\nBT /F1 10 Tf 50.4 760 Td {line} ET"
    status, value, _ = _efficiency(raw_pdf(tmp_path / "s.pdf", content))
    assert (status, value) == ("pass", 96.0)
