"""camelot-py (hybrid flavor, pdfium backend) against pdfplumber tables on the real Cummins sheets.

For every sheet of ../shared/realdata/generator/cummins_cat_datasheets with a row in
cummins_datasheets_TRUTH_extracted.csv, the first page printing "L/hr" is read by both table
readers; a sheet counts as right when a table row titled L/hr holds the truth's eight fuel figures
(standby then prime, 25/50/75/100 %) in order, each in its own cell. CPU seconds per page are
reported for each reader. This measures camelot as a table source; it is not wired into the reader.
Run: ``python bench/bench_camelot.py``.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT.parent / "shared" / "realdata" / "generator"


def _fuel_page(path: Path) -> int | None:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(document)):
            if "L/hr" in document[index].get_textpage().get_text_range():
                return index
    finally:
        document.close()
    return None


def _token(text: str) -> str:
    """A figure as compared: numbers by value, anything else (N.A.) lower-cased."""
    try:
        return f"{float(text):g}"
    except ValueError:
        return text.lower()


def _row_right(tables: list[list[list[str]]], want: list[str]) -> bool:
    for table in tables:
        for row in table:
            cells = [(c or "").replace("\n", " ").strip() for c in row]
            if not cells or not re.match(r"l\s*/\s*hr", cells[0].lower()):
                continue
            if [_token(c) for c in cells[1:] if c] == want:
                return True
    return False


def _camelot(path: Path, page: int) -> list[list[list[str]]]:
    import camelot

    tables = camelot.read_pdf(str(path), pages=str(page + 1), flavor="hybrid", split_text=True,
                              suppress_stdout=True)
    return [t.df.values.tolist() for t in tables]


def _plumber(path: Path, page: int) -> list[list[list[str]]]:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return [[[c or "" for c in row] for row in table] for table in pdf.pages[page].extract_tables()]


def main() -> None:
    """Both readers over the sheets; a table and bench/out/bench_camelot.json."""
    if not GEN.exists():
        sys.exit("shared real data not present")
    truth = list(csv.DictReader((GEN / "cummins_datasheets_TRUTH_extracted.csv").open(encoding="utf-8")))
    readers = {"camelot-hybrid": _camelot, "pdfplumber": _plumber}
    totals: dict[str, dict[str, Any]] = {n: {"right": 0, "sheets": 0, "cpu": 0.0, "wall": 0.0} for n in readers}
    for row in truth:
        path = GEN / "cummins_cat_datasheets" / row["file"]
        figures = (row["fuel_Lph_standby_25_50_75_100"] + " " + row["fuel_Lph_prime_25_50_75_100"]).split()
        if not path.exists() or len(figures) != 8:
            continue
        page = _fuel_page(path)
        if page is None:
            continue
        want = [_token(x) for x in figures]
        for name, reader in readers.items():
            cpu, wall = time.process_time(), time.perf_counter()
            try:
                right = _row_right(reader(path, page), want)
            except Exception as exc:  # noqa: BLE001 - a reader failing on a sheet counts as wrong
                print(f"{row['file']}: {name} failed: {type(exc).__name__}")
                right = False
            totals[name]["cpu"] += time.process_time() - cpu
            totals[name]["wall"] += time.perf_counter() - wall
            totals[name]["sheets"] += 1
            totals[name]["right"] += right
    for name, t in totals.items():
        print(f"{name:15} fuel rows right {t['right']}/{t['sheets']}  CPU/page {t['cpu'] / max(t['sheets'], 1):.2f} s"
              f"  wall/page {t['wall'] / max(t['sheets'], 1):.2f} s")
    (ROOT / "bench" / "out").mkdir(exist_ok=True)
    (ROOT / "bench" / "out" / "bench_camelot.json").write_text(json.dumps(totals, indent=1))


if __name__ == "__main__":
    main()
