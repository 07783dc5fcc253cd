"""The entry point (checker/__main__.py): the collector is paused while the command imports, and only then."""

from __future__ import annotations

import gc
import subprocess
import sys
import types
from collections.abc import Iterator

import pytest

import checker.__main__ as entry


class _Probe(types.ModuleType):
    """Stands for checker.cli: records whether the collector runs when ``main`` is imported and when it runs."""

    def __init__(self, seen: list[tuple[str, bool]], fail: bool = False) -> None:
        super().__init__("checker.cli")
        self.seen, self.fail = seen, fail

    def __getattr__(self, name: str) -> object:
        if name != "main":
            raise AttributeError(name)
        self.seen.append(("import", gc.isenabled()))
        if self.fail:
            raise ImportError("broken install")
        return lambda: self.seen.append(("run", gc.isenabled())) or 0


@pytest.fixture(autouse=True)
def _unfreeze() -> Iterator[None]:
    yield
    gc.unfreeze()  # the test process keeps collecting what the entry point froze
    gc.enable()


def test_collector_paused_while_importing_then_running(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, bool]] = []
    monkeypatch.setitem(sys.modules, "checker.cli", _Probe(seen))
    assert entry.run() == 0
    assert seen == [("import", False), ("run", True)]
    assert gc.isenabled()


def test_collector_back_on_when_the_import_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, bool]] = []
    monkeypatch.setitem(sys.modules, "checker.cli", _Probe(seen, fail=True))
    with pytest.raises(ImportError):
        entry.run()
    assert seen == [("import", False)]
    assert gc.isenabled()


def test_python_dash_m_checker_runs_a_command() -> None:
    done = subprocess.run([sys.executable, "-m", "checker", "clauses", "--category", "switch", "--format", "json"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.lstrip().startswith(("[", "{"))
