"""OCR of scanned pages: pypdfium2 renders the page, its ruled lines are removed
(:mod:`checker.documents.rules`), the ``tesseract`` binary reads it.

Tesseract is called through subprocess (TSV output, eng+chi_sim when installed) with a timeout;
its words become :class:`~checker.documents.text.Row` objects marked ``ocr=True``.
"""

from __future__ import annotations

import csv
import io
import logging
import os
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

import pypdfium2 as pdfium

from checker.documents.rules import remove_rules
from checker.documents.text import Glyph, Row, rows_from_glyphs

log = logging.getLogger(__name__)

# Tesseract page segmentation: 6 = one uniform block of text. With the rules removed it keeps a
# table row on one line (3, automatic, split "1级 | 1级 | 合格" into fragments on the sample scans).
_PAGE_SEGMENTATION = "6"

MISSING_MESSAGE = "scanned PDF needs Tesseract OCR (apt-get install tesseract-ocr tesseract-ocr-chi-sim)"


@lru_cache(maxsize=1)
def tesseract_path() -> str | None:
    """Path of the tesseract binary, or None when it is not installed."""
    return shutil.which("tesseract")


@lru_cache(maxsize=1)
def languages() -> str:
    """The tesseract language string: eng plus chi_sim when that model is installed."""
    exe = tesseract_path()
    if exe is None:
        return "eng"
    try:
        done = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "eng"
    installed = set(done.stdout.split())
    return "eng+chi_sim" if "chi_sim" in installed else "eng"


def ocr_page(document: pdfium.PdfDocument, index: int, *, dpi: int = 300, timeout: float = 120.0) -> list[Row]:
    """Render page ``index`` (0-based) at ``dpi`` and read it with tesseract into rows.

    Raises RuntimeError when tesseract is missing, fails or times out.
    """
    exe = tesseract_path()
    if exe is None:
        raise RuntimeError(MISSING_MESSAGE)
    page = document[index]
    try:
        bitmap = page.render(scale=dpi / 72.0, grayscale=True)
        image = remove_rules(bitmap.to_pil(), dpi)
    finally:
        page.close()
    with tempfile.TemporaryDirectory(prefix="gdc-ocr-") as tmp:
        png = Path(tmp) / "page.png"
        image.save(png)
        try:
            done = subprocess.run([exe, str(png), "stdout", "-l", languages(), "--psm", _PAGE_SEGMENTATION, "tsv"],
                                  capture_output=True, text=True, timeout=timeout, check=False,
                                  env={**os.environ, "OMP_THREAD_LIMIT": "1"})  # one thread: half the CPU
        except subprocess.TimeoutExpired as exc:
            raise RuntimeError(f"tesseract timed out after {timeout:.0f} s on page {index + 1}") from exc
    if done.returncode != 0:
        raise RuntimeError(f"tesseract failed on page {index + 1}: {done.stderr.strip()[:200]}")
    return rows_from_tsv(done.stdout, index + 1)


def rows_from_tsv(tsv: str, page: int) -> list[Row]:
    """Turn tesseract TSV output into rows: the words of one tesseract line form one row (a
    skewed scan keeps its lines), split into cells where the gap between words is wide."""
    lines: dict[tuple[str, str, str], list[Glyph]] = {}
    reader = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    for rec in reader:
        text = (rec.get("text") or "").strip()
        if not text or rec.get("level") != "5":
            continue
        try:
            left, top = float(rec["left"]), float(rec["top"])
            width, height = float(rec["width"]), float(rec["height"])
            confidence = float(rec.get("conf") or 0.0)
        except (KeyError, TypeError, ValueError):
            continue
        key = (rec.get("block_num") or "", rec.get("par_num") or "", rec.get("line_num") or "")
        lines.setdefault(key, []).append(Glyph(text, left, left + width, top, top + height, confidence=confidence))
    glyphs: list[Glyph] = []
    for words in lines.values():
        tops = sorted(g.top for g in words)
        bottoms = sorted(g.bottom for g in words)
        top, bottom = tops[len(tops) // 2], bottoms[len(bottoms) // 2]
        glyphs.extend(Glyph(g.text, g.x0, g.x1, top, bottom, confidence=g.confidence) for g in words)
    return rows_from_glyphs(glyphs, page, ocr=True, cell_gap=1.6)
