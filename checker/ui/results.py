"""Running the library on staged inputs, and shaping its reports into tables for the app.

Everything here works on :class:`checker.models.Report` (plain, picklable data) so the app can cache
results with ``st.cache_data``. Sources in a report are the sanitised upload names, never the
temporary paths the files were read from.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from checker.catalog.clauses import Catalog, Clause
from checker.catalog.fields import FieldSpec
from checker.catalog.messages import has, message, note
from checker.engine.evaluate import FAIL
from checker.inputs.records import RecordError
from checker.models import ClauseResult, Evidence, InputError, InputWarning, ProductReport, Report, verdict_of
from checker.outputs.display import num
from checker.outputs.report import STATUS_COLOURS, status_table, to_html, to_json, to_xlsx
from checker.outputs.summary import Shown
from checker.outputs.text import OPS, document_for, headline, unit_label
from checker.pipeline import audit, check, evaluate_mappings
from checker.ui.i18n import section_key, section_title, status_label, t
from checker.ui.uploads import Upload, safe_uploads, staged

log = logging.getLogger(__name__)

CHECK_TYPES = ("pdf", "json", "yaml", "yml")
BATCH_TYPES = ("csv", "xlsx", "xlsm", "parquet", "pdf", "json", "yaml", "yml")
STATUS_ORDER = ("fail", "missing_evidence", "manual_review", "pass", "not_applicable")


# ---------------------------------------------------------------- running


def _strip(text: str, root: Path) -> str:
    """``text`` with the temporary folder removed from any path in it."""
    for prefix in {str(root) + "/", str(root.resolve()) + "/"}:
        text = text.replace(prefix, "")
    return text


def relabel(report: Report, root: Path) -> Report:
    """The report with every source (products, evidence, errors) shown without the temporary folder."""

    def evidence(items: list[Evidence]) -> list[Evidence]:
        return [e.model_copy(update={"source": _strip(e.source, root)}) for e in items]

    products = [
        p.model_copy(update={
            "sources": [_strip(s, root) for s in p.sources],
            "clauses": [c.model_copy(update={"evidence": evidence(c.evidence), "note": _strip(c.note, root)})
                        for c in p.clauses],
        })
        for p in report.products
    ]
    errors = [InputError(source=_strip(e.source, root), error=_strip(e.error, root)) for e in report.errors]
    warnings = [InputWarning(source=_strip(w.source, root), warning=_strip(w.warning, root)) for w in report.warnings]
    return report.model_copy(update={"products": products, "errors": errors, "warnings": warnings})


def check_uploads(uploads: Sequence[Upload], as_of: date, category: str | None = None) -> Report:
    """``checker check`` on uploads: all files are evidence for ONE product."""
    with staged(safe_uploads(uploads)) as (root, paths):
        report = check(paths, as_of, category).report()
        return relabel(report, root)


def audit_uploads(uploads: Sequence[Upload], as_of: date, category: str | None = None) -> Report:
    """``checker audit`` on uploads: each PDF, record and catalog row is one product."""
    with staged(safe_uploads(uploads)) as (root, paths):
        report = audit(paths, as_of, category).report()
        return relabel(report, root)


@dataclass
class BatchAudit:
    """A batch audit as the app shows it, aggregated per clause instead of a report per product: one row
    per product (statuses as categoricals), each clause's counts, the :data:`DETAIL_CAP` worst products
    in full, and the downloads written by the streamed writers (:mod:`checker.outputs`)."""

    as_of: str
    table: pd.DataFrame
    clauses: pd.DataFrame
    errors: list[InputError]
    warnings: list[InputWarning]
    details: list[ProductReport]
    files: dict[str, tuple[bytes, str, str]]


DETAIL_CAP = 200  # products offered in full below the batch table (the worst ones)
_MIME = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "json": "application/json",
         "html": "text/html"}


def audit_batch(uploads: Sequence[Upload], as_of: date, category: str | None = None, lang: str = "en",
                progress: Callable[[int, int, str], None] | None = None) -> BatchAudit:
    """``checker audit`` on uploads, evaluated once over all of them (read one upload at a time, with
    progress) and kept as a :class:`BatchAudit`."""
    from checker.catalog.clauses import load_catalog
    from checker.engine.run import evaluate_batches
    from checker.inputs.files import audit_inputs, pdf_inputs
    from checker.inputs.guard import document_seconds
    from checker.inputs.parallel import read_documents
    from checker.inputs.products import input_batches

    uploads = safe_uploads(uploads)
    catalog = load_catalog()
    errors: list[InputError] = []
    warnings: list[InputWarning] = []
    with staged(uploads) as (root, paths):
        batches = []
        for number, (item, path) in enumerate(zip(uploads, paths, strict=True)):
            if progress:
                progress(number, len(uploads), item.name)
            inputs = audit_inputs([path])
            documents = read_documents(pdf_inputs(inputs), category, 1, document_seconds(), False)
            batches.extend(input_batches(inputs, catalog, category, errors, documents, warnings))
        if progress:
            progress(len(uploads), len(uploads), "")
        evaluated = Shown.without(evaluate_batches(batches, errors, as_of, catalog, warnings), root)
        return _batch_audit(evaluated, lang)


def _batch_audit(evaluated: Shown, lang: str) -> BatchAudit:
    from checker.outputs import write_stream
    from checker.outputs.summary import product_reports, summarise

    summary = summarise(evaluated)
    table = status_table(evaluated)
    failed = np.empty(len(table), dtype=object)
    failed[:] = ""
    for col in evaluated.columns:
        rows = np.flatnonzero(col.status == FAIL)
        failed[rows] = failed[rows] + np.where(failed[rows] == "", "", ", ") + col.clause.id
    table.insert(3, "failed", summary.fails)
    table.insert(4, "failed_clauses", failed)
    table.insert(5, "sources", [", ".join(evaluated.strip(s) for s in row) for row in evaluated.batch.sources])
    clauses = pd.DataFrame([{"clause": c.id, "applies": c.decided, "pass": c.counts["pass"], "fail": c.counts["fail"],
                             "pass_rate": round(100.0 * (c.pass_rate or 0.0), 1)} for c in summary.clauses],
                           columns=["clause", "applies", "pass", "fail", "pass_rate"])
    details = list(product_reports(evaluated, np.sort(summary.worst(DETAIL_CAP))))
    files: dict[str, tuple[bytes, str, str]] = {}
    with tempfile.TemporaryDirectory(prefix="gdc-downloads-") as folder:
        for fmt in ("xlsx", "json", "html"):
            path = Path(folder) / f"report.{fmt}"
            write_stream(evaluated, fmt, path, lang, False)
            files[fmt] = (path.read_bytes(), _MIME[fmt], fmt)
    return BatchAudit(as_of=evaluated.as_of.isoformat(), table=table, clauses=clauses, errors=evaluated.errors,
                      warnings=evaluated.warnings, details=details, files=files)


def batch_verdict_counts(batch: BatchAudit) -> dict[str, int]:
    """Products per verdict (pass, fail, incomplete — every verdict listed, zero included)."""
    counts = batch.table["verdict"].value_counts() if len(batch.table) else pd.Series(dtype=int)
    return {v: int(counts.get(v, 0)) for v in ("pass", "fail", "incomplete")}


def batch_most_failing(batch: BatchAudit, top: int = 10) -> pd.DataFrame:
    """The products failing most clauses (those failing at least one), most first."""
    frame = batch.table
    if frame.empty:
        return frame
    frame = frame[frame["failed"] > 0].sort_values(["failed", "id"], ascending=[False, True])
    return frame[["id", "category", "failed", "failed_clauses"]].head(top).reset_index(drop=True)


def batch_stem(batch: BatchAudit) -> str:
    """A file-name stem for a batch's downloads."""
    return f"audit-{batch.as_of}"


def form_record(category: str, values: dict[str, Any]) -> dict[str, Any]:
    """A record mapping from form values: blanks dropped, the category set, an id chosen."""
    record: dict[str, Any] = {k: v for k, v in values.items() if v is not None and v != ""}
    record["category"] = category
    record.setdefault("id", record.get("model") or f"{category}-form")
    return record


def evaluate_form(category: str, values: dict[str, Any], as_of: date, source: str = "form") -> Report:
    """One product from form values through the same engine (``evaluate_mappings``); ``source`` names the
    form in the report (in the reader's language)."""
    try:
        return evaluate_mappings([form_record(category, values)], as_of, source=source).report()
    except RecordError as exc:
        return Report(as_of=as_of.isoformat(), errors=[InputError(source=source, error=str(exc))])


def clauses_report(product_id: str, category: str, clauses: list[ClauseResult], as_of: date,
                   source: str = "calculator") -> Report:
    """A one-product report from judged clauses (so calculators offer the same downloads)."""
    product = ProductReport(id=product_id, category=category, sources=[source], clauses=clauses,
                            verdict=verdict_of([c.status for c in clauses]))
    return Report(as_of=as_of.isoformat(), products=[product])


def form_fields(catalog: Catalog, category: str) -> dict[str, FieldSpec]:
    """The fields a record of ``category`` can carry (fields.yaml), without ``category`` itself."""
    return {name: spec for name, spec in catalog.fields.items()
            if category in spec.categories and name != "category"}


# ---------------------------------------------------------------- shaping


def fmt_number(value: Any) -> str:
    """A number for a table cell (:func:`checker.outputs.display.num`); text as is; blank for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return num(value)
    return str(value)


def limit_text(result: ClauseResult, lang: str = "en") -> str:
    """``≥ 94 %`` for a result's limit (blank when none)."""
    if result.limit is None:
        return ""
    return f"{OPS.get(result.op, result.op)} {fmt_number(result.limit)} {unit_label(result.unit, lang)}".strip()


def clause_title(catalog: Catalog, clause_id: str, lang: str) -> str:
    """A clause's title in ``lang`` (the id if the catalog does not know it)."""
    try:
        clause = catalog.clause(clause_id)
    except KeyError:
        return clause_id
    return clause.title_zh if lang == "zh" else clause.title_en


def clause_section(catalog: Catalog, clause_id: str) -> str:
    """The heading key (``6.2.1``, ``6.1``, ``4`` ...) a clause result is grouped under."""
    try:
        section = catalog.clause(clause_id).section
    except KeyError:
        section = clause_id.split("/")[0]
    return section_key(section)


def clause_frame(product: ProductReport, catalog: Catalog, lang: str) -> pd.DataFrame:
    """One row per clause result: section, id, title, status (code and label), value, limit, margin, note."""
    rows = []
    for r in product.clauses:
        rows.append({
            "section": clause_section(catalog, r.id),
            "id": r.id,
            "title": clause_title(catalog, r.id, lang),
            "status_code": r.status,
            "status": status_label(r.status, lang),
            "value": (f"{num(r.value, r.limit) if isinstance(r.value, int | float) else r.value} "
                      f"{unit_label(r.unit, lang)}").strip() if r.value is not None else "",
            "limit": limit_text(r, lang),
            "margin": num(r.margin, sign=True) if r.margin is not None else "",
            "note": _note(r, catalog, lang),
        })
    return pd.DataFrame(rows, columns=["section", "id", "title", "status_code", "status", "value", "limit", "margin",
                                       "note"])


def _note(result: ClauseResult, catalog: Catalog, lang: str) -> str:
    """A clause's note in ``lang``; for a document clause left to a person, the document to ask for."""
    if result.status == "manual_review" and catalog.clause(result.id).kind != "numeric":
        return t("ask_for", lang, document=document_for(catalog, result.id, lang))
    return note(result.note, lang)


def grouped(frame: pd.DataFrame, lang: str) -> list[tuple[str, pd.DataFrame]]:
    """The clause frame split by section heading, in the catalog's order."""
    return [(section_title(str(key), lang), part.drop(columns=["section"]).reset_index(drop=True))
            for key, part in frame.groupby("section", sort=False)]


def display_columns(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The clause frame with column headers in ``lang`` (the status code column dropped)."""
    names = {"id": t("col_id", lang), "title": t("col_title", lang), "status": t("col_status", lang),
             "value": t("col_value", lang), "limit": t("col_limit", lang), "margin": t("col_margin", lang),
             "note": t("col_note", lang)}
    return frame.drop(columns=[c for c in ("status_code", "section") if c in frame]).rename(columns=names)


def status_styles(codes: Iterable[str]) -> list[str]:
    """CSS for status cells: the report's status colours (same as the Excel and HTML reports)."""
    return [f"background-color: #{STATUS_COLOURS.get(code, 'FFFFFF')}" for code in codes]


def styled(frame: pd.DataFrame, codes: Sequence[str], column: str) -> Any:
    """A pandas Styler colouring ``column`` by the status ``codes`` (row-aligned)."""
    colours = status_styles(codes)

    def paint(col: pd.Series) -> list[str]:
        return colours if col.name == column else [""] * len(col)

    return frame.style.apply(paint, axis=0)


def styled_statuses(frame: pd.DataFrame) -> Any:
    """A Styler colouring every status cell (clause columns, and the verdict) with the report's colours."""
    colours = {s: f"background-color: #{c}" for s, c in STATUS_COLOURS.items()}
    colours["incomplete"] = colours["missing_evidence"]
    subset: list[Any] = [c for c in frame.columns if c == "verdict" or "/" in str(c) or str(c)[:1].isdigit()]
    return frame.style.map(lambda v: colours.get(str(v), ""), subset=subset)


def todo(product: ProductReport) -> list[ClauseResult]:
    """The buyer's to-do: clauses a person must review."""
    return [c for c in product.clauses if c.status == "manual_review"]


def with_evidence(product: ProductReport) -> list[str]:
    """Ids of the clauses that carry evidence, failing ones first."""
    order = {s: n for n, s in enumerate(STATUS_ORDER)}
    ranked = sorted((c for c in product.clauses if c.evidence), key=lambda c: order.get(c.status, 9))
    return [c.id for c in ranked]


def verdict_line(product: ProductReport, lang: str) -> str:
    """The decision and what is left, once: ``符合，另有 11 项需人工核查`` / ``PASS — 11 item(s) to check``."""
    return headline(product, lang)


def filter_summary(frame: pd.DataFrame, verdicts: Sequence[str], categories: Sequence[str], text: str) -> pd.DataFrame:
    """Rows whose verdict and category are among those chosen (all when none chosen) and whose id holds ``text``."""
    if frame.empty:
        return frame
    keep = pd.Series(True, index=frame.index)
    if verdicts:
        keep &= frame["verdict"].isin(list(verdicts))
    if categories:
        keep &= frame["category"].isin(list(categories))
    if text.strip():
        keep &= frame["id"].astype(str).str.contains(text.strip(), case=False, regex=False)
    return frame[keep].reset_index(drop=True)


# ---------------------------------------------------------------- catalog page


def _op(op: str | None) -> str:
    """A comparison as printed (≤, ≥)."""
    return OPS.get(op or "", op or "")


def clause_limit_text(clause: Clause, catalog: Catalog, lang: str) -> str:
    """A clause's limit for the catalog page: ``>= 94 %``, a band table, or a date schedule."""
    if clause.kind == "document":
        return t("document_clause", lang)
    if clause.limit is not None:
        return f"{_op(clause.op)} {fmt_number(clause.limit)} {unit_label(clause.unit, lang)}".strip()
    if clause.band_table:
        table = catalog.band_tables[clause.band_table]
        title = table.title_zh if lang == "zh" else table.title_en
        colon = t("colon", lang)
        parts = [f"{note(b.label, lang)}{colon}{fmt_number(b.limits.get(clause.band_column or ''))}"
                 for b in table.bands]
        joiner = "；" if lang == "zh" else "; "
        return f"{_op(clause.op)} ({t('band_limit', lang, table=title)}) " + joiner.join(parts)
    if clause.schedule:
        colon, joiner = t("colon", lang), "；" if lang == "zh" else "; "
        steps = joiner.join(f"{s.since.isoformat()}{colon}{_op(clause.op)} {fmt_number(s.limit)} "
                            f"{unit_label(clause.unit, lang)}".strip()
                            for s in clause.schedule.steps)
        return f"{t('schedule', lang)}{t('colon', lang)}{steps}"
    return ""


def catalog_frame(catalog: Catalog, lang: str, category: str | None = None, text: str = "") -> pd.DataFrame:
    """Every clause (or those of ``category``): id, section, title, Chinese text, limit, verification."""
    rows = []
    for clause in catalog.clauses if not category else catalog.for_category(category):
        rows.append({
            "id": clause.id,
            "section": clause.section,
            "title": clause.title_zh if lang == "zh" else clause.title_en,
            "requirement_zh": clause.requirement_zh,
            "limit": clause_limit_text(clause, catalog, lang),
            "verification_zh": clause.verification_zh or clause.method_zh,
            "categories": (t("category_all", lang) if set(catalog.categories) <= set(clause.categories)
                           else ", ".join(category_name(c, lang) for c in clause.categories)),
        })
    frame = pd.DataFrame(rows, columns=["id", "section", "title", "requirement_zh", "limit", "verification_zh",
                                        "categories"])
    if text.strip():
        needle = text.strip().lower()
        hay = frame.astype(str).agg(" ".join, axis=1).str.lower()
        frame = frame[hay.str.contains(needle, regex=False)].reset_index(drop=True)
    return frame


def band_table_frames(catalog: Catalog, lang: str) -> list[tuple[str, pd.DataFrame]]:
    """The band tables (Table 5 tiers, Table 6 bands) as (title, frame)."""
    result = []
    for table in catalog.band_tables.values():
        rows = [{message("band", lang): note(b.label, lang),
                 **{message(f"limitcol.{k}", lang): fmt_number(v) for k, v in b.limits.items()}} for b in table.bands]
        title = table.title_zh if lang == "zh" else table.title_en
        spec = catalog.fields.get(table.by)
        by = (spec.label_zh if lang == "zh" else spec.label_en) if spec else table.by
        result.append((f"{title} ({by}, {table.unit})", pd.DataFrame(rows)))
    return result


def batch_frame(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The batch table for people: columns named, verdicts, statuses and categories in words (the codes stay
    in the downloads)."""
    words = {**{s: message(f"status.{s}", lang) for s in STATUS_COLOURS},
             **{v: message(f"verdict.{v}", lang) for v in ("pass", "fail", "incomplete")}}
    shown = frame.copy()
    for column in shown.columns:
        if isinstance(shown[column].dtype, pd.CategoricalDtype) or column == "verdict":
            shown[column] = shown[column].astype(str).map(lambda v: words.get(v, v))
    if "category" in shown:
        shown["category"] = shown["category"].astype(str).map(lambda c: category_name(c, lang))
    return shown.rename(columns={name: message(key, lang) for name, key in BATCH_COLUMNS.items()})


BATCH_COLUMNS = {"id": "col_product", "category": "category", "verdict": "verdict", "failed": "failed_count",
                 "failed_clauses": "failed_clauses", "sources": "sources"}


def category_name(category: str, lang: str) -> str:
    """A product category in ``lang`` (服务器 / Server); the code itself if unlisted."""
    return message(f"category.{category}", lang) if has(f"category.{category}") else category


def styled_words(frame: pd.DataFrame, lang: str) -> Any:
    """A Styler colouring the status and verdict words of :func:`batch_frame` with the report's colours."""
    colours = {message(f"status.{s}", lang): f"background-color: #{c}" for s, c in STATUS_COLOURS.items()}
    colours[message("verdict.incomplete", lang)] = colours[message("status.missing_evidence", lang)]
    return frame.style.map(lambda v: colours.get(str(v), ""))


# ---------------------------------------------------------------- downloads


def downloads(report: Report, catalog: Catalog, lang: str) -> dict[str, tuple[bytes, str, str]]:
    """The report as Excel, JSON and printable HTML: format → (data, MIME type, file suffix)."""
    return {
        "xlsx": (to_xlsx(report, catalog, lang), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                 "xlsx"),
        "json": (to_json(report).encode("utf-8"), "application/json", "json"),
        "html": (to_html(report, catalog, lang).encode("utf-8"), "text/html", "html"),
    }


def report_stem(report: Report) -> str:
    """A file-name stem for a report's downloads (the product id, or ``audit``)."""
    from checker.ui.uploads import sanitise_name

    if len(report.products) == 1:
        return sanitise_name(report.products[0].id, default="report")
    return f"audit-{report.as_of}"


def pass_rate_chart(clauses: pd.DataFrame, lang: str) -> Any:
    """Each clause's products as one bar in % of those it applies to: passing, failing, and the rest (missing
    evidence or a person to check), coloured as the reports colour them; clause ids in full on the axis."""
    import altair as alt

    parts = (("pass", "pass"), ("fail", "fail"), ("other", "manual_review"))
    rows: list[dict[str, Any]] = []
    for record in clauses.to_dict("records"):
        applies = max(int(record["applies"]), 1)
        counts = {"pass": int(record["pass"]), "fail": int(record["fail"])}
        counts["other"] = int(record["applies"]) - counts["pass"] - counts["fail"]
        rows.extend({"clause": record["clause"], "part": message(f"chart.{name}", lang),
                     "share": round(100.0 * counts[name] / applies, 1)} for name, _ in parts)
    frame = pd.DataFrame(rows, columns=["clause", "part", "share"])
    domain = [message(f"chart.{name}", lang) for name, _ in parts]
    colours = [f"#{STATUS_COLOURS[status]}" for _, status in parts]
    return alt.Chart(frame).mark_bar().encode(
        x=alt.X("share:Q", stack="zero", title=message("pass_rate_axis", lang), scale=alt.Scale(domain=[0, 100])),
        y=alt.Y("clause:N", sort=None, title=None, axis=alt.Axis(labelLimit=400, labelOverlap=False)),
        color=alt.Color("part:N", scale=alt.Scale(domain=domain, range=colours), title=None,
                        legend=alt.Legend(orient="top")),
        order=alt.Order("order:Q"),
        tooltip=["clause", "part", "share"],
    ).transform_calculate(order=f"indexof({domain!r}, datum.part)").properties(height=alt.Step(20))
