"""Text squeezed past reading: characters drawn on top of one another (a negative character spacing) or pressed
to a sliver (a horizontal scaling near zero). The text layer holds "96%"; the page shows a smudge nobody can read.

Within one text object, two neighbouring letters or digits on one line whose boxes (advance boxes, as pdfium
gives them) overlap by more than half the wider one are drawn over each other, and a letter or digit whose advance
is less than an eighth of its glyph's height is pressed to a sliver; both are left out. Kerning overlaps a pair by a
fraction of the wider letter, the letters of a ligature ("fi") share one box, a narrow glyph ("l") advances a fourth
of its height, and text drawn twice for a bold look is two text objects. Text is judged as the page is shown (its
/Rotate applied); text turned on the shown page (a side bar) is not judged.
"""

from __future__ import annotations

import ctypes
import math
import unicodedata

import pypdfium2 as pdfium

from checker.inputs.documents.pdf_space import Shown, untyped

R = pdfium.raw

SQUEEZED = "squeezed past reading (characters drawn over one another or pressed to a sliver)"
_OVERLAP = 0.5  # share of the narrower character's width
_SLIVER = 0.125  # width over height
_SAME = 0.01  # pt: the characters of a ligature ("fi") share the ligature glyph's box
_LOOSE_BOX = untyped(R.FPDFText_GetLooseCharBox)  # (text page, int, byref rect)
_TEXT_OBJECT = untyped(R.FPDFText_GetTextObject, ctypes.c_void_p)  # (text page, int)
_ANGLE = untyped(R.FPDFText_GetCharAngle, ctypes.c_float)  # (text page, int)
_CHAR_BOX = untyped(R.FPDFText_GetCharBox)  # (text page, int, byref double × 4: left, right, bottom, top)


def squeezed_chars(textpage: pdfium.PdfTextPage, text: str, shown: Shown, rotation: int) -> list[int]:
    """The indices of ``text`` (pdfium's text of the page) whose characters cannot be read for being squeezed, judged
    as the page is shown (``shown`` and ``rotation``: the page's turn by its /Rotate)."""
    turn = math.radians(rotation % 360)
    raw = textpage.raw
    rect = R.FS_RECTF()
    ref = ctypes.byref(rect)
    ink = [ctypes.c_double() for _ in range(4)]  # left, right, bottom, top of the glyph itself
    ink_refs = [ctypes.byref(value) for value in ink]
    found: set[int] = set()
    previous: tuple[int, int, float, float, float, float] | None = None  # index, object, left, right, bottom, top
    for index, char in enumerate(text):
        if not char.isalnum() or unicodedata.combining(char) or not _LOOSE_BOX(raw, index, ref) \
                or abs(math.sin(_ANGLE(raw, index) + turn)) > 0.05:  # text turned on the shown page: not judged
            previous = None if char in "\r\n" else previous
            continue
        left, right, down_top, down_bottom = shown(rect.left, rect.bottom, rect.right, rect.top)
        bottom, top = -down_bottom, -down_top
        width = right - left
        if top <= bottom:
            continue
        if _CHAR_BOX(raw, index, *ink_refs) and ink[3].value > ink[2].value:
            _, _, ink_top, ink_bottom = shown(ink[0].value, ink[2].value, ink[1].value, ink[3].value)
            if width < _SLIVER * (ink_bottom - ink_top):  # the advance against the glyph's own height
                found.add(index)
        handle = _TEXT_OBJECT(raw, index) or 0
        if previous is not None and previous[1] == handle and min(top, previous[5]) - max(bottom, previous[4]) > 0 \
                and (abs(left - previous[2]) > _SAME or abs(right - previous[3]) > _SAME):  # one box: a ligature
            wider = max(width, previous[3] - previous[2])
            overlap = min(right, previous[3]) - max(left, previous[2])
            if wider > 0 and overlap > _OVERLAP * wider:
                found.update((previous[0], index))
        previous = (index, handle, left, right, bottom, top)
    return sorted(found)
