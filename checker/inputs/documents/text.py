"""The fast text pass: pypdfium2, page by page, and the rebuilding of lines from glyph boxes.

A page's text comes from pdfium in content order, which in many data sheets is not reading
order (a table's values may be printed before its labels). :func:`page_rows` therefore rebuilds
lines from glyph positions: glyphs on the same baseline form a line; a wide gap splits the line
into cells, so a two-column spec table or a load table keeps its columns.
"""

from __future__ import annotations

import ctypes
import logging
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pypdfium2 as pdfium

from checker.inputs.documents import fonts
from checker.inputs.documents.form_fields import field_lines
from checker.inputs.documents.numbers import HIDDEN_MARK
from checker.inputs.documents.pdf_space import Box, box_through, compose, invert, shown_box, untyped
from checker.inputs.documents.visibility import HiddenText, hidden_text, page_box

log = logging.getLogger(__name__)



@dataclass
class Cell:
    """Text at a horizontal position (PDF points, or pixels for OCR)."""

    text: str
    x0: float
    x1: float
    confidence: float = 100.0  # OCR: the lowest word confidence of the cell (0–100)
    glyphs: list[Glyph] = field(default_factory=list, repr=False, compare=False)  # its words, left to right

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


@dataclass(slots=True)
class Glyph:
    """One word or glyph with its box; y grows downwards."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    space_before: bool = False
    confidence: float = 100.0


def is_cjk(char: str) -> bool:
    """A CJK character or full-width form (U+3000–U+9FFF, U+FF00–U+FFEF); False for ""."""
    return bool(char) and ("\u3000" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef")


def join_words(words: list[Glyph]) -> str:
    """Join glyphs of one cell: no space between CJK characters or touching glyphs."""
    if len(words) == 1:
        return words[0].text
    out = ""
    prev: Glyph | None = None
    for g in words:
        if prev is not None:
            height = max(prev.bottom - prev.top, g.bottom - g.top, 1.0)
            gap = g.x0 - prev.x1
            both_cjk = is_cjk(prev.text[-1:]) and is_cjk(g.text[:1])
            latin_gap = (g.space_before or gap > 0.25 * height) and not both_cjk and gap > -0.5 * height
            if latin_gap or (both_cjk and gap > 0.9 * height):
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
        row_cells = [Cell(c[0].text.strip(), c[0].x0, c[0].x1, c[0].confidence, c) if len(c) == 1 else
                     Cell(join_words(c).strip(), c[0].x0, max(x.x1 for x in c), min(x.confidence for x in c), c)
                     for c in cells]
        rows.append(Row(row_cells, page, ocr=ocr, top=min(g.top for g in line), height=height))
    return rows


_WORD = re.compile(r"[^\s\x00]+")
# Called for the first and last character of every word: bindings without ctypes' argument checks
# (see pdf_space.untyped); passed only the text page, an int index and a byref.
_LOOSE_BOX = untyped(pdfium.raw.FPDFText_GetLooseCharBox)
_CHAR_ANGLE = untyped(pdfium.raw.FPDFText_GetCharAngle, ctypes.c_float)
_GET_OBJECT = untyped(pdfium.raw.FPDFPage_GetObject, pdfium.raw.FPDFPage_GetObject.restype)  # (page, int)
_GET_TYPE = untyped(pdfium.raw.FPDFPageObj_GetType)  # (object)


def blank_out(text: str, indices: Iterable[int]) -> str:
    """``text`` with the characters at ``indices`` turned into spaces (the indices of the rest stay). One that touches a
    visible digit or decimal mark becomes :data:`HIDDEN_MARK` instead, so the number's visible part is never read as
    a number of its own ("1200" with its "1" hidden is no "200")."""
    hidden = set(indices)
    chars = list(text)

    def numeric(index: int) -> bool:
        return 0 <= index < len(text) and index not in hidden and (text[index].isdigit() or text[index] in ".,")

    for index in hidden:
        chars[index] = HIDDEN_MARK if numeric(index - 1) or numeric(index + 1) else " "
    return "".join(chars)


def _glyph_runs(raw_textpage: object, text: str, page_height: float, *, per_character: bool = False,
                rotation: int = 0, page_width: float = 0.0) -> list[Glyph]:
    """Glyphs of a text page: each word of pdfium's text (no whitespace inside) as one glyph.

    pdfium puts a space or a line break wherever characters are apart, so a word is normally a
    run of touching characters on one baseline, and the boxes of its first and last characters
    give its box. Where those two boxes do not share a band, or the word is wider than its
    characters can be, the word is split character by character (:func:`_char_runs`), which
    gives the same rows. Rotated words (side bars, stamps) are skipped. ``per_character=True``
    splits every word that way (the reference the tests compare with).

    Boxes and angles are as a viewer shows the page: on a page turned by its /Rotate (a landscape
    table on a portrait page, a scan stored sideways), text drawn turned the other way is upright.
    """
    rect = pdfium.raw.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    loose_box, angle_of = _LOOSE_BOX, _CHAR_ANGLE
    shown = shown_box(rotation % 360, page_width, page_height)
    turn = math.radians(rotation % 360)

    def box(i: int) -> tuple[float, float, float, float] | None:
        if not loose_box(raw_textpage, i, rect_ref) or (rect.right <= rect.left and rect.top <= rect.bottom):
            return None
        return shown(*placed(raw_textpage, i, (rect.left, rect.bottom, rect.right, rect.top)))

    def tilted(i: int) -> bool:
        angle = (angle_of(raw_textpage, i) + turn) % math.tau
        return min(angle, math.tau - angle) > 0.05

    glyphs: list[Glyph] = []
    for m in _WORD.finditer(text):
        first, last = m.start(), m.end() - 1
        space = first > 0
        head = None if per_character else box(first)
        if head is None or tilted(first):
            glyphs.extend(_char_runs(box, tilted, text, first, last + 1, space))
            continue
        tail = head if last == first else box(last)
        if tail is not None and _one_run(head, tail, last - first + 1):
            glyphs.append(Glyph(m.group(0), head[0], max(head[1], tail[1]), head[2], head[3], space))
        else:
            glyphs.extend(_char_runs(box, tilted, text, first, last + 1, space))
    return glyphs


_TEXT_MATRIX = untyped(pdfium.raw.FPDFText_GetMatrix)  # (text page, int, byref matrix)
_CHAR_ORIGIN = untyped(pdfium.raw.FPDFText_GetCharOrigin)  # (text page, int, byref double, byref double)
_FONT_SIZE = untyped(pdfium.raw.FPDFText_GetFontSize, ctypes.c_double)  # (text page, int)
_TEXT_OBJECT = untyped(pdfium.raw.FPDFText_GetTextObject, ctypes.c_void_p)  # (text page, int)
_OBJECT_MATRIX = untyped(pdfium.raw.FPDFPageObj_GetMatrix)  # (object, byref matrix)


def placed(raw_textpage: object, index: int, box: Box) -> Box:
    """A character's box (left, bottom, right, top) on the page. pdfium leaves the box and origin of
    some characters drawn inside a form XObject (a page placed turned or scaled, each CJK character
    its own text object) in the form's own space, far from their line; such a character is found by
    its origin lying off its text object's baseline on the page, and its box is taken into the page
    by the form's placement (the object's matrix on the page after the inverse of its own)."""
    page_matrix, origin_x, origin_y = pdfium.raw.FS_MATRIX(), ctypes.c_double(), ctypes.c_double()
    if not _TEXT_MATRIX(raw_textpage, index, ctypes.byref(page_matrix)) or \
            not _CHAR_ORIGIN(raw_textpage, index, ctypes.byref(origin_x), ctypes.byref(origin_y)):
        return box
    a, b, e, f = page_matrix.a, page_matrix.b, page_matrix.e, page_matrix.f
    length = math.hypot(a, b)
    if length == 0:
        return box
    dx, dy = origin_x.value - e, origin_y.value - f
    tolerance = max(2.0, 0.6 * (_FONT_SIZE(raw_textpage, index) or 0.0))
    if abs(dx * b - dy * a) / length <= tolerance and (dx * a + dy * b) / length >= -tolerance:
        return box  # on its baseline: pdfium placed it
    own = pdfium.raw.FS_MATRIX()
    handle = _TEXT_OBJECT(raw_textpage, index)
    if not handle or not _OBJECT_MATRIX(ctypes.c_void_p(handle), ctypes.byref(own)):
        return box
    undo = invert((own.a, own.b, own.c, own.d, own.e, own.f))
    if undo is None:
        return box
    on_page = (page_matrix.a, page_matrix.b, page_matrix.c, page_matrix.d, page_matrix.e, page_matrix.f)
    return box_through(box, compose(undo, on_page))  # the form's placement: the object's own matrix undone


def _one_run(head: tuple[float, float, float, float], tail: tuple[float, float, float, float], count: int) -> bool:
    """True when a word's first and last character boxes can belong to one touching run."""
    height = max(head[3] - head[2], 1.0)
    tolerance = 0.1 * height
    if abs(head[2] - tail[2]) >= tolerance or abs(head[3] - tail[3]) >= tolerance:
        return False
    widest = max(head[1] - head[0], tail[1] - tail[0], 0.5 * height)
    return head[0] - tolerance <= tail[0] and tail[1] - head[0] <= count * widest + tolerance


def _char_runs(box: Callable[[int], tuple[float, float, float, float] | None], tilted: Callable[[int], bool],
               text: str, start: int, end: int, space: bool) -> list[Glyph]:
    """Glyphs of ``text[start:end]`` character by character, touching characters merged."""
    glyphs: list[Glyph] = []
    run: Glyph | None = None
    for i in range(start, end):
        found = box(i)
        if found is None:
            continue
        left, right, top, bottom = found
        if run is not None:
            tolerance = 0.1 * max(run.bottom - run.top, 1.0)
            if abs(top - run.top) < tolerance and abs(bottom - run.bottom) < tolerance \
                    and -tolerance < left - run.x1 < tolerance:
                run.text += text[i]
                run.x1 = max(run.x1, right)
                continue
        if tilted(i):
            run = None
            continue
        run = Glyph(text[i], left, right, top, bottom, space and not glyphs)
        glyphs.append(run)
    return glyphs


def _draws_image(page: pdfium.PdfPage) -> bool:
    """Whether the page draws an image, or a form XObject that may hold one (a scan does)."""
    raw = page.raw
    get, get_type = _GET_OBJECT, _GET_TYPE  # called for every object of the page: untyped (pdf_space.untyped)
    kinds = (pdfium.raw.FPDF_PAGEOBJ_IMAGE, pdfium.raw.FPDF_PAGEOBJ_FORM)
    return any(get_type(get(raw, k)) in kinds for k in range(pdfium.raw.FPDFPage_CountObjects(raw)))


class PdfText:
    """An open PDF read with pypdfium2: page count, fast page text, rebuilt rows.

    Text nobody can see on the printed page (:mod:`checker.inputs.documents.visibility`) is left out of
    the page text, its character count and its rows; ``hidden`` keeps, by 0-based page, what was
    left out and why, for the reader's warnings and the pdfplumber tables.
    """

    def __init__(self, document: pdfium.PdfDocument) -> None:
        self.document = document
        self.hidden: dict[int, HiddenText] = {}
        self.heights: dict[int, float] = {}  # by 0-based page: the height of the page as shown, in points
        fonts.install()

    def __len__(self) -> int:
        return len(self.document)

    def page_text(self, index: int) -> tuple[str, int]:
        """Plain text of page ``index`` (0-based) and its count of non-space characters."""
        text, chars, _ = self.read_page(index, lambda _key: False)
        return text, chars

    def page_rows(self, index: int) -> list[Row]:
        """Rows rebuilt from the glyph boxes of page ``index`` (0-based); pages are 1-based in rows."""
        return self.read_page(index, lambda _key: True)[2] or []

    def read_page(self, index: int, wants_rows: Callable[[str], bool], *, whole: bool = False
                  ) -> tuple[str, int, list[Row] | None]:
        """Text of page ``index``, its count of non-space characters and, when ``wants_rows(text)``
        says so, its rows, loading the page once.

        Text nobody can see is left out of all three wherever it could matter: on pages whose rows
        are wanted, on pages whose ``whole`` text is used (category and model detection), and on
        pages that draw an image (a scan's invisible OCR layer must not hide that it is a scan).
        ``wants_rows`` sees the text with the hidden parts still in: it only decides what to read.
        """
        page = self.document[index]
        textpage = page.get_textpage()
        self.heights[index] = page.get_height()
        try:
            fonts.raise_pending()
            fonts.keep_loaded(self.document, index)
            count = textpage.count_chars()
            text = textpage.get_text_range(0, count) if count > 0 else ""
            if not text.strip():
                return text, 0, None
            wanted = wants_rows(text)
            if wanted or whole or _draws_image(page):
                text = self._visible(page, textpage, text, count, index)
            chars = len(re.sub(r"\s+", "", text))
            if chars == 0 or not wanted:
                return text, chars, None
            glyphs = _glyph_runs(textpage.raw, text[:count], page.get_height(), rotation=page.get_rotation(),
                                 page_width=page.get_width())
            return text, chars, rows_from_glyphs(glyphs + self._field_glyphs(page), index + 1)
        finally:
            textpage.close()
            page.close()

    def _field_glyphs(self, page: pdfium.PdfPage) -> list[Glyph]:
        """The values a filled-in form shows on the page, as glyphs where its fields show them (form_fields.py)."""
        lines = field_lines(self.document, page, page_box(page))
        if not lines:
            return []
        shown = shown_box(page.get_rotation() % 360, page.get_width(), page.get_height())
        return [Glyph(line, *shown(*box), space_before=True) for line, box in lines]

    def _visible(self, page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, text: str, count: int, index: int) -> str:
        """``text`` with what nobody can see blanked out (recorded in ``hidden``)."""
        hidden = hidden_text(page, textpage, text[:count], index + 1)
        if hidden is None:
            return text
        self.hidden[index] = hidden
        return blank_out(text, hidden.chars)

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
