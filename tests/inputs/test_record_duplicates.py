"""Issue #11 (5): a key given twice in a JSON or YAML record is a conflict, never last-one-wins."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from checker.cli import main
from checker.inputs.record_text import RecordLoader, parse_json, parse_yaml
from checker.pipeline import audit, check

AS_OF = date(2026, 11, 20)
EFF50 = "6.2.1/psu-eff-50"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _clause(path: Path, clause: str = EFF50) -> tuple[str, str]:
    evaluated = check([path], AS_OF)
    assert evaluated.errors == []
    result = next(c for c in evaluated.report().products[0].clauses if c.id == clause)
    return result.status, result.note


@pytest.mark.parametrize(("name", "text"), [
    ("worse-last.yaml", "id: D1\ncategory: server\npsu_efficiency_50: 96\npsu_efficiency_50: 91\n"),
    ("better-last.yaml", "id: D1\ncategory: server\npsu_efficiency_50: 91\npsu_efficiency_50: 96\n"),
    ("worse-last.json", '{"id": "D1", "category": "server", "psu_efficiency_50": 96, "psu_efficiency_50": 91}'),
    ("better-last.json", '{"id": "D1", "category": "server", "psu_efficiency_50": 91, "psu_efficiency_50": 96}'),
    ("text.yaml", 'id: D1\ncategory: server\npsu_efficiency_50: "91 %"\npsu_efficiency_50: "96 %"\n'),
    ("three.yaml", "id: D1\ncategory: server\npsu_efficiency_50: 96\npsu_efficiency_50: 96\n"
                   "psu_efficiency_50: 91\n"),
])
def test_a_field_given_twice_with_different_values_is_a_conflict(tmp_path: Path, name: str, text: str) -> None:
    status, note = _clause(_write(tmp_path, name, text))
    assert status == "manual_review"
    assert "conflicting values" in note and "91" in note and "96" in note


@pytest.mark.parametrize(("name", "text"), [
    ("same.yaml", "id: D1\ncategory: server\npsu_efficiency_50: 96\npsu_efficiency_50: 96\n"),
    ("same.json", '{"id": "D1", "category": "server", "psu_efficiency_50": 96, "psu_efficiency_50": 96}'),
    ("same-number.yaml", 'id: D1\ncategory: server\npsu_efficiency_50: 96\npsu_efficiency_50: "96.0 %"\n'),
    ("same-id.yaml", "id: D1\nid: D1\ncategory: server\ncategory: server\npsu_efficiency_50: 96\n"),
])
def test_identical_repeats_are_one_value(tmp_path: Path, name: str, text: str) -> None:
    assert _clause(_write(tmp_path, name, text))[0] == "pass"


@pytest.mark.parametrize(("name", "text", "status"), [
    ("value.yaml", 'id: D1\ncategory: server\npsu_efficiency_50: {value: 96, value: 91, unit: "%"}\n',
     "manual_review"),
    ("unit.yaml", 'id: D1\ncategory: server\npsu_efficiency_50: {value: 96, unit: "%", unit: "‰"}\n',
     "manual_review"),
    ("value.json", '{"id": "D1", "category": "server", "psu_efficiency_50": {"value": 96, "value": 91}}',
     "manual_review"),
    ("in-list.yaml", "id: D1\ncategory: server\npsu_efficiency_50: [{value: 96}, {value: 96, value: 91}]\n",
     "manual_review"),
    ("same-nested.yaml", 'id: D1\ncategory: server\npsu_efficiency_50: {value: 96, value: 96, unit: "%"}\n',
     "pass"),
    ("other-page.yaml", "id: D1\ncategory: server\npsu_efficiency_50: {value: 96, page: 2, page: 3}\n", "pass"),
])
def test_repeats_inside_a_value_object(tmp_path: Path, name: str, text: str, status: str) -> None:
    assert _clause(_write(tmp_path, name, text))[0] == status


def test_a_flag_given_twice_is_a_conflict(tmp_path: Path) -> None:
    path = _write(tmp_path, "battery.yaml", "id: D1\ncategory: server\nhas_battery: false\nhas_battery: true\n"
                  "battery_hg: 0\nbattery_cd: 0\nbattery_pb: 0\n")
    status, note = _clause(path, "6.1.10/battery-hg")
    assert status == "manual_review" and "conflicting" in note


@pytest.mark.parametrize("key", ["id", "category", "model", "manufacturer"])
def test_identity_given_twice_with_different_values_is_an_error(tmp_path: Path, key: str,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    lines = {"id": "id: D1", "category": "category: server", "model": "model: M1", "manufacturer": "manufacturer: V"}
    other = {"id": "id: D2", "category": "category: storage", "model": "model: M2", "manufacturer": "manufacturer: W"}
    text = "\n".join([*lines.values(), other[key], "psu_efficiency_50: 96"]) + "\n"
    path = _write(tmp_path, "ids.yaml", text)
    evaluated = check([path], AS_OF)
    assert len(evaluated.batch.frame) == 0
    assert len(evaluated.errors) == 1 and f"record 1: {key} is given 2 times" in evaluated.errors[0].error
    assert main(["check", str(path), "--format", "json"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "different values" in err[0] and "Traceback" not in err[0]


def test_a_bad_record_in_a_list_is_its_own_error_and_the_others_stay(tmp_path: Path) -> None:
    path = _write(tmp_path, "list.yaml", "- {id: A, category: server, psu_efficiency_50: 96}\n"
                                         "- {id: X, id: Y, category: server, psu_efficiency_50: 96}\n"
                                         "- {id: C, category: server, psu_efficiency_50: 91}\n")
    evaluated = audit([path], AS_OF)
    assert [p.id for p in evaluated.report().products] == ["A", "C"]
    assert len(evaluated.errors) == 1 and "record 2: id is given 2 times" in evaluated.errors[0].error


def test_products_given_twice_keeps_both_lists(tmp_path: Path) -> None:
    path = _write(tmp_path, "p.json", '{"products": [{"id": "A", "category": "server"}], '
                                      '"products": [{"id": "B", "category": "server"}]}')
    evaluated = audit([path], AS_OF)
    assert [p.id for p in evaluated.report().products] == ["A", "B"] and evaluated.errors == []


def test_keys_beside_products_are_an_error_not_dropped(tmp_path: Path) -> None:
    path = _write(tmp_path, "p.yaml", "products: [{id: A, category: server}]\npsu_efficiency_50: 91\n")
    evaluated = audit([path], AS_OF)
    assert len(evaluated.batch.frame) == 0 and "psu_efficiency_50" in evaluated.errors[0].error


def test_yaml_merge_keys_are_defaults_not_repeats(tmp_path: Path) -> None:
    text = ("base: &base {category: server, psu_efficiency_50: 91}\n"
            "products:\n  - {<<: *base, id: A, psu_efficiency_50: 96}\n")
    # a merge key is YAML's way of saying "these unless overridden": the written 96 wins, no conflict
    data = parse_yaml(text)
    assert data["products"][0] == {"category": "server", "psu_efficiency_50": 96, "id": "A"}


def test_datacentre_record_with_a_key_given_twice_is_an_error(tmp_path: Path) -> None:
    base = Path(__file__).resolve().parents[2] / "samples" / "datacenter" / "dc-excellent.yaml"
    text = base.read_text(encoding="utf-8")
    line = "\nclimate_zone: 其他\n"
    assert line in text
    same = _write(tmp_path, "same.yaml", text.replace(line, line + "climate_zone: 其他\n"))
    assert audit([same], AS_OF).errors == []
    path = _write(tmp_path, "dc.yaml", text.replace(line, line + "climate_zone: 夏热冬冷\n"))
    evaluated = audit([path], AS_OF)
    assert len(evaluated.batch.frame) == 0 and "climate_zone is given 2 times" in evaluated.errors[0].error


def test_parsers_keep_every_value_of_a_repeated_key() -> None:
    assert parse_json('{"a": 1, "a": 2, "b": {"c": 3, "c": 3}}') == {"a": [1, 2], "b": {"c": [3, 3]}}
    assert parse_yaml("a: 1\na: 2\nb: {c: 3}\n") == {"a": [1, 2], "b": {"c": 3}}
    assert parse_yaml("- x\n- y\n") == ["x", "y"] and parse_yaml("") is None
    assert json.loads('{"a": 1}') == parse_json('{"a": 1}')


def test_the_yaml_loader_keeps_the_c_parser_and_stays_safe() -> None:
    if yaml.__with_libyaml__:
        assert issubclass(RecordLoader, yaml.CSafeLoader)
    with pytest.raises(yaml.YAMLError):
        parse_yaml("!!python/object/apply:os.system ['true']\n")


def test_checker_dc_refuses_a_key_given_twice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (Path(__file__).resolve().parents[2] / "samples" / "datacenter" / "dc-excellent.yaml").read_text("utf-8")
    line = "\nclimate_zone: 其他\n"
    path = _write(tmp_path, "dc.yaml", text.replace(line, line + "climate_zone: 夏热冬冷\n"))
    assert main(["dc", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "climate_zone is given 2 times" in err[0]
    same = _write(tmp_path, "same.yaml", text.replace(line, line + "climate_zone: 其他\n"))
    assert main(["dc", str(same), "--format", "json"]) in (0, 1)


def test_the_data_centre_upload_refuses_a_key_given_twice() -> None:
    from checker.ui.datacentre import DataCentreInputError, grade_bytes

    text = (Path(__file__).resolve().parents[2] / "samples" / "datacenter" / "dc-excellent.yaml").read_text("utf-8")
    line = "\nclimate_zone: 其他\n"
    with pytest.raises(DataCentreInputError, match="climate_zone is given 2 times"):
        grade_bytes(text.replace(line, line + "climate_zone: 夏热冬冷\n").encode("utf-8"), AS_OF)


@pytest.mark.parametrize(("value", "status"), [
    ({"value": 95, "unit": "%", "note": "typical"}, "manual_review"),
    ({"value": 95, "unit": "%", "text": "50% load 95% (typ.)"}, "manual_review"),
    ({"value": 95, "unit": "%", "note": "预计值"}, "manual_review"),
    ({"value": 95, "unit": "%", "note": "design target"}, "manual_review"),
    ({"value": 95, "unit": "%", "note": "measured by CVC, report 2025-118"}, "pass"),
    ({"value": 95, "unit": "%", "text": "50%  95.0%  0.98"}, "pass"),
])
def test_a_record_value_its_note_calls_typical_is_no_measurement(value: dict[str, object], status: str) -> None:
    """Regression: {"value": 95, "unit": "%", "note": "typical"} passed 6.2.1/psu-eff-50: the record's own note and
    printed text are read for the estimate words a cell's text is ("95 typical" was already a manual review)."""
    from checker.pipeline import evaluate_mappings

    record = {"id": "R", "category": "server", "psu_efficiency_50": value}
    report = evaluate_mappings([record], date(2026, 1, 1)).report()
    assert next(c.status for c in report.products[0].clauses if c.id == "6.2.1/psu-eff-50") == status
