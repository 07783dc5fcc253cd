"""Installed font collections pdfium lays text out with, loaded once a process instead of once a document.

A PDF that names a font without embedding it (宋体 / STSong-Light in many Chinese documents) is laid
out by pdfium with an installed substitute, often a CJK font collection (.ttc) of 20–30 MB. pdfium
keeps the fonts it loads in a cache, but it reads a whole collection before it looks in that cache,
so every document that needs one copies 26 MB again: two thirds of the time it takes to load such a
document's first page. A single font file it looks up first and reads only when it is not cached.

:func:`install` puts :class:`FontFiles` over pdfium's default system-font handler. It presents a
large collection to pdfium as one font file holding the collection's bytes (pdfium reads the first
face of a collection either way, so the layout is the same; it then caches the font by face name,
weight and slant, as it caches every installed single font file), and after a page load that had to read
one, :func:`keep_loaded` keeps a copy of that page open (a document of its own), so the cached font
stays alive for the next documents: they find it without a read. At most :data:`KEPT_PAGES` pages
are kept; beyond them fonts are read as before. Every read gives pdfium the whole file, so what is
read never depends on pdfium's cache.

The handler is called back by pdfium from inside a page load. An exception raised there (a time
limit's alarm going off, Ctrl-C) cannot cross pdfium: it is kept and raised by :func:`raise_pending`
once the page is loaded, and the font data is still read for pdfium.
"""

from __future__ import annotations

import atexit
import logging
from typing import Any

import pypdfium2 as pdfium

log = logging.getLogger(__name__)

LARGE = 1 << 20  # bytes: a collection this large is presented as one font file (a Latin font is a few hundred kB)
KEPT_PAGES = 4  # copies of pages kept open to keep their fonts cached
TTCF = 0x74746366  # "ttcf": pdfium's table tag for a whole font collection

try:
    from pypdfium2 import PdfSysfontBase
except ImportError:  # pypdfium2 before 5: no handler, pdfium reads the files as it always did
    PdfSysfontBase = None

_PENDING: list[BaseException] = []
_READ: list[int] = []  # handles whose collection was read since the last page load
_KEPT: list[tuple[Any, Any]] = []  # (document, page) copies kept open
READS = [0]  # collections read in this process (a measure for tests and benchmarks)
_INSTALLED: list[Any] = []


def _font_data(default: Any, handle: int | None, table: int, buffer: Any, size: int) -> int:
    """pdfium's GetFontData; an exception raised meanwhile is kept and the data given all the same."""
    try:
        return _answer(default, handle, table, buffer, size)
    except BaseException as exc:  # noqa: BLE001 - raised again after the page load (see the module doc)
        _PENDING.append(exc)
        return _answer(default, handle, table, buffer, size)


def _answer(default: Any, handle: int | None, table: int, buffer: Any, size: int) -> int:
    """What pdfium asks for, a large collection presented as one font file (table 0) holding all its bytes."""
    collection = int(default.GetFontData(default, handle, TTCF, None, 0)) if handle else 0
    if collection >= LARGE and table in (0, TTCF):
        if table == TTCF:
            return 0
        if buffer and size >= collection:
            _READ.append(int(handle or 0))
            READS[0] += 1
            return int(default.GetFontData(default, handle, TTCF, buffer, collection))
        return collection
    return int(default.GetFontData(default, handle, table, buffer, size))


if PdfSysfontBase is not None:

    class FontFiles(PdfSysfontBase):  # type: ignore[misc, valid-type]
        """pdfium's default system-font handler, large collections presented as one file (module doc)."""

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
        log.debug("font handler not installed: %s", exc)
        return False
    _INSTALLED.append(handler)
    atexit.register(release)  # runs before pypdfium2's exit handler (registered earlier), which warns of open pages
    return True


def keep_loaded(document: pdfium.PdfDocument, index: int) -> None:
    """After page ``index`` of ``document`` was loaded: when loading it read a font collection, keep a copy
    of the page open (while the page is still loaded, the copy finds the font in pdfium's cache)."""
    if not _READ:
        return
    _READ.clear()
    if len(_KEPT) >= KEPT_PAGES:
        return
    try:
        copy = pdfium.PdfDocument.new()
        copy.import_pages(document, [index])
        _KEPT.append((copy, copy[0]))
    except Exception as exc:  # noqa: BLE001 - a page that cannot be copied: its fonts are read again next time
        log.debug("page %d not kept for its fonts: %s", index + 1, exc)


def release() -> None:
    """Close the page copies kept for their fonts (pdfium lets a font go once no loaded page uses it)."""
    while _KEPT:
        copy, page = _KEPT.pop()
        page.close()
        copy.close()


def raise_pending() -> None:
    """Raise the exception the handler caught inside pdfium, if one was (the first of them)."""
    if _PENDING:
        exc = _PENDING[0]
        _PENDING.clear()
        raise exc


def forget_pending() -> None:
    """Drop what the handler noted and nobody collected (a document's read starts clean)."""
    _PENDING.clear()
    _READ.clear()
