"""The same audit on a Dask distributed cluster (``checker audit --engine dask [--scheduler ADDRESS]``).

The inputs are read as by the local engine (PDFs become tasks, one per document, read on the
workers into records). The stacked frame is then cut into partitions; each partition is one
task that runs the same code as the local engine, :func:`checker.derive.derive_all` then
:func:`checker.engine.evaluate` over every clause the whole batch needs, and sends back only
its status and reason codes, values and limits. The parent joins the partitions into one
:class:`~checker.pipeline.Evaluated`, so every output format is the local engine's.

With no scheduler address a small LocalCluster is started for the run (two worker processes).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from checker.catalog import Catalog, Clause, load_catalog
from checker.derive import derive_all
from checker.engine import ClauseColumn, evaluate
from checker.errors import DistributedError
from checker.frame import Batch, conform
from checker.models import InputError, InputWarning
from checker.parallel import Outcome, read_one
from checker.pipeline import Evaluated, audit_inputs, drop_unknown_categories, input_batches, pdf_inputs, stack
from checker.units import conversion_factor

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


def _clauses_for(frame: pd.DataFrame, catalog: Catalog) -> list[Clause]:
    present = set(frame["category"].dropna().unique()) if len(frame) else set()
    return [clause for clause in catalog.clauses if present & set(clause.categories)]


def _join(parts: list[PartitionResult], clauses: list[Clause], catalog: Catalog) -> tuple[pd.DataFrame,
                                                                                          list[ClauseColumn]]:
    if len(parts) > 1:  # a side column one partition lacks reads as missing there (dtypes restored)
        frame = conform(pd.concat([part.frame for part in parts], ignore_index=True, sort=False), catalog)
    else:
        frame = parts[0].frame
    columns = []
    for number, clause in enumerate(clauses):
        spec = catalog.fields.get(clause.quantity) if clause.quantity else None
        factor = conversion_factor(spec.unit, clause.unit) if spec else 1.0
        joined = {name: np.concatenate([getattr(part, name)[number] for part in parts])
                  for name in ("status", "reason", "value", "limit")}
        columns.append(ClauseColumn(clause=clause, factor=factor, **joined))
    return frame, columns


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
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, memory_limit="1GiB",
                               dashboard_address=":0")
        return Client(cluster), cluster
    except (OSError, TimeoutError) as exc:
        raise DistributedError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: {exc}") from None


def read_documents_on(client: Any, paths: list[Path], category: str | None) -> dict[Path, Outcome]:
    """Each PDF read by one task on the cluster; a task that fails becomes that document's error."""
    futures = client.map(read_one, [str(path) for path in paths], [category] * len(paths), pure=False)
    results: dict[Path, Outcome] = {}
    for path, future in zip(paths, futures, strict=True):
        try:
            results[path] = future.result()
        except Exception as exc:  # noqa: BLE001 - a lost worker or task is that document's error row
            results[path] = f"{path}: the document task failed on the cluster ({type(exc).__name__})"
    return results


def audit_distributed(paths: Sequence[Path], as_of: date, category: str | None = None,
                      scheduler: str | None = None, partition_rows: int = PARTITION_ROWS) -> Evaluated:
    """``checker audit --engine dask``: the local audit's result, computed on a Dask cluster."""
    catalog = load_catalog()
    errors: list[InputError] = []
    warnings: list[InputWarning] = []
    client, cluster = connect(scheduler)
    try:
        inputs = audit_inputs(paths)
        pdfs = list(dict.fromkeys(pdf_inputs(inputs)))
        documents = read_documents_on(client, pdfs, category) if pdfs else {}
        batches = input_batches(inputs, catalog, category, errors, documents, warnings)
        batch = drop_unknown_categories(stack(batches, catalog), catalog, errors)
        clauses = _clauses_for(batch.frame, catalog)
        ids = [clause.id for clause in clauses]
        pieces = [client.scatter(batch.frame.iloc[part]) for part in partitions(len(batch.frame), partition_rows)]
        futures = [client.submit(evaluate_partition, piece, ids, as_of, pure=False) for piece in pieces]
        frame, columns = _join(client.gather(futures), clauses, catalog)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    batch = Batch(frame=frame, evidence=batch.evidence, sources=batch.sources)
    return Evaluated(batch=batch, columns=columns, errors=errors, as_of=as_of, catalog=catalog, warnings=warnings)
