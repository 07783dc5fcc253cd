"""Text in optional content (a PDF layer) that the document shows switched off: in the text layer, never printed.

A layer's text (BDC /OC ... EMC) is drawn only when the layer is on; a layer listed as OFF in the document's
default configuration is not shown by a viewer nor printed, but its text is still extracted. pdfium exposes no
layer states, so the page is rendered (once, at 72 dpi, only where text carries an /OC mark) and a marked text
object whose box shows no ink at all is taken as switched off. Text of a layer that is on shows its glyphs.
"""

from __future__ import annotations

import ctypes
from typing import Any

import numpy as np
import pypdfium2 as pdfium

from checker.inputs.documents.covered import page_pixels, render_grey
from checker.inputs.documents.pdf_space import Box

R = pdfium.raw

SWITCHED_OFF = "in a layer (optional content) that is switched off"
_FLAT = 6.0  # grey levels: a box this even shows no glyph
_NAME = ctypes.create_string_buffer(16)


def in_layer(obj: Any) -> bool:
    """Whether a page object is marked as optional content (a BDC /OC mark)."""
    count = R.FPDFPageObj_CountMarks(obj)
    for index in range(max(count, 0)):
        mark = R.FPDFPageObj_GetMark(obj, index)
        length = ctypes.c_ulong(0)
        named = mark and R.FPDFPageObjMark_GetName(mark, ctypes.cast(_NAME, ctypes.POINTER(R.FPDF_WCHAR)),
                                                   len(_NAME), ctypes.byref(length))
        if named and _NAME.raw[:max(length.value - 2, 0)].decode("utf-16-le", "replace") == "OC":
            return True
    return False


def switched_off(page: pdfium.PdfPage, layered: dict[int, Box]) -> list[int]:
    """The handles of ``layered`` text objects (handle → box on the page) that the rendered page does not show."""
    if not layered:
        return []
    image = render_grey(page, draw_annots=False)
    hidden = []
    for handle, box in layered.items():
        pixels = page_pixels(page, image, box)
        if pixels.size and float(np.ptp(pixels)) <= _FLAT:
            hidden.append(handle)
    return hidden
