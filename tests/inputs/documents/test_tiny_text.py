"""Red-team round 6 (tiny text): a value printed too small to read at print size is no evidence.

srv09 and sw08 printed their PSU readings and TEER in 1.2–1.5 pt grey text under a visible "on request" and
passed. Text under ``legible_size`` (catalogs/vocabulary.yaml, 3 pt) is left out like white or covered text, with
a warning; small print that can be read (4 pt) still counts.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from tests.inputs.documents.conftest import server_clause

AS_OF = date(2026, 11, 20)
EFF50 = "6.2.1/psu-eff-50"


def _sheet(path: Path, lines: list[tuple[str, float]], *, scale: float = 1.0) -> Path:
    """A one-page server sheet: each (text, size) line from y=760 down, grey under 3 pt; ``scale`` shrinks the lines
    after the first by a transformation (the font size as set stays 10 pt)."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    y = 760.0
    for k, (line, size) in enumerate(lines):
        c.saveState()
        grey = 0.6 if size < 3 else 0.0
        c.setFillColorRGB(grey, grey, grey)
        if k and scale != 1.0:
            c.translate(72, y)
            c.scale(scale, scale)
            c.setFont("Helvetica", size)
            c.drawString(0, 0, line)
        else:
            c.setFont("Helvetica", size)
            c.drawString(72, y, line)
        c.restoreState()
        y -= 20
    c.showPage()
    c.save()
    return path


def _clause(path: Path, clause: str = EFF50) -> tuple[str, object, list[str]]:
    return server_clause(path, AS_OF, clause)


@pytest.mark.parametrize("size", [1.2, 1.5, 2.5])
def test_a_value_in_tiny_text_alone_is_missing_evidence(tmp_path: Path, size: float) -> None:
    lines = [("Rack server SR-4U8G: PSU efficiency provided on request.", 11),
             ("PSU efficiency at 50% load: 96.2%  recyclability 88%", size)]
    status, _, warnings = _clause(_sheet(tmp_path / "tiny.pdf", lines))
    assert status == "missing_evidence"
    assert any("too small to read" in w and "96.2%" in w for w in warnings), warnings


def test_small_print_that_can_be_read_counts_and_tiny_text_beside_it_does_not(tmp_path: Path) -> None:
    lines = [("Rack server SR-9 power supply test report", 11), ("PSU efficiency at 50% load: 91.0%", 4),
             ("PSU efficiency at 50% load: 96%", 2)]
    assert _clause(_sheet(tmp_path / "small.pdf", lines))[:2] == ("fail", 91.0)


def test_text_shrunk_by_its_placement_is_measured_as_printed(tmp_path: Path) -> None:
    lines = [("Rack server SR-9 power supply test report", 11), ("PSU efficiency at 50% load: 96%", 10)]
    status, _, warnings = _clause(_sheet(tmp_path / "scaled.pdf", lines, scale=0.25))  # 10 pt drawn at 2.5 pt
    assert status == "missing_evidence"
    assert any("too small to read" in w for w in warnings), warnings
