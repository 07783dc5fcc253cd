"""Batch outputs streamed (issues 14.6, 15.6, 17.2): the same JSON as the in-memory report, NDJSON,
the summary that XLSX and HTML lead with, CSV value columns and error rows."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from checker.engine.run import Evaluated
from checker.models import Report
from checker.outputs import html as html_out
from checker.outputs import write_stream
from checker.outputs.report import to_json, write_output
from checker.outputs.summary import summarise
from checker.pipeline import audit

ROOT = Path(__file__).resolve().parents[2]
AS_OF = date(2026, 11, 20)


@pytest.fixture(scope="module")
def evaluated(tmp_path_factory: pytest.TempPathFactory) -> Evaluated:
    broken = tmp_path_factory.mktemp("in") / "broken.pdf"
    broken.write_bytes(b"not a pdf at all")
    return audit([ROOT / "samples/catalogs/servers.csv", ROOT / "samples/records", broken], AS_OF)


@pytest.fixture(scope="module")
def report(evaluated: Evaluated) -> Report:
    return evaluated.report()


def _text(evaluated: Evaluated, fmt: str, detail: bool = False) -> str:
    stream = io.StringIO()
    write_stream(evaluated, fmt, None, "en", detail, stream)
    return stream.getvalue()


def test_streamed_json_is_the_in_memory_document(evaluated: Evaluated, report: Report) -> None:
    streamed = _text(evaluated, "json")
    assert report.errors and len(report.products) > 20  # a product list and an error list both written
    assert streamed == to_json(report)
    assert json.loads(streamed) == json.loads(report.model_dump_json())


def test_json_of_no_product_is_the_in_memory_document(tmp_path: Path) -> None:
    empty = audit([tmp_path / "missing.yaml"], AS_OF)
    assert _text(empty, "json") == to_json(empty.report())
    assert json.loads(_text(empty, "json"))["products"] == []


def test_write_output_returns_the_streamed_text_without_a_stream(evaluated: Evaluated) -> None:
    assert write_output(evaluated, "json", None, "en", False) == _text(evaluated, "json")
    changed = write_output(evaluated, "csv", None, "en", False)
    assert changed is not None and changed.startswith('"id","category","verdict"')


def test_ndjson_is_one_product_a_line_then_the_errors(evaluated: Evaluated, report: Report) -> None:
    lines = [json.loads(line) for line in _text(evaluated, "ndjson").splitlines()]
    products = [line for line in lines if "verdict" in line]
    assert products == json.loads(report.model_dump_json())["products"]
    assert [line for line in lines if "error" in line] == [e.model_dump() for e in report.errors]
    assert len(lines) == len(report.products) + len(report.errors) + len(report.warnings)


def test_summary_counts_match_the_reports(evaluated: Evaluated, report: Report) -> None:
    summary = summarise(evaluated)
    verdicts = Counter(p.verdict for p in report.products)
    assert summary.verdicts == {v: verdicts[v] for v in ("pass", "incomplete", "fail")}
    clause = next(c for c in summary.clauses if c.id == "6.2.1/psu-eff-50")
    found = Counter(r.status for p in report.products for r in p.clauses if r.id == "6.2.1/psu-eff-50")
    assert {k: v for k, v in clause.counts.items() if k != "not_applicable" and v} == \
        {k: v for k, v in found.items() if k != "not_applicable"}
    assert clause.pass_rate == found["pass"] / sum(v for k, v in found.items() if k != "not_applicable")
    worst = [report.products[int(row)] for row in summary.worst(3)]
    fails = [sum(r.status == "fail" for r in p.clauses) for p in report.products]
    assert all(p.verdict == "fail" for p in worst) and sum(r.status == "fail" for r in worst[0].clauses) == max(fails)


def test_xlsx_leads_with_a_summary_sheet(evaluated: Evaluated, report: Report, tmp_path: Path) -> None:
    out = tmp_path / "audit.xlsx"
    write_stream(evaluated, "xlsx", out, "en", False)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[:3] == ["Summary", "Products", "Clauses"] and "Errors" in book.sheetnames
    rows = {r[0]: r[1] for r in book["Summary"].iter_rows(values_only=True) if r and r[0]}
    counts = Counter(p.verdict for p in report.products)
    assert (rows["products"], rows["fail"], rows["pass"]) == (len(report.products), counts["fail"], counts["pass"])
    assert rows["6.2.1/psu-eff-50"] == pytest.approx(summarise(evaluated).clauses[
        [c.id for c in summarise(evaluated).clauses].index("6.2.1/psu-eff-50")].pass_rate, abs=1e-4)
    products = book["Products"]
    assert products.freeze_panes == "A2" and products.auto_filter.ref.startswith("A1:")
    assert products.max_row == len(report.products) + 1
    assert products.column_dimensions["A"].width > 10
    header = [c.value for c in products[1]]
    assert header.index("6.2.1/psu-eff-50 value") == header.index("6.2.1/psu-eff-50") + 1
    assert book["Clauses"].max_row == 1 + sum(len(p.clauses) for p in report.products)
    assert book["Errors"].max_row == 1 + len(report.errors)


def test_html_leads_with_the_summary_and_folds_products(evaluated: Evaluated, report: Report) -> None:
    text = _text(evaluated, "html")
    summary = text.index("<h2>Summary</h2>")
    assert summary < text.index("<details") and text.count("<details") == len(report.products)
    assert "class='bar'" in text and "Worst products" in text
    assert "http" not in text and "<script" not in text  # no external asset, no script
    failing = next(p for p in report.products if p.verdict == "fail")
    assert text.index(failing.id) < text.index("<details")  # a worst product is named in the summary


def test_html_beyond_the_cap_details_only_the_worst(evaluated: Evaluated, report: Report,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_out, "DETAIL_CAP", 3)
    text = _text(evaluated, "html")
    assert text.count("<details") == 3 and f"All products ({len(report.products)})" in text
    assert text.count("<tr><td>") >= len(report.products)  # every product still listed, one line each
    assert _text(evaluated, "html", detail=True).count("<details") == len(report.products)


def test_csv_has_values_beside_statuses_and_errors_as_rows(evaluated: Evaluated, report: Report) -> None:
    rows = list(csv.DictReader(io.StringIO(write_output(evaluated, "csv", None, "en", False) or "")))
    header = list(rows[0])
    assert header[:3] == ["id", "category", "verdict"] and header[-1] == "error"
    assert header.index("6.2.1/psu-eff-50 value") == header.index("6.2.1/psu-eff-50") + 1
    products = {p.id: p for p in report.products}
    for row in rows[:len(report.products)]:
        result = next((r for r in products[row["id"]].clauses if r.id == "6.2.1/psu-eff-50"), None)
        if result is not None and result.status in ("pass", "fail"):
            assert float(row["6.2.1/psu-eff-50 value"]) == result.value
    errors = [row for row in rows if row["verdict"] == "error"]
    assert [(r["id"], r["error"]) for r in errors] == [(e.source, e.error) for e in report.errors]
    assert len(rows) == len(report.products) + len(report.errors)


def test_app_batch_keeps_counts_not_every_report(monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.ui import results
    from checker.ui.uploads import Upload

    monkeypatch.setattr(results, "DETAIL_CAP", 2)
    data = (ROOT / "samples/catalogs/servers.csv").read_bytes()
    batch = results.audit_batch([Upload("servers.csv", data), Upload("bad.pdf", b"not a pdf")], AS_OF)
    assert len(batch.table) == 6 and len(batch.details) == 2 and len(batch.errors) == 1
    assert {d.verdict for d in batch.details} == {"fail"}  # the worst ones are kept in full
    full = json.loads(batch.files["json"][0])
    assert [p["id"] for p in full["products"]] == batch.table["id"].tolist()
    assert results.batch_verdict_counts(batch) == dict(Counter(p["verdict"] for p in full["products"])) | {
        v: 0 for v in ("pass", "fail", "incomplete") if v not in {p["verdict"] for p in full["products"]}}
    rate = batch.clauses.set_index("clause").loc["6.2.1/psu-eff-50"]
    statuses = [c["status"] for p in full["products"] for c in p["clauses"] if c["id"] == "6.2.1/psu-eff-50"]
    assert rate["pass"] == statuses.count("pass") and rate["applies"] == len(statuses)
    for fmt in ("json", "html"):
        assert b"gdc-upload-" not in batch.files[fmt][0] and b"servers.csv" in batch.files[fmt][0]
    book = openpyxl.load_workbook(io.BytesIO(batch.files["xlsx"][0]))
    assert book.sheetnames[0] == "Summary"
    assert not any("gdc-upload-" in str(cell) for sheet in book for row in sheet.iter_rows(values_only=True)
                   for cell in row)
