"""The Excel workbook of an audit, in openpyxl's write-only mode (rows streamed to disk, no lookups
over the sheet, so time grows with the rows, not their square).

Sheets: ``Summary`` (count per verdict, each clause's pass rate, the worst products), ``Products``
(one row per product: verdict, counts, each clause's status and value), ``Clauses`` (one row per
clause result with value, limit, margin, evidence and note — every product with ``--detail`` or up to
:data:`DETAIL_CAP` products, else the :data:`DETAIL_CAP` worst), ``Errors``, ``Warnings``. Headers are
frozen and filtered, columns sized, statuses coloured by conditional formatting."""

from __future__ import annotations

from typing import Any, BinaryIO

import numpy as np
import pyarrow as pa

from checker.catalog.clauses import Catalog
from checker.catalog.messages import message, note, strings
from checker.engine.evaluate import STATUSES, VERDICTS
from checker.engine.run import Evaluated
from checker.outputs.csv_table import safe_text
from checker.outputs.report import STATUS_COLOURS, status_arrow
from checker.outputs.safe_text import spreadsheet
from checker.outputs.sheetml import FastBook
from checker.outputs.summary import Summary, chunks, product_reports, summarise

DETAIL_CAP = 2_000  # products whose every clause is listed in the Clauses sheet without --detail
WORST = 50
MAX_ROWS = 1_048_575  # an Excel sheet's rows, less the header
CLAUSE_HEADER = ["product", "clause", "title", "status", "value", "unit", "op", "limit", "margin", "source",
                 "page", "evidence", "note"]
VERDICT_COLOURS = {"pass": "C6EFCE", "fail": "FFC7CE", "incomplete": "FFEB9C", "error": "FFC7CE"}


def _m(key: str, lang: str, **values: object) -> str:
    """A label of the workbook in ``lang`` (``xl.<key>`` in catalogs/i18n)."""
    return message(f"xl.{key}", lang, **values)


def category_words(lang: str) -> dict[str, str]:
    """Category codes → their names in ``lang`` (``server`` → 服务器); unlisted codes are shown as they are."""
    return {key.removeprefix("category."): text for key, text in strings(lang).items() if key.startswith("category.")}


def _words(kind: str, names: tuple[str, ...] | list[str], lang: str) -> dict[str, str]:
    """Status or verdict codes → their words in ``lang`` (``status.pass`` → 符合)."""
    return {name: message(f"{kind}.{name}", lang) for name in names}


def _row(values: list[Any]) -> list[Any]:
    """Cells as data: text neutralised (never a formula, never a control character)."""
    return [spreadsheet(v) for v in values]


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


def _sheet(book: Any, title: str, header: list[str], widths: list[int], rows_hint: int) -> Any:
    """A write-only sheet with its header frozen, filtered and sized."""
    sheet = book.create_sheet(title)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{_letter(len(header))}{max(rows_hint, 1) + 1}"
    sheet.append(_row(header))
    return sheet


def _colour(sheet: Any, ref: str, colours: dict[str, str]) -> None:
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import PatternFill

    for name, colour in colours.items():
        sheet.conditional_formatting.add(ref, CellIsRule(operator="equal", formula=[f'"{name}"'],
                                                         fill=PatternFill("solid", fgColor=colour)))


def _summary_sheet(book: Any, evaluated: Evaluated, summary: Summary, lang: str = "en") -> None:
    sheet = book.create_sheet(_m("sheet_summary", lang))
    statuses, verdicts = _words("status", STATUSES, lang), _words("verdict", VERDICTS, lang)
    for index, width in enumerate([34, 12, 12, 12, 16, 16, 14, 16], start=1):
        sheet.column_dimensions[_letter(index)].width = width
    ids = evaluated.batch.frame["id"]
    sheet.append(_row([_m("standard", lang), message("txt.standard", lang)]))
    sheet.append(_row([_m("as_of", lang), evaluated.as_of.isoformat()]))
    sheet.append(_row([_m("products", lang), summary.products]))
    for name in VERDICTS:
        sheet.append(_row([verdicts[name], summary.verdicts[name]]))
    sheet.append(_row([_m("unusable", lang), len(evaluated.errors)]))
    sheet.append([])
    sheet.append(_row([_m("clause", lang), _m("pass_rate", lang), *statuses.values()]))
    for clause in summary.clauses:
        rate = None if clause.pass_rate is None else round(clause.pass_rate, 4)
        sheet.append(_row([clause.id, rate, *(clause.counts[s] for s in STATUSES)]))
    sheet.append([])
    sheet.append(_row([_m("worst", lang), _m("verdict", lang), *_counts_header(lang)]))
    for row in summary.worst(WORST):
        sheet.append(_row([str(ids.iat[int(row)]), verdicts[VERDICTS[int(summary.verdict_codes[row])]],
                           int(summary.fails[row]), int(summary.missing[row]), int(summary.manual[row])]))


def _counts_header(lang: str) -> list[str]:
    return [_m("n_fail", lang), _m("n_missing", lang), _m("n_manual", lang)]


def _translated(column: Any, words: dict[str, str]) -> Any:
    """A dictionary column of codes with its dictionary put into words (the codes' indices untouched)."""
    import pyarrow as pa

    column = column.combine_chunks() if hasattr(column, "combine_chunks") else column
    labels = pa.array([words.get(str(v), str(v)) for v in column.dictionary.to_pylist()], pa.string())
    return pa.DictionaryArray.from_arrays(column.indices, labels)


def _products_sheet(book: Any, evaluated: Evaluated, summary: Summary, lang: str = "en") -> None:
    header = [_m("id", lang), _m("category", lang), _m("verdict", lang), *_counts_header(lang)]
    for col in evaluated.columns:
        header.append(col.clause.id)
        if col.clause.quantity:
            header.append(_m("value_of", lang, clause=col.clause.id))
    statuses, verdicts = _words("status", STATUSES, lang), _words("verdict", VERDICTS, lang)
    categories = category_words(lang)
    widths = [24, 12, 11, 6, 8, 8] + [14] * (len(header) - 6)
    table = status_arrow(evaluated)
    count = summary.products
    sheet, written, part = None, 0, 0
    for rows in chunks(count, 20_000):
        block = table.slice(rows.start, len(rows))
        # only the id and the category come from input: the rest are numbers and the contract's status words
        columns: list[pa.Array] = [safe_text(block.column("id").combine_chunks()),
                                   safe_text(_translated(block.column("category"), categories)),
                                   _translated(block.column("verdict"), verdicts),
                                   pa.array(summary.fails[rows.start:rows.stop]),
                                   pa.array(summary.missing[rows.start:rows.stop]),
                                   pa.array(summary.manual[rows.start:rows.stop])]
        for col in evaluated.columns:
            columns.append(_translated(block.column(col.clause.id), statuses))
            if col.clause.quantity:
                value = np.round(np.asarray(col.value[rows.start:rows.stop], dtype=float), 6)
                columns.append(pa.array(value, pa.float64(), mask=np.isnan(value)))
        done = 0
        while done < len(rows):
            if sheet is None or written >= MAX_ROWS:
                part += 1
                name = _m("sheet_products", lang)
                sheet = _sheet(book, name if part == 1 else f"{name} {part}", header, widths,
                               min(count - (part - 1) * MAX_ROWS, MAX_ROWS))
                last = min(count - (part - 1) * MAX_ROWS, MAX_ROWS) + 1
                _colour(sheet, f"C2:C{last}", {verdicts.get(k, k): v for k, v in VERDICT_COLOURS.items()})
                _colour(sheet, f"G2:{_letter(len(header))}{last}",
                        {statuses[k]: v for k, v in STATUS_COLOURS.items()})
                written = 0
            take = min(MAX_ROWS - written, len(rows) - done)
            sheet.append_columns([c.slice(done, take) for c in columns])
            done += take
            written += take
    if sheet is None:
        _sheet(book, _m("sheet_products", lang), header, widths, 0)


def _clauses_sheet(book: Any, evaluated: Evaluated, summary: Summary, catalog: Catalog, lang: str,
                   detail: bool) -> None:
    everyone = detail or summary.products <= DETAIL_CAP
    rows = range(summary.products) if everyone else np.sort(summary.worst(DETAIL_CAP))
    title = _m("sheet_clauses", lang) if everyone else _m("sheet_clauses_worst", lang, n=DETAIL_CAP)
    header = [_m(f"col_{name}", lang) for name in CLAUSE_HEADER]
    sheet = _sheet(book, title, header, [24, 26, 40, 16, 10, 8, 5, 8, 9, 30, 5, 50, 60], 0)
    statuses = _words("status", STATUSES, lang)
    units = {key.removeprefix("unit."): text for key, text in strings(lang).items() if key.startswith("unit.")}
    titles = {c.id: (c.title_zh if lang == "zh" else c.title_en) for c in catalog.clauses}
    table = _ClauseRows()
    for product in product_reports(evaluated, rows):
        for r in product.clauses:
            if table.written + len(table) >= MAX_ROWS:
                table.flush(sheet)
                return  # the sheet is full (as before: no filter or colours over a full sheet)
            ev = r.evidence[0] if r.evidence else None
            table.add([product.id, r.id, titles.get(r.id, ""), statuses[r.status]],
                      [r.value, units.get(r.unit, r.unit), r.op, r.limit, r.margin, ev.source if ev else "",
                       ev.page if ev else None, ev.text if ev else "", note(r.note, lang)])
        if len(table) >= _CLAUSE_BLOCK:
            table.flush(sheet)
    table.flush(sheet)
    written = table.written
    sheet.auto_filter.ref = f"A1:M{written + 1}"
    _colour(sheet, f"D2:D{written + 1}", {statuses[k]: v for k, v in STATUS_COLOURS.items()})


_CLAUSE_BLOCK = 20_000  # Clauses rows put into the sheet at a time, column by column
_NUMBERS = {4: pa.float64(), 7: pa.float64(), 8: pa.float64(), 10: pa.int64()}  # value, limit, margin, page


class _ClauseRows:
    """Rows of the Clauses sheet gathered column by column and put into it a block at a time with
    :meth:`FastSheet.append_columns` (Arrow's string kernels build the XML, not a cell at a time); text is
    :func:`spreadsheet` data as :func:`_row` makes it."""

    def __init__(self) -> None:
        self.columns: list[list[Any]] = [[] for _ in CLAUSE_HEADER]
        self.written = 0

    def __len__(self) -> int:
        return len(self.columns[0])

    def add(self, *parts: list[Any]) -> None:
        for column, value in zip(self.columns, (v for part in parts for v in part), strict=True):
            column.append(value)

    def flush(self, sheet: Any) -> None:
        if not len(self):
            return
        arrays = [pa.array(values, _NUMBERS[i]) if i in _NUMBERS else
                  pa.array([spreadsheet(v) for v in values], pa.string()) for i, values in enumerate(self.columns)]
        sheet.append_columns(arrays)
        self.written += len(self)
        self.columns = [[] for _ in CLAUSE_HEADER]


def write_xlsx(evaluated: Evaluated, sink: BinaryIO, lang: str = "en", detail: bool = False) -> None:
    """The workbook on ``sink``."""
    book = FastBook()
    summary = summarise(evaluated)
    _summary_sheet(book, evaluated, summary, lang)
    _products_sheet(book, evaluated, summary, lang)
    _clauses_sheet(book, evaluated, summary, evaluated.catalog, lang, detail)
    errors = _sheet(book, _m("sheet_errors", lang), [_m("source", lang), _m("error", lang)], [50, 80],
                    len(evaluated.errors))
    for e in evaluated.errors:
        errors.append(_row([e.source, note(e.error, lang)]))
    if evaluated.warnings:
        warnings = _sheet(book, _m("sheet_warnings", lang), [_m("source", lang), _m("warning", lang)], [50, 80],
                          len(evaluated.warnings))
        for w in evaluated.warnings:
            warnings.append(_row([w.source, note(w.warning, lang)]))
    book.save(sink)
