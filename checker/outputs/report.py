"""Report formats: text and HTML for people, JSON (INTERFACE.md §4), Excel, and CSV/Parquet
(one row per product: id, category, verdict, one status column per clause)."""

from __future__ import annotations

import html
import io
from collections import Counter
from pathlib import Path
from typing import Any, TextIO

import numpy as np
import pandas as pd
import pyarrow as pa

from checker.catalog.clauses import Catalog
from checker.catalog.messages import message, note
from checker.engine.evaluate import verdict_codes, verdicts
from checker.engine.run import Evaluated
from checker.models import STATUSES, VERDICTS, InputError, ProductReport, Report
from checker.outputs.safe_text import printable, spreadsheet, terminal
from checker.outputs.sink import check_compressible, open_text
from checker.outputs.text import product_lines, unit_label

STATUS_COLOURS = {"pass": "C6EFCE", "fail": "FFC7CE", "not_applicable": "EDEDED",
                  "missing_evidence": "FFEB9C", "manual_review": "BDD7EE"}


def status_table(evaluated: Evaluated) -> pd.DataFrame:
    """One row per product: id, category, verdict and each clause's status (built column-wise)."""
    frame = evaluated.batch.frame
    table = pd.DataFrame({"id": frame["id"].astype(str).to_numpy(), "category": frame["category"].to_numpy(),
                          "verdict": verdicts(evaluated.columns, len(frame))})
    labels = np.array(STATUSES, dtype=object)
    # pandas-stubs wants an Index for categories; pandas accepts any list-like (documented "index-like")
    statuses = {col.clause.id: pd.Categorical.from_codes(col.status.astype(np.int8), categories=list(labels))  # type: ignore[call-overload]
                for col in evaluated.columns}
    return pd.concat([table, pd.DataFrame(statuses)], axis=1)


def status_arrow(evaluated: Evaluated) -> pa.Table:
    """:func:`status_table` as an Arrow table, built without a Python object per cell.

    Verdicts and statuses are dictionary columns over their int8 codes (read back by pandas as
    categoricals, as :func:`status_table` gives them).
    """
    frame = evaluated.batch.frame
    ids = frame["id"].to_numpy()
    if pd.api.types.infer_dtype(ids) != "string":
        ids = frame["id"].astype(str).to_numpy()
    try:
        id_array = pa.array(ids, type=pa.string())
    except (UnicodeError, pa.ArrowException):  # a name that is not UTF-8 (surrogate escapes): shown escaped
        id_array = pa.array([printable(str(i)) for i in ids], type=pa.string())
    categories, category_names = pd.factorize(frame["category"])
    columns: dict[str, pa.Array] = {
        "id": id_array,
        "category": pa.DictionaryArray.from_arrays(pa.array(categories.astype(np.int32), mask=categories < 0),
                                                   pa.array([str(c) for c in category_names], pa.string())),
        "verdict": pa.DictionaryArray.from_arrays(pa.array(verdict_codes(evaluated.columns, len(frame))),
                                                  pa.array(list(VERDICTS), pa.string())),
    }
    labels = pa.array(list(STATUSES), pa.string())
    for col in evaluated.columns:
        columns[col.clause.id] = pa.DictionaryArray.from_arrays(pa.array(col.status.astype(np.int8)), labels)
    return pa.table(columns)


def to_json(report: Report) -> str:
    """The JSON report (INTERFACE §4), each clause result on a line of its own; text that cannot be encoded (a
    file name that is not UTF-8, control characters) is written as visible escapes instead of failing the whole
    report."""
    from checker.outputs.jsonl import report_json

    return report_json(report)



def _title(catalog: Catalog, clause_id: str, lang: str) -> str:
    clause = catalog.clause(clause_id)
    return clause.title_zh if lang == "zh" else clause.title_en


def error_line(error: InputError, lang: str) -> str:
    """An unusable input as a line of the text report: the source once (an error may begin with it already)."""
    colon = message("colon", lang)
    return f"{message('txt.error', lang)}{colon}{error.where(colon)}{note(error.error, lang)}"


def product_text(product: ProductReport, catalog: Catalog, lang: str) -> list[str]:
    """A product as lines of text: the decision first (:mod:`checker.outputs.text`)."""
    return product_lines(product, catalog, lang)


def to_text(report: Report, catalog: Catalog, lang: str = "en", detail: bool = True) -> str:
    """Text for a terminal: each product in full (check) or a summary table (large audits)."""
    lines = [f"{message('txt.standard', lang)}  {message('txt.as_of', lang, date=report.as_of)}"]
    colon = message("colon", lang)
    if detail:
        for product in report.products:
            lines.extend(product_text(product, catalog, lang))
            lines.append("")
    counts = Counter(p.verdict for p in report.products)
    lines.append(message("txt.products", lang, n=len(report.products)) + "  "
                 + "  ".join(f"{message('verdict.' + k, lang)}{colon}{v}" for k, v in sorted(counts.items())))
    lines.extend(error_line(e, lang) for e in report.errors)
    lines.extend(f"{message('txt.warning', lang)}{colon}{w.source}{colon}{note(w.warning, lang)}"
                 for w in report.warnings)
    return "\n".join(terminal(line) for line in lines) + "\n"


def summary_text(evaluated: Evaluated, lang: str = "en") -> str:
    """Audit summary without building per-product reports: verdict counts and clause pass rates."""
    from checker.outputs.display import pad

    table = status_table(evaluated)
    lines = [message("txt.products", lang, n=len(table))]
    lines.extend(f"  {pad(message(f'verdict.{verdict}', lang), 11)} {count}"
                 for verdict, count in table["verdict"].value_counts().items())
    lines.append(message("txt.clause_counts", lang))
    for col in evaluated.columns:
        counts = np.bincount(col.status.astype(np.int64), minlength=5)
        if counts[:2].sum() + counts[3:].sum():
            lines.append(f"  {col.clause.id:<30} {counts[0]:>8} {counts[1]:>8} {counts[3]:>8} {counts[4]:>8}")
    colon = message("colon", lang)
    lines.extend(error_line(e, lang) for e in evaluated.errors)
    lines.extend(f"{message('txt.warning', lang)}{colon}{w.source}{colon}{note(w.warning, lang)}"
                 for w in evaluated.warnings)
    return "\n".join(terminal(line) for line in lines) + "\n"


def _safe_row(sheet: Any, values: list[Any]) -> None:
    """Append a row of cells as data: text neutralised (:func:`spreadsheet`), never a formula."""
    sheet.append([spreadsheet(value) for value in values])
    for cell in sheet[sheet.max_row]:
        if cell.data_type == "f":
            cell.data_type = "s"


def to_xlsx(report: Report, catalog: Catalog, lang: str = "en") -> bytes:
    """An Excel workbook: a summary sheet and one row per clause result, status cells coloured."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    from checker.outputs.xlsx import CLAUSE_HEADER, category_words

    def m(key: str, **values: object) -> str:
        return message(f"xl.{key}", lang, **values)

    book = Workbook()
    summary = book.active
    summary.title = m("sheet_summary")
    _safe_row(summary, [m("id"), m("category"), m("verdict"), message("txt.sources", lang)])
    categories = category_words(lang)
    for product in report.products:
        _safe_row(summary, [product.id, categories.get(product.category, product.category),
                            message(f"verdict.{product.verdict}", lang), ", ".join(product.sources)])
    sheet = book.create_sheet(m("sheet_clauses"))
    _safe_row(sheet, [m(f"col_{name}") for name in CLAUSE_HEADER])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for product in report.products:
        for r in product.clauses:
            ev = r.evidence[0] if r.evidence else None
            _safe_row(sheet, [product.id, r.id, _title(catalog, r.id, lang), message(f"status.{r.status}", lang),
                              r.value, unit_label(r.unit, lang), r.op, r.limit, r.margin, ev.source if ev else "",
                              ev.page if ev else None, ev.text if ev else "", note(r.note, lang)])
            sheet.cell(row=sheet.max_row, column=4).fill = PatternFill("solid", fgColor=STATUS_COLOURS[r.status])
    errors = book.create_sheet(m("sheet_errors"))
    _safe_row(errors, [m("source"), m("error")])
    for e in report.errors:
        _safe_row(errors, [e.source, note(e.error, lang)])
    if report.warnings:
        warnings = book.create_sheet(m("sheet_warnings"))
        _safe_row(warnings, [m("source"), m("warning")])
        for w in report.warnings:
            _safe_row(warnings, [w.source, note(w.warning, lang)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def to_html(report: Report, catalog: Catalog, lang: str = "en") -> str:
    """A printable, self-contained HTML report for the procurement file."""

    def esc(text: str) -> str:
        return html.escape(printable(text))

    from checker.outputs.html import _product, problems_html

    standard = esc(message("txt.standard", lang))
    parts = [f"<!doctype html><html lang='{lang}'><meta charset='utf-8'><title>{standard}</title>",
             "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}"
             "td,th{border:1px solid #999;padding:3px 6px;font-size:12px;vertical-align:top}"
             + "".join(f".{k}{{background:#{v}}}" for k, v in STATUS_COLOURS.items()) + "</style>",
             f"<h1>{standard}</h1><p>{esc(message('txt.as_of', lang, date=report.as_of))}</p>"]
    titles = {c.id: _title(catalog, c.id, lang) for c in catalog.clauses}
    for row, product in enumerate(report.products):
        parts.append(_product(product, row, titles, open_=True, lang=lang))
    parts.append(problems_html(report.errors, report.warnings, lang))
    return "".join(parts) + "</html>\n"


def write_output(evaluated: Evaluated, fmt: str, out: Path | None, lang: str, detail: bool,
                 stdout: TextIO | None = None, single: bool = False) -> str | None:
    """Render ``evaluated`` in ``fmt``; write to ``out``, else to ``stdout`` when given (batch formats are
    streamed, :mod:`checker.outputs`), else return the text. ``single``: one product's report (``check``),
    whose HTML and Excel are the one-product layouts of :func:`to_html` and :func:`to_xlsx`."""
    check_compressible(fmt, out)
    if fmt == "parquet":
        if out is None:
            raise ValueError("--format parquet needs --out")
        import pyarrow.parquet as pq  # here: only this format writes Parquet

        pq.write_table(status_arrow(evaluated), out)
        return None
    if single and fmt in ("html", "xlsx"):
        report = evaluated.report()
        if fmt == "xlsx":
            if out is None:
                raise ValueError("--format xlsx needs --out")
            out.write_bytes(to_xlsx(report, evaluated.catalog, lang))
            return None
        return _text_to(to_html(report, evaluated.catalog, lang), out)
    if fmt != "text":
        from checker.outputs import write_stream

        if out is None and stdout is None and fmt != "xlsx":
            buffer = _Capture()
            write_stream(evaluated, fmt, None, lang, detail, buffer)
            return buffer.text()
        write_stream(evaluated, fmt, out, lang, detail, stdout)
        return None
    text = to_text(evaluated.report(), evaluated.catalog, lang) if detail else summary_text(evaluated, lang)
    return _text_to(text, out)


def _text_to(text: str, out: Path | None) -> str | None:
    if out is None:
        return text
    with open_text(out) as sink:
        sink.write(text)
    return None


class _Capture(io.StringIO):
    """A text stream with a byte buffer beside it (for the formats written as bytes), read back as text."""

    def __init__(self) -> None:
        super().__init__()
        self.bytes = io.BytesIO()

    @property
    def buffer(self) -> io.BytesIO:  # type: ignore[override]
        return self.bytes

    def text(self) -> str:
        return self.getvalue() + self.bytes.getvalue().decode("utf-8")
