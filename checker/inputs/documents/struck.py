"""Text struck through: a line drawn across the middle of printed characters deletes them ("~~96 %~~ 93 %").

A corrected value is often left in place with a line through it. The characters are printed and can be read, but
the document withdraws them, so they are never evidence: a thin line across the page as it is shown (stroked, or a
filled bar under 3 pt high) that crosses a character's middle band over most of its width strikes that character.
Table rules run along a cell's edges, never through the middle of its text, and an underline runs below the baseline.
"""

from __future__ import annotations

import ctypes

import numpy as np
import pypdfium2 as pdfium

from checker.inputs.documents.pdf_space import Box, Shown

R = pdfium.raw

STRUCK = "struck through (withdrawn)"
RULE_HEIGHT = 3.0  # pt: a horizontal path at most this high is a line that can strike text through
_BAND = (0.25, 0.75)  # the middle of a character's box, as shares of its height from the bottom
_SPAN = 0.6  # the share of a character's width a line must cross


def is_rule(box: Box) -> bool:
    """Whether a path's box is a thin straight line, across or up the page (long enough to cross a character):
    which way it runs as the page is shown is decided with the page's turn (:func:`struck_chars`)."""
    thin, long = sorted((box[2] - box[0], box[3] - box[1]))
    return thin <= RULE_HEIGHT and long >= max(2.0, 2 * thin)


def _upright(shown: Shown, box: Box) -> Box:
    """A PDF-space box as the page is shown, y up (left, bottom, right, top)."""
    x0, x1, top, bottom = shown(*box)
    return x0, -bottom, x1, -top


def struck_chars(textpage: pdfium.PdfTextPage, text: str, rules: list[Box], shown: Shown) -> list[int]:
    """The indices of ``text`` (pdfium's text of the page) whose characters a line of ``rules`` strikes through,
    both taken as the page is shown (``shown``: the page's turn by its /Rotate, :func:`pdf_space.shown_box`)."""
    lines_shown = [line for line in (_upright(shown, rule) for rule in rules) if line[3] - line[1] <= RULE_HEIGHT]
    if not lines_shown:
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
            boxes.append(_upright(shown, (left.value, bottom.value, right.value, top.value)))
    if not boxes:
        return []
    rules = lines_shown
    chars, lines = np.asarray(boxes)[:, None, :], np.asarray(rules, dtype=float)[None, :, :]
    width, height = chars[..., 2] - chars[..., 0], chars[..., 3] - chars[..., 1]
    middle = (lines[..., 1] + lines[..., 3]) / 2
    across = (np.minimum(lines[..., 2], chars[..., 2]) - np.maximum(lines[..., 0], chars[..., 0])) >= _SPAN * width
    inside = (middle >= chars[..., 1] + _BAND[0] * height) & (middle <= chars[..., 1] + _BAND[1] * height)
    hit = np.any(across & inside, axis=1)
    return [indices[k] for k in np.flatnonzero(hit)]
