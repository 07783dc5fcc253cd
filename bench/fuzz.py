"""Fuzzing harness (issue 7): mutate the samples and look for crashes and false passes.

    python bench/fuzz.py [--cases 10000] [--seed 7]

Three kinds of case, by seeded random mutation of the project's samples:

* ``csv``: one mutated row of ``samples/catalogs/servers.csv`` (a cell replaced by junk, an
  impossible number, a fraction, a wrong unit, or the row's structure broken);
* ``record``: a sample record (YAML or JSON) with a field replaced, or its text mutated;
* ``pdf``: the bytes of a sample PDF flipped, truncated, spliced or padded.

A *crash* is an exception escaping :func:`checker.pipeline.audit` (a reported InputError is
fine); a *lost input* is a row or file that is neither a product nor an error. A *false pass* is
a server clause that passes while the mutated value, read by this harness's own parser and
judged against its own hand-written limit table (not the project's catalogs), violates it or
cannot be read at all. Prints the figures and writes ``bench/out/fuzz.json``.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import logging
import random
import re
import shutil
import sys
import tempfile
import time
import traceback
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's checker, installed or not
SAMPLES = ROOT / "samples"
AS_OF = date(2026, 11, 20)

# The harness's own reading of Table 2 (6.2.1), written from the standard, not from catalogs/.
HAND_LIMITS: dict[str, tuple[str, float, str]] = {
    "psu_efficiency_20": ("6.2.1/psu-eff-20", 90.0, "%"),
    "psu_efficiency_50": ("6.2.1/psu-eff-50", 94.0, "%"),
    "psu_efficiency_100": ("6.2.1/psu-eff-100", 91.0, "%"),
    "psu_power_factor_20": ("6.2.1/psu-pf-20", 0.95, ""),
    "psu_power_factor_50": ("6.2.1/psu-pf-50", 0.95, ""),
    "psu_power_factor_100": ("6.2.1/psu-pf-100", 0.95, ""),
    "recyclability": ("6.2.1/recyclability", 80.0, "%"),
}
_PLAIN = re.compile(r"^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(%?)\s*$")


def hand_value(cell: object, unit: str) -> float | None:
    """The harness's own reading of a cell: a plain number, optionally with ``%`` (full-width forms and a
    decimal comma allowed), else None."""
    if isinstance(cell, bool) or cell is None:
        return None
    if isinstance(cell, int | float):
        return float(cell)
    text = unicodedata.normalize("NFKC", str(cell))
    if re.fullmatch(r"\s*\d+,\d{1,2}\s*%?\s*", text):  # a decimal comma: "94,5"
        text = text.replace(",", ".")
    match = _PLAIN.match(text)
    if not match:
        return None
    value = float(match.group(1))
    return value / 100.0 if match.group(2) and unit != "%" else value  # "98 %" as a power factor is 0.98


def violates(column: str, cell: object) -> bool:
    """True when a pass on ``column`` with this cell would be wrong (junk, impossible or under the limit).

    A lower bound printed as "≥ X" proves a minimum limit when X is at or above it (INTERFACE §6).
    """
    _, limit, unit = HAND_LIMITS[column]
    text = unicodedata.normalize("NFKC", str(cell)).strip() if isinstance(cell, str) else ""
    if text.startswith(("≥", ">=", ">")):
        bound = hand_value(text.lstrip("≥>="), unit)
        return bound is None or bound != bound or not (limit <= bound <= (100.0 if unit == "%" else 1.0))
    value = hand_value(cell, unit)
    if value is None or value != value:  # unreadable or NaN
        return True
    ceiling = 100.0 if unit == "%" else 1.0
    return not (limit <= value <= ceiling)


# units pint parses as something else, logarithmic, angular, molar or volume shares: never a percent or a number
FOREIGN_UNITS = ["dB(C)", "dBm", "dBW", "µmol/mol", "°", "pct", "%(v/v)", "vol%", "ppmv", "1U", "Np", "sone",
                 "kVA", "BTU/h", "rad", "mg/L", "°C", "degF", "hp", "Mpps", "carat", "arcsec"]


def junk_value(rng: random.Random, column: str) -> object:
    """A mutated value for ``column``: plausible, impossible, fractional, wrong-unit or garbage."""
    unit = HAND_LIMITS.get(column, ("", 0.0, ""))[2]
    choices: list[Any] = [
        round(rng.uniform(-50, 250), rng.randint(0, 4)), round(rng.uniform(0, 1.5), 3),
        round(rng.uniform(85, 101), 2), f"{rng.uniform(0, 120):.1f} %", f"{rng.uniform(0, 120):.1f} W",
        f"{rng.uniform(30, 80):.1f} dB(A)", f"{rng.uniform(0, 2):.2f} kW", rng.choice(["", "ND", "N/A", "-", "?"]),
        f"<{rng.uniform(80, 100):.1f}", f"≥{rng.uniform(80, 100):.1f}", f"{rng.uniform(80, 100):.1f}".replace(".", ","),
        rng.choice(["nan", "inf", "-inf", "1e308", "1e-308", "0x5F", "9" * 40, "94.5.1", "９４．５", "94 5"]),
        "".join(chr(rng.randint(32, 0x2FFF)) for _ in range(rng.randint(1, 8))),
        f"{rng.uniform(80, 100):.2f}{rng.choice(['', '%', ' %', '％'])}",
        f"{rng.uniform(0.5, 100):.1f} {rng.choice(FOREIGN_UNITS)}",
    ]
    if unit == "":
        choices += [round(rng.uniform(0.9, 1.2), 3), f"{rng.uniform(90, 100):.0f}%"]
    return rng.choice(choices)


@dataclass
class Figures:
    """Counters of one run."""

    cases: dict[str, int] = field(default_factory=lambda: {"csv": 0, "record": 0, "pdf": 0})
    crashes: list[dict[str, str]] = field(default_factory=list)
    false_passes: list[dict[str, str]] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)


def _audit(paths: list[Path]) -> Any:
    from checker.pipeline import audit

    return audit(paths, AS_OF).report()


def csv_cases(rng: random.Random, work: Path, count: int, figures: Figures, batch: int = 100) -> None:
    """Mutated catalog rows, ``batch`` per file; every mutated value checked against HAND_LIMITS."""
    text = (SAMPLES / "catalogs" / "servers.csv").read_text(encoding="utf-8")
    header, *rows = list(csv.reader(io.StringIO(text)))
    done = 0
    while done < count:
        size = min(batch, count - done)
        lines: list[list[str]] = []
        mutated: list[dict[str, object]] = []
        structural: set[int] = set()
        for index in range(size):
            row = list(rng.choice(rows))
            row[0] = f"FZ-{done + index}"
            changes: dict[str, object] = {}
            for _ in range(rng.randint(1, 3)):
                column = rng.randrange(3, len(header))
                value = junk_value(rng, header[column])
                row[column] = str(value)
                changes[header[column]] = value
            if rng.random() < 0.03:
                row.append("extra")
                structural.add(index)
            lines.append(row)
            mutated.append(changes)
        buffer = io.StringIO()
        csv.writer(buffer).writerows([header, *lines])
        path = work / f"fuzz-{done}.csv"
        path.write_text(buffer.getvalue(), encoding="utf-8")
        try:
            report = _audit([path])
        except Exception:  # noqa: BLE001 - a crash is what the harness counts
            figures.crashes.append({"kind": "csv", "file": path.name, "error": traceback.format_exc(limit=3)})
            done += size
            continue
        products = {p.id: p for p in report.products}
        row_errors = sum(1 for e in report.errors if e.error.startswith("line "))
        accounted = len([i for i in range(size) if f"FZ-{done + i}" in products]) + row_errors
        unknown_category = sum(1 for e in report.errors if "unknown category" in e.error)
        if accounted + unknown_category < size:
            figures.lost.append(f"{path.name}: {size - accounted - unknown_category} row(s) unaccounted")
        for index, changes in enumerate(mutated):
            product = products.get(f"FZ-{done + index}")
            if product is None or index in structural or product.category not in ("server", "storage"):
                continue
            statuses = {c.id: c for c in product.clauses}
            for column, value in changes.items():
                clause = statuses.get(HAND_LIMITS[column][0]) if column in HAND_LIMITS else None
                if clause is not None and clause.status == "pass" and violates(column, value):
                    figures.false_passes.append({"kind": "csv", "column": column, "value": repr(value),
                                                 "clause": clause.id, "read": repr(clause.value)})
        figures.cases["csv"] += size
        done += size


def _record_samples() -> list[tuple[str, dict[str, Any]]]:
    samples = []
    for path in sorted((SAMPLES / "records").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            samples.append((path.stem, data))
    return samples


def record_cases(rng: random.Random, work: Path, count: int, figures: Figures) -> None:
    """Sample records with a field replaced by junk, or their serialised text mutated."""
    samples = _record_samples()
    for number in range(count):
        stem, data = rng.choice(samples)
        data = json.loads(json.dumps(data, default=str))
        suffix = rng.choice([".yaml", ".json"])
        keys = [k for k in data if k not in ("id", "category")]
        changes: dict[str, object] = {}
        if keys and rng.random() < 0.8:
            key = rng.choice(list(HAND_LIMITS) if data.get("category") == "server" and rng.random() < 0.5 else keys)
            unit = rng.choice(["%", "W", "dB(A)", "B", "", "bogus", *FOREIGN_UNITS])
            value = rng.choice([junk_value(rng, key), junk_value(rng, key), [1, 2], {"value": junk_value(rng, key)},
                                True, None, {"value": 95, "unit": unit}])
            data[key] = value
            changes[key] = value
        text = json.dumps(data, ensure_ascii=False) if suffix == ".json" else yaml.safe_dump(data, allow_unicode=True)
        if rng.random() < 0.2:
            position = rng.randrange(len(text))
            text = text[:position] + rng.choice(["", "{", "]", ":", "&a", "*a", "!!python/object:os.system", "\x00",
                                                 "\n  - ", '"']) + text[position + rng.randint(0, 3):]
            changes = {}
        path = work / f"record-{number}-{stem}{suffix}"
        path.write_text(text, encoding="utf-8")
        try:
            report = _audit([path])
        except Exception:  # noqa: BLE001
            figures.crashes.append({"kind": "record", "file": path.name, "error": traceback.format_exc(limit=3)})
            continue
        finally:
            figures.cases["record"] += 1
        if not report.products and not report.errors:
            figures.lost.append(path.name)
        for product in report.products:
            statuses = {c.id: c for c in product.clauses}
            for key, value in changes.items():
                if key not in HAND_LIMITS or product.category != "server":
                    continue
                clause = statuses.get(HAND_LIMITS[key][0])
                cell = value.get("value") if isinstance(value, dict) else value
                if isinstance(value, dict) and value.get("unit") == "%":
                    cell = f"{cell}%"  # read as the harness reads "95 %"
                elif isinstance(value, dict) and value.get("unit") not in (None, HAND_LIMITS[key][2]):
                    cell = None  # a wrong unit: a pass would be a guess
                if clause is not None and clause.status == "pass" and violates(key, cell):
                    figures.false_passes.append({"kind": "record", "column": key, "value": repr(value),
                                                 "clause": clause.id, "read": repr(clause.value)})


def pdf_cases(rng: random.Random, work: Path, count: int, figures: Figures) -> None:
    """Sample PDFs with bytes flipped, cut, spliced or padded: never a crash, never lost."""
    sources = sorted((SAMPLES / "documents").glob("*.pdf"))
    small = [p for p in sources if p.stat().st_size < 200_000] or sources
    for number in range(count):
        source = rng.choice(small)
        data = bytearray(source.read_bytes())
        operation = rng.choice(["flip", "truncate", "splice", "pad", "zero"])
        if operation == "flip":
            for _ in range(rng.randint(1, 50)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        elif operation == "truncate":
            data = data[: rng.randrange(1, len(data))]
        elif operation == "splice":
            other = rng.choice(small).read_bytes()
            cut = rng.randrange(len(data))
            data = data[:cut] + other[rng.randrange(len(other)):]
        elif operation == "pad":
            data += bytes(rng.randrange(256) for _ in range(rng.randint(1, 2000)))
        else:
            start = rng.randrange(len(data))
            data[start:start + rng.randint(1, 500)] = bytes(min(500, len(data) - start))
        path = work / f"pdf-{number}-{operation}-{source.name}"
        path.write_bytes(bytes(data))
        try:
            report = _audit([path])
        except Exception:  # noqa: BLE001
            figures.crashes.append({"kind": "pdf", "file": path.name, "error": traceback.format_exc(limit=3)})
            continue
        finally:
            figures.cases["pdf"] += 1
        if not report.products and not report.errors:
            figures.lost.append(path.name)


def run(cases: int, seed: int, pdf_share: float = 0.03, record_share: float = 0.3) -> dict[str, Any]:
    """Run ``cases`` fuzz cases (seeded) and return the figures as a mapping."""
    rng = random.Random(seed)
    figures = Figures()
    work = Path(tempfile.mkdtemp(prefix="gdc-fuzz-"))
    started = time.perf_counter()
    try:
        pdfs = max(1, round(cases * pdf_share))
        records = max(1, round(cases * record_share))
        csv_cases(rng, work, cases - pdfs - records, figures)
        record_cases(rng, work, records, figures)
        pdf_cases(rng, work, pdfs, figures)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    seconds = time.perf_counter() - started
    total = sum(figures.cases.values())
    return {"seed": seed, "cases": total, "by_kind": figures.cases, "crashes": len(figures.crashes),
            "false_passes": len(figures.false_passes), "lost_inputs": len(figures.lost),
            "seconds": round(seconds, 2), "cases_per_second": round(total / seconds, 1),
            "crash_examples": figures.crashes[:10], "false_pass_examples": figures.false_passes[:20],
            "lost_examples": figures.lost[:10]}


def main(argv: list[str] | None = None) -> int:
    """Command line: run, print the figures, write bench/out/fuzz.json; exit 1 on any crash or false pass."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", default=str(ROOT / "bench" / "out" / "fuzz.json"))
    args = parser.parse_args(argv)
    logging.getLogger("checker").setLevel(logging.CRITICAL)  # damaged inputs are counted, not logged
    result = run(args.cases, args.seed)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"cases {result['cases']} ({result['by_kind']}), crashes {result['crashes']}, "
          f"false passes {result['false_passes']}, lost inputs {result['lost_inputs']}, "
          f"{result['cases_per_second']} cases/s in {result['seconds']} s -> {out}")
    return 1 if result["crashes"] or result["false_passes"] or result["lost_inputs"] else 0


if __name__ == "__main__":
    sys.exit(main())
