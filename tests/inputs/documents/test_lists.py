"""Values listed for several loads in one sentence ("分别为… / respectively") are paired in order;
any list that cannot be paired cleanly is left unread with a warning (never paired by nearness)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from checker.inputs.documents import read_pdf

MakePdf = Callable[..., Path]
HEAD = ["服务器技术规格", "产品类型：机架式服务器", "型号：XR-1"]

PAIRED = [
    ("在20%、50%和100%负载下，电源效率分别为91.2%、94.5%和92.0%。", "psu_efficiency", [91.2, 94.5, 92.0], "%"),
    ("20%/50%/100%负载时功率因数分别为0.95/0.98/0.99", "psu_power_factor", [0.95, 0.98, 0.99], ""),
    ("PSU efficiency at 20%/50%/100% load: 90.1%/94.1%/91.9% respectively.", "psu_efficiency",
     [90.1, 94.1, 91.9], "%"),
    ("Power factor at 20%, 50% and 100% load is 0.951, 0.981 and 0.991 respectively.", "psu_power_factor",
     [0.951, 0.981, 0.991], ""),
    ("Efficiency at 20%/50%/100% load is 91/94/92 %.", "psu_efficiency", [91.0, 94.0, 92.0], "%"),
    ("效率：９１，２％／９４，５％／９２，０％（２０％／５０％／１００％负载）", "psu_efficiency",
     [91.2, 94.5, 92.0], "%"),
]


def _psu(path: Path) -> dict[str, tuple[float, str]]:
    return {f.field: (f.value, f.unit) for f in read_pdf(path).facts if f.field.startswith("psu_")}  # type: ignore[misc]


@pytest.mark.parametrize(("line", "field", "values", "unit"), PAIRED, ids=[p[0][:24] for p in PAIRED])
def test_listed_values_paired_in_order(make_pdf: MakePdf, line: str, field: str, values: list[float],
                                       unit: str) -> None:
    got = _psu(make_pdf([[*HEAD, line]]))
    assert got == {f"{field}_{load}": (value, unit) for load, value in zip((20, 50, 100), values, strict=True)}


def test_list_in_table_cells(make_pdf: MakePdf) -> None:
    got = _psu(make_pdf([[*HEAD, ("Efficiency (20%/50%/100% load)", "91.2%", "94.5%", "92.0%")]]))
    assert got == {"psu_efficiency_20": (91.2, "%"), "psu_efficiency_50": (94.5, "%"),
                   "psu_efficiency_100": (92.0, "%")}


@pytest.mark.parametrize("line", [
    "电源效率（20%/50%/100%负载）分别为91.2%、94.5%。",  # two values for three loads
    "Efficiency at 20%/50%/100% load: 91.2%/0.945/92%",  # mixed forms
    "At 20%/50%/100% load the efficiency and power factor are 91/94/92 % and 0.95/0.98/0.99",  # two quantities
])
def test_unpairable_list_is_not_read(make_pdf: MakePdf, line: str) -> None:
    doc = read_pdf(make_pdf([[*HEAD, line]]))
    assert not [f for f in doc.facts if f.field.startswith("psu_")]
    assert any("could not be paired" in w for w in doc.warnings)


def test_single_loads_in_one_sentence_still_read(make_pdf: MakePdf) -> None:
    got = _psu(make_pdf([[*HEAD, "Efficiency 94.5% at 50% load, 92% at 100% load"]]))
    assert got == {"psu_efficiency_50": (94.5, "%"), "psu_efficiency_100": (92.0, "%")}
