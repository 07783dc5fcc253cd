"""Catalogs written for tests and audited: each product's clauses by id, and the audit's errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from checker.models import ClauseResult
from checker.pipeline import audit


def audit_results(path: Path, as_of: date) -> tuple[list[tuple[str, dict[str, ClauseResult]]], list[str]]:
    """(product id, {clause id: result}) of each product the audit of ``path`` gives, and its errors' texts."""
    report = audit([path], as_of).report()
    return ([(p.id, {c.id: c for c in p.clauses}) for p in report.products], [e.error for e in report.errors])


def write_text(tmp_path: Path, text: str, name: str = "catalog.csv") -> Path:
    """``text`` written in UTF-8 to ``tmp_path / name``; returns the path."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path
