"""How sure OCR was of a value: the confidence of the glyphs the value (and, for a word value, its label) was
read from, not of the whole line.

RapidOCR scores every word box; a line of a scanned brochure or a table row holds words it is unsure of
("/", a stamp's edge, a blurred word) beside the figure it read at 0.99. A value is doubtful when the words
it is made of are: their lowest score under ``ocr_min_confidence`` of catalogs/limits.yaml puts it to manual
review. Where the words cannot be placed in the row's text (a cell whose folded text is not as long as the
printed one), the cell's lowest score counts, as before.
"""

from __future__ import annotations

from checker.inputs.documents.rowparse import cell_key, row_key
from checker.inputs.documents.text import Cell, Row
from checker.inputs.guard import get_limits


def ocr_doubt(row: Row, spans: list[tuple[int, int]] | None) -> str:
    """A "doubtful" note when the OCR confidence of the words at ``spans`` (start, end in the row's folded
    text) — without spans, of the row's least sure cell — is under ``ocr_min_confidence``."""
    confidence = min((c.confidence for c in row.cells), default=100.0)
    if spans:
        confidence = min(_span_confidence(row, start, end) for start, end in spans)
    floor = get_limits().ocr_min_confidence
    if confidence >= floor:
        return ""
    return f"doubtful OCR reading (confidence {confidence:.0f} %, under {floor:g} %): confirm on the page image"


def _span_confidence(row: Row, start: int, end: int) -> float:
    """The lowest confidence of the words of ``row`` that lie in ``start:end`` of its folded text."""
    _, cell_spans = row_key(row)
    scores = []
    for cell, (a, b) in zip(row.cells, cell_spans, strict=True):
        if b <= start or a >= max(end, start + 1):
            continue
        words = _word_confidence(cell, max(start, a) - a, min(max(end, start + 1), b) - a)
        scores.append(cell.confidence if words is None else words)
    return min(scores, default=min((c.confidence for c in row.cells), default=100.0))


def _word_confidence(cell: Cell, a: int, b: int) -> float | None:
    """The lowest confidence of the words of ``cell`` overlapping ``a:b`` of its text; None when the words
    cannot be placed in the text (folding changed its length, or a word is not found in it)."""
    text = cell.text
    if not cell.glyphs or len(cell_key(text)) != len(text):
        return None
    pos, found = 0, []
    for glyph in cell.glyphs:
        word = glyph.text.strip()
        at = text.find(word, pos)
        if at < 0:
            return None
        if at < b and at + len(word) > a:
            found.append(glyph.confidence)
        pos = at + len(word)
    return min(found, default=None)
