"""Where the catalog files are and how they are read: one place for every loader.

``catalog_dir()`` honours ``$GDC_CATALOGS`` (a folder laid out like ``catalogs/``); ``read_yaml``
parses a file in it with the safe loader (libyaml when present) and keeps what it parsed, keyed by
the file's bytes: in this process, and pickled in the cache folder (``GDC_CACHE_DIR``, else the user's
cache folder; ``off`` for none) so the next run skips the parse. The clause catalog, the field
vocabulary, the document vocabulary, the comparison words, the grade tables, the input limits and
the T/CA305 catalog all find their files here.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

import yaml

_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: the catalog loads 10× faster
_CACHE_KEY = f"yaml {yaml.__version__} {_SAFE_LOADER.__name__} pickle {pickle.HIGHEST_PROTOCOL}".encode()
_parsed: dict[str, bytes] = {}  # content key -> the parsed document, pickled (each caller gets its own copy)
log = logging.getLogger(__name__)


def catalog_dir() -> Path:
    """The ``catalogs/`` folder: ``$GDC_CATALOGS`` or the one beside the package."""
    override = os.environ.get("GDC_CATALOGS")
    return Path(override) if override else Path(__file__).resolve().parents[2] / "catalogs"


def safe_yaml(stream: Any) -> Any:
    """Parse one YAML document with the safe loader (what ``yaml.safe_load`` does, in C when it can)."""
    loader = _SAFE_LOADER(stream)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def read_yaml(path: str | Path) -> Any:
    """One YAML file: ``path`` as given if absolute, else relative to ``catalog_dir()``; parsed once per
    content (a changed file is parsed again: the key is its bytes)."""
    path = Path(path)
    if not path.is_absolute():
        path = catalog_dir() / path
    data = path.read_bytes()
    key = hashlib.sha256(_CACHE_KEY + b"\0" + data).hexdigest()
    pickled = _parsed.get(key)
    if pickled is None:
        pickled = _from_disk(key)
        if pickled is None:
            pickled = pickle.dumps(safe_yaml(data.decode("utf-8")), protocol=pickle.HIGHEST_PROTOCOL)
            _to_disk(key, pickled)
        _parsed[key] = pickled
    return pickle.loads(pickled)  # written by this module; on disk, checked against its own hash first


def cache_root() -> Path | None:
    """The folder for caches kept between runs: ``$GDC_CACHE_DIR``, else ``gdc-checker`` in the user's cache
    folder; None when ``GDC_CACHE_DIR`` is ``off``."""
    chosen = os.environ.get("GDC_CACHE_DIR", "")
    if chosen.lower() == "off":
        return None
    return Path(chosen) if chosen else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "gdc-checker"


def _cache_file(key: str) -> Path | None:
    root = cache_root()
    return None if root is None else root / "yaml" / f"{key}.pickle"


def _from_disk(key: str) -> bytes | None:
    """The pickled document cached under ``key``, or None (no cache, unreadable, or not what it claims)."""
    where = _cache_file(key)
    try:
        stored = where.read_bytes() if where is not None else None
    except OSError:
        return None
    head, _, pickled = (stored or b"").partition(b"\n")
    if head != f"{key} {hashlib.sha256(pickled).hexdigest()}".encode():
        return None  # absent, torn or altered: parse the text again
    return pickled


def _to_disk(key: str, pickled: bytes) -> None:
    """Keep a parsed document for the next run; a folder that cannot be written is no error."""
    where = _cache_file(key)
    if where is None:
        return
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=where.parent, delete=False, suffix=".tmp") as handle:
            handle.write(f"{key} {hashlib.sha256(pickled).hexdigest()}\n".encode() + pickled)
        os.replace(handle.name, where)  # whole or not at all: a reader never sees half a file
    except OSError as exc:
        log.debug("YAML cache not written in %s (%s)", where.parent, exc)
