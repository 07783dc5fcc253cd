"""Benchmark of a cold start (issue 17, row "checker check on a YAML record"); not a timed test.

Runs ``python -m checker check RECORD --format json`` and the import floor
``python -c "import pandas, pyarrow, pydantic, pint"`` alternately, each in a fresh process, and
prints the median wall and CPU time of each and their ratios (target: the checker within 1.2x the floor;
the CPU ratio is the steadier one on a shared machine). ``python -m checker`` pauses the garbage
collector while it imports, which the floor does not: the floor is also timed with the collector
paused, and that ratio (like for like) is printed beside the target's. The package is byte-compiled first
(``compileall``), as an installed package is: the floor's libraries are, and a run under
``PYTHONDONTWRITEBYTECODE`` would otherwise compile every checker module each time.

    python bench/bench_start.py [--runs 15] [--record samples/records/server-SR2U.yaml] [--root PATH]
"""

from __future__ import annotations

import argparse
import logging
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECKOUT = [ROOT]  # the checkout whose checker runs (--root)
FLOOR = [sys.executable, "-c", "import pandas, pyarrow, pydantic, pint"]
# The same imports with the garbage collector paused, as ``python -m checker`` pauses it while it imports
# (checker/__main__.py): the like-for-like floor, so that the pause is not counted as the checker's own speed.
FLOOR_PAUSED = [sys.executable, "-c", "import gc; gc.disable(); import pandas, pyarrow, pydantic, pint"]
log = logging.getLogger("bench_start")


def wall(command: list[str]) -> float:
    """Wall seconds of one command in a fresh process (exit 0 or 1 accepted: a verdict, not a failure)."""
    return timed(command)[0]


def timed(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, the child's) of one command in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    environment = {**os.environ, "PYTHONPATH": str(CHECKOUT[0])}
    done = subprocess.run(command, env=environment, cwd=CHECKOUT[0], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"failed: {' '.join(command)}\n{done.stderr[-2000:]}")
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--record", default="samples/records/server-SR2U.yaml")
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to run (main: figures before)")
    args = parser.parse_args()
    CHECKOUT[0] = args.root.resolve()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    checker = [sys.executable, "-m", "checker", "check", args.record, "--format", "json"]
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(CHECKOUT[0] / "checker")], check=True)
    wall(checker), wall(FLOOR)  # warm the file cache once
    ours: list[tuple[float, float]] = []
    floor: list[tuple[float, float]] = []
    paused: list[tuple[float, float]] = []
    for _ in range(args.runs):  # alternated, so that load on the machine falls on all alike
        ours.append(timed(checker))
        floor.append(timed(FLOOR))
        paused.append(timed(FLOOR_PAUSED))
    mine, mine_cpu = medians(ours)
    log.info("checker check %s: %.3f s wall, %.3f s CPU (medians of %d)", args.record, mine, mine_cpu, args.runs)
    for name, runs in (("import pandas, pyarrow, pydantic, pint", floor), ("the same, collector paused", paused)):
        bare, bare_cpu = medians(runs)
        log.info("%s: %.3f s wall, %.3f s CPU; ratio %.2f wall, %.2f CPU", name, bare, bare_cpu, mine / bare,
                 mine_cpu / bare_cpu)
    log.info("target: ratio <= 1.2 to the first floor; load average %.1f", os.getloadavg()[0])


def medians(runs: list[tuple[float, float]]) -> tuple[float, float]:
    """The median wall and the median CPU seconds of some runs."""
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


if __name__ == "__main__":
    main()
