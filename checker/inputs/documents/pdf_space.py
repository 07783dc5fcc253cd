"""What the modules reading a PDF page's objects share: boxes and matrices in PDF user space, and pdfium
bindings without ctypes' per-call argument checks."""

from __future__ import annotations

import ctypes
from typing import Any

Box = tuple[float, float, float, float]  # left, bottom, right, top in PDF user space
Matrix = tuple[float, float, float, float, float, float]


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
