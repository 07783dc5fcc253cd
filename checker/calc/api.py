"""The standard's calculators as a library: one typed function per calculator, plain values in, a result out.

Each function computes its figure with :mod:`checker.engine.formulas` and judges it through the same engine
as ``checker check`` (a one-product record), so a calculator never disagrees with a check. The result is
a strict pydantic model: the figures, the unit of the headline figure, and the engine's
:class:`~checker.models.ClauseResult` for each clause judged. ``checker calc`` (:mod:`checker.calc.cli`)
and the app's calculators page (:mod:`checker.ui.calcs`) are front ends over these functions.

A quantity is a number in the unit its parameter names, or text that may carry its own unit
(``"26 Gbps"``, ``"17.3 in"``, ``"1,250 kW"``); ``None`` means not given. ``as_of`` is the day whose
limits apply (default today). No limit is written here: limits are read from ``catalogs/``.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from checker.catalog.clauses import load_catalog
from checker.catalog.grade_tables import load_grade_editions
from checker.engine import formulas as calc
from checker.engine.frame import normalise_choice, records_to_batch
from checker.engine.grades import GradeOutcome, work_out
from checker.engine.run import evaluate_batches
from checker.inputs.records import record_from_mapping
from checker.inputs.values import parse_value_text
from checker.models import ClauseResult
from checker.units import convert

log = logging.getLogger(__name__)

Quantity = str | float
NOISE_SIDES = ("front", "back", "left", "right")  # Appendix H: the four readings at 1 m
Band = tuple[str | None, dict[str, float | None] | None]


class Calculation(BaseModel):
    """A calculator's result: its figures (in the subclass), the headline figure's unit, the clauses judged.

    ``category`` is the product category the clauses were judged for ("" when no product is judged).
    """

    model_config = ConfigDict(extra="forbid", strict=True)

    category: str = ""
    unit: str
    clauses: list[ClauseResult] = Field(default_factory=list)


class TeerResult(Calculation):
    """Appendix E: ``teer`` (Mbps/W) with the class's load levels (%) and weights (a, b, c)."""

    unit: str = "Mbps/W"
    teer: float | None  # None when an input is implausible (the clause says why)
    loads: tuple[float, float, float]
    weights: tuple[float, float, float]


class FirewallResult(Calculation):
    """Table 5: the throughput's tier and its limits, the chassis volume (dm³) and ``w_per_gbps`` (headline)."""

    unit: str = "W/Gbps"
    tier: str | None
    tier_limits: dict[str, float | None] | None
    volume_dm3: float | None = None
    w_per_gbps: float | None = None


class GeneratorResult(Calculation):
    """Table 6: the rated power's band (by kW) and its limits; fuel and noise are judged in ``clauses``."""

    unit: str = "kW"
    band: str | None
    band_limits: dict[str, float | None] | None


class PahResult(Calculation):
    """Table 3 row 3: how many of the 15 PAHs were given and their sum (mg/kg; ND counts 0) as judged."""

    unit: str = "mg/kg"
    reported: int
    pah_sum: float | None = None


class RecycledPlasticResult(Calculation):
    """Appendix D: recycled and total plastic (g) and the ``share`` (%; None when there is no plastic)."""

    unit: str = "%"
    recycled_g: float
    plastic_g: float
    share: float | None


class RecyclabilityResult(Calculation):
    """Appendix C: recyclable mass of each material and in all (g), the product mass (g) and the ``rate`` (%)."""

    unit: str = "%"
    per_material_g: list[float]
    recyclable_g: float
    product_g: float
    rate: float


class PduResult(Calculation):
    """6.3.4: the PDU's own power per available outlet (W; None without outlets)."""

    unit: str = "W"
    w_per_outlet: float | None


class EnergyResult(Calculation):
    """5.6: annual energy (tce, electricity at 当量值) and whether it reaches the energy-management line."""

    unit: str = "tce"
    annual_energy_tce: float
    threshold_tce: float
    energy_management_required: bool


class RenewableResult(Calculation):
    """Table 1: the renewable share (%) required in ``year`` (None before the schedule starts)."""

    unit: str = "%"
    year: int
    required_percent: float | None


class PueResult(Calculation):
    """5.1: the PUE limit in force ``on`` a day (None before the schedule starts); PUE has no unit."""

    unit: str = ""
    on: date
    pue_limit: float | None


class GradeResult(Calculation):
    """An energy grade worked out from measurements with ``catalogs/grades``.

    ``grade`` is 1, 2, 3 or lowest + 1 ("below grade 3"), None when it is not worked out (``status`` says why:
    ``ambiguous`` rows disagree, ``unchecked`` no table covers the product, ``missing`` a value is needed);
    ``edition`` is the edition in force on the day, ``rows`` the table rows used with the values compared.
    """

    unit: str = "grade"
    status: str
    grade: int | None
    grade_text: str
    edition: str | None
    effective: date | None
    confidence: str | None
    rows: list[str]
    note: str


def quantity(value: Quantity, unit: str) -> float:
    """``value`` in ``unit``: a number is taken as in ``unit``; text may carry its own ("26 Gbps", "1,250 kW")."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a number")
    if isinstance(value, int | float):
        return float(value)
    parsed = parse_value_text(value)
    if parsed.number is None:
        raise ValueError(f"{value!r} is not a number")
    if parsed.qualifier:
        raise ValueError(f"{value!r} is a bound, not a measured value")
    return convert(parsed.number, parsed.unit or unit, unit)


def _optional(value: Quantity | None, unit: str) -> float | None:
    return None if value is None else quantity(value, unit)


def _given(values: Mapping[str, Any]) -> dict[str, Any]:
    """The record's values without those not given (None)."""
    return {name: value for name, value in values.items() if value is not None}


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


def _band(table: str, value: float) -> Band:
    """The label and limits of the band of ``catalogs/tables.yaml`` table ``table`` holding ``value``."""
    band = calc.band_limits(load_catalog().band_tables[table], value)
    return band if band else (None, None)


def _judge(category: str, values: Mapping[str, Any], clause_ids: Sequence[str],
           as_of: date | None) -> list[ClauseResult]:
    """Evaluate a one-product record with these values; the results of ``clause_ids``, in the engine's order."""
    record = record_from_mapping({"category": category, "id": "calc", **values}, "calc")
    evaluated = evaluate_batches([records_to_batch([record], load_catalog())], [], as_of or date.today())
    results = [r for r in evaluated.report().products[0].clauses if r.id in clause_ids]
    log.debug("calc %s: %s", category, ", ".join(f"{r.id} {r.status}" for r in results))
    return results


def categories_judging(quantity_name: str) -> list[str]:
    """The categories some clause judges ``quantity_name`` for, in the catalog's order (a calculator's choices)."""
    catalog = load_catalog()
    judged = {category for c in catalog.clauses if c.quantity == quantity_name for category in c.categories}
    return [category for category in catalog.categories if category in judged]


def _clauses_on(quantity_name: str, category: str) -> list[str]:
    """The ids of the clauses that judge ``quantity_name`` for ``category``, as the catalog says."""
    return [c.id for c in load_catalog().clauses if c.quantity == quantity_name and category in c.categories]


def teer(device_class: str, throughput: Quantity, p_u1: Quantity, p_u2: Quantity, p_u3: Quantity,
         as_of: date | None = None) -> TeerResult:
    """Appendix E TEER of a switch of ``device_class`` (Td bare in Mbps, powers in W); 6.2.3/teer judged."""
    klass = load_catalog().device_classes[device_class]
    td = quantity(throughput, "Mbps")
    powers = [quantity(p, "W") for p in (p_u1, p_u2, p_u3)]
    value = float(calc.teer(td, powers[0], powers[1], powers[2], weights=klass.weights))
    clauses = _judge("switch", {"device_class": device_class, "max_throughput": td, "power_u1": powers[0],
                                "power_u2": powers[1], "power_u3": powers[2]}, ("6.2.3/teer",), as_of)
    judged = next((c.value for c in clauses if c.id == "6.2.3/teer"), None)
    return TeerResult(category="switch", teer=value if judged is not None else None, loads=klass.loads,
                      weights=klass.weights, clauses=clauses)


def firewall(throughput: Quantity, power: Quantity | None = None, length: Quantity | None = None,
             height: Quantity | None = None, depth: Quantity | None = None,
             as_of: date | None = None) -> FirewallResult:
    """Table 5 for a firewall: throughput (bare Gbps), power (W), size without rack ears (mm); 6.2.4 judged."""
    gbps = quantity(throughput, "Gbps")
    watts = _optional(power, "W")
    size = [_optional(d, "mm") for d in (length, height, depth)]
    values = _given({"fw_throughput": gbps, "fw_power": watts, "length": size[0], "height": size[1],
                     "depth": size[2]})
    tier, limits = _band("firewall_tiers", gbps)
    volume = (float(calc.chassis_volume_dm3(size[0], size[1], size[2]))
              if size[0] is not None and size[1] is not None and size[2] is not None else None)
    ratio = None if watts is None else float(calc.power_per_throughput(watts, gbps))
    clauses = _judge("firewall", values, ("6.2.4/volume", "6.2.4/power-per-throughput"), as_of)
    return FirewallResult(category="firewall", tier=tier, tier_limits=limits, volume_dm3=volume, w_per_gbps=ratio,
                          clauses=clauses)


def _noise(readings: Mapping[str, Quantity | None]) -> dict[str, float | None]:
    """Noise readings by side (front, back, left, right) as record values in dB(A)."""
    unknown = set(readings) - set(NOISE_SIDES)
    if unknown:
        raise ValueError(f"noise sides are {', '.join(NOISE_SIDES)}, not {', '.join(sorted(unknown))}")
    return {f"noise_{side}": _optional(readings.get(side), "dBA") for side in NOISE_SIDES}


def generator(rated_power: Quantity, fuel: Quantity | None = None, fuel_flow: Quantity | None = None,
              noise: Mapping[str, Quantity | None] | None = None, as_of: date | None = None) -> GeneratorResult:
    """Table 6 for a diesel generator; 6.3.5 fuel consumption and noise judged.

    Rated power bare in kW; fuel rate in g/kWh or fuel flow at 100 % load in L/h (the engine converts it
    over the diesel density range); noise by side, dB(A) at 1 m (Appendix H judges the maximum).
    """
    kw = quantity(rated_power, "kW")
    values = _given({"rated_power": kw, "fuel_rate": _optional(fuel, "g/kWh"),
                     "fuel_flow_100": _optional(fuel_flow, "L/h"), **_noise(noise or {})})
    band, limits = _band("generator_bands", kw)
    clauses = _judge("generator", values, ("6.3.5/fuel-consumption", "6.3.5/noise"), as_of)
    return GeneratorResult(category="generator", band=band, band_limits=limits, clauses=clauses)


def _pah_fields() -> dict[str, str]:
    """Each Appendix A compound's field, by field name and by each alias (name, CAS number), lower case."""
    names: dict[str, str] = {}
    catalog = load_catalog()
    for field in catalog.pah_fields:
        names.update({field: field, **{alias.lower(): field for alias in catalog.fields[field].aliases}})
    return names


def pah(values: Mapping[str, str | float], as_of: date | None = None) -> PahResult:
    """The 15 PAHs of Appendix A (keyed by field, name or CAS; "ND" counts 0) judged for a desktop."""
    names = _pah_fields()
    fields: dict[str, str | float] = {}
    for key, value in values.items():
        field = names.get(key.strip().lower())
        if field is None:
            raise ValueError(f"{key!r} is not one of the 15 PAHs of Appendix A")
        fields[field] = value
    clauses = _judge("desktop", fields, ("6.2.2/pah15", "6.2.2/bap"), as_of)
    total = next((c.value for c in clauses if c.id == "6.2.2/pah15"), None)
    return PahResult(category="desktop", reported=len(fields), clauses=clauses,
                     pah_sum=float(total) if isinstance(total, int | float) else None)


def recycled_plastic(recycled: Sequence[Quantity], plastic_total: Quantity, category: str = "desktop",
                     as_of: date | None = None) -> RecycledPlasticResult:
    """Appendix D share of recycled plastic; 6.2.2/recycled-plastic judged for ``category``.

    The masses of each recycled or bio-based plastic and the total plastic mass (bare in g) are after the
    item-2 exclusions; the engine applies the item-3 exemption (little plastic) from the catalog.
    """
    masses = [quantity(m, "g") for m in recycled]
    plastic = quantity(plastic_total, "g")
    share = calc.recycled_plastic_share(masses, plastic) if plastic > 0 else None
    clauses = _judge(category, {"recycled_plastic_mass": sum(masses), "plastic_mass": plastic},
                     ("6.2.2/recycled-plastic",), as_of)
    return RecycledPlasticResult(category=category, recycled_g=float(sum(masses)), plastic_g=plastic, share=share,
                                 clauses=clauses)


def recyclability(materials: Sequence[tuple[Quantity, Quantity]], product_mass: Quantity | None = None,
                  category: str = "server", as_of: date | None = None) -> RecyclabilityResult:
    """Appendix C recyclability rate; the catalog's recyclability clause for ``category`` judged (6.2.1 for
    servers and storage, 6.2.2 for PCs and monitors).

    ``materials`` holds each material's (mass, bare in g; recyclability rate, %); the product mass defaults
    to the materials' sum.
    """
    pairs = [(quantity(mass, "g"), quantity(rate, "%")) for mass, rate in materials]
    per_material = [mass * rate / 100.0 for mass, rate in pairs]
    given = _optional(product_mass, "g")
    product = float(sum(mass for mass, _ in pairs)) if given is None else given
    rate = calc.recyclability_rate(per_material, product)
    clauses = _judge(category, {"recyclable_mass": sum(per_material), "product_mass": product},
                     _clauses_on("recyclability", category), as_of)
    return RecyclabilityResult(category=category, per_material_g=per_material, recyclable_g=float(sum(per_material)),
                               product_g=product, rate=rate, clauses=clauses)


def pdu(power: Quantity, outlets: int, as_of: date | None = None) -> PduResult:
    """6.3.4: a PDU's own consumption (bare W) over its available outlets; 6.3.4/outlet-power judged."""
    watts = quantity(power, "W")
    clauses = _judge("pdu", {"pdu_power": watts, "outlet_count": outlets}, ("6.3.4/outlet-power",), as_of)
    return PduResult(category="pdu", w_per_outlet=_finite(float(calc.outlet_power(watts, outlets))), clauses=clauses)


def energy(electricity: Quantity, as_of: date | None = None) -> EnergyResult:
    """5.6: annual electricity (bare kWh) in tce at the catalog's 当量值, against the catalog's line.

    No product clause is judged (5.6 asks for documents); ``as_of`` is taken for a uniform signature,
    the coefficient and the line do not change with the date.
    """
    catalog = load_catalog()
    kwh = quantity(electricity, "kWh")
    tce = float(calc.annual_energy_tce(kwh, catalog.constant("electricity_kgce_per_kwh")))
    threshold = catalog.clause("5.6/energy-management").threshold_evidence
    if threshold is None:
        raise LookupError("catalogs: 5.6/energy-management has no threshold_evidence")
    return EnergyResult(annual_energy_tce=tce, threshold_tce=threshold.at,
                        energy_management_required=tce >= threshold.at)


def renewable(year: int | None = None, as_of: date | None = None) -> RenewableResult:
    """Table 1: the renewable share required in ``year`` (default the year of ``as_of``, or this year)."""
    year = year if year is not None else (as_of or date.today()).year
    return RenewableResult(year=year, required_percent=calc.renewable_share_required(load_catalog(), year))


def pue(as_of: date | None = None) -> PueResult:
    """5.1: the PUE limit in force on ``as_of`` (default today)."""
    on = as_of or date.today()
    return PueResult(on=on, pue_limit=calc.pue_limit(load_catalog(), on))



def grade_fields(category: str) -> list[str]:
    """The fields ``grade`` takes for ``category`` (selectors, axes, graded quantities), sorted."""
    return sorted({name for e in load_grade_editions() if e.category == category for name in e.fields()})


def _grade_values(category: str, measurements: Mapping[str, Quantity | None]) -> dict[str, float | str]:
    """Measurements as record values: quantities in their field's unit, choices folded as records fold them."""
    catalog = load_catalog()
    allowed = grade_fields(category)
    if not allowed:
        raise ValueError(f"no grade table for {category!r} in catalogs/grades")
    values: dict[str, float | str] = {}
    for name, value in _given(measurements).items():
        if name not in allowed:
            raise ValueError(f"{name!r} is not a {category} grade measurement ({', '.join(allowed)})")
        spec = catalog.fields[name]
        if spec.kind == "quantity":
            values[name] = quantity(value, spec.unit)
            continue
        folded = normalise_choice(spec, value)
        if folded is None:
            raise ValueError(f"{name} is one of {', '.join(spec.choices)}, not {value!r}")
        values[name] = folded
    return values


def grade(category: str, measurements: Mapping[str, Quantity | None], as_of: date | None = None) -> GradeResult:
    """The energy grade of a ``category`` product worked out from ``measurements`` (field name → value, bare in
    the field's unit or text with its own), with the edition in force on ``as_of``; its grade clause judged."""
    values = _grade_values(category, measurements)
    outcome = work_out(category, values, as_of or date.today())
    if outcome is None:
        raise ValueError(f"give a graded quantity for {category} (and its selectors): "
                         f"{', '.join(grade_fields(category))}")
    ids = [c.id for c in load_catalog().for_category(category) if c.quantity == "energy_grade"]
    clauses = [c for c in _judge(category, values, ids, as_of) if c.status != "not_applicable"]
    return _grade_result(category, outcome, clauses)


def _grade_result(category: str, outcome: GradeOutcome, clauses: list[ClauseResult]) -> GradeResult:
    text = outcome.grade_text() if outcome.status == "graded" else "not worked out"
    if outcome.status == "graded" and outcome.confidence == "L":
        text += " (low-confidence table value: not a verdict)"
    return GradeResult(category=category, status=outcome.status, grade=outcome.grade, grade_text=text,
                       edition=outcome.edition or None, effective=outcome.effective, confidence=outcome.confidence,
                       rows=[f"{r.table} [{r.row}]: {r.detail}" for r in outcome.rows], note=outcome.text(),
                       clauses=clauses)
