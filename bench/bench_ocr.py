"""OCR of scanned pages: RapidOCR against Tesseract in the same run.

For each scanned PDF (the scanned samples, the scanned real documents under ../shared/realdata
and, with ``--docgen DIR``, the scanned documents of a bench/docgen folder) every engine reads
every page, the engines alternated page by page; reported per engine: CPU seconds per page (this
process and its threads for RapidOCR, the tesseract child for Tesseract, OMP_THREAD_LIMIT=1), wall
seconds per page, the same for the two dense real scans alone and for the other pages, the
slowest page's CPU seconds, and how many of the document's key
numbers appear in the OCR text (the truth's values for generated and sample documents, a fixed
list for the real ones). ``--variant KEY=VALUE ...`` adds RapidOCR with those settings changed
(rapidocr's parameter names, e.g. ``Rec.rec_batch_num=1``) and ``--variant-backend onnxruntime``
runs the variant on that backend, to measure a setting against the chosen ones in the same run
(the previous choice: ``--variant-backend onnxruntime --variant Rec.rec_batch_num=6``). Run:
``python bench/bench_ocr.py [--docgen DIR] [--engines rapidocr] [--variant Rec.rec_batch_num=1]``.
"""

from __future__ import annotations

import argparse
import ast
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
             ["SHAEC2210695901"],
             REAL / "declarations" / "Alpha_Corp_environmental_procedure_zh_TW_scanned.pdf":
             ["2006/122/EC", "1907/2006/EC", "SS-00259", "GGP-001-A", "62321", "3500", "35000"]}


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


def _squash(text: str) -> str:
    return re.sub(r"[\s,]", "", text)


def _setting(text: str) -> tuple[str, Any]:
    key, _, value = text.partition("=")
    if key.endswith(".engine_type"):  # rapidocr takes its enum there, not the name
        from rapidocr import EngineType

        return key, EngineType(value)
    try:
        return key, ast.literal_eval(value)
    except (ValueError, SyntaxError):
        return key, value


Reader = Callable[[pdfium.PdfDocument, int], list[Any]]


def _engines(names: list[str], variant: list[str], backend: str) -> dict[str, Reader]:
    engine = ocr.rapid_engine()
    if engine is None:
        sys.exit("RapidOCR is not installed")
    engines: dict[str, Reader] = {}
    if "rapidocr" in names:
        engines["rapidocr"] = lambda d, i: ocr.rapid_rows(d, i, engine)
    if variant or backend != ocr.rapid_backends()[0]:
        import rapidocr

        params = ocr.rapid_params(Path(rapidocr.__file__).parent / "models", backend) or {}
        other = rapidocr.RapidOCR(params=params | dict(_setting(item) for item in variant))
        engines["variant"] = lambda d, i: ocr.rapid_rows(d, i, other)
    if "tesseract" in names:
        engines["tesseract"] = ocr.tesseract_rows
    return engines


def main() -> None:
    """Every engine over every scanned document; a table and bench/out/bench_ocr.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docgen", type=Path, default=None)
    parser.add_argument("--engines", nargs="+", choices=("rapidocr", "tesseract"), default=["rapidocr", "tesseract"])
    parser.add_argument("--variant", nargs="*", default=[], metavar="KEY=VALUE")
    parser.add_argument("--variant-backend", choices=("openvino", "onnxruntime"), default=None,
                        help="the variant's inference backend (default: the chosen one)")
    args = parser.parse_args()
    engines = _engines(args.engines, args.variant, args.variant_backend or ocr.rapid_backends()[0])
    totals = {name: {"keys": 0, "found": 0, "cpu": 0.0, "pages": 0, "wall": 0.0, "dense_cpu": 0.0,
                     "dense_wall": 0.0, "dense_pages": 0, "max_cpu": 0.0} for name in engines}
    for path, keys in _documents(args.docgen):
        document = pdfium.PdfDocument(str(path))
        texts: dict[str, list[str]] = {name: [] for name in engines}
        try:
            for index in range(len(document)):
                for name, reader in engines.items():  # alternated page by page
                    _page(totals[name], texts[name], reader, document, index, dense=path in REAL_KEYS)
        finally:
            document.close()
        for name, lines in texts.items():
            squashed = _squash("\n".join(lines))
            found = sum(_squash(k) in squashed for k in keys)
            totals[name]["keys"] += len(keys)
            totals[name]["found"] += found
            print(f"{path.name[:50]:50} {name:9} {found}/{len(keys)} keys")
    for name, row in totals.items():
        pages, dense = max(row["pages"], 1), max(row["dense_pages"], 1)
        others = max(row["pages"] - row["dense_pages"], 1)
        print(f"{name:9} keys {row['found']}/{row['keys']}  CPU/page {row['cpu'] / pages:.2f} s  "
              f"wall/page {row['wall'] / pages:.2f} s  pages {row['pages']}  dense real scans: "
              f"CPU/page {row['dense_cpu'] / dense:.2f} s, wall/page {row['dense_wall'] / dense:.2f} s  "
              f"other pages: CPU/page {(row['cpu'] - row['dense_cpu']) / others:.2f} s  "
              f"slowest page: CPU {row['max_cpu']:.2f} s")
    (ROOT / "bench" / "out").mkdir(exist_ok=True)
    (ROOT / "bench" / "out" / "bench_ocr.json").write_text(json.dumps(totals, indent=1))


def _page(row: dict[str, Any], lines: list[str], reader: Callable[[pdfium.PdfDocument, int], list[Any]],
          document: pdfium.PdfDocument, index: int, *, dense: bool) -> None:
    """Read one page, adding its text to ``lines`` and its CPU and wall seconds to ``row``."""
    wall, cpu = time.perf_counter(), _cpu()
    lines.extend(r.text for r in reader(document, index))
    cpu, wall = _cpu() - cpu, time.perf_counter() - wall
    row["cpu"] += cpu
    row["wall"] += wall
    row["pages"] += 1
    row["max_cpu"] = max(row["max_cpu"], cpu)
    if dense:
        row["dense_cpu"] += cpu
        row["dense_wall"] += wall
        row["dense_pages"] += 1


if __name__ == "__main__":
    main()
