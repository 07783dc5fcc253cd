"""A workbook whose rows are written here as SpreadsheetML, the rest by openpyxl.

openpyxl's write-only mode spends some 25 µs on each cell (an element tree per cell); a catalog's
``Products`` sheet has millions. :class:`FastBook` keeps openpyxl for what it does well — the
workbook, styles, column widths, frozen panes, filters, conditional formats — and writes each
appended row itself (a few string operations a cell) to a temporary file; :meth:`FastBook.save` lets
openpyxl save the workbook with empty sheets, then copies it, putting each sheet's rows in its
``<sheetData>``. Cells are data only: text is an inline string (never a formula, whatever it starts
with), numbers are numbers, a missing or non-finite number is an empty cell.
"""

from __future__ import annotations

import io
import math
import posixpath
import re
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from typing import IO, Any, BinaryIO
from xml.etree import ElementTree

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from checker.outputs.background import Background
from checker.outputs.joining import Taken, coalesced, joined_bytes

try:  # ISA-L's deflate: a stream any inflater reads, some four times faster than zlib's level 1 (and no larger)
    from isal import isal_zlib as _zlib
except ImportError:  # pragma: no cover - the pinned dependency is missing: zlib, slower
    _zlib = zlib  # type: ignore[no-redef,misc]

_EMPTY_DATA = b"<sheetData></sheetData>"
_MAX_TEXT = 32_767  # an Excel cell's characters (openpyxl cuts there too)
_FLUSH = 2_000  # rows kept in memory before they go to the temporary file
# characters XML 1.0 forbids; the writers neutralise them already (safe_text.spreadsheet), this is the last guard
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CARE = "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x{fffe}\\x{ffff}]|^\\s|\\s$|^[\\pZ\\x{85}]|[\\pZ\\x{85}]$"
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def column_letter(index: int) -> str:
    """The letters of a 1-based column index (1 → A, 27 → AA)."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_LETTERS = [column_letter(i) for i in range(1, 703)]


def _text(value: str) -> str:
    if len(value) > _MAX_TEXT:
        value = value[:_MAX_TEXT]
    if "&" in value or "<" in value or ">" in value:
        value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if _ILLEGAL.search(value):
        value = _ILLEGAL.sub("\ufffd", value)
    return value


def _cell(ref: str, value: Any) -> str:
    """One cell's XML (empty for a blank)."""
    if value is None:
        return ""
    if isinstance(value, str):
        if not value:
            return ""
        space = ' xml:space="preserve"' if value[0].isspace() or value[-1].isspace() else ""
        return f'<c r="{ref}" t="inlineStr"><is><t{space}>{_text(value)}</t></is></c>'
    if isinstance(value, (bool, np.bool_)):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int):
        return f'<c r="{ref}" t="n"><v>{value}</v></c>'
    if isinstance(value, float):
        return f'<c r="{ref}" t="n"><v>{value!r}</v></c>' if math.isfinite(value) else ""
    try:
        number = float(value)  # numpy numbers
    except (TypeError, ValueError):
        return _cell(ref, str(value))
    return _cell(ref, int(number) if number.is_integer() and not isinstance(value, float) else number)


def row_xml(number: int, values: Iterable[Any]) -> str:
    """A ``<row>`` element of 1-based row ``number``."""
    cells = list(values)
    while len(_LETTERS) < len(cells):
        _LETTERS.append(column_letter(len(_LETTERS) + 1))
    text = "".join([_cell(f"{_LETTERS[i]}{number}", value) for i, value in enumerate(cells)])
    return f'<row r="{number}">{text}</row>'


def _column_xml(letter: str, column: pa.Array, numbers: pa.Array) -> list[pa.Array | Taken | str]:
    """Each row's cell XML of one column ("" for a blank), as pieces to join: plain strings, arrays, and
    :class:`Taken` texts."""
    kind = column.type
    if pa.types.is_dictionary(kind) and pa.types.is_string(kind.value_type) and not _needs_care(column.dictionary):
        return _coded_xml(letter, column, numbers)
    if pa.types.is_dictionary(kind):
        column, kind = column.cast(kind.value_type), kind.value_type
    if pa.types.is_integer(kind) or pa.types.is_floating(kind):
        parts: list[pa.Array | Taken | str] = [f'<c r="{letter}', numbers, '" t="n"><v>', column.cast(pa.string()),
                                               "</v></c>"]
        shown = pc.fill_null(pc.is_finite(column) if pa.types.is_floating(kind) else pc.is_valid(column), False)
        return parts if pc.all(shown).as_py() else [pc.if_else(shown, _join(parts), "")]
    if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)) or _needs_care(column):
        return [pa.array([_cell(f"{letter}{n}", v) for n, v in zip(numbers.to_pylist(), column.to_pylist(),
                                                                  strict=True)], pa.string())]
    escaped = pc.replace_substring(pc.replace_substring(pc.replace_substring(column, "&", "&amp;"), "<", "&lt;"),
                                   ">", "&gt;")
    parts = [f'<c r="{letter}', numbers, '" t="inlineStr"><is><t>', escaped, "</t></is></c>"]
    blank = pc.fill_null(pc.equal(column, ""), True)
    return [pc.if_else(blank, "", _join(parts))] if pc.any(blank).as_py() else parts


def _coded_xml(letter: str, column: pa.DictionaryArray, numbers: pa.Array) -> list[pa.Array | Taken | str]:
    """:func:`_column_xml` of a dictionary column of text (statuses, verdicts): each word escaped once, in the
    dictionary, then taken for every row."""
    words = column.dictionary
    escaped = pc.replace_substring(pc.replace_substring(pc.replace_substring(words, "&", "&amp;"), "<", "&lt;"),
                                   ">", "&gt;")
    tails = pc.binary_join_element_wise('" t="inlineStr"><is><t>', escaped, "</t></is></c>", "")
    blank_words = pc.fill_null(pc.equal(words, ""), True)
    if not column.null_count and not pc.any(blank_words).as_py():  # no blank word (statuses, verdicts)
        return [f'<c r="{letter}', numbers, Taken(tails.to_pylist(), column.indices.to_numpy())]
    cells = pc.binary_join_element_wise(f'<c r="{letter}', numbers, tails.take(column.indices), "")
    return [pc.if_else(blank_words.take(column.indices), "", cells)]


def _join(parts: list[pa.Array | Taken | str]) -> pa.Array:
    return pc.binary_join_element_wise(*coalesced(parts), "")


def _needs_care(column: pa.Array) -> bool:
    """Text the string kernels do not handle as :func:`_cell` does: forbidden characters, a space at
    either end (xml:space), over an Excel cell's length."""
    if not len(column) or column.null_count == len(column):
        return False
    if pc.max(pc.utf8_length(column)).as_py() > _MAX_TEXT:
        return True
    return bool(pc.any(pc.match_substring_regex(column, _CARE)).as_py())


class FastSheet:
    """A write-only openpyxl sheet whose :meth:`append` writes the row here; every other attribute
    (``column_dimensions``, ``freeze_panes``, ``auto_filter``, ``conditional_formatting``) is the sheet's."""

    __slots__ = ("_count", "_pending", "_rows", "_sheet")

    def __init__(self, sheet: Any) -> None:
        object.__setattr__(self, "_sheet", sheet)
        object.__setattr__(self, "_rows", DeflatedRows())
        object.__setattr__(self, "_pending", [])
        object.__setattr__(self, "_count", 0)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sheet, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._sheet, name, value)

    @property
    def title(self) -> str:
        """The sheet's name."""
        return str(self._sheet.title)

    def append(self, values: Iterable[Any]) -> None:
        """One row after the last."""
        count = self._count + 1
        object.__setattr__(self, "_count", count)
        self._pending.append(row_xml(count, values))
        if len(self._pending) >= _FLUSH:
            self._flush()

    def append_columns(self, columns: Sequence[pa.Array]) -> None:
        """Rows after the last, given column by column (Arrow arrays of one length; text or numbers, a
        null or non-finite number blank): built with Arrow's string kernels, not a cell at a time."""
        if not columns or not len(columns[0]):
            return
        first = self._count + 1
        numbers = pa.array(np.arange(first, first + len(columns[0]), dtype=np.int64)).cast(pa.string())
        while len(_LETTERS) < len(columns):
            _LETTERS.append(column_letter(len(_LETTERS) + 1))
        parts: list[pa.Array | Taken | str] = ['<row r="', numbers, '">']
        for index, column in enumerate(columns):
            parts.extend(_column_xml(_LETTERS[index], column, numbers))
        parts.append("</row>")
        rows = _join(parts)
        self._flush()
        self._put(joined_bytes(rows))
        object.__setattr__(self, "_count", self._count + len(columns[0]))

    def _flush(self) -> None:
        if self._pending:
            self._put("".join(self._pending).encode("utf-8"))
            self._pending.clear()

    def _put(self, data: bytes | memoryview) -> None:
        self._rows.put(data)

    def deflated(self) -> tuple[IO[bytes], int, int]:
        """The rows written as raw deflate data from the start, ending on a byte boundary with no final block
        (more deflate data may follow), their CRC-32 and their size before compression."""
        self._flush()
        return self._rows.finish()

    def close(self) -> None:
        """Drop the temporary file."""
        self._rows.close()


class DeflatedRows:
    """A sheet's rows kept deflated (level 1, as every part) in a temporary file: no gigabytes of XML written to
    disk and read back at save. A large sheet's rows are deflated in a thread of their own (zlib lets go of the
    interpreter) while the next rows are built, at most :data:`_QUEUED` blocks behind."""

    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile()  # noqa: SIM115 - kept until the workbook is saved
        self.deflate = _deflater()
        self.crc = 0
        self.size = 0
        self.background: Background | None = None

    def put(self, data: bytes | memoryview) -> None:
        """Rows after the others (deflated here if short, else in the thread)."""
        if self.background is not None:
            self.background.put(data)
        elif len(data) < _IN_THREAD:
            self._deflated(data)
        else:
            self.background = Background(self._deflated, "sheet-deflate", _QUEUED)
            self.background.put(data)

    def _deflated(self, data: bytes | memoryview) -> None:
        self.crc = _zlib.crc32(data, self.crc)
        self.size += len(data)
        self.file.write(self.deflate.compress(data))

    def finish(self) -> tuple[IO[bytes], int, int]:
        """The deflate data from the start (no final block), the rows' CRC-32 and their size."""
        if self.background is not None:
            background, self.background = self.background, None
            background.join()
        self.file.write(self.deflate.flush(_zlib.Z_SYNC_FLUSH))
        self.deflate = _deflater()
        self.file.seek(0)
        return self.file, self.crc, self.size

    def close(self) -> None:
        """Stop the thread and drop the temporary file."""
        if self.background is not None:
            self.background.stop()
        self.file.close()


_QUEUED = 2  # blocks of rows waiting to be deflated


def _deflater() -> Any:
    """A raw deflate stream at level 1 (as every part of the package)."""
    return _zlib.compressobj(1, zlib.DEFLATED, -15)
_IN_THREAD = 1 << 20  # rows of this many bytes or more start the thread


class FastBook:
    """An openpyxl write-only workbook whose sheets are :class:`FastSheet`."""

    def __init__(self) -> None:
        from openpyxl import Workbook

        self.book = Workbook(write_only=True)
        self.sheets: list[FastSheet] = []

    def create_sheet(self, title: str) -> FastSheet:
        """A new sheet at the end."""
        sheet = FastSheet(self.book.create_sheet(title))
        self.sheets.append(sheet)
        return sheet

    def save(self, sink: BinaryIO) -> None:
        """The workbook on ``sink``: openpyxl's package, each sheet's rows put in."""
        skeleton = io.BytesIO()
        try:
            self.book.save(skeleton)
            skeleton.seek(0)
            with zipfile.ZipFile(skeleton) as source, \
                    zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
                parts = _sheet_parts(source)
                by_part = {parts[sheet.title]: sheet for sheet in self.sheets}
                for info in source.infolist():
                    sheet = by_part.get(info.filename)
                    if sheet is None:
                        out.writestr(info, source.read(info.filename), compresslevel=1)
                    else:
                        _write_sheet(out, info, source.read(info.filename), sheet)
        finally:
            for sheet in self.sheets:
                sheet.close()


def _sheet_parts(package: zipfile.ZipFile) -> dict[str, str]:
    """Each sheet's name → its part in the package (from the workbook and its relationships)."""
    book = ElementTree.fromstring(package.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(package.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{_PACKAGE_REL}Relationship")}
    parts: dict[str, str] = {}
    for sheet in book.iter(f"{_MAIN}sheet"):
        target = targets[sheet.get(_REL)]
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        parts[sheet.get("name", "")] = path
    return parts


def _fast_deflate(entry: zipfile.ZipInfo) -> None:
    """Deflate ``entry`` at level 1 like the other parts (a ZipInfo of our own would otherwise get zlib's
    default, level 6: three times the time for a few per cent of size). Python 3.13 renamed the attribute."""
    setattr(entry, "compress_level" if hasattr(entry, "compress_level") else "_compresslevel", 1)


def _write_sheet(out: zipfile.ZipFile, info: zipfile.ZipInfo, skeleton: bytes, sheet: FastSheet) -> None:
    """The sheet's part: openpyxl's XML around its rows, deflated in three pieces (the rows were deflated as
    they were written) that make one deflate stream; its CRC-32 put together from the pieces'."""
    head, found, tail = skeleton.partition(_EMPTY_DATA)
    if not found:
        raise ValueError(f"sheet {sheet.title!r}: openpyxl wrote rows of its own")
    head, tail = head + b"<sheetData>", b"</sheetData>" + tail
    rows, rows_crc, rows_size = sheet.deflated()
    start = _deflater()
    end = _deflater()
    entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    entry.compress_type = zipfile.ZIP_DEFLATED
    _fast_deflate(entry)
    entry.file_size = len(head) + rows_size + len(tail)  # zip64 when it needs it
    crc = zlib.crc32(tail, crc32_combine(zlib.crc32(head), rows_crc, rows_size))
    with out.open(entry, "w") as stream:
        writer: Any = stream
        writer._compressor = _Deflated()  # what is written is deflate data already
        writer.write(start.compress(head) + start.flush(_zlib.Z_SYNC_FLUSH))
        shutil.copyfileobj(rows, writer, 1 << 20)
        writer.write(end.compress(tail) + end.flush(_zlib.Z_FINISH))
        writer._crc, writer._file_size = crc, entry.file_size  # of the data before compression


class _Deflated:
    """The compressor of a zip entry whose data is given deflated."""

    @staticmethod
    def compress(data: bytes) -> bytes:
        return data

    @staticmethod
    def flush() -> bytes:
        return b""


def _gf2_times(matrix: list[int], vector: int) -> int:
    total, index = 0, 0
    while vector:
        if vector & 1:
            total ^= matrix[index]
        vector >>= 1
        index += 1
    return total


def _gf2_square(matrix: list[int]) -> list[int]:
    return [_gf2_times(matrix, row) for row in matrix]


def crc32_combine(first: int, second: int, second_size: int) -> int:
    """The CRC-32 of two byte strings one after the other, from the CRC-32 of each and the second's length
    (zlib's ``crc32_combine``, which Python's zlib module does not offer)."""
    if second_size <= 0:
        return first
    operator = [0xEDB88320] + [1 << n for n in range(31)]  # the operator of one zero bit
    for _ in range(3):
        operator = _gf2_square(operator)  # of 2, 4, then 8 zero bits: one zero byte
    while True:  # apply the operator of 2**k zero bytes for each bit k of the second's length
        if second_size & 1:
            first = _gf2_times(operator, first)
        second_size >>= 1
        if not second_size:
            break
        operator = _gf2_square(operator)
    return first ^ second
