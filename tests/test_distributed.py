"""The Dask engine (issue 5) gives the local engine's output: the sample catalog, records and a
generated 20,000-row catalog, on a LocalCluster."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("dask.distributed")
from dask.distributed import LocalCluster

from checker.cli import main
from checker.distributed import audit_distributed, partitions
from checker.outputs.report import write_output
from checker.pipeline import audit

ROOT = Path(__file__).resolve().parents[1]
AS_OF = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def _cluster_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sample audits here take seconds: a stuck cluster is restarted after 2 minutes, not 10."""
    monkeypatch.setenv("GDC_CLUSTER_SECONDS", "120")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """Workers in processes of their own, with nannies, as a real cluster has them (and as `connect` starts
    them): in-process workers once left a gather waiting in CI, and cannot be restarted."""
    import dask

    with dask.config.set({"distributed.worker.daemon": False}), LocalCluster(  # a worker starts a reader process
            n_workers=2, processes=True, threads_per_worker=1, memory_limit="1GiB", dashboard_address=":0") as cluster:
        yield cluster.scheduler_address


def _csv(evaluated: object) -> str:
    text = write_output(evaluated, "csv", None, "en", False)  # type: ignore[arg-type]
    assert text is not None
    return text


def test_partitions_cover_every_row() -> None:
    assert partitions(10, 4) == [slice(0, 4), slice(4, 8), slice(8, 10)]
    assert partitions(0, 4) == [slice(0, 0)]


@pytest.mark.slow
def test_samples_give_the_local_output(scheduler: str) -> None:
    inputs = [ROOT / "samples" / "catalogs", ROOT / "samples" / "records"]
    local = audit(inputs, AS_OF)
    remote = audit_distributed(inputs, AS_OF, scheduler=scheduler, partition_rows=7)
    assert _csv(remote) == _csv(local)
    assert write_output(remote, "json", None, "en", True) == write_output(local, "json", None, "en", True)


@pytest.mark.slow
def test_a_generated_catalog_gives_the_local_output(scheduler: str, tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from make_catalog import make_frame

    path = tmp_path / "catalog.csv"
    make_frame(20_000, seed=11).to_csv(path, index=False)
    local = audit([path], AS_OF)
    remote = audit_distributed([path], AS_OF, scheduler=scheduler, partition_rows=6_000)
    assert _csv(remote) == _csv(local)
    assert len(remote.batch.frame) == 20_000


@pytest.mark.slow
def test_cli_engine_dask_with_its_own_local_cluster(tmp_path: Path) -> None:
    out = [tmp_path / "local.csv", tmp_path / "dask.csv"]
    catalog = str(ROOT / "samples" / "catalogs" / "servers.csv")
    codes = [main(["audit", catalog, "--format", "csv", "--out", str(out[0]), "--as-of", "2026-11-20"]),
             main(["audit", catalog, "--format", "csv", "--out", str(out[1]), "--as-of", "2026-11-20",
                   "--engine", "dask"])]
    assert codes[0] == codes[1]
    assert out[0].read_text(encoding="utf-8") == out[1].read_text(encoding="utf-8")


def test_scheduler_without_dask_engine_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(ROOT / "samples" / "catalogs"), "--scheduler", "tcp://127.0.0.1:1"]) == 2
    assert "--engine dask" in capsys.readouterr().err


@pytest.mark.slow
def test_the_document_time_limit_holds_on_the_cluster(scheduler: str) -> None:
    """Issue 14 item 5: `--engine dask --timeout` reads each document within the limit, on the workers."""
    pdf = ROOT / "samples/documents/server-kx5200-prose.pdf"
    timed = audit_distributed([pdf], AS_OF, scheduler=scheduler, seconds=0.001)
    assert len(timed.batch.frame) == 0
    assert [e.error for e in timed.errors] and "timed out after 0.001 s" in timed.errors[0].error
    read = audit_distributed([pdf], AS_OF, scheduler=scheduler, seconds=60)
    assert len(read.batch.frame) == 1 and not read.errors


def _sleep_then(seconds: float, value: int) -> int:
    import time

    time.sleep(seconds)
    return value


@pytest.mark.slow
def test_a_cluster_that_does_not_finish_is_restarted_then_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 17 item 7: a stuck task never makes the audit wait without end (seen once in CI: a gather that
    never returned). The first miss restarts the workers and sends the tasks again; a second is an error."""
    from dask.distributed import Client

    from checker.distributed import gather_in_time
    from checker.errors import DistributedError
    from checker.inputs.guard import get_limits

    monkeypatch.setenv("GDC_CLUSTER_SECONDS", "2")
    assert get_limits().cluster_seconds == 2
    with LocalCluster(n_workers=1, processes=True, threads_per_worker=1, memory_limit="1GiB",
                      dashboard_address=":0") as cluster, Client(cluster) as client:
        calls: list[int] = []

        def stuck_once() -> list[object]:
            calls.append(1)
            return [client.submit(_sleep_then, 60 if len(calls) == 1 else 0, 7, pure=False)]

        assert gather_in_time(client, stuck_once) == [7]
        assert len(calls) == 2
        with pytest.raises(DistributedError, match="within 2 s, twice"):
            gather_in_time(client, lambda: [client.submit(_sleep_then, 60, 1, pure=False)])
