"""Text outside its clipping path is never painted, so never evidence (clipping.py).

Regression: "PSU efficiency at 50% load: 96%" drawn through a clipping rectangle elsewhere on the page (nothing
of it printed) passed 6.2.1/psu-eff-50; so did the harness's "clipped" invisible_text cases (28 of 28, seed 12071235).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from checker.pipeline import check


def _sheet(path: Path, line: str, clip: tuple[float, float, float, float] | None) -> Path:
    """A server sheet whose ``line`` (at x 50, y 760) is drawn through the clip rectangle (x, y, w, h)."""
    page = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    page.setFont("Helvetica", 10)
    page.drawString(50, 800, "2U rack server R-200")
    page.saveState()
    if clip is not None:
        region = page.beginPath()
        region.rect(*clip)
        page.clipPath(region, stroke=0, fill=0)
    page.setFont("Helvetica", 10)
    page.drawString(50, 760, line)
    page.restoreState()
    page.showPage()
    page.save()
    return path


def _clause(path: Path, clause: str) -> tuple[str, float | None, list[str]]:
    report = check([path], date(2026, 1, 1), category="server").report()
    found = next(c for c in report.products[0].clauses if c.id == clause)
    return found.status, found.value, [w.warning for w in report.warnings]


def test_text_clipped_away_is_no_evidence(tmp_path: Path) -> None:
    path = _sheet(tmp_path / "s.pdf", "PSU efficiency at 50% load: 96%", (40, 700, 100, 20))
    status, value, warnings = _clause(path, "6.2.1/psu-eff-50")
    assert (status, value) == ("missing_evidence", None)
    assert any("outside its clipping path" in warning for warning in warnings)


def test_a_leading_digit_clipped_away_leaves_no_number(tmp_path: Path) -> None:
    """"Lead (Pb): 1200 mg/kg" with its "1" outside the clip prints "Lead (Pb): 200 mg/kg": the text layer's 1200
    is not what is printed, and the printed 200 is not the whole number: no value either way."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    start = 50 + stringWidth("Lead (Pb): 1", "Helvetica", 10) + 0.3
    label = (40, 750, start - 40 - stringWidth("1", "Helvetica", 10) - 1, 25)  # the label, before the "1"
    path = _sheet(tmp_path / "s.pdf", "Lead (Pb): 1200 mg/kg", None)
    clipped = tmp_path / "c.pdf"
    page = canvas.Canvas(str(clipped), pagesize=A4, invariant=1)
    page.setFont("Helvetica", 10)
    page.drawString(50, 800, "2U rack server R-200")
    for region_box in (label, (start, 750, 300, 25)):  # the line drawn twice, through the label and the rest
        page.saveState()
        region = page.beginPath()
        region.rect(*region_box)
        page.clipPath(region, stroke=0, fill=0)
        page.setFont("Helvetica", 10)
        page.drawString(50, 760, "Lead (Pb): 1200 mg/kg")
        page.restoreState()
    page.showPage()
    page.save()
    assert _clause(path, "6.1.11/pb")[:2] == ("fail", 1200.0)  # printed whole: read
    status, value, warnings = _clause(clipped, "6.1.11/pb")
    assert (status, value) in {("missing_evidence", None), ("manual_review", None)}
    assert any("outside its clipping path" in warning for warning in warnings)


@pytest.mark.parametrize("clip", [None, (40, 740, 400, 40), (0, 0, 595, 842)])
def test_text_inside_its_clip_is_read(tmp_path: Path, clip: tuple[float, float, float, float] | None) -> None:
    path = _sheet(tmp_path / "s.pdf", "PSU efficiency at 50% load: 96%", clip)
    status, value, warnings = _clause(path, "6.2.1/psu-eff-50")
    assert (status, value) == ("pass", 96.0) and not warnings
