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

from checker.catalog import Catalog
from checker.engine import STATUSES, VERDICTS
from checker.models import STANDARD_NAME
from checker.outputs.sheetml import FastBook
from checker.outputs.summary import Summary, chunks, product_reports, summarise
from checker.outputs.table import safe_text
from checker.pipeline import Evaluated
from checker.report import STATUS_COLOURS, status_arrow
from checker.safe_text import spreadsheet

DETAIL_CAP = 2_000  # products whose every clause is listed in the Clauses sheet without --detail
WORST = 50
MAX_ROWS = 1_048_575  # an Excel sheet's rows, less the header
CLAUSE_HEADER = ["product", "clause", "title", "status", "value", "unit", "op", "limit", "margin", "source",
                 "page", "evidence", "note"]
VERDICT_COLOURS = {"pass": "C6EFCE", "fail": "FFC7CE", "incomplete": "FFEB9C", "error": "FFC7CE"}


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


def _summary_sheet(book: Any, evaluated: Evaluated, summary: Summary) -> None:
    sheet = book.create_sheet("Summary")
    for index, width in enumerate([34, 12, 12, 12, 16, 16, 14, 16], start=1):
        sheet.column_dimensions[_letter(index)].width = width
    ids = evaluated.batch.frame["id"]
    sheet.append(_row(["standard", STANDARD_NAME]))
    sheet.append(_row(["as of", evaluated.as_of.isoformat()]))
    sheet.append(_row(["products", summary.products]))
    for name in VERDICTS:
        sheet.append(_row([name, summary.verdicts[name]]))
    sheet.append(_row(["error (unusable inputs)", len(evaluated.errors)]))
    sheet.append([])
    sheet.append(_row(["clause", "pass rate", *STATUSES]))
    for clause in summary.clauses:
        rate = None if clause.pass_rate is None else round(clause.pass_rate, 4)
        sheet.append(_row([clause.id, rate, *(clause.counts[s] for s in STATUSES)]))
    sheet.append([])
    sheet.append(_row(["worst products", "verdict", "fail", "missing_evidence", "manual_review"]))
    for row in summary.worst(WORST):
        sheet.append(_row([str(ids.iat[int(row)]), VERDICTS[int(summary.verdict_codes[row])],
                           int(summary.fails[row]), int(summary.missing[row]), int(summary.manual[row])]))


def _products_sheet(book: Any, evaluated: Evaluated, summary: Summary) -> None:
    header = ["id", "category", "verdict", "fail", "missing_evidence", "manual_review"]
    for col in evaluated.columns:
        header.append(col.clause.id)
        if col.clause.quantity:
            header.append(f"{col.clause.id} value")
    widths = [24, 12, 11, 6, 8, 8] + [14] * (len(header) - 6)
    table = status_arrow(evaluated)
    count = summary.products
    sheet, written, part = None, 0, 0
    for rows in chunks(count, 20_000):
        block = table.slice(rows.start, len(rows))
        # only the id and the category come from input: the rest are numbers and the contract's status words
        columns: list[pa.Array] = [safe_text(block.column("id").combine_chunks()),
                                   safe_text(block.column("category").combine_chunks()),
                                   block.column("verdict").combine_chunks(),
                                   pa.array(summary.fails[rows.start:rows.stop]),
                                   pa.array(summary.missing[rows.start:rows.stop]),
                                   pa.array(summary.manual[rows.start:rows.stop])]
        for col in evaluated.columns:
            columns.append(block.column(col.clause.id).combine_chunks())
            if col.clause.quantity:
                value = np.round(np.asarray(col.value[rows.start:rows.stop], dtype=float), 6)
                columns.append(pa.array(value, pa.float64(), mask=np.isnan(value)))
        done = 0
        while done < len(rows):
            if sheet is None or written >= MAX_ROWS:
                part += 1
                sheet = _sheet(book, "Products" if part == 1 else f"Products {part}", header, widths,
                               min(count - (part - 1) * MAX_ROWS, MAX_ROWS))
                last = min(count - (part - 1) * MAX_ROWS, MAX_ROWS) + 1
                _colour(sheet, f"C2:C{last}", VERDICT_COLOURS)
                _colour(sheet, f"G2:{_letter(len(header))}{last}", STATUS_COLOURS)
                written = 0
            take = min(MAX_ROWS - written, len(rows) - done)
            sheet.append_columns([c.slice(done, take) for c in columns])
            done += take
            written += take
    if sheet is None:
        _sheet(book, "Products", header, widths, 0)


def _clauses_sheet(book: Any, evaluated: Evaluated, summary: Summary, catalog: Catalog, lang: str,
                   detail: bool) -> None:
    everyone = detail or summary.products <= DETAIL_CAP
    rows = range(summary.products) if everyone else np.sort(summary.worst(DETAIL_CAP))
    title = "Clauses" if everyone else f"Clauses (worst {DETAIL_CAP})"
    sheet = _sheet(book, title, CLAUSE_HEADER, [24, 26, 40, 16, 10, 8, 5, 8, 9, 30, 5, 50, 60], 0)
    titles = {c.id: (c.title_zh if lang == "zh" else c.title_en) for c in catalog.clauses}
    written = 0
    for product in product_reports(evaluated, rows):
        for r in product.clauses:
            if written >= MAX_ROWS:
                return
            ev = r.evidence[0] if r.evidence else None
            sheet.append(_row([product.id, r.id, titles.get(r.id, ""), r.status, r.value, r.unit, r.op, r.limit,
                               r.margin, ev.source if ev else "", ev.page if ev else None, ev.text if ev else "",
                               r.note]))
            written += 1
    sheet.auto_filter.ref = f"A1:M{written + 1}"
    _colour(sheet, f"D2:D{written + 1}", STATUS_COLOURS)


def write_xlsx(evaluated: Evaluated, sink: BinaryIO, lang: str = "en", detail: bool = False) -> None:
    """The workbook on ``sink``."""
    book = FastBook()
    summary = summarise(evaluated)
    _summary_sheet(book, evaluated, summary)
    _products_sheet(book, evaluated, summary)
    _clauses_sheet(book, evaluated, summary, evaluated.catalog, lang, detail)
    errors = _sheet(book, "Errors", ["source", "error"], [50, 80], len(evaluated.errors))
    for e in evaluated.errors:
        errors.append(_row([e.source, e.error]))
    if evaluated.warnings:
        warnings = _sheet(book, "Warnings", ["source", "warning"], [50, 80], len(evaluated.warnings))
        for w in evaluated.warnings:
            warnings.append(_row([w.source, w.warning]))
    book.save(sink)
