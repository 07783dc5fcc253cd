"""The fast paths of the batch outputs (issue 17) give what the plain path gives.

JSON and NDJSON are built by :class:`checker.engine.explain.Explainer` (clause results that read no cell of
the batch made once and shared, plain measured clauses from per-block lists) and serialised with the
shared clauses put in by marker; the reference here is :func:`checker.engine.explain.clause_result`, one
clause of one product at a time, validated and serialised by pydantic as ``checker.outputs.report.to_json``
does. XLSX rows are written by :mod:`checker.outputs.sheetml`; they must read back as the values given.
"""

from __future__ import annotations

import importlib.util
import io
import json
import math
from datetime import date
from pathlib import Path

import numpy as np
import openpyxl
import pyarrow as pa
import pytest
from plain_report import plain_report

from checker.engine.run import Evaluated
from checker.outputs import write_stream
from checker.outputs.report import to_json
from checker.outputs.sheetml import FastBook
from checker.pipeline import audit

ROOT = Path(__file__).resolve().parents[2]
AS_OF = date(2026, 11, 20)
HOSTILE_IDS = ['SR "quoted"', "SR\nnewline", "SR <b>&amp;</b>", "=HYPERLINK(1)", " padded ", "SR \U0001f600 服务器",
               "tab\there", "back\\slash"]


def _make_frame(rows: int) -> object:
    spec = importlib.util.spec_from_file_location("make_catalog", ROOT / "bench" / "make_catalog.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_frame(rows, seed=11)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Evaluated:
    """A generated server catalog over two blocks of rows (1 024 each), hostile ids in it, and a bad file."""
    frame = _make_frame(2_100)
    frame.loc[: len(HOSTILE_IDS) - 1, "model"] = HOSTILE_IDS  # type: ignore[index]
    folder = tmp_path_factory.mktemp("generated")
    frame.to_csv(folder / "catalog.csv", index=False)  # type: ignore[attr-defined]
    (folder / "broken.pdf").write_bytes(b"not a pdf")
    return audit([folder / "catalog.csv", folder / "broken.pdf"], AS_OF)


@pytest.fixture(scope="module")
def samples() -> Evaluated:
    return audit([ROOT / "samples/catalogs/servers.csv", ROOT / "samples/records", ROOT / "samples/datacenter"],
                 AS_OF)


def _first_difference(got: str, expected: str) -> tuple[int, str, str] | None:
    """The first line that differs (pytest's own diff of megabytes of text would take minutes)."""
    if got == expected:
        return None
    lines, others = got.splitlines(), expected.splitlines()
    for number, (line, other) in enumerate(zip(lines, others, strict=False)):
        if line != other:
            return number, line, other
    return min(len(lines), len(others)), f"{len(lines)} lines", f"{len(others)} lines"


def _written(evaluated: Evaluated, fmt: str) -> str:
    stream = io.StringIO()
    write_stream(evaluated, fmt, None, "en", False, stdout=stream)
    return stream.getvalue()


@pytest.mark.parametrize("which", ["generated", "samples"])
def test_json_is_the_plain_report_byte_for_byte(which: str, request: pytest.FixtureRequest) -> None:
    evaluated: Evaluated = request.getfixturevalue(which)
    expected = to_json(plain_report(evaluated))
    assert len(evaluated.batch.frame) > 20
    assert _first_difference(_written(evaluated, "json"), expected) is None


@pytest.mark.parametrize("which", ["generated", "samples"])
def test_ndjson_lines_are_the_plain_products(which: str, request: pytest.FixtureRequest) -> None:
    evaluated: Evaluated = request.getfixturevalue(which)
    reference = plain_report(evaluated)
    lines = _written(evaluated, "ndjson").splitlines()
    products = lines[: len(reference.products)]
    assert _first_difference("\n".join(products), "\n".join(p.model_dump_json() for p in reference.products)) is None
    assert [json.loads(line) for line in lines[len(products):]] == [e.model_dump() for e in evaluated.errors]


def test_generated_catalog_exercises_the_shared_and_plain_paths(generated: Evaluated) -> None:
    """The comparison above means something: shared clause results and several statuses of measured ones."""
    report = json.loads(_written(generated, "json"))
    statuses = {(c["id"], c["status"]) for p in report["products"] for c in p["clauses"]}
    assert {"pass", "fail", "missing_evidence"} <= {s for _, s in statuses}
    assert any(p["id"] == 'SR "quoted"' for p in report["products"])
    measured = [c for p in report["products"] for c in p["clauses"] if c["id"] == "6.2.1/psu-eff-50"]
    assert {bool(c["evidence"]) for c in measured} == {True}
    assert len({c["margin"] for c in measured}) > 50


def test_a_changed_clause_shows(generated: Evaluated) -> None:
    """The reference differs when one product's clause differs (the comparison can fail)."""
    reference = plain_report(generated)
    reference.products[1500].clauses[-1].note = "changed"
    assert _first_difference(_written(generated, "json"), to_json(reference)) is not None


CELLS = [None, "", "pass", "a & b < c > d", " lead", "trail ", "\u3000wide", "=1+2", "x\x01y", "长文本", "x" * 40_000]
NUMBERS = [None, 0.0, -1.5, 94.123456, 1e-7, 1e22, math.nan, math.inf, 0.1 + 0.2]


def _read_back(rows: list[list[object]], columns: bool) -> list[tuple[object, ...]]:
    book = FastBook()
    sheet = book.create_sheet("S")
    if columns:
        sheet.append_columns([pa.array([r[0] for r in rows], pa.string()), pa.array([r[1] for r in rows], pa.float64()),
                              pa.array(np.arange(len(rows), dtype=np.int32))])
    else:
        for index, row in enumerate(rows):
            sheet.append([*row, index])
    sink = io.BytesIO()
    book.save(sink)
    sink.seek(0)
    return list(openpyxl.load_workbook(sink)["S"].iter_rows(values_only=True))


@pytest.mark.parametrize("columns", [False, True])
def test_sheet_rows_read_back_as_given(columns: bool) -> None:
    rows: list[list[object]] = [[text, NUMBERS[i % len(NUMBERS)]] for i, text in enumerate(CELLS)]
    back = _read_back(rows, columns)
    assert len(back) == len(rows)
    for index, ((text, number), got) in enumerate(zip(rows, back, strict=True)):
        expected_text = text or None
        if isinstance(expected_text, str):
            expected_text = expected_text.replace("\x01", "\ufffd")[:32_767]
        expected_number = number if isinstance(number, float) and math.isfinite(number) else None
        assert got[0] == expected_text, index
        assert got[1] == expected_number, index
        assert got[2] == index


def test_both_ways_of_writing_rows_give_the_same_sheet() -> None:
    rows: list[list[object]] = [[text, NUMBERS[i % len(NUMBERS)]] for i, text in enumerate(CELLS)]
    assert _read_back(rows, True) == _read_back(rows, False)
