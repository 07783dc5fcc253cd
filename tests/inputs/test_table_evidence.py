"""A catalog cell's evidence is the same text however the column is visited: a block at a time (a product
after another) or cell by cell from its Arrow text (the odd blank or junk cell of a large catalog)."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pytest

from checker.inputs import product_tables
from checker.inputs.product_tables import TableEvidence

ROWS = 20_000


def _table(arrow: bool) -> TableEvidence:
    cells = [None if n % 97 == 0 else f"9{n % 10}.{n % 7} %" for n in range(ROWS)]
    column = pd.Series(pd.arrays.ArrowExtensionArray(pa.chunked_array([cells[:7000], cells[7000:]]))) if arrow \
        else pd.Series([pd.NA if c is None else c for c in cells], dtype=object)
    raw = pd.DataFrame({"PSU Eff 50": column})
    return TableEvidence(source="cat.parquet", raw=raw, headers={"psu_efficiency_50": ["PSU Eff 50"]},
                         written={"PSU Eff 50": "PSU Eff 50"}, first_row=2)


@pytest.mark.parametrize("arrow", [True, False])
def test_sparse_and_dense_reads_give_the_same_evidence(arrow: bool) -> None:
    dense = _table(arrow)
    every = [dense.get(row, "psu_efficiency_50")[0].text for row in range(ROWS)]
    sparse = _table(arrow)
    picked = [*range(3, ROWS, 211), 0, 97, ROWS - 1, 6999, 7000, 7001]
    assert [sparse.get(row, "psu_efficiency_50")[0].text for row in picked] == [every[row] for row in picked]
    assert every[97] == "row 99: PSU Eff 50 = <NA>" and every[1] == "row 3: PSU Eff 50 = 91.1 %"
    assert sparse._sparse("PSU Eff 50")  # read a cell or two a block: then cell by cell
    assert not dense._sparse("PSU Eff 50")
    if arrow:
        assert len(sparse._blocks["PSU Eff 50"]) < product_tables._DENSE + 1
