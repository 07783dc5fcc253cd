"""Benchmark of every ``checker audit`` output format against the Parquet output of the same audit
(issues 14 item 6, 17 item 2); not a timed test.

For each size (default 100 000 and 1 000 000 rows of bench/make_catalog.py's server catalog), each
format is written by ``checker audit catalog.parquet --format F --out ...`` in its own process; the
wall time, the ratio to the Parquet run and the peak resident memory (``getrusage`` of the child) are
printed. Targets: XLSX of 100 000 products < 30 s; JSON, HTML, XLSX within 3× Parquet; every format
under 2 GiB at a million rows.

``--root`` runs another checkout (say the main branch, for the figures before a change); ``--formats``
and ``--timeout`` limit a run (a format over the time limit is reported as such, not waited for).

    python bench/bench_outputs.py [--rows 100000 1000000] [--formats parquet json ...] [--root PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out" / "outputs"
GIB = 2**30
FORMATS = ("parquet", "csv", "json", "ndjson", "html", "xlsx", "text")
_PEAK = ("import resource, subprocess, sys; code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(0 if code in (0, 1) else code)")


def environment(root: Path) -> dict[str, str]:
    """The checkout ``root`` first on the path; the 50 MB input guard raised for a million-row catalog."""
    return {**os.environ, "GDC_MAX_FILE_MB": "1000", "PYTHONPATH": str(root)}


def run(command: list[str], root: Path, timeout: float) -> dict[str, float | str]:
    """Wall seconds and peak resident bytes of one command in its own process (or why it has none)."""
    started = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-c", _PEAK, *command], env=environment(root), cwd=root,
                              capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"over {timeout:g} s"}
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1][:200]}
    peak = int(done.stdout.strip().splitlines()[-1]) * (1 if sys.platform == "darwin" else 1024)
    return {"seconds": seconds, "peak_bytes": peak}


def catalog(rows: int) -> Path:
    """The server catalog of ``rows`` rows (made once, kept in bench/out/outputs/ROWS/)."""
    folder = OUT / str(rows)
    path = folder / "catalog.parquet"
    if not path.exists():
        subprocess.run([sys.executable, str(BENCH / "make_catalog.py"), "--rows", str(rows), "--out", str(folder)],
                       check=True)
    return path


def measure(rows: int, formats: list[str], root: Path, timeout: float) -> dict[str, dict[str, float | str]]:
    """Each format's figures for one catalog size, Parquet first (the reference)."""
    source = catalog(rows)
    results: dict[str, dict[str, float | str]] = {}
    for fmt in ["parquet", *(f for f in formats if f != "parquet")]:
        out = OUT / str(rows) / f"report.{fmt}"
        command = [sys.executable, "-m", "checker", "audit", str(source), "--format", fmt, "--out", str(out)]
        results[fmt] = run(command, root, timeout)
        if "seconds" in results[fmt] and "seconds" in results["parquet"]:
            results[fmt]["ratio"] = float(results[fmt]["seconds"]) / float(results["parquet"]["seconds"])
        print(f"{rows:>9} {fmt:<8} {_line(results[fmt])}", flush=True)
    return results


def _line(item: dict[str, float | str]) -> str:
    if "error" in item:
        return f"{'—':>9} {'—':>6} {'—':>9}  {item['error']}"
    peak = float(item["peak_bytes"])
    return (f"{float(item['seconds']):>8.1f}s {float(item.get('ratio', 1.0)):>5.1f}× {peak / 2**20:>8.0f}M"
            f"{'' if peak < 2 * GIB else '  OVER 2 GiB'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--formats", nargs="+", default=list(FORMATS), choices=FORMATS)
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to run (default: this one)")
    parser.add_argument("--timeout", type=float, default=3600.0, help="seconds a format may take")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    print(f"{'rows':>9} {'format':<8} {'time':>9} {'ratio':>6} {'peak RSS':>9}   (ratio: to Parquet in this run)")
    results = {str(rows): measure(rows, args.formats, args.root.resolve(), args.timeout) for rows in args.rows}
    target = OUT / f"results-{args.root.resolve().name}.json"
    target.write_text(json.dumps({"root": str(args.root), "cpus": os.cpu_count(), "results": results}, indent=2)
                      + "\n", encoding="utf-8")
    print(f"written {target}")


if __name__ == "__main__":
    main()
