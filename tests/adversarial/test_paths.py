"""Issue 14 item 7: every path given or found is a product or an error line; nothing blocks on a FIFO."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from checker.pipeline import audit, check

ROOT = Path(__file__).resolve().parents[2]
AS_OF = date(2026, 11, 20)


@pytest.fixture
def odd_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "bids"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(ROOT / "samples/records/server-SR2U.yaml", folder)
    shutil.copy(ROOT / "samples/records/switch-SW48.yaml", folder / "sub")
    os.mkfifo(folder / "pipe.pdf")
    (folder / "dangling.yaml").symlink_to(tmp_path / "nowhere.yaml")
    (folder / "loop1").symlink_to(folder / "loop2")
    (folder / "loop2").symlink_to(folder / "loop1")
    (folder / "sub" / "self").symlink_to(folder)
    return folder


def test_nothing_vanishes_and_nothing_blocks(odd_folder: Path) -> None:
    report = audit([odd_folder], AS_OF).report()
    assert {p.id for p in report.products} == {"SR-2U-X8", "SW-48T"}
    errors = {Path(e.source).name: e.error for e in report.errors}
    assert "FIFO" in errors["pipe.pdf"]
    assert "dangling" in errors["dangling.yaml"]
    assert "symbolic links" in errors["loop1"] and "symbolic links" in errors["loop2"]


def test_check_on_a_fifo_is_an_error(odd_folder: Path) -> None:
    evaluated = check([odd_folder / "pipe.pdf"], AS_OF)
    assert not len(evaluated.batch.frame)
    assert "FIFO" in evaluated.errors[0].error


@pytest.mark.slow
def test_command_exits_with_the_errors_listed(odd_folder: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "checker", "audit", str(odd_folder), "--format", "json"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 1
    assert done.stderr.count("checker:") == 5
