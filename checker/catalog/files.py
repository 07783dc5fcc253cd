"""Where the catalog files are and how they are read: one place for every loader.

``catalog_dir()`` honours ``$GDC_CATALOGS`` (a folder laid out like ``catalogs/``); ``read_yaml``
parses a file in it with the safe loader (libyaml when present) and keeps what it parsed, keyed by
the file's bytes, as JSON (dates and non-text keys tagged; data only): in this process, and in the
cache folder (``GDC_CACHE_DIR``, else the user's cache folder; ``off`` for none) so the next run skips
the parse. The clause catalog, the field vocabulary, the document vocabulary, the comparison words,
the grade tables, the input limits and the T/CA305 catalog all find their files here.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: the catalog loads 10× faster
_CACHE_KEY = f"yaml {yaml.__version__} {_SAFE_LOADER.__name__} json 1".encode()
_DATE, _ITEMS = "\u0000date", "\u0000items"  # tags no YAML key of a catalog holds
_parsed: dict[str, str] = {}  # content key -> the parsed document as JSON (each caller gets its own copy)
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
    text = _parsed.get(key)
    if text is None:
        text = _from_disk(key)
        if text is None:
            document = safe_yaml(data.decode("utf-8"))
            try:
                text = json.dumps(_tagged(document), ensure_ascii=False)
            except (TypeError, ValueError):  # a value JSON cannot hold (a time of day, binary): not kept
                return document
            _to_disk(key, text)
        _parsed[key] = text
    return json.loads(text, object_hook=_untagged)


def _tagged(value: Any) -> Any:
    """A parsed YAML document as JSON can hold it: dates and mappings with keys other than text tagged."""
    if isinstance(value, dict):
        if all(isinstance(k, str) for k in value):
            return {k: _tagged(v) for k, v in value.items()}
        return {_ITEMS: [[_tagged(k), _tagged(v)] for k, v in value.items()]}
    if isinstance(value, list):
        return [_tagged(v) for v in value]
    if isinstance(value, datetime.datetime):
        raise TypeError("a time of day is not kept")  # never cached as a plain date
    if isinstance(value, datetime.date):
        return {_DATE: value.isoformat()}
    return value


def _untagged(mapping: dict[str, Any]) -> Any:
    if len(mapping) == 1:
        if _DATE in mapping:
            return datetime.date.fromisoformat(mapping[_DATE])
        if _ITEMS in mapping:
            return {k: v for k, v in mapping[_ITEMS]}
    return mapping


def cache_root() -> Path | None:
    """The folder for caches kept between runs: ``$GDC_CACHE_DIR``, else ``gdc-checker`` in the user's cache
    folder; None when ``GDC_CACHE_DIR`` is ``off``."""
    chosen = os.environ.get("GDC_CACHE_DIR", "")
    if chosen.lower() == "off":
        return None
    return Path(chosen) if chosen else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "gdc-checker"


def _cache_file(key: str) -> Path | None:
    root = cache_root()
    return None if root is None else root / "yaml" / f"{key}.json"


def _from_disk(key: str) -> str | None:
    """The JSON cached under ``key``, or None (no cache, unreadable, or not what it claims to be)."""
    where = _cache_file(key)
    try:
        stored = where.read_text(encoding="utf-8") if where is not None else None
    except (OSError, UnicodeError):
        return None
    head, _, text = (stored or "").partition("\n")
    if head != f"{key} {hashlib.sha256(text.encode()).hexdigest()}":
        return None  # absent, torn or altered: parse the YAML again
    return text


def _to_disk(key: str, text: str) -> None:
    """Keep a parsed document for the next run; a folder that cannot be written is no error."""
    where = _cache_file(key)
    if where is None:
        return
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=where.parent, delete=False,
                                         suffix=".tmp") as handle:
            handle.write(f"{key} {hashlib.sha256(text.encode()).hexdigest()}\n{text}")
        os.replace(handle.name, where)  # whole or not at all: a reader never sees half a file
    except OSError as exc:
        log.debug("YAML cache not written in %s (%s)", where.parent, exc)
