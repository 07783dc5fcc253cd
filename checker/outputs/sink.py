"""The report file: ``--out NAME.gz`` is written gzip-compressed, as it goes.

A JSON report of a million products is 5.6 GB, and writing that many bytes is most of its time on a common
disk (``bench/bench_outputs.py`` prints the disk's own time for as many bytes). Compressed at ISA-L's level 1
(``isal``, about 2.6 GB/s and 20× smaller on these reports) in a thread of its own while the next products are
built, the same report is a few hundred MB and is done in the time the products take to build. Readers take it
as it is (``zcat``, ``jq``, pandas, DuckDB). Text, JSON, NDJSON, CSV and HTML can be compressed so; a workbook
and Parquet are compressed already.
"""

from __future__ import annotations

import gzip
import io
from pathlib import Path
from typing import BinaryIO, TextIO, cast

_LEVEL = 1  # ISA-L's fastest level: ~20× on these reports; higher levels gain a few per cent for twice the time
_NOT_COMPRESSED = ("xlsx", "parquet")


def compressed(path: Path | None) -> bool:
    """Whether ``path`` names a gzip file (``.gz``)."""
    return path is not None and path.suffix.lower() == ".gz"


def check_compressible(fmt: str, path: Path | None) -> None:
    """Raise ValueError when ``fmt`` cannot be written to a ``.gz`` name (a workbook, Parquet)."""
    if compressed(path) and fmt in _NOT_COMPRESSED:
        raise ValueError(f"--out {path}: {fmt} is compressed already; give a name without .gz")


def open_binary(path: Path) -> BinaryIO:
    """``path`` opened for writing bytes; gzip-compressed, from a thread of its own, when it ends in ``.gz``."""
    if not compressed(path):
        return path.open("wb")
    try:
        from isal import igzip_threaded
    except ImportError:  # no ISA-L: Python's zlib, in this thread
        return cast(BinaryIO, gzip.open(path, "wb", compresslevel=_LEVEL))
    return cast(BinaryIO, igzip_threaded.open(path, "wb", compresslevel=_LEVEL, threads=1))


def open_text(path: Path) -> TextIO:
    """``path`` opened for writing UTF-8 text with ``\\n`` line ends; gzip-compressed when it ends in ``.gz``."""
    if not compressed(path):
        return path.open("w", encoding="utf-8", newline="\n")
    return io.TextIOWrapper(open_binary(path), encoding="utf-8", newline="\n")


def write_whole(path: Path, content: str | bytes) -> None:
    """A report made whole in memory written to ``path`` (text as UTF-8); gzip-compressed when it ends in ``.gz``."""
    if isinstance(content, bytes):
        with open_binary(path) as binary:
            binary.write(content)
        return
    with open_text(path) as text:
        text.write(content)
