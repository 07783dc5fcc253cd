"""A value printed with a comparison ("< 96 %", "不超过96%", "96 % max", "at least 33") is a bound: it
is emitted with its qualifier (lt/le/gt/ge) and the printed number, on every kind of field, never
as the bare number (issue #11 item 1). A plain value next to the same label is still read as it is,
and a comparison word that belongs to a label ("Maximum noise", "Max. power (W)") bounds nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checker.inputs.documents import read_pdf
from checker.models import Fact
from checker.pipeline import check

MakePdf = Callable[..., Path]

HEADS = {"server": "Rack server data sheet", "desktop": "Desktop computer test report", "switch": "Ethernet switch",
         "generator": "Diesel generator set", "firewall": "Next-generation firewall", "monitor": "显示器检验报告"}

# (category, line, field, printed number, qualifier)
BOUNDS = [
    ("server", "PSU efficiency at 50% load: < 96%", "psu_efficiency_50", 96.0, "lt"),
    ("server", "PSU efficiency at 50% load: ≤ 96%", "psu_efficiency_50", 96.0, "le"),
    ("server", "PSU efficiency at 50% load: less than 96%", "psu_efficiency_50", 96.0, "lt"),
    ("server", "PSU efficiency at 50% load: up to 96%", "psu_efficiency_50", 96.0, "le"),
    ("server", "PSU efficiency at 50% load: max. 96%", "psu_efficiency_50", 96.0, "le"),
    ("server", "PSU efficiency at 50% load: 96% max", "psu_efficiency_50", 96.0, "le"),
    ("server", "PSU efficiency at 50% load: 96 % (max.)", "psu_efficiency_50", 96.0, "le"),
    ("server", "PSU efficiency at 50% load: more than 94%", "psu_efficiency_50", 94.0, "gt"),
    ("server", "50%负载电源效率：小于96%", "psu_efficiency_50", 96.0, "lt"),
    ("server", "50%负载电源效率：低于96%", "psu_efficiency_50", 96.0, "lt"),
    ("server", "50%负载电源效率：不超过96%", "psu_efficiency_50", 96.0, "le"),
    ("server", "50%负载电源效率：96%以下", "psu_efficiency_50", 96.0, "le"),
    ("server", "50%负载电源效率：不低于94%", "psu_efficiency_50", 94.0, "ge"),
    ("server", "50%负载电源效率：94%及以上", "psu_efficiency_50", 94.0, "ge"),
    ("server", "Power factor at 50% load: at least 0.95", "psu_power_factor_50", 0.95, "ge"),
    ("server", "Power factor at 50% load: min. 0.95", "psu_power_factor_50", 0.95, "ge"),
    ("server", "Power factor at 50% load: 0.95 minimum", "psu_power_factor_50", 0.95, "ge"),
    ("server", "50%负载功率因数：不小于0.95", "psu_power_factor_50", 0.95, "ge"),
    ("desktop", "Idle noise: > 33 dB(A)", "noise_idle", 33.0, "gt"),
    ("desktop", "空闲状态噪声：大于33 dB(A)", "noise_idle", 33.0, "gt"),
    ("desktop", "空闲状态噪声：不小于33dB(A)", "noise_idle", 33.0, "ge"),
    ("desktop", "Idle noise: at least 33 dB(A)", "noise_idle", 33.0, "ge"),
    ("desktop", "Idle noise: min. 33 dB(A)", "noise_idle", 33.0, "ge"),
    ("desktop", "Operating noise: below 40 dB(A)", "noise_work", 40.0, "lt"),
    ("switch", "Sound power level LWAd: ≤ 7.2 B", "noise_lwad", 7.2, "le"),
    ("switch", "Sound power level LWAd: 7.2 B max", "noise_lwad", 7.2, "le"),
    ("generator", "Fuel consumption at 100% load: max. 204 L/hr", "fuel_flow_100", 204.0, "le"),
    ("generator", "燃油消耗率：不大于 252 g/kW·h", "fuel_rate", 252.0, "le"),
    ("generator", "Rated power: up to 800 kW", "rated_power", 800.0, "le"),
    ("firewall", "Power consumption at maximum throughput: max. 150 W", "fw_power", 150.0, "le"),
    ("desktop", "Mercury (Hg): > 5 mg/kg", "hg", 5.0, "gt"),
    ("desktop", "Mercury (Hg): more than 5 mg/kg", "hg", 5.0, "gt"),
    ("desktop", "铅(Pb)：不超过5 mg/kg", "pb", 5.0, "le"),
    ("desktop", "Mercury (Hg): <5 mg/kg", "hg", 5.0, "lt"),  # a non-detect with its reporting limit, as before
]

# The same labels with a plain value: read as the value, no qualifier.
PLAIN = [
    ("server", "PSU efficiency at 50% load: 94.5%", "psu_efficiency_50", 94.5),
    ("server", "50%负载电源效率：94.5%", "psu_efficiency_50", 94.5),
    ("server", "Power factor at 50% load: 0.97", "psu_power_factor_50", 0.97),
    ("desktop", "Idle noise: 33 dB(A)", "noise_idle", 33.0),
    ("switch", "Sound power level LWAd: 7.2 B", "noise_lwad", 7.2),
    ("generator", "Fuel consumption at 100% load: 204 L/hr", "fuel_flow_100", 204.0),
    ("desktop", "Mercury (Hg): 5 mg/kg", "hg", 5.0),
    # a comparison word that is part of a label names the quantity
    ("generator", "Maximum noise: 85 dB(A)", "noise_max", 85.0),
    ("firewall", "Power at maximum throughput: 150 W", "fw_power", 150.0),
    # ("Max power: 150 W" is a maximum power, at least the power at full throughput: test_stated_scope.py)
]


def facts_of(path: Path, category: str) -> dict[str, list[Fact]]:
    out: dict[str, list[Fact]] = {}
    for fact in read_pdf(path, category).facts:
        out.setdefault(fact.field, []).append(fact)
    return out


@pytest.mark.parametrize(("category", "line", "field", "number", "qualifier"), BOUNDS)
def test_comparison_is_a_bound(make_pdf: MakePdf, category: str, line: str, field: str, number: float,
                               qualifier: str) -> None:
    facts = facts_of(make_pdf([[HEADS[category], line]]), category)
    assert [(f.value, f.qualifier) for f in facts[field]] == [(number, qualifier)]
    assert "printed as" not in facts[field][0].note


@pytest.mark.parametrize(("category", "line", "field", "number"), PLAIN)
def test_plain_value_is_read_as_printed(make_pdf: MakePdf, category: str, line: str, field: str,
                                        number: float) -> None:
    facts = facts_of(make_pdf([[HEADS[category], line]]), category)
    assert [(f.value, f.qualifier) for f in facts[field]] == [(number, "")]


def test_comparison_in_a_header_cell_is_a_label(make_pdf: MakePdf) -> None:
    path = make_pdf([[HEADS["firewall"], ("Max. power (W)", "Throughput (Gbps)"), ("150", "12.0")]])
    facts = facts_of(path, "firewall")
    # "Max." is no comparison; the header names a maximum power, which the vocabulary's maximum_power condition
    # bounds (at least the power at full throughput) as it does on a key-value line (session 14: headers' conditions)
    assert [(f.value, f.qualifier) for f in facts["fw_power"]] == [(150.0, "le")]
    assert "maximum power" in facts["fw_power"][0].note


def test_comparison_in_a_table_cell(make_pdf: MakePdf) -> None:
    path = make_pdf([[HEADS["server"], ("Load", "20%", "50%", "100%"), ("Efficiency", "90.2%", "≤ 96%", "91.0%")]],
                    col_width=90)
    facts = facts_of(path, "server")
    assert [(f.value, f.qualifier) for f in facts["psu_efficiency_50"]] == [(96.0, "le")]
    assert [(f.value, f.qualifier) for f in facts["psu_efficiency_20"]] == [(90.2, "")]


def test_less_than_is_not_a_load(make_pdf: MakePdf) -> None:
    """Regression: "小于96%" was read as the load "于96%" and the value was lost."""
    facts = facts_of(make_pdf([[HEADS["server"], "电源效率：小于96%（50%负载）"]]), "server")
    assert [(f.value, f.qualifier) for f in facts["psu_efficiency_50"]] == [(96.0, "lt")]


def test_grade_with_a_comparison_is_unreadable(make_pdf: MakePdf) -> None:
    facts = facts_of(make_pdf([["台式微型计算机", "能效等级：2级及以上"]]), "desktop")
    assert facts["energy_grade"][0].note.startswith("unreadable")


def _status(path: Path, category: str, clause: str) -> str:
    report = check([path], date(2026, 1, 1), category=category).report()
    assert not report.errors, report.errors
    return next(c.status for p in report.products for c in p.clauses if c.id == clause)


@pytest.mark.parametrize("line", ["PSU efficiency at 50% load: < 96%", "PSU efficiency at 50% load: less than 96%",
                                  "50%负载电源效率：小于96%", "PSU efficiency at 50% load: max. 96%",
                                  "PSU efficiency at 50% load: up to 96%", "50%负载电源效率：不超过96%"])
def test_upper_bound_never_passes_a_minimum(make_pdf: MakePdf, line: str) -> None:
    """The bug of issue #11: "< 96 %" passed the ≥ 94 % efficiency clause as 96."""
    path = make_pdf([[HEADS["server"], "Model: JX-1", line]])
    assert _status(path, "server", "6.2.1/psu-eff-50") != "pass"


def test_plain_efficiency_still_passes(make_pdf: MakePdf) -> None:
    path = make_pdf([[HEADS["server"], "Model: JX-1", "PSU efficiency at 50% load: 96%"]])
    assert _status(path, "server", "6.2.1/psu-eff-50") == "pass"


# The engine's side of the contract (models.Fact.qualifier): a bound decides a clause only where the
# bound itself proves it (checker.engine.frame.quantity_cell keeps it as an interval).


@pytest.mark.parametrize(("category", "line", "clause"), [
    ("desktop", "Idle noise: > 33 dB(A)", "6.2.2/desktop-noise-idle"),
    ("desktop", "空闲状态噪声：不小于33dB(A)", "6.2.2/desktop-noise-idle"),
    ("desktop", "Idle noise: at least 33 dB(A)", "6.2.2/desktop-noise-idle"),
    ("desktop", "Mercury (Hg): > 5 mg/kg", "6.1.11/hg"),
    ("desktop", "Mercury (Hg): more than 5 mg/kg", "6.1.11/hg"),
])
def test_lower_bound_never_passes_a_maximum(make_pdf: MakePdf, category: str, line: str, clause: str) -> None:
    path = make_pdf([[HEADS[category], "Model: JX-1", line, ("六价铬", "未检出")]])
    assert _status(path, category, clause) != "pass"


@pytest.mark.parametrize(("category", "line", "clause"), [
    ("desktop", "Idle noise: < 30 dB(A)", "6.2.2/desktop-noise-idle"),
    ("desktop", "Mercury (Hg): < 5 mg/kg", "6.1.11/hg"),
    ("server", "PSU efficiency at 50% load: ≥ 95%", "6.2.1/psu-eff-50"),
    ("server", "Power factor at 50% load: at least 0.96", "6.2.1/psu-pf-50"),
])
def test_bound_that_proves_the_requirement_passes(make_pdf: MakePdf, category: str, line: str, clause: str) -> None:
    path = make_pdf([[HEADS[category], "Model: JX-1", line, ("六价铬", "未检出")]])
    assert _status(path, category, clause) == "pass"


@pytest.mark.parametrize("line", ["PSU efficiency at 50% load: approx. 96%", "PSU efficiency at 50% load: ~96%",
                                  "PSU efficiency at 50% load: ≈ 96%", "PSU efficiency at 50% load: about 96%",
                                  "50%负载电源效率：约96%", "50%负载电源效率：96%左右", "50%负载电源效率：大约96%"])
def test_an_estimate_is_not_a_measurement(make_pdf: MakePdf, line: str) -> None:
    """The words of catalogs/comparisons.yaml `approximate` / `approximate_after`: the clause is for a person."""
    path = make_pdf([[HEADS["server"], line]])
    report = check([path], date(2026, 1, 1), category="server").report()
    clause = next(c for c in report.products[0].clauses if c.id == "6.2.1/psu-eff-50")
    assert clause.status == "manual_review" and "estimate" in clause.note


@pytest.mark.parametrize(("line", "value"), [("PSU efficiency at 50% load: 96% ~ 97%", None),
                                             ("PSU efficiency at 50% load: 96%~97%", None)])
def test_a_tilde_between_numbers_is_a_range_not_an_estimate(make_pdf: MakePdf, line: str, value: float) -> None:
    """"96% ~ 97%" is a range (an interval or several values), never "an estimate of 97"."""
    facts = [f for f in read_pdf(make_pdf([[HEADS["server"], line]]), "server").facts if f.field == "psu_efficiency_50"]
    assert not any("estimate" in f.note for f in facts)
    assert all(f.value is None or f.low is not None or f.note for f in facts) and facts


@pytest.mark.parametrize("text", ["96%左右", "96 % or so", "96 % approx."])
def test_an_estimate_after_the_number_in_a_record(text: str) -> None:
    from checker.inputs.values import ValueTextError, split_bound

    with pytest.raises(ValueTextError, match="estimate"):
        split_bound(text)


@pytest.mark.parametrize(("line", "expected"), [
    ("氟含量：未检出（检出限 0.02 %）", "pass"),  # a concentration: below a detection limit under 0.1 %
    ("Fluorine content (IEC 60684-2): ND (MDL 0.02 %, EPA 7196A)", "pass"),
    ("Fluorine content: ND (MDL 0.5 %)", "manual_review"),  # below 0.5 % does not show <= 0.1 %
    ("Fluorine content: 0.05 %", "pass"),
])
def test_a_cables_fluorine_non_detect_is_a_concentrations(make_pdf: MakePdf, line: str, expected: str) -> None:
    """Fluorine content is a concentration (non_detect in fields.yaml): read as the substances' non-detects are."""
    path = make_pdf([["Low-smoke halogen-free power cable", "Model: NX4839Pro", line]])
    assert _status(path, "cable", "6.1.5/cable-fluorine") == expected


@pytest.mark.parametrize("line", [
    "PSU efficiency at 50% load: 96% (target)", "PSU efficiency at 50% load: 96% (design goal)",
    "50%负载电源效率：96%（设计值）", "50%负载电源效率：96%（目标值）", "50%负载电源效率：96%（理论值）",
    "PSU efficiency at 50% load: 96% (estimated)", "PSU efficiency at 50% load: 96% (simulated)",
    "PSU efficiency at 50% load: TBD (96% expected)", "50%负载电源效率：96%（待测）", "50%负载电源效率：预计96%",
])
def test_a_target_or_a_predicted_value_is_no_measurement(make_pdf: MakePdf, line: str) -> None:
    assert _status(make_pdf([[HEADS["server"], line]]), "server", "6.2.1/psu-eff-50") == "manual_review"


@pytest.mark.parametrize("line", ["Minimum PSU efficiency at 50% load required: 96%",
                                  "PSU efficiency at 50% load should be 96%", "50%负载电源效率应不低于96%"])
def test_a_requirements_wording_gives_the_documents_limit(make_pdf: MakePdf, line: str) -> None:
    assert _status(make_pdf([[HEADS["server"], line]]), "server", "6.2.1/psu-eff-50") != "pass"


def test_a_measured_value_still_passes(make_pdf: MakePdf) -> None:
    assert _status(make_pdf([[HEADS["server"], "PSU efficiency at 50% load: 96% (measured)"]]), "server",
                   "6.2.1/psu-eff-50") == "pass"


@pytest.mark.parametrize(("category", "lines", "clause", "expected"), [
    ("motor", ["三相异步电动机", "能效等级：1级（GB 18613-2012）"], "6.3.3/motor-grade", "manual_review"),  # ≈ 2020's 2
    ("motor", ["三相异步电动机", "能效等级：1级（GB 18613-2020）"], "6.3.3/motor-grade", "pass"),
    ("motor", ["三相异步电动机", "能效等级：1级"], "6.3.3/motor-grade", "pass"),
    ("transformer", ["电力变压器", "能效等级：1级（GB 20052-2013）"], "6.3.3/transformer-grade", "manual_review"),
    ("ups", ["不间断电源", "能效等级：1级（目标）"], "6.3.2/ups-grade", "manual_review"),
])
def test_a_grade_under_another_edition_or_as_a_target(make_pdf: MakePdf, category: str, lines: list[str],
                                                      clause: str, expected: str) -> None:
    """A grade is a grade of one edition of its standard: grade 1 of GB 18613-2012 is grade 2 of the 2020 tables."""
    assert _status(make_pdf([lines]), category, clause) == expected


_GENERATOR = ["Diesel generator set", "Prime power (PRP): 400 kW", "Fuel type: diesel"]


@pytest.mark.parametrize(("line", "expected"), [
    ("Fuel consumption at 100% load: 230 g/kWh (+5% tolerance)", "manual_review"),
    ("Fuel consumption at 100% load: 230 g/kWh ±5%", "manual_review"),
    ("100%负载燃油消耗率：230 g/kWh（允差+5%）", "manual_review"),
    ("Fuel consumption at 100% load: 230 g/kWh", "pass"),
])
def test_a_value_with_its_tolerance_is_doubtful(make_pdf: MakePdf, line: str, expected: str) -> None:
    """230 g/kWh with +5 % may be 241.5 g/kWh: whether the far end still meets the limit is for a person."""
    assert _status(make_pdf([[*_GENERATOR, line]]), "generator", "6.3.5/fuel-consumption") == expected
