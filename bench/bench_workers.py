"""Benchmark of ``checker audit --workers 2`` against one worker on text PDFs (issue 17 item 4); not a timed test.

Two folders of symbolic links, built in bench/out/: ``samples`` (the text-layer samples of
samples/documents, one page each, round robin) and ``real`` (the text PDFs of ../shared/realdata:
Cummins generator sheets and RoHS declarations, several pages each). For each, the whole
``checker audit FOLDER --format parquet --out ...`` process is run with ``--workers 1`` and
``--workers 2``, alternated so a busy moment falls on both, and the median wall times and their
ratio are printed with the load average (target: two workers at least 1.7x one).

    python bench/bench_workers.py [--docs 200] [--runs 5] [--corpus samples real] [--root PATH]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
REAL = ROOT.parent / "shared" / "realdata"
CHECKOUT = [ROOT]  # the checkout whose checker runs (--root)


def environment() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(CHECKOUT[0])}


def sources(corpus: str) -> list[Path]:
    """The PDFs a corpus repeats: never a scan (OCR is another benchmark)."""
    if corpus == "samples":
        return sorted(p for p in (ROOT / "samples" / "documents").glob("*.pdf") if "scan" not in p.name)
    found = sorted((REAL / "generator" / "cummins_cat_datasheets").glob("*.pdf"))
    found += sorted(p for p in (REAL / "rohs" / "declarations").glob("*.pdf") if "scan" not in p.name)
    return found


def folder(corpus: str, count: int) -> Path:
    """``count`` links to the corpus's PDFs, round robin, in a fresh folder."""
    where = OUT / f"workers-{corpus}"
    shutil.rmtree(where, ignore_errors=True)
    where.mkdir(parents=True)
    pdfs = sources(corpus)
    if not pdfs:
        raise SystemExit(f"no PDFs for corpus {corpus!r}")
    for number in range(count):
        source = pdfs[number % len(pdfs)]
        (where / f"{number:04d}-{source.name}").symlink_to(source.resolve())
    return where


def wall(command: list[str]) -> float:
    """Wall seconds of one whole process (exit 0 or 1 is a verdict, not a failure)."""
    started = time.perf_counter()
    done = subprocess.run(command, env=environment(), cwd=CHECKOUT[0], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"failed: {' '.join(command)}\n{done.stderr[-2000:]}")
    return seconds


def bench(corpus: str, count: int, runs: int) -> None:
    where = folder(corpus, count)
    times: dict[int, list[float]] = {1: [], 2: []}
    for run in range(runs):
        order = (1, 2) if run % 2 == 0 else (2, 1)
        for workers in order:
            out = OUT / f"workers-{corpus}-{workers}.parquet"
            times[workers].append(wall([sys.executable, "-m", "checker", "audit", str(where), "--format", "parquet",
                                        "--out", str(out), "--workers", str(workers)]))
    one, two = statistics.median(times[1]), statistics.median(times[2])
    print(f"{corpus:<8} {count} text PDFs: --workers 1 {one:6.2f} s   --workers 2 {two:6.2f} s   "
          f"ratio {one / two:.2f}x (target >= 1.7)   runs 1: {[round(t, 2) for t in times[1]]} "
          f"2: {[round(t, 2) for t in times[2]]}   load {os.getloadavg()[0]:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", nargs="+", default=["samples", "real"], choices=["samples", "real"])
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to run (main: figures before)")
    args = parser.parse_args()
    CHECKOUT[0] = args.root.resolve()
    print(f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f} at the start")
    for corpus in args.corpus:
        bench(corpus, args.docs, args.runs)


if __name__ == "__main__":
    main()
