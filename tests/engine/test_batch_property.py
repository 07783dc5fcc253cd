"""The batch path gives the verdicts of the single-record path (issue 5).

Random records of every category, with values around each clause's limits, missing values, ND,
strings with units, junk and conflicting duplicates: evaluating N records in one frame gives each
record exactly the ProductReport it gets alone. And a CSV catalog of random server rows audited
through ``audit()`` gives the statuses of the same rows given as record mappings.
"""

from __future__ import annotations

import csv
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.catalog.clauses import Catalog, load_catalog
from checker.engine.frame import records_to_batch
from checker.engine.run import evaluate_batches
from checker.inputs.records import record_from_mapping
from checker.pipeline import audit, evaluate_mappings
from checker.units import conversion_factor

AS_OF = date(2026, 11, 20)
IDENTITY = ("model", "manufacturer", "category")
JUNK = ["abc", "n/a", "—", "105,8", "about 93", "1,250"]
SERVER_COLUMNS = ["psu_efficiency_20", "psu_efficiency_50", "psu_efficiency_100", "psu_power_factor_20",
                  "psu_power_factor_50", "psu_power_factor_100", "recyclability"]


@lru_cache(maxsize=1)
def _catalog() -> Catalog:
    return load_catalog()


@cache
def _points(name: str) -> tuple[float, ...]:
    """Interesting numbers for a quantity field, in its own unit: limits, band edges, range ends."""
    catalog = _catalog()
    spec = catalog.fields[name]
    found: set[float] = set()
    for clause in catalog.clauses:
        if clause.quantity == name and clause.limit is not None:
            found.add(float(clause.limit) * conversion_factor(clause.unit, spec.unit))
        if clause.quantity == name and clause.schedule is not None:
            found.update(step.limit * conversion_factor(clause.unit, spec.unit) for step in clause.schedule.steps)
        for cond in clause.applies_when:
            if cond.field == name and cond.at_least is not None:
                found.add(cond.at_least * conversion_factor(cond.unit, spec.unit))
    for table in catalog.band_tables.values():
        factor = conversion_factor(table.unit, spec.unit) if table.by == name else None
        for band in table.bands if factor is not None else []:
            found.update(edge * factor for edge in (band.above, band.up_to) if edge is not None)
            if clause_limits := [v for v in band.limits.values() if v is not None]:
                found.update(clause_limits)
    if spec.range:
        low, high = spec.range
        found.update({low, high, (low + high) / 2, low + (high - low) / 10})
    return tuple(sorted(found)) or (1.0, 10.0, 100.0)


def _number(name: str) -> st.SearchStrategy[float]:
    spec = _catalog().fields[name]
    nudges = st.sampled_from([0.0, 0.0, 1e-10, -1e-10, 0.01, -0.01, 0.5, -0.5, 3.0, -3.0])
    value = st.builds(lambda p, d: round(p + d * max(1.0, abs(p) / 100), 10), st.sampled_from(_points(name)),
                      nudges)
    return value.map(lambda v: float(round(v)) if spec.integer else v)


def _quantity(name: str) -> st.SearchStrategy[Any]:
    unit = _catalog().fields[name].unit
    number = _number(name)
    fact = st.builds(lambda v, src: {"value": v, "source": src, "page": 1}, number, st.sampled_from(["a.pdf", "b"]))
    return st.one_of(
        number,
        number.map(lambda v: f"{v:g} {unit}".strip()),
        st.sampled_from(["ND", "未检出", "<0.5", f"<2 {unit}".strip(), *JUNK]),
        st.lists(fact, min_size=2, max_size=3),                    # duplicates, equal or conflicting
        number.map(lambda v: [{"value": v}, {"value": v}]),          # agreeing duplicates
        fact,
    )


def _choice(name: str) -> st.SearchStrategy[Any]:
    spec = _catalog().fields[name]
    if spec.kind == "flag":
        return st.sampled_from([True, False, "yes", "no", "是", "maybe"])
    if spec.kind == "enum":
        return st.sampled_from([*spec.choices, "weird"]) | st.lists(st.sampled_from(spec.choices), min_size=2,
                                                                     max_size=2).map(lambda v: [{"value": x}
                                                                                                for x in v])
    refrigerants = list(_catalog().refrigerants)[:6]
    return st.sampled_from([*refrigerants, "R-22", "r 410a", "unknown gas"] if name == "refrigerant"
                           else ["x", "y"])


@st.composite
def product(draw: st.DrawFn, category: str) -> dict[str, Any]:
    """One record mapping of ``category`` with a random subset of its fields."""
    catalog = _catalog()
    record: dict[str, Any] = {"category": category}
    for name, spec in catalog.fields.items():
        if category not in spec.categories or name in IDENTITY or not draw(st.booleans()):
            continue
        record[name] = draw(_quantity(name) if spec.kind == "quantity" else _choice(name))
    return record


def products() -> st.SearchStrategy[list[dict[str, Any]]]:
    categories = st.sampled_from(_catalog().categories)
    return st.lists(categories.flatmap(product), min_size=2, max_size=6)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(products())
@pytest.mark.slow
def test_a_record_in_a_batch_gets_the_report_it_gets_alone(records: list[dict[str, Any]]) -> None:
    catalog = _catalog()
    built = [record_from_mapping({**item, "id": f"P{number}"}, "input", number) for number, item in enumerate(records)]
    together = evaluate_batches([records_to_batch(built, catalog)], [], AS_OF, catalog).report().products
    assert len(together) == len(built)
    for record, batch_report in zip(built, together, strict=True):
        alone = evaluate_batches([records_to_batch([record], catalog)], [], AS_OF, catalog).report().products[0]
        assert batch_report == alone


def _cell() -> st.SearchStrategy[str]:
    number = st.sampled_from([0.93, 0.95, 0.949, 79.9, 80.0, 89.99, 90.0, 91.0, 93.9, 94.0, 94.2, 96.5, 100.0])
    return st.one_of(number.map(lambda v: f"{v:g}"), number.map(lambda v: f"{v:g} %"),
                     st.sampled_from(["", "", "ND", "abc", "n/a", "105,8", " 94.5 ", "1e2", "<0.5", "9.45e1", "nan",
                                      "NaN"]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["server", "storage"]), st.lists(_cell(), min_size=7, max_size=7)),
                min_size=1, max_size=12))
@pytest.mark.slow
def test_a_catalog_row_gets_the_statuses_of_the_same_record(tmp_path_factory: Any,
                                                            rows: list[tuple[str, list[str]]]) -> None:
    path = Path(tmp_path_factory.mktemp("catalog")) / "servers.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["model", "manufacturer", "category", *SERVER_COLUMNS])
        for number, (category, cells) in enumerate(rows):
            writer.writerow([f"M{number}", "V", category, *cells])
    from_table = audit([path], AS_OF).report().products
    mappings = [{"id": f"M{number}", "model": f"M{number}", "manufacturer": "V", "category": category,
                 **{name: cell for name, cell in zip(SERVER_COLUMNS, cells, strict=True) if cell.strip()}}
                for number, (category, cells) in enumerate(rows)]
    from_records = evaluate_mappings(mappings, AS_OF).report().products
    assert [p.id for p in from_table] == [p.id for p in from_records]
    for table_product, record_product in zip(from_table, from_records, strict=True):
        assert table_product.verdict == record_product.verdict
        assert [(c.id, c.status) for c in table_product.clauses] == [(c.id, c.status) for c in record_product.clauses]
