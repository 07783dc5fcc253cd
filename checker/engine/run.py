"""Batches → one evaluated batch: stacked, unknown categories set aside, derived and evaluated.

:func:`evaluate_batches` is the one path every command takes (check, audit, compare, the calculators,
the app, the Dask engine); its :class:`Evaluated` is what every output format writes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from checker.catalog.clauses import Catalog, load_catalog
from checker.engine.derive import derive_all
from checker.engine.evaluate import ClauseColumn, evaluate
from checker.engine.explain import Explainer
from checker.engine.frame import Batch, keep_rows, stack
from checker.models import InputError, InputWarning, Report


@dataclass
class Evaluated:
    """A stacked batch and its clause columns, ready for any output format."""

    batch: Batch
    columns: list[ClauseColumn]
    errors: list[InputError]
    as_of: date
    catalog: Catalog
    warnings: list[InputWarning] = field(default_factory=list)

    def report(self) -> Report:
        explainer = Explainer(self.columns, self.batch, self.catalog)
        products = [explainer.report(row) for row in range(len(self.batch.frame))]
        return Report(as_of=self.as_of.isoformat(), products=products, errors=self.errors, warnings=self.warnings)


def drop_unknown_categories(batch: Batch, catalog: Catalog, errors: list[InputError]) -> Batch:
    """Rows whose category is not one of INTERFACE.md §4 become errors (never an empty pass)."""
    known = batch.frame["category"].isin(catalog.categories).to_numpy()
    if known.all():
        return batch
    unknown: dict[tuple[str, str], list[str]] = {}
    for row in np.flatnonzero(~known).tolist():
        source = batch.sources[row][0] if batch.sources[row] else "?"
        unknown.setdefault((source, str(batch.frame.at[row, "category"])), []).append(str(batch.frame.at[row, "id"]))
    for (source, category), ids in unknown.items():
        errors.append(InputError(source=source, error=_unknown_category(category, ids, catalog)))
    return keep_rows(batch, np.flatnonzero(known))


_NAMED = 20  # products named in the error of an unknown category; the others counted


def _unknown_category(category: str, ids: list[str], catalog: Catalog) -> str:
    """One line for the products of one file with one unknown category: which, how many, what to do."""
    if len(ids) == 1:
        return f"product {ids[0]}: unknown category {category!r}"
    named = ", ".join(ids[:_NAMED]) + (f" and {len(ids) - _NAMED} more" if len(ids) > _NAMED else "")
    return (f"{len(ids)} products ({named}): unknown category {category!r}; give --category "
            f"(one of {', '.join(catalog.categories)}) or a column mapping")


def evaluate_batches(batches: Iterable[Batch], errors: list[InputError], as_of: date,
                     catalog: Catalog | None = None, warnings: list[InputWarning] | None = None) -> Evaluated:
    """Stack, derive and evaluate: the one path every command goes through."""
    catalog = catalog or load_catalog()
    batch = drop_unknown_categories(stack(list(batches), catalog), catalog, errors)
    derive_all(batch.frame, catalog, as_of)
    columns = evaluate(batch.frame, catalog, as_of)
    return Evaluated(batch=batch, columns=columns, errors=errors, as_of=as_of, catalog=catalog,
                     warnings=warnings if warnings is not None else [])
