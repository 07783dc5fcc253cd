"""Issue 14 item 6: every batch format is written in bounded memory. A 50 000-row audit in each detailed
format stays far under the bound (the in-memory writers took 1.6 GB for 20 000 rows of JSON); the
million-row figures are measured by ``bench/bench_outputs.py``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from make_catalog import make_frame  # noqa: E402

ROWS = 50_000
BOUND_MB = 900  # peak RSS of the whole command (the interpreter, pandas and pyarrow take ~200 MB of it)
MEASURE = ("import resource, subprocess, sys; code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL,"
           " stderr=subprocess.DEVNULL).returncode;"
           " print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("memory") / "catalog.parquet"
    make_frame(ROWS, seed=11).to_parquet(path)
    return path


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["json", "ndjson", "xlsx", "html", "csv"])
def test_batch_format_in_bounded_memory(catalog: Path, fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"audit.{fmt}"
    done = subprocess.run([sys.executable, "-c", MEASURE, sys.executable, "-m", "checker", "audit", str(catalog),
                           "--format", fmt, "--out", str(out)], capture_output=True, text=True, cwd=ROOT, timeout=600)
    code, peak_kb = (int(x) for x in done.stdout.split())
    assert code in (0, 1), done.stderr
    assert out.stat().st_size > 0
    assert peak_kb / 1024 < BOUND_MB, f"{fmt}: peak {peak_kb / 1024:.0f} MB for {ROWS} rows"
