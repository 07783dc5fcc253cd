"""Benchmark of every ``checker audit`` output format against the Parquet output of the same audit
(issues 14 item 6, 17 item 2); not a timed test.

For each size (default 100 000 and 1 000 000 rows of bench/make_catalog.py's server catalog), each
format is written by ``checker audit catalog.parquet --format F --out ...`` in its own process; the
wall and CPU seconds (user + system, threads included), their ratios to the Parquet run and the peak resident
memory (``getrusage`` of the child) are printed, with Parquet's own figures beside them, and the wall seconds
this disk takes to write as many bytes as the report alone (plain 8 MiB writes, right after the report).
Targets: XLSX of 100 000 products < 30 s; JSON, HTML, XLSX within 3× Parquet; every format
under 2 GiB at a million rows.

Each format's run is paired with a Parquet run just before it (``--runs N`` pairs, medians), so the ratio
is taken against Parquet at the same moment on a shared machine. ``--root`` runs another checkout (say the
main branch, for the figures before a change); ``--formats`` and ``--timeout`` limit a run (a format over
the time limit is reported as such, not waited for).

    python bench/bench_outputs.py [--rows 100000 1000000] [--formats parquet json ...] [--runs 3] [--root PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out" / "outputs"
GIB = 2**30
FORMATS = ("parquet", "csv", "json", "ndjson", "html", "xlsx", "text", "json.gz", "ndjson.gz")  # .gz: --out NAME.gz
_PEAK = ("import resource, subprocess, sys; code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
         "usage = resource.getrusage(resource.RUSAGE_CHILDREN); "
         "print(usage.ru_utime + usage.ru_stime, usage.ru_maxrss); "
         "sys.exit(0 if code in (0, 1) else code)")


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
    cpu, peak = done.stdout.strip().splitlines()[-1].split()
    return {"seconds": seconds, "cpu_seconds": float(cpu),
            "peak_bytes": int(peak) * (1 if sys.platform == "darwin" else 1024)}


def write_floor(size: int, folder: Path) -> float:
    """Wall seconds to write ``size`` bytes (8 MiB at a time) into a new file in ``folder`` and close it: what
    this disk alone costs a report of that size, right after the report was written (so a busy moment of the
    disk falls on both)."""
    block = b"0" * (8 << 20)
    path = folder / "floor.bin"
    started = time.perf_counter()
    with path.open("wb", buffering=0) as sink:
        for start in range(0, size, len(block)):
            sink.write(block[: min(len(block), size - start)])
    seconds = time.perf_counter() - started
    path.unlink()
    return seconds


def catalog(rows: int) -> Path:
    """The server catalog of ``rows`` rows (made once, kept in bench/out/outputs/ROWS/)."""
    folder = OUT / str(rows)
    path = folder / "catalog.parquet"
    if not path.exists():
        subprocess.run([sys.executable, str(BENCH / "make_catalog.py"), "--rows", str(rows), "--out", str(folder)],
                       check=True)
    return path


def measure(rows: int, formats: list[str], root: Path, timeout: float, runs: int) -> dict[str, dict[str, float | str]]:
    """Each format's figures for one catalog size: each run of a format follows a run of Parquet (the reference),
    so a busy moment falls on both; medians of ``runs`` runs, the ratio to Parquet's median of the same pairs."""
    source = catalog(rows)
    results: dict[str, dict[str, float | str]] = {}

    def once(fmt: str) -> dict[str, float | str]:
        out = OUT / str(rows) / f"report.{fmt}"
        done = run([sys.executable, "-m", "checker", "audit", str(source), "--format", fmt.removesuffix(".gz"),
                    "--out", str(out)], root, timeout)
        if "seconds" in done and fmt != "parquet":
            done["floor"] = write_floor(out.stat().st_size, out.parent)
        return done

    for fmt in [f for f in formats if f != "parquet"] or ["parquet"]:
        pairs = [(once("parquet"), once(fmt)) for _ in range(runs)]
        reference = _median([p for p, _ in pairs])
        results[fmt] = _median([f for _, f in pairs])
        floors = [float(f["floor"]) for _, f in pairs if "floor" in f]
        if floors:
            results[fmt]["floor"] = statistics.median(floors)
        if "seconds" in results[fmt] and "seconds" in reference:
            results[fmt]["ratio"] = float(results[fmt]["seconds"]) / float(reference["seconds"])
            results[fmt]["cpu_ratio"] = float(results[fmt]["cpu_seconds"]) / float(reference["cpu_seconds"])
            results[fmt]["parquet"] = reference
        print(f"{rows:>9} {fmt:<8} {_line(results[fmt])}   parquet {_line(reference, False)}", flush=True)
    return results


def _median(items: list[dict[str, float | str]]) -> dict[str, float | str]:
    """The median time and the highest peak of some runs (the first error, if any run failed)."""
    failed = [item for item in items if "error" in item]
    if failed:
        return failed[0]
    return {"seconds": statistics.median(float(item["seconds"]) for item in items),
            "cpu_seconds": statistics.median(float(item["cpu_seconds"]) for item in items),
            "peak_bytes": max(float(item["peak_bytes"]) for item in items)}


def _line(item: dict[str, Any], ratios: bool = True) -> str:
    """Wall and CPU seconds (and their ratios to Parquet), peak RSS."""
    if "error" in item:
        return f"{'—':>8} {'—':>6} {'—':>8} {'—':>6} {'—':>8}  {item['error']}"
    peak = float(item["peak_bytes"])
    wall, cpu = f"{float(item['seconds']):>7.1f}s", f"{float(item['cpu_seconds']):>7.1f}s"
    if ratios:
        wall += f" {float(item.get('ratio', 1.0)):>5.1f}×"
        cpu += f" {float(item.get('cpu_ratio', 1.0)):>5.1f}×"
    floor = f"  (writing as many bytes alone: {float(item['floor']):.1f}s)" if "floor" in item else ""
    return f"{wall} {cpu} {peak / 2**20:>7.0f}M{'' if peak < 2 * GIB else '  OVER 2 GiB'}{floor}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--formats", nargs="+", default=list(FORMATS), choices=FORMATS)
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to run (default: this one)")
    parser.add_argument("--timeout", type=float, default=3600.0, help="seconds a format may take")
    parser.add_argument("--runs", type=int, default=1, help="Parquet/format pairs per format (medians)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    print(f"{'rows':>9} {'format':<8} {'wall':>8} {'ratio':>6} {'CPU':>8} {'ratio':>6} {'peak RSS':>8}   "
          "parquet wall, CPU, peak RSS (ratios: to Parquet in this run)")
    root = args.root.resolve()
    results = {str(rows): measure(rows, args.formats, root, args.timeout, args.runs) for rows in args.rows}
    target = OUT / f"results-{args.root.resolve().name}.json"
    target.write_text(json.dumps({"root": str(args.root), "cpus": os.cpu_count(), "results": results}, indent=2)
                      + "\n", encoding="utf-8")
    print(f"written {target}")


if __name__ == "__main__":
    main()
