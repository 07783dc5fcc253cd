"""Products drawn at random: the fields printed, their true values and how each is phrased."""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Item:
    """One printed field: the truth (``value`` in ``unit``) and the words around it."""

    field: str
    value: float | str | bool
    unit: str
    zh: str
    en: str
    nd: bool = False  # printed as a non-detect (ND / 未检出)
    requirement: str = ""  # what a lab report prints in its requirement column (never the value)


@dataclass
class Product:
    """A drawn product: its category, names and printed items."""

    category: str
    model: str
    manufacturer: str
    kind_zh: str
    kind_en: str
    items: list[Item] = field(default_factory=list)
    loads: list[tuple[int, float, float]] = field(default_factory=list)  # PSU: (load %, efficiency %, PF)
    switch_loads: list[tuple[str, float]] = field(default_factory=list)  # switch: (load label, watts)


_MAKERS = [
    "Hengtai Electric",
    "Nordwave Systems",
    "Qiansheng Tech",
    "Alturo Networks",
    "Kunlun Power",
    "Bluepeak Devices",
    "Sanyuan Cable",
    "Tianrun Machinery",
    "Veltrix Inc.",
    "Huaxin Digital",
]


def _model(rng: random.Random, prefix: str) -> str:
    sep = rng.choice(["-", "", "-"])
    return f"{prefix}{sep}{rng.randint(10, 9999)}{rng.choice(['', 'A', 'X', 'E', 'Pro', 'G2'])}"


def _rohs(rng: random.Random) -> list[Item]:
    names = {
        "pb": ("铅（Pb）", "Lead (Pb)"),
        "hg": ("汞（Hg）", "Mercury (Hg)"),
        "cd": ("镉（Cd）", "Cadmium (Cd)"),
        "cr6": ("六价铬（Cr(VI)）", "Hexavalent chromium (Cr(VI))"),
    }
    limits = {"pb": "≤1000", "hg": "≤1000", "cd": "≤100", "cr6": "≤1000"}
    ceiling = {"pb": 1400, "hg": 300, "cd": 160, "cr6": 300}
    out = []
    for key, (zh, en) in names.items():
        if rng.random() < 0.45:
            out.append(Item(key, 0.0, "mg/kg", zh, en, nd=True, requirement=limits[key]))
        else:
            value = round(rng.uniform(5, ceiling[key]), rng.choice([0, 1]))
            out.append(Item(key, value, "mg/kg", zh, en, requirement=limits[key]))
    return out


def server(rng: random.Random) -> Product:
    """A server with a PSU load table and, sometimes, a substance table."""
    p = Product("server", _model(rng, rng.choice(["SR", "RX", "NF", "HS"])), rng.choice(_MAKERS), "服务器", "Server")
    base = rng.uniform(86.0, 95.5)
    for load, shift in ((20, -1.6), (50, 0.9), (100, -0.8)):
        eff = round(min(99.0, base + shift + rng.uniform(-0.6, 0.6)), 1)
        pf = round(min(0.999, rng.uniform(0.88, 0.99) + (0.01 if load > 20 else 0)), 3)
        p.loads.append((load, eff, pf))
    for load, eff, pf in p.loads:
        p.items.append(Item(f"psu_efficiency_{load}", eff, "%", f"{load}%负载效率", f"Efficiency at {load}% load"))
        p.items.append(
            Item(f"psu_power_factor_{load}", pf, "", f"{load}%负载功率因数", f"Power factor at {load}% load")
        )
    if rng.random() < 0.5:
        p.items.extend(_rohs(rng))
    return p


def switch(rng: random.Random) -> Product:
    """A switch with throughput and power at load points."""
    p = Product("switch", _model(rng, rng.choice(["S", "CE", "SW", "NX"])), rng.choice(_MAKERS), "交换机", "Switch")
    klass = rng.choice(["access", "distribution", "data_center"])
    gbps = rng.choice([56, 128, 176, 336, 760, 1280, 2560, 3200, 6400])
    idle = round(rng.uniform(25, 40) * (gbps / 176) ** 0.5 * rng.choice([1, 1, 3, 8, 20]), 1)
    mid = round(idle * rng.uniform(1.03, 1.12), 1)
    full = round(mid * rng.uniform(1.05, 1.3), 1)
    zh_class = {"access": "接入层交换机", "distribution": "汇聚层交换机", "data_center": "数据中心交换机"}[klass]
    en_class = {"access": "access switch", "distribution": "distribution switch", "data_center": "data center switch"}[
        klass
    ]
    p.items.append(Item("device_class", klass, "", zh_class, en_class))
    p.items.append(Item("port_type", "fixed", "", "固定端口", "fixed-port"))
    p.items.append(Item("max_throughput", float(gbps), "Gbps", "最大吞吐量", "Maximum throughput"))
    u2 = "30%" if klass == "data_center" else "10%"  # Appendix E: access and distribution 0;10;100
    p.switch_loads = [("0%", idle), (u2, mid), ("100%", full)]
    p.items += [
        Item("power_u1", idle, "W", "0%负载功率", "Power at 0% load"),
        Item("power_u2", mid, "W", f"{u2}负载功率", f"Power at {u2} load"),
        Item("power_u3", full, "W", "100%负载功率", "Power at 100% load"),
    ]
    if rng.random() < 0.7:
        single = rng.random() < 0.7
        p.items.append(
            Item(
                "psu_type",
                "single" if single else "multi",
                "",
                "单路输出" if single else "多路输出",
                "single-output" if single else "multiple-output",
            )
        )
    if rng.random() < 0.4:
        p.items.extend(_rohs(rng))
    return p


def cable(rng: random.Random) -> Product:
    """A power cable with fluorine content and smoke transmittance."""
    p = Product(
        "cable",
        rng.choice(["WDZ-YJY", "WDZN-BYJ", "ZC-YJV", "WDZA-YJE"])
        + f" {rng.choice([3, 4, 5])}x"
        + str(rng.choice([16, 25, 35, 50, 70, 95, 120])),
        rng.choice(_MAKERS),
        "电力电缆",
        "Power cable",
    )
    p.items.append(Item("power_distribution", True, "", "配电线路电缆", "power distribution cable"))
    p.items.append(
        Item("concealed_ventilated_space", True, "", "敷设在隐蔽通风空间", "laid in concealed ventilated spaces")
    )
    p.items.append(
        Item(
            "cable_fluorine", round(rng.uniform(0.01, 0.25), 2), "%", "氟含量", "Fluorine content", requirement="≤0.1%"
        )
    )
    p.items.append(
        Item(
            "smoke_transmittance",
            round(rng.uniform(45, 92), 1),
            "%",
            "最小透光率",
            "Minimum light transmittance",
            requirement="≥60%",
        )
    )
    return p


def generator(rng: random.Random) -> Product:
    """A diesel generator set with rating, fuel flow and noise by direction."""
    kw = rng.choice([60, 100, 150, 200, 320, 400, 500, 640, 800, 1000, 1200])
    p = Product(
        "generator",
        _model(rng, rng.choice(["C", "KTA", "GS", "DG"])),
        rng.choice(_MAKERS),
        "柴油发电机组",
        "Diesel generator set",
    )
    rating = rng.choice(["prime", "standby"])
    p.items.append(Item("rated_power", float(kw), "kW", "额定功率", "Rated power"))
    p.items.append(
        Item(
            "rating_type",
            rating,
            "",
            "常用功率" if rating == "prime" else "备用功率",
            "Prime" if rating == "prime" else "Standby",
        )
    )
    p.items.append(Item("fuel_type", "diesel", "", "柴油", "Diesel"))
    p.items.append(
        Item(
            "fuel_flow_100",
            round(kw * rng.uniform(0.24, 0.30), 1),
            "L/h",
            "100%负载燃油消耗量",
            "Fuel consumption at 100% load",
        )
    )
    base = rng.uniform(90, 112)
    for key, zh, en in (
        ("noise_front", "正前方", "Front"),
        ("noise_back", "正后方", "Rear"),
        ("noise_left", "左侧", "Left"),
        ("noise_right", "右侧", "Right"),
    ):
        p.items.append(Item(key, round(base + rng.uniform(-2, 2), 1), "dBA", zh, en))
    return p


MAKERS = {"server": server, "switch": switch, "cable": cable, "generator": generator}
