"""Text an annotation is drawn over: a filled box, a stamp, a free-text note or an unapplied redaction laid on the
printed page. The text layer still holds what lies beneath ("96 %" under a black box), but a reader of the page sees
the annotation, so the characters it hides are no evidence.

Only pages with annotations that can cover something are looked at (links, pop-ups, text markup and hidden
annotations cannot); where one lies over characters, the page is rendered twice at 72 dpi, with and without its
annotations; where they change a glyph's box to a plain fill, every glyph under that annotation counts as covered
(a thin "1" or "." has too few pixels to judge on its own).
"""

from __future__ import annotations

import ctypes
from typing import Any

import numpy as np
import pypdfium2 as pdfium

from checker.inputs.documents.pdf_space import Box

R = pdfium.raw
COVERED = "under an annotation drawn over it"

# Annotations that draw no area over the page's text: links, pop-ups, sticky-note icons' pop-ups, text markup (a
# highlight is translucent, an underline or strike-out a line), sounds and the like.
_CANNOT_COVER = {R.FPDF_ANNOT_LINK, R.FPDF_ANNOT_POPUP, R.FPDF_ANNOT_HIGHLIGHT, R.FPDF_ANNOT_UNDERLINE,
                 R.FPDF_ANNOT_SQUIGGLY, R.FPDF_ANNOT_STRIKEOUT, R.FPDF_ANNOT_CARET, R.FPDF_ANNOT_SOUND,
                 R.FPDF_ANNOT_MOVIE, R.FPDF_ANNOT_FILEATTACHMENT, R.FPDF_ANNOT_PRINTERMARK}
_NOT_SHOWN = R.FPDF_ANNOT_FLAG_HIDDEN | R.FPDF_ANNOT_FLAG_NOVIEW | R.FPDF_ANNOT_FLAG_INVISIBLE
_FLAT = 6.0  # grey levels: a character box this even, with annotations, shows no glyph
_CHANGED = 40.0  # grey levels: how much the annotations must change the box on average
_MOSTLY = 0.8  # a character is under an annotation when this share of its glyph box is


def annotation_boxes(page: pdfium.PdfPage) -> list[Box]:
    """The boxes of the page's shown annotations that can cover text."""
    boxes: list[Box] = []
    for index in range(R.FPDFPage_GetAnnotCount(page.raw)):
        annot = R.FPDFPage_GetAnnot(page.raw, index)
        if not annot:
            continue
        try:
            if R.FPDFAnnot_GetSubtype(annot) in _CANNOT_COVER or R.FPDFAnnot_GetFlags(annot) & _NOT_SHOWN:
                continue
            rect = R.FS_RECTF()
            if R.FPDFAnnot_GetRect(annot, rect):
                boxes.append((min(rect.left, rect.right), min(rect.bottom, rect.top),
                              max(rect.left, rect.right), max(rect.bottom, rect.top)))
        finally:
            R.FPDFPage_CloseAnnot(annot)
    return boxes


def covered_chars(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, text: str) -> dict[int, str]:
    """Indexes of ``text`` (pdfium's text of the page) whose glyphs an annotation hides, each with the reason."""
    boxes = annotation_boxes(page)
    if not boxes:
        return {}
    under = _chars_under(textpage, text, boxes)
    if not under:
        return {}
    with_annots, without = (render_grey(page, draw) for draw in (True, False))
    covered: dict[int, str] = {}
    for chars in under.values():  # an annotation that hides one glyph hides every glyph under it ("1" and "." are
        if any(_hidden(page, with_annots, without, box) for box in chars.values()):  # too thin to judge alone)
            covered.update(dict.fromkeys(chars, COVERED))
    return covered


def _hidden(page: pdfium.PdfPage, with_annots: Any, without: Any, box: Box) -> bool:
    """True when the annotations turn the glyph in ``box`` into a plain fill."""
    shown, plain = page_pixels(page, with_annots, box), page_pixels(page, without, box)
    return bool(shown.size and plain.size and float(np.ptp(shown)) <= _FLAT and float(np.ptp(plain)) > _FLAT
                and float(np.abs(shown.astype(float) - plain.astype(float)).mean()) >= _CHANGED)


def _chars_under(textpage: pdfium.PdfTextPage, text: str, boxes: list[Box]) -> dict[int, dict[int, Box]]:
    """For each of ``boxes`` (by position), the characters whose glyph box lies mostly (by area) inside it, each with
    the part inside."""
    out: dict[int, dict[int, Box]] = {}
    for index, char in enumerate(text):
        if char.isspace():
            continue
        left, bottom, right, top = textpage.get_charbox(index)
        area = (right - left) * (top - bottom)
        for number, box in enumerate(boxes):
            inside = (max(left, box[0]), max(bottom, box[1]), min(right, box[2]), min(top, box[3]))
            if area > 0 and inside[2] > inside[0] and inside[3] > inside[1] \
                    and (inside[2] - inside[0]) * (inside[3] - inside[1]) >= _MOSTLY * area:
                out.setdefault(number, {})[index] = inside
                break
    return out


def render_grey(page: pdfium.PdfPage, draw_annots: bool) -> Any:
    """The page in grey at 72 dpi, with or without its annotations."""
    return page.render(scale=1.0, grayscale=True, draw_annots=draw_annots).to_numpy()


def page_pixels(page: pdfium.PdfPage, image: Any, box: Box) -> Any:
    """The pixels of ``image`` (the page rendered at scale 1) inside the PDF-space ``box``, shrunk by a pixel."""
    corners = [_to_device(page, image, x, y) for x, y in ((box[0], box[1]), (box[2], box[3]))]
    (x0, y0), (x1, y1) = corners
    left, right = sorted((x0, x1))
    top, bottom = sorted((y0, y1))
    area = image[max(0, top + 1):max(0, bottom - 1) + 1, max(0, left + 1):max(0, right - 1) + 1]
    return area.reshape(-1) if area.ndim == 2 else area.reshape(-1, area.shape[-1])[:, 0]


def _to_device(page: pdfium.PdfPage, image: Any, x: float, y: float) -> tuple[int, int]:
    height, width = image.shape[0], image.shape[1]
    device_x, device_y = ctypes.c_int(), ctypes.c_int()
    R.FPDF_PageToDevice(page.raw, 0, 0, width, height, 0, x, y, device_x, device_y)
    return device_x.value, device_y.value
