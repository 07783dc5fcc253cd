"""The calculators page's work: inputs → figure (``checker.calculators``) → verdict (``checker.calc_cli.judge``).

A figure is computed by the library's calculator and the clause is judged by the same engine as a
product check, so the page can never disagree with ``checker check`` or ``checker calc``.
Quantities are text so a unit may be typed (``26 Gbps``, ``17.3 in``); a bare number is in the unit
the label shows (:func:`checker.calc_cli.quantity`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from checker import calculators as calc
from checker.calc_cli import judge, quantity
from checker.catalog import Catalog
from checker.models import ClauseResult

log = logging.getLogger(__name__)

NOISE_SIDES = ("front", "back", "left", "right")


@dataclass
class CalcResult:
    """A calculator's figures (name → value) and the clauses judged for it."""

    figures: dict[str, Any] = field(default_factory=dict)
    clauses: list[ClauseResult] = field(default_factory=list)
    category: str = ""


def optional_quantity(text: str | None, unit: str) -> float | None:
    """``quantity`` for an optional input: None when blank."""
    if text is None or not str(text).strip():
        return None
    return quantity(str(text), unit)


def teer(catalog: Catalog, device_class: str, throughput: str, powers: tuple[str, str, str], as_of: date) -> CalcResult:
    """Appendix E: TEER from the class weights, Td and the three powers; 6.2.3/teer judged."""
    klass = catalog.device_classes[device_class]
    td = quantity(throughput, "Mbps")
    p = [quantity(x, "W") for x in powers]
    value = float(calc.teer(td, p[0], p[1], p[2], weights=klass.weights))
    clauses = judge("switch", {"device_class": device_class, "max_throughput": td, "power_u1": p[0],
                               "power_u2": p[1], "power_u3": p[2]}, "6.2.3/teer", as_of)
    return CalcResult({"teer": value, "weights": klass.weights, "loads": klass.loads}, clauses, "switch")


def _numbers(frame: pd.DataFrame, column: str) -> pd.Series:
    return pd.to_numeric(frame.get(column, pd.Series(dtype=float)), errors="coerce").fillna(0.0)


def recycled_plastic(parts: pd.DataFrame, category: str, as_of: date) -> CalcResult:
    """Appendix D from a parts table (columns ``plastic_g``, ``recycled_g``, ``excluded``).

    Parts ticked as excluded (item 2) are left out of both sums; 6.2.2/recycled-plastic is judged
    (the engine applies item 3, the small-plastic exemption, from the catalog).
    """
    counted = parts[~parts.get("excluded", pd.Series(False, index=parts.index)).fillna(False).astype(bool)]
    plastic = float(_numbers(counted, "plastic_g").sum())
    recycled = float(_numbers(counted, "recycled_g").sum())
    share = calc.recycled_plastic_share([recycled], plastic) if plastic > 0 else None
    clauses = judge(category, {"recycled_plastic_mass": recycled, "plastic_mass": plastic},
                    "6.2.2/recycled-plastic", as_of)
    return CalcResult({"plastic_g": plastic, "recycled_g": recycled, "share": share}, clauses, category)


def recyclability(materials: pd.DataFrame, product_mass: str | None, category: str, as_of: date) -> CalcResult:
    """Appendix C from a materials table (``mass_g``, ``rate``); product mass defaults to the parts' sum."""
    masses = _numbers(materials, "mass_g")
    rates = _numbers(materials, "rate")
    recyclable = masses * rates / 100.0
    total = optional_quantity(product_mass, "g")
    total = float(masses.sum()) if total is None else total
    rate = calc.recyclability_rate(recyclable.tolist(), total)
    prefix = "6.2.1/recyclability" if category in ("server", "storage") else "6.2.2/recyclability"
    clauses = judge(category, {"recyclable_mass": float(recyclable.sum()), "product_mass": total}, prefix, as_of)
    return CalcResult({"recyclable_g": float(recyclable.sum()), "product_g": total, "rate": rate,
                       "per_row": recyclable.round(3).tolist()}, clauses, category)


def firewall(catalog: Catalog, throughput: str, power: str | None, dims: tuple[str | None, str | None, str | None],
             as_of: date) -> CalcResult:
    """Table 5: tier for the throughput, volume and W/Gbps, and their clauses."""
    gbps = quantity(throughput, "Gbps")
    band = calc.band_limits(catalog.band_tables["firewall_tiers"], gbps)
    values: dict[str, Any] = {"fw_throughput": gbps}
    watts = optional_quantity(power, "W")
    if watts is not None:
        values["fw_power"] = watts
    sizes = [optional_quantity(d, "mm") for d in dims]
    for name, size in zip(("length", "height", "depth"), sizes, strict=True):
        if size is not None:
            values[name] = size
    figures: dict[str, Any] = {"tier": band[0] if band else None, "tier_limits": band[1] if band else None}
    if all(s is not None for s in sizes):
        figures["volume"] = float(calc.chassis_volume_dm3(*sizes))  # type: ignore[arg-type]
    if watts is not None:
        figures["w_per_gbps"] = float(calc.power_per_throughput(watts, gbps))
    clauses = [r for r in judge("firewall", values, "6.2.4/", as_of)
               if r.id in ("6.2.4/volume", "6.2.4/power-per-throughput")]
    return CalcResult(figures, clauses, "firewall")


def generator(catalog: Catalog, rated_power: str, fuel: str | None, fuel_flow: str | None,
              noise: dict[str, str | None], as_of: date) -> CalcResult:
    """Table 6: band for the rated power, fuel and noise (Appendix H maximum of four readings) judged."""
    kw = quantity(rated_power, "kW")
    band = calc.band_limits(catalog.band_tables["generator_bands"], kw)
    values: dict[str, Any] = {"rated_power": kw}
    rate = optional_quantity(fuel, "g/kWh")
    if rate is not None:
        values["fuel_rate"] = rate
    flow = optional_quantity(fuel_flow, "L/h")
    if flow is not None:
        values["fuel_flow_100"] = flow
    for side in NOISE_SIDES:
        reading = optional_quantity(noise.get(side), "dBA")
        if reading is not None:
            values[f"noise_{side}"] = reading
    clauses = [r for r in judge("generator", values, "6.3.5/", as_of) if r.id != "6.3.5/emissions"]
    return CalcResult({"band": band[0] if band else None, "band_limits": band[1] if band else None},
                      clauses, "generator")


def pah_rows(catalog: Catalog, lang: str) -> pd.DataFrame:
    """The 15 Appendix A compounds as an editable table (field, compound, CAS, value blank)."""
    rows = []
    for name, spec in catalog.fields.items():
        if name.startswith("pah_"):
            cas = next((a for a in spec.aliases if a[:1].isdigit() and "-" in a), "")
            rows.append({"field": name, "compound": spec.label_zh if lang == "zh" else spec.label_en, "cas": cas,
                         "value": ""})
    return pd.DataFrame(rows, columns=["field", "compound", "cas", "value"])


def pah(table: pd.DataFrame, as_of: date) -> CalcResult:
    """Table 3 row 3: the PAH sum (ND counts 0) and benzo[a]pyrene, judged for a desktop."""
    values = {str(row["field"]): str(row["value"]).strip() for _, row in table.iterrows()
              if str(row.get("value", "") or "").strip() not in ("", "None", "nan")}
    clauses = [r for r in judge("desktop", values, "6.2.2/", as_of) if r.id in ("6.2.2/pah15", "6.2.2/bap")]
    return CalcResult({"reported": len(values)}, clauses, "desktop")
