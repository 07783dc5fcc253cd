"""The fast text pass: pypdfium2, page by page, and the rebuilding of lines from glyph boxes.

A page's text comes from pdfium in content order, which in many data sheets is not reading
order (a table's values may be printed before its labels). :func:`page_rows` therefore rebuilds
lines from glyph positions: glyphs on the same baseline form a line; a wide gap splits the line
into cells, so a two-column spec table or a load table keeps its columns.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pypdfium2 as pdfium

log = logging.getLogger(__name__)

_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


@dataclass
class Cell:
    """Text at a horizontal position (PDF points, or pixels for OCR)."""

    text: str
    x0: float
    x1: float

    @property
    def center(self) -> float:
        """Horizontal centre."""
        return (self.x0 + self.x1) / 2


@dataclass
class Row:
    """One line of a page or one row of a table: the unit a value's evidence quotes."""

    cells: list[Cell]
    page: int
    ocr: bool = False
    origin: str = "line"  # "line" | "table"
    top: float = 0.0
    height: float = 10.0
    consumed: bool = field(default=False, compare=False)

    @property
    def text(self) -> str:
        """The row's text as quoted in evidence: cells joined by two spaces (tables: " | ")."""
        sep = " | " if self.origin == "table" else "  "
        return sep.join(c.text for c in self.cells if c.text)


@dataclass
class Glyph:
    """One word or glyph with its box; y grows downwards."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    space_before: bool = False


def join_words(words: list[Glyph]) -> str:
    """Join glyphs of one cell: no space between CJK characters or touching glyphs."""
    out = ""
    prev: Glyph | None = None
    for g in words:
        if prev is not None:
            height = max(prev.bottom - prev.top, g.bottom - g.top, 1.0)
            gap = g.x0 - prev.x1
            both_cjk = bool(_CJK.search(prev.text[-1:]) and _CJK.search(g.text[:1]))
            if (g.space_before or gap > 0.25 * height) and not both_cjk and gap > -0.5 * height:
                out += " "
            elif both_cjk and gap > 0.9 * height:
                out += " "
        out += g.text
        prev = g
    return out


def rows_from_glyphs(glyphs: list[Glyph], page: int, *, ocr: bool = False, cell_gap: float = 1.0) -> list[Row]:
    """Group glyphs into lines (same vertical band) and cells (split where the gap exceeds
    ``cell_gap`` × the line's text height). Rows are returned top to bottom."""
    glyphs = [g for g in glyphs if g.text.strip()]
    glyphs.sort(key=lambda g: ((g.top + g.bottom) / 2, g.x0))
    lines: list[list[Glyph]] = []
    centers: list[float] = []
    for g in glyphs:
        center = (g.top + g.bottom) / 2
        height = max(g.bottom - g.top, 1.0)
        if lines and abs(center - centers[-1]) < 0.45 * height:
            lines[-1].append(g)
        else:
            lines.append([g])
            centers.append(center)
    rows: list[Row] = []
    for line in lines:
        line.sort(key=lambda g: g.x0)
        heights = sorted(g.bottom - g.top for g in line)
        height = max(heights[len(heights) // 2], 1.0)
        cells: list[list[Glyph]] = [[line[0]]]
        for g in line[1:]:
            if g.x0 - cells[-1][-1].x1 > cell_gap * height:
                cells.append([g])
            else:
                cells[-1].append(g)
        row_cells = [Cell(join_words(c).strip(), c[0].x0, max(x.x1 for x in c)) for c in cells]
        rows.append(Row(row_cells, page, ocr=ocr, top=min(g.top for g in line), height=height))
    return rows


class PdfText:
    """An open PDF read with pypdfium2: page count, fast page text, rebuilt rows."""

    def __init__(self, document: pdfium.PdfDocument) -> None:
        self.document = document

    def __len__(self) -> int:
        return len(self.document)

    def page_text(self, index: int) -> tuple[str, int]:
        """Plain text of page ``index`` (0-based) and its count of non-space characters."""
        text, chars, _ = self.read_page(index, lambda _key: False)
        return text, chars

    def page_rows(self, index: int) -> list[Row]:
        """Rows rebuilt from the glyph boxes of page ``index`` (0-based); pages are 1-based in rows."""
        return self.read_page(index, lambda _key: True)[2] or []

    def read_page(self, index: int, wants_rows: Callable[[str], bool]) -> tuple[str, int, list[Row] | None]:
        """Text of page ``index``, its count of non-space characters and, when ``wants_rows(text)``
        says so, its rows, loading the page once."""
        page = self.document[index]
        textpage = page.get_textpage()
        try:
            count = textpage.count_chars()
            text = textpage.get_text_range(0, count) if count > 0 else ""
            chars = len(re.sub(r"\s+", "", text))
            if chars == 0 or not wants_rows(text):
                return text, chars, None
            height = page.get_height()
            glyphs: list[Glyph] = []
            space = False
            for i, ch in enumerate(text[:count]):
                if ch in "\r\n\x00" or not ch.strip():
                    space = True
                    continue
                if abs(pdfium.raw.FPDFText_GetCharAngle(textpage.raw, i)) > 0.05:
                    continue  # rotated text (side bars, stamps) would interleave with the lines
                left, bottom, right, top = textpage.get_charbox(i, loose=True)
                if right <= left and top <= bottom:
                    continue
                glyphs.append(Glyph(ch, left, right, height - top, height - bottom, space))
                space = False
            return text, chars, rows_from_glyphs(glyphs, index + 1)
        finally:
            textpage.close()
            page.close()

    def has_images(self, index: int) -> bool:
        """True when page ``index`` draws at least one image (a scanned page)."""
        page = self.document[index]
        try:
            return any(obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE for obj in page.get_objects(max_depth=2))
        finally:
            page.close()

    def close(self) -> None:
        """Release the document."""
        self.document.close()
