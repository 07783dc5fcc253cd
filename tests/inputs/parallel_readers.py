"""Stand-in document readers for tests/inputs/test_parallel.py (module level, so a worker process can import them)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from checker.inputs.parallel import Outcome
from checker.inputs.records import ProductRecord


def fake_reader(path: str, category: str | None) -> Outcome:
    """hang*.pdf sleeps, crash*.pdf kills its process, bad*.pdf raises; the others give a record."""
    name = Path(path).name
    if name.startswith("hang"):
        time.sleep(600)
    if name.startswith("crash"):
        os._exit(3)
    if name.startswith("bad"):
        raise ValueError("the reader broke")
    return ProductRecord(id=Path(path).stem, category=category or "server", sources=[path])
