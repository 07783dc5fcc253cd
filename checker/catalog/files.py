"""Where the catalog files are and how they are read: one place for every loader.

``catalog_dir()`` honours ``$GDC_CATALOGS`` (a folder laid out like ``catalogs/``); ``read_yaml``
parses a file in it with the safe loader (libyaml when present). The clause catalog, the field
vocabulary, the document vocabulary, the comparison words, the grade tables, the input limits and
the T/CA305 catalog all find their files here.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: the catalog loads 10× faster


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
    """One YAML file: ``path`` as given if absolute, else relative to ``catalog_dir()``."""
    path = Path(path)
    if not path.is_absolute():
        path = catalog_dir() / path
    with path.open(encoding="utf-8") as handle:
        return safe_yaml(handle)
