"""Validated catalogs kept between runs, so that a command does not parse and validate the YAML again.

:func:`cached` pickles what ``build`` returns under :func:`checker.units.cache_folder`, keyed by the
name, size and modification time of every catalog file it depends on and of the modules that
define the models (a changed file or a changed model class means a rebuild). A cache file that
cannot be read, written or unpickled is ignored: the value is then built from the files.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from checker.units import cache_folder

log = logging.getLogger(__name__)
T = TypeVar("T")
_PACKAGE = Path(__file__).resolve().parent


def _key(name: str, files: Iterable[Path]) -> str:
    """A digest of what the cached value depends on: the files and every module of the package."""
    digest = hashlib.sha256(f"{name}|{sys.version}".encode())
    for path in sorted({*files, *_PACKAGE.glob("*.py")}):
        stat = path.stat()
        digest.update(f"|{path}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:32]


def cached(name: str, files: Iterable[Path], build: Callable[[], T]) -> T:
    """``build()``, or its pickled result from an earlier run with the same files."""
    folder = cache_folder()
    if folder is None or os.environ.get("GDC_CATALOG_CACHE", "on").lower() == "off":
        return build()
    try:
        path = folder / f"{name}-{_key(name, files)}.pickle"
    except OSError:
        return build()
    try:
        with path.open("rb") as handle:
            value: T = pickle.load(handle)
        return value
    except FileNotFoundError:
        pass
    except Exception as exc:  # noqa: BLE001 - a torn or stale cache file: rebuild it
        log.debug("cache %s not used (%s)", path, exc)
    value = build()
    _write(path, value)
    return value


def _write(path: Path, value: object) -> None:
    """Write atomically (a temporary file renamed), so that a parallel reader never sees half a file."""
    try:
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=".tmp-", delete=False) as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except OSError as exc:
        log.debug("cache %s not written (%s)", path, exc)
