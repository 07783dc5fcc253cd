"""Uploaded files: safe names and a temporary directory that is always removed.

An upload's name comes from the browser and is never used as a path: :func:`sanitise_name` keeps
only the last path component's letters, digits, ``-``, ``_`` and ``.`` (CJK letters included), and
:func:`staged` writes the bytes under a fresh :class:`tempfile.TemporaryDirectory`, removed when the
``with`` block ends, whatever happens inside it.
"""

from __future__ import annotations

import logging
import re
import tempfile
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

MAX_NAME = 100
_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)
_DOTS = re.compile(r"\.{2,}")


@dataclass(frozen=True)
class Upload:
    """One input file held in memory: its (display) name and its bytes."""

    name: str
    data: bytes


def sanitise_name(name: str, default: str = "upload") -> str:
    """A file name safe to create in a directory of our own: no separators, no ``..``, no control chars.

    The suffix is kept (lower-cased) so the pipeline can tell a PDF from a record or a catalog.
    """
    text = unicodedata.normalize("NFKC", name or "")
    text = text.replace("\\", "/").split("/")[-1]
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    text = _UNSAFE.sub("_", text.strip())
    text = _DOTS.sub(".", text).strip("._-")
    stem, dot, suffix = text.rpartition(".")
    if not dot:
        stem, suffix = text, ""
    suffix = suffix.lower()[:10]
    stem = stem.strip("._-")[: MAX_NAME - len(suffix) - 1] or default
    return f"{stem}.{suffix}" if suffix else stem


def unique_names(names: Sequence[str]) -> list[str]:
    """Sanitised names, made unique within one batch (``a.pdf``, ``a-2.pdf``, ...)."""
    seen: set[str] = set()
    result: list[str] = []
    for raw in names:
        name = sanitise_name(raw)
        stem, dot, suffix = name.rpartition(".")
        if not dot:
            stem, suffix = name, ""
        candidate, number = name, 1
        while candidate.lower() in seen:
            number += 1
            candidate = f"{stem}-{number}.{suffix}" if suffix else f"{stem}-{number}"
        seen.add(candidate.lower())
        result.append(candidate)
    return result


def safe_uploads(uploads: Sequence[Upload]) -> list[Upload]:
    """The same uploads under unique sanitised names (the names shown and used as sources)."""
    return [Upload(name, item.data) for name, item in zip(unique_names([u.name for u in uploads]), uploads,
                                                           strict=True)]


@contextmanager
def staged(uploads: Sequence[Upload]) -> Iterator[tuple[Path, list[Path]]]:
    """Write ``uploads`` (already sanitised, see :func:`safe_uploads`) into a temporary directory.

    Yields the directory and the file paths; the directory and everything in it is removed on exit.
    """
    with tempfile.TemporaryDirectory(prefix="gdc-upload-") as folder:
        root = Path(folder)
        paths: list[Path] = []
        for item in uploads:
            name = sanitise_name(item.name)
            path = root / name
            if path.resolve().parent != root.resolve():  # belt and braces: never outside our folder
                raise ValueError(f"unsafe file name {item.name!r}")
            path.write_bytes(item.data)
            paths.append(path)
        log.debug("staged %d file(s) in %s", len(paths), root)
        yield root, paths
    log.debug("removed %s", folder)


def sample_files(root: Path, suffixes: Sequence[str], base: Path) -> list[str]:
    """Files under ``root`` whose suffix is in ``suffixes`` (answer keys left out), as POSIX paths
    relative to ``base`` (``samples/records/server-SR2U.yaml``), sorted."""
    if not root.is_dir():
        return []
    found: list[str] = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix.lower() in suffixes and not _is_answer(path):
            found.append(path.relative_to(base).as_posix())
    return found


def _is_answer(path: Path) -> bool:
    """Answer keys beside the samples (``truth.json``, ``*.expected.json``) are not inputs."""
    return path.name == "truth.json" or path.name.endswith(".expected.json")


def read_sample(base: Path, relative: str, suffixes: Sequence[str]) -> list[Upload]:
    """A sample (a file, or the files of a folder ending in ``/`` whose suffix is in ``suffixes``) as
    uploads; only inside ``base``."""
    target = (base / relative).resolve()
    if base.resolve() not in target.parents and target != base.resolve():
        raise ValueError(f"{relative!r} is not a sample")
    if target.is_dir():
        return [Upload(p.name, p.read_bytes()) for p in sorted(target.iterdir())
                if p.is_file() and not _is_answer(p) and p.suffix.lower() in suffixes]
    return [Upload(target.name, target.read_bytes())]
