"""From input files to a report: ``check`` (all files are one product) and ``audit`` (many).

Every input ends up as a product in the report or as a one-line error; one bad file never
loses the others.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TypeVar

import numpy as np
import pandas as pd

from checker.catalog import Catalog, load_catalog
from checker.derive import derive_all
from checker.engine import ClauseColumn, evaluate
from checker.errors import DocumentTimeout, UnusableInput
from checker.explain import Explainer
from checker.frame import Batch, EvidenceStore, conform, records_to_batch
from checker.limits import ENV_PREFIX, document_seconds, get_limits, guard_file
from checker.models import Evidence, InputError, InputWarning, Report
from checker.parallel import Outcome, read_documents
from checker.records import ProductRecord, RecordError, load_record_file, read_record_file, record_from_mapping
from checker.tables import TableError, table_to_batch

log = logging.getLogger(__name__)
T = TypeVar("T")

RECORD_TYPES = {".json", ".yaml", ".yml"}
TABLE_TYPES = {".csv", ".xlsx", ".xlsm", ".parquet"}
PDF_TYPES = {".pdf"}


class InputProblem(UnusableInput, ValueError):
    """An input that cannot be used; its message is the one-line reason."""


class SeveralProducts(InputProblem):
    """A file given as one product's evidence that holds several products."""


@dataclass
class StackedEvidence:
    """Evidence of several batches stacked into one frame (row offsets)."""

    parts: list[tuple[int, EvidenceStore]] = field(default_factory=list)

    def get(self, row: int, name: str) -> list[Evidence]:
        for offset, store in reversed(self.parts):
            if row >= offset:
                return store.get(row - offset, name)
        return []


@dataclass
class Evaluated:
    """A stacked batch and its clause columns, ready for any output format."""

    batch: Batch
    columns: list[ClauseColumn]
    errors: list[InputError]
    as_of: date
    catalog: Catalog
    warnings: list[InputWarning] = field(default_factory=list)

    def report(self) -> Report:
        explainer = Explainer(self.columns, self.batch, self.catalog)
        products = [explainer.report(row) for row in range(len(self.batch.frame))]
        return Report(as_of=self.as_of.isoformat(), products=products, errors=self.errors, warnings=self.warnings)


def records_batch(records: list[ProductRecord], catalog: Catalog, warnings: list[InputWarning] | None) -> Batch:
    """Records as a batch; what their readers left out is added to ``warnings``."""
    if warnings is not None:
        warnings.extend(InputWarning(source=record.sources[0] if record.sources else record.id, warning=text)
                        for record in records for text in record.warnings)
    return records_to_batch(records, catalog)


def stack(batches: Sequence[Batch], catalog: Catalog) -> Batch:
    """One batch from many (frames concatenated, evidence by row offset)."""
    evidence = StackedEvidence()
    offset = 0
    for batch in batches:
        evidence.parts.append((offset, batch.evidence))
        offset += len(batch.frame)
    frames = [b.frame for b in batches if len(b.frame)]
    if len(frames) == 1:
        frame = frames[0]  # one catalog: no copy of a million rows
    else:
        frame = pd.concat(frames, ignore_index=True, sort=False) if frames else pd.DataFrame(columns=["id", "category"])
    sources = [s for b in batches for s in b.sources]
    return Batch(frame=conform(frame, catalog), evidence=evidence, sources=sources)


def drop_unknown_categories(batch: Batch, catalog: Catalog, errors: list[InputError]) -> Batch:
    """Rows whose category is not one of INTERFACE.md §4 become errors (never an empty pass)."""
    known = batch.frame["category"].isin(catalog.categories).to_numpy()
    if known.all():
        return batch
    for row in np.flatnonzero(~known):
        source = batch.sources[row][0] if batch.sources[row] else "?"
        errors.append(InputError(source=source, error=f"product {batch.frame.at[row, 'id']!s}: unknown category "
                                                      f"{batch.frame.at[row, 'category']!r}"))
    keep = np.flatnonzero(known)
    evidence = StackedEvidence(parts=[(0, _Reindexed(batch.evidence, keep))])
    return Batch(frame=batch.frame.iloc[keep].reset_index(drop=True), evidence=evidence,
                 sources=[batch.sources[i] for i in keep])


@dataclass
class _Reindexed:
    store: EvidenceStore
    rows: np.ndarray

    def get(self, row: int, name: str) -> list[Evidence]:
        return self.store.get(int(self.rows[row]), name)


def read_records(path: Path, category: str | None, documents: Mapping[Path, Outcome] | None = None
                 ) -> list[ProductRecord]:
    """A record file or a PDF as product records (a PDF is one product; ``documents`` holds PDFs
    already read, by :func:`checker.parallel.read_documents`)."""
    suffix = path.suffix.lower()
    if suffix in RECORD_TYPES:
        return _in_time(path, load_record_file)
    if documents is not None and path in documents:
        outcome = documents[path]
        if isinstance(outcome, str):
            raise RecordError(outcome)
        return [outcome]
    if suffix in PDF_TYPES:
        from checker.documents_bridge import pdf_record

        return [pdf_record(path, category)]
    raise InputProblem(f"{path}: unsupported file type {suffix or '(none)'}")


def load_batch(path: Path, catalog: Catalog, category: str | None, errors: list[InputError],
               documents: Mapping[Path, Outcome] | None = None,
               warnings: list[InputWarning] | None = None) -> Batch | None:
    """One input file as a batch, or None with an error recorded (a record file: one error per bad record)."""
    try:
        if not path.exists() and not path.is_symlink():
            raise InputProblem(f"{path}: no such file")
        guard_file(path)
        if path.suffix.lower() in TABLE_TYPES:
            batch, unknown = _table_batch(path, catalog, category, errors)
            if unknown:
                errors.append(InputError(source=str(path), error="columns not recognised, not used: "
                                                                  + ", ".join(unknown)))
            return batch
        if path.suffix.lower() in RECORD_TYPES:
            records, problems = _in_time(path, read_record_file)
            errors.extend(InputError(source=str(path), error=problem) for problem in problems)
            return records_batch(records, catalog, warnings) if records else None
        return records_batch(read_records(path, category, documents), catalog, warnings)
    except UnusableInput as exc:
        errors.append(InputError(source=str(path), error=str(exc)))
    return None


def _in_time(path: Path, read: Callable[[Path], T]) -> T:
    """``read(path)`` of a record file within ``record_seconds`` (catalogs/limits.yaml), where a timer can
    interrupt it (the command's main thread)."""
    from checker.parallel import alarm

    seconds = get_limits().record_seconds
    try:
        with alarm(seconds):
            return read(path)
    except DocumentTimeout:
        raise InputProblem(f"{path}: timed out after {seconds:g} s reading the record "
                           f"({ENV_PREFIX}RECORD_SECONDS)") from None


def _table_batch(path: Path, catalog: Catalog, category: str | None,
                 errors: list[InputError]) -> tuple[Batch, list[str]]:
    """A catalog as a batch; a CSV row with too many fields is an error naming its line, the rest are read."""
    try:
        sheet_errors: list[str] = []
        found = table_to_batch(path, catalog, category, sheet_errors)
        errors.extend(InputError(source=str(path), error=problem) for problem in sheet_errors)
        return found
    except TableError as exc:
        if path.suffix.lower() != ".csv" or not _RAGGED.search(str(exc)):
            raise
    from checker.csvrows import without_bad_rows

    with without_bad_rows(path) as (clean, bad):
        batch, unknown = table_to_batch(clean, catalog, category)
    for line, reason in bad.values():
        errors.append(InputError(source=str(path), error=f"line {line}: {reason}; row not read"))
    return rebind_table_batch(batch, path, sorted(bad)), unknown


_RAGGED = re.compile(r"Expected \d+ fields in line \d+")


def rebind_table_batch(batch: Batch, path: Path, dropped: Sequence[int]) -> Batch:
    """A batch read from a cleaned copy of ``path``: rows ``dropped`` removed, sources named ``path``."""
    if hasattr(batch.evidence, "source"):
        batch.evidence.source = str(path)
    keep = np.setdiff1d(np.arange(len(batch.frame)), np.asarray(dropped, dtype=int))
    evidence = StackedEvidence(parts=[(0, _Reindexed(batch.evidence, keep))])
    return Batch(frame=batch.frame.iloc[keep].reset_index(drop=True), evidence=evidence,
                 sources=[[str(path)]] * len(keep))


def evaluate_batches(batches: Iterable[Batch], errors: list[InputError], as_of: date,
                     catalog: Catalog | None = None, warnings: list[InputWarning] | None = None) -> Evaluated:
    """Stack, derive and evaluate: the one path every command goes through."""
    catalog = catalog or load_catalog()
    batch = drop_unknown_categories(stack(list(batches), catalog), catalog, errors)
    derive_all(batch.frame, catalog, as_of)
    columns = evaluate(batch.frame, catalog, as_of)
    return Evaluated(batch=batch, columns=columns, errors=errors, as_of=as_of, catalog=catalog,
                     warnings=warnings if warnings is not None else [])


def merge_records(records: list[ProductRecord], sources: list[str]) -> ProductRecord:
    """All records given to ``check`` describe one product: their facts are pooled.

    Records that name different products (ids, models or categories that differ) are an
    InputProblem naming both: pooling them would judge one product on another's data.
    """
    same_product(records)
    named = next((r.declared_id for r in records if r.declared_id), None)
    model = next((r.model for r in records if r.model), None)
    return ProductRecord(id=named or model or records[0].id, category=records[0].category, sources=sources,
                         facts=[fact for r in records for fact in r.facts], declared_id=named, model=model,
                         warnings=[text for r in records for text in r.warnings])


def same_product(records: Sequence[ProductRecord]) -> None:
    """Raise InputProblem when the records name two products (different category, id or model)."""
    for what, name_of in (("categories", lambda r: r.category), ("ids", lambda r: r.declared_id),
                          ("models", lambda r: r.model)):
        named = [(record, name_of(record)) for record in records if name_of(record)]
        first = named[0] if named else None
        other = next(((r, n) for r, n in named if first and name_key(n) != name_key(first[1])), None)
        if first and other:
            shown = " and ".join(f"{r.id} ({r.category}, {r.sources[0] if r.sources else '?'})"
                                 for r in (first[0], other[0]))
            raise InputProblem(f"the files describe different products ({what} differ): {shown}; "
                               "`checker check` is for one product, use `checker audit` for several")


def name_key(name: str | None) -> str:
    """A product name folded for comparison: case, spaces and punctuation do not count."""
    return re.sub(r"[\W_]+", "", str(name)).casefold()


def product_batch(paths: Sequence[Path], catalog: Catalog, category: str | None,
                  errors: list[InputError], documents: Mapping[Path, Outcome] | None = None,
                  warnings: list[InputWarning] | None = None) -> Batch | None:
    """The files of ONE product (a ``check`` call or an audit sub-folder) as a one-row batch.

    A file holding several products, or files naming different products, is an error, never a
    product pooled from several.
    """
    records: list[ProductRecord] = []
    several = False
    for path in paths:
        try:
            records.extend(one_product_records(path, category, documents))
        except UnusableInput as exc:
            errors.append(InputError(source=str(path), error=str(exc)))
            several = several or isinstance(exc, SeveralProducts)
    if not records or several:
        return None
    try:
        return records_batch([merge_records(records, [str(p) for p in paths])], catalog, warnings)
    except InputProblem as exc:
        errors.append(InputError(source=", ".join(str(p) for p in paths), error=str(exc)))
    return None


def one_product_records(path: Path, category: str | None, documents: Mapping[Path, Outcome] | None
                        ) -> list[ProductRecord]:
    """The records of one file given as evidence for one product; a file of several products is an InputProblem."""
    if path.suffix.lower() in TABLE_TYPES:
        raise InputProblem(f"{path}: a catalog holds many products; use `checker audit`")
    if not path.exists() and not path.is_symlink():
        raise InputProblem(f"{path}: no such file")
    guard_file(path)
    found = read_records(path, category, documents)
    if len(found) > 1:
        ids = ", ".join(record.id for record in found[:5]) + (", ..." if len(found) > 5 else "")
        raise SeveralProducts(f"{path}: holds {len(found)} products ({ids}); the files of one product may hold "
                           "only that product, use `checker audit` for several")
    return found


def check(paths: Sequence[Path], as_of: date, category: str | None = None, seconds: float | None = None
          ) -> Evaluated:
    """``checker check``: every file is evidence for ONE product. Each PDF is read under the per-document
    time limit (``seconds``, default ``document_seconds``), in this process where a timer can interrupt
    it, in a worker process where it cannot (the app's threads)."""
    catalog = load_catalog()
    errors: list[InputError] = []
    warnings: list[InputWarning] = []
    pdfs = [path for path in paths if path.suffix.lower() in PDF_TYPES and _regular(path)]
    documents = read_documents(pdfs, category, workers=1, seconds=seconds or document_seconds(),
                               progress=False) if pdfs else None
    batch = product_batch(paths, catalog, category, errors, documents, warnings=warnings)
    return evaluate_batches([batch] if batch else [], errors, as_of, catalog, warnings)


def audit_inputs(paths: Sequence[Path]) -> list[Path | list[Path]]:
    """Expand folders: each file is one input; a sub-folder's documents are one product."""
    inputs: list[Path | list[Path]] = []
    for path in paths:
        if not path.is_dir():
            inputs.append(path)
            continue
        for child in sorted(path.iterdir()):
            if _real_folder(child):
                group = sorted(p for p in child.rglob("*") if not _real_folder(p))
                if group:
                    inputs.append(group)
            else:  # a file, or what only looks like one (FIFO, dangling link, loop): a product or an error
                inputs.append(child)
    return inputs


def _regular(path: Path) -> bool:
    """A regular file (a FIFO, a device or a broken link is left to the guard's error)."""
    try:
        return path.is_file()
    except OSError:
        return False


def _real_folder(path: Path) -> bool:
    """A folder to look inside: not a symbolic link to one (which could loop), never raising."""
    try:
        return path.is_dir() and not path.is_symlink()
    except OSError:
        return False


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


def input_batches(inputs: Sequence[Path | list[Path]], catalog: Catalog, category: str | None,
                  errors: list[InputError], documents: Mapping[Path, Outcome],
                  warnings: list[InputWarning] | None = None) -> list[Batch]:
    """The audit inputs as batches, in order; consecutive PDFs already read make one batch.

    What the readers left out on purpose is added to ``warnings``."""
    batches: list[Batch] = []
    read_ahead: list[ProductRecord] = []
    for item in inputs:
        if isinstance(item, Path) and item in documents:
            outcome = documents[item]
            if isinstance(outcome, str):
                errors.append(InputError(source=str(item), error=outcome))
            else:
                read_ahead.append(outcome)
            continue
        if read_ahead:
            batches.append(records_batch(read_ahead, catalog, warnings))
            read_ahead = []
        if isinstance(item, list):
            batch = product_batch(item, catalog, category, errors, documents, warnings)
        else:
            batch = load_batch(item, catalog, category, errors, documents, warnings)
        if batch is not None:
            batches.append(batch)
    if read_ahead:
        batches.append(records_batch(read_ahead, catalog, warnings))
    return batches


def pdf_inputs(inputs: Sequence[Path | list[Path]]) -> list[Path]:
    """The PDF files among audit inputs (sub-folders included), in order."""
    files = [path for item in inputs for path in (item if isinstance(item, list) else [item])]
    return [path for path in files if path.suffix.lower() in PDF_TYPES and path.is_file()]


def evaluate_mappings(records: Sequence[dict[str, object]], as_of: date, source: str = "input") -> Evaluated:
    """Evaluate product records given as mappings (the JSON/YAML record shape), one product each."""
    catalog = load_catalog()
    built = [record_from_mapping(dict(item), source, number) for number, item in enumerate(records)]
    return evaluate_batches([records_to_batch(built, catalog)], [], as_of, catalog)
