"""Builders of data-centre plant: cooling, UPS and motors (energy grades), PDUs, generators, cables."""

from __future__ import annotations

import random
from typing import Any

from .judge import DIESEL_DENSITY, OUTLET_POWER_MAX, fuel_limit, generator_noise_limit, pass_fail
from .product import Product, grade, q, txt

COOLING = {
    "chiller": ("Water-cooled centrifugal chiller", "水冷离心式冷水机组", "GB 19577"),
    "unitary_ac": ("Precision unitary air conditioner", "单元式空气调节机（机房精密空调）", "GB 19576"),
    "libr_chiller": ("Lithium-bromide absorption chiller", "溴化锂吸收式冷水机组", "GB 29540"),
}
SIMPLE = {
    "ups": ("Modular online UPS", "模块化在线式不间断电源", "GB/T 14715"),
    "motor": ("Three-phase induction motor", "三相异步电动机", "GB 18613"),
    "compressor": ("Oil-free screw air compressor", "无油螺杆空气压缩机", "GB 19153"),
    "fan": ("Centrifugal fan", "离心通风机", "GB 19761"),
    "transformer": ("Dry-type power transformer", "干式电力变压器", "GB 20052"),
    "pump": ("Submersible electric pump", "小型潜水电泵", "GB 32029"),
}
SIMPLE_CONTEXT = {
    "ups": (
        "Rated capacity",
        "额定容量",
        "kVA",
        200,
        "System efficiency (double conversion)",
        "整机效率（双变换）",
        96.3,
    ),
    "motor": ("Rated output", "额定功率", "kW", 75, "Rated efficiency", "额定效率", 95.4),
    "compressor": ("Rated shaft power", "额定轴功率", "kW", 55, "Isentropic efficiency", "等熵效率", 78.2),
    "fan": ("Rated shaft power", "额定轴功率", "kW", 15, "Fan efficiency", "风机效率", 82.6),
    "transformer": ("Rated capacity", "额定容量", "kVA", 1600, "Efficiency at 50% load", "50%负载效率", 99.2),
    "pump": ("Rated power", "额定功率", "kW", 7.5, "Pump efficiency", "泵效率", 71.8),
}
GRADE_REQ = {"fan": "2级及以上"}
RATINGS = {
    "prime": ("Prime power (PRP)", "常用功率（PRP）"),
    "standby": ("Standby power (ESP)", "备用功率（ESP）"),
}


def build_cooling(cat: str, rng: random.Random, v: dict[str, Any]) -> Product:
    """Cooling unit."""
    ct = v["type"]
    en, zh, std = COOLING[ct]
    p = Product(cat, v["model"], v["mfr"], en, zh)
    p.ctx["cooling_type"] = ct
    p.items.append(txt("cooling_type", ct, "Unit type", "机组类型", en, zh))
    p.items.append(q(None, v["cap"], "kW", "Rated cooling capacity", "名义制冷量", 0, "kW"))
    p.items.append(q(None, v["cop"], "", "COP (rated)", "名义性能系数COP", 2))
    g = grade(v["grade"], std, v.get("grade_style", "digit"))
    g.requirement = "1级"
    p.items.append(g)
    p.items.append(txt("refrigerant", v["ref"], "Refrigerant", "制冷剂", v["ref"], v["ref"]))
    p.items.append(q("odp", v["odp"], "", "Refrigerant ODP", "制冷剂ODP", 3 if v["odp"] else 0, req="0"))
    p.prose_en = f"The {p.model} provides {v['cap']} kW of cooling with high part-load efficiency."
    p.prose_zh = f"{p.model}名义制冷量{v['cap']} kW，部分负荷效率高。"
    return p


def build_simple(cat: str, rng: random.Random, v: dict[str, Any]) -> Product:
    """UPS, motor, compressor, fan, transformer, pump: the energy grade plus context values."""
    en, zh, std = SIMPLE[cat]
    p = Product(cat, v["model"], v["mfr"], en, zh)
    c_en, c_zh, c_u, c_v, e_en, e_zh, e_v = SIMPLE_CONTEXT[cat]
    p.items.append(q(None, c_v, c_u, c_en, c_zh, 0 if c_v == int(c_v) else 1, c_u))
    p.items.append(q(None, round(e_v + rng.uniform(-0.5, 0.5), 1), "%", e_en, e_zh, 1, "%"))
    g = grade(v["grade"], std, v.get("grade_style", "digit"))
    g.requirement = GRADE_REQ.get(cat, "1级")
    p.items.append(g)
    if cat == "ups":
        p.items.append(
            txt("has_battery", True, "Battery", "含电池", "Lithium iron phosphate battery cabinet", "磷酸铁锂电池柜")
        )
    p.prose_en = f"The {p.model} is a {en.lower()} built for continuous duty in data-centre plant rooms."
    p.prose_zh = f"{p.model}为{zh}，适用于数据中心机房连续运行。"
    return p


def build_pdu(cat: str, rng: random.Random, v: dict[str, Any]) -> Product:
    """Rack PDU."""
    p = Product(cat, v["model"], v["mfr"], "Metered rack PDU", "机架式电源分配单元（PDU）")
    n, w = v["outlets"], v["self_w"]
    p.items.append(q(None, v["amps"], "A", "Rated current", "额定电流", 0, "A"))
    p.items.append(q("outlet_count", n, "", "Number of outlets (C13/C19)", "输出插座数", 0, unit_zh="位"))
    p.items.append(q("pdu_power", w, "W", "PDU self-consumption (all outlets on, no load)", "PDU自身消耗功率", 1, "W"))
    per = round(w / n, 3)
    if v.get("print_per"):
        p.items.append(
            q("outlet_power", per, "W", "Power consumption per outlet", "每个插座消耗功率", 2, "W", req="≤0.5 W")
        )
    p.ctx["derived"] = {
        "outlet_power": {
            "value": per,
            "unit": "W",
            "clause": "6.3.4/outlet-power",
            "expect": pass_fail(per <= OUTLET_POWER_MAX),
        }
    }
    p.prose_en = f"The {p.model} distributes power to {n} outlets with per-phase metering."
    p.prose_zh = f"{p.model}提供{n}位输出插座，支持分相计量。"
    return p


def build_generator(cat: str, rng: random.Random, v: dict[str, Any]) -> Product:
    """Diesel generator set."""
    p = Product(cat, v["model"], v["mfr"], "Diesel generator set", "柴油发电机组")
    pk = v["kw"]
    rt = v["rating"]
    p.ctx["rated_power"] = pk
    rt_txt = RATINGS[rt]
    p.items.append(q("rated_power", pk, "kW", f"Rated power, {rt_txt[0]}", f"机组额定功率，{rt_txt[1]}", 0, "kW"))
    p.items.append(txt("rating_type", rt, "Rating", "功率类型", rt_txt[0], rt_txt[1]))
    p.items.append(q(None, v["engine_kw"], "kW", "Engine gross power", "柴油机总功率", 0, "kW"))
    unit, full = v["fuel"]
    ratios = {25: 1.18, 50: 1.06, 75: 1.01, 100: 1.0} if unit != "L/h" else {25: 0.29, 50: 0.53, 75: 0.77, 100: 1.0}
    nd = 3 if unit == "kg/kWh" else 1
    p.fuel = (unit, {ld: round(full * r, nd) for ld, r in ratios.items()})
    p.gen_noise = dict(zip(("front", "back", "left", "right"), v["noise"], strict=True))
    p.ctx["print_max"] = v.get("print_max", False)
    if v.get("lwa"):
        p.items.append(
            q("sound_power_lwa", v["lwa"], "dBA", "Sound power level LwA (ISO 3744)", "声功率级LwA", 1, "dB(A)")
        )
    p.ctx["derived"] = _generator_derived(pk, max(v["noise"]), unit, full)
    p.prose_en = (
        f"The {p.model} generator set is rated {pk:,} kW ({rt}) at 400 V, 50 Hz, and meets "
        "China Stage III non-road emission limits."
    )
    p.prose_zh = f"{p.model}柴油发电机组额定功率{pk} kW（{rt_txt[1]}），400 V/50 Hz，排放满足国三要求。"
    return p


def _generator_derived(pk: float, noise_max: float, unit: str, full: float) -> dict[str, Any]:
    """The Table 6 checks: the loudest reading, and the fuel rate of a consumption printed in L/h."""
    derived: dict[str, Any] = {
        "noise_max": {
            "value": noise_max,
            "unit": "dBA",
            "clause": "6.3.5/noise",
            "expect": pass_fail(noise_max <= generator_noise_limit(pk)),
        }
    }
    lim = fuel_limit(pk)
    if unit == "L/h" and lim is not None:
        lo, hi = (full * d * 1000 / pk for d in DIESEL_DENSITY)
        assert (lo <= lim) == (hi <= lim), "L/h value straddles the limit over the density range"
        derived["fuel_rate"] = {
            "value": round((lo + hi) / 2, 1),
            "low": round(lo, 1),
            "high": round(hi, 1),
            "unit": "g/kWh",
            "clause": "6.3.5/fuel-consumption",
            "expect": pass_fail(hi <= lim),
        }
    return derived


def build_cable(cat: str, rng: random.Random, v: dict[str, Any]) -> Product:
    """Low-smoke power cable."""
    p = Product(cat, v["model"], v["mfr"], "Low-smoke halogen-free power cable", "低烟无卤阻燃电力电缆")
    p.items.append(
        txt(
            None,
            "",
            "Construction",
            "结构",
            "Cu/XLPE/LSZH 0.6/1 kV 4x95 mm2",
            "铜芯/交联聚乙烯/无卤低烟 0.6/1 kV 4×95",
        )
    )
    p.items.append(q("cable_fluorine", v["f"], "%", "Fluorine content (IEC 60684-2)", "氟含量", 2, "%", req="≤0.1%"))
    p.items.append(
        q(
            "smoke_transmittance",
            v["smoke"],
            "%",
            "Minimum light transmittance of smoke (GB/T 17651.2)",
            "烟气最小透光率",
            1,
            "%",
            req="≥60%",
        )
    )
    p.prose_en = f"{p.model} cables are designed for concealed ventilated spaces in data centres."
    p.prose_zh = f"{p.model}电缆适用于数据中心隐蔽通风空间敷设。"
    return p
