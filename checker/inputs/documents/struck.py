"""Text struck through: a line drawn across the middle of printed characters deletes them ("~~96 %~~ 93 %").

A corrected value is often left in place with a line through it. The characters are printed and can be read, but
the document withdraws them, so they are never evidence: a thin horizontal line (stroked, or a filled bar under
3 pt high) that crosses a character's middle band over most of its width strikes that character. Table rules run
along a cell's edges, never through the middle of its text, and an underline runs below the baseline.
"""

from __future__ import annotations

import ctypes

import numpy as np
import pypdfium2 as pdfium

from checker.inputs.documents.pdf_space import Box

R = pdfium.raw

STRUCK = "struck through (withdrawn)"
RULE_HEIGHT = 3.0  # pt: a horizontal path at most this high is a line that can strike text through
_BAND = (0.25, 0.75)  # the middle of a character's box, as shares of its height from the bottom
_SPAN = 0.6  # the share of a character's width a line must cross


def is_rule(box: Box) -> bool:
    """Whether a path's box is a thin horizontal line (long enough to cross a character)."""
    height = box[3] - box[1]
    return height <= RULE_HEIGHT and box[2] - box[0] >= max(2.0, 2 * height)


def struck_chars(textpage: pdfium.PdfTextPage, text: str, rules: list[Box]) -> list[int]:
    """The indices of ``text`` (pdfium's text of the page) whose characters a line of ``rules`` strikes through."""
    if not rules:
        return []
    indices, boxes = [], []
    raw = textpage.raw
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    refs = [ctypes.byref(value) for value in (left, right, bottom, top)]
    for index, char in enumerate(text):
        if char.isspace() or not R.FPDFText_GetCharBox(raw, index, *refs):
            continue
        if right.value > left.value and top.value > bottom.value:
            indices.append(index)
            boxes.append((left.value, bottom.value, right.value, top.value))
    if not boxes:
        return []
    chars, lines = np.asarray(boxes)[:, None, :], np.asarray(rules, dtype=float)[None, :, :]
    width, height = chars[..., 2] - chars[..., 0], chars[..., 3] - chars[..., 1]
    middle = (lines[..., 1] + lines[..., 3]) / 2
    across = (np.minimum(lines[..., 2], chars[..., 2]) - np.maximum(lines[..., 0], chars[..., 0])) >= _SPAN * width
    inside = (middle >= chars[..., 1] + _BAND[0] * height) & (middle <= chars[..., 1] + _BAND[1] * height)
    hit = np.any(across & inside, axis=1)
    return [indices[k] for k in np.flatnonzero(hit)]
