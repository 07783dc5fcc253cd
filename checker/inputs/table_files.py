"""Catalog files read as text cells, never type-guessed: CSV (pyarrow, else pandas' parser: the same cells),
every worksheet of an XLSX (saved values, formulas never evaluated; a number as its cell shows it where the
cell's format is a percentage), Parquet.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import islice
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from checker.errors import UnusableInput


class TableError(UnusableInput, ValueError):
    """A catalog file that cannot be used, with a one-line reason."""


CSV_TYPES = (".csv", ".tsv")  # text tables: a tab-separated export is read as a CSV with its separator
FIRST_ROW = "first_row"  # a frame's attrs key: the line its first row is on (after a "sep=;" line, 3)



def read_table(path: Path) -> pd.DataFrame:
    """Read a catalog file as text cells (no type guessing), by its extension."""
    suffix = path.suffix.lower()
    try:
        if suffix in CSV_TYPES:
            return _read_csv(path)
        if suffix in (".xlsx", ".xlsm"):
            sheets = read_sheets(path)
            return sheets[0].frame if sheets else pd.DataFrame()
        if suffix == ".parquet":
            with pq.ParquetFile(path) as handle:  # not pq.read_table: it refuses a repeated column name
                return arrow_frame(handle.read())
    except (ValueError, OSError, UnicodeDecodeError, pd.errors.ParserError, ImportError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise TableError(f"{path}: cannot read as {suffix.lstrip('.').upper()} ({first})") from None
    except Exception as exc:  # noqa: BLE001 - third-party readers raise many kinds on damaged files
        raise TableError(f"{path}: damaged {suffix.lstrip('.').upper()} file ({type(exc).__name__})") from None
    raise TableError(f"{path}: unsupported catalog type {suffix or '(none)'}")



@dataclass
class Sheet:
    """One worksheet's table: its name, the cells as text under the header row, each row's number."""

    name: str
    frame: pd.DataFrame
    row_numbers: list[int]
    hidden: bool = False  # a sheet the workbook hides (an old version, working data): its values go to a person
    hidden_rows: frozenset[int] = frozenset()  # the sheet's own numbers of the rows it hides (or filters out)
    # each cell comment (Excel's note): the sheet's row number, the column (from 0) and the comment's text
    comments: tuple[tuple[int, int, str], ...] = ()



def read_sheets(path: Path) -> list[Sheet]:
    """Every worksheet of a workbook that holds a table: the first non-blank row is the header; blank
    rows are skipped (a stray cell far below is one row, not a million). Formulas are read as their
    saved values, never evaluated; a formula without a saved value is a blank cell. A number in a cell
    formatted as a percentage is read as the percentage the cell shows (0.945 as "94.5 %")."""
    import openpyxl  # only catalogs in XLSX need it

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    struck = frozenset(i for i, font in enumerate(getattr(workbook, "_fonts", [])) if getattr(font, "strike", False))
    try:
        sheets: list[Sheet] = []
        for worksheet in workbook.worksheets:
            rows, columns = _hidden_lines(worksheet)
            sheet = _sheet(worksheet.title, _shown_rows(worksheet, struck), columns)
            if sheet is not None:
                sheets.append(replace(sheet, hidden=worksheet.sheet_state != "visible", hidden_rows=rows,
                                      comments=_cell_comments(workbook, worksheet)))
        return sheets
    finally:
        workbook.close()


def _cell_comments(workbook: Any, worksheet: Any) -> tuple[tuple[int, int, str], ...]:
    """The comments on a worksheet's cells, read by openpyxl's own comment reader from the sheet's comments part
    (its read-only mode does not load them): a comment such as "典型值，本型号未测" qualifies the value it is on."""
    from openpyxl.comments.comment_sheet import CommentSheet
    from openpyxl.packaging.relationship import get_dependents, get_rels_path
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
    from openpyxl.xml.constants import COMMENTS_NS
    from openpyxl.xml.functions import fromstring

    archive, part = getattr(workbook, "_archive", None), getattr(worksheet, "_worksheet_path", None)
    if archive is None or part is None or get_rels_path(part) not in archive.namelist():
        return ()
    found: list[tuple[int, int, str]] = []
    for relation in get_dependents(archive, get_rels_path(part)).find(COMMENTS_NS):
        for reference, comment in CommentSheet.from_tree(fromstring(archive.read(relation.target))).comments:
            column, row = coordinate_from_string(reference)
            found.append((row, column_index_from_string(column) - 1, str(comment.text or "")))
    return tuple(found)


HIDDEN_COLUMN = "hidden in the workbook"  # the note a hidden column's header is given (checker.inputs.header_notes)
_TAG = re.compile(rb"<(?:\w+:)?(row|col)\b([^>]*)>")
_HIDDEN = re.compile(rb'\bhidden\s*=\s*["\'](?:1|true)["\']')
_ATTRIBUTE = {name: re.compile(rb"\b" + name + rb'\s*=\s*["\'](\d+)["\']') for name in (b"r", b"min", b"max")}
_CHUNK = 1 << 22


def _hidden_lines(worksheet: Any) -> tuple[frozenset[int], frozenset[int]]:
    """The rows (numbered as the sheet numbers them) and columns (from 0) a worksheet hides, or filters out, read
    from its XML a chunk at a time: openpyxl's read-only mode does not give a row's or a column's attributes. A
    sheet with no "hidden" anywhere (most) is passed over after one scan of its bytes."""
    opener = getattr(worksheet, "_get_source", None)
    if opener is None:
        return frozenset(), frozenset()
    rows: set[int] = set()
    columns: set[int] = set()
    tail = b""
    with opener() as source:
        while chunk := source.read(_CHUNK):
            text = tail + chunk
            cut = text.rfind(b"<")  # a tag cut by the chunk's end is read with the next chunk
            text, tail = (text[:cut], text[cut:]) if cut > 0 else (text, b"")
            if b"hidden" in text:
                _hidden_tags(text, rows, columns)
    return frozenset(rows), frozenset(columns)


def _hidden_tags(text: bytes, rows: set[int], columns: set[int]) -> None:
    for tag in _TAG.finditer(text):
        attributes = tag.group(2)
        if not _HIDDEN.search(attributes):
            continue
        if tag.group(1) == b"row":
            number = _ATTRIBUTE[b"r"].search(attributes)
            if number:
                rows.add(int(number.group(1)))
        else:
            low, high = _ATTRIBUTE[b"min"].search(attributes), _ATTRIBUTE[b"max"].search(attributes)
            if low and high:
                columns.update(range(int(low.group(1)) - 1, min(int(high.group(1)), 16384)))



_LITERAL_IN_FORMAT = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def _is_percent_format(number_format: str) -> bool:
    """Whether Excel shows a number in this format multiplied by 100: an unquoted, unescaped `%`
    (a quoted "%" or an escaped \\% is printed as is)."""
    return "%" in _LITERAL_IN_FORMAT.sub("", number_format)


def _shown_rows(worksheet: Any, struck: frozenset[int]) -> Any:
    """A worksheet's rows as values, a percentage-formatted number as the percentage it shows, and a value in a
    struck-through font (withdrawn, left in place) as a text saying so, never as the value (``struck``: the
    workbook's font ids with strike-through; most workbooks have none, and then no cell's font is looked at)."""
    for row in worksheet.iter_rows():
        yield [_withdrawn(cell) if struck and _font_id(cell) in struck else _shown(cell) for cell in row]


STRUCK = "struck through (withdrawn): "


def _font_id(cell: Any) -> int | None:
    style = getattr(cell, "style_array", None)
    return getattr(style, "fontId", None) if style is not None else None


def _withdrawn(cell: Any) -> Any:
    value = _shown(cell)
    return value if value is None or str(value).strip() == "" else f"{STRUCK}{value}"


def _shown(cell: Any) -> Any:
    value = getattr(cell, "value", None)
    if isinstance(value, (int, float)) and not isinstance(value, bool) \
            and _is_percent_format(getattr(cell, "number_format", None) or ""):
        shown = Decimal(repr(value)) * 100
        return f"{shown.normalize():f} %"
    return value



def _sheet(name: str, rows: Any, hidden_columns: frozenset[int] = frozenset()) -> Sheet | None:
    header: list[str] | None = None
    body: list[list[str]] = []
    numbers: list[int] = []
    for number, row in enumerate(rows, start=1):
        cells = ["" if cell is None else str(cell) for cell in row]
        if not any(cell.strip() for cell in cells):
            continue
        if header is None:
            header = cells
            continue
        body.append(cells)
        numbers.append(number)
    if header is None:
        return None
    width = max([len(header), *(len(row) for row in body)])
    while width > 0 and not header[width - 1].strip() and not any(len(r) >= width and r[width - 1].strip()
                                                                  for r in body):
        width -= 1
    labels = [(f"{cell} ({HIDDEN_COLUMN})" if index in hidden_columns else cell) if cell.strip()
              else f"Unnamed: {index}" for index, cell in enumerate(header[:width])]
    labels += [f"Unnamed: {index}" for index in range(len(labels), width)]
    frame = pd.DataFrame([(row + [""] * width)[:width] for row in body], columns=labels, dtype=str)
    return Sheet(name, frame, numbers)



@dataclass(frozen=True)
class CsvDialect:
    """How a CSV file is written: its text encoding and its field separator."""

    encoding: str = "utf-8-sig"
    delimiter: str = ","
    skip: int = 0  # lines before the header: Excel's "sep=;" line that names the separator


_SAMPLE_BYTES = 1 << 20
_SEPARATORS = (",", "\t", ";")


def csv_dialect(path: Path) -> CsvDialect:
    """The encoding and separator of a CSV, from its first megabyte: UTF-8 (with or without a BOM),
    UTF-16 with a BOM (Excel's "Unicode text"), else GB18030 (what Excel on a Chinese system saves);
    the separator is the first of comma, tab, semicolon found in the header line outside quotes."""
    with path.open("rb") as handle:
        sample = handle.read(_SAMPLE_BYTES)
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        try:
            codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
            encoding = "utf-8-sig"
        except UnicodeDecodeError:
            encoding = "gb18030"
    text = sample.decode(encoding, errors="replace").lstrip("\ufeff")
    named = _SEP_LINE.match(text)
    if named:  # Excel's "sep=;" first line: the separator named, the header on the next line
        return CsvDialect(encoding, named.group(1), skip=1)
    header = re.sub(r'"[^"]*"', "", text.split("\n", 1)[0])
    delimiter = next((separator for separator in _SEPARATORS if separator in header), ",")
    return CsvDialect(encoding, delimiter)


_SEP_LINE = re.compile(r"sep=([,;\t|])[ \t]*\r?\n", re.IGNORECASE)


def csv_records(path: Path, dialect: CsvDialect) -> Iterator[tuple[int, list[str]]]:
    """(line number where the record ends, fields) of each record of a CSV, in its dialect."""
    with path.open(encoding=dialect.encoding, newline="") as handle:
        for _ in range(dialect.skip):
            handle.readline()
        reader = csv.reader(handle, delimiter=dialect.delimiter)
        for record in reader:
            yield reader.line_num + dialect.skip, record


def _read_csv(path: Path) -> pd.DataFrame:
    """Every cell as text: pyarrow when the file is regular, else pandas' parser (same cells)."""
    dialect = _past_title_lines(path, csv_dialect(path))
    try:
        header = next((record for _, record in csv_records(path, dialect)), [])
        if header and len(set(header)) == len(header) and all(header):
            types = pa_csv.ConvertOptions(column_types=dict.fromkeys(header, pa.string()), strings_can_be_null=False)
            # Arrow reads UTF-8 (and skips its BOM) natively; any other encoding goes through a Python codec
            reading = pa_csv.ReadOptions(skip_rows=dialect.skip) if dialect.encoding == "utf-8-sig" else \
                pa_csv.ReadOptions(encoding=dialect.encoding, skip_rows=dialect.skip)
            table = pa_csv.read_csv(path, read_options=reading,
                                    parse_options=pa_csv.ParseOptions(newlines_in_values=True,
                                                                      delimiter=dialect.delimiter),
                                    convert_options=types)
            if table.column_names == header:
                return _numbered(arrow_frame(table), dialect)
    except (UnicodeDecodeError, csv.Error, pa.ArrowException, OSError):
        pass
    _refuse_long_rows(path, dialect)
    return _numbered(pd.read_csv(path, dtype=str, keep_default_na=False, encoding=dialect.encoding,
                                 sep=dialect.delimiter, index_col=False, skiprows=dialect.skip), dialect)


_TITLE_LINES = 10  # lines above a CSV's header a title block may take


def _past_title_lines(path: Path, dialect: CsvDialect) -> CsvDialect:
    """``dialect`` skipping the title lines above a CSV's header ("XX市政府采购 数据中心设备清单（导出时间：…）" and a
    blank line): lines of one cell at most, above the first line of two cells or more."""
    records = [(line, sum(1 for cell in record if cell.strip()))
               for line, record in islice(csv_records(path, dialect), _TITLE_LINES + 1)]
    if not records or records[0][1] >= 2:
        return dialect
    header = next((index for index, (_, filled) in enumerate(records) if filled >= 2), None)
    return dialect if header is None else replace(dialect, skip=records[header - 1][0])


def _numbered(frame: pd.DataFrame, dialect: CsvDialect) -> pd.DataFrame:
    """``frame`` knowing the line its first row is on, where lines come before its header."""
    if dialect.skip:
        frame.attrs[FIRST_ROW] = 2 + dialect.skip
    return frame


def _refuse_long_rows(path: Path, dialect: CsvDialect) -> None:
    """Raise pandas' own "Expected N fields in line L" for the first row longer than the header, which
    :mod:`checker.inputs.csv_repair` mends. pandas raises it only after the first data row: a first row
    with more fields took its first cells as an index and shifted every value one column left."""
    width: int | None = None
    for line, record in csv_records(path, dialect):
        if width is None:
            width = len(record)
        elif len(record) > width:
            raise ValueError(f"Expected {width} fields in line {line}, saw {len(record)}")



def arrow_frame(table: pa.Table) -> pd.DataFrame:
    """An Arrow table as a frame: text columns stay Arrow-backed (no Python string per cell)."""
    mapping = {pa.string(): pd.ArrowDtype(pa.string()), pa.large_string(): pd.ArrowDtype(pa.large_string())}
    return table.to_pandas(types_mapper=mapping.get, self_destruct=True)



def arrow_text(raw: pd.Series) -> pa.ChunkedArray | None:
    """The Arrow array behind an Arrow-backed text column (None for any other column)."""
    kind = raw.dtype.pyarrow_dtype if isinstance(raw.dtype, pd.ArrowDtype) else None
    if kind is not None and (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
        return raw.array.__arrow_array__()
    return None
