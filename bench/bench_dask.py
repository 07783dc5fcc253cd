"""Reliability and speed of ``--engine dask`` against the local engine (issue 17 item 7).

Runs the audit of one generated catalog ``--runs`` times on a fresh two-worker LocalCluster, and in every
other run kills a worker process while the partitions are being evaluated. Every run must give the local
engine's verdicts; the figures are the successes, the median time and the local engine's time.

    python bench/bench_dask.py [--rows 200000] [--runs 20] [--partition-rows 25000]
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import statistics
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from make_catalog import make_frame  # noqa: E402

from checker.pipeline import audit  # noqa: E402

AS_OF = date(2026, 11, 20)


def _verdicts(evaluated: Any) -> list[str]:
    """Per product: its id and its verdict."""
    from checker.engine.evaluate import verdicts

    ids = evaluated.batch.frame["id"].astype(str).tolist()
    return sorted(zip(ids, verdicts(evaluated.columns, len(ids)).tolist(), strict=True))


KILLED: list[float] = []  # when the last run's worker was killed (monotonic), if it was


def _kill_a_worker_soon(cluster: Any, delay: float) -> threading.Thread:
    """Kill one worker process ``delay`` seconds from now (the nanny restarts it, its data is gone)."""

    def kill() -> None:
        time.sleep(delay)
        pids = [w.process.process.pid for w in cluster.workers.values() if getattr(w, "process", None)]
        if pids:
            os.kill(pids[0], signal.SIGKILL)
            KILLED.append(time.monotonic())

    thread = threading.Thread(target=kill, daemon=True)
    thread.start()
    return thread


def one_run(path: Path, partition_rows: int, kill_after: float | None) -> tuple[list[Any] | None, float, str]:
    """One audit on a fresh cluster: (its verdicts or None, seconds, what went wrong)."""
    import dask
    from dask.distributed import LocalCluster

    from checker.distributed import audit_distributed

    with dask.config.set({"distributed.worker.daemon": False}), LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, memory_limit="2GiB", dashboard_address=":0") as cluster:
        started = time.perf_counter()
        KILLED.clear()
        if kill_after is not None:
            _kill_a_worker_soon(cluster, kill_after)
        try:
            result = audit_distributed([path], AS_OF, scheduler=cluster.scheduler_address,
                                       partition_rows=partition_rows)
        except Exception as exc:  # noqa: BLE001 - a failed run is the figure this benchmark counts
            return None, time.perf_counter() - started, f"{type(exc).__name__}: {exc}"[:200]
        killed_during = bool(KILLED)  # the audit returned after the kill: the worker went while it ran
        return _verdicts(result), time.perf_counter() - started, "killed during the run" if killed_during else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--partition-rows", type=int, default=25_000)
    parser.add_argument("--kill-after", type=float, default=3.0, help="seconds into every other run")
    args = parser.parse_args(argv)
    logging.getLogger("distributed").setLevel(logging.CRITICAL)
    folder = Path(tempfile.mkdtemp(prefix="gdc-dask-"))
    path = folder / "catalog.parquet"
    make_frame(args.rows).to_parquet(path)
    started = time.perf_counter()
    local = audit([path], AS_OF)
    local_seconds = time.perf_counter() - started
    expected = _verdicts(local)
    ok, kills, times, failures = 0, 0, [], []
    for run in range(args.runs):
        kill = args.kill_after if run % 2 else None
        found, seconds, message = one_run(path, args.partition_rows, kill)
        same = found == expected
        ok += int(same)
        kills += int(message == "killed during the run")
        if not same:
            failures.append(f"run {run + 1} ({'worker killed' if kill else 'no kill'}): "
                            f"{message or 'verdicts differ from the local engine'}")
        times.append(seconds)
        print(f"run {run + 1:>2}: {'ok ' if same else 'FAIL'} {seconds:6.1f} s"
              f"{f'  (a worker killed after {kill:g} s)' if message == 'killed during the run' else ''}", flush=True)
    median = statistics.median(times)
    print(f"\n{args.rows} rows, {args.runs} runs: {ok} gave the local verdicts ({kills} with a worker killed "
          f"mid-run); median {median:.1f} s on dask "
          f"vs {local_seconds:.1f} s local (ratio {median / local_seconds:.2f})")
    for line in failures:
        print("  " + line)
    return 0 if ok == args.runs else 1


if __name__ == "__main__":
    raise SystemExit(main())
