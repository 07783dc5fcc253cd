"""The clause catalog: complete against INTERFACE.md §1 and strictly validated."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from checker.catalog.clauses import load_catalog
from checker.catalog.files import catalog_dir

INTERFACE_IDS = """
5.1/pue 5.2/renewable-share 5.3/wue 5.6/energy-management
6.1.4/backlight-hg 6.1.5/cable-fluorine 6.1.10/battery-hg 6.1.10/battery-cd 6.1.10/battery-pb
6.1.11/pb 6.1.11/hg 6.1.11/cd 6.1.11/cr6
6.2.1/recyclability 6.2.1/psu-eff-20 6.2.1/psu-pf-20 6.2.1/psu-eff-50 6.2.1/psu-pf-50 6.2.1/psu-eff-100 6.2.1/psu-pf-100
6.2.2/recyclability 6.2.2/recycled-plastic 6.2.2/bap 6.2.2/pah15 6.2.2/pc-energy-grade 6.2.2/monitor-energy-grade
6.2.2/desktop-noise-idle 6.2.2/desktop-noise-work 6.2.2/laptop-noise-idle 6.2.2/laptop-noise-work
6.2.3/teer 6.2.3/single-psu-eff-20 6.2.3/single-psu-eff-50 6.2.3/single-psu-eff-100 6.2.3/single-psu-pf-50
6.2.3/multi-psu-eff-20 6.2.3/multi-psu-eff-50 6.2.3/multi-psu-eff-100 6.2.3/multi-psu-pf-50
6.2.3/noise-attended 6.2.3/noise-unattended
6.2.4/volume 6.2.4/power-per-throughput 6.2.4/external-psu 6.2.4/psu-eff-20 6.2.4/psu-eff-50 6.2.4/psu-eff-100
6.2.4/psu-pf-50 6.2.4/noise-attended 6.2.4/noise-unattended
6.3.1.1/chiller-grade 6.3.1.2/odp 6.3.2/ups-grade 6.3.3/motor-grade 6.3.3/compressor-grade 6.3.3/fan-grade
6.3.3/transformer-grade 6.3.3/pump-grade 6.3.4/outlet-power 6.3.5/fuel-consumption 6.3.5/noise 6.3.5/emissions
6.3.6/smoke-transmittance
""".split()

DOCUMENT_SECTIONS = ["4.1", "4.2", "4.3", "5.4", "5.5", "5.7", "5.8", "6.1.1", "6.1.2", "6.1.3", "6.1.6", "6.1.7",
                     "6.1.8", "6.1.9", "6.1.12"]
COOLING_TYPES = 7  # the seven unit types listed in 6.3.1.1


def test_every_interface_id_is_in_the_catalog() -> None:
    ids = {clause.id for clause in load_catalog().clauses}
    assert set(INTERFACE_IDS) - ids == set()


def test_document_clauses_of_sections_4_5_and_6_1() -> None:
    catalog = load_catalog()
    sections = {clause.section for clause in catalog.clauses if clause.kind == "document"}
    assert set(DOCUMENT_SECTIONS) <= sections
    for clause in catalog.clauses:
        if clause.kind == "document":
            assert clause.verification_zh and (clause.evidence_required or clause.threshold_evidence)


def test_one_grade_clause_per_cooling_type() -> None:
    cooling = [c for c in load_catalog().clauses if c.section == "6.3.1.1"]
    assert len(cooling) == COOLING_TYPES
    assert all(c.id.endswith("-grade") for c in cooling)


def test_every_clause_has_bilingual_titles_and_known_categories() -> None:
    catalog = load_catalog()
    for clause in catalog.clauses:
        assert clause.title_zh and clause.title_en and clause.requirement_zh
        assert set(clause.categories) <= set(catalog.categories)


def test_appendix_a_lists_15_pahs_with_cas_numbers() -> None:
    pahs = [name for name in load_catalog().fields if name.startswith("pah_")]
    assert len(pahs) == 15
    aliases = {a for n in pahs for a in load_catalog().fields[n].aliases}
    assert {"50-32-8", "191-24-2", "91-20-3", "193-39-5"} <= aliases


def _copy_catalog(tmp_path: Path) -> Path:
    target = tmp_path / "catalogs"
    shutil.copytree(catalog_dir(), target)
    return target


def _edit_first_clause(folder: Path, change: dict) -> None:
    path = folder / "clauses" / "06-2-it.yaml"
    clauses = yaml.safe_load(path.read_text(encoding="utf-8"))
    clauses[0].update(change)
    path.write_text(yaml.safe_dump(clauses, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize(("change", "message"), [
    ({"limitt": 80}, "Extra inputs are not permitted"),
    ({"unit": "furlongs per fortnight"}, "unknown unit"),
    ({"quantity": "no_such_field"}, "unknown field"),
    ({"id": "6.2.1/psu-eff-50"}, "duplicate clause id"),
    ({"categories": ["toaster"]}, "unknown categories"),
    ({"band_table": "no_table", "band_column": "x", "limit": None}, "unknown band table"),
    ({"op": None}, "numeric clause needs"),
])
def test_loading_rejects_a_broken_catalog(tmp_path: Path, change: dict, message: str) -> None:
    folder = _copy_catalog(tmp_path)
    _edit_first_clause(folder, change)
    load_catalog.cache_clear()
    with pytest.raises(ValueError, match=message):
        load_catalog(str(folder))
    load_catalog.cache_clear()


def test_yaml_data_loads_as_written() -> None:
    """Regression: unquoted commas split PAH names; `1.0e6` loaded as a string in PyYAML."""
    names = [load_catalog().fields[n].label_zh for n in load_catalog().fields if n.startswith("pah_")]
    assert {"二苯并(a,h)蒽", "茚并(1,2,3-cd)芘", "苯并(g,h,i)苝"} <= set(names)
    raw = yaml.safe_load((catalog_dir() / "fields.yaml").read_text(encoding="utf-8"))
    for name, spec in raw["fields"].items():
        if "range" in spec:
            assert all(isinstance(bound, int | float) for bound in spec["range"]), name
