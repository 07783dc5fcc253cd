"""Font collections presented to pdfium as one file (checker.inputs.documents.fonts): all their bytes on every
read, small fonts left alone, an exception raised inside pdfium's callback not lost, and a document read the
same whether its font comes from disk or from pdfium's cache."""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from checker.inputs.documents import fonts, read_pdf


class _Default:
    """A stand-in for pdfium's default handler over one font file: a collection when ``collection``,
    else a single font; raises ``fail`` on its first call."""

    def __init__(self, data: bytes, *, collection: bool, fail: BaseException | None = None) -> None:
        self.data, self.collection, self.fail, self.calls = data, collection, fail, 0

    def GetFontData(self, _: Any, handle: int, table: int, buffer: Any, size: int) -> int:
        self.calls += 1
        if self.fail is not None and self.calls == 1:
            raise self.fail
        if (table == fonts.TTCF) != self.collection:
            return 0  # a collection has no table 0 of its own; a single font is no collection
        if buffer and size >= len(self.data):
            ctypes.memmove(buffer, self.data, len(self.data))
        return len(self.data)


def _ask(default: _Default, table: int, size: int) -> tuple[int, bytes]:
    buffer = (ctypes.c_ubyte * size)() if size else None
    answer = fonts._font_data(default, 7, table, buffer, size)
    return answer, bytes(buffer) if buffer is not None else b""


def test_a_large_collection_is_one_font_file_with_all_its_bytes() -> None:
    data = bytes(range(256)) * (fonts.LARGE // 256)
    default = _Default(data, collection=True)
    assert _ask(default, fonts.TTCF, 0)[0] == 0  # no collection: pdfium looks in its cache before reading
    assert _ask(default, 0, 0)[0] == len(data)
    before = fonts.READS[0]
    assert _ask(default, 0, len(data)) == (len(data), data)
    assert fonts.READS[0] == before + 1


def test_small_collections_and_single_fonts_are_left_to_pdfium() -> None:
    small = _Default(b"s" * 1000, collection=True)
    assert _ask(small, fonts.TTCF, 0)[0] == 1000 and _ask(small, 0, 0)[0] == 0
    single = _Default(b"f" * fonts.LARGE, collection=False)
    assert _ask(single, fonts.TTCF, 0)[0] == 0 and _ask(single, 0, fonts.LARGE)[1] == single.data


def test_an_alarm_inside_pdfium_is_raised_after_the_page_load() -> None:
    data = b"d" * fonts.LARGE
    default = _Default(data, collection=True, fail=KeyboardInterrupt())
    assert _ask(default, 0, len(data)) == (len(data), data)  # pdfium still gets the font
    with pytest.raises(KeyboardInterrupt):
        fonts.raise_pending()
    fonts.raise_pending()  # raised once only


def test_a_cjk_document_reads_the_same_from_disk_and_from_the_cache(make_pdf: Callable[..., Path]) -> None:
    path = make_pdf([["产品型号：RS-9000", "额定功率：450 W"], ["50%负载时效率：94.5%"]])
    fonts.release()  # no page kept: the collection is read from disk
    before = fonts.READS[0]
    from_disk = read_pdf(path)
    if fonts.READS[0] == before:
        pytest.skip("no large font collection installed for STSong-Light (nothing to cache)")
    assert len(fonts._KEPT) == 1
    read = fonts.READS[0]
    from_cache = read_pdf(path)
    assert fonts.READS[0] == read  # found in pdfium's cache, kept alive by the page copy
    assert [f.model_dump() for f in from_disk.facts] == [f.model_dump() for f in from_cache.facts]
    assert 94.5 in [f.value for f in from_cache.facts]
