"""Running the library on staged inputs for the app: uploads checked or audited, a form evaluated, downloads.

Everything here returns a :class:`checker.models.Report` (plain, picklable data) so the app can cache
results with ``st.cache_data``. Sources in a report are the sanitised upload names, never the
temporary paths the files were read from. The tables shown of a report are :mod:`checker.ui.frames`.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from checker.catalog.clauses import Catalog
from checker.catalog.fields import FieldSpec
from checker.engine.evaluate import FAIL
from checker.inputs.records import RecordError
from checker.models import ClauseResult, Evidence, InputError, InputWarning, ProductReport, Report, verdict_of
from checker.outputs.report import status_table, to_html, to_json, to_xlsx
from checker.outputs.summary import Shown
from checker.pipeline import audit, check, evaluate_mappings
from checker.ui.uploads import Upload, safe_uploads, staged

log = logging.getLogger(__name__)



CHECK_TYPES = ("pdf", "json", "yaml", "yml")



BATCH_TYPES = ("csv", "xlsx", "xlsm", "parquet", "pdf", "json", "yaml", "yml")



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
