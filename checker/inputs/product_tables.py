"""A vendor's product list (CSV, XLSX, Parquet; a "catalog" in INTERFACE.md) → the engine's frame.

Headers are matched to fields by id or alias (Chinese or English); a unit in brackets
(``psu_efficiency_50 [%]``, ``rated_power (kW)``) is honoured through pint. Rows under the header
that belong to it, a second header level ("电源效率" over "50%负载") and a row of units, are read as
part of it, never as products. Cells that are not
plain numbers ("94.2 %", "ND", "105,8") take a slower path, only for those cells.

CSV and Parquet are read with pyarrow into Arrow-backed text columns: a column of plain numbers is
parsed by one Arrow cast, and no Python object is made per cell except for the cells that need
the slow path (and the ids). A CSV that pyarrow will not read as-is (ragged rows, duplicate or
empty headers, a non-UTF-8 file) is read by pandas' own parser, so the outcome never depends on
which reader ran.

Two columns for one field (the same header twice, or an alias beside the field id) are both read:
row by row, a blank cell takes the other's value, equal values (after unit conversion) are used,
and different values are a conflict worded by :func:`checker.engine.frame.quantity_cell` (or
:func:`~checker.engine.frame.choice_cell`), as for a record, so the clause goes to manual review.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    import pyarrow as pa

from checker.catalog.clauses import Catalog, load_catalog
from checker.engine.frame import (
    HI,
    ISSUE,
    LO,
    Batch,
    StackedEvidence,
    conform,
    normalise_choice,
)
from checker.inputs.table_columns import (
    category_word,
    map_distinct,
    merge_columns,
    read_column,
    store_column,
    text_cells,
)
from checker.inputs.table_files import FIRST_ROW, Sheet, TableError, arrow_text, read_sheets, read_table
from checker.inputs.table_headers import (
    map_headers,
    shown_headers,
    two_level,
    unique_labels,
    units_row,
    with_units,
    written_headers,
)
from checker.inputs.table_remarks import doubt_by_text, is_remark_header, note_rows, qualified_fields, rows_noted
from checker.inputs.values import is_blank_text
from checker.models import Evidence

log = logging.getLogger(__name__)


@dataclass
class TableEvidence:
    """Evidence of a catalog cell: file, row number as a person counts it, header and raw text."""

    source: str
    raw: pd.DataFrame
    headers: dict[str, list[str]]
    written: dict[str, str]
    first_row: int
    row_numbers: list[int] | None = None  # a spreadsheet's own row numbers, where blank rows were skipped
    # cells taken out of ``raw`` a block of rows at a time (``raw.iat`` per cell costs tens of microseconds)
    _blocks: dict[str, dict[int, list[Any]]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _reads: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)
    _loads: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)
    _arrow: dict[str, pa.ChunkedArray | None] = field(default_factory=dict, init=False, repr=False, compare=False)

    def get(self, row: int, name: str) -> list[Evidence]:
        """The cell the field was read from; of several columns for one field, the non-blank cells."""
        labels = self.headers.get(name, [])
        cells: list[tuple[str, Any]] = [(label, self._cell(row, label)) for label in labels]
        if len(cells) > 1:
            cells = [(label, cell) for label, cell in cells if not _blank_cell(cell)] or cells[:1]
        number = self.row_numbers[row] if self.row_numbers else row + self.first_row
        return [Evidence(source=self.source, page=None,
                         text=f"row {number}: {self.written.get(label, label)} = {cell}")
                for label, cell in cells]

    def _cell(self, row: int, label: str) -> Any:
        """``raw.iat[row, <label's column>]``, read from a cached block of that column; once the column's cells
        are read few to a block (the odd blank or junk cell of a million rows), one by one from its Arrow text."""
        blocks = self._blocks.setdefault(label, {})
        start = row - row % _BLOCK
        block = blocks.get(start)
        if block is None and self._sparse(label):
            column = self.column_text(label)
            if column is not None:
                value = column[row].as_py()
                return pd.NA if value is None else value
        self._reads[label] = self._reads.get(label, 0) + 1
        if block is None:
            self._loads[label] = self._loads.get(label, 0) + 1
            if len(blocks) >= _BLOCKS_KEPT:
                blocks.clear()
            series = self.column(label).iloc[start:start + _BLOCK]
            arrow = arrow_text(series)
            block = blocks[start] = ([pd.NA if v is None else v for v in arrow.to_pylist()] if arrow is not None
                                     else list(series.array))
        return block[row - start]

    def _sparse(self, label: str) -> bool:
        """Whether the blocks of ``label`` read so far gave fewer than :data:`_DENSE` cells each."""
        loads = self._loads.get(label, 0)
        return loads >= _DENSE and self._reads.get(label, 0) < _DENSE * loads

    def column(self, label: str) -> pd.Series:
        """The raw column headed ``label``."""
        # raw's labels are made unique in table_to_batch, so get_loc gives an int
        return self.raw.iloc[:, cast(int, self.raw.columns.get_loc(label))]

    def column_text(self, label: str) -> pa.ChunkedArray | None:
        """The Arrow text behind the raw column ``label`` (None for a column that is not Arrow text), kept."""
        if label not in self._arrow:
            self._arrow[label] = arrow_text(self.column(label))
        return self._arrow[label]


_BLOCK = 1024
_DENSE = 8  # cells a block must give, on average, for a column to be read a block at a time


_BLOCKS_KEPT = 64  # per column: memory stays bounded when products are visited out of order


def _blank_cell(cell: Any) -> bool:
    """A cell that holds no value: empty, null or NaN, or text blank by :func:`is_blank_text`."""
    return bool(pd.isna(cell)) if not isinstance(cell, str) else is_blank_text(cell)


def table_to_batch(path: Path, catalog: Catalog, category: str | None = None,
                   sheet_errors: list[str] | None = None) -> tuple[Batch, list[str]]:
    """Read a catalog file into a batch; also returns the headers that were not recognised.

    A workbook's every sheet is read (the sheet's name leads its products' ids when there are
    several); a sheet that cannot be used is a line in ``sheet_errors`` (when given) and the
    others are still read.
    """
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return frame_batch(path, read_table(path), catalog, category)
    try:
        sheets = read_sheets(path)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on damaged files
        raise TableError(f"{path}: damaged XLSX file ({type(exc).__name__})") from None
    if not sheets:
        raise TableError(f"{path}: the catalog has no rows")
    if len(sheets) == 1:
        batch, unknown = frame_batch(path, sheets[0].frame, catalog, category, row_numbers=sheets[0].row_numbers)
        _doubt_hidden_rows(batch, sheets[0], catalog)
        _doubt_commented_cells(batch, sheets[0], catalog)
        return batch, unknown
    return _stacked(path, sheets, catalog, category, sheet_errors)


def _stacked(path: Path, sheets: list[Sheet], catalog: Catalog, category: str | None,
             sheet_errors: list[str] | None) -> tuple[Batch, list[str]]:
    """Several sheets' batches as one, ids led by the sheet name ("Servers/SR-1")."""
    batches: list[Batch] = []
    unknown: list[str] = []
    problems: list[str] = []
    for sheet in sheets:
        try:
            batch, missed = frame_batch(path, sheet.frame, catalog, category, sheet.name, sheet.row_numbers)
        except TableError as exc:
            problems.append(f"sheet {sheet.name!r}: {exc}")
            continue
        batch.frame["id"] = [f"{sheet.name}/{product}" for product in batch.frame["id"]]
        _doubt_hidden_rows(batch, sheet, catalog)
        _doubt_commented_cells(batch, sheet, catalog)
        if sheet.hidden:
            _doubt_every_value(batch.frame, catalog, f"doubtful: in the hidden sheet {sheet.name!r} of the workbook")
        batches.append(batch)
        unknown += [header for header in missed if header not in unknown]
    if not batches or (sheet_errors is None and problems):
        raise TableError("; ".join(problems))
    if sheet_errors is not None:
        sheet_errors.extend(problems)
    offsets = np.cumsum([0] + [len(batch.frame) for batch in batches[:-1]])
    frame = pd.concat([batch.frame for batch in batches], ignore_index=True)
    if len(batches) > 1 and "model" in frame:  # one model on two sheets (a summary and its detail) is compared
        _same_model_across_sheets(frame, batches, catalog)
    evidence = StackedEvidence([(int(offset), batch.evidence) for offset, batch in zip(offsets, batches, strict=True)])
    sources = [source for batch in batches for source in batch.sources]
    return Batch(frame=conform(frame, catalog), evidence=evidence, sources=sources), unknown


def _doubt_hidden_rows(batch: Batch, sheet: Sheet, catalog: Catalog) -> None:
    """The values of rows the sheet hides (or filters out) go to a person: a row not shown is no evidence a reader
    of the workbook saw, and may be an old version or another configuration."""
    numbers = getattr(batch.evidence, "row_numbers", None)
    if not sheet.hidden_rows or not numbers:
        return
    rows = np.isin(np.asarray(numbers, dtype=np.int64), np.fromiter(sheet.hidden_rows, dtype=np.int64))
    if rows.any():
        _doubt_every_value(batch.frame, catalog, f"doubtful: in a row sheet {sheet.name!r} hides (or filters out)",
                           rows)


def _doubt_commented_cells(batch: Batch, sheet: Sheet, catalog: Catalog) -> None:
    """The values a cell comment qualifies ("典型值，引用自同系列 SR-0，本型号未测") go to a person with the comment:
    on a value, that value; on another cell of a product's row (its model), the values it names or all of them; on a
    header (or a title above it), the column's values, or every value it names, of every row. A comment that
    qualifies nothing ("已核对") changes nothing."""
    evidence = batch.evidence
    numbers = getattr(evidence, "row_numbers", None)
    if not sheet.comments or not numbers or not isinstance(evidence, TableEvidence):
        return
    position = {number: index for index, number in enumerate(numbers)}
    labels = list(evidence.raw.columns)
    field_of = {label: name for name, written in evidence.headers.items() for label in written}
    quantities = [name for name, spec in catalog.fields.items() if spec.kind == "quantity" and name in batch.frame]
    for row, column, text in sheet.comments:
        index = position.get(row)
        if index is None and row > numbers[0]:
            continue  # a comment on a note row, or below the table
        field = field_of.get(labels[column]) if column < len(labels) else None
        for name, note in qualified_fields(text, [field] if field in quantities else quantities).items():
            rows = np.zeros(len(batch.frame), dtype=bool)
            rows[index if index is not None else slice(None)] = True
            where = f"the comment on cell {_cell_name(row, column)}: {text!r}"
            _doubt_every_value(batch.frame, catalog, f"{note} ({where})", rows, only=name)


def _cell_name(row: int, column: int) -> str:
    from openpyxl.utils.cell import get_column_letter

    return f"{get_column_letter(column + 1)}{row}"


def _doubt_every_value(frame: pd.DataFrame, catalog: Catalog, note: str, rows: np.ndarray | None = None,
                       only: str | None = None) -> None:
    """Every quantity read in ``frame`` (in ``rows``, where given; the field ``only``, where given) an issue for a
    person (``note``), where it has none of its own."""
    for name, spec in catalog.fields.items():
        if spec.kind != "quantity" or name not in frame or (only is not None and name != only):
            continue
        given = frame[name].notna().to_numpy()
        for side in (LO, HI):
            if name + side in frame:
                given |= frame[name + side].notna().to_numpy()
        if rows is not None:
            given &= rows
        issues = frame[name + ISSUE].to_numpy(dtype=object) if name + ISSUE in frame else \
            np.full(len(frame), None, dtype=object)
        issues = np.where(given & pd.isna(issues), note, issues)
        frame[name + ISSUE] = issues


def _same_model_across_sheets(frame: pd.DataFrame, batches: list[Batch], catalog: Catalog) -> None:
    """:func:`_same_model_rows` over a workbook's sheets stacked in ``frame``: rows named "sheet!row"."""
    shown: list[int | str] = []
    for batch in batches:
        sheet = re.sub(r"^.*\[(.*)\]$", r"\1", batch.sources[0][0]) if batch.sources else ""
        numbers = getattr(batch.evidence, "row_numbers", None) or range(2, len(batch.frame) + 2)
        shown += [f"{sheet}!{number}" for number in numbers]
    columns = {name: frame[name].astype(object).where(frame[name].notna(), None).to_numpy(dtype=object)
               for name in frame.columns}
    columns["id"] = columns["model"]
    _same_model_rows(columns, catalog, 0, shown)
    for name, values in columns.items():
        if name.endswith(ISSUE) and values is not None:
            frame[name] = values


def frame_batch(path: Path, raw: pd.DataFrame, catalog: Catalog, category: str | None, sheet: str | None = None,
                 row_numbers: list[int] | None = None) -> tuple[Batch, list[str]]:
    """One table (a CSV, a Parquet file, one sheet) as a batch."""
    if raw.empty:
        raise TableError(f"{path}: the catalog has no rows")
    first_row = 1 if path.suffix.lower() == ".parquet" else int(raw.attrs.get(FIRST_ROW, 2))
    titles = _title_rows(raw, catalog)
    if titles:  # a title, a "填报单位" line above the header: the header is the row under them
        raw.columns = _cells(raw.iloc[titles - 1])
        raw = raw.iloc[titles:].reset_index(drop=True)
        first_row += titles
        row_numbers = row_numbers[titles:] if row_numbers else row_numbers
        if raw.empty:
            raise TableError(f"{path}: the catalog has no rows")
    for level in (_second_level, _units_level):  # rows under the header that belong to it, in this order
        named = level(raw, catalog, path)
        if named is not None:
            raw.columns = named
            raw = raw.iloc[1:].reset_index(drop=True)
            first_row += 1
            row_numbers = row_numbers[1:] if row_numbers else row_numbers
            if raw.empty:
                raise TableError(f"{path}: the catalog has no rows")
    raw, row_numbers = _without_blank_rows(raw, row_numbers, first_row)
    raw, row_numbers, notes = _without_note_rows(raw, catalog, row_numbers, first_row)
    raw.columns = unique_labels([str(c) for c in raw.columns])
    mapped, unknown = map_headers(list(raw.columns), catalog)
    _device_class_column(raw, mapped, catalog)
    written = shown_headers(written_headers(list(raw.columns)))
    remarks = [label for label in raw.columns if label not in mapped and is_remark_header(written[label])]
    unknown = [header for header in unknown if header not in {written[label] for label in remarks}]
    headers: dict[str, list[str]] = {}
    for label, (name, _, _) in mapped.items():
        headers.setdefault(name, []).append(label)
    columns: dict[str, Any] = {}
    for name, labels in headers.items():
        parts = [read_column(path, raw[label], catalog.fields[name], name, mapped[label][1], written[label],
                             first_row, mapped[label][2]) for label in labels]
        store_column(columns, name, parts[0] if len(parts) == 1 else merge_columns(parts, catalog.fields[name], name))
    _identity(columns, len(raw), path, category or _sheet_category(sheet), first_row, row_numbers)
    _same_model_rows(columns, catalog, first_row, row_numbers)
    frame = pd.DataFrame(columns, index=pd.RangeIndex(len(raw)), copy=False)  # no block consolidation copy
    source = f"{path} [{sheet}]" if sheet else str(path)
    evidence = TableEvidence(source=source, raw=raw, headers=headers, written=written, first_row=first_row,
                               row_numbers=row_numbers)
    frame = conform(frame, catalog)
    for label in remarks:
        doubt_by_text(frame, catalog, text_cells(raw[label]), f"the {written[label].strip()} column")
    for number, note in notes:
        texts = np.full(len(frame), None, dtype=object)
        texts[rows_noted(raw, note)] = note
        doubt_by_text(frame, catalog, texts, f"the note in row {number}")
    return Batch(frame=frame, evidence=evidence, sources=[[source]] * len(frame)), unknown


def _without_blank_rows(raw: pd.DataFrame, row_numbers: list[int] | None, first_row: int
                        ) -> tuple[pd.DataFrame, list[int] | None]:
    """``raw`` without its rows of blank cells only (",,,,", an export's spacer lines): no product, not a row of the
    model above it; the others keep their numbers. Only rows whose first cell is blank are looked at (a 1M-row file
    with a model in its first column costs one column's test)."""
    if raw.empty:
        return raw, row_numbers
    maybe = np.flatnonzero(_blank(raw.iloc[:, 0]))
    if not len(maybe):
        return raw, row_numbers
    cells = raw.iloc[maybe]
    empty = np.ones(len(maybe), dtype=bool)
    for label in cells.columns:
        empty &= _blank(cells[label])
    if not empty.any() or (empty.all() and len(maybe) == len(raw)):  # all blank: "no rows" is said elsewhere
        return raw, row_numbers
    keep = np.ones(len(raw), dtype=bool)
    keep[maybe[empty]] = False
    numbers = row_numbers or [index + first_row for index in range(len(raw))]
    return raw.iloc[np.flatnonzero(keep)].reset_index(drop=True), [n for n, k in zip(numbers, keep, strict=True) if k]


def _blank(column: pd.Series) -> np.ndarray:
    """Which cells of a text column are blank (missing, or spaces only), without a Python string per cell for an
    Arrow-backed column."""
    text = column if isinstance(column.dtype, pd.ArrowDtype) else column.astype(object).where(column.notna(), None)
    stripped = text.str.strip() if isinstance(column.dtype, pd.ArrowDtype) else text.map(
        lambda cell: cell if cell is None else str(cell).strip())
    return (stripped.isna() | (stripped == "")).to_numpy(dtype=bool, na_value=True)


def _without_note_rows(raw: pd.DataFrame, catalog: Catalog, row_numbers: list[int] | None, first_row: int
                       ) -> tuple[pd.DataFrame, list[int] | None, list[tuple[int | str, str]]]:
    """``raw`` without the note rows at its end (:func:`checker.inputs.table_remarks.note_rows`): a note is no
    product. Also returns each note with its row number as a person counts it."""
    start, found = note_rows(raw, [name for name, spec in catalog.fields.items() if spec.kind == "quantity"])
    if not found:
        return raw, row_numbers, []
    notes: list[tuple[int | str, str]] = [(row_numbers[index] if row_numbers else index + first_row, text)
                                          for index, text in found]
    log.info("note rows under the table: %s", notes)
    return raw.iloc[:start].reset_index(drop=True), row_numbers[:start] if row_numbers else row_numbers, notes


def _same_model_rows(columns: dict[str, Any], catalog: Catalog, first_row: int,
                     row_numbers: Sequence[int | str] | None = None) -> None:
    """Rows of one model (the same id and category) that give a field different values: each of them gets that
    field as a conflict, naming the other rows, so its clauses go to a person (a row's pass must not stand beside
    another row's fail of the same model). Rows that agree, or leave the cell blank, are left as they are. Models
    are compared by :func:`model_key`: "SR-WS1 ", "ＳＲ-ＷＳ1" and "sr-ws1" are one model."""
    if "model" not in columns:
        return
    models = map_distinct(np.asarray(columns["id"], dtype=object), model_key)
    keys = pd.Series(models, dtype=object).astype(str) + "\x00" + pd.Series(columns["category"],
                                                                           dtype=object).astype(str)
    repeated = keys.duplicated(keep=False).to_numpy()
    if not repeated.any():
        return
    rows = np.flatnonzero(repeated)
    shown = np.array([row_numbers[int(r)] if row_numbers else int(r) + first_row for r in rows], dtype=object)
    for name, spec in catalog.fields.items():
        values = columns.get(name)
        if spec.kind != "quantity" or values is None:
            continue
        group = pd.DataFrame({"key": keys.to_numpy()[rows], "value": np.asarray(values, dtype=float)[rows],
                              "row": shown})
        group = group[group["value"].notna()]
        spread = group.groupby("key")["value"].agg(lambda v: v.max() - v.min() > 1e-9 * max(1.0, abs(v.max())))
        clashing = set(spread[spread].index)
        if not clashing:
            continue
        issues = np.array(columns.get(name + ISSUE, np.full(len(keys), None, dtype=object)), dtype=object)
        for key, part in group[group["key"].isin(clashing)].groupby("key"):
            said = "; ".join(f"row {row}: {value:g}" for row, value in zip(part["row"], part["value"], strict=True))
            for index in rows[(keys.to_numpy()[rows] == key)]:
                if issues[index] is None:
                    issues[index] = f"conflicting values: rows of the same model give different {name} ({said})"
        columns[name + ISSUE] = issues


def model_key(model: object) -> str:
    """A model cell as compared with another: NFKC-folded (full-width letters), case-folded, every space (a trailing
    one, a no-break space) left out, so cells that differ only in how they were typed name one model."""
    return "".join(unicodedata.normalize("NFKC", str(model)).casefold().split())


def _cells(row: pd.Series) -> list[str]:
    return [cell if isinstance(cell, str) else "" if pd.isna(cell) else str(cell) for cell in row]


def _first_cells(raw: pd.DataFrame) -> list[str]:
    return _cells(raw.iloc[0])


_TITLE_ROWS = 10  # rows above a header a catalog's title block may take


def _title_rows(raw: pd.DataFrame, catalog: Catalog) -> int:
    """How many rows under the file's first row (a title: "…技术参数汇总表", "政采云 商品参数导出") lie above the
    real header: 0 unless the first row names fewer than two fields and a row among the next few names at least two,
    one of them the model or the category."""
    if len(map_headers(unique_labels([str(c) for c in raw.columns]), catalog)[0]) >= 2:
        return 0
    for index in range(min(_TITLE_ROWS, len(raw) - 1)):
        mapped = map_headers(unique_labels(_cells(raw.iloc[index])), catalog)[0]
        fields = {field for field, _, _ in mapped.values()}
        if len(fields) >= 2 and fields & {"model", "category"}:
            return index + 1
    return 0


def _second_level(raw: pd.DataFrame, catalog: Catalog, path: Path) -> list[str] | None:
    """The headers with a second header level under them ("电源效率" over "50%负载"), or None."""
    return two_level([str(c) for c in raw.columns], _first_cells(raw), catalog)


def _units_level(raw: pd.DataFrame, catalog: Catalog, path: Path) -> list[str] | None:
    """The headers with a row of units under them (",,Gbps,kW,,mm"), or None: that row names the columns' units."""
    units = units_row(_first_cells(raw))
    if units is None:
        return None
    try:
        return with_units([str(c) for c in raw.columns], units)
    except ValueError as exc:
        raise TableError(f"{path}: {exc}") from None


def _device_class_column(raw: pd.DataFrame, mapped: dict[str, tuple[str, str, str | None]], catalog: Catalog) -> None:
    """The one category column whose cells are a switch's device classes ("设备类别 | 数据中心 / 接入": Appendix E's
    classes, one of which shares its word with the data-centre category) read as ``device_class``."""
    labels = [label for label, (name, _, _) in mapped.items() if name == "category"]
    if len(labels) != 1 or "device_class" not in catalog.fields:
        return
    words = {str(cell).strip() for cell in pd.unique(raw[labels[0]].dropna()) if str(cell).strip()}
    spec = catalog.fields["device_class"]
    classes = {word for word in words if normalise_choice(spec, word) is not None}
    if words and classes == words and any(category_word(word) not in catalog.categories for word in words):
        mapped[labels[0]] = ("device_class", mapped[labels[0]][1], None)


def _sheet_category(sheet: str | None) -> str | None:
    """A workbook sheet's category where its name is a category word ("服务器", "交换机", "UPS"), else None."""
    if not sheet:
        return None
    word = category_word(sheet)
    return word if word in load_catalog().categories else None


_BREAK = "\x00"  # stands for a row that ends a model's run of continuation rows


def _continuation_rows(ids: np.ndarray, columns: dict[str, Any]) -> None:
    """A row with neither model nor category right under a row of a model (a merged model cell over its rows, a PSU
    option written under its model) is that model's: ``ids`` (and the category) filled down, so the rows of one
    model are compared (:func:`_same_model_rows`) instead of one passing on its best row."""
    if "model" not in columns:
        return
    blank = pd.isna(ids)
    if not blank.any():
        return
    categories = columns.get("category")
    below = blank & (pd.isna(categories) if categories is not None else True)  # rows taken as continuations
    if not below.any():
        return
    broken = np.where(blank & ~below, _BREAK, np.asarray(ids, dtype=object))  # a blank model with a category
    above = pd.Series(broken, dtype=object).ffill().to_numpy(dtype=object)  # ends a run: it names no model
    filled = below & pd.notna(above) & (above != _BREAK)
    if not filled.any():
        return
    rows = np.flatnonzero(filled)
    source = pd.Series(np.where(filled, np.nan, np.arange(len(ids), dtype=float))).ffill().to_numpy()
    ids[rows] = above[rows]
    if categories is not None:
        categories[rows] = np.asarray(categories, dtype=object)[source[rows].astype(int)]
    columns["model"] = ids


def _identity(columns: dict[str, Any], rows: int, path: Path, category: str | None, first_row: int,
              row_numbers: list[int] | None = None) -> None:
    """Fill id and category: the model column (or file#row) and the category column or option."""
    ids = np.array(columns["model"], dtype=object) if "model" in columns else np.full(rows, None, dtype=object)
    _continuation_rows(ids, columns)
    blank = np.flatnonzero(pd.isna(ids))
    ids[blank] = [f"{path.stem}#row{row_numbers[r] if row_numbers else r + first_row}" for r in blank]
    columns["id"] = ids if pd.api.types.infer_dtype(ids) == "string" else map_distinct(ids, str)
    if category:  # --category always wins over a category column
        columns["category"] = np.full(rows, category, dtype=object)
    elif "category" in columns:
        given = np.array(columns["category"], dtype=object)
        given[[index for index in np.flatnonzero(pd.isna(given)) if given[index] is None]] = "None"
        columns["category"] = map_distinct(given, category_word)
    else:
        raise TableError(f"{path}: no category column; give --category")


