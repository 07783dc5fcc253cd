"""CSV of an audit, streamed: one row per product — ``id``, ``category``, ``verdict``, then per clause
its status and, for a clause with a measured quantity, a ``<clause> value`` column beside it (the value
in the clause's unit, blank where none was read) — then one row per unusable input with verdict
``error`` and the reason in the last column, ``error``."""

from __future__ import annotations

import re
from typing import BinaryIO

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from checker.engine.run import Evaluated
from checker.outputs.report import status_arrow
from checker.outputs.safe_text import spreadsheet
from checker.outputs.summary import chunks

# a cell to neutralise: formula triggers at the start, control characters, surrogates
_CARE = "[\\x00-\\x1f\\x7f-\\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]|^[=+\\-@＝＋－＠]"
_CARE_RE = re.compile(_CARE)
VALUE_SUFFIX = " value"


def csv_columns(evaluated: Evaluated) -> list[str]:
    """The header: id, category, verdict, each clause (and its value column), error."""
    names = ["id", "category", "verdict"]
    for col in evaluated.columns:
        names.append(col.clause.id)
        if col.clause.quantity:
            names.append(col.clause.id + VALUE_SUFFIX)
    return [*names, "error"]


def safe_text(array: pa.Array) -> pa.Array:
    """A text column with every cell that needs it neutralised (:func:`spreadsheet`)."""
    text = array.cast(pa.string()) if not pa.types.is_string(array.type) else array
    if not pc.any(pc.match_substring_regex(text, _CARE)).as_py():
        return text
    return pa.array([spreadsheet(v) if v is not None else None for v in text.to_pylist()], pa.string())


def _product_rows(evaluated: Evaluated, table: pa.Table, rows: range) -> pa.Table:
    part = table.slice(rows.start, len(rows))
    columns: dict[str, pa.Array] = {
        "id": safe_text(part.column("id").combine_chunks()),
        "category": safe_text(part.column("category").combine_chunks()),
        "verdict": part.column("verdict").combine_chunks().cast(pa.string()),
    }
    for col in evaluated.columns:
        columns[col.clause.id] = part.column(col.clause.id).combine_chunks().cast(pa.string())
        if col.clause.quantity:
            value = np.round(np.asarray(col.value[rows.start:rows.stop], dtype=float), 6)
            columns[col.clause.id + VALUE_SUFFIX] = pa.array(value, pa.float64(), mask=np.isnan(value))
    columns["error"] = pa.nulls(len(rows), pa.string())
    return pa.table(columns)


def _error_rows(evaluated: Evaluated, names: list[str]) -> pa.Table:
    count = len(evaluated.errors)
    columns: dict[str, pa.Array] = {name: pa.nulls(count, pa.string()) for name in names}
    columns["id"] = pa.array([spreadsheet(e.source) for e in evaluated.errors], pa.string())
    columns["verdict"] = pa.array(["error"] * count, pa.string())
    columns["error"] = pa.array([spreadsheet(e.error) for e in evaluated.errors], pa.string())
    for col in evaluated.columns:
        if col.clause.quantity:
            columns[col.clause.id + VALUE_SUFFIX] = pa.nulls(count, pa.float64())
    return pa.table({name: columns[name] for name in names})


def write_csv(evaluated: Evaluated, sink: BinaryIO) -> None:
    """The CSV on ``sink`` (UTF-8), a chunk of products at a time."""
    names = csv_columns(evaluated)
    table = status_arrow(evaluated)
    errors = _error_rows(evaluated, names)
    writer = pa_csv.CSVWriter(sink, errors.schema, write_options=pa_csv.WriteOptions(quoting_style="needed"))
    for rows in chunks(len(evaluated.batch.frame), 50_000):
        writer.write_table(_product_rows(evaluated, table, rows).cast(errors.schema))
    if len(errors):
        writer.write_table(errors)
    writer.close()
