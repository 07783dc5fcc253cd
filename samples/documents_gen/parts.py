"""Pieces several layouts print: PSU load points, switch power, fuel, generator noise, PAHs, substances."""

from __future__ import annotations

from typing import Any

from .judge import BATTERY_MAX, ROHS_MAX, judge, numeric
from .product import Item, Product, Record, allowed, q
from .style import NumStyle, Value

FUEL_LOADS = (25, 50, 75, 100)

# Appendix A, as printed in the standard (slugs as in catalogs/substances.yaml).
PAH_ROWS: list[dict[str, str]] = [
    {"slug": slug, "zh": zh, "en": en, "cas": cas}
    for slug, zh, en, cas in (
        ("naphthalene", "萘", "Naphthalene", "91-20-3"),
        ("phenanthrene", "菲", "Phenanthrene", "85-01-8"),
        ("anthracene", "蒽", "Anthracene", "120-12-7"),
        ("fluoranthene", "荧蒽", "Fluoranthene", "206-44-0"),
        ("pyrene", "芘", "Pyrene", "129-00-0"),
        ("benzo_a_anthracene", "苯并(a)蒽", "Benzo[a]anthracene", "56-55-3"),
        ("chrysene", "屈", "Chrysene", "218-01-9"),
        ("benzo_b_fluoranthene", "苯并(b)荧蒽", "Benzo[b]fluoranthene", "205-99-2"),
        ("benzo_k_fluoranthene", "苯并(k)荧蒽", "Benzo[k]fluoranthene", "207-08-9"),
        ("benzo_j_fluoranthene", "苯并(j)荧蒽", "Benzo[j]fluoranthene", "205-82-3"),
        ("benzo_e_pyrene", "苯并(e)芘", "Benzo[e]pyrene", "192-97-2"),
        ("benzo_a_pyrene", "苯并(a)芘", "Benzo[a]pyrene", "50-32-8"),
        ("dibenzo_a_h_anthracene", "二苯并(a,h)蒽", "Dibenzo[a,h]anthracene", "53-70-3"),
        ("indeno_1_2_3_cd_pyrene", "茚并(1,2,3-cd)芘", "Indeno[1,2,3-cd]pyrene", "193-39-5"),
        ("benzo_ghi_perylene", "苯并(g,h,i)芘", "Benzo[g,h,i]perylene", "191-24-2"),
    )
]
BAP_INDEX = 11  # benzo[a]pyrene in PAH_ROWS

NOISE_DIRS = [
    ("front", "正前方（风扇侧）", "Front (fan side)"),
    ("back", "正后方", "Rear"),
    ("left", "左侧", "Left"),
    ("right", "右侧", "Right"),
]

SUBSTANCE_NAMES = {
    "pb": ("Lead (Pb)", "铅（Pb）"),
    "hg": ("Mercury (Hg)", "汞（Hg）"),
    "cd": ("Cadmium (Cd)", "镉（Cd）"),
    "cr6": ("Hexavalent chromium (Cr(VI))", "六价铬（Cr(VI)）"),
    "battery_hg": ("Battery mercury (Hg)", "电池 汞（Hg）"),
    "battery_cd": ("Battery cadmium (Cd)", "电池 镉（Cd）"),
    "battery_pb": ("Battery lead (Pb)", "电池 铅（Pb）"),
}


def pah_text(v: Value, lang: str, st: NumStyle, nd_word: str) -> str:
    """A PAH cell: a number, a non-detect word or "<LOQ"."""
    if v == "ND":
        return nd_word
    if isinstance(v, str):
        return v
    return st.num(float(v), 2)


def pah_sum(vals: list[Value]) -> float:
    """Sum of the PAH values, non-detects as 0."""
    return round(sum(numeric(v) or 0.0 for v in vals), 2)


def psu_items(p: Product, load: int, st: NumStyle) -> tuple[list[Record], str, str]:
    """Records and printed efficiency / PF texts for one PSU load point."""
    assert p.psu is not None
    eff, pf = p.psu[load]
    recs: list[Record] = []
    e_txt = st.pct(eff, 1, efficiency=True)
    pf_txt = st.num(pf, 3 if pf * 1000 % 10 else 2)
    if load in (20, 50, 100):
        e_item = q(f"psu_efficiency_{load}", eff, "%", "", "", 1)
        recs.append((e_item, e_txt))
        fpf = f"psu_power_factor_{load}"
        if allowed(p.category, fpf):
            recs.append((q(fpf, pf, "", "", "", 3), pf_txt))
    return recs, e_txt, pf_txt


def switch_loads(p: Product) -> list[tuple[int, str]]:
    """The three TEER load points (0 %, u2, 100 %) with their field ids."""
    return [(0, "power_u1"), (p.ctx["u2"], "power_u2"), (100, "power_u3")]


def switch_power_record(p: Product, load: int, fid: str, raw: str) -> Record:
    """The record of the switch's power at one load point, printed as ``raw``."""
    assert p.sw_power is not None
    return q(fid, p.sw_power[load], "W", "", "", 1), raw


def fuel_text(unit: str, v: float, st: NumStyle, lang: str) -> str:
    """A fuel value with its unit."""
    if unit == "kg/kWh":
        return st.num(v, 3) + " kg/kWh"
    if unit == "L/h":
        return st.num(v, 1) + " L/h"
    return st.num(v, 0 if v == int(v) else 1) + " g/kWh"


def fuel_records(p: Product, st: NumStyle, lang: str) -> list[Record]:
    """The fuel field recorded from the 100 % load point."""
    assert p.fuel is not None
    unit, vals = p.fuel
    v = vals[100]
    raw = fuel_text(unit, v, st, lang)
    if unit == "L/h":
        return [(q("fuel_flow_100", v, "L/h", "", "", 1), raw)]
    g = round(v * 1000, 1) if unit == "kg/kWh" else v
    return [(q("fuel_rate", g, "g/kWh", "", "", 1), raw)]


def noise_records(p: Product, st: NumStyle) -> tuple[list[str], list[Record]]:
    """Printed texts and records of the four Appendix H readings (+ max when printed)."""
    assert p.gen_noise is not None
    texts: list[str] = []
    recs: list[Record] = []
    for key, _zh, _en in NOISE_DIRS:
        t = st.num(p.gen_noise[key], 1)
        texts.append(t)
        recs.append((q(f"noise_{key}", p.gen_noise[key], "dBA", "", "", 1), t))
    if p.ctx.get("print_max"):
        m = max(p.gen_noise[k] for k, _, _ in NOISE_DIRS)
        t = st.num(m, 1)
        texts.append(t)
        recs.append((q("noise_max", m, "dBA", "", "", 1), t))
    return texts, recs


def substance_rows(p: Product, lang: str, st: NumStyle) -> list[tuple[str, str, str, Item]]:
    """(label, printed value, limit text, item) for RoHS and battery values."""
    out: list[tuple[str, str, str, Item]] = []
    limits = {**ROHS_MAX, **BATTERY_MAX}
    nd_word = "未检出" if lang == "zh" else "ND"
    for group in (p.rohs or {}, p.battery or {}):
        for fid, v in group.items():
            names = SUBSTANCE_NAMES[fid]
            shown = nd_word if v == "ND" else (v if isinstance(v, str) else st.num(float(v), 1))
            label = names[1] if lang == "zh" else names[0]
            item = Item(fid, v, "mg/kg", names[0], names[1], lambda lang, st: "")
            out.append((label, shown + ("" if v == "ND" else " mg/kg"), f"≤{limits[fid]:g} mg/kg", item))
    return out


def product_fails(p: Product) -> bool:
    """Whether any value the product's documents may print violates its clause."""
    vals: list[tuple[str, Value]] = [(it.fid, it.value) for it in p.items if it.fid]
    for load, (eff, pf) in (p.psu or {}).items():
        vals += [(f"psu_efficiency_{load}", eff), (f"psu_power_factor_{load}", pf)] if load != 10 else []
    vals += list((p.rohs or {}).items()) + list((p.battery or {}).items())
    if p.pah is not None:
        vals += [("bap", p.pah[BAP_INDEX]), ("pah15_sum", pah_sum(p.pah))]
    bad = [judge(p.category, f, v, p.ctx) for f, v in vals if allowed(p.category, f)]
    return any(j and j[1] == "fail" for j in bad) or any(
        d["expect"] == "fail" for d in p.ctx.get("derived", {}).values()
    )


def verdict_word(item: Item, cat: str, ctx: dict[str, Any]) -> str:
    """单项判定 for a report row."""
    if item.fid is None:
        return "——"
    j = judge(cat, item.fid, item.value, ctx)
    if j is None:
        return "——"
    return "合格" if j[1] == "pass" else "不合格"
