"""The commands' entries: ``check`` (all files are one product), ``audit`` (many) and records given as
mappings, each from input files to an :class:`~checker.engine.run.Evaluated` any output format writes.

Reading is :mod:`checker.inputs` (files, products, documents in parallel); evaluating is
:func:`checker.engine.run.evaluate_batches`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from checker.catalog.clauses import load_catalog
from checker.engine.frame import records_to_batch
from checker.engine.run import Evaluated, evaluate_batches
from checker.inputs.files import PDF_TYPES, audit_inputs, pdf_inputs, regular_file
from checker.inputs.guard import document_seconds
from checker.inputs.parallel import read_documents
from checker.inputs.products import input_batches, product_batch
from checker.inputs.records import record_from_mapping
from checker.models import InputError, InputWarning

__all__ = ["audit", "check", "evaluate_mappings"]


def check(paths: Sequence[Path], as_of: date, category: str | None = None, seconds: float | None = None
          ) -> Evaluated:
    """``checker check``: every file is evidence for ONE product. Each PDF is read under the per-document
    time limit (``seconds``, default ``document_seconds``), in this process where a timer can interrupt
    it, in a worker process where it cannot (the app's threads)."""
    catalog = load_catalog()
    errors: list[InputError] = []
    warnings: list[InputWarning] = []
    pdfs = [path for path in paths if path.suffix.lower() in PDF_TYPES and regular_file(path)]
    documents = read_documents(pdfs, category, workers=1, seconds=seconds or document_seconds(),
                               progress=False) if pdfs else None
    batch = product_batch(paths, catalog, category, errors, documents, warnings=warnings)
    return evaluate_batches([batch] if batch else [], errors, as_of, catalog, warnings)



def audit(paths: Sequence[Path], as_of: date, category: str | None = None, workers: int = 1,
          seconds: float | None = None, progress: bool | None = None) -> Evaluated:
    """``checker audit``: each record, PDF and catalog row is one product; sub-folders group.

    The PDFs are read first, ``workers`` at a time, each within ``seconds`` (default: the
    ``document_seconds`` limit); records and catalogs are read here, in this process.
    """
    catalog = load_catalog()
    errors: list[InputError] = []
    inputs = audit_inputs(paths)
    documents = read_documents(pdf_inputs(inputs), category, workers,
                               document_seconds() if seconds is None else seconds, progress)
    warnings: list[InputWarning] = []
    batches = input_batches(inputs, catalog, category, errors, documents, warnings)
    return evaluate_batches(batches, errors, as_of, catalog, warnings)



def evaluate_mappings(records: Sequence[dict[str, object]], as_of: date, source: str = "input") -> Evaluated:
    """Evaluate product records given as mappings (the JSON/YAML record shape), one product each."""
    catalog = load_catalog()
    built = [record_from_mapping(dict(item), source, number) for number, item in enumerate(records)]
    return evaluate_batches([records_to_batch(built, catalog)], [], as_of, catalog)
