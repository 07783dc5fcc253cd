"""Removal of a scanned page's ruled lines before OCR.

Tesseract reads a ruled table badly: its lines join characters and split cells. The page is
binarised (Otsu's threshold), long horizontal and vertical runs of dark pixels (table rules,
underlines; slightly skewed ones too, by testing a band a few pixels high) are found with
cumulative sums, and those pixels are whitened. Characters are far shorter than a rule, so they
stay. numpy only; a 300 dpi A4 page takes a few tenths of a second.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from PIL import Image

Mask = NDArray[np.bool_]

_RULE_MIN_INCHES = 1 / 3  # a run of dark pixels this long is a rule, not a stroke
_BAND_PX = 2  # a skewed rule may wander this many pixels and still count as one run


def otsu_threshold(gray: NDArray[np.uint8]) -> int:
    """Otsu's threshold of a grayscale image (the level that best splits ink from paper)."""
    hist = np.bincount(gray.ravel(), minlength=256).astype(np.float64)
    weight = np.cumsum(hist / hist.sum())
    mean = np.cumsum(hist / hist.sum() * np.arange(256))
    between = (mean[-1] * weight - mean) ** 2 / (weight * (1 - weight) + 1e-12)
    return int(np.argmax(between))


def _runs(dark: Mask, length: int) -> Mask:
    """Pixels lying in a horizontal run of at least ``length`` dark pixels."""
    width = dark.shape[1]
    if width < length:
        return np.zeros_like(dark)
    counts = np.cumsum(np.pad(dark, ((0, 0), (1, 0))).astype(np.int32), axis=1)
    full = (counts[:, length:] - counts[:, :-length]) == length  # window starting at column j is dark
    starts = np.cumsum(np.pad(full, ((0, 0), (1, 0))).astype(np.int32), axis=1)
    columns = np.arange(width)
    low = np.clip(columns - length + 1, 0, full.shape[1])
    high = np.clip(columns + 1, 0, full.shape[1])
    result: Mask = (starts[:, high] - starts[:, low]) > 0
    return result


def _spread(mask: Mask, pixels: int, axis: int) -> Mask:
    out = mask.copy()
    for step in range(1, pixels + 1):
        if axis == 0:
            out[step:, :] |= mask[:-step, :]
            out[:-step, :] |= mask[step:, :]
        else:
            out[:, step:] |= mask[:, :-step]
            out[:, :-step] |= mask[:, step:]
    return out


def remove_rules(image: Image.Image, dpi: int) -> Image.Image:
    """A black-on-white copy of ``image`` without its long horizontal and vertical lines."""
    gray = np.asarray(image.convert("L"))
    dark: Mask = gray <= otsu_threshold(gray)
    length = max(int(dpi * _RULE_MIN_INCHES), 20)
    horizontal = _runs(_spread(dark, _BAND_PX, 0), length)
    vertical = _runs(_spread(dark, _BAND_PX, 1).T, length).T
    rules = _spread(horizontal, _BAND_PX, 0) | _spread(vertical, _BAND_PX, 1)
    clean = np.where(dark & ~rules, 0, 255).astype(np.uint8)
    return Image.fromarray(clean)
