"""``catalogs/grades``: every transcribed grade value against the reference text, and a strict loader.

The reference (``REFERENCED-STANDARDS.md`` §3.2-3.7, beside the project in ``shared/reference``, or
``$GDC_REFERENCE``) is parsed here, table by table, so a typo in a YAML file fails. A few values are also
written by hand below (from the same text), so the check holds where the reference file is not present.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from checker.catalog.files import catalog_dir
from checker.catalog.grade_tables import GradeEdition, GradeRow, GradeTable, load_grade_editions

DEFAULT_REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference" / "REFERENCED-STANDARDS.md"
REFERENCE = Path(os.environ.get("GDC_REFERENCE", DEFAULT_REFERENCE))
needs_reference = pytest.mark.skipif(not REFERENCE.exists(), reason=f"reference text not found at {REFERENCE}")

Triple = list[float | None]


def edition(name: str) -> GradeEdition:
    return next(e for e in load_grade_editions() if e.name == name)


def table(name: str, table_id: str) -> GradeTable:
    return next(t for t in edition(name).tables if t.id == table_id)


def section(start: str, stop: str) -> list[str]:
    """The reference's lines from the heading (or bold title) ``start`` to the next ``stop``."""
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith(start))
    last = next((i for i in range(first + 1, len(lines)) if lines[i].startswith(stop)), len(lines))
    return lines[first:last]


def markdown_rows(lines: list[str], header: str) -> list[list[str]]:
    """Body rows of the markdown table whose header row starts with ``header``."""
    start = next(i for i, line in enumerate(lines) if line.startswith(header))
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows


def numbers(text: str) -> Triple:
    """'0.46 / 0.51 / 0.57' or '43/58/61' or '—/—/—' → numbers (None for a dash)."""
    return [None if part.strip() == "—" else float(part) for part in text.replace("**", "").split("/")]


def row_at(tab: GradeTable, **key: float | str) -> GradeRow:
    found = [row for row in tab.rows if all(row.key.get(k) == v for k, v in key.items())]
    assert len(found) == 1, f"{tab.id}: {key} matches {len(found)} rows"
    return found[0]


# ---------------------------------------------------------------- by hand (always run)


def test_hand_spot_checks() -> None:
    """Values read by hand from REFERENCED-STANDARDS.md §3.2-3.7."""
    motors = table("GB 18613-2020", "efficiency")
    assert row_at(motors, rated_power=11.0, poles=4).grades["rated_efficiency"] == [94.6, 93.3, 91.4]
    assert row_at(motors, rated_power=0.75, poles=8).grades["rated_efficiency"] == [82.0, 78.4, 75.0]
    assert row_at(motors, rated_power=1000.0, poles=6).grades["rated_efficiency"] == [97.0, 96.6, 95.8]
    assert row_at(motors, rated_power=250.0, poles=6).grades["rated_efficiency"] == [97.0, 96.5, 95.8]
    oil = table("GB 20052-2024", "table-1")
    assert row_at(oil, core_material="electrical_steel", capacity_kva=1000.0).grades == {
        "no_load_loss": [0.665, 0.745, 0.83], "load_loss": [7.415, 8.24, 10.30]}
    dry = table("GB 20052-2024", "table-2")
    assert row_at(dry, core_material="amorphous", capacity_kva=2500.0).grades == {
        "no_load_loss": [0.84, 1.02, 1.20], "load_loss": [15.445, 15.445, 17.17]}
    dc = [r for r in table("GB 19577-2024", "table-1").rows if r.key.get("chiller_type") == "data_centre"]
    assert [(r.grades["accop"], r.gates["cop"]) for r in dc] == [
        ([8.2, 7.5, 6.8], 6.0), ([10.0, 8.0, 7.4], 6.5), ([12.0, 10.0, 8.0], 7.0), ([6.8, 5.8, 4.8], 3.0)]
    fans = table("GB 19761-2020", "table-3")
    assert fans.order == [3, 2, 1] and fans.rows[-1].grades["fan_efficiency"] == [69, 79, 83]  # G3/G2/G1
    sample = table("GB 19153-2019", "sample")
    assert row_at(sample, rated_power=2.2, discharge_pressure=0.8).grades["specific_power"] == [9.2, 10.1, None]


def test_confidence_marks_are_kept() -> None:
    marks = {e.name: {t.confidence for t in e.tables} for e in load_grade_editions()}
    assert marks == {"GB 18613-2020": {"M"}, "GB 19577-2024": {"M"}, "GB 19577-2015": {"L"}, "GB 19576-2019": {"L"},
                     "GB 20052-2024": {"M"}, "GB 19761-2020": {"M"}, "GB 19153-2019": {"M"}}


def test_editions_and_dates() -> None:
    dates = {e.name: e.effective.isoformat() for e in load_grade_editions()}
    assert dates["GB 18613-2020"] == "2021-06-01"
    assert dates["GB 19577-2024"] == "2025-02-01"
    assert dates["GB 20052-2024"] == "2025-02-01"
    assert dates["GB 19761-2020"] == "2021-06-01"
    assert dates["GB 19577-2015"] < dates["GB 19577-2024"]


# ---------------------------------------------------------------- against the reference text


@needs_reference
def test_motor_table_is_the_reference_table() -> None:
    rows = markdown_rows(section("### 3.4", "### 3.5"), "| Rated power kW")
    motors = table("GB 18613-2020", "efficiency")
    ratings = 0
    for cells in rows:
        listed = re.search(r"\((.*)\)", cells[0])
        powers = [float(p) for p in listed.group(1).split(",")] if listed else [float(cells[0])]
        values = [float(v) for v in cells[1:]]
        for power in powers:
            ratings += 1
            for index, poles in enumerate((2, 4, 6, 8)):
                expected = [values[index], values[4 + index], values[8 + index]]
                assert row_at(motors, rated_power=power, poles=poles).grades["rated_efficiency"] == expected
    assert ratings == 42 and len(motors.rows) == 42 * 4


@needs_reference
def test_transformer_tables_are_the_reference_tables() -> None:
    lines = section("### 3.5", "### 3.6")
    oil, dry = table("GB 20052-2024", "table-1"), table("GB 20052-2024", "table-2")
    cores = {"electrical steel": "electrical_steel", "amorphous": "amorphous"}
    oil_rows = markdown_rows(lines, "| kVA | Core")
    for kva, core, p0, pk in oil_rows:
        assert row_at(oil, core_material=cores[core], capacity_kva=float(kva)).grades == {
            "no_load_loss": numbers(p0), "load_loss": numbers(pk)}
    dry_rows = markdown_rows(lines, "| kVA | P0 electrical")
    for kva, steel, amorphous, pk in dry_rows:
        for core, p0 in (("electrical_steel", steel), ("amorphous", amorphous)):
            assert row_at(dry, core_material=core, capacity_kva=float(kva)).grades == {
                "no_load_loss": numbers(p0), "load_loss": numbers(pk)}
    assert (len(oil.rows), len(dry.rows)) == (len(oil_rows), 2 * len(dry_rows))


@needs_reference
@pytest.mark.parametrize(("title", "table_id"), [("**GB 19761-2020 表1", "table-1"), ("**GB 19761-2020 表2", "table-2"),
                                                 ("**GB 19761-2020 表3", "table-3")])
def test_fan_tables_are_the_reference_tables(title: str, table_id: str) -> None:
    lines = section(title, "**GB 19761-2020 表" if not title.endswith("3") else "### 3.7")
    cells = [numbers(cell) for row in markdown_rows(lines, "| ψ (or γ)") for cell in row[2:]]
    fans = table("GB 19761-2020", table_id)
    assert [row.grades["fan_efficiency"] for row in fans.rows] == cells


@needs_reference
def test_chiller_2024_tables_are_the_reference_tables() -> None:
    lines = section("#### 3.2.a", "#### 3.2.b")
    one = markdown_rows(lines, "| Type | Cooling")
    assert [(r.grades[m.lower()], r.gates["cop"]) for r, m in zip(table("GB 19577-2024", "table-1").rows,
                                                                  [c[3] for c in one], strict=True)] == [
        (numbers(c[4]), float(c[5])) for c in one]
    two = markdown_rows(lines, "| Cooling | CC (kW) | COPc")
    assert [(r.grades["cop"], next(iter(r.gates.values()))) for r in table("GB 19577-2024", "table-2").rows] == [
        (numbers(c[2]), float(c[3])) for c in two]
    seven = [re.match(r"([\d /]+?)\s*(?:\(EER gate ([\d.]+)\))?$", cell) for row in
             markdown_rows(lines, "| Type (product std)") for cell in row[1:]]
    assert [(next(iter(r.grades.values())), r.gates.get("eer")) for r in table("GB 19577-2024", "table-7").rows] == [
        (numbers(m.group(1)), float(m.group(2)) if m.group(2) else None) for m in seven if m]
    prose = " ".join(line for line in lines if line.startswith(("Table 8", "CC ≤ 300", "air-cooled CC")))
    eight = re.findall(r"([\d.]+)/([\d.]+)/([\d.]+) \(([\d.]+)\)", prose)
    assert [(r.grades["iplv"], r.gates["cop"]) for r in table("GB 19577-2024", "table-8").rows] == [
        ([float(a), float(b), float(c)], float(gate)) for a, b, c, gate in eight]


@needs_reference
def test_chiller_2015_and_unitary_tables_are_the_reference_tables() -> None:
    old = markdown_rows(section("#### 3.2.b", "### 3.3"), "| Type | CC (kW) | G1 IPLV")
    assert [(r.grades["iplv"], r.gates["cop"]) for r in table("GB 19577-2015", "grades").rows] == [
        ([float(c[2]), float(c[3]), float(c[5])], float(c[4])) for c in old]
    assert "**L, from memory**" in " ".join(section("#### 3.2.b", "### 3.3"))
    unitary = markdown_rows(section("### 3.3", "### 3.4"), "| Category | CC (W)")
    assert [(next(iter(r.grades)), next(iter(r.grades.values()))) for r in table("GB 19576-2019", "grades").rows] == [
        (c[2].lower(), numbers(c[3])) for c in unitary]
    assert "**Conf. M–L**" in " ".join(section("### 3.3", "### 3.4"))


@needs_reference
def test_compressor_sample_is_the_reference_sample() -> None:
    rows = markdown_rows(section("### 3.7", "### 3.8"), "| Motor kW")
    sample = table("GB 19153-2019", "sample")
    for kw, mpa, *grades in rows:
        expected = [None if g.startswith("(") else float(g) for g in grades]
        assert row_at(sample, rated_power=float(kw), discharge_pressure=float(mpa)).grades["specific_power"] == expected


# ---------------------------------------------------------------- the loader is strict


def _copy_catalogs(tmp_path: Path) -> Path:
    target = tmp_path / "catalogs"
    shutil.copytree(catalog_dir(), target)
    return target


def _edit(path: Path, change: str, to: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert change in text
    path.write_text(text.replace(change, to, 1), encoding="utf-8")


@pytest.mark.parametrize(("change", "to", "message"), [
    ("category: motor\n", "category: motor\ncolour: red\n", "Extra inputs"),
    ("[71.4, 66.5, 60.8]", "[71.4, 60.8, 66.5]", "do not run from grade 1"),
    ("rated_efficiency: {unit: \"%\", better: higher}", "rated_efficiency: {unit: \"%\", better: upward}", "better"),
    ("{field: poles, match: listed, between: exact}", "{field: pole_count, match: listed, between: exact}",
     "not an axis"),
    ("[71.4, 66.5, 60.8]", "[71.4, 66.5]", "one value per grade"),
])
def test_a_bad_grade_file_fails_loudly(tmp_path: Path, change: str, to: str, message: str) -> None:
    root = _copy_catalogs(tmp_path)
    _edit(root / "grades" / "gb18613-2020.yaml", change, to)
    with pytest.raises((ValidationError, ValueError), match=message):
        load_grade_editions(str(root))


def test_a_grade_file_naming_an_unknown_field_fails(tmp_path: Path) -> None:
    root = _copy_catalogs(tmp_path)
    path = root / "grades" / "gb18613-2020.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["tables"][0]["quantities"]["efficiency_at_75"] = {"unit": "%", "better": "higher"}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError, match="efficiency_at_75"):
        load_grade_editions(str(root))
