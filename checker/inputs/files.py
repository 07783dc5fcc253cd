"""Input files → batches: which reader a file type goes to, folders expanded, the guard and time limits.

A record file (JSON, YAML) is read in this process within ``record_seconds``; a table (CSV, XLSX,
Parquet) through :mod:`checker.inputs.product_tables` (a CSV with ragged rows mended by
:mod:`checker.inputs.csv_repair`); a PDF through :mod:`checker.inputs.document_records`, or taken from the
documents :func:`checker.inputs.parallel.read_documents` already read. Anything unusable is an error line.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TypeVar

from checker.catalog.clauses import Catalog
from checker.engine.frame import Batch, records_to_batch
from checker.errors import DocumentTimeout, UnusableInput
from checker.inputs.guard import ENV_PREFIX, get_limits, guard_file
from checker.inputs.parallel import Outcome
from checker.inputs.records import ProductRecord, RecordError, load_record_file, read_record_file
from checker.models import InputError, InputWarning

T = TypeVar("T")

RECORD_TYPES = {".json", ".yaml", ".yml"}
TABLE_TYPES = {".csv", ".tsv", ".xlsx", ".xlsm", ".parquet"}
PDF_TYPES = {".pdf"}


class InputProblem(UnusableInput, ValueError):
    """An input that cannot be used; its message is the one-line reason."""



def records_batch(records: list[ProductRecord], catalog: Catalog, warnings: list[InputWarning] | None) -> Batch:
    """Records as a batch; what their readers left out is added to ``warnings``."""
    if warnings is not None:
        warnings.extend(InputWarning(source=record.sources[0] if record.sources else record.id, warning=text)
                        for record in records for text in record.warnings)
    return records_to_batch(records, catalog)



def read_records(path: Path, category: str | None, documents: Mapping[Path, Outcome] | None = None
                 ) -> list[ProductRecord]:
    """A record file or a PDF as product records (a PDF is one product; ``documents`` holds PDFs
    already read, by :func:`checker.inputs.parallel.read_documents`)."""
    suffix = path.suffix.lower()
    if suffix in RECORD_TYPES:
        return _in_time(path, load_record_file)
    if documents is not None and path in documents:
        outcome = documents[path]
        if isinstance(outcome, str):
            raise RecordError(outcome)
        return [outcome]
    if suffix in PDF_TYPES:
        from checker.inputs.document_records import pdf_record

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
    from checker.inputs.parallel import alarm

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
    from checker.inputs.product_tables import table_to_batch  # here: a record or a PDF needs no table reader
    from checker.inputs.table_files import TableError

    try:
        sheet_errors: list[str] = []
        found = table_to_batch(path, catalog, category, sheet_errors)
        errors.extend(InputError(source=str(path), error=problem) for problem in sheet_errors)
        return found
    except TableError as exc:
        from checker.inputs.csv_repair import is_ragged, read_mended

        if not is_ragged(path, exc):
            raise
        return read_mended(path, catalog, category, errors)



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



def pdf_inputs(inputs: Sequence[Path | list[Path]]) -> list[Path]:
    """The PDF files among audit inputs (sub-folders included), in order."""
    files = [path for item in inputs for path in (item if isinstance(item, list) else [item])]
    return [path for path in files if path.suffix.lower() in PDF_TYPES and path.is_file()]



def regular_file(path: Path) -> bool:
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
