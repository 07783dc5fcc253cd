"""Benchmark of the default test run (issue 17 item 8: ``python -m pytest`` under two minutes); not a timed test.

Runs, alternated, the default set (``python -m pytest -q``, the ``slow`` tests left out by pyproject's
addopts) and its floor, the same collection without running a test (``--collect-only``: interpreter,
imports, conftest and collection), each in a fresh process; prints the median wall time of each,
their ratio, the target and the ten slowest tests of the last full run, with the load average.

    python bench/bench_tests.py [--runs 1]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 120.0
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
BASE = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]


def run(extra: list[str]) -> tuple[float, str]:
    """Wall seconds and output of one pytest process (a failing test is reported, not hidden)."""
    started = time.perf_counter()
    done = subprocess.run([*BASE, *extra], env=ENV, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 5):
        tail = "\n".join(done.stdout.strip().splitlines()[-5:])
        print(f"pytest {' '.join(extra)} exited {done.returncode}:\n{tail}", file=sys.stderr)
    return seconds, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    full: list[float] = []
    floor: list[float] = []
    output = ""
    for _ in range(args.runs):
        seconds, output = run(["--durations=10"])
        full.append(seconds)
        floor.append(run(["--collect-only"])[0])
    ours, bare = statistics.median(full), statistics.median(floor)
    summary = next((line for line in reversed(output.splitlines()) if re.search(r"\d+ passed", line)), "")
    print(f"default pytest run: {ours:.1f} s ({summary.strip('= ')})   collection only: {bare:.1f} s   "
          f"ratio {ours / bare:.1f}x   target < {TARGET:g} s: {'met' if ours < TARGET else 'NOT met'}   "
          f"load {os.getloadavg()[0]:.1f}")
    slowest = output.split("slowest 10 durations", 1)[-1].strip().splitlines()[1:11] if "slowest" in output else []
    for line in slowest:
        print("  " + line)


if __name__ == "__main__":
    main()
