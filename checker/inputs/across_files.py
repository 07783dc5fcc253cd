"""One model in two files of an audit: a vendor's catalog gives 94.6 %, a lab's spot-check workbook 93.1 % for the
same model. Each file's row is a product of its own; where they disagree on a field, that field of every such row is
a conflict naming the others, for a person (a pass must not stand beside another file's fail of the same model).
Rows are compared as within one catalog (:func:`checker.inputs.product_tables.model_key`: case, spaces and
full-width letters do not count); rows that agree, or leave the field blank, are left as they are.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from checker.catalog.clauses import Catalog
from checker.engine.frame import ISSUE, Batch
from checker.inputs.product_tables import model_key
from checker.inputs.table_columns import map_distinct


def same_model_across_files(batches: list[Batch], catalog: Catalog) -> None:
    """Mark, in place, the fields on which rows of one model and category in different batches disagree."""
    if len(batches) < 2:
        return
    keyed = [(index, _keys(batch)) for index, batch in enumerate(batches)]
    seen: dict[str, set[int]] = {}
    for index, keys in keyed:
        for key in pd.unique(keys[keys != ""]):
            seen.setdefault(str(key), set()).add(index)
    shared = {key for key, owners in seen.items() if len(owners) > 1}
    if not shared:
        return
    rows = [(index, int(row), str(keys[row])) for index, keys in keyed
            for row in np.flatnonzero(np.isin(keys, list(shared)))]
    for name, spec in catalog.fields.items():
        if spec.kind == "quantity":
            _compare(batches, rows, name)


def _keys(batch: Batch) -> np.ndarray:
    """Each row's model and category as one key ("" for a row without a model)."""
    frame = batch.frame
    if "model" not in frame or not len(frame):
        return np.full(len(frame), "", dtype=object)
    models = pd.Series(map_distinct(frame["model"].to_numpy(dtype=object), model_key), dtype=object).fillna("")
    keys = (models + "\x00" + frame["category"].astype(str).reset_index(drop=True)).to_numpy(dtype=object)
    keys[(models == "").to_numpy()] = ""
    return keys


def _compare(batches: list[Batch], rows: list[tuple[int, int, str]], name: str) -> None:
    readings: dict[str, list[tuple[int, int, float]]] = {}
    for index, row, key in rows:
        frame = batches[index].frame
        if name in frame:
            value = frame[name].iat[row]
            if isinstance(value, int | float) and not pd.isna(value):
                readings.setdefault(key, []).append((index, row, float(value)))
    for found in readings.values():
        values = [value for _, _, value in found]
        if len({batch for batch, _, _ in found}) < 2 or max(values) - min(values) <= 1e-9 * max(1.0, abs(max(values))):
            continue
        said = "; ".join(f"{_where(batches[batch], row)}: {value:g}" for batch, row, value in found)
        for batch, row, _ in found:
            _set_issue(batches[batch].frame, name, row,
                       f"conflicting values: files of the same model give different {name} ({said})")


def _where(batch: Batch, row: int) -> str:
    """The file (and row, for a catalog) a row was read from."""
    sources = batch.sources[row] if row < len(batch.sources) else []
    name = Path(str(sources[0])).name if sources else "?"
    numbers: Any = getattr(batch.evidence, "row_numbers", None)
    first = getattr(batch.evidence, "first_row", None)
    if numbers:
        return f"{name} row {numbers[row]}"
    return f"{name} row {row + first}" if isinstance(first, int) else name


def _set_issue(frame: pd.DataFrame, name: str, row: int, issue: str) -> None:
    column = name + ISSUE
    issues = frame[column].to_numpy(dtype=object).copy() if column in frame else np.full(len(frame), None, object)
    if issues[row] is None or (isinstance(issues[row], float) and np.isnan(issues[row])):
        issues[row] = issue
    frame[column] = issues
