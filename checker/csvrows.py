"""Structurally broken CSV rows: found by line number and blanked, so the other rows are still read.

A row with more fields than the header cannot be read safely (which value belongs to which
column?). Rather than losing the whole catalog, :func:`without_bad_rows` writes a copy of the file
(same file name, in a private temporary folder) where each such row is replaced by an empty row
of the right width, keeping every other row at its position; the caller drops the blanked rows
and reports each as an error naming its line.
"""

from __future__ import annotations

import csv
import logging
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)


def bad_rows(path: Path) -> tuple[list[list[str]], dict[int, tuple[int, str]]]:
    """(records with bad rows blanked, {data-row index: (first line, reason)}) of a CSV file.

    Blank lines are skipped as pandas skips them, so a data-row index is the row's position in
    the frame read from the copy.
    """
    records: list[list[str]] = []
    bad: dict[int, tuple[int, str]] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        width = 0
        previous = 0
        for record in reader:
            start, previous = previous + 1, reader.line_num
            if not record:
                continue
            if not records:
                width = len(record)
                records.append(record)
                continue
            if len(record) > width:
                bad[len(records) - 1] = (start, f"{len(record)} fields where the header has {width}")
                record = [""] * width
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
