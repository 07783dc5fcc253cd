"""The one pint registry: spellings, conversions and the kinds kept apart."""

from __future__ import annotations

import pytest

from checker.units import conversion_factor, parse_unit, same_kind


@pytest.mark.parametrize(("text", "target", "factor"), [
    ("%", "", 0.01), ("％", "%", 1.0), ("ppm", "mg/kg", 1.0), ("㎎/㎏", "mg/kg", 1.0), ("毫克/千克", "mg/kg", 1.0),
    ("kg/kWh", "g/kWh", 1000.0), ("kg/(kW·h)", "g/kWh", 1000.0), ("g/kW·h", "g/kWh", 1.0),
    ("Gbps", "Mbps", 1000.0), ("Gbit/s", "Gbps", 1.0), ("Tbps", "Gbps", 1000.0),
    ("Gbps/W", "Mbps/W", 1000.0), ("W/Gbps", "W/Gbps", 1.0),
    ("in", "mm", 25.4), ("cm", "mm", 10.0), ("毫米", "mm", 1.0), ("mm**3", "dm³", 1e-6), ("dm3", "dm³", 1.0),
    ("千瓦", "W", 1000.0), ("瓦", "W", 1.0), ("tce", "kgce", 1000.0), ("tCO2", "kgCO2", 1000.0),
    ("Bels", "B", 1.0), ("dB_LW", "B", 0.1), ("分贝", "dB(A)", 1.0), ("L/kWh", "L/kWh", 1.0),
])
def test_conversions(text: str, target: str, factor: float) -> None:
    assert conversion_factor(text, target) == pytest.approx(factor)


@pytest.mark.parametrize(("one", "other"), [("dB(A)", "B"), ("W", "Gbps"), ("%", "mg"), ("kgce", "kWh")])
def test_kinds_that_must_never_convert(one: str, other: str) -> None:
    assert not same_kind(one, other)
    with pytest.raises(ValueError, match="not a kind of"):
        conversion_factor(one, other)


def test_unknown_unit_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown unit"):
        parse_unit("parsecs per kelvin squared!")


def test_fraction_to_percent_lands_exactly_on_the_boundary() -> None:
    assert round(0.94 * conversion_factor("", "%"), 9) == 94.0


@pytest.mark.parametrize("text", ["dB(C)", "dB(Z)", "dBC·m", "degC*dB"])
def test_units_pint_parses_but_cannot_use_are_unknown_not_a_crash(text: str) -> None:
    """Regression: "110 dB(C)" in a generator catalog's noise column (decibel times coulomb) raised pint's
    AssertionError, and the audit stopped with no report for any of its inputs."""
    with pytest.raises(ValueError):
        conversion_factor(text, "dBA")


@pytest.mark.parametrize(("text", "meaning"), [
    ("pct", "a picocarat"),
    ("dBm", "a logarithmic power: 95 dBm was read as 0.12 W"),
    ("dBW", "a logarithmic power"),
    ("µmol/mol", "a mole fraction, not a mass fraction"),
    ("%(v/v)", "a volume share (pint read 'v/v' as volt over volt)"),
    ("vol%", "a volume share"),
    ("ppmv", "a volume share"),
    ("°", "an angle: 95° was a dimensionless 1.66 and a PUE"),
    ("1U", "a rack unit"),
])
def test_names_pint_reads_as_some_other_unit_are_unknown(text: str, meaning: str) -> None:
    """Regression: pint parses any run of its unit names, so each of these became a real but wrong unit
    (the ``meaning``) and a number in it could pass a clause in %, mg/kg, W or none."""
    with pytest.raises(ValueError, match="unknown unit"):
        parse_unit(text)


@pytest.mark.parametrize(("text", "target", "factor"), [
    ("mass%", "mg/kg", 10_000), ("%(m/m)", "mg/kg", 10_000), ("%(w/w)", "%", 1), ("µg/g", "mg/kg", 1),
    ("ng/g", "mg/kg", 0.001), ("W/(Gb/s)", "W/Gbps", 1), ("kcal/h", "W", 1.163), ("MPa", "kPa", 1000),
    ("months", "year", 1 / 12),
])
def test_honest_units_still_convert(text: str, target: str, factor: float) -> None:
    assert conversion_factor(text, target) == pytest.approx(factor, rel=1e-3)
