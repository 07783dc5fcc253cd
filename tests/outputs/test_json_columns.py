"""JSON and NDJSON built column by column (:mod:`checker.outputs.json_columns`) are the plain report byte for byte,
over blocks that cut across catalogs, categories with different clauses, a workbook (cells that are not Arrow
text), cells and ids JSON must escape, and a record whose file name is not UTF-8 (left to the product-by-product
path); and the column-wise path is the one that ran."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pytest
from plain_report import plain_report

import checker.outputs.json_columns as json_columns
import checker.outputs.jsonl as jsonl
from checker.engine.explain import Explainer
from checker.engine.run import Evaluated
from checker.inputs.product_tables import TableEvidence
from checker.outputs import write_stream
from checker.outputs.report import to_json
from checker.outputs.summary import compact, product_reports
from checker.pipeline import audit

AS_OF = date(2026, 11, 20)
HEADER = ["model", "manufacturer", "category", "psu_efficiency_20", "psu_efficiency_50", "psu_efficiency_100",
          "psu_power_factor_50", "recyclability"]
ROWS = [
    ['SR "q"', "A", "server", "91.2", "95.1", "92.0", "0.97", "81"],
    ["back\\slash", "A", "storage", "88.0", "93.0", "90.5", "0.93", "79.5"],
    ["SW-1", "A", "switch", "", "", "", "", ""],
    ["tab\there", "B", "server", "91.2", "95.1", "92", "0.97", "81"],
    ["SR-5", "B", "server", "91.2\t", " 95.1", '"92.0"', "0.97", "81"],
    ["SR-6", "B", "monitor", "", "", "", "", ""],
    ["SR-7", "B", "server", "94.1 %", "ND", "n/a", "0.95", "82"],
    ["SR-8", "C", "服务器", "90", "94", "91", "0.95", "80"],
    ["SR\x07bell", "C", "server", "90.0", "-0.0", "91", "0.950", "80.0"],
    ["SR-9", "C", "server", "", "≥ 94.5", "91", "", "80"],  # a bound: the column has bounds, a blank beside
    ["SR-10", "C", "storage", "90.5", "", "91", "0.96", ""],
]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Evaluated:
    folder = tmp_path_factory.mktemp("mixed")
    for name, rows in (("a.csv", ROWS), ("b.csv", ROWS[3:])):
        with (folder / name).open("w", encoding="utf-8", newline="") as sink:
            csv.writer(sink).writerows([HEADER, *rows])
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for number, row in enumerate(ROWS[:5]):
        sheet.append([f"X-{number}", *row[1:3], *(float(c) if c.strip().replace(".", "").isdigit() else c
                                                   for c in row[3:])])
    book.save(folder / "c.xlsx")
    return audit([folder / "a.csv", folder / "b.csv", folder / "c.xlsx"], AS_OF)


@pytest.fixture(scope="module")
def strange(tmp_path_factory: pytest.TempPathFactory) -> Evaluated:
    """The catalog and a record whose file name is not UTF-8 (the whole in-memory report is then written with
    visible escapes; the streamed one escapes only that product)."""
    folder = tmp_path_factory.mktemp("strange")
    (folder / "a.csv").write_text("\n".join([",".join(HEADER), *(",".join(r) for r in ROWS[5:])]) + "\n",
                                  encoding="utf-8")
    record = folder / "rec-\udcff.yaml"
    record.write_text("id: REC-1\ncategory: server\npsu_efficiency_50: 95.0\n", encoding="utf-8")
    return audit([folder / "a.csv", record, folder / "a.csv"], AS_OF)


def _written(evaluated: Evaluated, fmt: str) -> str:
    stream = io.StringIO()
    write_stream(evaluated, fmt, None, "en", False, stdout=stream)
    return stream.getvalue()


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> list[list[int]]:
    """Blocks of 4 products (they cut across catalogs and categories); the positions each block left."""
    monkeypatch.setattr(jsonl, "BLOCK", 4)
    left: list[list[int]] = []
    block = json_columns.ProductColumns.block

    def spy(self: json_columns.ProductColumns, rows: range) -> Any:
        texts, kept = block(self, rows)
        left.append([rows.start + at for at in kept])
        return texts, kept

    monkeypatch.setattr(json_columns.ProductColumns, "block", spy)
    return left


def test_json_by_columns_is_the_plain_report(mixed: Evaluated, small_blocks: list[list[int]]) -> None:
    assert len(mixed.batch.frame) == len(ROWS) * 2 - 3 + 5
    statuses = {c.status for p in plain_report(mixed).products for c in p.clauses if c.evidence}
    assert {"pass", "fail", "missing_evidence", "manual_review"} <= statuses
    assert _written(mixed, "json") == to_json(plain_report(mixed))
    assert small_blocks == [[]] * -(-len(mixed.batch.frame) // 4)  # no product left to the slow path


@pytest.mark.parametrize("fmt", ["json", "ndjson"])
def test_a_product_that_cannot_be_encoded_is_written_as_before(strange: Evaluated, fmt: str,
                                                               small_blocks: list[list[int]],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    got = _written(strange, fmt)
    ids = list(strange.batch.frame["id"])
    assert [ids[row] for block in small_blocks for row in block] == ["REC-1"]
    monkeypatch.setattr(json_columns.ProductColumns, "usable", staticmethod(lambda explainer: False))
    assert got == _written(strange, fmt)
    assert "rec-\\\\xff.yaml" in got  # printable: the byte shown escaped


def test_ndjson_by_columns_is_the_plain_products(mixed: Evaluated, small_blocks: list[list[int]]) -> None:
    reference = plain_report(mixed)
    lines = _written(mixed, "ndjson").splitlines()
    assert lines[: len(reference.products)] == [p.model_dump_json() for p in reference.products]
    assert small_blocks


def test_one_block_gives_the_same_bytes(mixed: Evaluated) -> None:
    """The default block (every product at once, several groups in it) is the same text."""
    assert _written(mixed, "json") == to_json(plain_report(mixed))


def test_measured_clauses_come_from_templates(mixed: Evaluated, monkeypatch: pytest.MonkeyPatch) -> None:
    """Most clause results are not built one by one (the comparisons above test the column-wise path)."""
    calls: list[int] = []
    made = json_columns.clause_dict

    def counted(*args: Any) -> Any:
        calls.append(1)
        return made(*args)

    monkeypatch.setattr(json_columns, "clause_dict", counted)
    clauses = sum(len(p["clauses"]) for p in json.loads(_written(mixed, "json"))["products"])
    assert 0 < len(calls) < clauses / 3


def test_a_different_cell_shows(mixed: Evaluated) -> None:
    """The comparison can fail: one evidence text changed in the reference."""
    reference = plain_report(mixed)
    product = next(p for p in reference.products if p.id == "SR-8")
    clause = next(c for c in product.clauses if c.evidence)
    clause.evidence[0] = clause.evidence[0].model_copy(update={"text": clause.evidence[0].text + " "})
    assert _written(mixed, "json") != to_json(reference)


def test_escaped_cells_stay_escaped(mixed: Evaluated) -> None:
    report = json.loads(_written(mixed, "json"))
    texts = {e["text"] for p in report["products"] for c in p["clauses"] for e in c["evidence"]}
    assert any("\t" in t for t in texts)
    assert "SR\x07bell" in {p["id"] for p in report["products"]}
    assert "\\u0007" in _written(mixed, "ndjson")


@pytest.mark.parametrize("fmt", ["json", "ndjson"])
def test_a_file_gets_the_same_bytes(mixed: Evaluated, fmt: str, tmp_path: Path,
                                    small_blocks: list[list[int]]) -> None:
    """Written to a file (from the writer's own thread, blocks queued) as to a text stream."""
    out = tmp_path / f"report.{fmt}"
    write_stream(mixed, fmt, out, "en", False)
    assert out.read_text(encoding="utf-8") == _written(mixed, fmt)
    assert len(small_blocks) > 3


def test_a_failed_write_is_raised(mixed: Evaluated, tmp_path: Path) -> None:
    """An error in the writing thread (here: the file closed under it) reaches the caller."""

    class Closing(io.TextIOWrapper):
        def __init__(self) -> None:
            super().__init__(io.BufferedWriter(io.FileIO(tmp_path / "x.json", "w")), encoding="utf-8")
            self.buffer.close()

        def flush(self) -> None:
            pass

    with pytest.raises(ValueError, match="closed"):
        write_stream(mixed, "ndjson", None, "en", False, stdout=Closing())


@pytest.mark.parametrize(("rows", "one_table"), [([1, 3, 6], True), ([0, 4, 12, 20], False),
                                                ([len(ROWS) + 1, len(ROWS) + 3], True)])
def test_scattered_products_are_reported_as_in_the_whole_batch(mixed: Evaluated, rows: list[int],
                                                               one_table: bool) -> None:
    """The worst products (HTML, XLSX) are reported from a batch of only them: the same reports, from one
    catalog (its cells taken as a table of those rows) or several."""
    explainer = Explainer(mixed.columns, mixed.batch, mixed.catalog)
    chosen = np.array(rows, dtype=np.intp)
    assert list(product_reports(mixed, chosen)) == [explainer.report(row) for row in rows]
    kept = compact(mixed, chosen)
    assert isinstance(kept.batch.evidence, TableEvidence) == one_table


@pytest.mark.parametrize("source", ["mixed", "strange"])
def test_each_clause_result_is_one_line(source: str, request: pytest.FixtureRequest) -> None:
    """§4's layout: a product's own fields indented, each clause result whole on a line of its own (one line to
    grep per clause), and the text is the report's data."""
    evaluated: Evaluated = request.getfixturevalue(source)
    text = _written(evaluated, "json")
    data = json.loads(text)
    clauses = [c for p in data["products"] for c in p["clauses"]]
    lines = [line.strip().rstrip(",") for line in text.splitlines() if line.lstrip().startswith('{"id":')]
    assert [json.loads(line) for line in lines] == clauses
    assert len(text.splitlines()) < len(clauses) + 13 * len(data["products"]) + 20
    if source == "mixed":
        assert data == json.loads(plain_report(evaluated).model_dump_json())
