"""``checker calc``: the standard's calculators from the command line.

Each verb computes its figure with :mod:`checker.calculators` and then judges it through the same
engine as ``checker check`` (a one-product record), so a calculator never disagrees with a check.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from checker import calculators as calc
from checker.catalog import load_catalog
from checker.frame import records_to_batch
from checker.models import ClauseResult
from checker.pipeline import evaluate_batches
from checker.records import record_from_mapping
from checker.units import convert
from checker.values import parse_value_text


def quantity(text: str, unit: str) -> float:
    """A command-line quantity ("26 Gbps", "38.5", "1,250 kW") in ``unit``."""
    parsed = parse_value_text(text)
    if parsed.number is None:
        raise ValueError(f"{text!r} is not a number")
    return convert(parsed.number, parsed.unit or unit, unit)


def judge(category: str, values: dict[str, Any], prefix: str, as_of: date | None = None) -> list[ClauseResult]:
    """Evaluate the clauses whose id starts with ``prefix`` for a product with these values."""
    record = record_from_mapping({"category": category, "id": "calc", **values}, "calc")
    evaluated = evaluate_batches([records_to_batch([record], load_catalog())], [], as_of or date.today())
    return [r for r in evaluated.report().products[0].clauses if r.id.startswith(prefix)]


def _teer(args: argparse.Namespace) -> dict[str, Any]:
    klass = load_catalog().device_classes[args.device_class]
    throughput = quantity(args.throughput, "Mbps")
    powers = [quantity(p, "W") for p in (args.p_u1, args.p_u2, args.p_u3)]
    value = float(calc.teer(throughput, *powers, weights=klass.weights))
    results = judge("switch", {"device_class": args.device_class, "max_throughput": throughput,
                               "power_u1": powers[0], "power_u2": powers[1], "power_u3": powers[2]}, "6.2.3/teer")
    return {"teer_mbps_per_w": round(value, 3), "loads_percent": klass.loads, "weights": klass.weights,
            "clauses": results}


def _firewall(args: argparse.Namespace) -> dict[str, Any]:
    catalog = load_catalog()
    throughput = quantity(args.throughput, "Gbps")
    band = calc.band_limits(catalog.band_tables["firewall_tiers"], throughput)
    values: dict[str, Any] = {"fw_throughput": throughput}
    if args.power:
        values["fw_power"] = quantity(args.power, "W")
    for name in ("length", "height", "depth"):
        if getattr(args, name):
            values[name] = quantity(getattr(args, name), "mm")
    results = judge("firewall", values, "6.2.4/")
    return {"tier": band[0] if band else None, "tier_limits": band[1] if band else None,
            "clauses": [r for r in results if r.id in ("6.2.4/volume", "6.2.4/power-per-throughput")]}


def _generator(args: argparse.Namespace) -> dict[str, Any]:
    catalog = load_catalog()
    power = quantity(args.rated_power, "kW")
    band = calc.band_limits(catalog.band_tables["generator_bands"], power)
    values: dict[str, Any] = {"rated_power": power}
    if args.fuel:
        values["fuel_rate"] = quantity(args.fuel, "g/kWh")
    if args.fuel_flow:
        values["fuel_flow_100"] = quantity(args.fuel_flow, "L/h")
    for name, reading in zip(("noise_front", "noise_back", "noise_left", "noise_right"), args.noise or [],
                             strict=False):
        values[name] = quantity(reading, "dBA")
    results = judge("generator", values, "6.3.5/")
    return {"band": band[0] if band else None, "band_limits": band[1] if band else None,
            "clauses": [r for r in results if r.id != "6.3.5/emissions"]}


def _pah(args: argparse.Namespace) -> dict[str, Any]:
    catalog = load_catalog()
    names = {k: k for k in catalog.fields if k.startswith("pah_")}
    for field, spec in catalog.fields.items():
        if field.startswith("pah_"):
            names.update({alias.lower(): field for alias in spec.aliases})
    values: dict[str, Any] = {}
    for item in args.values:
        key, _, text = item.partition("=")
        field = names.get(key.strip().lower())
        if field is None:
            raise ValueError(f"{key!r} is not one of the 15 PAHs of Appendix A")
        values[field] = text
    results = judge("desktop", values, "6.2.2/")
    return {"clauses": [r for r in results if r.id in ("6.2.2/pah15", "6.2.2/bap")]}


def _simple(args: argparse.Namespace) -> dict[str, Any]:
    catalog = load_catalog()
    verb = args.verb
    if verb == "recycled-plastic":
        recycled = [quantity(m, "g") for m in args.recycled]
        total = quantity(args.plastic_total, "g")
        share = calc.recycled_plastic_share(recycled, total)
        return {"share_percent": round(share, 4), "clauses": judge(
            "desktop", {"recycled_plastic_mass": sum(recycled), "plastic_mass": total}, "6.2.2/recycled-plastic")}
    if verb == "recyclability":
        masses = [quantity(m, "g") * quantity(r, "%") / 100 for m, r in (p.split(":") for p in args.material)]
        product = quantity(args.product_mass, "g")
        rate = calc.recyclability_rate(masses, product)
        return {"recyclability_percent": round(rate, 4), "clauses": judge(
            "server", {"recyclable_mass": sum(masses), "product_mass": product}, "6.2.1/recyclability")}
    if verb == "pdu":
        return {"clauses": judge("pdu", {"pdu_power": quantity(args.power, "W"), "outlet_count": args.outlets},
                                 "6.3.4/")}
    if verb == "energy":
        kwh = quantity(args.electricity, "kWh")
        tce = float(calc.annual_energy_tce(kwh, catalog.constant("electricity_kgce_per_kwh")))
        threshold = catalog.clause("5.6/energy-management").threshold_evidence
        assert threshold is not None
        return {"annual_energy_tce": round(tce, 6), "energy_management_required": bool(tce >= threshold.at)}
    if verb == "renewable":
        return {"year": args.year, "required_percent": calc.renewable_share_required(catalog, args.year)}
    if verb == "pue":
        on = date.fromisoformat(args.date)
        return {"date": on.isoformat(), "pue_limit": calc.pue_limit(catalog, on)}
    raise ValueError(f"unknown calculator {verb}")


VERBS = {"teer": _teer, "firewall": _firewall, "generator": _generator, "pah": _pah}


def add_calc_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``checker calc VERB``."""
    parser = sub.add_parser("calc", help="the standard's calculators")
    verbs = parser.add_subparsers(dest="verb", required=True)
    p = verbs.add_parser("teer", help="Appendix E TEER from throughput and three powers")
    p.add_argument("--class", dest="device_class", required=True, choices=sorted(load_catalog().device_classes))
    p.add_argument("--throughput", required=True, help="maximum throughput Td (e.g. '26 Gbps'; bare = Mbps)")
    for name, text in (("--p-u1", "power at u1 (0 %%)"), ("--p-u2", "power at u2 (10 or 30 %%)"),
                       ("--p-u3", "power at u3 (100 %%)")):
        p.add_argument(name, required=True, help=text + ", W")
    p = verbs.add_parser("firewall", help="Table 5 tier, W/Gbps and volume")
    p.add_argument("--throughput", required=True, help="IPv4 64-byte throughput (bare = Gbps)")
    p.add_argument("--power", help="power at maximum throughput (W)")
    for name in ("--length", "--height", "--depth"):
        p.add_argument(name, help="without rack ears (bare = mm; '17.3 in', '44 cm')")
    p = verbs.add_parser("generator", help="Table 6 band, fuel and noise")
    p.add_argument("--rated-power", required=True, help="rated power (bare = kW)")
    p.add_argument("--fuel", help="fuel consumption rate at rated power (g/kWh or kg/kWh)")
    p.add_argument("--fuel-flow", help="fuel flow at 100 %% load (L/h)")
    p.add_argument("--noise", nargs="+", help="front back left right readings, dB(A) at 1 m")
    p = verbs.add_parser("pah", help="sum of the 15 PAHs (ND counts 0)")
    p.add_argument("values", nargs="+", help="name=value, e.g. naphthalene=0.3 50-32-8=ND")
    p = verbs.add_parser("recycled-plastic", help="Appendix D share")
    p.add_argument("--recycled", nargs="+", required=True, help="masses of each recycled / bio-based plastic")
    p.add_argument("--plastic-total", required=True, help="total plastic mass after the item-2 exclusions")
    p = verbs.add_parser("recyclability", help="Appendix C rate")
    p.add_argument("--material", nargs="+", required=True, help="mass:rate pairs, e.g. '1200 g:95'")
    p.add_argument("--product-mass", required=True)
    p = verbs.add_parser("pdu", help="6.3.4 power per outlet")
    p.add_argument("--power", required=True, help="the PDU's own consumption (W)")
    p.add_argument("--outlets", type=int, required=True)
    p = verbs.add_parser("energy", help="5.6 annual energy in tce (electricity at 当量值)")
    p.add_argument("--electricity", required=True, help="annual electricity (bare = kWh)")
    p = verbs.add_parser("renewable", help="Table 1 share required in a year")
    p.add_argument("--year", type=int, required=True)
    p = verbs.add_parser("pue", help="5.1 PUE limit on a date")
    p.add_argument("--date", required=True)
    parser.set_defaults(func=run_calc)


def run_calc(args: argparse.Namespace) -> int:
    """Print the calculator's result as JSON; exit 1 when a judged clause fails."""
    result = VERBS.get(args.verb, _simple)(args)
    clauses = result.get("clauses", [])
    result["clauses"] = [c.model_dump(exclude={"evidence"}) for c in clauses]
    sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    return 1 if any(c.status == "fail" for c in clauses) else 0
