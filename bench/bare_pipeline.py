"""The baseline: a bare pandas pipeline over a server catalog, with the 7 Table 2 limits hard-coded.

It reads the catalog with pyarrow, compares each column with its limit and writes one verdict per
row to Parquet. No units, no junk handling, no evidence: the floor the checker is measured against.

    python bench/bare_pipeline.py bench/out/catalog.parquet bench/out/bare.parquet
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

LIMITS = {"psu_efficiency_20": 90.0, "psu_efficiency_50": 94.0, "psu_efficiency_100": 91.0,
          "psu_power_factor_20": 0.95, "psu_power_factor_50": 0.95, "psu_power_factor_100": 0.95,
          "recyclability": 80.0}


def run(source: Path, out: Path) -> None:
    """Read, compare, write: every limit is ">=", a blank or junk cell is missing evidence."""
    if source.suffix == ".csv":
        frame = pd.read_csv(source, engine="pyarrow", dtype_backend="pyarrow")
    else:
        frame = pd.read_parquet(source, dtype_backend="pyarrow")
    result = pd.DataFrame({"id": frame["model"], "category": frame["category"]})
    any_fail = np.zeros(len(frame), bool)
    any_missing = np.zeros(len(frame), bool)
    for name, limit in LIMITS.items():
        values = pd.to_numeric(frame[name], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        missing = np.isnan(values)
        failed = ~missing & (values < limit)
        result[name] = np.where(missing, "missing_evidence", np.where(failed, "fail", "pass"))
        any_fail |= failed
        any_missing |= missing
    result["verdict"] = np.where(any_fail, "fail", np.where(any_missing, "incomplete", "pass"))
    result.to_parquet(out, index=False)


if __name__ == "__main__":
    run(Path(sys.argv[1]), Path(sys.argv[2]))
