"""What a filled-in PDF form shows in its text fields: a bidder's response form ("PSU efficiency at 50% load:
[ 94.5% ]") prints its values in widget annotations, not in the page's text, so pdfium's text page lacks them.

Each visible text or choice field's text becomes glyphs placed where its widget shows it (one line per line, from
the widget's top), so the row builder joins it to the label beside it, as a viewer shows them. The text is what the
field's appearance stream prints (a viewer shows the appearance, not the stored value: "96%" stored and "91%" drawn
reads 91%); a field with no appearance shows its stored value (/V). An appearance whose strings are not plain text
(glyph codes of a CID font) is not read. A field flagged hidden or not to be viewed, of no size, or outside the
page's crop box shows nothing and gives nothing.
"""

from __future__ import annotations

import ctypes
import re
from typing import Any

import pypdfium2 as pdfium

from checker.inputs.documents.pdf_space import Box

R = pdfium.raw

_NOT_SHOWN = 0x1 | 0x2 | 0x20  # annotation flags: invisible, hidden, no view
_TEXT_FIELDS = (R.FPDF_FORMFIELD_TEXTFIELD, R.FPDF_FORMFIELD_COMBOBOX, R.FPDF_FORMFIELD_LISTBOX)
_BUFFER = 4096


def field_lines(document: pdfium.PdfDocument, page: pdfium.PdfPage, crop: Box) -> list[tuple[str, Box]]:
    """(line of a field's value, its box in PDF space) for every visible filled text field of ``page``."""
    form = getattr(document, "formenv", None)
    if form is None:
        return []
    lines: list[tuple[str, Box]] = []
    for index in range(R.FPDFPage_GetAnnotCount(page.raw)):
        annot = R.FPDFPage_GetAnnot(page.raw, index)
        if not annot:
            continue
        try:
            lines.extend(_lines(form.raw, annot, crop))
        finally:
            R.FPDFPage_CloseAnnot(annot)
    return lines


def _lines(form: Any, annot: Any, crop: Box) -> list[tuple[str, Box]]:
    if R.FPDFAnnot_GetSubtype(annot) != R.FPDF_ANNOT_WIDGET or R.FPDFAnnot_GetFlags(annot) & _NOT_SHOWN \
            or R.FPDFAnnot_GetFormFieldType(form, annot) not in _TEXT_FIELDS:
        return []
    rect = R.FS_RECTF()
    if not R.FPDFAnnot_GetRect(annot, ctypes.byref(rect)):
        return []
    left, right = sorted((rect.left, rect.right))
    bottom, top = sorted((rect.bottom, rect.top))
    centre_x, centre_y = (left + right) / 2, (bottom + top) / 2
    if right - left < 1 or top - bottom < 1 or not (crop[0] <= centre_x <= crop[2] and crop[1] <= centre_y <= crop[3]):
        return []
    printed = _printed(annot)
    shown = printed if printed is not None else _value(form, annot).splitlines()
    texts = [" ".join(line.split()) for line in shown if line.strip()]
    if not texts:
        return []
    size = ctypes.c_float(0.0)
    height = size.value if R.FPDFAnnot_GetFontSize(form, annot, ctypes.byref(size)) and size.value > 0 \
        else min(top - bottom, 12.0)
    if len(texts) == 1:  # one line: centred in the widget, as a single-line field shows it
        return [(texts[0], (left, centre_y - height / 2, right, centre_y + height / 2))]
    step = height * 1.2
    return [(text, (left, top - step * (k + 1), right, top - step * (k + 1) + height)) for k, text in enumerate(texts)
            if top - step * (k + 1) >= bottom - 1]


def _value(form: Any, annot: Any) -> str:
    buffer = (ctypes.c_ushort * _BUFFER)()
    length = R.FPDFAnnot_GetFormFieldValue(form, annot, buffer, ctypes.sizeof(buffer))
    if length <= 2:
        return ""
    return bytes(buffer)[:min(length, ctypes.sizeof(buffer)) - 2].decode("utf-16-le", "replace")


_LITERAL = re.compile(rb"\((?:[^()\\]|\\.)*\)|<[0-9A-Fa-f\s]*>", re.DOTALL)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _printed(annot: Any) -> list[str] | None:
    """The strings the widget's normal appearance prints, in order (None: it has no appearance; empty: they are
    not plain text, so what it shows cannot be told)."""
    size = R.FPDFAnnot_GetAP(annot, R.FPDF_ANNOT_APPEARANCEMODE_NORMAL, None, 0)
    if size <= 2:
        return None
    buffer = (ctypes.c_ushort * (size // 2 + 1))()
    R.FPDFAnnot_GetAP(annot, R.FPDF_ANNOT_APPEARANCEMODE_NORMAL, buffer, size)
    stream = bytes(buffer)[:size - 2].decode("utf-16-le", "replace").encode("latin-1", "replace")
    strings = [_decoded(token) for token in _LITERAL.findall(stream)]
    if any(not text.isprintable() for text in strings):
        return []
    return strings


def _decoded(token: bytes) -> str:
    """A PDF string as text in a simple (one byte a character) encoding."""
    if token.startswith(b"<"):
        digits = re.sub(rb"\s", b"", token[1:-1])
        return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode()).decode("latin-1")
    body, out, index = token[1:-1], bytearray(), 0
    while index < len(body):
        char = body[index:index + 1]
        if char != b"\\":
            out += char
            index += 1
            continue
        octal = re.match(rb"[0-7]{1,3}", body[index + 1:index + 4])
        if octal:
            out.append(int(octal.group(0), 8) & 0xFF)
            index += 1 + len(octal.group(0))
        else:
            following = body[index + 1:index + 2]
            out += _ESCAPES.get(following, following)
            index += 2
    return out.decode("latin-1")
