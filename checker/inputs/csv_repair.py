"""Structurally broken CSV rows: found by line number and blanked, so the other rows are still read.

A row with more fields than the header cannot be read safely (which value belongs to which
column?); empty fields after the last column (trailing separators) are dropped, nothing is lost.
Rather than losing the whole catalog, :func:`without_bad_rows` writes a copy of the file (same
file name, in a private temporary folder) where each such row is replaced by an empty row of the
right width, keeping every other row at its position; the caller drops the blanked rows and
reports each as an error naming its line.
"""

from __future__ import annotations

import csv
import logging
import re
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from checker.catalog.clauses import Catalog
from checker.engine.frame import Batch, keep_rows
from checker.inputs.product_tables import table_to_batch
from checker.inputs.table_files import TableError, csv_dialect, csv_records
from checker.models import InputError

log = logging.getLogger(__name__)
_NOT_READ = "(row not read)"


def bad_rows(path: Path) -> tuple[list[list[str]], dict[int, tuple[int, str]]]:
    """(records with bad rows blanked, {data-row index: (first line, reason)}) of a CSV file.

    Blank lines are skipped as pandas skips them, so a data-row index is the row's position in
    the frame read from the copy.
    """
    records: list[list[str]] = []
    bad: dict[int, tuple[int, str]] = {}
    width = 0
    previous = 0
    for line, record in csv_records(path, csv_dialect(path)):
        start, previous = previous + 1, line
        if not record:
            continue
        if not records:
            width = len(record)
            records.append(record)
            continue
        if len(record) > width and not any(cell.strip() for cell in record[width:]):
            record = record[:width]  # empty cells after the last column (trailing separators): nothing lost
        if len(record) > width:
            bad[len(records) - 1] = (start, f"{len(record)} fields where the header has {width}")
            record = [_NOT_READ] + [""] * (width - 1)  # kept in place (a blank row is left out), dropped by rebind
        records.append(record)
    return records, bad


@contextmanager
def without_bad_rows(path: Path) -> Iterator[tuple[Path, dict[int, tuple[int, str]]]]:
    """A cleaned copy of the CSV at ``path`` (bad rows blanked) and the bad rows; the copy is removed after."""
    records, bad = bad_rows(path)
    log.debug("%s: %d structurally broken row(s)", path, len(bad))
    with tempfile.TemporaryDirectory(prefix="gdc-csv-") as folder:
        clean = Path(folder) / path.name
        with clean.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(records)
        yield clean, bad


RAGGED = re.compile(r"Expected \d+ fields in line \d+")


def is_ragged(path: Path, error: Exception) -> bool:
    """Whether ``error`` is pandas refusing a CSV for a row with too many fields (what this module mends)."""
    return path.suffix.lower() in (".csv", ".tsv") and bool(RAGGED.search(str(error)))


def read_mended(path: Path, catalog: Catalog, category: str | None,
                errors: list[InputError]) -> tuple[Batch, list[str]]:
    """A CSV with ragged rows as a batch: each such row an error naming its line, the others read."""
    with without_bad_rows(path) as (clean, bad):
        try:
            batch, unknown = table_to_batch(clean, catalog, category)
        except TableError as exc:  # named by the user's file, not the private copy
            raise TableError(str(exc).replace(str(clean), str(path))) from None
    for line, reason in bad.values():
        errors.append(InputError(source=str(path), error=f"line {line}: {reason}; row not read"))
    return rebind(batch, path, sorted(bad)), unknown


def rebind(batch: Batch, path: Path, dropped: Sequence[int]) -> Batch:
    """A batch read from a cleaned copy of ``path``: rows ``dropped`` removed, sources named ``path``."""
    if hasattr(batch.evidence, "source"):
        batch.evidence.source = str(path)
    keep = np.setdiff1d(np.arange(len(batch.frame)), np.asarray(dropped, dtype=int))
    return keep_rows(batch, keep, sources=[[str(path)]] * len(keep))
