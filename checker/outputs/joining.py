"""Arguments of Arrow's element-wise join (``binary_join_element_wise``) made few and long: a column of a few
distinct texts is taken from them only when joined, and plain strings beside it go into those texts."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
import pyarrow as pa


class Taken:
    """An array to join, not yet made: ``texts`` taken by ``codes``; text before or after it is joined into the
    (few) texts, not into every row."""

    __slots__ = ("codes", "texts")

    def __init__(self, texts: list[str], codes: npt.NDArray[np.intp]) -> None:
        self.texts = texts
        self.codes = codes

    def array(self) -> pa.Array:
        return pa.array(self.texts, pa.string()).take(pa.array(self.codes))


def coalesced(args: list[Any]) -> list[Any]:
    """Arguments of a join with neighbouring plain strings joined together and into the texts of a :class:`Taken`
    beside them, then every :class:`Taken` made."""
    merged: list[Any] = []
    for arg in args:
        last = merged[-1] if merged else None
        if isinstance(arg, str) and isinstance(last, str):
            merged[-1] = last + arg
        elif isinstance(arg, str) and isinstance(last, Taken):
            merged[-1] = Taken([text + arg for text in last.texts], last.codes)
        elif isinstance(arg, Taken) and isinstance(last, str):
            merged[-1] = Taken([last + text for text in arg.texts], arg.codes)
        else:
            merged.append(arg)
    return [arg.array() if isinstance(arg, Taken) else arg for arg in merged]
