"""Arguments of Arrow's element-wise join (``binary_join_element_wise``) made few and long: a column of a few
distinct texts is taken from them only when joined, and plain strings beside it go into those texts."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc


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
        if isinstance(arg, Taken) and len(set(arg.texts)) == 1:
            arg = arg.texts[0]  # one text for every row: a string, joined into its neighbours
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


def joined_bytes(texts: pa.Array) -> memoryview:
    """The UTF-8 bytes of every string of ``texts`` one after another (what ``"".join`` would encode), straight
    from Arrow's data buffer: no Python string per row. Nulls are empty."""
    texts = pc.fill_null(texts, "")
    if not pa.types.is_string(texts.type):
        texts = texts.cast(pa.string())
    offsets = np.frombuffer(texts.buffers()[1], dtype=np.int32)[texts.offset: texts.offset + len(texts) + 1]
    data = texts.buffers()[2]
    return memoryview(data if data is not None else b"")[int(offsets[0]):int(offsets[-1])]
