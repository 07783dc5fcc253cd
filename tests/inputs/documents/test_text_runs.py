"""The word-level glyph runs of the fast text pass give the same rows as reading every character.

``_glyph_runs`` boxes a whole pdfium word from its first and last characters; ``_char_runs``
boxes every character. On the sample corpus and the real switch, server, PSU and RoHS documents
they must rebuild identical rows (the Cummins sheets differ only where a subscript "2" of "H2O"
now stays in its word, which is checked separately).
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from checker.inputs.documents import text as T

ROOT = Path(__file__).resolve().parents[3]
REAL = ROOT.parent / "shared" / "realdata"
FILES = sorted((ROOT / "samples" / "documents").glob("*.pdf")) + sorted(
    p for sub in ("network_switch", "server_datasheets", "psu", "rohs", "pdu") for p in (REAL / sub).rglob("*.pdf")
)


def _rows(path: Path, per_character: bool) -> list[list[str]]:
    document = pdfium.PdfDocument(str(path))
    pages = []
    try:
        for index in range(min(len(document), 30)):
            page = document[index]
            textpage = page.get_textpage()
            count = textpage.count_chars()
            text = textpage.get_text_range(0, count) if count > 0 else ""
            glyphs = T._glyph_runs(textpage.raw, text[:count], page.get_height(), per_character=per_character)
            pages.append([r.text for r in T.rows_from_glyphs(glyphs, index + 1)])
            textpage.close()
            page.close()
    finally:
        document.close()
    return pages


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_word_runs_equal_character_runs(path: Path) -> None:
    assert _rows(path, per_character=False) == _rows(path, per_character=True)


def test_subscript_stays_in_its_word() -> None:
    sheet = REAL / "generator" / "cummins_cat_datasheets" / "cummins-c640d5-data-sheet.pdf"
    if not sheet.exists():
        pytest.skip("realdata not present")
    rows = [r for page in _rows(sheet, per_character=False) for r in page]
    assert any("12.7 mm H2O" in r for r in rows)
