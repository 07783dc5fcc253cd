"""Text a PDF carries but a reader of the printed page cannot see, which is never evidence.

A text layer can hold words nobody sees: drawn in render mode 3 (invisible) or 7 (clip only),
in the colour of what lies beneath it (white on white), too small to read at print size (under
``legible_size`` of catalogs/vocabulary.yaml, 3 pt: a "94.1 %" in 1.5 pt grey), outside the page's crop
box, under an opaque box drawn over it, or under an annotation laid over the page
(:mod:`checker.inputs.documents.covered`). A scanner's OCR layer is the honest case of
invisible text; a "96 %" hidden beside a printed "91 %" is the dishonest one. Either way only
what is printed counts: :func:`hidden_text` walks the page objects (cheap: a handful of pdfium
calls per object, per-character work only on pages that do hide text) and names the characters
to leave out, with the reason, so the reader can drop them and say so in a warning.
"""

from __future__ import annotations

import ctypes
import logging
import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

import numpy as np
import pypdfium2 as pdfium

from checker.catalog.files import read_yaml
from checker.inputs.documents.clipping import CLIPPED, Clips
from checker.inputs.documents.covered import covered_chars
from checker.inputs.documents.layers import SWITCHED_OFF, in_layer, switched_off
from checker.inputs.documents.pdf_space import Box, Matrix, box_through, compose, shown_box, untyped
from checker.inputs.documents.squeezed import SQUEEZED, squeezed_chars
from checker.inputs.documents.struck import STRUCK, is_rule, struck_chars

log = logging.getLogger(__name__)

R = pdfium.raw
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

INVISIBLE_MODES = {3: "drawn invisible (render mode 3)", 7: "used only as a clipping path (render mode 7)"}
FILL_MODES = {0, 2, 4, 6}
STROKE_MODES = {1, 2, 5, 6}
SMALL_BOX = 2.0  # a text object whose box is under this many times the legible size is measured (its font size)
SAME_COLOUR = 24  # largest channel difference (0–255) at which two colours are taken as one
OFF_PAGE = "outside the page"
_MAX_DEPTH = 8  # form XObjects nested deeper than this are not looked into


_GET_OBJECT = untyped(R.FPDFPage_GetObject, R.FPDFPage_GetObject.restype)  # (page, int) -> object
_GET_TYPE = untyped(R.FPDFPageObj_GetType)
_GET_MODE = untyped(R.FPDFTextObj_GetTextRenderMode)
_GET_FILL = untyped(R.FPDFPageObj_GetFillColor)
_GET_BOUNDS = untyped(R.FPDFPageObj_GetBounds)
_GET_DRAW_MODE = untyped(R.FPDFPath_GetDrawMode)


@dataclass
class _Shape:
    """A filled path, image or shading: what may lie beneath text or cover it.

    Only the box is read while walking the page; the fill of a path is read the first time text
    lies within its box (:meth:`resolve`)."""

    box: Box
    order: int
    obj: Any
    matrix: Matrix
    kind: int
    resolved: bool = False
    colour: tuple[int, int, int] | None = None  # None: unknown (image, shading) or not filled
    filled: bool = False
    opaque: bool = False
    complex: bool = False
    winding: bool = True

    def resolve(self) -> _Shape:
        """Read the fill of the shape (once)."""
        if self.resolved:
            return self
        self.resolved = True
        if self.kind != R.FPDF_PAGEOBJ_PATH:
            self.filled = True
            self.opaque = self.kind == R.FPDF_PAGEOBJ_IMAGE and not R.FPDFPageObj_HasTransparency(self.obj)
            return self
        fill, stroke = ctypes.c_int(0), ctypes.c_int(0)
        if not R.FPDFPath_GetDrawMode(self.obj, ctypes.byref(fill), ctypes.byref(stroke)) or fill.value == 0:
            return self
        red, green, blue, alpha = _fill(self.obj)
        self.filled, self.colour = True, (red, green, blue)
        self.complex = R.FPDFPath_CountSegments(self.obj) > 5  # more than one rectangle: tested by point
        self.opaque = alpha == 255 and not self.complex
        self.winding = fill.value == R.FPDF_FILLMODE_WINDING
        return self

    def under(self, box: Box) -> bool:
        """Whether this shape's fill lies under the whole of ``box`` (a complex path: under its centre)."""
        if not _contains(self.box, box) or not self.resolve().filled:
            return False
        if not self.complex:
            return True
        centre = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
        return _in_path(self.obj, compose(_matrix(self.obj), self.matrix), centre, winding=self.winding)


class _Text(NamedTuple):
    """One text object: its box on the page, drawing order, render mode, painted colours, placement."""

    obj: Any
    box: Box
    order: int
    mode: int
    paints: list[tuple[int, int, int, int]]
    matrix: Matrix

    def size(self) -> float:
        """The font size in points as drawn: the height of its glyphs, text and form matrices applied (text squeezed
        sideways keeps its height: :mod:`checker.inputs.documents.squeezed` judges the squeeze)."""
        size = ctypes.c_float(0.0)
        R.FPDFTextObj_GetFontSize(self.obj, ctypes.byref(size))
        _, _, c, d, _, _ = compose(_matrix(self.obj), self.matrix)
        return abs(size.value) * math.hypot(c, d)


class _Scan:
    """One walk over a page's objects, in drawing order, with one set of ctypes buffers.

    Per object its type; per text object its box, render mode and painted colours; per path,
    image or shading large enough to hold a line of text its box (the fill is read later, and
    only where text lies within it).
    """

    def __init__(self, crop: Box) -> None:
        self.order = 0
        self.crop = crop
        self.legible = legible_size()
        self.plain: list[tuple[Any, ...]] = []  # dark, opaque, legible, on the page: seen unless a shape hides
        # them; the fields of a _Text, made one only when shapes are drawn
        self.odd: list[_Text] = []  # the rest, each looked at in turn
        self.shapes: list[_Shape] = []
        self.rules: list[Box] = []  # thin horizontal lines, stroked or filled
        self.clipped: dict[int, Box] = {}  # text objects (by handle) not wholly inside their clip: the clip's box
        self.layered: dict[int, Box] = {}  # text objects (by handle) in optional content (a layer): their box
        self.clips = Clips()
        self._floats = [ctypes.c_float(0) for _ in range(4)]
        self._float_refs = [ctypes.byref(value) for value in self._floats]
        self._ints = [ctypes.c_int(0), ctypes.c_int(0)]
        self._int_refs = [ctypes.byref(value) for value in self._ints]
        self._uints = [ctypes.c_uint(0) for _ in range(4)]
        self._uint_refs = [ctypes.byref(value) for value in self._uints]

    def walk(self, container: Any, matrix: Matrix = IDENTITY, depth: int = 0, *, top: bool = True) -> None:
        """Collect the objects of a page (``top``) or of a form XObject placed by ``matrix``.

        This runs on every page whose text is used, so the loop holds just the pdfium calls it
        needs (about 1.5 µs a text object: type, render mode, box, fill colour) and sorts out the
        common case, dark text on the page, at once.
        """
        count = R.FPDFPage_CountObjects(container) if top else R.FPDFFormObj_CountObjects(container)
        get = _GET_OBJECT if top else R.FPDFFormObj_GetObject  # a form's index is an unsigned long: typed
        get_type, get_mode, get_fill, clip_box = _GET_TYPE, _GET_MODE, _GET_FILL, self.clips.box
        bounds, uints, (r0, r1, r2, r3) = self.bounds, self._uints, self._uint_refs
        plain, odd = self.plain.append, self.odd.append
        left, bottom, right, top_edge = self.crop[0] - 1, self.crop[1] - 1, self.crop[2] + 1, self.crop[3] + 1
        small = SMALL_BOX * self.legible  # a smaller box may hold text too small to read: its size is looked at
        for k in range(count):
            obj = get(container, k)
            kind = get_type(obj)
            self.order = order = self.order + 1
            if kind == _TEXT:
                mode = get_mode(obj)
                box = bounds(obj, matrix)
                clip = clip_box(obj, None if matrix is IDENTITY else matrix)
                if clip is not None and not _contains(clip, box):
                    self.clipped[ctypes.cast(obj, ctypes.c_void_p).value or 0] = clip
                if in_layer(obj):
                    self.layered[ctypes.cast(obj, ctypes.c_void_p).value or 0] = box
                if mode == 0 and get_fill(obj, r0, r1, r2, r3):
                    paint = uints[0].value, uints[1].value, uints[2].value, uints[3].value
                    if paint[3] > _FAINT and min(paint[0], paint[1], paint[2]) <= _LIGHT \
                            and box[2] - box[0] >= small and box[3] - box[1] >= small \
                            and left <= box[0] and bottom <= box[1] and box[2] <= right and box[3] <= top_edge:
                        plain((obj, box, order, mode, [paint], matrix))
                        continue
                    paints = [paint]
                else:
                    paints = self.painted(obj, mode)
                odd(_Text(obj, box, order, mode, paints, matrix))
            elif kind == _FORM:
                if depth < _MAX_DEPTH:
                    self.walk(obj, compose(_matrix(obj), matrix), depth + 1, top=False)
            elif kind in _SHAPE_KINDS:
                box = bounds(obj, matrix)
                if kind == _PATH and is_rule(box):
                    self.rules.append(box)  # a thin line: may strike text through (struck.py)
                if (kind != _PATH or self.filled(obj)) and box[2] - box[0] >= 2 and box[3] - box[1] >= 2:
                    self.shapes.append(_Shape(box, self.order, obj, matrix, kind))

    def filled(self, path: Any) -> bool:
        """Whether a path is filled (a stroked outline hides nothing inside it)."""
        _GET_DRAW_MODE(path, self._int_refs[0], self._int_refs[1])
        return self._ints[0].value != R.FPDF_FILLMODE_NONE

    def painted(self, obj: Any, mode: int) -> list[tuple[int, int, int, int]]:
        """The colours a text object is painted in (fill, stroke or both, by render mode)."""
        paints = [self.colour(R.FPDFPageObj_GetFillColor, obj)] if mode in FILL_MODES else []
        if mode in STROKE_MODES:
            paints.append(self.colour(R.FPDFPageObj_GetStrokeColor, obj))
        return paints

    def bounds(self, obj: Any, matrix: Matrix) -> Box:
        """An object's box on the page (its form's placement applied)."""
        refs, values = self._float_refs, self._floats
        _GET_BOUNDS(obj, refs[0], refs[1], refs[2], refs[3])
        box = values[0].value, values[1].value, values[2].value, values[3].value
        return box if matrix is IDENTITY else box_through(box, matrix)

    def colour(self, getter: Any, obj: Any) -> tuple[int, int, int, int]:
        """An object's fill or stroke colour as RGBA (black, opaque, when pdfium cannot tell)."""
        if not getter(obj, *self._uint_refs):
            return 0, 0, 0, 255
        red, green, blue, alpha = self._uints
        return red.value, green.value, blue.value, alpha.value

_SHAPE_KINDS = (R.FPDF_PAGEOBJ_PATH, R.FPDF_PAGEOBJ_IMAGE, R.FPDF_PAGEOBJ_SHADING)
_TEXT, _FORM, _PATH = R.FPDF_PAGEOBJ_TEXT, R.FPDF_PAGEOBJ_FORM, R.FPDF_PAGEOBJ_PATH


@dataclass
class HiddenText:
    """The characters of one page that cannot be seen: text-page index → reason."""

    page: int  # 1-based
    chars: dict[int, str] = field(default_factory=dict)
    snippets: dict[str, str] = field(default_factory=dict)  # reason → some of the hidden text
    text: str = ""  # the page's text as pdfium gives it, hidden characters included
    images: bool = False  # the page draws an image (a scan)

    def sequence(self) -> list[tuple[str, bool]]:
        """The page's non-space characters in content order, each with whether it is hidden."""
        return [(char, index in self.chars) for index, char in enumerate(self.text) if not char.isspace()]

    def warning(self) -> str:
        """One line for the report, naming the page, the reasons and what was hidden."""
        parts = [f"{reason}: {_quote(text)}" for reason, text in self.snippets.items()]
        why = "it is struck through" if set(self.snippets) == {STRUCK} else "it cannot be seen"
        return f"page {self.page}: text not used as evidence because {why} ({'; '.join(parts)})"


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def hidden_text(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, text: str, number: int) -> HiddenText | None:
    """The characters of ``text`` (pdfium's text of the page, one character per index) nobody can
    see, or None when every character is visible (the common case, decided from the page objects)."""
    crop = page_box(page)
    scan = _Scan(crop)
    scan.walk(page.raw)
    reasons: dict[int, str] = {}
    partial: dict[int, tuple[Box, str]] = {}  # objects partly hidden: the region that shows, the reason outside it
    texts = scan.odd + [_Text._make(item) for item in scan.plain] if scan.shapes else scan.odd
    boxes_of = _boxes_of(scan) if scan.clipped else {}
    for item, reason in _reasons(scan, texts):
        handle = ctypes.cast(item.obj, ctypes.c_void_p).value or 0
        if reason == OFF_PAGE and _overlaps(item.box, crop):
            partial[handle] = (crop, OFF_PAGE)
        else:
            reasons[handle] = reason
    for handle in switched_off(page, scan.layered):
        reasons.setdefault(handle, SWITCHED_OFF)
    for handle, clip in scan.clipped.items():
        if handle in reasons or handle in partial:
            continue
        if _overlaps(boxes_of.get(handle, clip), clip):
            partial[handle] = (clip, CLIPPED)
        else:
            reasons[handle] = CLIPPED
    covers = _partly_covered(scan, texts, reasons)
    covered = covered_chars(page, textpage, text)  # under an annotation, and (below) struck through: by character
    shown = shown_box(page.get_rotation() % 360, page.get_width(), page.get_height())
    covered.update(dict.fromkeys(struck_chars(textpage, text, scan.rules, shown), STRUCK))
    covered.update(dict.fromkeys(squeezed_chars(textpage, text, shown, page.get_rotation()), SQUEEZED))
    if not reasons and not partial and not covered and not covers:
        return None
    hidden = _hidden_chars(textpage, text, reasons, partial, number)
    _add_covered_chars(hidden, textpage, text, covers)
    for index, reason in sorted(covered.items()):
        if index not in hidden.chars:
            hidden.chars[index] = reason
            _note(hidden.snippets, reason, text[index], joined=hidden.chars.get(index - 1) == reason)
    hidden.text = text
    hidden.images = any(shape.kind == R.FPDF_PAGEOBJ_IMAGE for shape in scan.shapes)
    return hidden if hidden.chars else None


COVERED_BY_SHAPE = "covered by a shape drawn over it"


def _partly_covered(scan: _Scan, texts: list[_Text], reasons: dict[int, str]) -> dict[int, list[Box]]:
    """Text objects (by handle, of ``texts``) part of which an opaque shape drawn after them covers ("1200" with a
    white box over its "1"), each with the boxes of those shapes; objects hidden whole are left to ``reasons``."""
    if not scan.shapes or not texts:
        return {}
    text_boxes = np.asarray([item.box for item in texts], dtype=float)
    shape_boxes = np.asarray([shape.box for shape in scan.shapes], dtype=float)
    later = np.asarray([shape.order for shape in scan.shapes])[None, :] > \
        np.asarray([item.order for item in texts])[:, None]
    shapes, items = shape_boxes[None, :, :], text_boxes[:, None, :]
    overlap = ((shapes[..., 0] < items[..., 2]) & (items[..., 0] < shapes[..., 2])
               & (shapes[..., 1] < items[..., 3]) & (items[..., 1] < shapes[..., 3]))
    out: dict[int, list[Box]] = {}
    for t, k in zip(*np.nonzero(later & overlap), strict=True):
        handle = ctypes.cast(texts[t].obj, ctypes.c_void_p).value or 0
        shape = scan.shapes[k]
        if handle not in reasons and shape.resolve().opaque:
            out.setdefault(handle, []).append(shape.box)
    return out


def _add_covered_chars(hidden: HiddenText, textpage: pdfium.PdfTextPage, text: str,
                       covers: dict[int, list[Box]]) -> None:
    """Mark the characters of partly covered text objects whose centre lies under a covering shape."""
    if not covers:
        return
    raw = textpage.raw
    rect = R.FS_RECTF()
    for index in range(len(text)):
        if text[index].isspace() or index in hidden.chars:
            continue
        handle = ctypes.cast(R.FPDFText_GetTextObject(raw, index), ctypes.c_void_p).value or 0
        boxes = covers.get(handle)
        if not boxes or not R.FPDFText_GetLooseCharBox(raw, index, rect):
            continue
        x, y = (rect.left + rect.right) / 2, (rect.bottom + rect.top) / 2
        if any(left <= x <= right and bottom <= y <= top for left, bottom, right, top in boxes):
            joined = hidden.chars.get(index - 1) == COVERED_BY_SHAPE
            hidden.chars[index] = COVERED_BY_SHAPE
            _note(hidden.snippets, COVERED_BY_SHAPE, text[index], joined=joined)


@lru_cache(maxsize=1)
def legible_size() -> float:
    """The smallest font size, in points, a reader sees at print size (``legible_size`` of catalogs/vocabulary.yaml)."""
    return float(read_yaml("vocabulary.yaml")["legible_size"])


def page_box(page: pdfium.PdfPage) -> Box:
    """The visible area: the crop box (the media box where there is none), within the media box."""
    values = [ctypes.c_float(0) for _ in range(4)]
    refs = [ctypes.byref(value) for value in values]
    if not R.FPDFPage_GetMediaBox(page.raw, *refs):
        return page.get_cropbox()
    media = tuple(value.value for value in values)
    if not R.FPDFPage_GetCropBox(page.raw, *refs):
        return media[0], media[1], media[2], media[3]
    crop = tuple(value.value for value in values)
    return max(crop[0], media[0]), max(crop[1], media[1]), min(crop[2], media[2]), min(crop[3], media[3])


def _fill(obj: Any) -> tuple[int, int, int, int]:
    """A path's fill colour as RGBA (black, opaque, when pdfium cannot tell)."""
    channels = [ctypes.c_uint(0), ctypes.c_uint(0), ctypes.c_uint(0), ctypes.c_uint(255)]
    if not R.FPDFPageObj_GetFillColor(obj, *(ctypes.byref(c) for c in channels)):
        return 0, 0, 0, 255
    return channels[0].value, channels[1].value, channels[2].value, channels[3].value


def _matrix(obj: Any) -> Matrix:
    """An object's own matrix (a form's placement, a text object's text matrix)."""
    m = R.FS_MATRIX()
    if not R.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return IDENTITY
    return m.a, m.b, m.c, m.d, m.e, m.f


def _in_path(obj: Any, matrix: Matrix, point: tuple[float, float], *, winding: bool) -> bool:
    """Whether ``point`` (page space) lies inside the filled path ``obj`` (curves by their control points)."""
    x0, y0 = point
    crossings = 0
    for polygon in _polygons(obj, matrix):
        for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
            if (y1 <= y0) != (y2 <= y0) and x0 < x1 + (y0 - y1) * (x2 - x1) / (y2 - y1):
                crossings += 1 if y2 > y1 or not winding else -1
    return crossings != 0 if winding else crossings % 2 == 1


def _polygons(obj: Any, matrix: Matrix) -> list[list[tuple[float, float]]]:
    """The sub-paths of a path as closed polygons in page space."""
    a, b, c, d, e, f = matrix
    polygons: list[list[tuple[float, float]]] = []
    x, y = ctypes.c_float(0), ctypes.c_float(0)
    for index in range(R.FPDFPath_CountSegments(obj)):
        segment = R.FPDFPath_GetPathSegment(obj, index)
        R.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if R.FPDFPathSegment_GetType(segment) == R.FPDF_SEGMENT_MOVETO or not polygons:
            polygons.append([point])
        else:
            polygons[-1].append(point)
    return [polygon for polygon in polygons if len(polygon) > 2]


def _reasons(scan: _Scan, texts: list[_Text]) -> list[tuple[_Text, str]]:
    """The text objects that cannot be seen, with the reason (``texts``: the odd ones, then, where shapes are drawn,
    the plain ones; plain text with no shape around it, the common case, is not looked at again)."""
    found: list[tuple[_Text, str]] = []
    within = _within_shapes(texts, scan.shapes)
    for index, item in enumerate(texts):
        if index >= len(scan.odd) and index not in within:
            continue
        reason = _own_reason(item, scan.crop, scan.legible)
        if reason is None:
            reason = _shape_reason(item, within[index]) if index in within else _page_reason(item)
        if reason:
            found.append((item, reason))
    return found


def _page_reason(item: _Text) -> str | None:
    """Why text with no shape around it cannot be seen: transparent, or white on the white page."""
    if item.paints and all(paint[3] <= _FAINT for paint in item.paints):
        return TRANSPARENT
    if item.paints and all(min(paint[:3]) > _LIGHT or paint[3] <= _FAINT for paint in item.paints):
        return "white on white"
    return None


_LIGHT = 255 - SAME_COLOUR - 1  # every channel above this: the colour of a white page
_FAINT = 25  # alpha at or below this (under 10 % opaque): not seen
TRANSPARENT = "transparent (under 10 % opaque)"


def _own_reason(item: _Text, crop: Box, legible: float) -> str | None:
    """Why a text object cannot be seen whatever lies around it: render mode, size, place."""
    if item.mode in INVISIBLE_MODES:
        return INVISIBLE_MODES[item.mode]
    left, bottom, right, top = item.box
    small = SMALL_BOX * legible
    if (right - left < small or top - bottom < small) and 0 < item.size() < legible:
        return f"printed under {legible:g} pt, too small to read"
    if left < crop[0] - 1 or bottom < crop[1] - 1 or right > crop[2] + 1 or top > crop[3] + 1:
        return OFF_PAGE
    return None


def _shape_reason(item: _Text, shapes: list[_Shape]) -> str | None:
    """Why a text object cannot be seen for what is drawn around it: covered, or in the colour beneath it."""
    order, box, paints = item.order, item.box, item.paints
    if paints and all(paint[3] <= _FAINT for paint in paints):
        return TRANSPARENT
    if any(shape.order > order and shape.resolve().opaque for shape in shapes):
        return COVERED_BY_SHAPE
    beneath = next((s for s in reversed(shapes) if s.order < order and s.under(box)), None)
    background = (255, 255, 255) if beneath is None else beneath.colour
    if background is not None and paints and all(_same(paint[:3], background) for paint in paints):
        return "white on white" if background == (255, 255, 255) else "in the colour of its background"
    return None


def _within_shapes(items: list[_Text], shapes: list[_Shape]) -> dict[int, list[_Shape]]:
    """For each text object (by index in ``items``) inside a filled shape's box, those shapes in
    drawing order; the fill is read only of shapes that hold text."""
    if not shapes or not items:
        return {}
    pairs = _holding(items, shapes)
    within: dict[int, list[_Shape]] = {}
    for text, shape in pairs:
        if shapes[shape].resolve().filled:
            within.setdefault(text, []).append(shapes[shape])
    return within


def _holding(items: list[_Text], shapes: list[_Shape], slack: float = 1.0) -> list[tuple[int, int]]:
    """(text, shape) index pairs where the shape's box holds the text's box, shapes in drawing order:
    plain loops for a page's usual handful of shapes, one array test for many."""
    if len(items) * len(shapes) <= 4000:
        return [(t, k) for k, shape in enumerate(shapes)
                for t, item in enumerate(items) if _contains(shape.box, item.box, slack)]
    texts = np.asarray([item.box for item in items], dtype=float)
    boxes = np.asarray([shape.box for shape in shapes], dtype=float)
    holds = ((boxes[None, :, 0] - slack <= texts[:, None, 0]) & (boxes[None, :, 1] - slack <= texts[:, None, 1])
             & (texts[:, None, 2] <= boxes[None, :, 2] + slack) & (texts[:, None, 3] <= boxes[None, :, 3] + slack))
    return [(int(t), int(k)) for k, t in zip(*np.nonzero(holds.T), strict=True)]


def _same(colour: tuple[int, ...], other: tuple[int, int, int]) -> bool:
    return max(abs(x - y) for x, y in zip(colour, other, strict=True)) <= SAME_COLOUR


def _contains(outer: Box, inner: Box, slack: float = 1.0) -> bool:
    return (outer[0] - slack <= inner[0] and outer[1] - slack <= inner[1]
            and inner[2] <= outer[2] + slack and inner[3] <= outer[3] + slack)


def _overlaps(box: Box, crop: Box) -> bool:
    return box[0] < crop[2] and crop[0] < box[2] and box[1] < crop[3] and crop[1] < box[3]


def _boxes_of(scan: _Scan) -> dict[int, Box]:
    """The box of every text object the scan found, by handle."""
    items = [(item[0], item[1]) for item in scan.plain] + [(item.obj, item.box) for item in scan.odd]
    return {ctypes.cast(obj, ctypes.c_void_p).value or 0: box for obj, box in items}


def _hidden_chars(textpage: pdfium.PdfTextPage, text: str, reasons: dict[int, str],
                  partial: dict[int, tuple[Box, str]], number: int) -> HiddenText:
    """Map every character to its text object; those of hidden objects (and, for objects half off
    the page or half outside their clip, characters outside it) are hidden."""
    hidden = HiddenText(page=number)
    raw = textpage.raw
    rect = R.FS_RECTF()
    for index in range(len(text)):
        if text[index].isspace():
            continue
        handle = ctypes.cast(R.FPDFText_GetTextObject(raw, index), ctypes.c_void_p).value or 0
        reason = reasons.get(handle)
        if reason is None and handle in partial and R.FPDFText_GetLooseCharBox(raw, index, rect):
            (left, bottom, right, top), outside = partial[handle]
            x, y = (rect.left + rect.right) / 2, (rect.bottom + rect.top) / 2
            reason = None if left - 1 <= x <= right + 1 and bottom - 1 <= y <= top + 1 else outside
        if reason is not None:
            hidden.chars[index] = reason
            _note(hidden.snippets, reason, text[index], joined=hidden.chars.get(index - 1) == reason)
    return hidden


def _note(snippets: dict[str, str], reason: str, char: str, *, joined: bool, limit: int = 80) -> None:
    """Add a hidden character to the sample of its reason (a space between separate runs)."""
    sample = snippets.get(reason, "")
    if len(sample) < limit:
        snippets[reason] = sample + (char if joined or not sample else " " + char)
