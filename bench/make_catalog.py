"""Generate a large server catalog (INTERFACE.md §5 columns) as CSV and Parquet in bench/out/.

Values sit around each Table 2 limit; about 1 % of cells are blank and a few are junk
("94.1 %", "ND", "n/a", "105,8"), so the benchmark exercises the slow path too.

    python bench/make_catalog.py [--rows 1000000] [--seed 7]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd

OUT = Path(__file__).resolve().parent / "out"
COLUMNS = ["model", "manufacturer", "category", "psu_efficiency_20", "psu_efficiency_50", "psu_efficiency_100",
           "psu_power_factor_20", "psu_power_factor_50", "psu_power_factor_100", "recyclability"]
# (limit, spread) of every numeric column: values are drawn around the limit.
AROUND = {"psu_efficiency_20": (90.0, 2.0), "psu_efficiency_50": (94.0, 1.5), "psu_efficiency_100": (91.0, 2.0),
          "psu_power_factor_20": (0.95, 0.02), "psu_power_factor_50": (0.95, 0.02),
          "psu_power_factor_100": (0.95, 0.02), "recyclability": (80.0, 4.0)}
JUNK = np.array(["94.1 %", "ND", "n/a", "105,8", "about 93", "0.95", "—"], dtype=object)


def make_frame(rows: int, seed: int = 7) -> pd.DataFrame:
    """A server/storage catalog of ``rows`` rows, as text cells (what a spreadsheet export holds)."""
    rng = np.random.default_rng(seed)
    data: dict[str, object] = {
        "model": np.char.add("SR-", np.arange(rows).astype(str)).astype(object),
        "manufacturer": rng.choice(np.array(["Example Compute", "Example Storage", "示例科技"], dtype=object), rows),
        "category": rng.choice(np.array(["server", "storage", "服务器"], dtype=object), rows, p=[0.7, 0.25, 0.05]),
    }
    for name, (limit, spread) in AROUND.items():
        values = np.round(rng.normal(limit + spread / 2, spread, rows), 2 if limit < 2 else 1)
        if limit < 2:
            values = np.clip(values, 0.0, 1.0)
        text = values.astype(str).astype(object)
        text[rng.random(rows) < 0.01] = ""
        junk = rng.random(rows) < 0.0005
        text[junk] = rng.choice(JUNK, int(junk.sum()))
        data[name] = text
    return pd.DataFrame(data, columns=COLUMNS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    frame = make_frame(args.rows, args.seed)
    csv_path, parquet_path = args.out / "catalog.csv", args.out / "catalog.parquet"
    frame.to_csv(csv_path, index=False)
    frame.to_parquet(parquet_path, index=False)
    print(f"{args.rows} rows → {csv_path} ({csv_path.stat().st_size / 2**20:.0f} MiB), "
          f"{parquet_path} ({parquet_path.stat().st_size / 2**20:.0f} MiB)")


if __name__ == "__main__":
    main()
