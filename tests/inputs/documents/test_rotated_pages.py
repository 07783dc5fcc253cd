"""A page turned by its /Rotate is read as a viewer shows it.

A landscape table is often stored as a portrait page with /Rotate 90 and its text drawn turned the
other way; a scan stored sideways is the same. pdfium gives character boxes and angles in the
unturned page, so every character looked rotated, was skipped as a side bar, and an honest test
report gave "no facts found". Pages turned 90, 180 and 270 degrees must read exactly as the upright one.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from checker.pipeline import check

ROWS = [["Model: SR-9 Server power supply test report"], ["Load", "Efficiency", "Power factor"],
        ["20%", "92.0%", "0.95"], ["50%", "93.5%", "0.98"], ["100%", "95.5%", "0.99"]]
WIDTH, HEIGHT = A4
# content drawn so that the page turned clockwise by its /Rotate shows it upright; reportlab swaps the
# media box of a page turned 90 or 270 degrees (842 × 595)
TURNED_BACK = {0: (1, 0, 0, 1, 0, 0), 90: (0, 1, -1, 0, WIDTH, 0), 180: (-1, 0, 0, -1, WIDTH, HEIGHT),
               270: (0, -1, 1, 0, 0, WIDTH)}


def _turned_report(path: Path, rotation: int) -> Path:
    page = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    if rotation:
        page.setPageRotation(rotation)
    page.saveState()
    page.transform(*TURNED_BACK[rotation])
    y = 540.0 if rotation in (90, 270) else 800.0
    for row in ROWS:
        for column, cell in enumerate(row):
            page.setFont("Helvetica", 10)
            page.drawString(50 + column * 130, y, cell)
        y -= 18
    page.restoreState()
    page.showPage()
    page.save()
    return path


def _readings(path: Path) -> dict[str, tuple[str, float | None, str]]:
    report = check([path], date(2026, 1, 1), category="server").report()
    return {c.id: (c.status, c.value, c.evidence[0].text if c.evidence else "")
            for c in report.products[0].clauses if c.id.startswith("6.2.1/psu")}



@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_a_turned_page_reads_as_the_upright_one(tmp_path: Path, rotation: int) -> None:
    upright = _readings(_turned_report(tmp_path / "upright.pdf", 0))
    assert upright["6.2.1/psu-eff-50"][:2] == ("fail", 93.5) and upright["6.2.1/psu-eff-100"][:2] == ("pass", 95.5)
    assert _readings(_turned_report(tmp_path / f"turned{rotation}.pdf", rotation)) == upright



ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.slow
@pytest.mark.parametrize(("seed", "index"), [(12071221, 24), (12071221, 66)])
def test_characters_pdfium_leaves_in_a_turned_forms_own_space(tmp_path: Path, seed: int, index: int) -> None:
    """Regression: generated Chromium-printed Chinese generator sheets (each CJK character its own text object),
    stored turned with the page placed as a form XObject: pdfium gave some characters ("方" of "正前方") their box
    in the form's own space, far from their line, so the label lost a character and the noise was not read."""
    import random
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from docgen.build import one
    from docgen.render import chromium_available

    if not chromium_available():
        pytest.skip("Chromium is not installed (CI installs it)")
    draws = random.Random(seed)
    for _ in range(index):
        draws.getrandbits(64)
    truth = one(tmp_path, index, random.Random(draws.getrandbits(64)), 0.15, 0.1)
    assert truth["turned"] and truth["category"] == "generator" and truth["producer"] == "chromium"
    report = check([tmp_path / truth["file"]], date(2026, 1, 1)).report()
    noise = next(c for c in report.products[0].clauses if c.id == "6.3.5/noise")
    loudest = max(truth["fields"][f"noise_{side}"]["value"] for side in ("front", "back", "left", "right"))
    assert (noise.status, noise.value) == (truth["verdicts"]["6.3.5/noise"], loudest)
