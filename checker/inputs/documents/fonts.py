"""Installed font files pdfium reads, kept in memory for the next document.

A PDF that names a font without embedding it (宋体 / STSong-Light in many Chinese documents) is laid
out by pdfium with an installed substitute, often a CJK font collection of 20–30 MB. This pdfium
reads the whole file for every document that needs it (it reads the collection before it looks
in its own cache of faces): about 2 ms of copying from the page cache per document, a third of the
time it takes to load such a document's first page. :func:`install` puts :class:`FontFiles` over
pdfium's default system-font handler: the first read of a large font file goes to disk as before,
later reads of the same file are copied from the bytes kept (the same bytes, so the same layout),
at most :data:`BUDGET` bytes of them (the least recently used file is let go first).

The handler is called back by pdfium from inside a page load. An exception raised there (a time
limit's alarm going off, Ctrl-C) cannot cross pdfium: it is kept and raised by :func:`raise_pending`
once the page is loaded, and the font data is read from disk as if no copy were kept.
"""

from __future__ import annotations

import ctypes
import logging
from collections import OrderedDict
from typing import Any

log = logging.getLogger(__name__)

LARGE = 1 << 20  # bytes: smaller reads are left to pdfium (a Latin font file is a few hundred kB)
BUDGET = 64 << 20  # bytes of font files kept in memory at most

try:
    from pypdfium2 import PdfSysfontBase
except ImportError:  # pypdfium2 before 5: no handler, pdfium reads the files as it always did
    PdfSysfontBase = None


class _Kept:
    """Font files by (pdfium's font handle, table, size), least recently used first."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.files: OrderedDict[tuple[int, int, int], bytes] = OrderedDict()
        self.size = 0

    def get(self, key: tuple[int, int, int]) -> bytes | None:
        data = self.files.get(key)
        if data is not None:
            self.files.move_to_end(key)
        return data

    def keep(self, key: tuple[int, int, int], data: bytes) -> None:
        if len(data) > self.budget:
            return
        while self.files and self.size + len(data) > self.budget:
            _, dropped = self.files.popitem(last=False)
            self.size -= len(dropped)
        self.files[key] = data
        self.size += len(data)


_PENDING: list[BaseException] = []
_KEPT = _Kept(BUDGET)
_INSTALLED: list[Any] = []


def _font_data(default: Any, handle: int | None, table: int, buffer: Any, size: int) -> int:
    """pdfium's GetFontData: a large read of a file read before is copied from memory."""
    try:
        if handle and buffer and size >= LARGE:
            key = (handle, table, size)
            data = _KEPT.get(key)
            if data is not None:
                ctypes.memmove(buffer, data, size)
                return size
            written = int(default.GetFontData(default, handle, table, buffer, size))
            if written == size:
                _KEPT.keep(key, ctypes.string_at(buffer, size))
            return written
    except BaseException as exc:  # noqa: BLE001 - raised again after the page load (see the module doc)
        _PENDING.append(exc)
    return int(default.GetFontData(default, handle, table, buffer, size))


if PdfSysfontBase is not None:

    class FontFiles(PdfSysfontBase):  # type: ignore[misc, valid-type]
        """pdfium's default system-font handler, with the large font files it reads kept (module doc)."""

        def GetFontData(self, _: Any, handle: int | None, table: int, buffer: Any, size: int) -> int:
            """The font data pdfium asks for (the name and arguments are pdfium's)."""
            return _font_data(self.default, handle, table, buffer, size)


def install() -> bool:
    """Put :class:`FontFiles` over pdfium's handler, once a process; False where it cannot be."""
    if _INSTALLED:
        return True
    if PdfSysfontBase is None:
        return False
    try:
        handler = FontFiles()
        handler.setup()
    except Exception as exc:  # noqa: BLE001 - no platform handler: pdfium keeps its own
        log.debug("font files not kept: %s", exc)
        return False
    _INSTALLED.append(handler)
    return True


def raise_pending() -> None:
    """Raise the exception the handler caught inside pdfium, if one was (the first of them)."""
    if _PENDING:
        exc = _PENDING[0]
        _PENDING.clear()
        raise exc


def forget_pending() -> None:
    """Drop exceptions caught inside pdfium and not raised (a document's read starts clean)."""
    _PENDING.clear()
