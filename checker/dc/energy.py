"""Energy and emission arithmetic: section-5 operation figures and T/CA305 附表E emissions.

Every coefficient comes from ``catalogs/tca305.yaml``. ``bound`` selects a coefficient's nominal
value or the low/high end of its range, so a result can be re-checked across the uncertainty of
low-confidence coefficients.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Literal

from checker.dc.catalog import Bound, Coefficient, Tca305Catalog, load_tca305
from checker.dc.quantity import Amount
from checker.dc.record import DataCentreRecord
from checker.dc.refrigerant import gwp_coefficients, leak_rows
from checker.models import Fact

log = logging.getLogger(__name__)

BOUNDS: tuple[Bound, ...] = ("value", "low", "high")
SCOPE1_SOURCES = ("natural_gas", "diesel", "gasoline", "vehicles", "refrigerant")


GridBasis = Literal["declared", "regional", "national_fallback"]
NATIONAL_FALLBACK = "national average grid factor used; the text requires the regional factor: give grid_region"


@dataclass(frozen=True)
class GridChoice:
    """The grid CO2 factor a record is graded with: the record's own (declared), its region's, or
    the national average as a fallback (附表E asks for the regional factor)."""

    t_per_kwh: float
    basis: GridBasis
    region: str | None
    year: int | None
    coefficient: Coefficient | None

    @property
    def confidence(self) -> str:
        """H/M/L of the catalog factor, ``declared`` for the record's own."""
        return self.coefficient.confidence if self.coefficient else "declared"

    def describe(self) -> dict[str, Any]:
        """The factor, its basis, region, year, confidence and source, for the report."""
        coef = self.coefficient
        return {"value": self.t_per_kwh * 1000.0, "unit": "kgCO2/kWh", "basis": self.basis,
                "region": self.region, "label_zh": coef.label_zh if coef else "", "year": self.year,
                "confidence": self.confidence, "source": coef.source if coef else "declared in the record"}


def grid_choice(record: DataCentreRecord, catalog: Tca305Catalog | None = None) -> GridChoice:
    """The record's own factor if given, else its region's, else the national default (fallback)."""
    catalog = catalog or load_tca305()
    if record.grid_factor is not None:
        return GridChoice(record.grid_factor / 1000.0, "declared", record.grid_region, None, None)
    grid = catalog.grid
    region = record.grid_region or grid.default
    factor = grid.factors[region]
    basis: GridBasis = "national_fallback" if region == grid.default else "regional"
    return GridChoice(factor.in_unit("tCO2/kWh"), basis, region, grid.year, factor)


def grid_factor(record: DataCentreRecord, catalog: Tca305Catalog | None = None) -> tuple[float, str]:
    """Grid CO2 factor in tCO2/kWh and where it came from (record, region, or national default)."""
    choice = grid_choice(record, catalog)
    if choice.coefficient is None:
        return choice.t_per_kwh, "record"
    return choice.t_per_kwh, f"{choice.region} {choice.year} ({choice.confidence})"


def _coef(name: str, unit: str, bound: Bound, catalog: Tca305Catalog) -> float:
    return catalog.coefficients[name].in_unit(unit, bound)


def fuel_kg(amount: Amount | None, fuel: str, bound: Bound = "value",
            catalog: Tca305Catalog | None = None) -> float:
    """A fuel amount in kg; litres are converted with the fuel's density coefficient."""
    catalog = catalog or load_tca305()
    if amount is None:
        return 0.0
    if amount.unit == "kg":
        return amount.value
    return amount.value * _coef(f"{fuel}_density", "kg/L", bound, catalog)


def _fuels_kg(record: DataCentreRecord, bound: Bound, catalog: Tca305Catalog) -> dict[str, float]:
    """Site fuels and vehicle fuels, kg."""
    return {
        "diesel": fuel_kg(record.energy.diesel, "diesel", bound, catalog),
        "gasoline": fuel_kg(record.energy.gasoline, "gasoline", bound, catalog),
        "vehicle_diesel": fuel_kg(record.vehicles.diesel, "diesel", bound, catalog),
        "vehicle_gasoline": fuel_kg(record.vehicles.gasoline, "gasoline", bound, catalog),
    }


def annual_energy_tce(record: DataCentreRecord, bound: Bound = "value",
                      catalog: Tca305Catalog | None = None) -> float:
    """Annual energy consumption in tce, electricity at 当量值 (procurement standard 5.6).

    Vehicle fuel is counted (it is energy the data centre consumes); exports are not subtracted.
    """
    catalog = catalog or load_tca305()
    fuels = _fuels_kg(record, bound, catalog)
    kgce = (
        record.energy.electricity * _coef("electricity_tce", "kgce/kWh", bound, catalog)
        + record.energy.natural_gas * _coef("natural_gas_tce", "kgce/m**3", bound, catalog)
        + (fuels["diesel"] + fuels["vehicle_diesel"]) * _coef("diesel_tce", "kgce/kg", bound, catalog)
        + (fuels["gasoline"] + fuels["vehicle_gasoline"]) * _coef("gasoline_tce", "kgce/kg", bound, catalog)
        + record.energy.heat * _coef("heat_tce", "kgce/GJ", bound, catalog)
    )
    return kgce / 1000.0


def emissions(record: DataCentreRecord, bound: Bound = "value",
              catalog: Tca305Catalog | None = None) -> dict[str, float]:
    """附表E operating-stage emissions in tCO2(e) by source, with ``scope1``, ``scope2`` and ``total``
    (= C_yw). Refrigerant leaks (3.4) are scope 1. Exported electricity and heat are negative.
    Water and staff carry no factor."""
    catalog = catalog or load_tca305()
    grid, _ = grid_factor(record, catalog)
    heat = _coef("heat_co2", "tCO2/GJ", bound, catalog)
    diesel = _coef("diesel_co2", "tCO2/kg", bound, catalog)
    gasoline = _coef("gasoline_co2", "tCO2/kg", bound, catalog)
    fuels = _fuels_kg(record, bound, catalog)
    rows = {
        "electricity": record.energy.electricity * grid,
        "natural_gas": record.energy.natural_gas * _coef("natural_gas_co2", "tCO2/m**3", bound, catalog),
        "diesel": fuels["diesel"] * diesel,
        "gasoline": fuels["gasoline"] * gasoline,
        "heat": record.energy.heat * heat,
        "vehicles": fuels["vehicle_diesel"] * diesel + fuels["vehicle_gasoline"] * gasoline,
        "refrigerant": sum((row["tco2e"] for row in leak_rows(record, bound, catalog)), 0.0),
        "exported_electricity": 0.0 - record.exported.electricity * grid,
        "exported_heat": 0.0 - record.exported.heat * heat,
    }
    scope1 = sum(rows[k] for k in SCOPE1_SOURCES)
    scope2 = sum(value for key, value in rows.items() if key not in SCOPE1_SOURCES)
    return {**rows, "scope1": scope1, "scope2": scope2, "total": scope1 + scope2}


def coefficients_used(record: DataCentreRecord, catalog: Tca305Catalog | None = None) -> dict[str, Coefficient]:
    """The catalog coefficients this record's figures depend on (non-zero quantities only), the
    refrigerant GWPs (``gwp_<refrigerant>``) included."""
    catalog = catalog or load_tca305()
    names = ["electricity_tce"]
    energy, vehicles = record.energy, record.vehicles
    if energy.natural_gas:
        names += ["natural_gas_tce", "natural_gas_co2"]
    if energy.heat or record.exported.heat:
        names += ["heat_tce", "heat_co2"]
    for fuel in ("diesel", "gasoline"):
        amounts = [getattr(energy, fuel), getattr(vehicles, fuel)]
        if any(a is not None and a.value for a in amounts):
            names += [f"{fuel}_tce", f"{fuel}_co2"]
        if any(a is not None and a.value and a.unit == "L" for a in amounts):
            names.append(f"{fuel}_density")
    return {**{name: catalog.coefficients[name] for name in names}, **gwp_coefficients(record, catalog)}


def low_confidence(record: DataCentreRecord, catalog: Tca305Catalog | None = None) -> list[str]:
    """Names of the low-confidence (L) coefficients the record's figures depend on."""
    return [n for n, c in coefficients_used(record, catalog).items() if c.confidence == "L"]


def section5_facts(record: DataCentreRecord) -> dict[str, float]:
    """Section-5 operation figures in canonical units: pue (unitless), renewable_share (%),
    wue (L/kWh), annual_energy_tce (tce), annual_electricity (kWh). A figure whose inputs are
    missing (no IT energy, no water, no renewables block) is left out."""
    electricity = record.energy.electricity
    renewable = record.renewables
    facts = {
        "annual_electricity": electricity,
        "annual_energy_tce": annual_energy_tce(record),
    }
    if electricity > 0 and "renewables" in record.model_fields_set:  # no renewables block: no share, not 0 %
        share = renewable.own_generation + renewable.green_power + renewable.certificates
        facts["renewable_share"] = share / electricity * 100.0
    if record.it_energy:
        facts["pue"] = electricity / record.it_energy
        if record.water is not None:
            facts["wue"] = record.water * 1000.0 / record.it_energy
    return {key: round(value, 9) for key, value in facts.items()}


_UNITS = {"pue": "", "renewable_share": "%", "wue": "L/kWh", "annual_energy_tce": "tce",
          "annual_electricity": "kWh"}


def section5_fact_models(record: DataCentreRecord) -> list[Fact]:
    """:func:`section5_facts` as :class:`checker.models.Fact` rows. ``annual_energy_tce`` carries
    ``low``/``high`` when a coefficient it uses has a range, and notes low-confidence coefficients."""
    facts = section5_facts(record)
    result = []
    for field, value in facts.items():
        fact = Fact(field=field, value=value, unit=_UNITS[field])
        if field == "annual_energy_tce":
            fact.low = round(annual_energy_tce(record, "low"), 9)
            fact.high = round(annual_energy_tce(record, "high"), 9)
            weak = [n for n in low_confidence(record) if n.endswith(("_tce", "_density"))]
            fact.note = f"low-confidence coefficients: {', '.join(weak)}" if weak else ""
        if field == "pue" and (record.energy.natural_gas or record.energy.heat):
            fact.note = "electricity-based PUE; gas or purchased heat is not in it"
        result.append(fact)
    return result
