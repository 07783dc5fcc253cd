"""What the modules reading a PDF page's objects share: boxes and matrices in PDF user space, and pdfium
bindings without ctypes' per-call argument checks."""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from typing import Any

Box = tuple[float, float, float, float]  # left, bottom, right, top in PDF user space
Matrix = tuple[float, float, float, float, float, float]
Shown = Callable[[float, float, float, float], tuple[float, float, float, float]]  # PDF box -> x0, x1, top, bottom


def untyped(function: Any, restype: Any = ctypes.c_int) -> Any:
    """``function`` (a pypdfium2 raw binding) without its declared argument types.

    ctypes converts and checks each declared argument on every call, which makes a call with four
    out-pointers about four times slower than the C work it does. The page walk calls these for
    every object of every page read (and the text pass for every word), so it uses undeclared
    copies; they must be passed only ctypes pointers (pdfium handles, ``byref``) and C ``int``
    values, as they are here.
    """
    address = ctypes.cast(function, ctypes.c_void_p).value
    if address is None:
        raise RuntimeError(f"pdfium lacks {function!r}")
    return ctypes.CFUNCTYPE(restype)(address)


def compose(inner: Matrix, outer: Matrix) -> Matrix:
    """``inner`` then ``outer`` (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    p, q, r, s, t, u = outer
    return a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u


def invert(matrix: Matrix) -> Matrix | None:
    """The matrix undoing ``matrix`` (None when it has no inverse)."""
    a, b, c, d, e, f = matrix
    determinant = a * d - b * c
    if determinant == 0:
        return None
    ia, ib, ic, id_ = d / determinant, -b / determinant, -c / determinant, a / determinant
    return ia, ib, ic, id_, -(e * ia + f * ic), -(e * ib + f * id_)


def box_through(box: Box, matrix: Matrix) -> Box:
    """The box holding ``box`` (left, bottom, right, top) taken through ``matrix``."""
    a, b, c, d, e, f = matrix
    corners = [(x, y) for x in (box[0], box[2]) for y in (box[1], box[3])]
    xs = [a * x + c * y + e for x, y in corners]
    ys = [b * x + d * y + f for x, y in corners]
    return min(xs), min(ys), max(xs), max(ys)


def shown_box(rotation: int, width: float, height: float) -> Shown:
    """A function taking a PDF-space box (left, bottom, right, top) to the box a viewer shows
    (x0, x1, top, bottom; top down from the shown page's top edge) on a page turned clockwise by
    ``rotation`` degrees (its /Rotate); ``width`` × ``height`` is the shown page, as pdfium gives it
    (the unturned page's height × width when turned 90 or 270 degrees)."""
    if rotation == 90:
        return lambda left, bottom, right, top: (bottom, top, left, right)
    if rotation == 180:
        return lambda left, bottom, right, top: (width - right, width - left, bottom, top)
    if rotation == 270:
        return lambda left, bottom, right, top: (width - top, width - bottom, height - right, height - left)
    return lambda left, bottom, right, top: (left, right, height - top, height - bottom)
