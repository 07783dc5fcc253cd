"""Shared fixtures: evaluate one product record through the engine's public entry."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from checker.models import ClauseResult, ProductReport
from checker.pipeline import evaluate_mappings

AS_OF = date(2026, 11, 20)


def _product(record: dict[str, Any], as_of: date = AS_OF) -> ProductReport:
    return evaluate_mappings([record], as_of).report().products[0]


@pytest.fixture
def product() -> Callable[..., ProductReport]:
    """product(record, as_of=2026-11-20) -> the product's report (verdict and clauses)."""
    return _product


@pytest.fixture
def clauses() -> Callable[..., dict[str, ClauseResult]]:
    """clauses(record, as_of=2026-11-20) -> {clause id: ClauseResult}."""
    return lambda record, as_of=AS_OF: {c.id: c for c in _product(record, as_of).clauses}
