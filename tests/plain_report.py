"""The report of an audit built the plain way, every clause of every product on its own: the reference the fast
output paths (the explainer's shared clause results, the JSON columns) must give byte for byte."""

from __future__ import annotations

from checker.engine.explain import clause_result
from checker.engine.run import Evaluated
from checker.models import ProductReport, Report, verdict_of


def plain_report(evaluated: Evaluated) -> Report:
    """The report built the plain way: every clause of every product on its own."""
    frame = evaluated.batch.frame
    products = []
    for row in range(len(frame)):
        category = str(frame.at[row, "category"])
        clauses = [clause_result(col, evaluated.batch, evaluated.catalog, row) for col in evaluated.columns
                   if category in col.clause.categories]
        products.append(ProductReport(id=str(frame.at[row, "id"]), category=category,
                                      sources=evaluated.batch.sources[row],
                                      verdict=verdict_of([c.status for c in clauses]), clauses=clauses))
    return Report(as_of=evaluated.as_of.isoformat(), products=products, errors=evaluated.errors,
                  warnings=evaluated.warnings)
