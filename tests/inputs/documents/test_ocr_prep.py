"""Scanned pages: ruled lines removed before OCR, tesseract lines kept as rows on a skewed scan,
and the scanned UPS report read (regression: energy grade and battery were missed in session 1)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from checker.inputs.documents import read_pdf
from checker.inputs.documents.ocr import rows_from_tsv, tesseract_path
from checker.inputs.documents.ruled_lines import otsu_threshold, remove_rules

SAMPLES = Path(__file__).resolve().parents[3] / "samples" / "documents"


def _ruled_page() -> Image.Image:
    image = Image.new("L", (1200, 600), 230)
    draw = ImageDraw.Draw(image)
    for y in (100, 160, 220):  # slightly skewed rules, as a scanner leaves them
        draw.line([(50, y), (1150, y + 6)], fill=20, width=3)
    for x in (50, 600, 1150):
        draw.line([(x, 100), (x + 2, 226)], fill=20, width=3)
    draw.rectangle([100, 120, 130, 140], fill=20)  # a "character": short strokes survive
    draw.line([(200, 190), (230, 190)], fill=20, width=3)
    return image


def test_rules_removed_characters_kept() -> None:
    clean = np.asarray(remove_rules(_ruled_page(), dpi=300))
    assert clean[100:104, 300:900].min() == 255  # the horizontal rule is gone
    assert clean[150:180, 599:604].min() == 255  # the vertical rule is gone
    assert clean[125:135, 105:125].max() == 0  # the block stays black
    assert clean[189:192, 205:225].max() == 0  # a short stroke stays


def test_otsu_splits_ink_from_paper() -> None:
    gray = np.array([[20] * 50 + [230] * 50], dtype=np.uint8)
    assert 20 <= otsu_threshold(gray) < 230  # ink is at or below the threshold, paper above


def _tsv(words: list[tuple[int, int, int, str]]) -> str:
    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    lines = [f"5\t1\t1\t1\t{line}\t{i}\t{left}\t{top}\t80\t30\t90\t{text}"
             for i, (line, left, top, text) in enumerate(words)]
    return "\n".join([head, *lines])


def test_tesseract_line_is_one_row_on_a_skewed_scan() -> None:
    # one tesseract line drifting 24 px down over the page (more than half a text height)
    rows = rows_from_tsv(_tsv([(1, 100, 200, "能效等级"), (1, 900, 212, "1级"), (1, 1500, 224, "合格"),
                               (2, 100, 260, "含电池")]), 5)
    assert [r.text for r in rows] == ["能效等级  1级  合格", "含电池"]


@pytest.mark.skipif(tesseract_path() is None, reason="tesseract not installed")
@pytest.mark.slow
def test_scanned_ups_report_fields() -> None:
    doc = read_pdf(SAMPLES / "ups-mu200-report-scan.pdf")
    facts = {f.field: f for f in doc.facts}
    assert facts["energy_grade"].value == 1.0 and facts["energy_grade"].evidence[0].ocr
    assert facts["has_battery"].value is True
    assert doc.model == "MU200-3P"


def _ocr_facts(confidence: float) -> dict[str, object]:
    from checker.inputs.documents.extract import Extractor
    from checker.inputs.documents.vocabulary import load_vocabulary

    tsv = _tsv([(1, 100, 200, "50%负载效率"), (1, 900, 200, "94.6%")]).replace("\t90\t94.6%", f"\t{confidence}\t94.6%")
    rows = rows_from_tsv(tsv, 1)
    found = Extractor(load_vocabulary(), "scan.pdf", "server").block(rows)
    return {c.field: c.fact for c in found}


def test_low_ocr_confidence_is_doubtful() -> None:
    from checker.catalog.clauses import load_catalog
    from checker.engine.frame import quantity_cell

    sure, unsure = _ocr_facts(96.0), _ocr_facts(41.0)
    assert sure["psu_efficiency_50"].note == ""  # type: ignore[attr-defined]
    fact = unsure["psu_efficiency_50"]
    assert fact.note.startswith("doubtful OCR reading (confidence 41 %")  # type: ignore[attr-defined]
    cell = quantity_cell(load_catalog().fields["psu_efficiency_50"], [fact])  # type: ignore[list-item]
    assert cell.issue and "doubtful" in cell.issue and cell.value is None
