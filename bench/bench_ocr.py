"""OCR of scanned pages: RapidOCR against Tesseract in the same run.

For each scanned PDF (the scanned samples, the scanned real documents under ../shared/realdata
and, with ``--docgen DIR``, the scanned documents of a bench/docgen folder) both engines read
every page; reported per engine: CPU seconds per page (this process for RapidOCR, the tesseract
child for Tesseract, OMP_THREAD_LIMIT=1) and how many of the document's key numbers appear in
the OCR text (the truth's values for generated and sample documents, a fixed list for the real
ones). Run: ``python bench/bench_ocr.py [--docgen bench/out/docgen-1]``.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium  # noqa: E402

from checker.inputs.documents import ocr  # noqa: E402

REAL = ROOT.parent / "shared" / "realdata" / "rohs"
# Key numbers printed on the real scanned pages (read off the page images by a person).
REAL_KEYS = {REAL / "test_reports" / "SGS_SHAEC2210695901_Paralight_display_LED_cover_page_scanned.pdf":
             ["SHAEC2210695901"]}


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    child = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + child.ru_utime + child.ru_stime


def _keys(values: list[Any]) -> list[str]:
    out = []
    for value in values:
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, float):
            out.append(f"{value:g}")
        elif isinstance(value, (int, str)):
            out.append(str(value))
    return out


def _documents(docgen: Path | None) -> list[tuple[Path, list[str]]]:
    docs: list[tuple[Path, list[str]]] = []
    truth = json.loads((ROOT / "samples" / "documents" / "truth.json").read_text(encoding="utf-8"))
    for name, spec in truth.items():
        if spec.get("scanned"):
            docs.append((ROOT / "samples" / "documents" / name, _keys([f["value"] for f in spec["fields"].values()])))
    docs += [(path, keys) for path, keys in REAL_KEYS.items() if path.exists()]
    if docgen is not None:
        for spec in json.loads((docgen / "truth.json").read_text(encoding="utf-8")):
            if spec["scanned"]:
                values = [f["value"] for f in spec["fields"].values() if not f["nd"]] + [spec["model"]]
                docs.append((docgen / spec["file"], _keys(values)))
    return docs


def _read(path: Path, reader: Callable[[pdfium.PdfDocument, int], list[Any]]) -> tuple[str, float, int]:
    document = pdfium.PdfDocument(str(path))
    try:
        start = _cpu()
        text = "\n".join(r.text for i in range(len(document)) for r in reader(document, i))
        return text, _cpu() - start, len(document)
    finally:
        document.close()


def _squash(text: str) -> str:
    return re.sub(r"[\s,]", "", text)


def main() -> None:
    """Both engines over every scanned document; a table and bench/out/bench_ocr.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docgen", type=Path, default=None)
    args = parser.parse_args()
    engine = ocr.rapid_engine()
    if engine is None:
        sys.exit("RapidOCR is not installed")
    engines: dict[str, Callable[[pdfium.PdfDocument, int], list[Any]]] = {
        "rapidocr": lambda d, i: ocr.rapid_rows(d, i, engine), "tesseract": ocr.tesseract_rows}
    totals = {name: {"keys": 0, "found": 0, "cpu": 0.0, "pages": 0, "wall": 0.0} for name in engines}
    for path, keys in _documents(args.docgen):
        for name, reader in engines.items():
            wall = time.perf_counter()
            text, cpu, pages = _read(path, reader)
            squashed = _squash(text)
            found = sum(_squash(k) in squashed for k in keys)
            row = totals[name]
            row["keys"] += len(keys)
            row["found"] += found
            row["cpu"] += cpu
            row["pages"] += pages
            row["wall"] += time.perf_counter() - wall
            print(f"{path.name[:50]:50} {name:9} {found}/{len(keys)} keys  {cpu / pages:.2f} s CPU/page")
    for name, row in totals.items():
        print(f"{name:9} keys {row['found']}/{row['keys']}  CPU/page {row['cpu'] / max(row['pages'], 1):.2f} s  "
              f"pages {row['pages']}")
    (ROOT / "bench" / "out").mkdir(exist_ok=True)
    (ROOT / "bench" / "out" / "bench_ocr.json").write_text(json.dumps(totals, indent=1))


if __name__ == "__main__":
    main()
