"""The limits the sample corpus is judged by, written by hand from the standard's text.

These limits are an oracle independent of ``catalogs/``: the checker reads its thresholds from the
catalogs, the generator marks each printed value ``expect: pass|fail`` from the text below, and the
tests compare the two. Do not read ``catalogs/`` here.

* Table 2 (server, storage): recyclability >= 80 %; PSU efficiency >= 90 / 94 / 91 % at
  20 / 50 / 100 % load; power factor >= 0.95 at each load.
* Table 3 (desktop, laptop, monitor): recyclability >= 80 %; recycled plastic >= 2 %;
  BaP <= 20 mg/kg; sum of the 15 PAHs <= 50 mg/kg; energy grade 2 or better (<= 2);
  desktop noise idle <= 40, work <= 45 dB(A); laptop idle <= 35, work <= 40 dB(A).
* 6.1.4 backlight Hg < 3 mg; 6.1.5 cable fluorine <= 0.1 %; 6.1.10 battery Hg <= 1, Cd <= 20,
  Pb <= 40 mg/kg; 6.1.11 (GB/T 26572) Pb, Hg, Cr(VI) <= 1000 mg/kg and Cd <= 100 mg/kg.
* Table 4 (switch): TEER = Td / (0.1 Pu1 + 0.8 Pu2 + 0.1 Pu3) >= 300 Mbps/W, u2 = 10 % for
  access / high-speed access / distribution and 30 % for data-centre / core; single-output PSU
  efficiency >= 88 / 92 / 88 %, multi-output >= 85 / 89 / 85 %; PF at 50 % >= 0.90;
  declared sound power LWAd <= 7.6 B attended, <= 8.1 B unattended.
* Table 5 (firewall), by IPv4 64-byte throughput T: T > 40 Gbps: <= 36 dm3 and <= 5 W/Gbps;
  30 < T <= 40: 18 dm3, 6 W/Gbps; 20 < T <= 30: 18 dm3, 16 W/Gbps; 10 < T <= 20: 12 dm3,
  23 W/Gbps; 1 < T <= 10: 12 dm3, 25 W/Gbps; T <= 1: 10 dm3, 65 W/Gbps. Internal PSU
  >= 85 / 89 / 85 %, PF at 50 % >= 0.90; noise as for switches.
* 6.3.1.1 cooling units: energy grade 1; 6.3.1.2 ODP = 0; 6.3.2 UPS grade 1; 6.3.3 motor,
  compressor, transformer, pump grade 1, fan grade 2 or better; 6.3.4 PDU <= 0.5 W per outlet.
* Table 6 (generator) by rated power P: fuel rate <= 243 g/kWh for 120 < P <= 250, <= 234 for
  250 < P <= 600, <= 225 for 600 < P <= 1250, <= 216 for P > 1250 (no limit for P <= 120);
  maximum of the four Appendix H noise readings <= 105 dB(A) for P <= 250, <= 110 for P > 250.
  Fuel printed in L/h is judged over diesel densities 0.82-0.86 kg/L (values chosen so that
  both ends agree).
* Table 7 (cable): minimum smoke light transmittance >= 60 %.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .style import Value

PSU_LIMITS: dict[str, dict[int, float]] = {
    "server": {20: 90.0, 50: 94.0, 100: 91.0},
    "storage": {20: 90.0, 50: 94.0, 100: 91.0},
    "switch_single": {20: 88.0, 50: 92.0, 100: 88.0},
    "switch_multi": {20: 85.0, 50: 89.0, 100: 85.0},
    "firewall": {20: 85.0, 50: 89.0, 100: 85.0},
}
ROHS_MAX = {"pb": 1000.0, "hg": 1000.0, "cd": 100.0, "cr6": 1000.0}
BATTERY_MAX = {"battery_hg": 1.0, "battery_cd": 20.0, "battery_pb": 40.0}
GRADE_MAX = {
    "ups": 1,
    "motor": 1,
    "compressor": 1,
    "fan": 2,
    "transformer": 1,
    "pump": 1,
    "cooling": 1,
    "desktop": 2,
    "laptop": 2,
    "monitor": 2,
}
PC_NOISE = {
    "desktop": {"noise_idle": 40.0, "noise_work": 45.0},
    "laptop": {"noise_idle": 35.0, "noise_work": 40.0},
}
FIREWALL_TIERS: list[tuple[float, float, float]] = [  # (throughput above, volume dm3, W/Gbps)
    (40.0, 36.0, 5.0),
    (30.0, 18.0, 6.0),
    (20.0, 18.0, 16.0),
    (10.0, 12.0, 23.0),
    (1.0, 12.0, 25.0),
    (0.0, 10.0, 65.0),
]
DIESEL_DENSITY = (0.82, 0.86)  # kg/L
TEER_MIN = 300  # Mbps/W
OUTLET_POWER_MAX = 0.5  # W per outlet
PAH15_MAX = 50  # mg/kg

Judgement = tuple[str, str]  # (clause id, "pass" | "fail")


def pass_fail(cond: bool) -> str:
    """``pass`` or ``fail``."""
    return "pass" if cond else "fail"


def numeric(v: Value) -> float | None:
    """A value as a number: non-detects ("ND", "<0.2") count as 0; other strings are None."""
    if isinstance(v, bool):
        return None
    if isinstance(v, int | float):
        return float(v)
    if v == "ND" or v.startswith("<"):
        return 0.0
    return None


def fuel_limit(p_kw: float) -> float | None:
    """Table 6 fuel-rate limit (g/kWh) for rated power ``p_kw``; None at or below 120 kW."""
    if p_kw <= 120:
        return None
    if p_kw <= 250:
        return 243.0
    if p_kw <= 600:
        return 234.0
    if p_kw <= 1250:
        return 225.0
    return 216.0


def generator_noise_limit(p_kw: float) -> float:
    """Table 6 limit (dB(A)) of the maximum Appendix H noise reading for rated power ``p_kw``."""
    return 105.0 if p_kw <= 250 else 110.0


def firewall_tier(t_gbps: float) -> tuple[float, float]:
    """Table 5 (volume limit dm3, W/Gbps limit) for a 64-byte IPv4 throughput in Gbps."""
    for above, vol, wpg in FIREWALL_TIERS:
        if t_gbps > above:
            return vol, wpg
    return FIREWALL_TIERS[-1][1], FIREWALL_TIERS[-1][2]


def judge(cat: str, fid: str, v: Value, ctx: dict[str, Any]) -> Judgement | None:
    """The field's own clause and ``pass``/``fail``, or None when no clause judges it alone."""
    x = numeric(v)
    if x is None:
        return None
    if fid.startswith("psu_efficiency_"):
        return _psu_efficiency(cat, int(fid.rsplit("_", 1)[1]), x, ctx)
    if fid.startswith("psu_power_factor_"):
        return _psu_power_factor(cat, int(fid.rsplit("_", 1)[1]), x, ctx)
    rule = _RULES.get(fid)
    return None if rule is None else rule(cat, fid, x, ctx)


def _psu_efficiency(cat: str, load: int, x: float, ctx: dict[str, Any]) -> Judgement | None:
    if cat in ("server", "storage"):
        return f"6.2.1/psu-eff-{load}", pass_fail(x >= PSU_LIMITS[cat][load])
    if cat == "switch":
        kind = ctx["psu_type"]
        return f"6.2.3/{kind}-psu-eff-{load}", pass_fail(x >= PSU_LIMITS[f"switch_{kind}"][load])
    if cat == "firewall":
        return f"6.2.4/psu-eff-{load}", pass_fail(x >= PSU_LIMITS["firewall"][load])
    return None


def _psu_power_factor(cat: str, load: int, x: float, ctx: dict[str, Any]) -> Judgement | None:
    if cat in ("server", "storage"):
        return f"6.2.1/psu-pf-{load}", pass_fail(x >= 0.95)
    if cat == "switch":
        return f"6.2.3/{ctx['psu_type']}-psu-pf-50", pass_fail(x >= 0.90)
    if cat == "firewall":
        return "6.2.4/psu-pf-50", pass_fail(x >= 0.90)
    return None


def _recyclability(cat: str, fid: str, x: float, ctx: dict[str, Any]) -> Judgement:
    sec = "6.2.1" if cat in ("server", "storage") else "6.2.2"
    return f"{sec}/recyclability", pass_fail(x >= 80.0)


def _energy_grade(cat: str, fid: str, x: float, ctx: dict[str, Any]) -> Judgement:
    ids = {
        "desktop": "6.2.2/pc-energy-grade",
        "laptop": "6.2.2/pc-energy-grade",
        "monitor": "6.2.2/monitor-energy-grade",
        "ups": "6.3.2/ups-grade",
        "cooling": f"6.3.1.1/{ctx.get('cooling_type', 'chiller').replace('_', '-')}-grade",
    }
    clause = ids.get(cat, f"6.3.3/{cat}-grade")
    return clause, pass_fail(x <= GRADE_MAX[cat])


def _pc_noise(cat: str, fid: str, x: float, ctx: dict[str, Any]) -> Judgement | None:
    if cat not in PC_NOISE:
        return None
    return f"6.2.2/{cat}-{fid.replace('_', '-')}", pass_fail(x <= PC_NOISE[cat][fid])


def _battery(cat: str, fid: str, x: float, ctx: dict[str, Any]) -> Judgement:
    return f"6.1.10/{fid.replace('_', '-')}", pass_fail(x <= BATTERY_MAX[fid])


def _rohs(cat: str, fid: str, x: float, ctx: dict[str, Any]) -> Judgement:
    return f"6.1.11/{fid}", pass_fail(x <= ROHS_MAX[fid])


def _noise_lwad(cat: str, fid: str, x: float, ctx: dict[str, Any]) -> Judgement:
    sec = "6.2.3" if cat == "switch" else "6.2.4"
    if ctx.get("deployment") == "unattended" or x > 8.1:
        return f"{sec}/noise-unattended", pass_fail(x <= 8.1)
    return f"{sec}/noise-attended", pass_fail(x <= 7.6)


def _fuel_rate(cat: str, fid: str, x: float, ctx: dict[str, Any]) -> Judgement | None:
    lim = fuel_limit(ctx["rated_power"])
    return None if lim is None else ("6.3.5/fuel-consumption", pass_fail(x <= lim))


def _noise_max(cat: str, fid: str, x: float, ctx: dict[str, Any]) -> Judgement:
    return "6.3.5/noise", pass_fail(x <= generator_noise_limit(ctx["rated_power"]))


def _limit(clause: str, holds: Callable[[float], bool]) -> Callable[[str, str, float, dict[str, Any]], Judgement]:
    """A rule with one clause and one limit for every category."""
    return lambda cat, fid, x, ctx: (clause, pass_fail(holds(x)))


_RULES: dict[str, Callable[[str, str, float, dict[str, Any]], Judgement | None]] = {
    "recyclability": _recyclability,
    "recycled_plastic_share": _limit("6.2.2/recycled-plastic", lambda x: x >= 2.0),
    "bap": _limit("6.2.2/bap", lambda x: x <= 20.0),
    "pah15_sum": _limit("6.2.2/pah15", lambda x: x <= PAH15_MAX),
    "energy_grade": _energy_grade,
    "noise_idle": _pc_noise,
    "noise_work": _pc_noise,
    "backlight_hg": _limit("6.1.4/backlight-hg", lambda x: x < 3.0),
    "cable_fluorine": _limit("6.1.5/cable-fluorine", lambda x: x <= 0.1),
    "smoke_transmittance": _limit("6.3.6/smoke-transmittance", lambda x: x >= 60.0),
    **dict.fromkeys(BATTERY_MAX, _battery),
    **dict.fromkeys(ROHS_MAX, _rohs),
    "odp": _limit("6.3.1.2/odp", lambda x: x == 0.0),
    "outlet_power": _limit("6.3.4/outlet-power", lambda x: x <= OUTLET_POWER_MAX),
    "noise_lwad": _noise_lwad,
    "fuel_rate": _fuel_rate,
    "noise_max": _noise_max,
}
