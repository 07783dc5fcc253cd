"""Builders of ICT products: servers and storage, PCs and monitors, switches, firewalls.

A builder turns a plan entry's ``spec`` into a ``Product``: the values, their labels and how each
is printed, decoys (values a reader must not take for a field) and the derived checks.
"""

from __future__ import annotations

import random
from typing import Any

from .judge import PC_NOISE, TEER_MIN, firewall_tier, pass_fail
from .product import Item, Product, fixed_fmt, grade, pct, q, txt
from .style import Value

PAH_SMALL: list[Value] = [
    "ND",
    0.52,
    "ND",
    0.31,
    0.44,
    "<0.2",
    0.27,
    "ND",
    "ND",
    "ND",
    "ND",
    "ND",
    "ND",
    "ND",
    "ND",
]
IT_NAMES = {
    "server": ("2U rack server", "机架式服务器"),
    "storage": ("Unified storage array", "统一存储设备"),
}
PC_NAMES = {
    "desktop": ("Desktop computer", "台式微型计算机"),
    "laptop": ("Notebook computer", "便携式微型计算机"),
    "monitor": ("LCD monitor", "液晶显示器"),
}
SWITCH_CLASSES = {
    "access": ("Access", "接入交换机"),
    "distribution": ("Distribution / aggregation", "汇聚交换机"),
    "data_center": ("Data center", "数据中心交换机"),
    "core": ("Core", "核心交换机"),
}


def psu_points(
    rng: random.Random, eff: tuple[float, float, float], pf: tuple[float, float, float]
) -> dict[int, tuple[float, float]]:
    """PSU load points: the given 20/50/100 % values plus a lower 10 % point."""
    e20, e50, e100 = eff
    e10 = round(e20 - rng.uniform(2.5, 5.0), 1)
    return {10: (e10, round(pf[0] - 0.06, 3)), 20: (e20, pf[0]), 50: (e50, pf[1]), 100: (e100, pf[2])}


# ---- server, storage -----------------------------------------------------------------------


def build_it(cat: str, rng: random.Random, v: dict[str, Any]) -> Product:
    """Server or storage."""
    p = Product(cat, v["model"], v["mfr"], *IT_NAMES[cat])
    p.items.append(pct("recyclability", v["recyc"], "Recyclability rate (GB/T 32355.2)", "产品可再生利用率", "≥80%"))
    p.psu = psu_points(rng, v["eff"], v["pf"])
    p.items.append(q(None, v["psu_w"], "W", "Power supply rating", "电源额定功率", 0, "W"))
    if v.get("rohs"):
        p.rohs = v["rohs"]
    p.prose_en = (
        f"The {p.model} delivers dense compute and storage with redundant {v['psu_w']} W Titanium-class "
        "hot-swap power supplies, front-to-back airflow and tool-less serviceability."
    )
    p.prose_zh = f"{p.model}采用冗余热插拔{v['psu_w']} W电源模块，前进后出风道设计，支持免工具维护。"
    return p


# ---- desktop, laptop, monitor --------------------------------------------------------------


def build_pc(cat: str, rng: random.Random, v: dict[str, Any]) -> Product:
    """Desktop, laptop or monitor."""
    p = Product(cat, v["model"], v["mfr"], *PC_NAMES[cat])
    p.items.append(pct("recyclability", v["recyc"], "Recyclability rate", "产品可再生利用率", "≥80%"))
    p.items.append(
        pct("recycled_plastic_share", v["pcr"], "Post-consumer recycled plastic share", "消费后再生塑料使用比例", "≥2%")
    )
    std = "GB 21520" if cat == "monitor" else "GB 28380"
    g = grade(v["grade"], std, v.get("grade_style", "digit"))
    g.requirement = "2级及以上"
    p.items.append(g)
    p.items += _pc_noise(cat, v)
    if cat in ("laptop", "monitor"):
        p.items.append(_backlight_hg(v.get("hg_backlight", "ND")))
    p.pah = v.get("pah", PAH_SMALL)
    p.ctx["pah_naming"] = v.get("pah_naming", "zh")
    if v.get("rohs"):
        p.rohs = v["rohs"]
    if cat == "laptop":
        p.items.append(
            txt("has_battery", True, "Battery", "含电池", "Built-in 3-cell Li-ion, 56 Wh", "内置锂离子电池（56 Wh）")
        )
        if v.get("battery"):
            p.battery = v["battery"]
    p.prose_en = f"The {p.model} combines business-class reliability with recycled materials and low noise."
    p.prose_zh = f"{p.model}采用再生塑料外壳与低噪声散热设计，适用于办公环境。"
    return p


def _pc_noise(cat: str, v: dict[str, Any]) -> list[Item]:
    """The declared idle and operating noise of a desktop or laptop."""
    if cat not in PC_NOISE:
        return []
    lim = PC_NOISE[cat]
    idle, work = v["noise"][0], v["noise"][1]
    return [
        q(
            "noise_idle",
            idle,
            "dBA",
            "Noise, idle (declared)",
            "空闲状态噪声",
            1,
            "dB(A)",
            req=f"≤{lim['noise_idle']:g} dB(A)",
        ),
        q(
            "noise_work",
            work,
            "dBA",
            "Noise, operating",
            "工作状态噪声",
            1,
            "dB(A)",
            req=f"≤{lim['noise_work']:g} dB(A)",
        ),
    ]


def _backlight_hg(hg: Any) -> Item:
    """Mercury in the backlight: a non-detect (LED) or a number in mg."""
    if hg == "ND":
        return txt(
            "backlight_hg",
            "ND",
            "Mercury in backlight",
            "背光灯汞含量",
            "ND (LED backlight)",
            "未检出（LED背光）",
            unit="mg",
            req="<3 mg",
        )
    return q("backlight_hg", hg, "mg", "Mercury in backlight", "背光灯汞含量", 1, "mg", req="<3 mg")


# ---- switch --------------------------------------------------------------------------------


def build_switch(cat: str, rng: random.Random, v: dict[str, Any]) -> Product:
    """Ethernet switch, with decoys: switching capacity and sound pressure."""
    p = Product(cat, v["model"], v["mfr"], "Fixed-port Ethernet switch", "以太网交换机")
    cls = v["cls"]
    cls_txt = SWITCH_CLASSES[cls]
    p.items.append(txt("device_class", cls, "Device class (ATIS-0600015.03)", "设备类别", *cls_txt))
    p.ctx["u2"] = 30 if cls in ("data_center", "core") else 10
    td = v["td_mbps"]
    cap = td * rng.choice([2, 4]) / 1000 * 1.7
    p.items.append(q(None, round(cap), "Gbps", "Switching capacity", "交换容量", 0, "Gbps", unit_zh="Gbps"))
    p.items.append(_max_throughput(td, v.get("td_unit", "Gbps")))
    p.sw_power = _switch_power(p.ctx["u2"], v)
    p.ctx["psu_type"] = v["psu_type"]
    single = v["psu_type"] == "single"
    shown = (
        ("Single-output PSU (1+1 hot-swap)", "单路输出电源（1+1热插拔）")
        if single
        else ("Multi-output PSU", "多路输出电源")
    )
    p.items.append(txt("psu_type", v["psu_type"], "Power supply type", "电源类型", *shown))
    p.psu = psu_points(rng, v["eff"], v["pf"])
    p.items += _switch_noise(p, rng, v)
    if v.get("rohs"):
        p.rohs = v["rohs"]
    teer = td / (0.1 * v["pw"][0] + 0.8 * v["pw"][1] + 0.1 * v["pw"][2])
    p.ctx["derived"] = {
        "teer": {
            "value": round(teer, 1),
            "unit": "Mbps/W",
            "clause": "6.2.3/teer",
            "expect": pass_fail(teer >= TEER_MIN),
        }
    }
    p.prose_en = (
        f"The {p.model} is a {cls_txt[0].lower()}-class switch with {v['ports']}, "
        f"non-blocking forwarding and front-to-back airflow."
    )
    p.prose_zh = f"{p.model}为{cls_txt[1]}，提供{v['ports']}，支持线速转发。"
    return p


def _max_throughput(td: float, unit: str) -> Item:
    """The measured maximum throughput (Mbps), printed in Gbps or Mbps."""
    en, zh = "Maximum throughput (RFC 2544, measured)", "最大吞吐量（实测）"
    if unit != "Gbps":
        return q("max_throughput", td, "Mbps", en, zh, 0, "Mbps")
    item = q("max_throughput", td, "Mbps", en, zh, 0, "Gbps")
    item.fmt = fixed_fmt(td / 1000, 1, "Gbps")
    return item


def _switch_power(u2: int, v: dict[str, Any]) -> dict[int, float]:
    """Power (W) by traffic load: 0 %, u2 and 100 %, and with ``all_loads`` the other of 10 / 30 %."""
    loads = {0: v["pw"][0], u2: v["pw"][1], 100: v["pw"][2]}
    if v.get("all_loads"):
        other = 30 if u2 == 10 else 10
        loads[other] = round((v["pw"][0] + v["pw"][1]) / 2 + (5 if other == 30 else -3), 1)
    return dict(sorted(loads.items()))


def _switch_noise(p: Product, rng: random.Random, v: dict[str, Any]) -> list[Item]:
    """Deployment (when given), the declared LWAd and a sound-pressure decoy."""
    items: list[Item] = []
    if v.get("deployment"):
        p.ctx["deployment"] = v["deployment"]
        attended = v["deployment"] == "attended"
        shown = ("Attended (office)", "有人值守") if attended else ("Unattended (equipment room)", "无人值守")
        items.append(txt("deployment", v["deployment"], "Deployment", "使用环境", *shown))
    lim = 8.1 if v.get("deployment") == "unattended" else 7.6
    items.append(
        q(
            "noise_lwad",
            v["lwad"],
            "B_LW",
            "Declared sound power level LWAd (ISO 9296)",
            "声功率级 LWAd（YD/T 1816）",
            1,
            "B",
            req=f"≤{lim} B",
        )
    )
    pressure = round(v["lwad"] * 10 - rng.uniform(12, 18), 1)
    items.append(q(None, pressure, "dBA", "Sound pressure at 1 m (bystander position)", "1 m处声压级", 1, "dB(A)"))
    return items


# ---- firewall ------------------------------------------------------------------------------


def build_firewall(cat: str, rng: random.Random, v: dict[str, Any]) -> Product:
    """Firewall, with a 1518-byte throughput decoy and rack-ear width decoy."""
    p = Product(cat, v["model"], v["mfr"], "Next-generation firewall", "网络防火墙")
    t = v["t64"]
    p.items += [
        q(
            None,
            v["t1518"],
            "Gbps",
            "Firewall throughput (1518-byte, large packets)",
            "防火墙吞吐量（1518字节大包）",
            1,
            "Gbps",
        ),
        q("fw_throughput", t, "Gbps", "IPv4 throughput, 64-byte frames (RFC 2544)", "IPv4吞吐量（64字节）", 1, "Gbps"),
        q("fw_power", v["power"], "W", "Power consumption at maximum throughput", "最大吞吐量时功耗", 0, "W"),
    ]
    p.items += _dimensions(v["dims_mm"], v.get("dim_unit", "mm"))
    p.psu = psu_points(rng, v["eff"], v["pf"])
    p.ctx["psu_type"] = "single"
    p.items.append(
        q("noise_lwad", v["lwad"], "B_LW", "Declared sound power LWAd", "声功率级 LWAd", 1, "B", req="≤7.6 B")
    )
    p.items.append(q(None, round(v["lwad"] * 10 - 14.5, 1), "dBA", "Sound pressure at 1 m", "1 m处声压级", 1, "dB(A)"))
    p.ctx["derived"] = _firewall_derived(v["dims_mm"], t, v["power"])
    p.prose_en = f"The {p.model} secures the data-centre edge with application control and IPS at line rate."
    p.prose_zh = f"{p.model}提供应用识别、入侵防御等安全功能，适用于数据中心边界防护。"
    return p


def _dimensions(dims_mm: list[float], unit: str) -> list[Item]:
    """Width, height, depth (mm) printed in ``unit``, and the rack-ear width decoy."""
    l_mm, h_mm, d_mm = dims_mm
    fac = {"mm": 1.0, "cm": 10.0, "in": 25.4}[unit]
    nd = {"mm": 0, "cm": 1, "in": 2}[unit]
    items: list[Item] = []
    for fid, val, en, zh in (
        ("length", l_mm, "Width (without rack ears)", "长（不含挂耳）"),
        ("height", h_mm, "Height", "高"),
        ("depth", d_mm, "Depth", "深"),
        (None, 482.6, "Width with rack ears", "含挂耳宽度"),
    ):
        shown = round(val / fac, nd)
        items.append(Item(fid, round(shown * fac, 1), "mm", en, zh, fixed_fmt(shown, nd, unit)))
    return items


def _firewall_derived(dims_mm: list[float], t: float, power: float) -> dict[str, Any]:
    """The Table 5 checks: volume and power per throughput, against the throughput's tier."""
    l_mm, h_mm, d_mm = dims_mm
    vol = (l_mm * h_mm * d_mm) / 1e6
    vlim, wlim = firewall_tier(t)
    ppt = power / t
    return {
        "volume": {
            "value": round(vol, 2),
            "unit": "dm**3",
            "clause": "6.2.4/volume",
            "expect": pass_fail(vol <= vlim),
            "limit": vlim,
        },
        "power_per_throughput": {
            "value": round(ppt, 2),
            "unit": "W/Gbps",
            "clause": "6.2.4/power-per-throughput",
            "expect": pass_fail(ppt <= wlim),
            "limit": wlim,
        },
    }
