"""Record files and catalogs into the engine: headers, units, junk, unknown columns, bad files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from checker.pipeline import audit, check

AS_OF = date(2026, 11, 20)
INTERFACE_HEADER = ("model,manufacturer,category,psu_efficiency_20,psu_efficiency_50,psu_efficiency_100,"
                    "psu_power_factor_20,psu_power_factor_50,psu_power_factor_100,recyclability")


def _statuses(evaluated, row: int = 0) -> dict[str, str]:
    product = evaluated.report().products[row]
    return {c.id: c.status for c in product.clauses}


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_interface_server_columns_audit_without_mapping(tmp_path: Path) -> None:
    path = _write(tmp_path, "s.csv", INTERFACE_HEADER + "\nA1,V,server,90,94,91,0.95,0.95,0.95,80\n")
    evaluated = audit([path], AS_OF)
    statuses = _statuses(evaluated)
    assert all(statuses[f"6.2.1/{k}"] == "pass" for k in
               ("psu-eff-20", "psu-eff-50", "psu-eff-100", "psu-pf-20", "psu-pf-50", "psu-pf-100", "recyclability"))
    assert evaluated.errors == []


@pytest.mark.parametrize(("header", "cell", "status"), [
    ("psu_efficiency_50 [%]", "93.9", "fail"),
    ("psu_efficiency_50 (%)", "94", "pass"),
    ("50%负载电源效率", "94.0", "pass"),
    ("psu_efficiency_50 []", "0.94", "pass"),     # a fraction, declared so by the empty unit
    ("psu_efficiency_50", "94.0 %", "pass"),
    ("psu_efficiency_50", "0.94", "manual_review"),  # bare 0.94 in a percent column: junk, never a pass
    ("psu_efficiency_50", "abc", "manual_review"),
    ("psu_efficiency_50", "", "missing_evidence"),
])
def test_header_units_and_cells(tmp_path: Path, header: str, cell: str, status: str) -> None:
    path = _write(tmp_path, "c.csv", f"model,category,{header}\nX,server,{cell}\n")
    assert _statuses(audit([path], AS_OF))["6.2.1/psu-eff-50"] == status


def test_unknown_columns_are_reported_not_dropped(tmp_path: Path) -> None:
    path = _write(tmp_path, "c.csv", "model,category,psu_eff_fifty,colour\nX,server,95,red\n")
    evaluated = audit([path], AS_OF)
    assert any("psu_eff_fifty" in e.error and "colour" in e.error for e in evaluated.errors)


def test_unknown_category_row_is_an_error_not_a_pass(tmp_path: Path) -> None:
    path = _write(tmp_path, "c.csv", "model,category,psu_efficiency_50\nX,toaster,95\nY,server,95\n")
    evaluated = audit([path], AS_OF)
    assert [p.id for p in evaluated.report().products] == ["Y"]
    assert any("toaster" in e.error for e in evaluated.errors)


def test_many_rows_of_one_unknown_category_are_one_error_naming_them(tmp_path: Path) -> None:
    """A catalog whose category column is no category the standard knows ("Online 2", "AC-output UPS"): one
    line per file and value, counting and naming the products (the first 20), not a line per row."""
    rows = "".join(f"T-{n},toaster,95\n" for n in range(25))
    path = _write(tmp_path, "c.csv", "model,category,psu_efficiency_50\n" + rows + "Y,server,95\nK,kettle,95\n")
    evaluated = audit([path], AS_OF)
    assert [p.id for p in evaluated.report().products] == ["Y"]
    toaster = [e.error for e in evaluated.errors if "toaster" in e.error]
    assert len(toaster) == 1 and toaster[0].startswith("25 products (T-0, T-1,") and "T-19 and 5 more" in toaster[0]
    assert "give --category" in toaster[0]
    assert [e.error for e in evaluated.errors if "kettle" in e.error] == ["product K: unknown category 'kettle'"]


def test_chinese_category_words(tmp_path: Path) -> None:
    path = _write(tmp_path, "c.csv", "型号,类别,psu_efficiency_50\nX,服务器,95\n")
    assert evaluated_category(audit([path], AS_OF)) == "server"


def evaluated_category(evaluated) -> str:
    return evaluated.report().products[0].category


def test_xlsx_and_parquet_give_the_same_statuses(tmp_path: Path) -> None:
    frame = pd.DataFrame({"model": ["A", "B"], "category": ["server", "server"],
                          "psu_efficiency_50": ["94", "93.5"], "recyclability": ["80", "79"]})
    frame.to_excel(tmp_path / "c.xlsx", index=False)
    frame.to_parquet(tmp_path / "c.parquet", index=False)
    frame.to_csv(tmp_path / "c.csv", index=False)
    runs = [audit([tmp_path / f"c.{ext}"], AS_OF).report() for ext in ("csv", "xlsx", "parquet")]
    shapes = [[(p.id, p.verdict, [c.status for c in p.clauses]) for p in r.products] for r in runs]
    assert shapes[0] == shapes[1] == shapes[2]


def test_catalog_evidence_names_the_row_and_header(tmp_path: Path) -> None:
    path = _write(tmp_path, "c.csv", "model,category,psu_efficiency_50 [%]\nX,server,93\nY,server,95\n")
    product = audit([path], AS_OF).report().products[1]
    result = next(c for c in product.clauses if c.id == "6.2.1/psu-eff-50")
    assert result.evidence[0].text == "row 3: psu_efficiency_50 [%] = 95"


@pytest.mark.parametrize(("name", "text", "message"), [
    ("bad.json", "{not json", "not a valid JSON"),
    ("bad.yaml", "a: [1, 2", "not a valid YAML"),
    ("list.yaml", "- 1\n- 2\n", "expected a record"),
    ("cat.yaml", "category: toaster\n", "unknown or missing category"),
    ("key.yaml", "category: server\npsu_efficiency_55: 94\n", "psu_efficiency_55"),
    ("evil.yaml", "!!python/object/apply:os.system ['echo hi']\n", "not a valid YAML"),
    ("empty.csv", "", "empty file"),
    ("x.docx", "hello", "unsupported file type"),
])
def test_bad_inputs_are_one_line_errors_and_lose_nothing_else(tmp_path: Path, name: str, text: str,
                                                             message: str) -> None:
    bad = _write(tmp_path, name, text)
    good = _write(tmp_path, "good.yaml", "category: pdu\nid: P1\noutlet_power: 0.4\n")
    evaluated = audit([bad, good], AS_OF)
    assert [p.id for p in evaluated.report().products] == ["P1"]
    assert len(evaluated.errors) == 1 and message in evaluated.errors[0].error
    assert "\n" not in evaluated.errors[0].error


def test_check_pools_files_of_one_product_and_flags_conflicts(tmp_path: Path) -> None:
    sheet = _write(tmp_path, "sheet.yaml", "category: server\nid: S\npsu_efficiency_50: 94.5\n")
    report = _write(tmp_path, "report.yaml", "category: server\nid: S\npsu_efficiency_50: {value: 93.1, unit: '%',"
                    " source: r.pdf, page: 3, text: '50% 93.1%'}\n")
    result = next(c for c in check([sheet, report], AS_OF).report().products[0].clauses
                  if c.id == "6.2.1/psu-eff-50")
    assert result.status == "manual_review"
    assert "94.5" in result.note and "93.1" in result.note and "r.pdf p.3" in result.note
    assert len(result.evidence) == 2


def test_audit_folder_groups_a_subfolder_into_one_product(tmp_path: Path) -> None:
    product = tmp_path / "bid" / "SR-9"
    product.mkdir(parents=True)
    _write(product, "a.yaml", "category: server\nid: SR-9\npsu_efficiency_50: 95\n")
    _write(product, "b.yaml", "category: server\nid: SR-9\npsu_efficiency_20: 91\n")
    _write(tmp_path / "bid", "loose.yaml", "category: pdu\nid: P\noutlet_power: 0.3\n")
    report = audit([tmp_path / "bid"], AS_OF).report()
    assert sorted(p.id for p in report.products) == ["P", "SR-9"]
    server = next(p for p in report.products if p.id == "SR-9")
    statuses = {c.id: c.status for c in server.clauses}
    assert statuses["6.2.1/psu-eff-50"] == statuses["6.2.1/psu-eff-20"] == "pass"


def test_samples_cover_every_category_and_audit() -> None:
    root = Path(__file__).resolve().parents[2] / "samples"
    evaluated = audit([root / "records", root / "catalogs"], AS_OF)
    categories = {p.category for p in evaluated.report().products}
    assert categories == set(evaluated.catalog.categories)
    assert evaluated.errors == []


# Issue 14/17: the guards read hostile text in one pass (regressions of the quadratic regexes)
def test_json_depth_skips_strings_with_escapes_and_unterminated_strings() -> None:
    from checker.inputs.guard import json_depth

    assert json_depth('{"a": [1, {"b": "x]]]\\"[["}], "c": "\\\\"}') == 3
    assert json_depth('"' + '\\"' * 40_000 + '"') == 0
    assert json_depth('[["' + '\\"' * 1000) == 2  # an unterminated string runs to the end
    assert json_depth("[" * 300 + "]" * 300) == 300


def test_pdf_object_count_on_long_digit_runs() -> None:
    from checker.inputs.guard import _PDF_OBJECT

    data = b"1" * 200_000 + b" 0 obj\n12 0 obj\n<<>>\n13 0 obj"
    assert sum(1 for _ in _PDF_OBJECT.finditer(data)) == 2


def test_a_c_weighted_noise_cell_is_a_manual_review_and_the_audit_goes_on(tmp_path: Path) -> None:
    """Regression: a generator catalog's "110 dB(C)" stopped the whole audit with pint's AssertionError."""
    path = _write(tmp_path, "g.csv", "model,category,rated_power,noise_max\nG1,generator,400 kW,110 dB(C)\n"
                                     "G2,generator,400 kW,100 dB(A)\n")
    products = audit([path], AS_OF).report().products
    noise = [next(c for c in product.clauses if c.id == "6.3.5/noise") for product in products]
    assert [c.status for c in noise] == ["manual_review", "pass"]
    assert "dB(C)" in noise[0].note


@pytest.mark.parametrize(("category", "column", "cell", "clause"), [
    ("firewall", "pb [mg/kg]", "900 µmol/mol", "6.1.11/pb"),
    ("firewall", "pb", "0.05 %(v/v)", "6.1.11/pb"),
    ("firewall", "pb", "5 mass%", "6.1.11/pb"),          # 50 000 mg/kg: read, and a fail
    ("pdu", "outlet_power", "95 dBm", "6.3.4/outlet-power"),
])
def test_units_pint_misreads_never_pass(tmp_path: Path, category: str, column: str, cell: str, clause: str) -> None:
    """Regression: '900 µmol/mol' (a mole fraction) was 900 mg/kg, '5 mass%' was 5 milliarcsecond percent,
    '95 dBm' (3 kW) was multiplied as if linear into 0.12 W: all passes."""
    path = _write(tmp_path, "c.csv", f"model,category,{column}\nX,{category},{cell}\n")
    assert _statuses(audit([path], AS_OF))[clause] in {"manual_review", "missing_evidence", "fail"}


def test_trailing_separators_lose_no_row(tmp_path: Path) -> None:
    """Regression: a CSV whose rows end in empty fields (an export with trailing commas) had its first
    cells taken as pandas' index, every value one column left: the whole catalog was lost as
    "unknown category 'none'"."""
    path = _write(tmp_path, "c.csv", "model,manufacturer,category,psu_efficiency_50\nA,X,server,95,,\n"
                                     "B,X,server,93,\nC,X,server,95\n")
    evaluated = audit([path], AS_OF)
    report = evaluated.report()
    assert report.errors == [] and [p.id for p in report.products] == ["A", "B", "C"]
    assert [_statuses(evaluated, row)["6.2.1/psu-eff-50"] for row in range(3)] == ["pass", "fail", "pass"]


@pytest.mark.parametrize("category_option", [None, "server"])
def test_a_first_row_with_a_field_too_many_is_an_error_not_a_shift(tmp_path: Path,
                                                                   category_option: str | None) -> None:
    """Regression: "94,5" (a decimal comma, unquoted) in the first data row made five fields under four
    headers; pandas took the model as an index and shifted the rest, so with --category the row was read
    with 5 as its 20 % efficiency and 94 as its 50 %. Now the row is an error naming its line."""
    path = _write(tmp_path, "c.csv", "model,category,psu_efficiency_50,psu_efficiency_20\nA,server,94,5,96\n"
                                     "B,server,95,93\n")
    report = audit([path], AS_OF, category=category_option).report()
    assert [p.id for p in report.products] == ["B"]
    assert [e.error for e in report.errors] == ["line 2: 5 fields where the header has 4; row not read"]
