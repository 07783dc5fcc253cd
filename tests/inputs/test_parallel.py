"""Folders of PDFs in parallel (issue 5): same results as one worker, every document accounted for,
a hung or crashing reader is an error row and the batch goes on."""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

import pytest

from checker.cli import main
from checker.inputs.parallel import read_documents, read_one

sys.path.insert(0, str(Path(__file__).resolve().parent))
from parallel_readers import fake_reader

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "documents"
AS_OF = date(2026, 11, 20)


def _paths(*names: str) -> list[Path]:
    return [Path(f"/nowhere/{name}") for name in names]


@pytest.mark.slow
def test_pool_turns_hang_crash_and_failure_into_error_rows() -> None:
    paths = _paths("a.pdf", "hang.pdf", "b.pdf", "crash.pdf", "c.pdf", "bad.pdf", "d.pdf")
    started = time.monotonic()
    results = read_documents(paths, None, workers=2, seconds=3, progress=False, reader=fake_reader)
    assert time.monotonic() - started < 60  # the hung reader did not stall the batch
    assert list(results) == paths  # every document accounted for, in order
    assert results[paths[1]] == "/nowhere/hang.pdf: timed out after 3 s"
    assert "crashed" in str(results[paths[3]])
    assert results[paths[5]] == "/nowhere/bad.pdf: cannot read the document (ValueError: the reader broke)"
    assert {results[p].id for p in _paths("a.pdf", "b.pdf", "c.pdf", "d.pdf")} == {"a", "b", "c", "d"}


@pytest.mark.slow
def test_documents_read_in_tasks_of_several_keep_every_outcome_in_place() -> None:
    # 40 documents: tasks of several; a hang and a crash inside such tasks, the crash pinned on its own file
    names = [f"doc{n:02d}.pdf" for n in range(40)]
    names[9], names[22], names[30] = "hang.pdf", "crash.pdf", "bad.pdf"
    paths = _paths(*names)
    started = time.monotonic()
    results = read_documents(paths, None, workers=2, seconds=3, progress=False, reader=fake_reader)
    assert time.monotonic() - started < 90
    assert list(results) == paths
    assert results[paths[9]] == "/nowhere/hang.pdf: timed out after 3 s"
    assert "crashed" in str(results[paths[22]])
    assert results[paths[30]] == "/nowhere/bad.pdf: cannot read the document (ValueError: the reader broke)"
    others = [p for n, p in enumerate(paths) if n not in (9, 22, 30)]
    assert [results[p].id for p in others] == [p.stem for p in others]  # each record under its own path


def test_one_worker_has_the_time_limit_too() -> None:
    paths = _paths("a.pdf", "hang.pdf", "b.pdf")
    results = read_documents(paths, None, workers=1, seconds=1, progress=False, reader=fake_reader)
    assert results[paths[1]] == "/nowhere/hang.pdf: timed out after 1 s"
    assert results[paths[0]].id == "a" and results[paths[2]].id == "b"


def test_a_reader_exception_is_a_one_line_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n% nothing else\n")
    outcome = read_one(str(broken), None)
    assert isinstance(outcome, str) and str(broken) in outcome and "\n" not in outcome


@pytest.mark.parametrize("workers", ["2"])
@pytest.mark.slow
def test_two_workers_give_the_csv_of_one(tmp_path: Path, workers: str) -> None:
    folder = tmp_path / "bid"
    folder.mkdir()
    for name in sorted(p.name for p in SAMPLES.glob("*.pdf") if "scan" not in p.name)[:8]:
        (folder / name).symlink_to(SAMPLES / name)
    (folder / "broken.pdf").write_bytes(b"not a pdf at all")
    outs = []
    for count in ("1", workers):
        out = tmp_path / f"w{count}.csv"
        main(["audit", str(folder), "--format", "csv", "--out", str(out), "--as-of", "2026-11-20",
              "--workers", count])
        outs.append(out.read_text(encoding="utf-8"))
    assert outs[0] == outs[1]
    assert len(outs[0].splitlines()) >= 2


def test_workers_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(SAMPLES / "server-ht4100-kv.pdf"), "--workers", "0"]) == 2
    assert "--workers" in capsys.readouterr().err
