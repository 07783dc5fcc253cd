"""Benchmark of ``checker audit`` at scale (issue 5); not a timed test.

1. A 1,000,000-row server catalog (bench/make_catalog.py), CSV and Parquet: ``checker audit
   catalog --format parquet --out ...`` against the bare pandas pipeline (bench/bare_pipeline.py),
   each run as a separate process, median of three wall times and the peak resident memory.
   Targets: the checker within 2× the bare pipeline, under 1.5 GiB.
2. 1,000 PDFs (the text-layer samples, linked over and over) read with 1 and 2 workers.

Wall time inside a sandbox may run at a different speed from real time: read the ratios.

    python bench/bench_audit.py [--rows 1000000] [--pdfs 1000] [--runs 3]
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

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
SAMPLES = ROOT / "samples" / "documents"
GIB = 2**30
# The input guard refuses files over 50 MB by default (catalogs/limits.yaml); a million-row CSV is ~65 MB.
ENV = {**os.environ, "GDC_MAX_FILE_MB": "1000",
       "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
_PEAK = ("import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(0 if code in (0, 1) else code)")


def run(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak resident bytes of one command, run in its own process."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _PEAK, *command], env=ENV, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{done.stderr[-2000:]}")
    peak = int(done.stdout.strip().splitlines()[-1])
    return seconds, peak * (1 if sys.platform == "darwin" else 1024)


def median_of(command: list[str], runs: int) -> dict[str, float]:
    """Median wall time and the highest peak memory over ``runs`` runs."""
    samples = [run(command) for _ in range(runs)]
    return {"seconds": statistics.median(s for s, _ in samples), "peak_bytes": max(p for _, p in samples),
            "runs": [round(s, 3) for s, _ in samples]}


def checker_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "checker.cli", *args]


def catalogs(rows: int, runs: int) -> dict[str, dict[str, object]]:
    """Checker against the bare pipeline on the CSV and Parquet catalog."""
    if _rows(OUT / "catalog.parquet") != rows or not (OUT / "catalog.csv").exists():
        subprocess.run([sys.executable, str(BENCH / "make_catalog.py"), "--rows", str(rows)], check=True)
    results: dict[str, dict[str, object]] = {}
    for kind in ("csv", "parquet"):
        source = OUT / f"catalog.{kind}"
        checker = median_of(checker_command("audit", str(source), "--format", "parquet", "--out",
                                            str(OUT / f"verdicts-{kind}.parquet")), runs)
        bare = median_of([sys.executable, str(BENCH / "bare_pipeline.py"), str(source),
                          str(OUT / f"bare-{kind}.parquet")], runs)
        results[kind] = {"checker": checker, "bare": bare, "ratio": checker["seconds"] / bare["seconds"],
                         "memory_ok": checker["peak_bytes"] < 1.5 * GIB}
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
        seconds, peak = run(checker_command("audit", str(folder), "--format", "parquet", "--out",
                                            str(OUT / f"pdfs-{workers}.parquet"), "--workers", str(workers)))
        results[str(workers)] = {"seconds": seconds, "documents_per_second": count / seconds, "peak_bytes": peak}
    return results


def table(results: dict[str, object]) -> str:
    """The results as a plain text table."""
    lines = [f"{'input':<10} {'checker s':>10} {'bare s':>8} {'ratio':>6} {'checker MiB':>12} {'bare MiB':>9}"]
    for kind, item in results.get("catalogs", {}).items():  # type: ignore[union-attr]
        lines.append(f"{kind:<10} {item['checker']['seconds']:>10.2f} {item['bare']['seconds']:>8.2f} "
                     f"{item['ratio']:>6.2f} {item['checker']['peak_bytes'] / 2**20:>12.0f} "
                     f"{item['bare']['peak_bytes'] / 2**20:>9.0f}")
    for workers, item in results.get("documents", {}).items():  # type: ignore[union-attr]
        lines.append(f"PDFs, {workers} worker(s): {item['seconds']:.1f} s, {item['documents_per_second']:.1f} docs/s, "
                     f"peak {item['peak_bytes'] / 2**20:.0f} MiB")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pdfs", type=int, default=1000, help="0 to skip the PDF part")
    parser.add_argument("--skip-catalogs", action="store_true")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    results: dict[str, object] = {"rows": args.rows, "pdfs": args.pdfs, "cpus": os.cpu_count()}
    if not args.skip_catalogs:
        results["catalogs"] = catalogs(args.rows, args.runs)
    if args.pdfs:
        results["documents"] = documents(args.pdfs)
    (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    print(f"written {OUT / 'results.json'}")


if __name__ == "__main__":
    main()
