"""``checker calc``: the standard's calculators from the command line.

Each verb parses its arguments and calls :mod:`checker.calc.api`, which computes the figure and judges it
through the same engine as ``checker check``; this module only chooses what the JSON shows.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from checker.calc import api as calc_api
from checker.catalog.clauses import load_catalog
from checker.catalog.grade_tables import load_grade_editions

GRADE_SHORT_FLAGS = {"rated_efficiency": ("--efficiency",)}  # besides --rated-efficiency


def _teer(args: argparse.Namespace) -> dict[str, Any]:
    result = calc_api.teer(args.device_class, args.throughput, args.p_u1, args.p_u2, args.p_u3)
    teer = None if result.teer is None else round(result.teer, 3)
    return {"teer_mbps_per_w": teer, "loads_percent": result.loads, "weights": result.weights,
            "clauses": result.clauses}


def _firewall(args: argparse.Namespace) -> dict[str, Any]:
    # An empty argument is not given.
    result = calc_api.firewall(args.throughput, args.power or None, args.length or None, args.height or None,
                               args.depth or None)
    return {"tier": result.tier, "tier_limits": result.tier_limits, "clauses": result.clauses}


def _generator(args: argparse.Namespace) -> dict[str, Any]:
    noise = dict(zip(calc_api.NOISE_SIDES, args.noise or [], strict=False))
    result = calc_api.generator(args.rated_power, args.fuel or None, args.fuel_flow or None, noise)
    return {"band": result.band, "band_limits": result.band_limits, "clauses": result.clauses}


def _pah(args: argparse.Namespace) -> dict[str, Any]:
    values = {key: text for key, _, text in (item.partition("=") for item in args.values)}
    return {"clauses": calc_api.pah(values).clauses}


def _recycled_plastic(args: argparse.Namespace) -> dict[str, Any]:
    result = calc_api.recycled_plastic(args.recycled, args.plastic_total)
    if result.share is None:
        raise ValueError("total plastic mass must be positive")
    return {"share_percent": round(result.share, 4), "clauses": result.clauses}


def _material(text: str) -> tuple[str, str]:
    mass, rate = text.split(":")
    return mass, rate


def _recyclability(args: argparse.Namespace) -> dict[str, Any]:
    result = calc_api.recyclability([_material(m) for m in args.material], args.product_mass)
    return {"recyclability_percent": round(result.rate, 4), "clauses": result.clauses}


def _pdu(args: argparse.Namespace) -> dict[str, Any]:
    return {"clauses": calc_api.pdu(args.power, args.outlets).clauses}


def _energy(args: argparse.Namespace) -> dict[str, Any]:
    result = calc_api.energy(args.electricity)
    return {"annual_energy_tce": round(result.annual_energy_tce, 6),
            "energy_management_required": result.energy_management_required}


def _renewable(args: argparse.Namespace) -> dict[str, Any]:
    return {"year": args.year, "required_percent": calc_api.renewable(args.year).required_percent}


def _pue(args: argparse.Namespace) -> dict[str, Any]:
    result = calc_api.pue(date.fromisoformat(args.date))
    return {"date": result.on.isoformat(), "pue_limit": result.pue_limit}


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"--as-of must be YYYY-MM-DD, not {text!r}") from None


def _grade_fields() -> list[str]:
    """Every field a grade table reads, for any category (one flag each)."""
    return sorted({name for edition in load_grade_editions() for name in edition.fields()})


def _grade(args: argparse.Namespace) -> dict[str, Any]:
    given = {name: getattr(args, name) for name in _grade_fields() if getattr(args, name) is not None}
    result = calc_api.grade(args.category, given, _day(args.as_of))
    return {"category": result.category, "grade": result.grade, "grade_text": result.grade_text,
            "status": result.status, "edition": result.edition,
            "in_force_from": result.effective.isoformat() if result.effective else None,
            "confidence": result.confidence, "rows": result.rows, "note": result.note, "clauses": result.clauses}


def _add_grade_parser(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """``checker calc grade CATEGORY --FIELD VALUE ...``: one flag per field the grade tables read."""
    catalog = load_catalog()
    p = verbs.add_parser("grade", help="energy grade worked out from measurements (catalogs/grades)")
    p.add_argument("category", choices=sorted({e.category for e in load_grade_editions()}))
    p.add_argument("--as-of", help="the day whose edition applies (YYYY-MM-DD; default today)")
    for name in _grade_fields():
        spec = catalog.fields[name]
        what = f" ({spec.unit})" if spec.unit else f": {', '.join(spec.choices)}" if spec.choices else ""
        flags = [f"--{name.replace('_', '-')}", *GRADE_SHORT_FLAGS.get(name, ())]
        p.add_argument(*flags, dest=name, help=f"{spec.label_en}{what}".replace("%", "%%"))


VERBS = {"teer": _teer, "firewall": _firewall, "generator": _generator, "pah": _pah,
         "recycled-plastic": _recycled_plastic, "recyclability": _recyclability, "pdu": _pdu, "energy": _energy,
         "renewable": _renewable, "pue": _pue, "grade": _grade}


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
    _add_grade_parser(verbs)
    parser.set_defaults(func=run_calc)


def run_calc(args: argparse.Namespace) -> int:
    """Print the calculator's result as JSON; exit 1 when a judged clause fails."""
    result = VERBS[args.verb](args)
    clauses = result.get("clauses", [])
    result["clauses"] = [c.model_dump(exclude={"evidence"}) for c in clauses]
    sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    return 1 if any(c.status == "fail" for c in clauses) else 0
