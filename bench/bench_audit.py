"""Benchmark of ``checker audit`` at scale (issue 5); not a timed test.

1. Server catalogs of 1,000,000 and 3,000,000 rows (bench/make_catalog.py, kept in bench/out/ROWS/), CSV
   and Parquet: ``checker audit catalog --format parquet --out ...`` against the bare pandas pipeline
   (bench/bare_pipeline.py), each run as a separate process, the two alternated run by run so a busy
   moment falls on both; the median wall time, the ratio and the peak resident memory of each.
   Targets (issue 17): CSV and Parquet at most 1.0× the bare pipeline and no more peak memory than it.
2. ``--pdfs N``: N PDFs (the text-layer samples, linked over and over) read with 1 and 2 workers, one run
   each (bench/bench_workers.py alternates them and takes medians).

Wall time inside a sandbox may run at a different speed from real time: read the ratios.

    python bench/bench_audit.py [--rows 1000000 3000000] [--kinds csv parquet] [--pdfs 0] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
SAMPLES = ROOT / "samples" / "documents"
GIB = 2**30
# The input guard refuses files over 50 MB by default (catalogs/limits.yaml); a million-row CSV is ~65 MB.
ENV = {**os.environ, "GDC_MAX_FILE_MB": "1000",
       "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
_PEAK = ("import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "
         "use = resource.getrusage(resource.RUSAGE_CHILDREN); print(use.ru_maxrss, use.ru_utime + use.ru_stime); "
         "sys.exit(0 if code in (0, 1) else code)")


def run(command: list[str]) -> tuple[float, int, float]:
    """Wall seconds, peak resident bytes and CPU seconds (user + system, all threads) of one command, run in
    its own process."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _PEAK, *command], env=ENV, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{done.stderr[-2000:]}")
    peak, cpu = done.stdout.strip().splitlines()[-1].split()
    return seconds, int(peak) * (1 if sys.platform == "darwin" else 1024), float(cpu)


def summary(samples: list[tuple[float, int, float]]) -> dict[str, Any]:
    """Median wall and CPU time and the highest peak memory of some runs."""
    return {"seconds": statistics.median(s for s, _, _ in samples), "peak_bytes": max(p for _, p, _ in samples),
            "cpu_seconds": statistics.median(c for _, _, c in samples), "runs": [round(s, 3) for s, _, _ in samples]}


def checker_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "checker", *args]  # as the checker script runs it (checker.__main__)


def source_folder(rows: int) -> Path:
    """bench/out/ROWS/ with the catalog of ``rows`` rows as CSV and Parquet (made once)."""
    folder = OUT / str(rows)
    if _rows(folder / "catalog.parquet") != rows or not (folder / "catalog.csv").exists():
        subprocess.run([sys.executable, str(BENCH / "make_catalog.py"), "--rows", str(rows), "--out", str(folder)],
                       check=True)
    return folder


def catalogs(rows: int, runs: int, kinds: tuple[str, ...] = ("csv", "parquet")) -> dict[str, dict[str, Any]]:
    """Checker against the bare pipeline on the CSV and Parquet catalog, alternated run by run."""
    folder = source_folder(rows)
    results: dict[str, dict[str, Any]] = {}
    for kind in kinds:
        source = folder / f"catalog.{kind}"
        ours = checker_command("audit", str(source), "--format", "parquet", "--out",
                               str(folder / f"verdicts-{kind}.parquet"))
        bare = [sys.executable, str(BENCH / "bare_pipeline.py"), str(source), str(folder / f"bare-{kind}.parquet")]
        mine: list[tuple[float, int, float]] = []
        theirs: list[tuple[float, int, float]] = []
        for number in range(runs):
            for which in ((ours, mine), (bare, theirs)) if number % 2 == 0 else ((bare, theirs), (ours, mine)):
                which[1].append(run(which[0]))
        checker, floor = summary(mine), summary(theirs)
        results[kind] = {"checker": checker, "bare": floor,
                         "ratio": checker["seconds"] / floor["seconds"],
                         "cpu_ratio": checker["cpu_seconds"] / floor["cpu_seconds"],
                         "memory_ratio": checker["peak_bytes"] / floor["peak_bytes"]}
    return results


def _rows(path: Path) -> int:
    """Rows of an existing Parquet catalog (−1 when there is none)."""
    import pyarrow.parquet as pq

    return pq.ParquetFile(path).metadata.num_rows if path.exists() else -1


def pdf_corpus(count: int) -> Path:
    """``count`` PDFs in bench/out/pdfs (links to the text-layer samples, round robin)."""
    folder = OUT / "pdfs"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    sources = sorted(p for p in SAMPLES.glob("*.pdf") if "scan" not in p.name)
    for number in range(count):
        source = sources[number % len(sources)]
        (folder / f"{number:04d}-{source.name}").symlink_to(source)
    return folder


def documents(count: int) -> dict[str, dict[str, float]]:
    """Documents per second with 1 and 2 workers (one run each)."""
    folder = pdf_corpus(count)
    results: dict[str, dict[str, float]] = {}
    for workers in (1, 2):
        seconds, peak, _ = run(checker_command("audit", str(folder), "--format", "parquet", "--out",
                                            str(OUT / f"pdfs-{workers}.parquet"), "--workers", str(workers)))
        results[str(workers)] = {"seconds": seconds, "documents_per_second": count / seconds, "peak_bytes": peak}
    return results


def table(results: dict[str, Any]) -> str:
    """The results as a plain text table."""
    lines = [f"{'rows':>9} {'input':<8} {'checker s':>10} {'bare s':>8} {'ratio':>6} {'CPU s':>11} {'CPU ratio':>9} "
             f"{'checker MiB':>12} {'bare MiB':>9} {'memory':>7}"]
    for rows, kinds in results.get("catalogs", {}).items():
        for kind, item in kinds.items():
            lines.append(f"{rows:>9} {kind:<8} {item['checker']['seconds']:>10.2f} {item['bare']['seconds']:>8.2f} "
                         f"{item['ratio']:>5.2f}x "
                         f"{item['checker']['cpu_seconds']:>5.1f}/{item['bare']['cpu_seconds']:<5.1f} "
                         f"{item['cpu_ratio']:>8.2f}x {item['checker']['peak_bytes'] / 2**20:>12.0f} "
                         f"{item['bare']['peak_bytes'] / 2**20:>9.0f} {item['memory_ratio']:>6.2f}x")
    for workers, item in results.get("documents", {}).items():
        lines.append(f"PDFs, {workers} worker(s): {item['seconds']:.1f} s, {item['documents_per_second']:.1f} docs/s, "
                     f"peak {item['peak_bytes'] / 2**20:.0f} MiB")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000_000, 3_000_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pdfs", type=int, default=0, help="PDFs read with 1 and 2 workers (0: skip)")
    parser.add_argument("--skip-catalogs", action="store_true")
    parser.add_argument("--kinds", nargs="+", choices=("csv", "parquet"), default=["csv", "parquet"],
                        help="which catalog files to measure")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    results: dict[str, object] = {"rows": args.rows, "pdfs": args.pdfs, "cpus": os.cpu_count(),
                                  "load_average": os.getloadavg()[0]}
    if not args.skip_catalogs:
        results["catalogs"] = {str(rows): catalogs(rows, args.runs, tuple(args.kinds)) for rows in args.rows}
    if args.pdfs:
        results["documents"] = documents(args.pdfs)
    (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    print(f"load average {os.getloadavg()[0]:.1f} at the end; written {OUT / 'results.json'}")


if __name__ == "__main__":
    main()
