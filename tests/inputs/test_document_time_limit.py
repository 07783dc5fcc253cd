"""Issue 14 item 5: every path that reads a document enforces the per-document time limit."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest

from checker.inputs.guard import get_limits
from checker.pipeline import check

ROOT = Path(__file__).resolve().parents[2]
PDF = ROOT / "samples/documents/server-kx5200-prose.pdf"
AS_OF = date(2026, 11, 20)


def test_check_command_applies_the_limit() -> None:
    done = subprocess.run([sys.executable, "-m", "checker", "check", str(PDF), "--format", "json"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env={**__import__("os").environ, "GDC_DOCUMENT_SECONDS": "0.001"})
    assert done.returncode == 2 or "timed out" in done.stdout
    assert "timed out after 0.001 s" in done.stderr


def test_check_in_a_thread_applies_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app reads in Streamlit's threads, where no alarm can interrupt: a worker process does."""
    found: dict[str, object] = {}

    def run() -> None:
        found["report"] = check([PDF], AS_OF, seconds=0.001).report()

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(120)
    report = found["report"]
    assert not report.products  # type: ignore[attr-defined]
    assert "timed out" in report.errors[0].error  # type: ignore[attr-defined]


def test_check_within_the_limit_reads_the_document() -> None:
    report = check([PDF], AS_OF, seconds=get_limits().document_seconds).report()
    assert report.products and not report.errors


def test_record_files_have_a_time_bound_too() -> None:
    """Issue 14 item 4: a record file is read within record_seconds (catalogs/limits.yaml)."""
    record = ROOT / "samples/records/server-SR2U.yaml"
    env = {**__import__("os").environ, "GDC_RECORD_SECONDS": "0.000001"}
    done = subprocess.run([sys.executable, "-m", "checker", "check", str(record), "--format", "json"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120, env=env)
    assert done.returncode == 2
    assert "timed out after 1e-06 s reading the record" in done.stderr
    fine = subprocess.run([sys.executable, "-m", "checker", "check", str(record), "--format", "json"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert fine.returncode in (0, 1) and '"products"' in fine.stdout



def test_the_limit_firing_inside_a_pdfium_call_is_a_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """ctypes wraps an exception raised while it converts an argument ("ArgumentError: argument 1:
    DocumentTimeout"): that is the time limit, not a document the reader cannot read (seen once in CI)."""
    import ctypes

    from checker.inputs import document_records, guard, parallel

    def interrupted(path: Path, category: str | None) -> None:
        raise ctypes.ArgumentError("argument 1: DocumentTimeout: ")

    monkeypatch.setattr(document_records, "pdf_record", interrupted)
    monkeypatch.setattr(guard, "guard_file", lambda path: None)
    assert "timed out after" in parallel.read_within(parallel.read_one, "doc.pdf", None, 5.0)
