"""Decompressed size of a PDF's streams, measured without trusting the file (a decompression bomb
is a small PDF whose Flate streams inflate to gigabytes when a page is parsed).

Each ``stream … endstream`` whose dictionary names FlateDecode filters is inflated chunk by chunk
with :mod:`zlib`, the filters in order (a doubly compressed stream is inflated twice), counting
output bytes and stopping as soon as the total passes the budget. Streams with other filters
(images in DCT, JBIG2…) are not inflated by the reader's text pass and are skipped.
"""

from __future__ import annotations

import re
import zlib

from checker.errors import CheckerError

_STREAM = re.compile(rb"stream\r?\n")
_END = re.compile(rb"\r?\n?endstream")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_NAME = re.compile(rb"/([A-Za-z0-9]+)")
_DICT_LOOKBACK = 4096
_CHUNK = 1 << 20
_KEEP = 64 * _CHUNK  # inflated output kept for a next filter; beyond it only counted


class InflateBudgetExceeded(CheckerError, ValueError):
    """The streams inflate to more than the budget."""


def _filters(data: bytes, stream_start: int) -> list[bytes]:
    head = data[max(0, stream_start - _DICT_LOOKBACK):stream_start]
    opening = head.rfind(b"obj")
    matches = list(_FILTER.finditer(head, opening if opening >= 0 else 0))
    if not matches:
        return []
    return [m.group(1) for m in _NAME.finditer(matches[-1].group(1))]


def _inflate(payload: bytes, budget: int) -> tuple[bytes, int]:
    """Inflate ``payload`` up to ``budget`` bytes: (output if it fits in memory, bytes produced).
    A damaged stream stops at its damage (pdfium does the same)."""
    inflater = zlib.decompressobj()
    produced = 0
    kept: list[bytes] = []
    data = payload
    try:
        while data and produced <= budget:
            chunk = inflater.decompress(data, _CHUNK)
            produced += len(chunk)
            if produced <= _KEEP:
                kept.append(chunk)
            data = inflater.unconsumed_tail
            if not chunk and not data:
                break
    except zlib.error:
        pass
    return b"".join(kept) if produced <= _KEEP else b"", produced


def inflated_size(data: bytes, budget: int) -> int:
    """Total bytes the FlateDecode streams of ``data`` inflate to; raises
    :class:`InflateBudgetExceeded` as soon as the total passes ``budget``."""
    total = 0
    for start in _STREAM.finditer(data):
        body_start = start.end()
        end = _END.search(data, body_start)
        if end is None:
            break
        filters = _filters(data, start.start())
        payload = data[body_start:end.start()]
        for name in filters:
            if name not in (b"FlateDecode", b"Fl"):
                break
            payload, produced = _inflate(payload, budget - total)
            total += produced
            if total > budget:
                raise InflateBudgetExceeded(total)
    return total
