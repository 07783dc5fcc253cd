"""The same audit on a Dask distributed cluster (``checker audit --engine dask [--scheduler ADDRESS]``).

The inputs are read as by the local engine (PDFs become tasks, a chunk of documents each, read on
the workers into records, each document within the time limit). The stacked frame is then cut into
partitions; each partition is one task that runs the same code as the local engine,
:func:`checker.engine.derive.derive_all` then :func:`checker.engine.evaluate.evaluate` over every clause the whole
batch needs, and sends back only its status and reason codes, values and limits. The parent joins the
partitions into one :class:`~checker.engine.run.Evaluated`, so every output format is the local engine's.

With no scheduler address a small LocalCluster is started for the run (two worker processes).
"""

from __future__ import annotations

import logging
import os
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from checker.catalog.clauses import Catalog, Clause, load_catalog
from checker.engine.derive import derive_all
from checker.engine.evaluate import ClauseColumn, clause_factor, clauses_for, evaluate
from checker.engine.frame import Batch, conform, stack
from checker.engine.run import Evaluated, drop_unknown_categories
from checker.errors import DistributedError
from checker.inputs.files import audit_inputs, pdf_inputs
from checker.inputs.parallel import Outcome
from checker.inputs.products import input_batches
from checker.models import InputError, InputWarning

log = logging.getLogger(__name__)
PARTITION_ROWS = 250_000


@dataclass
class PartitionResult:
    """What one partition task sends back: the derived frame's rows and each clause's arrays."""

    frame: pd.DataFrame
    status: list[npt.NDArray[np.int8]]
    reason: list[npt.NDArray[np.int8]]
    value: list[npt.NDArray[np.float64]]
    limit: list[npt.NDArray[np.float64]]


def evaluate_partition(frame: pd.DataFrame, clause_ids: list[str], as_of: date) -> PartitionResult:
    """One task: derive and evaluate the given clauses on one partition (the local engine's code)."""
    catalog = load_catalog()
    clauses = [catalog.clause(clause_id) for clause_id in clause_ids]
    frame = derive_all(frame.reset_index(drop=True), catalog, as_of)
    columns = evaluate(frame, catalog, as_of, clauses)
    return PartitionResult(frame=frame, status=[c.status for c in columns], reason=[c.reason for c in columns],
                           value=[np.ascontiguousarray(c.value) for c in columns],
                           limit=[np.ascontiguousarray(c.limit) for c in columns])


def partitions(rows: int, size: int = PARTITION_ROWS) -> list[slice]:
    """Row ranges of at most ``size`` rows covering ``rows``."""
    return [slice(start, min(start + size, rows)) for start in range(0, rows, size)] or [slice(0, 0)]


def _join(parts: list[PartitionResult], clauses: list[Clause], catalog: Catalog) -> tuple[pd.DataFrame,
                                                                                          list[ClauseColumn]]:
    if len(parts) > 1:  # a side column one partition lacks reads as missing there (dtypes restored)
        frame = conform(pd.concat([part.frame for part in parts], ignore_index=True, sort=False), catalog)
    else:
        frame = parts[0].frame
    columns = []
    for number, clause in enumerate(clauses):
        factor = clause_factor(clause, catalog)
        joined = {name: np.concatenate([getattr(part, name)[number] for part in parts])
                  for name in ("status", "reason", "value", "limit")}
        columns.append(ClauseColumn(clause=clause, factor=factor, **joined))
    return frame, columns


@contextmanager
def warnings_about_large_graphs_off() -> Iterator[None]:
    """Dask warns when a task carries its data; here that is the point (the data survives a lost worker)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*([Ll]arge object|large graph).*")
        yield


def connect(scheduler: str | None) -> tuple[Any, Any]:
    """A dask.distributed Client (and the LocalCluster it owns, or None)."""
    quiet = logging.getLogger().getEffectiveLevel() > logging.INFO
    if quiet:
        os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "error")  # for worker processes
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise DistributedError("--engine dask needs dask[distributed] (pip install 'gdc-checker[dist]')") from None
    if quiet:  # distributed logs at INFO from its import on: keep stderr to our one-line errors
        logging.getLogger("distributed").setLevel(logging.ERROR)
    try:
        if scheduler:
            return Client(scheduler, timeout="20s"), None
        import dask

        with dask.config.set({"distributed.worker.daemon": False}):  # a worker may start a reader process
            cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, memory_limit="1GiB",
                                   dashboard_address=":0")
        return Client(cluster), cluster
    except (OSError, TimeoutError) as exc:
        raise DistributedError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: {exc}") from None


def gather_in_time(client: Any, submit_all: Callable[[], list[Any]]) -> list[Any]:
    """The results of the tasks ``submit_all`` submits, within ``cluster_seconds``: a cluster that does not
    finish in time (a lost or stuck worker the scheduler still counts on) has its workers restarted and gets
    the tasks once more; a second miss is a one-line :class:`DistributedError`, never a wait without end."""
    from dask.distributed import wait

    from checker.inputs.guard import ENV_PREFIX, get_limits

    seconds = get_limits().cluster_seconds
    for attempt in (1, 2):
        futures = submit_all()
        try:
            wait(futures, timeout=seconds)
            return list(client.gather(futures))
        except TimeoutError:
            log.warning("the cluster did not finish in %g s (attempt %d): restarting its workers", seconds, attempt)
            client.cancel(futures)
            if attempt == 1:
                _restart(client)
    raise DistributedError(f"the Dask cluster did not finish the audit within {seconds:g} s, twice "
                           f"({ENV_PREFIX}CLUSTER_SECONDS)")


def _restart(client: Any) -> None:
    """Restart the cluster's workers (a stuck task goes with its worker)."""
    try:
        client.restart()
    except Exception as exc:  # noqa: BLE001 - a cluster that cannot restart is the audit's one-line error
        raise DistributedError(f"the Dask cluster could not restart its workers ({type(exc).__name__})") from None


def read_chunk(paths: list[str], category: str | None, seconds: float | None) -> dict[str, Outcome]:
    """One task: a chunk of PDFs read on a worker, each within ``seconds`` (the local engine's reader: a
    worker process of its own where the Dask worker may start one, as the app's threads do)."""
    from checker.inputs.parallel import read_documents

    found = read_documents([Path(p) for p in paths], category, workers=1, seconds=seconds, progress=False)
    return {str(path): outcome for path, outcome in found.items()}


def read_documents_on(client: Any, paths: list[Path], category: str | None,
                      seconds: float | None = None) -> dict[Path, Outcome]:
    """The PDFs read on the cluster in chunks (two per worker thread), each document within ``seconds``; a
    chunk whose task fails (a lost worker, twice) gives each of its documents an error row."""
    threads = max(1, sum(client.nthreads().values()))
    count = min(len(paths), 2 * threads)
    chunks = [paths[i::count] for i in range(count)]
    futures = [client.submit(read_chunk, [str(p) for p in chunk], category, seconds, pure=False, retries=1)
               for chunk in chunks]
    _wait_for_documents(futures, max(len(chunk) for chunk in chunks), seconds)
    results: dict[Path, Outcome] = {}
    for chunk, future in zip(chunks, futures, strict=True):
        try:
            if not future.done():
                future.cancel()
                raise TimeoutError
            found = future.result()
        except Exception as exc:  # noqa: BLE001 - a lost worker or task is its documents' error rows
            found = {str(path): f"{path}: the document task failed on the cluster ({type(exc).__name__})"
                     for path in chunk}
        results.update({path: found.get(str(path), f"{path}: not read on the cluster") for path in chunk})
    return {path: results[path] for path in paths}


def _wait_for_documents(futures: list[Any], chunk: int, seconds: float | None) -> None:
    """Wait for the document tasks as long as two chunks a worker thread take at the time limit (a task
    still running then, on a stuck or lost worker, gives its documents error rows)."""
    from dask.distributed import wait

    from checker.inputs.guard import document_seconds

    try:
        wait(futures, timeout=2 * chunk * (seconds or document_seconds()) + 120)
    except TimeoutError:
        log.warning("document tasks still running on the cluster after the time limit")


def audit_distributed(paths: Sequence[Path], as_of: date, category: str | None = None,
                      scheduler: str | None = None, partition_rows: int = PARTITION_ROWS,
                      seconds: float | None = None) -> Evaluated:
    """``checker audit --engine dask``: the local audit's result, computed on a Dask cluster.

    Each partition travels inside its task (not scattered ahead), so a task whose worker is lost is
    run again elsewhere (``retries``) instead of failing on data that went with the worker."""
    from checker.inputs.guard import document_seconds

    catalog = load_catalog()
    errors: list[InputError] = []
    warnings: list[InputWarning] = []
    client, cluster = connect(scheduler)
    try:
        inputs = audit_inputs(paths)
        pdfs = list(dict.fromkeys(pdf_inputs(inputs)))
        limit = document_seconds() if seconds is None else seconds
        documents = read_documents_on(client, pdfs, category, limit) if pdfs else {}
        batches = input_batches(inputs, catalog, category, errors, documents, warnings)
        batch = drop_unknown_categories(stack(batches, catalog), catalog, errors)
        clauses = clauses_for(set(batch.frame["category"].dropna().unique()), catalog)
        ids = [clause.id for clause in clauses]
        def submit_all() -> list[Any]:
            with warnings_about_large_graphs_off():
                return [client.submit(evaluate_partition, batch.frame.iloc[part], ids, as_of, pure=False, retries=2)
                        for part in partitions(len(batch.frame), partition_rows)]

        frame, columns = _join(gather_in_time(client, submit_all), clauses, catalog)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    batch = Batch(frame=frame, evidence=batch.evidence, sources=batch.sources)
    return Evaluated(batch=batch, columns=columns, errors=errors, as_of=as_of, catalog=catalog, warnings=warnings)
