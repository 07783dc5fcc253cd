"""Benchmark of a cold start (issue 17, row "checker check on a YAML record"); not a timed test.

Runs ``python -m checker check RECORD --format json`` and the import floor
``python -c "import pandas, pyarrow, pydantic, pint"`` alternately, each in a fresh process, and
prints the median wall time of each and their ratio (target: the checker within 1.2x the floor). The
package is byte-compiled first (``compileall``), as an installed package is: the floor's libraries are,
and a run under ``PYTHONDONTWRITEBYTECODE`` would otherwise compile every checker module each time.

    python bench/bench_start.py [--runs 15] [--record samples/records/server-SR2U.yaml]
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
FLOOR = [sys.executable, "-c", "import pandas, pyarrow, pydantic, pint"]
log = logging.getLogger("bench_start")


def wall(command: list[str]) -> float:
    """Wall seconds of one command in a fresh process (exit 0 or 1 accepted: a verdict, not a failure)."""
    started = time.perf_counter()
    done = subprocess.run(command, env=ENV, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"failed: {' '.join(command)}\n{done.stderr[-2000:]}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--record", default="samples/records/server-SR2U.yaml")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    checker = [sys.executable, "-m", "checker", "check", args.record, "--format", "json"]
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "checker")], check=True)
    wall(checker), wall(FLOOR)  # warm the file cache once
    ours: list[float] = []
    floor: list[float] = []
    for _ in range(args.runs):  # alternated, so that load on the machine falls on both alike
        ours.append(wall(checker))
        floor.append(wall(FLOOR))
    mine, bare = statistics.median(ours), statistics.median(floor)
    log.info("checker check %s: %.3f s (median of %d)", args.record, mine, args.runs)
    log.info("import pandas, pyarrow, pydantic, pint: %.3f s", bare)
    log.info("ratio %.2f (target <= 1.2)", mine / bare)


if __name__ == "__main__":
    main()
