"""A value struck through is withdrawn: never evidence (struck.py).

Regression: "PSU efficiency at 50% load: 96%" with a line drawn through "96%" (a corrected value left in place)
passed 6.2.1/psu-eff-50 as 96 %.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from checker.pipeline import check

LABEL = "PSU efficiency at 50% load: "


def _sheet(path: Path, value: str, line: str | None, after: str = "") -> Path:
    """A one-line server sheet; ``line`` draws over the value: strike, underline, thin bar, or a table rule above."""
    page = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    page.setFont("Helvetica", 10)
    page.drawString(50, 800, "2U rack server R-200")
    x, y = 50 + stringWidth(LABEL, "Helvetica", 10), 760.0
    page.drawString(50, y, LABEL + value + after)
    width = stringWidth(value, "Helvetica", 10)
    if line == "strike":
        page.setLineWidth(0.8)
        page.line(x - 1, y + 3.2, x + width + 1, y + 3.2)
    elif line == "bar":
        page.rect(x - 1, y + 2.8, width + 2, 0.9, stroke=0, fill=1)
    elif line == "underline":
        page.setLineWidth(0.8)
        page.line(x, y - 1.5, x + width, y - 1.5)
    elif line == "rules":  # a table's rules along the row's edges
        page.setLineWidth(0.5)
        page.line(40, y + 10, 400, y + 10)
        page.line(40, y - 4, 400, y - 4)
    page.showPage()
    page.save()
    return path


def _efficiency(path: Path) -> tuple[str, float | None, list[str]]:
    report = check([path], date(2026, 1, 1), category="server").report()
    clause = next(c for c in report.products[0].clauses if c.id == "6.2.1/psu-eff-50")
    return clause.status, clause.value, [w.warning for w in report.warnings]


@pytest.mark.parametrize("line", ["strike", "bar"])
def test_a_struck_value_is_no_evidence(tmp_path: Path, line: str) -> None:
    status, value, warnings = _efficiency(_sheet(tmp_path / "s.pdf", "96%", line))
    assert (status, value) == ("missing_evidence", None)
    assert any("struck through" in warning and "96%" in warning for warning in warnings)


def test_the_correction_beside_a_struck_value_is_read(tmp_path: Path) -> None:
    assert _efficiency(_sheet(tmp_path / "s.pdf", "96%", "strike", "  93%"))[:2] == ("fail", 93.0)


@pytest.mark.parametrize("line", [None, "underline", "rules"])
def test_an_underline_or_a_tables_rules_strike_nothing(tmp_path: Path, line: str | None) -> None:
    status, value, warnings = _efficiency(_sheet(tmp_path / "s.pdf", "96%", line))
    assert (status, value) == ("pass", 96.0) and not warnings


@pytest.mark.parametrize("rotation", [90, 180, 270])
@pytest.mark.parametrize("mark", ["strike", "squeeze", None])
def test_on_a_turned_page_as_shown(tmp_path: Path, rotation: int, mark: str | None) -> None:
    """A page stored turned by its /Rotate (text drawn turned back, shown upright): a strike-through, which is a
    vertical line in the page's own space, and squeezed text are judged as the page is shown."""
    width, height = A4
    turned_back = {90: (0, 1, -1, 0, width, 0), 180: (-1, 0, 0, -1, width, height), 270: (0, -1, 1, 0, 0, width)}
    path = tmp_path / "turned.pdf"
    page = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    page.setPageRotation(rotation)
    page.saveState()
    page.transform(*turned_back[rotation])
    y = 540.0 if rotation in (90, 270) else 800.0
    page.setFont("Helvetica", 10)
    page.drawString(50, y, "2U rack server R-200")
    x = 50 + stringWidth(LABEL, "Helvetica", 10)
    line = page.beginText(50, y - 40)
    line.setFont("Helvetica", 10)
    line.textOut(LABEL)
    if mark == "squeeze":
        line.setHorizScale(1)
    line.textOut("96%")
    page.drawText(line)
    if mark == "strike":
        page.setLineWidth(0.8)
        page.line(x - 1, y - 40 + 3.2, x + stringWidth("96%", "Helvetica", 10) + 1, y - 40 + 3.2)
    page.restoreState()
    page.showPage()
    page.save()
    status, value, _ = _efficiency(path)
    assert (status, value) == (("pass", 96.0) if mark is None else ("missing_evidence", None))
