"""Column mappings (``checker audit --columns``, ``checker template --mapping``) and the real ENERGY STAR files."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
import yaml

from checker.catalog.clauses import load_catalog
from checker.cli import main
from checker.inputs.mapping import MappingError, load_mapping

ROOT = Path(__file__).resolve().parents[2]
MAPPINGS = ROOT / "samples" / "mappings"
ENERGY_STAR = ROOT / ".." / "shared" / "realdata" / "energystar"
LNE = ENERGY_STAR / "ENERGY_STAR_Certified_Large_Network_Equipment.csv"
UPS = ENERGY_STAR / "ENERGY_STAR_Certified_Uninterruptible_Power_Supplies.csv"
real = pytest.mark.skipif(not LNE.exists() or not UPS.exists(), reason="../shared/realdata not present")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def clause(product: dict, clause_id: str) -> dict:
    return next(c for c in product["clauses"] if c["id"] == clause_id)


@real
def test_energy_star_lne_teer_worked_out_from_the_mapped_columns(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "audit", str(LNE), "--columns", str(MAPPINGS / "energystar-lne.yaml"),
                         "--format", "json", "--as-of", "2026-12-01")
    report = json.loads(out)
    raw = pd.read_csv(LNE, dtype=str)
    assert code == 1 and err == "" and len(report["products"]) == len(raw) == 27
    assert {p["category"] for p in report["products"]} == {"switch"}
    weights = load_catalog().device_classes["data_center"].weights
    typ = "Typ Power Config Full-port "
    statuses: Counter[str] = Counter()
    for product, (_, row) in zip(report["products"], raw.iterrows(), strict=True):
        teer = clause(product, "6.2.3/teer")
        statuses[teer["status"]] += 1
        assert product["id"] == row["Model Number"]
        if row["Product Classification"] == "Modular":
            assert teer["status"] == "not_applicable"
            continue
        cells = [row[typ + name] for name in ("Very Low Util Power Measured (watts)",
                                              "30 Percent Load Power Measured (watts)",
                                              "Full Load Power Measured (watts)")]
        if pd.isna(row[typ + "Maximum Non-Drop Rate (Gb/s)"]) or any(pd.isna(cell) for cell in cells):
            assert teer["status"] == "missing_evidence"
            continue
        weighted = sum(w * float(c) for w, c in zip(weights, cells, strict=True))
        expected = float(row[typ + "Maximum Non-Drop Rate (Gb/s)"]) * 1000 / weighted
        assert teer["value"] == pytest.approx(expected, rel=1e-9)
        assert teer["status"] == ("pass" if expected >= 300 else "fail")
        assert any("Typ Power Config Full-port Full Load Power Measured (watts)" in e["text"]
                   for e in teer["evidence"])
    assert statuses["pass"] >= 10 and statuses["missing_evidence"] >= 1
    # nothing in the file is a PSU efficiency: those clauses are never passed
    assert all(clause(p, "6.2.3/single-psu-eff-50")["status"] != "pass" for p in report["products"])


@real
def test_energy_star_ups_is_audited_with_the_mapping(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "audit", str(UPS), "--columns", str(MAPPINGS / "energystar-ups.yaml"),
                         "--format", "json")
    report = json.loads(out)
    assert code == 1 and err == "" and len(report["products"]) == 393
    assert {p["category"] for p in report["products"]} == {"ups"}
    grades = Counter(clause(p, "6.3.2/ups-grade")["status"] for p in report["products"])
    assert grades == {"missing_evidence": 393}  # ENERGY STAR efficiencies are not a GB/T 14715 grade
    assert not any(p["verdict"] == "pass" for p in report["products"])
    assert report["products"][0]["id"] == pd.read_csv(UPS, dtype=str)["Model Number"].iloc[0]


@real
def test_category_option_wins_over_a_category_column(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "audit", str(UPS), "--format", "json")
    assert "unknown category 'ac-output ups'" in err and json.loads(out)["products"] == []
    code, out, err = run(capsys, "audit", str(UPS), "--category", "ups", "--format", "json")
    products = json.loads(out)["products"]
    assert code == 1 and len(products) == 393 and {p["category"] for p in products} == {"ups"}
    assert "unknown category" not in err


def test_category_option_wins_over_the_mapping(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    catalog = tmp_path / "c.csv"
    catalog.write_text("Type,Name\nswitch,A\n", encoding="utf-8")
    mapping = tmp_path / "m.yaml"
    mapping.write_text("columns:\n  Type: {field: category}\n  Name: {field: model}\n", encoding="utf-8")
    _, out, _ = run(capsys, "audit", str(catalog), "--columns", str(mapping), "--format", "json")
    assert json.loads(out)["products"][0]["category"] == "switch"
    _, out, _ = run(capsys, "audit", str(catalog), "--columns", str(mapping), "--category", "ups", "--format", "json")
    assert json.loads(out)["products"][0]["category"] == "ups"


SWITCH_MAPPING = """
columns:
  Name: {field: model}
  Td: {field: max_throughput, unit: Gbps}
  Idle: {field: power_u1, unit: W}
  Mid: {field: power_u2, unit: kW}
  Full: {field: power_u3, unit: W}
fixed: {category: switch, device_class: access, port_type: fixed}
"""


def _teer(tmp_path: Path, capsys: pytest.CaptureFixture[str], rows: str) -> dict[str, dict]:
    catalog = tmp_path / "c.csv"
    catalog.write_text("Name,Td,Idle,Mid,Full\n" + rows, encoding="utf-8")
    mapping = tmp_path / "m.yaml"
    mapping.write_text(SWITCH_MAPPING, encoding="utf-8")
    _, out, _ = run(capsys, "audit", str(catalog), "--columns", str(mapping), "--format", "json")
    return {p["id"]: clause(p, "6.2.3/teer") for p in json.loads(out)["products"]}


def test_mapped_units_and_cells_go_through_the_one_value_rule(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    teer = _teer(tmp_path, capsys, "good,26,38.5,0.0389,39.4\nlow,1,38.5,0.0389,39.4\n"
                                    "bound,26,38.5,0.0389,≤ 39.4\nunit,26,38.5,0.0389,39.4 furlongs\n"
                                    "blank,26,38.5,,39.4\n")
    assert teer["good"]["status"] == "pass"
    assert teer["good"]["value"] == pytest.approx(26000 / (0.1 * 38.5 + 0.8 * 38.9 + 0.1 * 39.4))
    assert teer["low"]["status"] == "fail"
    assert teer["bound"]["status"] == "manual_review"  # a bound on a power is not a reading
    assert teer["unit"]["status"] == "manual_review"
    assert teer["blank"]["status"] == "missing_evidence"


@pytest.mark.parametrize(("text", "words"), [
    ("columns:\n  A: {field: nonsense}\n", "unknown field 'nonsense'"),
    ("columns:\n  A: {field: power_u1, unit: mm}\n", "not a kind of"),
    ("columns:\n  A: {field: power_u1, unit: bogons}\n", "unknown unit"),
    ("columns:\n  A: {field: power_u1}\n", "give the unit"),
    ("columns:\n  A: {field: model, unit: W}\n", "has no unit"),
    ("columns:\n  A: {field: model, colour: red}\n", "colour"),
    ("colums:\n  A: {field: model}\n", "colums"),
    ("columns:\n  A: {field: model}\nfixed: {category: toaster}\n", "unknown category"),
    ("columns:\n  A: {field: model}\nfixed: {port_type: round}\n", "must be one of"),
    ("columns:\n  A: {field: model}\nfixed: {model: X}\n", "both mapped"),
    ("columns: [\n", "cannot read"),
])
def test_a_bad_mapping_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, words: str) -> None:
    mapping = tmp_path / "m.yaml"
    mapping.write_text(text, encoding="utf-8")
    catalog = tmp_path / "c.csv"
    catalog.write_text("A\nx\n", encoding="utf-8")
    code, out, err = run(capsys, "audit", str(catalog), "--columns", str(mapping), "--format", "json")
    assert code == 2 and out == "" and words in err and err.count("\n") == 1 and "Traceback" not in err


def test_a_header_the_catalog_lacks_is_an_error_other_inputs_kept(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    mapping = tmp_path / "m.yaml"
    mapping.write_text("columns:\n  Name: {field: model}\nfixed: {category: ups}\n", encoding="utf-8")
    bad, good = tmp_path / "a.csv", tmp_path / "b.csv"
    bad.write_text("Model\nX\n", encoding="utf-8")
    good.write_text("Name\nY\n", encoding="utf-8")
    code, out, err = run(capsys, "audit", str(bad), str(good), "--columns", str(mapping), "--format", "json")
    report = json.loads(out)
    assert [p["id"] for p in report["products"]] == ["Y"] and "'Name'" in err and code == 1


def test_template_mapping_is_a_skeleton_that_loads_once_filled(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "template", "switch", "--mapping")
    data = yaml.safe_load(out)
    fields = {c["field"] for c in data["columns"].values()}
    assert code == 0 and {"max_throughput", "power_u1", "teer", "noise_lwad"} <= fields
    assert data["fixed"] == {"category": "switch"}
    mapping = tmp_path / "m.yaml"
    mapping.write_text(out, encoding="utf-8")
    assert len(load_mapping(mapping).columns) == len(data["columns"])
    code, _, err = run(capsys, "template", "toaster", "--mapping")
    assert code == 2 and "unknown category" in err


def test_shipped_mappings_load() -> None:
    for path in MAPPINGS.glob("*.yaml"):
        assert load_mapping(path).columns
    with pytest.raises(MappingError):
        load_mapping(MAPPINGS / "no-such.yaml")
