"""The clipping path a page object is drawn through: what of a text object lies outside it is never painted.

A text object drawn outside its clipping path ("96 %" with a clip rectangle elsewhere) is in the text layer but
not on the printed page. pdfium gives each object's clip as paths of segments; the box of their intersection
(each path's box, intersected) bounds what can be painted. A clip that is not a rectangle is taken as its box, so
text is judged clipped only where it lies outside that box: never hidden by mistake, at worst judged visible.
"""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2 as pdfium

from checker.inputs.documents.pdf_space import Box, Matrix, untyped

R = pdfium.raw

CLIPPED = "outside its clipping path"


_GET_CLIP = untyped(R.FPDFPageObj_GetClipPath, ctypes.c_void_p)  # (object) -> clip path
_COUNT_PATHS = untyped(R.FPDFClipPath_CountPaths)  # (clip) -> int
_COUNT_SEGMENTS = untyped(R.FPDFClipPath_CountPathSegments)  # (clip, int) -> int
_GET_SEGMENT = untyped(R.FPDFClipPath_GetPathSegment, ctypes.c_void_p)  # (clip, int, int) -> segment
_GET_POINT = untyped(R.FPDFPathSegment_GetPoint)  # (segment, byref float, byref float) -> bool


class Clips:
    """Clip boxes of page objects, with one pair of ctypes buffers."""

    def __init__(self) -> None:
        self._x, self._y = ctypes.c_float(0.0), ctypes.c_float(0.0)
        self._refs = ctypes.byref(self._x), ctypes.byref(self._y)

    def box(self, obj: Any, matrix: Matrix | None) -> Box | None:
        """The box of the region ``obj`` can paint (``matrix``: its form's placement; None: on the page), or None
        where it has no clip or the clip cannot be read."""
        clip = _GET_CLIP(obj)
        if not clip:
            return None
        handle = ctypes.c_void_p(clip)
        paths = _COUNT_PATHS(handle)
        if paths <= 0:
            return None
        region: Box | None = None
        for path in range(paths):
            points = self._points(handle, path)
            if not points:
                return None
            xs, ys = self._placed(points, matrix)
            box = (min(xs), min(ys), max(xs), max(ys))
            region = box if region is None else (max(region[0], box[0]), max(region[1], box[1]),
                                                 min(region[2], box[2]), min(region[3], box[3]))
        return region

    def _points(self, clip: ctypes.c_void_p, path: int) -> list[tuple[float, float]]:
        count = _COUNT_SEGMENTS(clip, path)
        points: list[tuple[float, float]] = []
        for index in range(max(count, 0)):
            segment = _GET_SEGMENT(clip, path, index)
            if segment and _GET_POINT(ctypes.c_void_p(segment), *self._refs):
                points.append((self._x.value, self._y.value))
        return points

    @staticmethod
    def _placed(points: list[tuple[float, float]], matrix: Matrix | None) -> tuple[list[float], list[float]]:
        if matrix is None:
            return [x for x, _ in points], [y for _, y in points]
        a, b, c, d, e, f = matrix
        return [a * x + c * y + e for x, y in points], [b * x + d * y + f for x, y in points]
