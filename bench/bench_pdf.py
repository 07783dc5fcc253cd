"""Benchmark of the document reader (checker.inputs.documents.read_pdf).

In one run:
1. the reader over the samples corpus (samples/documents, truth.json): pages/s and field-level
   precision / recall;
2. the bare alternative over the same corpus: pdfplumber words + extract_tables on EVERY page,
   the same field matching (rows → Extractor → finalize): pages/s and the speed-up. Timing is
   whole-corpus passes, the two pipelines alternating, the number parser's string caches cleared
   before every pass; the median of 3 passes (``--repeats N``) is reported, wall and CPU seconds
   of this process (all passes are in the JSON);
3. the real Cummins generator sheets against cummins_datasheets_TRUTH_extracted.csv: rated power
   and full-load fuel of the chosen rating (prime when its fuel is printed, else standby);
4. the time to read the 20-page report.

Prints a small table and writes bench/out/bench_pdf.json. Run: ``python bench/bench_pdf.py``.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import math
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import pdfplumber

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.inputs.documents import DocumentError, clear_caches, read_pdf  # noqa: E402
from checker.inputs.documents.candidates import Emitter, finalize  # noqa: E402
from checker.inputs.documents.detect import detect_category  # noqa: E402
from checker.inputs.documents.extract import Extractor  # noqa: E402
from checker.inputs.documents.generator import generator_candidates  # noqa: E402
from checker.inputs.documents.text import Cell, Glyph, Row, rows_from_glyphs  # noqa: E402
from checker.inputs.documents.vocabulary import load_vocabulary  # noqa: E402
from checker.models import Fact  # noqa: E402
from checker.units import convert  # noqa: E402

SAMPLES = ROOT / "samples" / "documents"
REAL = (ROOT / ".." / "shared" / "realdata" / "generator").resolve()
OUT = ROOT / "bench" / "out"


def bare_read(path: Path) -> tuple[list[Fact], int]:
    """The bare alternative: pdfplumber text and tables on every page, same field matching."""
    vocab = load_vocabulary()
    pages_rows: list[list[Row]] = []
    texts: list[str] = []
    with pdfplumber.open(path) as pdf:
        for index, page in enumerate(pdf.pages):
            words = page.extract_words()
            glyphs = [Glyph(w["text"], w["x0"], w["x1"], w["top"], w["bottom"]) for w in words]
            rows = rows_from_glyphs(glyphs, index + 1)
            if index < 3:  # only the first pages' text is used (category detection)
                texts.append(page.extract_text() or "")
            for table in page.extract_tables():
                for cells in table:
                    texts_ = [" ".join(str(c).split()) for c in cells if c]
                    if texts_:
                        rows.append(Row([Cell(t, i * 100.0, i * 100.0 + 90) for i, t in enumerate(texts_)],
                                        index + 1, origin="table"))
            pages_rows.append(rows)
    category = detect_category(vocab, "\n".join(texts[:3]), pages_rows[0] if pages_rows else [])
    extractor = Extractor(vocab, str(path), category)
    emitter = Emitter(vocab, str(path), category)
    cands = []
    for rows in pages_rows:
        if category in (None, "generator"):
            cands.extend(generator_candidates(vocab, rows, emitter))
        cands.extend(extractor.block(rows))
    device_class = next((str(c.fact.value) for c in cands if c.field == "device_class"), None)
    facts, _ = finalize(cands, vocab, category, device_class)
    return facts, len(pages_rows)


def _matches(fact: Fact, truth: dict[str, Any]) -> bool:
    expected = truth.get("value")
    qualifier = truth.get("qualifier", "")
    if qualifier == "nd" or fact.qualifier == "nd":
        return qualifier == fact.qualifier
    if qualifier == "lt":
        return fact.qualifier == "lt" and isinstance(fact.value, float) and \
            math.isclose(fact.value, float(str(expected).lstrip("<")), rel_tol=1e-6)
    if isinstance(expected, bool) or isinstance(fact.value, bool):
        return fact.value == expected
    if isinstance(expected, str):
        return str(fact.value).strip().lower() == expected.strip().lower()
    if isinstance(fact.value, (int, float)) and isinstance(expected, (int, float)):
        try:
            value = convert(float(fact.value), fact.unit, truth.get("unit") or "")
        except ValueError:
            return False
        return math.isclose(value, float(expected), rel_tol=2e-3, abs_tol=1e-9)
    return False


def score(facts: list[Fact], truth: dict[str, Any]) -> tuple[int, int, int, list[str]]:
    """(true positives, emitted, expected, problems) for one document."""
    fields = {k: v for k, v in truth["fields"].items() if k not in ("model", "manufacturer")}
    problems: list[str] = []
    emitted = 0
    hit: set[str] = set()
    seen: set[tuple[str, str]] = set()
    for fact in facts:
        key = (fact.field, f"{fact.value}|{fact.unit}|{fact.qualifier}")
        if key in seen:
            continue
        seen.add(key)
        emitted += 1
        if fact.field in fields and _matches(fact, fields[fact.field]):
            hit.add(fact.field)
        else:
            problems.append(f"extra {fact.field}={fact.value} {fact.unit} {fact.qualifier}")
    problems += [f"missed {f}={v.get('raw')}" for f, v in fields.items() if f not in hit]
    return len(hit), emitted, len(fields), problems


def _timed_pass(files: list[Path], read: Any) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) of one pass over ``files``."""
    clear_caches()
    start, cpu = time.perf_counter(), time.process_time()
    for path in files:
        with contextlib.suppress(DocumentError):
            read(path)
    return time.perf_counter() - start, time.process_time() - cpu


def _timing(files: list[Path], repeats: int) -> dict[str, Any]:
    """Whole-corpus passes, reader and bare alternating, caches cleared before each; median of
    ``repeats`` (wall time, and CPU time beside it: on a shared machine the CPU seconds show what
    waiting for a core added). Every pass reads every file, so the two pipelines see the same work."""
    reader, bare, reader_cpu, bare_cpu = [], [], [], []
    for _ in range(repeats):
        wall, cpu = _timed_pass(files, read_pdf)
        reader.append(wall)
        reader_cpu.append(cpu)
        wall, cpu = _timed_pass(files, bare_read)
        bare.append(wall)
        bare_cpu.append(cpu)
    return {"reader_seconds": statistics.median(reader), "bare_seconds": statistics.median(bare),
            "reader_cpu_seconds": statistics.median(reader_cpu), "bare_cpu_seconds": statistics.median(bare_cpu),
            "reader_runs": reader, "bare_runs": bare, "reader_cpu_runs": reader_cpu, "bare_cpu_runs": bare_cpu}


def corpus(repeats: int = 3) -> dict[str, Any]:
    """Reader vs bare over the samples corpus: accuracy per document, then timed passes."""
    truth = json.loads((SAMPLES / "truth.json").read_text(encoding="utf-8"))
    out: dict[str, Any] = {"documents": {}}
    totals = {"reader": [0, 0, 0, 0.0, 0], "bare": [0, 0, 0, 0.0, 0]}  # tp, emitted, expected, s, pages
    load_vocabulary()  # load once before timing
    text_files, report_files = [], []
    for name, spec in sorted(truth.items()):
        path = SAMPLES / name
        try:
            doc = read_pdf(path)
            facts, pages = doc.facts, doc.pages
        except DocumentError as exc:
            facts, pages = [], spec.get("pages", 0)
            print(f"  {name}: DocumentError {exc}")
        tp, emitted, expected, problems = score(facts, spec)
        entry: dict[str, Any] = {"reader": {"tp": tp, "emitted": emitted, "expected": expected,
                                            "problems": problems}}
        t = totals["reader"]
        t[0] += tp
        t[1] += emitted
        t[2] += expected
        if not spec.get("scanned"):
            text_files.append(path)
            t[4] += pages
            if pages >= 5:
                report_files.append(path)
            bare_facts, bare_pages = bare_read(path)
            btp, bemitted, bexpected, bproblems = score(bare_facts, spec)
            b = totals["bare"]
            b[0] += btp
            b[1] += bemitted
            b[2] += bexpected
            b[4] += bare_pages
            entry["bare"] = {"tp": btp, "emitted": bemitted, "problems": bproblems}
        out["documents"][name] = entry
    timing = _timing(text_files, repeats)
    totals["reader"][3] = timing["reader_seconds"]
    totals["bare"][3] = timing["bare_seconds"]
    out["timing"] = timing
    for label, (tp, emitted, expected, seconds, pages) in totals.items():
        out[label] = {"precision": tp / emitted if emitted else 0.0, "recall": tp / expected if expected else 0.0,
                      "pages": pages, "seconds": seconds, "pages_per_s": pages / seconds if seconds else 0.0}
    out["speedup"] = out["reader"]["pages_per_s"] / out["bare"]["pages_per_s"] if out["bare"]["pages_per_s"] else 0
    out["speedup_cpu"] = timing["bare_cpu_seconds"] / timing["reader_cpu_seconds"] if timing["reader_cpu_seconds"] \
        else 0
    reports = _timing(report_files, repeats)
    out["timing_reports"] = reports
    out["speedup_reports"] = reports["bare_seconds"] / reports["reader_seconds"] if reports["reader_seconds"] else 0
    out["speedup_reports_cpu"] = (reports["bare_cpu_seconds"] / reports["reader_cpu_seconds"]
                                  if reports["reader_cpu_seconds"] else 0)
    out["report_pages"] = sum(doc_pages(p) for p in report_files)
    long = sorted(SAMPLES.glob("*20p*.pdf"))
    if long:
        start = time.perf_counter()
        doc = read_pdf(long[0])
        out["report_20p"] = {"file": long[0].name, "pages": doc.pages, "seconds": time.perf_counter() - start}
    return out


def doc_pages(path: Path) -> int:
    """Page count of ``path``."""
    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def real_generators(repeats: int = 3) -> dict[str, Any]:
    """Rated power and full-load fuel of the chosen rating on the 50 real Cummins sheets."""
    rows = list(csv.DictReader((REAL / "cummins_datasheets_TRUTH_extracted.csv").open(encoding="utf-8")))
    power_ok = fuel_ok = 0
    misses = []
    for row in rows:
        doc = read_pdf(REAL / "cummins_cat_datasheets" / row["file"])
        prime_fuel = row["fuel_Lph_prime_25_50_75_100"].split()
        prime = bool(prime_fuel) and prime_fuel[-1] != "N.A."
        kw = float(row["prime_kWe"] if prime else row["standby_kWe"])
        fuel = float((prime_fuel if prime else row["fuel_Lph_standby_25_50_75_100"].split())[-1])
        got_kw = [f.value for f in doc.facts if f.field == "rated_power"]
        got_fuel = [f.value for f in doc.facts if f.field == "fuel_flow_100"]
        power_ok += got_kw == [kw]
        fuel_ok += got_fuel == [fuel]
        if got_kw != [kw] or got_fuel != [fuel]:
            misses.append(f"{row['file']}: expected {kw} kW / {fuel} L/h, got {got_kw} / {got_fuel}")
    n = len(rows)
    files = [REAL / "cummins_cat_datasheets" / r["file"] for r in rows]
    pages = sum(doc_pages(path) for path in files)
    timing = _timing(files, repeats)
    seconds, bare_seconds = timing["reader_seconds"], timing["bare_seconds"]
    return {"files": n, "pages": pages, "rated_power": power_ok / n, "fuel_full": fuel_ok / n, "misses": misses,
            "seconds": seconds, "bare_seconds": bare_seconds, "speedup": bare_seconds / seconds, "timing": timing,
            "speedup_cpu": timing["bare_cpu_seconds"] / timing["reader_cpu_seconds"]}


def _seconds(timing: dict[str, Any], label: str) -> str:
    return f"{timing[label + '_seconds']:.2f} / {timing[label + '_cpu_seconds']:.2f}"


def main() -> None:
    """Run everything, print the table, write bench/out/bench_pdf.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="timed passes of each side (the median is reported)")
    args = parser.parse_args()
    results: dict[str, Any] = {}
    if (SAMPLES / "truth.json").exists():
        results["corpus"] = corpus(args.repeats)
    if REAL.exists():
        results["real_generators"] = real_generators(args.repeats)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "bench_pdf.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"{'measure':44} {'value':>12} {'target':>10}")
    if "corpus" in results:
        c = results["corpus"]
        for label in ("reader", "bare"):
            print(f"{label + ' pages/s (text PDFs)':44} {c[label]['pages_per_s']:12.1f}")
            print(f"{label + ' seconds wall / CPU (median)':44} {_seconds(c['timing'], label):>12}")
            target = ">= 0.98" if label == "reader" else ""
            print(f"{label + ' precision':44} {c[label]['precision']:12.3f} {target:>10}")
            print(f"{label + ' recall':44} {c[label]['recall']:12.3f} {target:>10}")
        print(f"{'speed-up reader / bare (all text PDFs)':44} {c['speedup']:12.1f} {'>= 5':>10}")
        print(f"{'speed-up by CPU seconds (all text PDFs)':44} {c['speedup_cpu']:12.1f}")
        print(f"{'speed-up on reports of 5+ pages':44} {c['speedup_reports']:12.1f} {'>= 5':>10}")
        print(f"{'speed-up by CPU seconds (5+ pages)':44} {c['speedup_reports_cpu']:12.1f}")
        for label in ("reader", "bare"):
            print(f"{label + ' seconds wall / CPU (5+ pages)':44} {_seconds(c['timing_reports'], label):>12}")
        if "report_20p" in c:
            print(f"{'20-page report (s)':44} {c['report_20p']['seconds']:12.2f} {'< 2':>10}")
        for name, entry in c["documents"].items():
            for problem in entry["reader"]["problems"]:
                print(f"  {name}: {problem}")
    if "real_generators" in results:
        g = results["real_generators"]
        print(f"{'real Cummins: rated power right':44} {g['rated_power']:12.3f} {'>= 0.95':>10}")
        print(f"{'real Cummins: full-load fuel right':44} {g['fuel_full']:12.3f} {'>= 0.95':>10}")
        print(f"{'real Cummins: reader pages/s':44} {g['pages'] / g['seconds']:12.1f}")
        print(f"{'real Cummins: speed-up reader / bare':44} {g['speedup']:12.1f} {'>= 5':>10}")
        print(f"{'real Cummins: speed-up by CPU seconds':44} {g['speedup_cpu']:12.1f}")
        for miss in g["misses"]:
            print("  " + miss)
    print(f"results: {OUT / 'bench_pdf.json'}")


if __name__ == "__main__":
    main()
