"""Font files kept in memory for pdfium (checker.inputs.documents.fonts): the same bytes, the same reading,
a bounded memory, and an exception raised inside pdfium's callback not lost."""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from checker.inputs.documents import fonts, read_pdf


class _Default:
    """A stand-in for pdfium's default handler: serves ``data``; raises ``fail`` on its first call."""

    def __init__(self, data: bytes, fail: BaseException | None = None) -> None:
        self.data, self.fail, self.calls = data, fail, 0

    def GetFontData(self, _: Any, handle: int, table: int, buffer: Any, size: int) -> int:
        self.calls += 1
        if self.fail is not None and self.calls == 1:
            raise self.fail
        if buffer and size >= len(self.data):
            ctypes.memmove(buffer, self.data, len(self.data))
        return len(self.data)


@pytest.fixture
def kept(monkeypatch: pytest.MonkeyPatch) -> fonts._Kept:
    store = fonts._Kept(3 * fonts.LARGE)
    monkeypatch.setattr(fonts, "_KEPT", store)
    return store


def _read(default: _Default, handle: int, size: int) -> bytes:
    buffer = (ctypes.c_ubyte * size)()
    assert fonts._font_data(default, handle, 0x74746366, buffer, size) == size
    return bytes(buffer)


def test_second_read_is_served_from_memory_with_the_same_bytes(kept: fonts._Kept) -> None:
    data = bytes(range(256)) * (fonts.LARGE // 256)
    default = _Default(data)
    assert _read(default, 7, len(data)) == data
    assert _read(default, 7, len(data)) == data
    assert default.calls == 1  # the second read did not reach pdfium's handler
    assert _read(default, 8, len(data)) == data and default.calls == 2  # another file is read from disk


def test_small_reads_are_left_to_pdfium(kept: fonts._Kept) -> None:
    default = _Default(b"x" * 1000)
    _read(default, 7, 1000)
    _read(default, 7, 1000)
    assert default.calls == 2 and not kept.files


def test_memory_is_bounded_least_recently_used_first(kept: fonts._Kept) -> None:
    data = b"f" * fonts.LARGE
    for handle in (1, 2, 3):
        _read(_Default(data), handle, len(data))
    kept.get((1, 0x74746366, len(data)))  # file 1 used again: file 2 is the oldest now
    _read(_Default(data), 4, len(data))
    assert sorted(key[0] for key in kept.files) == [1, 3, 4]
    assert kept.size <= kept.budget


def test_an_alarm_inside_pdfium_is_raised_after_the_page_load(kept: fonts._Kept) -> None:
    data = b"d" * fonts.LARGE
    default = _Default(data, fail=KeyboardInterrupt())
    assert _read(default, 5, len(data)) == data  # the data is still given to pdfium
    with pytest.raises(KeyboardInterrupt):
        fonts.raise_pending()
    fonts.raise_pending()  # raised once only


def test_a_cjk_document_reads_the_same_from_kept_font_files(make_pdf: Callable[..., Path],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_pdf([["产品型号：RS-9000", "额定功率：450 W"], ["50%负载时效率：94.5%"]])
    monkeypatch.setattr(fonts, "_KEPT", fonts._Kept(fonts.BUDGET))
    from_disk = read_pdf(path)
    if not fonts._KEPT.files:
        pytest.skip("no large font file installed for STSong-Light (nothing to keep)")
    from_memory = read_pdf(path)
    assert [f.model_dump() for f in from_disk.facts] == [f.model_dump() for f in from_memory.facts]
    assert 94.5 in [f.value for f in from_memory.facts]
