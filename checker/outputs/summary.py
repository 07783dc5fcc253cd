"""What a batch output leads with, worked out on the clause columns (no per-product objects):
the count per verdict, each clause's statuses, and the worst products."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from checker.engine.evaluate import FAIL, MANUAL, MISSING, STATUSES, VERDICTS, verdict_codes
from checker.engine.run import Evaluated
from checker.models import InputError, InputWarning, ProductReport

if TYPE_CHECKING:
    from checker.engine.explain import Explainer

CHUNK = 2_000  # products turned into reports at a time: memory stays bounded whatever the catalog size


@dataclass
class ClauseCounts:
    """One clause's statuses over the products it concerns."""

    id: str
    counts: dict[str, int]

    @property
    def decided(self) -> int:
        """Products for which the clause applies (every status but not_applicable)."""
        return sum(v for k, v in self.counts.items() if k != "not_applicable")

    @property
    def pass_rate(self) -> float | None:
        """Share of the products it applies to that pass it (None when it applies to none)."""
        return self.counts["pass"] / self.decided if self.decided else None


@dataclass
class Summary:
    """Counts per verdict and clause, and per product its fails, missing and manual-review items."""

    products: int
    verdicts: dict[str, int]
    clauses: list[ClauseCounts]
    fails: npt.NDArray[np.int32]
    missing: npt.NDArray[np.int32]
    manual: npt.NDArray[np.int32]
    verdict_codes: npt.NDArray[np.int8]

    def worst(self, count: int) -> npt.NDArray[np.intp]:
        """Rows of the ``count`` worst products: most fails, then most missing, then most to check (stable)."""
        if not self.products or count <= 0:
            return np.zeros(0, np.intp)
        order = np.lexsort((np.arange(self.products), -self.manual, -self.missing, -self.fails))
        return order[:count]


def summarise(evaluated: Evaluated) -> Summary:
    """The summary of an evaluated batch, built column by column."""
    rows = len(evaluated.batch.frame)
    fails = np.zeros(rows, np.int32)
    missing = np.zeros(rows, np.int32)
    manual = np.zeros(rows, np.int32)
    clauses: list[ClauseCounts] = []
    for col in evaluated.columns:
        status = col.status
        fails += status == FAIL
        missing += status == MISSING
        manual += status == MANUAL
        counts = np.bincount(status.astype(np.int64), minlength=len(STATUSES))
        clauses.append(ClauseCounts(col.clause.id, {name: int(counts[i]) for i, name in enumerate(STATUSES)}))
    codes = verdict_codes(evaluated.columns, rows)
    by_verdict = np.bincount(codes.astype(np.int64), minlength=len(VERDICTS))
    return Summary(products=rows, verdicts={name: int(by_verdict[i]) for i, name in enumerate(VERDICTS)},
                   clauses=[c for c in clauses if c.decided], fails=fails, missing=missing, manual=manual,
                   verdict_codes=codes)


def product_reports(evaluated: Evaluated, rows: npt.NDArray[np.intp] | range | None = None
                    ) -> Iterator[ProductReport]:
    """Each product's full report, one at a time (never all of them in memory)."""
    from checker.engine.explain import Explainer

    chosen = range(len(evaluated.batch.frame)) if rows is None else rows
    if not isinstance(chosen, range) and not isinstance(evaluated, Shown) and len(chosen):
        evaluated, chosen = compact(evaluated, np.asarray(chosen, dtype=np.intp)), range(len(chosen))
    explainer = Explainer(evaluated.columns, evaluated.batch, evaluated.catalog)
    for row in chosen:
        product = explainer.report(int(row))
        yield evaluated.shown(product) if isinstance(evaluated, Shown) else product


def compact(evaluated: Evaluated, rows: npt.NDArray[np.intp]) -> Evaluated:
    """The batch of only ``rows`` (the worst products, scattered over a catalog), renumbered from 0: their
    reports are those of the whole batch, made from cells next to each other (a block of a catalog's cells is
    read for each row asked; scattered rows would read a block each)."""
    from checker.engine.evaluate import ClauseColumn
    from checker.engine.frame import Batch, KeptRowsEvidence

    batch = evaluated.batch
    evidence = _kept_table(batch.evidence, rows) or KeptRowsEvidence(batch.evidence, rows)
    kept = Batch(frame=batch.frame.iloc[rows].reset_index(drop=True), evidence=evidence,
                 sources=[batch.sources[int(row)] for row in rows])
    columns = [ClauseColumn(c.clause, c.status[rows], c.reason[rows], c.value[rows], c.limit[rows], c.factor)
               for c in evaluated.columns]
    return Evaluated(batch=kept, columns=columns, errors=evaluated.errors, as_of=evaluated.as_of,
                     catalog=evaluated.catalog, warnings=evaluated.warnings)


def _kept_table(store: Any, rows: npt.NDArray[np.intp]) -> Any:
    """The catalog evidence of ``rows`` as a table of only those rows, numbered as in the file (None where the
    rows' evidence is not one catalog table)."""
    from checker.inputs.product_tables import TableEvidence
    from checker.outputs.json_columns import table_part

    found = table_part(store, rows)
    if found is None:
        return None
    table, local = found
    numbers = [table.row_numbers[int(r)] for r in local] if table.row_numbers else (local + table.first_row).tolist()
    return TableEvidence(source=table.source, raw=table.raw.iloc[local].reset_index(drop=True), headers=table.headers,
                         written=table.written, first_row=table.first_row, row_numbers=numbers)


def product_dicts(evaluated: Evaluated, rows: npt.NDArray[np.intp] | range | None = None,
                  explainer: Explainer | None = None) -> Iterator[dict[str, Any]]:
    """Each product's §4 object as plain data, one at a time: what :func:`product_reports` gives
    dumped, without building and validating a model per clause (the JSON of a whole catalog). Clause
    objects that read no cell are shared between products (:class:`Explainer`): read them, never change them."""
    if isinstance(evaluated, Shown):
        for product in product_reports(evaluated, rows):
            yield product.model_dump(mode="json")
        return
    from checker.engine.explain import Explainer

    explainer = explainer or Explainer(evaluated.columns, evaluated.batch, evaluated.catalog)
    for row in range(len(evaluated.batch.frame)) if rows is None else rows:
        yield explainer.product(int(row))


@dataclass
class Shown(Evaluated):
    """An evaluated batch whose texts are shown without a folder's prefix (the app's temporary folder):
    sources, evidence, notes, errors and warnings alike."""

    prefixes: tuple[str, ...] = ()

    @classmethod
    def without(cls, evaluated: Evaluated, root: Path) -> Shown:
        """``evaluated`` shown without ``root``."""
        prefixes = tuple({str(root) + "/", str(root.resolve()) + "/"})
        shown = cls(batch=evaluated.batch, columns=evaluated.columns, errors=[], as_of=evaluated.as_of,
                    catalog=evaluated.catalog, prefixes=prefixes)
        shown.errors = [InputError(source=shown.strip(e.source), error=shown.strip(e.error)) for e in evaluated.errors]
        shown.warnings = [InputWarning(source=shown.strip(w.source), warning=shown.strip(w.warning))
                          for w in evaluated.warnings]
        return shown

    def strip(self, text: str) -> str:
        """``text`` with the folder removed from any path in it."""
        for prefix in self.prefixes:
            text = text.replace(prefix, "")
        return text

    def shown(self, product: ProductReport) -> ProductReport:
        """A product's report with the folder removed from its sources, evidence and notes."""
        clauses = [c.model_copy(update={"note": self.strip(c.note), "evidence": [
            e.model_copy(update={"source": self.strip(e.source), "text": self.strip(e.text)}) for e in c.evidence]})
                   for c in product.clauses]
        return product.model_copy(update={"sources": [self.strip(s) for s in product.sources], "clauses": clauses})


def chunks(rows: int, size: int = CHUNK) -> Iterator[range]:
    """Row ranges of at most ``size``."""
    for start in range(0, rows, size):
        yield range(start, min(start + size, rows))
