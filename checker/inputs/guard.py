"""Safety limits on inputs, and the guard that applies them before a file is read.

The defaults are data (``catalogs/limits.yaml``); each can be overridden by an environment
variable ``GDC_<KEY>`` (``GDC_MAX_FILE_MB=200``). :func:`guard_file` refuses, with a one-line
:class:`LimitError`, what must never reach a parser: an empty or oversized file, content that is
not what its name says (a ``.pdf`` that is HTML, ZIP or PNG), a PDF with too many pages or absurd
page sizes, an XLSX whose ZIP inflates far beyond its size, a JSON/YAML file nested too deeply or
a YAML "billion laughs" whose aliases expand to millions of nodes.

The per-document time limit is ``get_limits().document_seconds``; the process pool enforces it.
"""

from __future__ import annotations

import json
import os
import re
import stat
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checker.catalog.files import catalog_dir, read_yaml
from checker.errors import UnusableInput
from checker.inputs.pdfstreams import InflateBudgetExceeded, inflated_size
from checker.models import first_problem

MB = 1_000_000
ENV_PREFIX = "GDC_"

_MAGIC: list[tuple[bytes, str]] = [
    (b"PK\x03\x04", "a ZIP archive"), (b"PK\x05\x06", "a ZIP archive"), (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"), (b"MZ", "a Windows program"),
    (b"\x7fELF", "a Linux program"), (b"\xd0\xcf\x11\xe0", "an old Office (OLE) file"),
    (b"\x1f\x8b", "a gzip archive"), (b"PAR1", "a Parquet file"), (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"), (b"%!PS", "a PostScript file"), (b"{\\rtf", "an RTF document"),
    (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"), (b"BM", "a BMP image"),
]
_TEXT_TYPES = {".csv": "CSV", ".tsv": "CSV", ".json": "JSON", ".yaml": "YAML", ".yml": "YAML"}
_RECORD_TYPES = {".json", ".yaml", ".yml"}
_ZIP_TYPES = {".xlsx", ".xlsm"}
# "12 0 obj" starting at the first digit of a run: linear, where a bare \d+ retried every digit of a
# 50 000-digit run of font data (quadratic: 17 s on a 4-page declaration).
_PDF_OBJECT = re.compile(rb"(?<![0-9])[0-9]{1,10}[ \t\r\n\f\x00]+[0-9]{1,10}[ \t\r\n\f\x00]+obj\b")
# A string (an unterminated one runs to the end of the text) or a bracket, in one left-to-right pass:
# every character is looked at once, whatever the quotes and backslashes (80 KB of \" took 68 s).
_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\[\s\S][^"\\]*)*(?:"|\\?$)|[\[\]{}]')


class LimitError(UnusableInput, ValueError):
    """An input refused before it is read; the message is the one-line reason."""


class Limits(BaseModel):
    """The limits of ``catalogs/limits.yaml`` (unknown keys are an error)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    max_file_mb: float = Field(gt=0)
    max_pages: int = Field(gt=0)
    document_seconds: float = Field(gt=0)
    record_seconds: float = Field(gt=0)
    cluster_seconds: float = Field(gt=0)
    max_page_side_pt: float = Field(gt=0)
    max_pdf_objects: int = Field(gt=0)
    max_pdf_inflated_mb: float = Field(gt=0)
    ocr_min_confidence: float = Field(ge=0, le=100)
    max_uncompressed_mb: float = Field(gt=0)
    max_zip_ratio: float = Field(gt=0)
    max_zip_members: int = Field(gt=0)
    max_record_mb: float = Field(gt=0)
    max_nesting: int = Field(gt=0)
    max_yaml_nodes: int = Field(gt=0)


@lru_cache(maxsize=4)
def _defaults(path: Path) -> dict[str, Any]:
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping of limits")
    return data


def get_limits(environ: dict[str, str] | None = None) -> Limits:
    """The limits in force: ``catalogs/limits.yaml`` with ``GDC_<KEY>`` environment overrides.

    A malformed override is an error naming the variable (never silently ignored).
    """
    env = os.environ if environ is None else environ
    values = dict(_defaults(catalog_dir() / "limits.yaml"))
    for name, info in Limits.model_fields.items():
        text = env.get(ENV_PREFIX + name.upper())
        if text is None or not text.strip():
            continue
        try:
            number: float = int(text) if info.annotation is int else float(text)
        except ValueError:
            raise LimitError(f"{ENV_PREFIX}{name.upper()}={text!r} is not a number") from None
        values[name] = number
    try:
        return Limits.model_validate(values)
    except ValidationError as exc:
        place, what = first_problem(exc)
        raise LimitError(f"limits: {place}: {what}") from None


def document_seconds() -> float:
    """The time one document may take to read (seconds), for the process pool."""
    return get_limits().document_seconds


def sniff(head: bytes) -> str | None:
    """What the first bytes of a file say it is ("a PDF", "an HTML page", ...), or None for plain text."""
    if b"%PDF-" in head[:1024]:
        return "a PDF"
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    start = head.lstrip()[:64].lower()
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return "an HTML page"
    if start.startswith(b"<?xml"):
        return "an XML file"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text with its BOM (Excel's "Unicode text")
        head = head[2:len(head) - len(head) % 2].decode("utf-16-le" if head[0] == 0xFF else "utf-16-be",
                                                          errors="replace").encode("utf-8")
    if b"\x00" in head:
        return "binary data"
    return None


def _mb(size: float) -> str:
    return f"{size / MB:.1f} MB" if size >= 100_000 else f"{size / MB:.3f} MB"


def _regular_file_size(path: Path) -> int:
    """The size of a regular file; anything else (a folder, a FIFO or device that would block a reader,
    a dangling symlink, a symlink loop, a missing path) is refused by name."""
    try:
        info = path.stat()
    except FileNotFoundError:
        kind = "a dangling symbolic link" if path.is_symlink() else "not found"
        raise LimitError(f"{path}: {kind}") from None
    except OSError as exc:  # ELOOP and the like
        raise LimitError(f"{path}: cannot be opened ({exc.strerror or type(exc).__name__})") from None
    if stat.S_ISDIR(info.st_mode):
        raise LimitError(f"{path}: is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        kind = "a FIFO (named pipe)" if stat.S_ISFIFO(info.st_mode) else "a device or socket"
        raise LimitError(f"{path}: {kind}, not a regular file; not read")
    return info.st_size


def guard_file(path: Path, limits: Limits | None = None) -> None:
    """Refuse ``path`` (raise :class:`LimitError`) when it must not reach a parser.

    Only the file's own bytes are looked at; names inside it are never used as paths.
    """
    limits = limits or get_limits()
    size = _regular_file_size(path)
    if size == 0:
        raise LimitError(f"{path}: empty file (0 bytes)")
    if size > limits.max_file_mb * MB:
        raise LimitError(f"{path}: file too large ({_mb(size)}; the limit is {limits.max_file_mb:g} MB, "
                         f"{ENV_PREFIX}MAX_FILE_MB)")
    with path.open("rb") as handle:
        head = handle.read(8192)
    kind = sniff(head)
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        if kind != "a PDF":
            raise LimitError(f"{path}: not a PDF: the content is {kind or 'text'}")
        _guard_pdf(path, limits)
    elif suffix in _ZIP_TYPES:
        if kind != "a ZIP archive":
            raise LimitError(f"{path}: not an XLSX workbook: the content is {kind or 'text'}")
        _guard_zip(path, limits)
    elif suffix == ".parquet":
        if not head.startswith(b"PAR1"):
            raise LimitError(f"{path}: not a Parquet file: the content is {kind or 'text'}")
    elif suffix in _TEXT_TYPES:
        if kind is not None:
            raise LimitError(f"{path}: not a {_TEXT_TYPES[suffix]} text file: the content is {kind}")
        if suffix in _RECORD_TYPES:
            _guard_record(path, size, limits)


def _guard_pdf(path: Path, limits: Limits) -> None:
    """Object count, inflated stream size, page count and page sizes (pdfium opens lazily; pages
    are not parsed)."""
    data = path.read_bytes()
    objects = sum(1 for _ in _PDF_OBJECT.finditer(data))
    if objects > limits.max_pdf_objects:
        raise LimitError(f"{path}: too many PDF objects ({objects}; the limit is {limits.max_pdf_objects}, "
                         f"{ENV_PREFIX}MAX_PDF_OBJECTS)")
    try:
        inflated_size(data, int(limits.max_pdf_inflated_mb * MB))
    except InflateBudgetExceeded:
        raise LimitError(f"{path}: PDF streams inflate to more than {limits.max_pdf_inflated_mb:g} MB "
                         f"(a decompression bomb? the limit is {ENV_PREFIX}MAX_PDF_INFLATED_MB)") from None
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(str(path))
    except Exception:  # noqa: BLE001 - encrypted or damaged: the reader gives the precise reason
        return
    try:
        pages = len(document)
        if pages > limits.max_pages:
            raise LimitError(f"{path}: too many pages ({pages}; the limit is {limits.max_pages}, "
                             f"{ENV_PREFIX}MAX_PAGES)")
        for index in range(pages):
            try:
                width, height = document.get_page_size(index)
            except Exception:  # noqa: BLE001 - a damaged page is the reader's to report
                continue
            if max(width, height) > limits.max_page_side_pt or min(width, height) <= 0:
                raise LimitError(f"{path}: page {index + 1} has an absurd size ({width:g} × {height:g} pt; "
                                 f"the limit is {limits.max_page_side_pt:g} pt, {ENV_PREFIX}MAX_PAGE_SIDE_PT)")
    finally:
        document.close()


def _guard_zip(path: Path, limits: Limits) -> None:
    """An XLSX is a ZIP: its declared member sizes bound what openpyxl will inflate."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise LimitError(f"{path}: damaged XLSX workbook ({str(exc).splitlines()[0] if str(exc) else 'bad ZIP'})"
                         ) from None
    if len(members) > limits.max_zip_members:
        raise LimitError(f"{path}: too many parts in the workbook ({len(members)}; the limit is "
                         f"{limits.max_zip_members})")
    inflated = sum(member.file_size for member in members)
    packed = max(1, sum(member.compress_size for member in members))
    if inflated > limits.max_uncompressed_mb * MB:
        raise LimitError(f"{path}: workbook inflates to {_mb(inflated)} (the limit is "
                         f"{limits.max_uncompressed_mb:g} MB, {ENV_PREFIX}MAX_UNCOMPRESSED_MB)")
    if inflated > MB and inflated / packed > limits.max_zip_ratio:
        raise LimitError(f"{path}: workbook is a ZIP bomb (inflates {inflated / packed:.0f}×; the limit is "
                         f"{limits.max_zip_ratio:g}×, {ENV_PREFIX}MAX_ZIP_RATIO)")


def _guard_record(path: Path, size: int, limits: Limits) -> None:
    """Size, nesting depth and (YAML) expanded node count of a record file."""
    if size > limits.max_record_mb * MB:
        raise LimitError(f"{path}: record file too large ({_mb(size)}; the limit is {limits.max_record_mb:g} MB, "
                         f"{ENV_PREFIX}MAX_RECORD_MB)")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return  # the record reader names the encoding problem
    if path.suffix.lower() == ".json":
        check_json_text(text, limits, str(path))
    else:
        check_yaml_text(text, limits, str(path))


def json_depth(text: str) -> int:
    """The deepest bracket nesting of JSON text (strings skipped), without parsing it."""
    depth = deepest = 0
    for match in _JSON_TOKEN.finditer(text):
        bracket = match.group(0)
        if bracket[0] == '"':
            continue
        if bracket in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def check_json_text(text: str, limits: Limits, source: str) -> None:
    """Refuse JSON nested deeper than the limit (the standard parser would recurse)."""
    depth = json_depth(text)
    if depth > limits.max_nesting:
        raise LimitError(f"{source}: JSON nested too deeply ({depth} levels; the limit is {limits.max_nesting}, "
                         f"{ENV_PREFIX}MAX_NESTING)")


def check_yaml_text(text: str, limits: Limits, source: str) -> None:
    """Refuse YAML nested too deeply or whose aliases expand beyond the node limit.

    The document is composed (safe loader, no object is constructed) and its node graph walked
    with aliases counted as often as they are used: a "billion laughs" is refused before
    ``yaml.safe_load`` builds, or a validator walks, its expansion.
    """
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except RecursionError:
        raise LimitError(f"{source}: YAML nested too deeply (the limit is {limits.max_nesting} levels)") from None
    except yaml.YAMLError:
        return  # the record reader reports the syntax error with its place
    if root is None:
        return
    sizes: dict[int, int] = {}

    def expanded(node: yaml.Node, depth: int) -> int:
        if depth > limits.max_nesting:
            raise LimitError(f"{source}: YAML nested too deeply (over {limits.max_nesting} levels, "
                             f"{ENV_PREFIX}MAX_NESTING)")
        known = sizes.get(id(node))
        if known is not None:
            return known
        total = 1
        if isinstance(node, yaml.SequenceNode):
            total += sum(expanded(child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            total += sum(expanded(key, depth + 1) + expanded(value, depth + 1) for key, value in node.value)
        if total > limits.max_yaml_nodes:
            raise LimitError(f"{source}: YAML expands to too many values (aliases; over {limits.max_yaml_nodes}, "
                             f"{ENV_PREFIX}MAX_YAML_NODES)")
        sizes[id(node)] = total
        return total

    expanded(root, 1)


def limits_summary(limits: Limits | None = None) -> str:
    """The limits in force as one JSON line (for logs and ``--debug``)."""
    return json.dumps((limits or get_limits()).model_dump())
