"""Sheet rows kept deflated as they are written (:mod:`checker.outputs.sheetml`): the part is one valid deflate
stream with the right CRC-32, and reads back as the rows given."""

from __future__ import annotations

import io
import os
import zipfile
import zlib

import numpy as np
import openpyxl
import pyarrow as pa
import pytest

import checker.outputs.sheetml as sheetml
from checker.outputs.sheetml import DeflatedRows, FastBook, crc32_combine


@pytest.mark.parametrize(("first", "second"), [(b"", b"x"), (b"abc", b""), (b"x" * 7, b"\x00\xff"),
                                               (os.urandom(1000), os.urandom(123_457))])
def test_crc32_combine_is_the_crc_of_both(first: bytes, second: bytes) -> None:
    assert crc32_combine(zlib.crc32(first), zlib.crc32(second), len(second)) == zlib.crc32(first + second)


def test_crc32_combine_depends_on_the_order() -> None:
    first, second = b"abc", b"defg"
    assert crc32_combine(zlib.crc32(second), zlib.crc32(first), len(first)) != zlib.crc32(first + second)


@pytest.fixture(params=["isal", "zlib"])
def deflater(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """ISA-L's deflate (the pinned dependency) and zlib's (without it)."""
    if request.param == "zlib":
        monkeypatch.setattr(sheetml, "_zlib", zlib)
    else:
        assert sheetml._zlib is not zlib
    return str(request.param)


def test_a_sheet_of_deflated_rows_reads_back(deflater: str) -> None:
    book = FastBook()
    sheet = book.create_sheet("S")
    sheet.append(["id", "value"])
    count = 30_000
    sheet.append_columns([pa.array([f"P-{i}" for i in range(count)], pa.string()),
                          pa.array(np.arange(count, dtype=np.float64) / 4)])
    sheet.append(["last", 1.5])
    empty = book.create_sheet("Empty")
    empty.append(["nothing"])
    sink = io.BytesIO()
    book.save(sink)
    sink.seek(0)
    with zipfile.ZipFile(sink) as package:
        assert package.testzip() is None  # every part's CRC-32 and size check out
    sink.seek(0)
    rows = list(openpyxl.load_workbook(sink)["S"].iter_rows(values_only=True))
    assert len(rows) == count + 2
    assert rows[1] == ("P-0", 0.0)
    assert rows[count] == (f"P-{count - 1}", (count - 1) / 4)
    assert rows[-1] == ("last", 1.5)


def test_rows_deflated_in_the_thread_are_the_rows_given(deflater: str) -> None:
    rows = DeflatedRows()
    parts = [b"<row>small</row>", os.urandom(3 << 20), b"<row>after</row>" * 10, os.urandom(2 << 20)]
    for part in parts:
        rows.put(part)
    assert rows.background is not None  # the large part started the thread
    data, crc, size = rows.finish()
    whole = b"".join(parts)
    assert (crc, size) == (zlib.crc32(whole), len(whole))
    assert zlib.decompressobj(-15).decompress(data.read()) == whole
    rows.close()


def test_an_error_while_deflating_is_raised() -> None:
    rows = DeflatedRows()
    rows.file.close()
    rows.put(os.urandom(2 << 20))
    with pytest.raises(ValueError, match="closed"):
        rows.finish()
    rows.close()
