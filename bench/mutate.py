"""Mutation harness (issue 11, "No pass on a guess"): correct inputs, meaning-changing mutations, never a pass.

    python bench/mutate.py [--cases 10000] [--seed 5] [--cli 1] [--against DIR] [--out bench/out/mutate.json]

Each case starts from a CORRECT input (a product record as YAML or JSON, a catalog row as CSV with the
INTERFACE §5 server columns or a category's field names, or a small text PDF drawn here with reportlab, in
English or Chinese) and applies one meaning-changing mutation of a named class:

 1. ``bound``               a comparison word on the side that does not prove the requirement ("up to 96 %"
                            against efficiency >= 94 %, "at least 33 dB(A)" against noise <= 40)
 2. ``nd_non_concentration`` ND / 未检出 / n.d. where only a number means something (grade, PUE, noise, power...)
 3. ``zero_denominator``    a zero or negative input of a computed quantity (0 L/h, 0 W, 0 mm, 0 outlets,
                            recyclable mass above product mass, a 0 W switch load point, throughput 0)
 4. ``duplicate_key``       the same key twice, the first honest-failing, the second passing
 5. ``requirement_column``  a lab-report table whose requirement / limit column holds the limit or a better
                            number beside a failing result
 6. ``invisible_text``      a better value in white, render mode 3, off the page or in a 0.5 pt font
 7. ``method_number``       a method / standard number (EPA 3052, IEC 62321, GB/T 26572) beside a substance's
                            failing or missing value, or an ND whose detection limit is above the limit
 8. ``two_products``        two products in one file (check must refuse or not pass; audit must report both)
 9. ``interval``            invalid intervals (low > high, non-finite) or intervals that conflict with a point
10. ``near_limit``          values within 1e-9 on the failing side of a limit (93.9999999996 vs >= 94)
11. ``decimal_comma``       an ambiguous comma ("95,100 %", "0,150 mg/kg"), and "8,5 GWh" in a data-centre record
12. ``declaration``         the limit itself printed as a declaration ("each substance below 0.1 % (1000 ppm)",
                            "符合 GB/T 26572 要求", "PSU efficiency: >= 94 %")

and runs the real pipeline (``checker.pipeline.audit`` in batches, ``checker.pipeline.check`` for the
two-product cases, and ``python -m checker check`` for a few). The oracle is the harness's own: the hand-written
table :data:`LIMITS` (from the standard's text, never from ``catalogs/``) and the rule "the mutated input does
not prove the requirement, so the clause must not pass". Nothing is derived from the product's output.

Counted per class: cases, false passes (with examples: input snippet, clause, status), crashes (an exception
escaping the pipeline), lost inputs (an input that is neither a product nor an error). A *control* (the same
carrier with the honest passing value) is run for the first case of each (class, variant, carrier, target): a
control that does not pass marks that key *vacuous* (the mutation could not have passed anyway, e.g. the reader
does not read that layout), so a zero there proves little. Prints a table; writes ``bench/out/mutate.json``
and copies the inputs of the first false passes of each class to ``bench/out/mutate-examples/<class>/``.

Judgement calls in the oracle (each is its own variant, so its count can be read or discounted separately):
``invisible_text/render3_*`` (render mode 3 is also how OCR'd scans carry their text layer, over an image; these
PDFs have no image); ``declaration/limit_as_value_*`` (a bound equal to the limit, "≤1000 mg/kg (满足要求)",
is read as a restated limit, INTERFACE §6, not as a proving bound); ``interval/nan_high`` and ``inf_both``
(non-finite ends are invalid input even where the other end would decide); ``two_products/*_pass_first_missing``
(``check`` names the merged product after the passing record). Half-open intervals such as {low: 94.6,
high: inf} are NOT generated: they are one-sided bounds that do prove ">= 94".

Documents are not generated where the reader never takes the value from a document (datacentre WUE and renewable
share, a declared TEER, W/Gbps or g/kWh, masses for recyclability): their controls never pass.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import logging
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar

import yaml

ROOT = Path(__file__).resolve().parents[1]
AS_OF = date(2026, 11, 20)
CHUNK = 60  # cases per audit call


def use_checkout(root: Path) -> None:
    """Import ``checker`` from ``root`` (default: this checkout), never from whatever else is installed."""
    text = str(root.resolve())
    if text in sys.path:
        sys.path.remove(text)
    sys.path.insert(0, text)
    loaded = sys.modules.get("checker")
    if loaded is not None and not str(Path(loaded.__file__ or "").resolve()).startswith(text):
        raise SystemExit(f"mutate: checker already imported from {loaded.__file__}, not {text}")


use_checkout(Path(os.environ.get("GDC_MUTATE_AGAINST") or ROOT))

# ---------------------------------------------------------------------------------------------------------
# The oracle: the harness's own table of the limits it uses, written by hand from
# /work/shared/standard/green-dc-procurement-standard-2023.txt (never read from catalogs/).
# clause id -> (op, limit, unit). The mutated inputs never prove these, so none may pass.
# ---------------------------------------------------------------------------------------------------------

LIMITS: dict[str, tuple[str, float, str]] = {
    # 5.1 "2025 年起数据中心电能比不高于 1.3" (as of 2026-11-20); 5.2 Table 1 2025: 30 %; 5.3 "不高于 2.5L/kWh"
    "5.1/pue": ("<=", 1.3, ""),
    "5.2/renewable-share": (">=", 30.0, "%"),
    "5.3/wue": ("<=", 2.5, "L/kWh"),
    # 6.1.4 "汞含量应小于 3mg"; 6.1.5 "氟含量不得大于 0.1%"; 6.1.10 Hg <= 1, Cd <= 20, Pb <= 40 mg/kg
    "6.1.4/backlight-hg": ("<", 3.0, "mg"),
    "6.1.5/cable-fluorine": ("<=", 0.1, "%"),
    "6.1.10/battery-hg": ("<=", 1.0, "mg/kg"),
    "6.1.10/battery-cd": ("<=", 20.0, "mg/kg"),
    "6.1.10/battery-pb": ("<=", 40.0, "mg/kg"),
    # 6.1.11 "符合 GB/T 26572": 0.1 % (1000 mg/kg) Pb, Hg, Cr(VI); 0.01 % (100 mg/kg) Cd
    "6.1.11/pb": ("<=", 1000.0, "mg/kg"),
    "6.1.11/hg": ("<=", 1000.0, "mg/kg"),
    "6.1.11/cd": ("<=", 100.0, "mg/kg"),
    "6.1.11/cr6": ("<=", 1000.0, "mg/kg"),
    # Table 2
    "6.2.1/recyclability": (">=", 80.0, "%"),
    "6.2.1/psu-eff-20": (">=", 90.0, "%"),
    "6.2.1/psu-eff-50": (">=", 94.0, "%"),
    "6.2.1/psu-eff-100": (">=", 91.0, "%"),
    "6.2.1/psu-pf-20": (">=", 0.95, ""),
    "6.2.1/psu-pf-50": (">=", 0.95, ""),
    "6.2.1/psu-pf-100": (">=", 0.95, ""),
    # Table 3 ("2 级及以上": grade number <= 2)
    "6.2.2/recyclability": (">=", 80.0, "%"),
    "6.2.2/recycled-plastic": (">=", 2.0, "%"),
    "6.2.2/bap": ("<=", 20.0, "mg/kg"),
    "6.2.2/pah15": ("<=", 50.0, "mg/kg"),
    "6.2.2/pc-energy-grade": ("<=", 2.0, "grade"),
    "6.2.2/monitor-energy-grade": ("<=", 2.0, "grade"),
    "6.2.2/desktop-noise-idle": ("<=", 40.0, "dB(A)"),
    "6.2.2/desktop-noise-work": ("<=", 45.0, "dB(A)"),
    "6.2.2/laptop-noise-idle": ("<=", 35.0, "dB(A)"),
    "6.2.2/laptop-noise-work": ("<=", 40.0, "dB(A)"),
    # Table 4 (single-output PSU; attended)
    "6.2.3/teer": (">=", 300.0, "Mbps/W"),
    "6.2.3/single-psu-eff-20": (">=", 88.0, "%"),
    "6.2.3/single-psu-eff-50": (">=", 92.0, "%"),
    "6.2.3/single-psu-eff-100": (">=", 88.0, "%"),
    "6.2.3/single-psu-pf-50": (">=", 0.90, ""),
    "6.2.3/noise-attended": ("<=", 7.6, "B"),
    # Table 5, tier "10G 以上~20G" (the 15 Gbps base firewall): 12 dm3, 23 W/Gbps
    "6.2.4/volume": ("<=", 12.0, "dm3"),
    "6.2.4/power-per-throughput": ("<=", 23.0, "W/Gbps"),
    "6.2.4/psu-eff-50": (">=", 89.0, "%"),
    "6.2.4/psu-pf-50": (">=", 0.90, ""),
    "6.2.4/noise-attended": ("<=", 7.6, "B"),
    # 6.3: grade 1 (fan: grade 2 or better); PDU <= 0.5 W per outlet
    "6.3.1.1/chiller-grade": ("<=", 1.0, "grade"),
    "6.3.2/ups-grade": ("<=", 1.0, "grade"),
    "6.3.3/motor-grade": ("<=", 1.0, "grade"),
    "6.3.3/compressor-grade": ("<=", 1.0, "grade"),
    "6.3.3/transformer-grade": ("<=", 1.0, "grade"),
    "6.3.3/pump-grade": ("<=", 1.0, "grade"),
    "6.3.3/fan-grade": ("<=", 2.0, "grade"),
    "6.3.4/outlet-power": ("<=", 0.5, "W"),
    # Table 6, 250 < P <= 600 kW (the 400 kW base generator): 234 g/kWh; noise P > 250: 110 dB(A)
    "6.3.5/fuel-consumption": ("<=", 234.0, "g/kWh"),
    "6.3.5/noise": ("<=", 110.0, "dB(A)"),
    # Table 7 "烟气最小透光率不得小于 60%"
    "6.3.6/smoke-transmittance": (">=", 60.0, "%"),
}


@dataclass(frozen=True)
class Target:
    """One value a record, a catalog row or a document can carry, and the clause it decides."""

    category: str
    field: str
    clause: str
    good: float  # an honest value that passes
    bad: float  # an honest value that fails
    unit: str  # printed unit
    en: str
    zh: str
    kind: str = "measure"  # measure | concentration | grade
    drop: tuple[str, ...] = ()  # base fields removed so that this field is the clause's only source
    decimals: int = 1
    lines: tuple[tuple[str, str], ...] = ()  # (en, zh) lines a document prints beside it (the other inputs)
    pdf: bool = True  # False: the reader does not take it from a document at all (its PDF controls never pass)

    @property
    def op(self) -> str:
        return LIMITS[self.clause][0]

    @property
    def limit(self) -> float:
        return LIMITS[self.clause][1]

    @property
    def lower_is_better(self) -> bool:
        return self.op in ("<=", "<")


def _t(category: str, name: str, clause: str, good: float, bad: float, unit: str, en: str, zh: str,
       kind: str = "measure", drop: tuple[str, ...] = (), decimals: int = 1,
       lines: tuple[tuple[str, str], ...] = (), pdf: bool = True) -> Target:
    return Target(category, name, clause, good, bad, unit, en, zh, kind, drop, decimals, lines, pdf)


GENERATOR_NOISE = (("Noise at 1 m, back: 101.2 dB(A)", "噪声（1 m，正后方）：101.2 dB(A)"),
                   ("Noise at 1 m, left: 98.0 dB(A)", "噪声（1 m，左侧）：98.0 dB(A)"),
                   ("Noise at 1 m, right: 98.4 dB(A)", "噪声（1 m，右侧）：98.4 dB(A)"))


PSU_EN = "PSU efficiency at {}% load"
PSU_ZH = "{}%负载电源效率"
PF_EN = "Power factor at {}% load"
PF_ZH = "{}%负载功率因数"

TARGETS: list[Target] = [
    _t("server", "psu_efficiency_20", "6.2.1/psu-eff-20", 92.0, 88.5, "%", PSU_EN.format(20), PSU_ZH.format(20)),
    _t("server", "psu_efficiency_50", "6.2.1/psu-eff-50", 95.1, 92.1, "%", PSU_EN.format(50), PSU_ZH.format(50)),
    _t("server", "psu_efficiency_100", "6.2.1/psu-eff-100", 92.3, 89.7, "%", PSU_EN.format(100), PSU_ZH.format(100)),
    _t("server", "psu_power_factor_20", "6.2.1/psu-pf-20", 0.97, 0.93, "", PF_EN.format(20), PF_ZH.format(20),
       decimals=3),
    _t("server", "psu_power_factor_50", "6.2.1/psu-pf-50", 0.99, 0.94, "", PF_EN.format(50), PF_ZH.format(50),
       decimals=3),
    _t("server", "recyclability", "6.2.1/recyclability", 85.0, 76.0, "%", "Recyclability rate", "产品可再生利用率"),
    _t("storage", "psu_efficiency_50", "6.2.1/psu-eff-50", 94.6, 93.2, "%", PSU_EN.format(50), PSU_ZH.format(50)),
    _t("server", "pb", "6.1.11/pb", 300.0, 1500.0, "mg/kg", "Lead (Pb)", "铅(Pb)", "concentration", decimals=0),
    _t("server", "hg", "6.1.11/hg", 5.0, 1200.0, "mg/kg", "Mercury (Hg)", "汞(Hg)", "concentration", decimals=0),
    _t("server", "cd", "6.1.11/cd", 5.0, 150.0, "mg/kg", "Cadmium (Cd)", "镉(Cd)", "concentration", decimals=0),
    _t("server", "cr6", "6.1.11/cr6", 10.0, 1300.0, "mg/kg", "Hexavalent chromium (Cr(VI))", "六价铬(Cr(VI))",
       "concentration", decimals=0),
    _t("desktop", "recyclability", "6.2.2/recyclability", 83.0, 74.5, "%", "Recyclability rate", "产品可再生利用率"),
    _t("desktop", "recycled_plastic_share", "6.2.2/recycled-plastic", 5.0, 1.2, "%",
       "Post-consumer recycled plastic share", "消费后再生塑料使用比例"),
    _t("desktop", "bap", "6.2.2/bap", 0.5, 26.0, "mg/kg", "Benzo[a]pyrene", "苯并(a)芘", "concentration"),
    _t("desktop", "pah15_sum", "6.2.2/pah15", 3.1, 62.0, "mg/kg", "Sum of 15 PAHs", "15项多环芳烃总和",
       "concentration"),
    _t("desktop", "energy_grade", "6.2.2/pc-energy-grade", 1, 3, "grade", "Energy efficiency grade (GB 28380)",
       "能效等级（GB 28380）", "grade"),
    _t("desktop", "noise_idle", "6.2.2/desktop-noise-idle", 31.5, 42.5, "dB(A)", "Noise, idle", "空闲状态噪声"),
    _t("desktop", "noise_work", "6.2.2/desktop-noise-work", 38.0, 47.5, "dB(A)", "Noise, operating", "工作状态噪声"),
    _t("laptop", "noise_idle", "6.2.2/laptop-noise-idle", 30.5, 36.2, "dB(A)", "Noise, idle", "空闲状态噪声"),
    _t("laptop", "noise_work", "6.2.2/laptop-noise-work", 36.0, 41.5, "dB(A)", "Noise, operating", "工作状态噪声"),
    _t("laptop", "backlight_hg", "6.1.4/backlight-hg", 0.5, 3.5, "mg", "Mercury in backlight", "背光灯汞含量",
       "concentration"),
    _t("laptop", "battery_hg", "6.1.10/battery-hg", 0.2, 3.0, "mg/kg", "Battery mercury (Hg)", "电池汞含量",
       "concentration"),
    _t("laptop", "battery_cd", "6.1.10/battery-cd", 3.0, 35.0, "mg/kg", "Battery cadmium (Cd)", "电池镉含量",
       "concentration"),
    _t("laptop", "battery_pb", "6.1.10/battery-pb", 12.0, 65.0, "mg/kg", "Battery lead (Pb)", "电池铅含量",
       "concentration"),
    _t("monitor", "energy_grade", "6.2.2/monitor-energy-grade", 1, 3, "grade", "Energy efficiency grade (GB 21520)",
       "能效等级（GB 21520）", "grade"),
    _t("switch", "psu_efficiency_20", "6.2.3/single-psu-eff-20", 89.1, 86.0, "%", PSU_EN.format(20),
       PSU_ZH.format(20)),
    _t("switch", "psu_efficiency_50", "6.2.3/single-psu-eff-50", 92.8, 90.5, "%", PSU_EN.format(50),
       PSU_ZH.format(50)),
    _t("switch", "psu_power_factor_50", "6.2.3/single-psu-pf-50", 0.96, 0.86, "", PF_EN.format(50), PF_ZH.format(50),
       decimals=3),
    _t("switch", "noise_lwad", "6.2.3/noise-attended", 5.6, 7.9, "B", "Declared sound power level LWAd (ISO 9296)",
       "声功率级 LWAd（YD/T 1816）"),
    _t("switch", "teer", "6.2.3/teer", 420.0, 260.0, "Mbps/W", "TEER (Appendix E)", "能效比值TEER",
       drop=("power_u1", "power_u2", "power_u3"), pdf=False),
    _t("firewall", "psu_efficiency_50", "6.2.4/psu-eff-50", 91.0, 87.5, "%", PSU_EN.format(50), PSU_ZH.format(50)),
    _t("firewall", "psu_power_factor_50", "6.2.4/psu-pf-50", 0.95, 0.85, "", PF_EN.format(50), PF_ZH.format(50),
       decimals=3),
    _t("firewall", "noise_lwad", "6.2.4/noise-attended", 7.1, 7.8, "B", "Declared sound power LWAd", "声功率级 LWAd"),
    _t("firewall", "power_per_throughput", "6.2.4/power-per-throughput", 20.0, 26.0, "W/Gbps",
       "Power per throughput", "功耗/吞吐量", drop=("fw_power",), pdf=False),
    _t("cooling", "energy_grade", "6.3.1.1/chiller-grade", 1, 2, "grade", "Energy efficiency grade (GB 19577)",
       "能效等级（GB 19577）", "grade"),
    _t("ups", "energy_grade", "6.3.2/ups-grade", 1, 2, "grade", "Energy efficiency grade (GB/T 14715)",
       "能效等级（GB/T 14715）", "grade"),
    _t("motor", "energy_grade", "6.3.3/motor-grade", 1, 2, "grade", "Energy efficiency grade (GB 18613)",
       "能效等级（GB 18613）", "grade"),
    _t("fan", "energy_grade", "6.3.3/fan-grade", 2, 3, "grade", "Energy efficiency grade (GB 19761)",
       "能效等级（GB 19761）", "grade"),
    _t("pump", "energy_grade", "6.3.3/pump-grade", 1, 2, "grade", "Energy efficiency grade (GB 32029)",
       "能效等级（GB 32029）", "grade"),
    _t("pdu", "outlet_power", "6.3.4/outlet-power", 0.25, 0.62, "W", "Power consumption per outlet", "每个插座消耗功率",
       drop=("pdu_power", "outlet_count"), decimals=2),
    _t("generator", "fuel_rate", "6.3.5/fuel-consumption", 210.0, 245.0, "g/kWh",
       "Fuel consumption rate at rated power", "燃油消耗率", drop=("fuel_flow_100",), pdf=False),
    _t("generator", "noise_front", "6.3.5/noise", 99.5, 112.0, "dB(A)", "Noise at 1 m, front", "噪声（1 m，正前方）",
       lines=GENERATOR_NOISE),
    _t("cable", "cable_fluorine", "6.1.5/cable-fluorine", 0.02, 0.15, "%", "Fluorine content (IEC 60684-2)", "氟含量",
       "concentration", decimals=2),
    _t("cable", "smoke_transmittance", "6.3.6/smoke-transmittance", 72.0, 55.0, "%",
       "Minimum light transmittance of smoke", "烟气最小透光率"),
    _t("datacenter", "pue", "5.1/pue", 1.25, 1.36, "", "PUE (GB 40879)", "数据中心电能比(PUE)", decimals=2),
    _t("datacenter", "wue", "5.3/wue", 1.6, 2.7, "L/kWh", "WUE", "水资源使用效率(WUE)", pdf=False),
    _t("datacenter", "renewable_share", "5.2/renewable-share", 34.0, 22.0, "%", "Renewable energy share",
       "可再生能源使用率", pdf=False),
]

# Honest records that pass every clause the harness judges (values from samples/records, adjusted to pass).
BASE: dict[str, dict[str, Any]] = {
    "server": {"psu_efficiency_20": 92.0, "psu_efficiency_50": 95.1, "psu_efficiency_100": 92.3,
               "psu_power_factor_20": 0.97, "psu_power_factor_50": 0.99, "psu_power_factor_100": 0.99,
               "recyclability": 85.0, "pb": 300, "hg": "ND", "cd": 5, "cr6": "ND", "has_battery": False},
    "storage": {"psu_efficiency_20": 92.0, "psu_efficiency_50": 94.6, "psu_efficiency_100": 91.5,
                "psu_power_factor_20": 0.97, "psu_power_factor_50": 0.99, "psu_power_factor_100": 0.99,
                "recyclability": 88.0, "pb": 300, "hg": 5, "cd": 2, "cr6": 10, "has_battery": False},
    "desktop": {"recyclability": 83.0, "recycled_plastic_share": 5.0, "bap": 0.5, "pah15_sum": 3.1,
                "energy_grade": 1, "noise_idle": 31.5, "noise_work": 38.0, "pb": 500, "hg": "ND", "cd": "ND",
                "cr6": "ND", "has_battery": False},
    "laptop": {"recyclability": 81.0, "recycled_plastic_share": 5.2, "bap": "ND", "pah15_sum": 3.1,
               "energy_grade": 2, "noise_idle": 30.5, "noise_work": 36.0, "backlight_hg": 0.5,
               "battery_hg": 0.2, "battery_cd": 3, "battery_pb": 12, "pb": 300, "hg": "ND", "cd": "ND", "cr6": "ND"},
    "monitor": {"recyclability": 84.0, "recycled_plastic_share": 12.0, "bap": 0.5, "pah15_sum": 8.2,
                "energy_grade": 1, "backlight_hg": 0.2, "pb": 250, "hg": "ND", "cd": "ND", "cr6": "ND",
                "has_battery": False},
    "switch": {"device_class": "access", "max_throughput": "176 Gbps", "power_u1": 61.0, "power_u2": 66.5,
               "power_u3": 76.1, "psu_type": "single", "psu_efficiency_20": 89.1, "psu_efficiency_50": 92.8,
               "psu_efficiency_100": 90.2, "psu_power_factor_50": 0.96, "noise_lwad": "5.6 B",
               "deployment": "attended", "pb": 600, "hg": "ND", "cd": "ND", "cr6": "ND", "has_battery": False},
    "firewall": {"fw_throughput": "15 Gbps", "fw_power": "300 W", "length": "440 mm", "height": "44 mm",
                 "depth": "400 mm", "has_external_psu": False, "psu_efficiency_20": 87.0, "psu_efficiency_50": 91.0,
                 "psu_efficiency_100": 88.0, "psu_power_factor_50": 0.95, "noise_lwad": 7.1,
                 "deployment": "attended", "pb": 700, "hg": "ND", "cd": "ND", "cr6": "ND", "has_battery": False},
    "cooling": {"cooling_type": "chiller", "energy_grade": 1, "refrigerant": "R134a"},
    "ups": {"energy_grade": 1, "battery_hg": "ND", "battery_cd": "ND", "battery_pb": "ND"},
    "motor": {"energy_grade": 1},
    "fan": {"energy_grade": 2},
    "pump": {"energy_grade": 1},
    "pdu": {"pdu_power": "2 W", "outlet_count": 8},
    "generator": {"rated_power": "400 kW", "rating_type": "prime", "fuel_flow_100": "91.8 L/h",
                  "noise_front": 99.5, "noise_back": 101.2, "noise_left": 98.0, "noise_right": 98.4},
    "cable": {"cable_fluorine": "0.02 %", "smoke_transmittance": 72},
    "datacenter": {"pue": 1.25, "renewable_share": 34, "wue": 1.6},
}
SERVER_COLUMNS = ["model", "manufacturer", "category", "psu_efficiency_20", "psu_efficiency_50", "psu_efficiency_100",
                  "psu_power_factor_20", "psu_power_factor_50", "psu_power_factor_100", "recyclability"]  # INTERFACE §5

TITLES: dict[str, tuple[str, str]] = {
    "server": ("2U rack server - Technical Specification", "机架式服务器技术参数表"),
    "storage": ("Unified storage array - Technical Specification", "统一存储设备技术参数表"),
    "desktop": ("Desktop computer - Technical Specification", "台式微型计算机技术参数表"),
    "laptop": ("Notebook computer (laptop) - Technical Specification", "便携式微型计算机（笔记本电脑）技术参数表"),
    "monitor": ("LCD monitor - Technical Specification", "液晶显示器技术参数表"),
    "switch": ("Fixed-port Ethernet switch - Technical Specification", "以太网交换机技术参数表"),
    "firewall": ("Next-generation firewall - Technical Specification", "网络防火墙技术参数表"),
    "cooling": ("Water-cooled centrifugal chiller - Technical Specification", "水冷离心式冷水机组技术参数表"),
    "ups": ("Modular online UPS (uninterruptible power supply)", "模块化在线式不间断电源技术参数表"),
    "motor": ("Three-phase induction motor - Technical Specification", "三相异步电动机技术参数表"),
    "fan": ("Centrifugal fan (ventilator) - Technical Specification", "离心通风机技术参数表"),
    "pump": ("Submersible electric pump - Technical Specification", "小型潜水电泵技术参数表"),
    "pdu": ("Metered rack PDU (power distribution unit)", "机架式电源分配单元（PDU）技术参数表"),
    "generator": ("Diesel generator set - Technical Specification", "柴油发电机组技术参数表"),
    "cable": ("Low-smoke halogen-free power cable", "低烟无卤阻燃电力电缆技术参数表"),
    "datacenter": ("Data centre operation report (PUE, WUE)", "数据中心运行报告（PUE、WUE）"),
}
# Lines a document prints so that the judged clause applies (device type, PSU type, deployment, rating).
CONTEXT: dict[str, tuple[list[str], list[str]]] = {
    "switch": (["Device class (ATIS-0600015.03): Access", "Power supply type: Single-output PSU (1+1 hot-swap)",
                "Deployment: Attended (office)"],
               ["设备类别：接入交换机", "电源类型：单路输出电源（1+1热插拔）", "使用环境：有人值守"]),
    "firewall": (["IPv4 throughput, 64-byte frames (RFC 2544): 15.0 Gbps", "Deployment: Attended (office)"],
                 ["IPv4吞吐量（64字节）：15.0 Gbps", "使用环境：有人值守"]),
    "cooling": (["Unit type: Water-cooled centrifugal chiller"], ["机组类型：水冷离心式冷水机组"]),
    "generator": (["Rated power, Prime power (PRP): 400 kW", "Rating: Prime power (PRP)"],
                  ["机组额定功率，常用功率（PRP）：400 kW", "功率类型：常用功率（PRP）"]),
    "laptop": (["Battery: Built-in 3-cell Li-ion, 56 Wh"], ["含电池：内置锂离子电池（56 Wh）"]),
}
# Inputs of computed quantities: field -> (value, printed unit, English label, Chinese label).
INPUTS: dict[str, tuple[float, str, str, str]] = {
    "fw_throughput": (15.0, "Gbps", "IPv4 throughput, 64-byte frames (RFC 2544)", "IPv4吞吐量（64字节）"),
    "fw_power": (300.0, "W", "Power consumption at maximum throughput", "最大吞吐量时功耗"),
    "length": (440.0, "mm", "Width (without rack ears)", "长（不含挂耳）"),
    "height": (44.0, "mm", "Height", "高"),
    "depth": (400.0, "mm", "Depth", "深"),
    "product_mass": (12000.0, "g", "Product mass", "整机质量"),
    "recyclable_mass": (10200.0, "g", "Recyclable mass", "材质可再生利用质量"),
    "recycled_plastic_mass": (42.0, "g", "Recycled plastic mass", "再生塑料质量"),
    "plastic_mass": (1150.0, "g", "Total plastic mass", "塑料总质量"),
    "max_throughput": (176.0, "Gbps", "Maximum throughput (RFC 2544, measured)", "最大吞吐量（实测）"),
    "power_u1": (61.0, "W", "Power at 0% traffic load", "0%流量负载功耗"),
    "power_u2": (66.5, "W", "Power at 10% traffic load", "10%流量负载功耗"),
    "power_u3": (76.1, "W", "Power at 100% traffic load", "100%流量负载功耗"),
    "pdu_power": (2.0, "W", "PDU self-consumption (all outlets on, no load)", "PDU自身消耗功率"),
    "outlet_count": (8.0, "", "Number of outlets (C13/C19)", "输出插座数"),
    "fuel_flow_100": (91.8, "L/h", "Fuel consumption at 100% load", "100%负载燃油消耗"),
    "rated_power": (400.0, "kW", "Rated power, Prime power (PRP)", "机组额定功率，常用功率（PRP）"),
}


@dataclass(frozen=True)
class Derived:
    """A clause decided by a quantity the checker computes from inputs."""

    name: str
    category: str
    clause: str
    inputs: tuple[str, ...]
    drop: tuple[str, ...] = ()  # base fields removed (a declared result that would shadow the inputs)
    pdf: bool = True  # False: documents printing these inputs are not read (controls never pass)


DERIVED: list[Derived] = [
    Derived("fw_ppt", "firewall", "6.2.4/power-per-throughput", ("fw_throughput", "fw_power")),
    Derived("fw_volume", "firewall", "6.2.4/volume", ("fw_throughput", "length", "height", "depth")),
    Derived("recyclability_mass", "server", "6.2.1/recyclability", ("product_mass", "recyclable_mass"),
            ("recyclability",), pdf=False),
    Derived("recycled_plastic_mass", "desktop", "6.2.2/recycled-plastic", ("recycled_plastic_mass", "plastic_mass"),
            ("recycled_plastic_share",), pdf=False),
    Derived("teer", "switch", "6.2.3/teer", ("max_throughput", "power_u1", "power_u2", "power_u3")),
    Derived("outlet_power", "pdu", "6.3.4/outlet-power", ("pdu_power", "outlet_count")),
    Derived("fuel", "generator", "6.3.5/fuel-consumption", ("rated_power", "fuel_flow_100")),
]


# ---------------------------------------------------------------------------------------------------------
# Text of values
# ---------------------------------------------------------------------------------------------------------


def num(value: float, decimals: int) -> str:
    """A number as a document prints it."""
    return f"{value:.{decimals}f}"


def with_unit(text: str, unit: str, lang: str = "en") -> str:
    """``text`` followed by its printed unit ("92.1%", "31.5 dB(A)", "0.97")."""
    if unit == "grade":
        return f"{text}级" if lang == "zh" else f"Grade {text}"
    if unit in ("", "%"):
        return text + unit
    return f"{text} {unit}"


def shown(target: Target, value: float, lang: str = "en") -> str:
    """The printed form of an honest value of ``target``."""
    decimals = 0 if target.kind == "grade" else target.decimals
    return with_unit(num(value, decimals), target.unit, lang)


def record_unit(target: Target) -> str:
    """The unit a record string carries ("" for grades and plain ratios)."""
    return "" if target.unit in ("grade", "") else target.unit


# ---------------------------------------------------------------------------------------------------------
# PDF documents (reportlab), small: a title, the model, context lines, then lines and tables
# ---------------------------------------------------------------------------------------------------------

_FONTS_READY = False
CJK = "STSong-Light"


def _fonts() -> None:
    global _FONTS_READY
    if not _FONTS_READY:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont(CJK))  # as samples/make_documents.py draws Chinese
        _FONTS_READY = True


def _font(text: str) -> str:
    try:
        text.encode("cp1252")
        return "Helvetica"
    except UnicodeEncodeError:
        return CJK


HIDDEN_MODES = ("white", "render3", "offpage", "tiny", "clipped", "squeezed")


def _on_first_page(pdf: bytes, text: str, draw: Callable[[Any, Any, tuple[float, float, float, float]], None],
                   *, first_only: bool = False) -> bytes:
    """``pdf`` with ``draw(pdfium.raw, page, box)`` applied over the box of the last place its first page prints
    ``text`` (of its first character only, ``first_only``)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    page = document[0]
    textpage = page.get_textpage()
    start = textpage.get_text_range().rfind(text)
    boxes = [textpage.get_charbox(start + k) for k in range(1 if first_only else len(text))] if start >= 0 else []
    textpage.close()
    if boxes:
        box = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
        draw(pdfium.raw, page, box)
    out = io.BytesIO()
    document.save(out)
    page.close()
    document.close()
    return out.getvalue()


def cover_with_annotation(pdf: bytes, text: str) -> bytes:
    """``pdf`` with a black filled square annotation laid over the last place its first page prints ``text``."""
    def draw(raw: Any, page: Any, box: tuple[float, float, float, float]) -> None:
        left, bottom, right, top = box
        annot = raw.FPDFPage_CreateAnnot(page.raw, raw.FPDF_ANNOT_SQUARE)
        raw.FPDFAnnot_SetRect(annot, raw.FS_RECTF(left - 1, top + 1, right + 1, bottom - 1))
        raw.FPDFAnnot_SetColor(annot, raw.FPDFANNOT_COLORTYPE_Color, 0, 0, 0, 255)
        raw.FPDFAnnot_SetColor(annot, raw.FPDFANNOT_COLORTYPE_InteriorColor, 0, 0, 0, 255)
        raw.FPDFPage_CloseAnnot(annot)

    return _on_first_page(pdf, text, draw)


def cover_with_white_box(pdf: bytes, text: str) -> bytes:
    """``pdf`` with a white filled rectangle drawn (as page content) over the first character of the last place its
    first page prints ``text``."""
    def draw(raw: Any, page: Any, box: tuple[float, float, float, float]) -> None:
        left, bottom, right, top = box
        rect = raw.FPDFPageObj_CreateNewRect(left - 0.5, bottom - 1, right - left + 1, top - bottom + 2)
        raw.FPDFPageObj_SetFillColor(rect, 255, 255, 255, 255)
        raw.FPDFPath_SetDrawMode(rect, raw.FPDF_FILLMODE_ALTERNATE, 0)
        raw.FPDFPage_InsertObject(page.raw, rect)
        raw.FPDFPage_GenerateContent(page.raw)

    return _on_first_page(pdf, text, draw, first_only=True)


def strike_through(pdf: bytes, text: str) -> bytes:
    """``pdf`` with a line drawn (as page content) through the middle of the last place its first page prints
    ``text``: a value withdrawn and left in place."""
    def draw(raw: Any, page: Any, box: tuple[float, float, float, float]) -> None:
        left, bottom, right, top = box
        middle = bottom + 0.45 * (top - bottom)
        line = raw.FPDFPageObj_CreateNewPath(left - 1, middle)
        raw.FPDFPath_LineTo(line, right + 1, middle)
        raw.FPDFPageObj_SetStrokeColor(line, 0, 0, 0, 255)
        raw.FPDFPageObj_SetStrokeWidth(line, 0.8)
        raw.FPDFPath_SetDrawMode(line, 0, 1)
        raw.FPDFPage_InsertObject(page.raw, line)
        raw.FPDFPage_GenerateContent(page.raw)

    return _on_first_page(pdf, text, draw)


@dataclass
class Sheet:
    """A one-page spec sheet or report: ``blocks`` are ("line", text, hidden, overlay) or ("table", rows)."""

    category: str
    lang: str
    model: str
    blocks: list[tuple[Any, ...]] = field(default_factory=list)
    context: bool = True
    extra: tuple[tuple[str, str], ...] = ()  # (en, zh) context lines of the judged target

    def line(self, text: str, hidden: str | None = None, overlay: tuple[str, str] | None = None) -> Sheet:
        """A text line; ``hidden`` draws it invisibly; ``overlay`` = (hidden text, mode) drawn right after it."""
        self.blocks.append(("line", text, hidden, overlay))
        return self

    def table(self, rows: list[list[str]], hidden_rows: dict[int, str] | None = None) -> Sheet:
        self.blocks.append(("table", rows, hidden_rows or {}))
        return self

    def kv(self, label: str, value: str, hidden: str | None = None) -> Sheet:
        return self.line(label + ("：" if self.lang == "zh" else ": ") + value, hidden)

    def render(self) -> bytes:
        _fonts()
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfgen import canvas

        width, height = A4
        buffer = io.BytesIO()
        pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
        y = height - 70
        title = TITLES[self.category][1 if self.lang == "zh" else 0]
        pdf.setFont(_font(title) if _font(title) == CJK else "Helvetica-Bold", 15)
        pdf.drawString(56, y, title)
        y -= 28
        head = [("型号：" if self.lang == "zh" else "Model: ") + self.model,
                ("制造商：突变测试有限公司" if self.lang == "zh" else "Manufacturer: Mutation Test Co.")]
        if self.context:
            head += CONTEXT.get(self.category, ([], []))[1 if self.lang == "zh" else 0]
        head += [pair[1 if self.lang == "zh" else 0] for pair in self.extra]
        for text in head:
            _draw(pdf, 56, y, text, 10.5, None, width)
            y -= 17
        y -= 6
        for block in self.blocks:
            if block[0] == "line":
                _, text, hidden, overlay = block
                _draw(pdf, 56, y, text, 10.5, hidden, width)
                if overlay:
                    from reportlab.pdfbase.pdfmetrics import stringWidth

                    x = 56 + stringWidth(text, _font(text), 10.5) + 4
                    _draw(pdf, x, y, overlay[0], 10.5, overlay[1], width)
                y -= 17
            else:
                y = _table(pdf, y, block[1], block[2], width)
        pdf.showPage()
        pdf.save()
        return buffer.getvalue()


def _draw(pdf: Any, x: float, y: float, text: str, size: float, hidden: str | None, page_width: float) -> None:
    font = _font(text)
    if hidden in ("render3", "squeezed"):  # invisible, or at 1 % horizontal scaling: a sliver nobody can read
        obj = pdf.beginText(x, y)
        obj.setFont(font, size)
        if hidden == "render3":
            obj.setTextRenderMode(3)
        else:
            obj.setHorizScale(1)
        obj.textOut(text)
        pdf.drawText(obj)
        return
    if hidden == "clipped":  # drawn through a clipping path that lies elsewhere on the page: never painted
        pdf.saveState()
        clip = pdf.beginPath()
        clip.rect(x, y - 60, 40, 8)
        pdf.clipPath(clip, stroke=0, fill=0)
        pdf.setFont(font, size)
        pdf.drawString(x, y, text)
        pdf.restoreState()
        return
    if hidden == "white":
        pdf.setFillColorRGB(1, 1, 1)
    pdf.setFont(font, 0.5 if hidden == "tiny" else size)
    pdf.drawString(x + (page_width + 60 if hidden == "offpage" else 0), y, text)
    pdf.setFillColorRGB(0, 0, 0)


def _widths(rows: list[list[str]], total: float, size: float) -> list[float]:
    """Column widths in proportion to each column's widest text, so a long label never runs into the next cell."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    needed = [max(stringWidth(str(row[i]), _font(str(row[i])), size) for row in rows) + 10 for i in range(len(rows[0]))]
    return [total * n / sum(needed) for n in needed]


def _table(pdf: Any, y: float, rows: list[list[str]], hidden_rows: dict[int, str], page_width: float) -> float:
    """A ruled table; row ``i`` in ``hidden_rows`` is drawn in that invisible mode (without rules)."""
    widths = _widths(rows, 483.0, 9)
    for index, row in enumerate(rows):
        x = 56.0
        hidden = hidden_rows.get(index)
        for cell, w in zip(row, widths, strict=True):
            if hidden is None:
                pdf.setLineWidth(0.6)
                pdf.rect(x, y - 18, w, 18, stroke=1, fill=0)
            _draw(pdf, x + 3, y - 13, cell, 9, hidden, page_width)
            x += w
        y -= 18
    return y - 10


# ---------------------------------------------------------------------------------------------------------
# Cases
# ---------------------------------------------------------------------------------------------------------


@dataclass
class Case:
    """One mutated input and what must not happen."""

    cls: str
    variant: str
    carrier: str  # yaml | json | csv | pdf-en | pdf-zh
    category: str
    files: dict[str, str | bytes]  # file name (suffix decides the type) -> content
    clauses: list[str]  # clauses that must not pass
    snippet: str
    judged_ids: list[str] | None = None  # audit: only these products are judged (None: every product of the files)
    expect_ids: list[str] = field(default_factory=list)  # audit: products that must be reported (or an error)
    mode: str = "audit"  # audit | check | both
    control: dict[str, str | bytes] | None = None  # the honest input: its clauses should pass
    target: str = ""
    false_pass: bool = False
    lost: bool = False
    crashed: bool = False
    reader_exception: bool = False  # an exception inside the reader, reported as an error row (not a crash)
    cli: str = ""  # "ok" / "false_pass" when also run through the command

    @property
    def key(self) -> str:
        return f"{self.cls}/{self.variant}/{self.carrier}/{self.category}/{self.target}"


def record(category: str, pid: str, changes: dict[str, Any], drop: tuple[str, ...] = ()) -> dict[str, Any]:
    """The honest base record of ``category`` with ``changes`` applied (a value None removes the field)."""
    data: dict[str, Any] = {"id": pid, "category": category, "model": pid, "manufacturer": "Mutation Test Co."}
    data.update({k: v for k, v in BASE[category].items() if k not in drop})
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def dump(data: Any, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=1)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


_SAMPLE_ROWS: dict[str, dict[str, str]] = {}


def sample_row(category: str) -> dict[str, str]:
    """The row of samples/catalogs/servers.csv a server or storage catalog case starts from (one that passes
    every Table 2 clause: SR-1U-A, ST-8U-D)."""
    if not _SAMPLE_ROWS:
        with (ROOT / "samples" / "catalogs" / "servers.csv").open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                _SAMPLE_ROWS[row["model"]] = row
    return dict(_SAMPLE_ROWS[{"server": "SR-1U-A", "storage": "ST-8U-D"}[category]])


def csv_row(category: str, pid: str, changes: dict[str, Any], drop: tuple[str, ...] = ()) -> str:
    """A one-row catalog: for servers and storage a row of samples/catalogs/servers.csv (the §5 columns, plus any
    column the case sets), for the other categories the base record under its field names."""
    data = record(category, pid, changes, drop)
    data.pop("id")
    if category in ("server", "storage"):
        extra = [k for k in changes if k not in SERVER_COLUMNS and changes[k] is not None]
        row = {**sample_row(category), "model": pid}
        row.update({k: v for k, v in changes.items() if v is not None and k in SERVER_COLUMNS})
        row.update({k: "" for k in drop})
        data = {k: row.get(k, "") if k in SERVER_COLUMNS else data.get(k, "") for k in [*SERVER_COLUMNS, *extra]}
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(list(data))
    writer.writerow(["false" if v is False else "true" if v is True else v for v in data.values()])
    return buffer.getvalue()


def _snip(text: str, key: str, width: int = 160) -> str:
    """The part of ``text`` around ``key`` (a record's or a catalog's relevant line)."""
    at = text.find(key)
    if at < 0:
        return text[:width]
    start = text.rfind("\n", 0, at) + 1
    return text[start:start + width].strip()


class Gen:
    """Case builders, one method per mutation class, all seeded from one ``random.Random``."""

    RECORD = ("yaml", "json")

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.count = 0

    # -- helpers ------------------------------------------------------------------------------------------

    def pid(self, cls: str) -> str:
        self.count += 1
        return f"MUT-{cls[:4].upper()}-{self.count:05d}"

    def pick(self, items: Any) -> Any:
        return self.rng.choice(list(items))

    def carrier(self, options: list[str], pdf: bool) -> str:
        """One of ``options``; document carriers only where the reader takes the value from a document."""
        return str(self.pick([o for o in options if pdf or not o.startswith("pdf")]))

    def targets(self, kinds: tuple[str, ...] = ("measure", "concentration", "grade"), pdf: bool = False
                ) -> list[Target]:
        """Targets of these kinds (``pdf``: only those a document can carry)."""
        return [t for t in TARGETS if t.kind in kinds and (t.pdf or not pdf)]

    def carrier_files(self, carrier: str, target: Target, pid: str, value: Any, lines: list[str] | None = None,
                      sheet: Sheet | None = None) -> tuple[dict[str, str | bytes], str]:
        """A file of ``carrier`` whose ``target.field`` is ``value`` (records/CSV) or that prints ``lines``."""
        if carrier in self.RECORD:
            text = dump(record(target.category, pid, {target.field: value}, target.drop), carrier)
            return {f"{pid}.{carrier}": text}, _snip(text, target.field)
        if carrier == "csv":
            text = csv_row(target.category, pid, {target.field: value}, target.drop)
            return {f"{pid}.csv": text}, text.strip().replace("\n", " | ")
        lang = carrier[-2:]
        sheet = sheet or self.sheet(target, lang, pid)
        for line in lines or []:
            sheet.line(line)
        return {f"{pid}.pdf": sheet.render()}, " / ".join(str(b[1]) for b in sheet.blocks)[:200]

    def simple(self, cls: str, variant: str, carrier: str, target: Target, value: Any, good: Any,
               lines: Callable[[Any], list[str]] | None = None) -> Case:
        """A case whose only change is ``target.field`` = ``value`` (records/CSV) or the document ``lines``."""
        pid = self.pid(cls)
        files, snippet = self.carrier_files(carrier, target, pid, value, lines(value) if lines else None)
        control, _ = self.carrier_files(carrier, target, pid + "-ctl", good, lines(good) if lines else None)
        return Case(cls, variant, carrier, target.category, files, [target.clause], snippet, control=control,
                    target=target.field)

    @staticmethod
    def sheet(target: Target, lang: str, model: str) -> Sheet:
        """An empty document about ``target``'s product, with the lines its clause needs beside the value."""
        return Sheet(target.category, lang, model, extra=target.lines)

    def kv_line(self, target: Target, lang: str, value_text: str) -> str:
        return (target.zh + "：" if lang == "zh" else target.en + ": ") + value_text

    # -- 1. bounds on the side that does not prove the requirement ----------------------------------------

    UPPER_EN: ClassVar[list[str]] = [
        "< {v}", "≤ {v}", "<= {v}", "less than {v}", "up to {v}", "max. {v}", "{v} max", "{v} max.",
        "maximum {v}", "at most {v}", "not more than {v}", "below {v}", "≦{v}"]
    UPPER_ZH: ClassVar[list[str]] = [
        "小于{v}", "不超过{v}", "不大于{v}", "低于{v}", "最大{v}", "{v}以下", "≤{v}", "<{v}", "不高于{v}"]
    LOWER_EN: ClassVar[list[str]] = [
        "> {v}", "≥ {v}", ">= {v}", "greater than {v}", "more than {v}", "at least {v}", "min. {v}",
        "{v} min", "{v} min.", "minimum {v}", "not less than {v}", "above {v}", "≧{v}"]
    LOWER_ZH: ClassVar[list[str]] = [
        "大于{v}", "不小于{v}", "不低于{v}", "超过{v}", "最小{v}", "{v}以上", "≥{v}", ">{v}", "至少{v}"]

    # a target, design or predicted value proves nothing either way (the same oracle: it must not pass)
    UNMEASURED_EN: ClassVar[list[str]] = ["{v} (target)", "{v} (design value)", "{v} (estimated)", "{v} (simulated)",
                                          "TBD ({v} expected)", "predicted {v}"]
    UNMEASURED_ZH: ClassVar[list[str]] = ["{v}（设计值）", "{v}（目标值）", "预计{v}", "{v}（理论值）", "{v}（待测）"]

    def bound(self) -> Case:
        target = self.pick(self.targets(("measure", "concentration")))
        lower_side = target.lower_is_better  # a lower bound never proves "<= L"; an upper bound never proves ">= L"
        carrier = self.carrier(["yaml", "json", "yaml-q", "json-q", "csv", "pdf-en", "pdf-zh", "pdf-table"],
                               target.pdf)
        lang = "zh" if carrier == "pdf-zh" or (carrier == "pdf-table" and self.rng.random() < 0.5) else "en"
        phrases = (self.LOWER_ZH if lang == "zh" else self.LOWER_EN) if lower_side else (
            self.UPPER_ZH if lang == "zh" else self.UPPER_EN)
        phrases = phrases + (self.UNMEASURED_ZH if lang == "zh" else self.UNMEASURED_EN)
        if carrier in ("yaml", "json", "csv"):
            phrases = phrases + (self.LOWER_ZH if lower_side else self.UPPER_ZH)
        phrase = self.pick(phrases)
        value = shown(target, target.good, lang)
        text = phrase.format(v=value)
        variant = phrase.replace("{v}", "x").strip()
        if carrier.endswith("-q"):  # the structured form: {value, qualifier}
            qualifier = self.pick(["gt", "ge"] if lower_side else ["lt", "le"])
            fmt = carrier[:-2]
            pid = self.pid("bound")
            body = {"value": target.good, "qualifier": qualifier}
            if record_unit(target):
                body["unit"] = record_unit(target)
            files, snippet = self.carrier_files(fmt, target, pid, body)
            honest = {k: v for k, v in body.items() if k != "qualifier"}
            control, _ = self.carrier_files(fmt, target, pid + "-ctl", honest)
            return Case("bound", f"qualifier:{qualifier}", fmt, target.category, files, [target.clause], snippet,
                        control=control, target=target.field)
        if carrier == "pdf-table":
            return self.table_case("bound", variant, target, lang, text, value)
        return self.simple("bound", variant, carrier, target, text, value,
                           (lambda v: [self.kv_line(target, lang, v)]) if carrier.startswith("pdf") else None)

    def table_case(self, cls: str, variant: str, target: Target, lang: str, text: str, good: str) -> Case:
        """A two-column parameter table (参数 | 数值) holding ``text`` for ``target``."""
        pid = self.pid(cls)
        head = ["参数", "数值"] if lang == "zh" else ["Parameter", "Value"]
        label = target.zh if lang == "zh" else target.en
        files = {f"{pid}.pdf": self.sheet(target, lang, pid).table([head, [label, text]]).render()}
        control = {f"{pid}-ctl.pdf": self.sheet(target, lang, pid + "-ctl").table([head, [label, good]]).render()}
        return Case(cls, variant, f"pdf-table-{lang}", target.category, files, [target.clause], f"{label} | {text}",
                    control=control, target=target.field)

    # -- 2. a non-detect where only a number means something ----------------------------------------------

    ND_WORDS: ClassVar[list[str]] = [
        "ND", "N.D.", "n.d.", "未检出", "not detected", "Not Detected", "<LOQ", "nd", "N.D"]

    def nd_non_concentration(self) -> Case:
        word = self.pick(self.ND_WORDS)
        if self.rng.random() < 0.25:  # an input of a computed quantity
            derived = self.pick(DERIVED)
            name = self.pick([i for i in derived.inputs if i != "outlet_count"])
            carrier = self.carrier(["yaml", "json", "csv", "pdf-en", "pdf-zh"], derived.pdf)
            return self.derived_case("nd_non_concentration", f"input:{name}", derived, carrier, {name: word})
        target = self.pick(self.targets(("measure", "grade")))
        carrier = self.carrier(["yaml", "json", "yaml-q", "csv", "pdf-en", "pdf-zh", "pdf-table"], target.pdf)
        lang = "zh" if carrier.endswith("zh") or (carrier == "pdf-table" and self.rng.random() < 0.5) else "en"
        good = shown(target, target.good, lang)
        if carrier == "yaml-q":
            pid = self.pid("nd")
            files, snippet = self.carrier_files("yaml", target, pid, {"qualifier": "nd"})
            control, _ = self.carrier_files("yaml", target, pid + "-ctl", target.good)
            return Case("nd_non_concentration", "qualifier:nd", "yaml", target.category, files, [target.clause],
                        snippet, control=control, target=target.field)
        if carrier == "pdf-table":
            return self.table_case("nd_non_concentration", word, target, lang, word, good)
        return self.simple("nd_non_concentration", word, carrier, target, word,
                           good if carrier.startswith("pdf") else target.good,
                           (lambda v: [self.kv_line(target, lang, v)]) if carrier.startswith("pdf") else None)

    # -- computed quantities ------------------------------------------------------------------------------

    def derived_case(self, cls: str, variant: str, derived: Derived, carrier: str, changes: dict[str, str],
                     clauses: list[str] | None = None) -> Case:
        """A record / row / document with the inputs of ``derived``, ``changes`` applied to them."""
        pid = self.pid(cls)
        files = self._derived_files(derived, carrier, pid, changes)
        control = self._derived_files(derived, carrier, pid + "-ctl", {})
        snippet = "; ".join(f"{k}: {v}" for k, v in changes.items())
        return Case(cls, variant, carrier, derived.category, files, clauses or [derived.clause], snippet,
                    control=control, target=derived.name)

    def _derived_files(self, derived: Derived, carrier: str, pid: str, changes: dict[str, str]
                       ) -> dict[str, str | bytes]:
        values = {name: self.input_text(name, INPUTS[name][0]) for name in derived.inputs}
        values.update(changes)
        if carrier in self.RECORD:
            return {f"{pid}.{carrier}": dump(record(derived.category, pid, values, derived.drop), carrier)}
        if carrier == "csv":
            return {f"{pid}.csv": csv_row(derived.category, pid, values, derived.drop)}
        lang = carrier[-2:]
        sheet = Sheet(derived.category, lang, pid, context=derived.category not in ("firewall", "generator"))
        if derived.category == "firewall":
            sheet.line("Deployment: Attended (office)" if lang == "en" else "使用环境：有人值守")
        if derived.category == "generator":
            sheet.line("Rating: Prime power (PRP)" if lang == "en" else "功率类型：常用功率（PRP）")
        for name in derived.inputs:
            _, _, en, zh = INPUTS[name]
            sheet.kv(zh if lang == "zh" else en, values[name])
        return {f"{pid}.pdf": sheet.render()}

    @staticmethod
    def input_text(name: str, value: float) -> str:
        unit = INPUTS[name][1]
        text = f"{value:g}" if name == "outlet_count" else f"{value:.1f}"
        return f"{text} {unit}" if unit else text

    # -- 3. zero / negative inputs of a computed quantity -------------------------------------------------

    ZERO: ClassVar[list[tuple[str, str, dict[str, str]]]] = [
        ("fuel_flow_zero", "fuel", {"fuel_flow_100": "0 L/h"}),
        ("fuel_flow_negative", "fuel", {"fuel_flow_100": "-91.8 L/h"}),
        ("rated_power_zero", "fuel", {"rated_power": "0 kW"}),
        ("fw_power_zero", "fw_ppt", {"fw_power": "0 W"}),
        ("fw_power_negative", "fw_ppt", {"fw_power": "-300 W"}),
        ("fw_throughput_zero", "fw_ppt", {"fw_throughput": "0 Gbps"}),
        ("fw_both_negative", "fw_ppt", {"fw_power": "-300 W", "fw_throughput": "-15 Gbps"}),
        ("fw_length_zero", "fw_volume", {"length": "0 mm"}),
        ("fw_height_zero", "fw_volume", {"height": "0 mm"}),
        ("fw_depth_negative", "fw_volume", {"depth": "-400 mm"}),
        ("recyclable_over_mass", "recyclability_mass", {"recyclable_mass": "13500 g"}),
        ("product_mass_zero", "recyclability_mass", {"product_mass": "0 g"}),
        ("product_mass_smaller", "recyclability_mass", {"product_mass": "9000 g"}),
        ("recycled_over_plastic", "recycled_plastic_mass", {"recycled_plastic_mass": "1300 g"}),
        ("plastic_mass_zero", "recycled_plastic_mass", {"plastic_mass": "0 g"}),
        ("switch_u1_zero", "teer", {"power_u1": "0 W"}),
        ("switch_u2_zero", "teer", {"power_u2": "0 W"}),
        ("switch_u3_zero", "teer", {"power_u3": "0 W"}),
        ("switch_all_zero", "teer", {"power_u1": "0 W", "power_u2": "0 W", "power_u3": "0 W"}),
        ("switch_u2_negative", "teer", {"power_u2": "-66.5 W"}),
        ("switch_throughput_zero", "teer", {"max_throughput": "0 Gbps"}),
        ("pdu_outlets_zero", "outlet_power", {"outlet_count": "0"}),
        ("pdu_outlets_negative", "outlet_power", {"outlet_count": "-8"}),
        ("pdu_power_negative", "outlet_power", {"pdu_power": "-2 W"}),
    ]

    def zero_denominator(self) -> Case:
        variant, name, changes = self.pick(self.ZERO)
        derived = next(d for d in DERIVED if d.name == name)
        carrier = self.carrier(["yaml", "json", "csv", "pdf-en", "pdf-zh"], derived.pdf)
        return self.derived_case("zero_denominator", variant, derived, carrier, changes)

    # -- 4. the same key twice ----------------------------------------------------------------------------

    def duplicate_key(self) -> Case:
        target = self.pick(self.targets())
        carrier = self.carrier(["json", "yaml", "json-fact", "yaml-fact", "csv", "pdf-en", "pdf-zh"], target.pdf)
        pid = self.pid("dup")
        bad, good = self.plain(target, target.bad), self.plain(target, target.good)
        base = record(target.category, pid, {target.field: None}, target.drop)
        if carrier in ("json", "json-fact"):
            body = json.dumps(base, ensure_ascii=False)[:-1]
            if carrier == "json":
                extra = f', "{target.field}": {json.dumps(bad)}, "{target.field}": {json.dumps(good)}}}'
            else:
                extra = f', "{target.field}": {{"value": {json.dumps(bad)}, "value": {json.dumps(good)}}}}}'
            text = body + extra
            files, fmt = {f"{pid}.json": text}, "json"
        elif carrier in ("yaml", "yaml-fact"):
            body = yaml.safe_dump(base, allow_unicode=True, sort_keys=False)
            if carrier == "yaml":
                extra = f"{target.field}: {json.dumps(bad)}\n{target.field}: {json.dumps(good)}\n"
            else:
                extra = f"{target.field}: {{value: {json.dumps(bad)}, value: {json.dumps(good)}}}\n"
            text = body + extra
            files, fmt = {f"{pid}.yaml": text}, "yaml"
        elif carrier == "csv":
            data = record(target.category, pid, {target.field: bad}, target.drop)
            data.pop("id")
            if target.category == "server":
                data = {k: data.get(k, "") for k in dict.fromkeys([*SERVER_COLUMNS, target.field])}
            header = [*data, target.field]
            row = [*("false" if v is False else v for v in data.values()), good]
            buffer = io.StringIO()
            csv.writer(buffer).writerows([header, row])
            text = buffer.getvalue()
            files, fmt, extra = {f"{pid}.csv": text}, "csv", ""
        else:
            lang = carrier[-2:]
            lines = [self.kv_line(target, lang, shown(target, target.bad, lang)),
                     self.kv_line(target, lang, shown(target, target.good, lang))]
            files, text = self.carrier_files(carrier, target, pid, None, lines)
            fmt = carrier
            control, _ = self.carrier_files(carrier, target, pid + "-ctl", None, lines[1:])
            return Case("duplicate_key", "pdf_repeated_label", carrier, target.category, files, [target.clause],
                        text, control=control, target=target.field)
        control, _ = self.carrier_files(fmt, target, pid + "-ctl", target.good) if fmt != "csv" else (
            {f"{pid}-ctl.csv": csv_row(target.category, pid + "-ctl", {target.field: good}, target.drop)}, "")
        snippet = extra.strip().replace("\n", " ⏎ ") if fmt != "csv" else text.strip().replace("\n", " | ")
        return Case("duplicate_key", carrier, fmt, target.category, files, [target.clause], snippet, control=control,
                    target=target.field)

    @staticmethod
    def plain(target: Target, value: float) -> Any:
        """A record value: a bare number in the field's canonical unit, or text with the unit."""
        if target.unit in ("", "%", "grade", "mg/kg", "mg", "dB(A)", "L/kWh", "Mbps/W", "W/Gbps", "g/kWh", "W"):
            return int(value) if target.kind == "grade" else value
        return f"{value} {target.unit}"

    # -- 5. the document's limit printed as a requirement column ------------------------------------------

    HEADERS: ClassVar[list[Any]] = [
        ("zh", ["序号", "检验项目", "标准要求", "检验结果", "单项判定"], (1, 2, 3, 4)),
        ("zh", ["检验项目", "技术要求", "检验结果"], (0, 1, 2, None)),
        ("zh", ["检测项目", "限值", "检测结果"], (0, 1, 2, None)),
        ("zh", ["检验项目", "检验结果", "标准要求"], (0, 2, 1, None)),
        ("zh", ["项目", "要求值", "实测值", "结论"], (0, 1, 2, 3)),
        ("en", ["Item", "Requirement", "Result", "Verdict"], (0, 1, 2, 3)),
        ("en", ["Test item", "Limit", "Measured"], (0, 1, 2, None)),
        ("en", ["Parameter", "Result", "Threshold"], (0, 2, 1, None)),
        ("en", ["Test", "Permissible limit", "Test result", "Conclusion"], (0, 1, 2, 3)),
    ]

    def requirement_column(self) -> Case:
        target = self.pick(self.targets(pdf=True))
        lang, header, (label_at, req_at, result_at, verdict_at) = self.pick(self.HEADERS)
        symbol = {">=": "≥", "<=": "≤", "<": "<"}[target.op]
        limit_text = shown(target, target.limit, lang)
        requirement_kind = self.pick(["limit", "bare_limit", "better"])
        requirement = {"limit": f"{symbol}{limit_text}", "bare_limit": limit_text,
                       "better": shown(target, target.good, lang)}[requirement_kind]
        if target.kind == "grade":
            requirement = {"limit": ("2级及以上" if target.limit == 2 else "1级") if lang == "zh" else
                           f"Grade {target.limit:g} or better", "bare_limit": limit_text,
                           "better": shown(target, target.good, lang)}[requirement_kind]
        result_kind = self.pick(["fail", "fail", "fail", "missing"])
        result = shown(target, target.bad, lang) if result_kind == "fail" else self.pick(
            ["——", "/", "见附表" if lang == "zh" else "see annex", ""])

        def row(result_text: str, verdict: str) -> list[str]:
            cells = [""] * len(header)
            if label_at:
                cells[0] = "1"
            cells[label_at] = target.zh if lang == "zh" else target.en
            cells[req_at], cells[result_at] = requirement, result_text
            if verdict_at is not None:
                cells[verdict_at] = verdict
            return cells

        fail_word, pass_word = ("不合格", "合格") if lang == "zh" else ("Fail", "Pass")
        pid = self.pid("req")
        draw = self.rng.random()
        if draw < 0.15 and target.kind != "grade":  # a stricter limit of the supplier's own, its word after the number
            words = ["（企业内控标准）", "（管控值）", "（允许值）", "（客户要求）"] if lang == "zh" else \
                ["(internal limit)", "(threshold)", "(customer requirement)", "permitted", "(MCV)", "(allowed)"]
            word = self.pick(words)
            label = target.zh if lang == "zh" else target.en
            good = shown(target, target.good, lang)
            line = f"{label}：{good}{word}" if lang == "zh" else f"{label}: {good} {word}"
            files = {f"{pid}.pdf": self.sheet(target, lang, pid).line(line).render()}
            control = {f"{pid}-ctl.pdf": self.sheet(target, lang, pid + "-ctl").line(
                self.kv_line(target, lang, good)).render()}
            return Case("requirement_column", "limit_word_after", f"pdf-{lang}", target.category, files,
                        [target.clause], line, control=control, target=target.field)
        if draw < 0.35:  # the limit inside the label of a key-value line
            words = ["标准要求", "技术要求", "限值"] if lang == "zh" else ["requirement", "limit", "threshold"]
            word = self.pick(words)
            label = target.zh if lang == "zh" else target.en
            line = (f"{label}（{word}{requirement}）：{result}" if lang == "zh" else
                    f"{label} ({word} {requirement}): {result}")
            files = {f"{pid}.pdf": self.sheet(target, lang, pid).line(line).render()}
            good_line = line.replace(f"：{result}", "：" + shown(target, target.good, lang)) if lang == "zh" else \
                line.replace(f": {result}", ": " + shown(target, target.good, lang))
            control = {f"{pid}-ctl.pdf": self.sheet(target, lang, pid + "-ctl").line(good_line).render()}
            return Case("requirement_column", f"label_{requirement_kind}_{result_kind}", f"pdf-{lang}",
                        target.category, files, [target.clause], line, control=control, target=target.field)
        rows = [header, row(result, fail_word)]
        files = {f"{pid}.pdf": self.sheet(target, lang, pid).table(rows).render()}
        good_rows = [header, row(shown(target, target.good, lang), pass_word)]
        control = {f"{pid}-ctl.pdf": self.sheet(target, lang, pid + "-ctl").table(good_rows).render()}
        return Case("requirement_column", f"{header[req_at]}_{requirement_kind}_{result_kind}", f"pdf-{lang}",
                    target.category, files, [target.clause], " | ".join(header) + " ⏎ " + " | ".join(rows[1]),
                    control=control, target=target.field)

    # -- 6. invisible text with a better value ------------------------------------------------------------

    def invisible_text(self) -> Case:
        target = self.pick(self.targets(pdf=True))
        lang = self.pick(["en", "zh"])
        mode = self.pick(HIDDEN_MODES)
        placement = self.pick(["separate_line", "overlay", "hidden_only", "table_row", "annotation", "leading_digit",
                               "struck"])
        if placement == "leading_digit" and target.kind != "concentration":
            placement = "annotation"
        pid = self.pid("hide")
        bad, good = shown(target, target.bad, lang), shown(target, target.good, lang)
        label = target.zh if lang == "zh" else target.en
        sheet = self.sheet(target, lang, pid)
        if placement == "separate_line":
            sheet.kv(label, bad).kv(label, good, hidden=mode)
            snippet = f"visible '{label}: {bad}' + {mode} '{label}: {good}'"
        elif placement == "overlay":
            sheet.line(self.kv_line(target, lang, bad), overlay=(good, mode))
            snippet = f"visible '{label}: {bad}' + {mode} '{good}' right after it"
        elif placement == "hidden_only":
            sheet.kv(label, good, hidden=mode)
            snippet = f"only {mode} '{label}: {good}'"
        elif placement == "table_row":
            head = ["参数", "数值"] if lang == "zh" else ["Parameter", "Value"]
            sheet.table([head, [label, bad], [label, good]], hidden_rows={2: mode})
            snippet = f"table row '{label} | {bad}' + {mode} row '{label} | {good}'"
        elif placement == "leading_digit":  # "1" + a passing concentration, the "1" under a white box: no "200"
            sheet.kv(label, "1" + good)
            mode, snippet = "white_box", f"'{label}: 1{good}' with its leading '1' under a white box"
        elif placement == "struck":  # the value printed with a line through it: withdrawn
            sheet.kv(label, good)
            mode, snippet = "line", f"'{label}: {good}' with {good!r} struck through"
        else:  # the value printed, then a filled box laid over it (an unapplied redaction): a reader sees no value
            sheet.kv(label, good)
            mode, snippet = "black_box", f"'{label}: {good}' with {good!r} under a filled square annotation"
        control = {f"{pid}-ctl.pdf": self.sheet(target, lang, pid + "-ctl").kv(label, good).render()}
        rendered = sheet.render()
        if placement == "annotation":
            rendered = cover_with_annotation(rendered, good)
        elif placement == "leading_digit":
            rendered = cover_with_white_box(rendered, "1" + good)
        elif placement == "struck":
            rendered = strike_through(rendered, good)
        return Case("invisible_text", f"{mode}_{placement}", f"pdf-{lang}", target.category,
                    {f"{pid}.pdf": rendered}, [target.clause], snippet, control=control, target=target.field)

    # -- 7. a method or standard number beside a substance's value ----------------------------------------

    METHODS: ClassVar[list[str]] = [
        "EPA 3052", "EPA 3060A", "EPA 7196A", "IEC 62321-4:2013", "IEC 62321-5:2013", "IEC 62321-7-2:2017",
               "IEC 62321-3-1", "GB/T 26572-2011", "GB/T 39560.5-2021", "GB/T 39560.4", "EN 62321-5", "EPA 8270E"]

    def method_number(self) -> Case:
        target = self.pick(self.targets(("concentration",)))
        lang = self.pick(["en", "zh"])
        method = self.pick(self.METHODS)
        label = target.zh if lang == "zh" else target.en
        bad = shown(target, target.bad, lang)
        good = shown(target, target.good, lang)
        options = ["after", "before", "table", "table_method_last", "no_result", "record", "record_nd_mdl"]
        if target.limit < 50:
            options.append("nd_mdl_above")
        variant = self.pick(options)
        pid = self.pid("meth")
        sep = "：" if lang == "zh" else ": "
        if variant == "record":
            fmt = self.pick(["yaml", "json"])
            value = f"{num(target.bad, target.decimals)} {target.unit} ({method})"
            files, snippet = self.carrier_files(fmt, target, pid, value)
            control, _ = self.carrier_files(fmt, target, pid + "-ctl", f"{num(target.good, target.decimals)} "
                                            f"{target.unit} ({method})")
            return Case("method_number", "record_string", fmt, target.category, files, [target.clause], snippet,
                        control=control, target=target.field)

        if variant == "record_nd_mdl":  # a record's or catalog's non-detect proves the limit only under its MDL
            fmt = self.pick(["yaml", "json", "csv"])
            form = self.pick(["ND (MDL {} {})", "N.D. (<{} {})", "未检出（检出限 {} {}）",
                              "ND (RL: {} {}) (" + method + ")", "not detected (LOQ {} {})"])
            above, under = (form.format(f"{mdl:g}", target.unit) for mdl in (target.limit * 5, target.limit / 5))
            files, snippet = self.carrier_files(fmt, target, pid, above)
            control, _ = self.carrier_files(fmt, target, pid + "-ctl", under)
            return Case("method_number", variant, fmt, target.category, files, [target.clause], snippet,
                        control=control, target=target.field)

        def sheet_for(value: str, name: str, mdl: float) -> Sheet:
            sheet = self.sheet(target, lang, name)
            if variant == "after":
                sheet.line(f"{label}{sep}{value} ({method})")
            elif variant == "before":
                sheet.line(f"{label}, {method}{sep}{value}")
            elif variant in ("table", "no_result"):
                head = ["检测项目", "检测方法", "检测结果"] if lang == "zh" else ["Test item", "Method", "Result"]
                sheet.table([head, [label, method, value]])
            elif variant == "table_method_last":
                head = ["检测项目", "检测结果", "检测依据"] if lang == "zh" else ["Substance", "Result", "Test method"]
                sheet.table([head, [label, value, method]])
            else:  # nd_mdl: a non-detect proves the limit only if its detection limit is under it
                sheet.line(f"{label}{sep}ND (MDL {mdl:g} {target.unit}, {method})" if lang == "en" else
                           f"{label}{sep}未检出（检出限 {mdl:g} {target.unit}，{method}）")
            return sheet

        value = bad if variant != "no_result" else self.pick(["/", "——", "see annex" if lang == "en" else "见附件"])
        sheet = sheet_for(value, pid, target.limit * 5)
        snippet = " / ".join(str(b[1]) for b in sheet.blocks)[:200]
        control_sheet = sheet_for(good, pid + "-ctl", target.limit / 5)
        return Case("method_number", variant, f"pdf-{lang}", target.category, {f"{pid}.pdf": sheet.render()},
                    [target.clause], snippet, control={f"{pid}-ctl.pdf": control_sheet.render()}, target=target.field)

    # -- 8. two products in one file ----------------------------------------------------------------------

    def two_products(self) -> Case:
        target = self.pick(self.targets())
        variant = self.carrier(["json_list", "yaml_list", "json_wrapper", "yaml_wrapper", "yaml_multidoc",
                                "csv_rows", "pdf_two_models"], target.pdf)
        order = self.pick(["fail_first", "pass_first"])
        first_kind = self.pick(["failing", "missing"])
        a, b = self.pid("two"), self.pid("two")
        if variant == "pdf_two_models":
            lang = self.pick(["en", "zh"])
            head = ["型号", a, b] if lang == "zh" else ["Model", a, b]
            bad, good = shown(target, target.bad, lang), shown(target, target.good, lang)
            cells = [bad, good] if order == "fail_first" else [good, bad]
            rows = [head, [target.zh if lang == "zh" else target.en, *cells]]
            files = {f"{a}.pdf": self.sheet(target, lang, f"{a} / {b}").table(rows).render()}
            control = {f"{a}-ctl.pdf": self.sheet(target, lang, b).kv(
                target.zh if lang == "zh" else target.en, good).render()}
            return Case("two_products", f"{variant}_{order}", f"pdf-{lang}", target.category, files,
                        [target.clause], " | ".join(rows[0]) + " ⏎ " + " | ".join(rows[1]), mode="check",
                        control=control, target=target.field)
        failing = record(target.category, a, {target.field: None if first_kind == "missing" else
                                              self.plain(target, target.bad)}, target.drop)
        passing = record(target.category, b, {target.field: self.plain(target, target.good)}, target.drop)
        pair = [failing, passing] if order == "fail_first" else [passing, failing]
        fmt = "csv" if variant == "csv_rows" else variant.split("_")[0]
        if variant == "csv_rows":
            rows = [{k: v for k, v in r.items() if k != "id"} for r in pair]
            columns = list(dict.fromkeys([*SERVER_COLUMNS, target.field])) if target.category == "server" else \
                list(dict.fromkeys(k for r in rows for k in r))
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            writer.writerow(columns)
            for r in rows:
                writer.writerow(["false" if r.get(k) is False else r.get(k, "") for k in columns])
            text = buffer.getvalue()
        elif variant.endswith("wrapper"):
            text = dump({"products": pair}, fmt)
        elif variant == "yaml_multidoc":
            text = "---\n".join(dump(r, "yaml") for r in pair)
        else:
            text = dump(pair, fmt)
        control_text = dump(passing, "json" if fmt == "json" else "yaml") if fmt != "csv" else csv_row(
            target.category, b, {target.field: self.plain(target, target.good)}, target.drop)
        return Case("two_products", f"{variant}_{order}_{first_kind}", fmt, target.category, {f"{a}.{fmt}": text},
                    [target.clause], f"[{a}: {target.field}={'(absent)' if first_kind == 'missing' else target.bad}, "
                    f"{b}: {target.field}={target.good}] order {order}", judged_ids=[a], expect_ids=[a, b],
                    mode="audit" if fmt == "csv" else "both", control={f"{b}-ctl.{fmt}": control_text},
                    target=target.field)

    # -- 9. invalid or conflicting intervals --------------------------------------------------------------

    def interval(self) -> Case:
        target = self.pick(self.targets(("measure", "concentration")))
        fmt = self.pick(["yaml", "json"])
        limit, good, bad = target.limit, target.good, target.bad
        lo_good, hi_good = sorted([good, good + (abs(good - limit) * 0.5 if not target.lower_is_better else
                                                 -abs(good - limit) * 0.5)])
        if target.lower_is_better:
            lo_good = max(lo_good, 0.0)
        variant = self.pick(["inverted", "inverted_straddle", "nan_low", "nan_high", "inf_both", "nan_point",
                             "inf_point", "conflict_point", "conflict_point_reversed", "value_and_interval",
                             "straddle"])
        inf = math.inf if not target.lower_is_better else -math.inf  # the direction a bare bound would "pass"
        value: Any = {
            "inverted": {"low": hi_good, "high": lo_good} if hi_good > lo_good else {"low": good + 1, "high": good},
            "inverted_straddle": {"low": max(good, bad), "high": min(good, bad)},
            "nan_low": {"low": math.nan, "high": hi_good},
            "nan_high": {"low": lo_good, "high": math.nan},
            "inf_both": {"low": inf, "high": inf},
            "nan_point": {"value": math.nan},
            "inf_point": {"value": inf},
            "conflict_point": [{"low": lo_good, "high": hi_good}, {"value": bad}],
            "conflict_point_reversed": [{"value": bad}, {"low": lo_good, "high": hi_good}],
            "value_and_interval": {"value": bad, "low": lo_good, "high": hi_good},
            "straddle": {"low": min(good, bad), "high": max(good, bad)},
        }[variant]
        if variant == "inverted" and value["low"] == value["high"]:
            value = {"low": good + 0.5, "high": good}
        unit = record_unit(target)
        for item in value if isinstance(value, list) else [value]:
            if unit:
                item["unit"] = unit
        pid = self.pid("intv")
        files, snippet = self.carrier_files(fmt, target, pid, value)
        honest = {"low": lo_good, "high": hi_good, **({"unit": unit} if unit else {})}
        control, _ = self.carrier_files(fmt, target, pid + "-ctl", honest)
        return Case("interval", variant, fmt, target.category, files, [target.clause], snippet, control=control,
                    target=target.field)

    # -- 10. within 1e-9 on the failing side of a limit ---------------------------------------------------

    def near_limit(self) -> Case:
        step = Decimal(self.pick(["1e-10", "4e-10", "9e-10", "2e-10"]))
        if self.rng.random() < 0.2:
            return self.near_limit_derived(step)
        target = self.pick(self.targets(("measure", "concentration")))
        limit = Decimal(repr(target.limit))
        if target.op == ">=":
            value = limit - step
        elif target.op == "<=":
            value = limit + step
        else:  # "<": the limit itself already fails
            value = self.pick([limit, limit + step])
        text = format(value.normalize(), "f")
        if float(text) == target.limit and target.op != "<":
            text = format(value, "f")
        assert target.op == "<" or float(text) != target.limit, text
        carrier = self.carrier(["yaml", "json", "yaml-str", "csv", "pdf-en", "pdf-zh"], target.pdf)
        unit = record_unit(target)
        at_limit = format(limit.normalize(), "f") if target.op != "<" else num(target.good, target.decimals)
        if carrier in ("yaml", "json"):
            return self.simple("near_limit", f"number_{target.op}", carrier, target, float(text), float(at_limit))
        if carrier in ("yaml-str", "csv"):
            fmt = "yaml" if carrier == "yaml-str" else "csv"
            return self.simple("near_limit", f"text_{target.op}", fmt, target,
                               f"{text} {unit}".strip() if unit != "%" else text + "%",
                               f"{at_limit} {unit}".strip() if unit != "%" else at_limit + "%")
        lang = carrier[-2:]
        return self.simple("near_limit", f"pdf_{target.op}", carrier, target, with_unit(text, target.unit, lang),
                           with_unit(at_limit, target.unit, lang),
                           lambda v: [self.kv_line(target, lang, v)])

    def near_limit_derived(self, step: Decimal) -> Case:
        """Inputs whose computed result is within ``step`` on the failing side (W/Gbps, TEER, W/outlet, %)."""
        name = self.pick(["fw_ppt", "teer", "outlet_power", "recyclability_mass"])
        derived = next(d for d in DERIVED if d.name == name)
        if name == "fw_ppt":  # 23 W/Gbps at 15 Gbps is 345 W
            changes = {"fw_power": f"{Decimal(345) + step * 15} W"}
        elif name == "teer":  # 300 Mbps/W: Td = 300 × Pw; Pw = 0.1·61 + 0.8·66.5 + 0.1·76.1 = 66.91 W
            changes = {"max_throughput": f"{Decimal('20073') - step} Mbps"}
        elif name == "outlet_power":  # 0.5 W × 8 outlets
            changes = {"pdu_power": f"{Decimal(4) + step * 8} W"}
        else:  # 80 % of 12000 g
            changes = {"recyclable_mass": f"{Decimal(9600) - step * 120} g"}
        carrier = self.carrier(["yaml", "json", "csv", "pdf-en", "pdf-zh"], derived.pdf)
        return self.derived_case("near_limit", f"computed:{name}", derived, carrier, changes)

    # -- 11. an ambiguous decimal comma -------------------------------------------------------------------

    # "d,ddd": the decimal reading passes, the thousands reading fails and is itself a plausible value
    COMMA_BOTH_PLAUSIBLE: ClassVar[dict[str, str]] = {
        "pb": "1,200", "hg": "1,050", "cd": "1,500", "cr6": "2,400", "bap": "1,200",
                            "pah15_sum": "3,100", "battery_hg": "1,000", "battery_cd": "3,000",
                            "battery_pb": "12,000", "backlight_hg": "1,500"}

    # A value in another unit under a label that names the field's ("Max power consumption (W): 280 kcal/h" is 326 W;
    # "(L/h): 95 gph" is 360 L/h): its unit is the number's, never dropped for the label's. The control prints the
    # number alone, in the label's unit, where it passes.
    FOREIGN_UNITS: ClassVar[list[tuple[str, list[str], str, str, list[str]]]] = [
        ("firewall", ["Next-generation firewall NGF-300", "IPv4 throughput, 64-byte frames (Gbps): 60",
                      "Dimensions (W x H x D): 440 x 44 x 300 mm"], "Max power consumption (W)", "280",
         ["kcal/h", "kcal/hr", "amps", "A", "VA·h"]),
        ("generator", ["Diesel generator set C400", "Rated power: 400 kW", "Fuel: diesel"],
         "Fuel consumption at 100% load (L/h)", "95", ["US gph", "gph", "gal/hr", "Imp gal/hr", "gallons/h"]),
    ]

    def foreign_unit(self) -> Case:
        category, lines, label, number, units = self.pick(self.FOREIGN_UNITS)
        unit = self.pick(units)
        clause = "6.2.4/power-per-throughput" if category == "firewall" else "6.3.5/fuel-consumption"
        pid = self.pid("unit")

        def sheet(name: str, value: str) -> bytes:
            page = Sheet(category, "en", name, context=False)
            for line in lines[1:]:
                page.line(line)
            return page.kv(label, value).render()

        return Case("decimal_comma", f"foreign_unit_{category}", "pdf-en", category,
                    {f"{pid}.pdf": sheet(pid, f"{number} {unit}")}, [clause], f"{label}: {number} {unit}",
                    control={f"{pid}-ctl.pdf": sheet(pid + "-ctl", number)}, target=clause)

    def decimal_comma(self) -> Case:
        draw = self.rng.random()
        if draw < 0.1:
            return self.foreign_unit()
        if draw < 0.2:
            return self.datacentre_comma()
        if draw < 0.3:
            return self.scientific()
        variant = self.pick(["comma3_both_plausible", "comma3_both_plausible", "comma3_thousands_impossible",
                             "efficiency_1,500", "dot3_both_plausible"])
        if variant in ("comma3_both_plausible", "dot3_both_plausible"):  # "1.200": 1.2 or 1200 (a European catalog)
            target = self.pick([t for t in TARGETS if t.field in self.COMMA_BOTH_PLAUSIBLE])
            text = self.COMMA_BOTH_PLAUSIBLE[target.field]
            text = text.replace(",", ".") if variant.startswith("dot") else text
        elif variant == "comma3_thousands_impossible":  # "95,100 %": 95.1 or 95 100 % (impossible)
            # (not TEER: 420 and 420 000 Mbps/W both pass, so the comma changes nothing there)
            target = self.pick([t for t in self.targets(("measure",)) if t.good >= 1 and t.field != "teer"])
            whole, _, frac = f"{target.good:.3f}".partition(".")
            text = f"{whole},{frac}"
        else:  # the brief's "1,500" as an efficiency: 1.5 % or 1500 %, neither proves anything
            target = self.pick([t for t in TARGETS if t.field.startswith("psu_efficiency")])
            text = "1,500"
        carrier = self.carrier(["yaml", "json", "csv", "pdf-en", "pdf-zh"], target.pdf)
        unit = record_unit(target)
        value = text + ("%" if unit == "%" else f" {unit}" if unit else "")
        good = num(target.good, target.decimals) + ("%" if unit == "%" else f" {unit}" if unit else "")
        if carrier.startswith("pdf"):
            lang = carrier[-2:]
            return self.simple("decimal_comma", variant, carrier, target, with_unit(text, target.unit, lang),
                               shown(target, target.good, lang), lambda v: [self.kv_line(target, lang, v)])
        return self.simple("decimal_comma", variant, carrier, target, value, good)

    def scientific(self) -> Case:
        """A concentration over its limit in a laboratory's scientific notation ("1.2E+03 mg/kg", "1.2×10³"): the
        exponent is no number of its own; the control prints the good value so."""
        target = self.pick(self.targets(("concentration",)))
        form = self.pick(["{m}E+{e:02d}", "{m}e{e}", "{m}×10^{e}", "{m} x 10^{e}", "{m}×10{sup}"])
        carrier = self.carrier(["yaml", "json", "csv", "pdf-en", "pdf-zh"], target.pdf)
        if "10" in form and not carrier.startswith("pdf"):  # a record's cell takes E notation only
            form = "{m}E+{e:02d}"

        def sci(value: float) -> str:
            exponent = max(0, len(str(int(value))) - 1)
            mantissa = f"{value / 10 ** exponent:.3g}"
            sup = str(exponent).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
            return form.format(m=mantissa, e=exponent, sup=sup)

        unit = record_unit(target)
        if carrier.startswith("pdf"):
            lang = carrier[-2:]
            return self.simple("decimal_comma", "scientific", carrier, target, with_unit(sci(target.bad), target.unit,
                                                                                         lang),
                               with_unit(sci(target.good), target.unit, lang),
                               lambda v: [self.kv_line(target, lang, v)])
        return self.simple("decimal_comma", "scientific", carrier, target, f"{sci(target.bad)} {unit}".strip(),
                           f"{sci(target.good)} {unit}".strip())

    def datacentre_comma(self) -> Case:
        """A T/CA305 data-centre record: "8,5 GWh" is 8.5 GWh (one digit after the comma cannot be thousands),
        so water 23 000 m³ gives WUE 2.71 L/kWh (fails <= 2.5); read as 85 GWh it would pass."""
        fmt = self.pick(["yaml", "json"])
        pid = self.pid("dcom")
        it_energy = self.pick(["8,5 GWh", "8,5GWh", "8500,0 MWh"])

        def dc(it: str, water: str) -> str:
            return dump({"id": pid, "name": "突变测试数据中心", "climate_zone": "其他", "size_class": "中型",
                         "years_in_operation": 3, "year": 2025, "energy": {"electricity": "10.5 GWh"},
                         "it_energy": it, "water": water}, fmt)

        text = dc(it_energy, "23000 m3")
        return Case("decimal_comma", "datacentre_record", fmt, "datacenter", {f"{pid}.{fmt}": text}, ["5.3/wue"],
                    f"it_energy: {it_energy}, water: 23000 m3, electricity 10.5 GWh",
                    control={f"{pid}-ctl.{fmt}": dc("8.5 GWh", "12000 m3")}, target="it_energy")

    # -- 13. a reading under a test condition the document does not state ---------------------------------

    # Appendix F measures a firewall's IPv4 throughput with 64-byte frames. A throughput printed with no frame size
    # (vendors' headline figures are for 1518-byte frames, several times the 64-byte one) puts the firewall in a
    # higher tier, with more volume and fewer W per Gbps allowed: 280 W at 60 Gbps is 4.7 W/Gbps (≤ 5 above 40G)
    # and 440 × 500 × 88 mm is 19.4 dm³ (≤ 36 above 40G); the control prints the same figure as a 64-byte one.
    UNSTATED_LABELS: ClassVar[dict[str, list[str]]] = {
        "en": ["Firewall throughput", "Throughput", "IPv4 throughput", "Maximum throughput",
               "Firewall throughput (UDP)", "Throughput (RFC 2544)"],
        "zh": ["防火墙吞吐量", "吞吐量", "IPv4吞吐量", "最大吞吐量", "防火墙吞吐量（UDP）"]}
    OTHER_FRAME_LINES: ClassVar[dict[str, list[str]]] = {
        "en": ["Test traffic: 1518-byte UDP frames", "Throughput measured with 1518-byte packets",
               "Frame sizes tested: 64, 512 and 1518 bytes", "Traffic mix: IMIX"],
        "zh": ["测试流量：1518字节UDP报文", "测试包长：64、512、1518字节", "流量模型：IMIX混合流量"]}
    FIREWALL_SIZE: ClassVar[dict[str, str]] = {"fw_power": "280.0 W", "length": "440.0 mm", "height": "88.0 mm",
                                               "depth": "500.0 mm"}

    # A PC's sound pressure (LpAm at the bystander position) is 8-12 dB below its sound power: whichever the limit
    # means, the noise is at least the sound pressure printed, never known to be below the limit from it.
    PRESSURE_LABELS: ClassVar[dict[str, list[tuple[str, str]]]] = {
        "en": [("Sound pressure level LpAm, idle", "Sound power level LWA, idle"),
               ("Idle noise (sound pressure, bystander position)", "Idle noise (sound power)"),
               ("LpA idle", "LWA idle")],
        "zh": [("空闲状态声压级", "空闲状态声功率级"),
               ("空闲状态噪声（声压级，旁站位置）", "空闲状态噪声（声功率级）")]}

    # A data centre's PUE is the year's (3.2, GB 40879); a month's, a season's, the best, a partial, an instantaneous
    # or a design PUE is lower than the year's and is no reading of it.
    PERIOD_PUE: ClassVar[dict[str, list[str]]] = {
        "en": ["PUE (January {y})", "PUE, best month", "Minimum PUE", "Winter PUE", "Partial PUE (IT room)",
               "pPUE (cooling)", "Instantaneous PUE", "Design PUE", "PUE (Q1 {y})", "Monthly PUE, February {y}"],
        "zh": ["{y}年1月PUE", "冬季PUE", "最低PUE", "局部PUE（制冷）", "设计PUE", "月度PUE（{y}年2月）", "实时PUE"]}
    ANNUAL_PUE: ClassVar[dict[str, list[str]]] = {
        "en": ["Annual PUE ({y})", "PUE (12 months to December {y})", "PUE, calendar year {y}"],
        "zh": ["{y}年年均PUE", "全年PUE（{y}年1月至12月）", "年度PUE"]}

    def period_pue(self) -> Case:
        lang = self.pick(["en", "zh"])
        year = self.pick(["2024", "2025"])
        label = self.pick(self.PERIOD_PUE[lang]).format(y=year)
        annual = self.pick(self.ANNUAL_PUE[lang]).format(y=year)
        value = self.pick(["1.18", "1.21", "1.12", "1.26"])
        return self.label_case(f"period_pue_{lang}", "datacenter", lang, (label, annual), value, "5.1/pue", "pue")

    # Another quantity than the limit's, printed under a label that names it: (category, clause, value, the label of
    # the mutated row, the label of the control's), by language. An average transmittance is at least the minimum; a
    # recycled share that is pre-consumer, combined or unstated is no post-consumer share; a typical efficiency is no
    # measured or guaranteed one; a recoverability rate counts energy recovery; a monitor's or an adapter's grade, or
    # a grade under the monitors' standard, is not a PC's; 8 PAHs sum to less than 15.
    OTHER_QUANTITY: ClassVar[list[tuple[str, str, str, dict[str, list[tuple[str, str]]]]]] = [
        ("cable", "6.3.6/smoke-transmittance", "75%", {
            "en": [("Light transmittance (average)", "Minimum light transmittance"),
                   ("Maximum light transmittance", "Minimum light transmittance")],
            "zh": [("平均透光率", "烟气最小透光率"), ("烟气透光率（最大值）", "烟气最小透光率")]}),
        ("desktop", "6.2.2/recycled-plastic", "5%", {
            "en": [("Recycled plastic content (pre-consumer)", "Post-consumer recycled plastic share"),
                   ("Recycled plastic (pre- and post-consumer combined)", "Post-consumer recycled plastic share"),
                   ("Recycled plastic content", "Post-consumer recycled plastic content"),
                   ("Post-industrial recycled plastic", "PCR plastic share")],
            "zh": [("消费前再生塑料比例", "消费后再生塑料使用比例"), ("再生塑料比例", "消费后再生塑料比例"),
                   ("外壳消费后再生塑料比例", "消费后再生塑料比例")]}),
        ("desktop", "6.2.2/desktop-noise-idle", "22.0 dB(A)", {
            "en": [("Idle noise (silent mode)", "Idle noise"), ("Idle noise (fans at minimum speed)", "Idle noise"),
                   ("Idle noise per fan", "Idle noise")],
            "zh": [("空闲状态噪声（静音模式）", "空闲状态噪声")]}),
        ("server", "6.2.1/psu-eff-50", "96.0%", {
            "en": [("Typical PSU efficiency at 50% load", "PSU efficiency at 50% load"),
                   ("PSU efficiency at 50% load (typical)", "PSU efficiency at 50% load (measured)"),
                   ("PSU efficiency at 50% load, nominal", "PSU efficiency at 50% load"),
                   ("PSU efficiency at 50% load (design goal)", "PSU efficiency at 50% load"),
                   ("Simulated PSU efficiency at 50% load", "PSU efficiency at 50% load"),
                   ("PSU efficiency at 50% load (not tested; from similar model)", "PSU efficiency at 50% load"),
                   ("Competitor's PSU efficiency at 50% load", "PSU efficiency at 50% load"),
                   ("PSU efficiency at 50% load (previous generation)", "PSU efficiency at 50% load")],
            "zh": [("50%负载电源效率（典型值）", "50%负载电源效率（实测值）"),
                   ("50%负载典型电源效率", "50%负载电源效率"), ("50%负载电源效率（目标值）", "50%负载电源效率"),
                   ("50%负载电源效率（未测试）", "50%负载电源效率（实测值）"),
                   ("竞品50%负载电源效率", "50%负载电源效率"), ("上一代产品50%负载电源效率", "50%负载电源效率")]}),
        ("server", "6.2.1/recyclability", "92%", {
            "en": [("Recyclability (incl. energy recovery)", "Recyclability rate"),
                   ("Recoverability rate (recyclability)", "Recyclability rate")],
            "zh": [("可再生利用率（含能量回收）", "产品可再生利用率")]}),
        ("desktop", "6.2.2/pc-energy-grade", "1", {
            "en": [("Monitor energy efficiency grade", "Energy efficiency grade (GB 28380)"),
                   ("Energy efficiency grade (GB 21520)", "Energy efficiency grade (GB 28380)"),
                   ("Power adapter energy efficiency grade", "Energy efficiency grade")],
            "zh": [("显示器能效等级", "能效等级（GB 28380）"), ("电源适配器能效等级", "整机能效等级"),
                   ("能效等级（GB 21520-2015）", "能效等级（GB 28380-2012）")]}),
        ("datacenter", "5.1/pue", "1.18", {
            "en": [("Target PUE", "Annual PUE"), ("PUE (estimated)", "Annual PUE"),
                   ("Expected annual PUE", "Annual PUE"), ("Planned PUE", "PUE"),
                   ("Industry average PUE", "Annual PUE"), ("PUE of the leading competitor", "Annual PUE"),
                   ("PUE before the retrofit", "Annual PUE"), ("PUE reduced by", "Annual PUE"),
                   ("Annual PUE, change year on year", "Annual PUE"), ("Data hall A annual PUE", "Annual PUE")],
            "zh": [("目标PUE", "年均PUE"), ("规划PUE", "年度PUE"), ("预计年均PUE", "年均PUE"),
                   ("行业平均PUE", "年均PUE"), ("改造前PUE", "年度PUE")]}),
        ("server", "6.1.11/pb", "50 mg/kg", {
            "en": [("Lead (Pb), whole product", "Lead (Pb)"),
                   ("Lead (Pb) (of total product weight)", "Lead (Pb) in homogeneous materials"),
                   ("Lead (Pb) migration", "Lead (Pb)"), ("Extractable lead (Pb)", "Lead (Pb) content")],
            "zh": [("铅(Pb)整机含量", "铅(Pb)"), ("铅(Pb)（按产品总重）", "铅(Pb)（均质材料）"),
                   ("铅(Pb)可迁移量", "铅(Pb)")]}),
        ("generator", "6.3.5/noise", "101 dB(A)", {
            "en": [("Maximum noise at 1 m, 75% load", "Maximum noise at 1 m"),
                   ("Maximum noise at 1 m (no load)", "Maximum noise at 1 m (rated output)")],
            "zh": [("运行最大噪声（75%负载）", "运行最大噪声"), ("运行最大噪声（空载）", "运行最大噪声（额定工况）")]}),
        ("desktop", "6.2.2/pah15", "3 mg/kg", {
            "en": [("Sum of PAHs (8 PAHs, REACH)", "Sum of 15 PAHs")],
            "zh": [("8种多环芳烃总和", "15项多环芳烃总和"), ("8项多环芳烃总量", "多环芳烃总和")]}),
    ]

    def other_quantity(self) -> Case:
        lang = self.pick(["en", "zh"])
        category, clause, value, labels = self.pick(self.OTHER_QUANTITY)
        return self.label_case(f"other_quantity_{category}_{lang}", category, lang, self.pick(labels[lang]), value,
                               clause, clause)

    # A document that says all its values are typical: every reading in it is a typical one, not measured or
    # guaranteed; the control says nothing of the kind.
    TYPICAL_DISCLAIMERS: ClassVar[dict[str, list[str]]] = {
        "en": ["All values are typical unless otherwise noted.", "Specifications shown are typical values.",
               "Note: data given are typical at 25 °C.", "PRELIMINARY DATASHEET - specifications subject to change",
               "Advance information (rev 0.3)", "DRAFT - not for certification"],
        "zh": ["注：以上数据均为典型值。", "表中参数为典型值，仅供参考。", "产品规格书（征求意见稿）",
               "检验报告（草稿）"]}
    TYPICAL_READINGS: ClassVar[list[tuple[str, str, str, dict[str, str]]]] = [
        ("server", "6.2.1/psu-eff-50", "96.0%", {"en": "PSU efficiency at 50% load", "zh": "50%负载电源效率"}),
        ("switch", "6.2.3/noise-attended", "6.1 B", {"en": "Declared sound power LwAd", "zh": "声功率级"}),
        ("generator", "6.3.5/fuel-consumption", "205 g/kWh",
         {"en": "Fuel consumption rate at rated power", "zh": "额定功率燃油消耗率"}),
    ]

    def typical_disclaimer(self) -> Case:
        lang = self.pick(["en", "zh"])
        category, clause, value, labels = self.pick(self.TYPICAL_READINGS)
        note = self.pick(self.TYPICAL_DISCLAIMERS[lang])
        extra = ["Rated power: 400 kW" if lang == "en" else "额定功率：400 kW"] if category == "generator" else []
        return self.label_case(f"typical_disclaimer_{lang}", category, lang, (labels[lang], labels[lang]), value,
                               clause, clause, lines=([*extra, note], extra))

    # A footnote the reading's marker points to says what its row does not: typical, estimated, a design target; the
    # control's note, under the same marker, says measured.
    FOOTNOTES: ClassVar[dict[str, tuple[list[str], list[str]]]] = {
        "en": (["Typical value", "Estimated", "Design target, not guaranteed", "Typical values at 25 °C"],
               ["Measured by an accredited laboratory", "Tested at 25 °C ambient"]),
        "zh": (["典型值", "估算值", "设计目标值"], ["第三方实验室实测值", "环境温度25 °C下测得"])}

    def footnote(self) -> Case:
        lang = self.pick(["en", "zh"])
        category, clause, value, labels = self.pick(self.TYPICAL_READINGS)
        marker = self.pick(["*", "¹", "†"])
        bad, good = (self.pick(notes) for notes in self.FOOTNOTES[lang])
        extra = ["Rated power: 400 kW" if lang == "en" else "额定功率：400 kW"] if category == "generator" else []
        return self.label_case(f"footnote_{lang}", category, lang, (labels[lang], labels[lang]), value + marker,
                               clause, clause, lines=([*extra, f"{marker} {bad}"], [*extra, f"{marker} {good}"]))

    # A non-detect is known only as below the method's detection limit: under an MDL column, or a document's own
    # definition ("ND = Not Detected (<1500 ppm)"), above the limit it proves nothing; the control's limit is 2 mg/kg.
    def detection_limit(self) -> Case:
        lang = self.pick(["en", "zh"])
        category = self.pick(["server", "desktop", "switch", "firewall"])
        high = self.pick(["1500", "2000", "5000"])
        pid = self.pid("mdl")
        names = ["Lead (Pb)", "Mercury (Hg)", "Hexavalent chromium (Cr(VI))"] if lang == "en" else \
            ["铅(Pb)", "汞(Hg)", "六价铬(Cr(VI))"]
        nd = self.pick(["ND", "N.D.", "Not detected"]) if lang == "en" else "未检出"
        in_table = self.rng.random() < 0.6

        def sheet(name: str, mdl: str) -> bytes:
            page = Sheet(category, lang, name)
            if in_table:
                head = ["Test item", "Unit", self.pick(["MDL", "RL", "LOD"]), "Result"] if lang == "en" else \
                    ["检测项目", "单位", self.pick(["方法检出限", "检出限", "报告限"]), "结果"]
                page.table([head, *([n, "mg/kg", mdl, nd] for n in names)])
            else:
                page.line(f"ND = Not Detected (<{mdl} mg/kg)" if lang == "en" else f"注：未检出（<{mdl} mg/kg）")
                for n in names:
                    page.kv(n, nd)
            return page.render()

        clauses = ["6.1.11/pb", "6.1.11/hg", "6.1.11/cr6"]
        return Case("unstated_condition", f"detection_limit_{'table' if in_table else 'note'}_{lang}", f"pdf-{lang}",
                    category, {f"{pid}.pdf": sheet(pid, high)}, clauses, f"{names[0]}: {nd} (detection limit {high})",
                    control={f"{pid}-ctl.pdf": sheet(pid + "-ctl", "2")}, target="substances")

    def unstated_condition(self) -> Case:
        draw = self.rng.random()
        if draw < 0.04:
            return self.detection_limit()
        if draw < 0.07:
            return self.footnote()
        if draw < 0.1:
            return self.typical_disclaimer()
        if draw < 0.2:
            return self.sound_pressure()
        if draw < 0.4:
            return self.period_pue()
        if draw < 0.6:
            return self.other_quantity()
        lang = self.pick(["en", "zh"])
        label = self.pick(self.UNSTATED_LABELS[lang])
        variant = self.pick(["no_frame_size", "other_frame_size_in_document"])
        extra = [self.pick(self.OTHER_FRAME_LINES[lang])] if variant != "no_frame_size" else []
        stated = INPUTS["fw_throughput"][3 if lang == "zh" else 2]
        pid = self.pid("cond")
        files = {f"{pid}.pdf": self._firewall_sheet(pid, lang, label, extra)}
        control = {f"{pid}-ctl.pdf": self._firewall_sheet(pid + "-ctl", lang, stated, extra)}
        return Case("unstated_condition", f"{variant}_{lang}", f"pdf-{lang}", "firewall", files,
                    ["6.2.4/power-per-throughput", "6.2.4/volume"], f"{label}: 60.0 Gbps / {' '.join(extra)}",
                    control=control, target="fw_throughput")

    def sound_pressure(self) -> Case:
        lang = self.pick(["en", "zh"])
        category = self.pick(["desktop", "laptop"])
        labels = self.pick(self.PRESSURE_LABELS[lang])
        value = self.pick(["22.0 dB(A)", "28.5 dB(A)", "31.0 dB(A)"])
        return self.label_case(f"sound_pressure_{lang}", category, lang, labels, value,
                               f"6.2.2/{category}-noise-idle", "noise_idle", context=category != "desktop")

    def label_case(self, variant: str, category: str, lang: str, labels: tuple[str, str], value: str,
                   clause: str, target: str, context: bool = True,
                   lines: tuple[list[str], list[str]] = ([], [])) -> Case:
        """A sheet of one line "label: value" under the mutated label (``labels[0]``), its control under the honest
        one (``labels[1]``); ``lines`` are printed before it on each (the mutated sheet's, the control's)."""
        label, honest = labels
        pid = self.pid("cond")

        def sheet(name: str, text: str, before: list[str]) -> bytes:
            page = Sheet(category, lang, name, context=context)
            for line in before:
                page.line(line)
            return page.kv(text, value).render()

        snippet = " / ".join([*lines[0], f"{label}: {value}"])
        return Case("unstated_condition", variant, f"pdf-{lang}", category,
                    {f"{pid}.pdf": sheet(pid, label, lines[0])}, [clause], snippet,
                    control={f"{pid}-ctl.pdf": sheet(pid + "-ctl", honest, lines[1])}, target=target)

    def _firewall_sheet(self, pid: str, lang: str, throughput_label: str, extra: list[str]) -> bytes:
        sheet = Sheet("firewall", lang, pid, context=False)
        sheet.line("Deployment: Attended (office)" if lang == "en" else "使用环境：有人值守")
        for line in extra:
            sheet.line(line)
        sheet.kv(throughput_label, "60.0 Gbps")
        for name, value in self.FIREWALL_SIZE.items():
            sheet.kv(INPUTS[name][3 if lang == "zh" else 2], value)
        return sheet.render()

    # -- 12. the limit itself printed as a declaration ----------------------------------------------------

    def declaration(self) -> Case:
        variant = self.pick(["below_limit_en", "below_limit_zh", "complies_en", "complies_zh", "complies_table",
                             "limit_as_value_pdf", "limit_as_value_record", "battery_limits_zh"])
        pid = self.pid("decl")
        rohs = ["6.1.11/pb", "6.1.11/hg", "6.1.11/cd", "6.1.11/cr6"]
        if variant == "limit_as_value_record":
            target = self.pick(self.targets(("measure", "concentration")))
            symbol = {">=": "≥", "<=": "≤", "<": "<"}[target.op]
            unit = record_unit(target)
            text = f"{symbol}{num(target.limit, target.decimals)}" + ("%" if unit == "%" else f" {unit}" if unit
                                                                        else "")
            fmt = self.pick(["yaml", "json"])
            return self.simple("declaration", variant, fmt, target, text, target.good)
        if variant == "limit_as_value_pdf":
            target = self.pick(self.targets(pdf=True))
            lang = self.pick(["en", "zh"])
            symbol = {">=": "≥", "<=": "≤", "<": "<"}[target.op]
            if target.kind == "grade":  # a conformity sentence, not the product's declared grade (INTERFACE §6):
                # "能效等级：1级（一级能效）" states the grade (a value); "符合1级能效要求", "meets grade 1" do not
                text = self.pick(["2级及以上", "符合2级能效要求"] if target.limit == 2 else
                                 ["符合1级能效要求", "满足一级能效要求"]) if lang == "zh" else \
                    self.pick([f"meets grade {target.limit:g}", f"complies with grade {target.limit:g}"])
            else:
                text = symbol + shown(target, target.limit, lang)
                text = text + (" (meets the requirement)" if lang == "en" else "（满足要求）")
            return self.simple("declaration", variant, f"pdf-{lang}", target, text, shown(target, target.good, lang),
                               lambda v: [self.kv_line(target, lang, v)])
        category = self.pick(["server", "desktop", "switch", "firewall"]) if variant != "battery_limits_zh" \
            else "laptop"
        lang = "zh" if variant.endswith(("zh", "table")) else "en"
        sheet = Sheet(category, lang, pid)
        clauses = rohs
        if variant == "below_limit_en":
            sheet.line(self.pick(["RoHS: each restricted substance below 0.1 % (1000 ppm) in homogeneous materials",
                                  "Pb, Hg, Cr(VI): < 0.1 % (1000 ppm); Cd: < 0.01 % (100 ppm)",
                                  "Lead (Pb), Mercury (Hg), Cadmium (Cd), Hexavalent chromium (Cr(VI)): "
                                  "below the GB/T 26572 limits"]))
        elif variant == "below_limit_zh":
            sheet.line(self.pick(["有害物质：各有害物质含量均低于0.1%（1000 ppm）",
                                  "铅(Pb)、汞(Hg)、六价铬(Cr(VI))含量≤0.1%，镉(Cd)含量≤0.01%",
                                  "铅(Pb)：≤1000 mg/kg；汞(Hg)：≤1000 mg/kg；镉(Cd)：≤100 mg/kg；"
                                  "六价铬(Cr(VI))：≤1000 mg/kg"]))
        elif variant == "complies_en":
            sheet.line("Lead (Pb), Mercury (Hg), Cadmium (Cd), Hexavalent chromium (Cr(VI)): compliant with "
                       "GB/T 26572")
            sheet.line("RoHS compliant (2011/65/EU)")
        elif variant == "complies_zh":
            sheet.line("铅(Pb)、汞(Hg)、镉(Cd)、六价铬(Cr(VI))：符合 GB/T 26572 要求")
        elif variant == "complies_table":
            sheet.table([["检测项目", "检测结果"], ["铅(Pb)", "符合GB/T 26572要求"], ["汞(Hg)", "符合GB/T 26572要求"],
                         ["镉(Cd)", "符合GB/T 26572要求"], ["六价铬(Cr(VI))", "符合GB/T 26572要求"]])
        else:
            sheet.line("电池重金属：汞(Hg)≤1 mg/kg，镉(Cd)≤20 mg/kg，铅(Pb)≤40 mg/kg（符合标准要求）")
            clauses = ["6.1.10/battery-hg", "6.1.10/battery-cd", "6.1.10/battery-pb"]
        control = Sheet(category, lang, pid + "-ctl")
        names = (["铅(Pb)", "汞(Hg)", "镉(Cd)", "六价铬(Cr(VI))"] if lang == "zh" else
                 ["Lead (Pb)", "Mercury (Hg)", "Cadmium (Cd)", "Hexavalent chromium (Cr(VI))"])
        if variant == "battery_limits_zh":
            names = ["电池汞含量", "电池镉含量", "电池铅含量"]
        values = ["0.2 mg/kg", "3 mg/kg", "12 mg/kg"] if variant == "battery_limits_zh" else \
            ["12 mg/kg", "0.4 mg/kg", "3 mg/kg", "8 mg/kg"]
        for name, value in zip(names, values, strict=True):
            control.kv(name, value)
        snippet = " / ".join(str(b[1]) for b in sheet.blocks)[:220]
        return Case("declaration", variant, f"pdf-{lang}", category, {f"{pid}.pdf": sheet.render()}, clauses,
                    snippet, control={f"{pid}-ctl.pdf": control.render()}, target="substances")


CLASSES = ["bound", "nd_non_concentration", "zero_denominator", "duplicate_key", "requirement_column",
           "invisible_text", "method_number", "two_products", "interval", "near_limit", "decimal_comma",
           "declaration", "unstated_condition"]


def generate(count: int, seed: int, classes: list[str] | None = None) -> list[Case]:
    """``count`` cases, the classes in turn, every choice from one seeded generator."""
    rng = random.Random(seed)
    gen = Gen(rng)
    chosen = classes or CLASSES
    return [getattr(gen, chosen[index % len(chosen)])() for index in range(count)]


# ---------------------------------------------------------------------------------------------------------
# Running
# ---------------------------------------------------------------------------------------------------------


@dataclass
class ClassFigures:
    controls: int = 0
    controls_passed: int = 0
    examples: list[dict[str, Any]] = field(default_factory=list)
    vacuous: list[str] = field(default_factory=list)


@dataclass
class Run:
    figures: dict[str, ClassFigures] = field(default_factory=lambda: {c: ClassFigures() for c in CLASSES})
    crash_examples: list[dict[str, str]] = field(default_factory=list)
    lost_examples: list[dict[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    keep: Path | None = None  # where the input files of the first examples of each class are copied


def _write(folder: Path, files: dict[str, str | bytes]) -> list[Path]:
    paths = []
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        paths.append(path)
    return paths


def _outcome(report: Any, paths: list[Path]) -> tuple[list[Any], list[Any]]:
    """The products and errors of ``report`` that came from ``paths``."""
    names = {str(p) for p in paths}
    products = [p for p in report.products if names.intersection(p.sources)]
    errors = [e for e in report.errors if e.source in names or any(e.source.startswith(n) for n in names)]
    return products, errors


def judge(case: Case, products: list[Any], errors: list[Any], paths: list[Path], run: Run, via: str) -> None:
    """Flag the case's false pass and lost inputs (a case run both ways counts once)."""
    audited = via.endswith("audit")  # "audit" or "cli-audit": each record is its own product
    _note_lost(case, products, errors, paths, run, via, audited)
    if any("cannot read the document (" in e.error or "could not read PDF:" in e.error for e in errors):
        case.reader_exception = True
        if len(run.notes) < 20:
            run.notes.append(f"reader exception ({case.key}): {[e.error for e in errors][:2]}")
    fig = run.figures[case.cls]
    judged = [p for p in products if not audited or case.judged_ids is None or p.id in case.judged_ids]
    passed = next(((clause_id, c) for p in judged for c in p.clauses for clause_id in case.clauses
                   if c.id == clause_id and c.status == "pass"), None)
    if passed is None:
        return
    clause_id, clause = passed
    if not case.false_pass and len(fig.examples) < 8:
        fig.examples.append({"variant": case.variant, "carrier": case.carrier, "via": via,
                             "category": case.category, "clause": clause_id, "status": clause.status,
                             "value": clause.value, "limit": clause.limit, "note": (clause.note or "")[:160],
                             "snippet": case.snippet, "files": _keep(run, case, paths, len(fig.examples))})
    case.false_pass = True


def _note_lost(case: Case, products: list[Any], errors: list[Any], paths: list[Path], run: Run, via: str,
               audited: bool) -> None:
    """Every input path must come back as a product or an error; in an audit, every product of a file too."""
    found = {str(s) for p in products for s in p.sources} | {e.source for e in errors}
    lost = [str(p) for p in paths if not any(s == str(p) or s.startswith(str(p)) for s in found)]
    if audited and case.expect_ids and not any(e.source in {str(p) for p in paths} for e in errors):
        ids = {p.id for p in products}
        lost += [f"{paths[0]} (product {i})" for i in case.expect_ids if i not in ids]
    if lost:
        case.lost = True
        if len(run.lost_examples) < 30:
            run.lost_examples.append({"class": case.cls, "variant": case.variant, "via": via, "lost": ", ".join(lost),
                                      "snippet": case.snippet})


def _keep(run: Run, case: Case, paths: list[Path], number: int) -> list[str]:
    """Copy the first three false-passing inputs of a class to ``run.keep/<class>/`` (to rerun by hand)."""
    if run.keep is None or number >= 3:
        return []
    folder = run.keep / case.cls
    folder.mkdir(parents=True, exist_ok=True)
    kept = []
    for path in paths:
        target = folder / path.name
        shutil.copyfile(path, target)
        kept.append(str(target))
    return kept


def _pipeline() -> tuple[Callable[..., Any], Callable[..., Any]]:
    from checker.pipeline import audit, check

    return audit, check


def run_audit(cases: list[Case], work: Path, run: Run) -> None:
    """The cases whose mode includes audit, ``CHUNK`` per ``audit`` call; a crashing chunk is rerun case by case."""
    audit, _ = _pipeline()
    todo = [c for c in cases if c.mode in ("audit", "both")]
    for start in range(0, len(todo), CHUNK):
        chunk = todo[start:start + CHUNK]
        folder = work / f"a{start}"
        folder.mkdir()
        written = [_write(folder, case.files) for case in chunk]
        try:
            report = audit([p for paths in written for p in paths], AS_OF).report()
        except Exception:  # noqa: BLE001 - pin the crash on its case
            for case, paths in zip(chunk, written, strict=True):
                try:
                    single = audit(paths, AS_OF).report()
                except Exception:  # noqa: BLE001
                    _crash(case, run, "audit")
                    continue
                judge(case, *_outcome(single, paths), paths, run, "audit")
            continue
        for case, paths in zip(chunk, written, strict=True):
            judge(case, *_outcome(report, paths), paths, run, "audit")


def run_check(cases: list[Case], work: Path, run: Run) -> None:
    """The cases whose mode includes check: one ``check`` call each (all files are one product)."""
    _, check = _pipeline()
    for number, case in enumerate(c for c in cases if c.mode in ("check", "both")):
        folder = work / f"c{number}"
        folder.mkdir()
        paths = _write(folder, case.files)
        try:
            report = check(paths, AS_OF).report()
        except Exception:  # noqa: BLE001
            _crash(case, run, "check")
            continue
        judge(case, report.products, report.errors, paths, run, "check")


def _crash(case: Case, run: Run, via: str) -> None:
    case.crashed = True
    if len(run.crash_examples) < 20:
        run.crash_examples.append({"class": case.cls, "variant": case.variant, "via": via, "snippet": case.snippet,
                                   "error": traceback.format_exc(limit=4)})


def run_controls(cases: list[Case], work: Path, run: Run, per_key: int = 1) -> None:
    """The honest input of the first ``per_key`` cases of each key: its clauses should pass (else: vacuous)."""
    audit, _ = _pipeline()
    seen: dict[str, int] = {}
    chosen: list[Case] = []
    for case in cases:
        if case.control is None or seen.get(case.key, 0) >= per_key:
            continue
        seen[case.key] = seen.get(case.key, 0) + 1
        chosen.append(case)
    for start in range(0, len(chosen), CHUNK):
        chunk = chosen[start:start + CHUNK]
        folder = work / f"k{start}"
        folder.mkdir()
        written = [_write(folder, case.control or {}) for case in chunk]
        try:
            report = audit([p for paths in written for p in paths], AS_OF).report()
        except Exception:  # noqa: BLE001 - a crash on an honest input: note it, the cases carry the counts
            run.notes.append(f"controls chunk {start} crashed: {traceback.format_exc(limit=2)}")
            continue
        for case, paths in zip(chunk, written, strict=True):
            products, _ = _outcome(report, paths)
            fig = run.figures[case.cls]
            fig.controls += 1
            passed = bool(products) and all(
                any(c.id == clause and c.status == "pass" for c in p.clauses) for p in products
                for clause in case.clauses)
            if passed:
                fig.controls_passed += 1
            else:
                statuses = sorted({f"{c.id}={c.status}" for p in products for c in p.clauses if c.id in case.clauses})
                fig.vacuous.append(f"{case.key}: {', '.join(statuses) or 'no product'}")


def run_cli(cases: list[Case], work: Path, run: Run, per_class: int) -> None:
    """``per_class`` cases of each class through the command: one ``python -m checker audit --format json`` for
    the single-product inputs, one ``python -m checker check --format json`` per two-product case."""
    picked: list[Case] = []
    done: dict[str, int] = {}
    for case in cases:
        if per_class > done.get(case.cls, 0):
            done[case.cls] = done.get(case.cls, 0) + 1
            picked.append(case)
    folder = work / "cli"
    folder.mkdir()
    audited = [c for c in picked if c.mode in ("audit", "both")]
    written = [_write(folder, case.files) for case in audited]
    data = _command(["audit", *(str(p) for paths in written for p in paths)], audited, run)
    if data is not None:
        for case, paths in zip(audited, written, strict=True):
            _judge_cli(case, data, paths, run, "cli-audit")
    for number, case in enumerate(c for c in picked if c.mode in ("check", "both")):
        sub = folder / f"check{number}"
        sub.mkdir()
        paths = _write(sub, case.files)
        data = _command(["check", *map(str, paths)], [case], run)
        if data is not None:
            _judge_cli(case, data, paths, run, "cli-check")


def _command(args: list[str], cases: list[Case], run: Run) -> dict[str, Any] | None:
    """Run ``python -m checker ARGS --format json`` on the checkout under test; None (and crashes) on a traceback."""
    root = Path(sys.modules["checker"].__file__ or "").resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root)}
    proc = subprocess.run([sys.executable, "-m", "checker", *args, "--format", "json", "--as-of", AS_OF.isoformat()],
                          cwd=root, env=env, capture_output=True, text=True, timeout=600)
    if "Traceback" in proc.stderr or proc.returncode not in (0, 1, 2):
        for case in cases:
            case.crashed = True
        run.crash_examples.append({"class": ",".join(sorted({c.cls for c in cases})), "variant": "", "via": "cli",
                                   "snippet": " ".join(args)[:200], "error": proc.stderr[-800:]})
        return None
    try:
        data: dict[str, Any] = json.loads(proc.stdout) if proc.stdout.strip() else {"products": [], "errors": []}
    except json.JSONDecodeError:
        run.notes.append(f"cli {args[0]}: no JSON: {proc.stderr.strip()[:200]}")
        return None
    if not data.get("products") and not data.get("errors") and proc.returncode == 2:
        data["errors"] = [{"source": a, "error": proc.stderr.strip()} for a in args[1:]]
    return data


def _judge_cli(case: Case, data: dict[str, Any], paths: list[Path], run: Run, via: str) -> None:
    from types import SimpleNamespace as Ns

    names = {str(p) for p in paths}
    products = [Ns(id=p["id"], sources=p.get("sources", []),
                   clauses=[Ns(id=c["id"], status=c["status"], value=c.get("value"), limit=c.get("limit"),
                               note=c.get("note", "")) for c in p["clauses"]])
                for p in data.get("products", []) if names.intersection(p.get("sources", []))]
    errors = [Ns(**e) for e in data.get("errors", []) if e["source"] in names or
              any(e["source"].startswith(n) for n in names)]
    before = case.false_pass
    case.false_pass = False
    judge(case, products, errors, paths, run, via)
    case.cli = "false_pass" if case.false_pass or case.cli == "false_pass" else "ok"
    if case.false_pass != before and case.mode == "audit" and via == "cli-audit":
        run.notes.append(f"the command and the library disagree on {case.key}: command "
                         f"{'passes' if case.false_pass else 'does not pass'} ({case.snippet[:80]!r})")
    case.false_pass = case.false_pass or before


def run(cases: int, seed: int, cli: int = 1, controls: int = 1, classes: list[str] | None = None,
        keep: Path | None = None) -> dict[str, Any]:
    """Generate and run ``cases`` mutated inputs; return the figures (also what bench/out/mutate.json holds).
    ``keep``: a folder for the input files of the first false passes of each class (emptied first)."""
    logging.getLogger("checker").setLevel(logging.CRITICAL)
    started = time.perf_counter()
    generated = generate(cases, seed, classes)
    generated_at = time.perf_counter()
    result = Run(keep=keep)
    if keep is not None:
        shutil.rmtree(keep, ignore_errors=True)
    work = Path(tempfile.mkdtemp(prefix="gdc-mutate-"))
    try:
        run_audit(generated, work, result)
        run_check(generated, work, result)
        if controls:
            run_controls(generated, work, result, controls)
        if cli:
            run_cli(generated, work, result, cli)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    seconds = time.perf_counter() - started
    classes_out: dict[str, dict[str, Any]] = {}
    for cls, fig in result.figures.items():
        mine = [c for c in generated if c.cls == cls]
        if not mine:
            continue
        variants: dict[str, dict[str, int]] = {}
        carriers: dict[str, dict[str, int]] = {}
        for case in mine:
            for name, table_ in ((case.variant, variants), (case.carrier, carriers)):
                entry = table_.setdefault(name, {"cases": 0, "false_passes": 0})
                entry["cases"] += 1
                entry["false_passes"] += case.false_pass
        classes_out[cls] = {"cases": len(mine), "false_passes": sum(c.false_pass for c in mine),
                            "crashes": sum(c.crashed for c in mine), "lost_inputs": sum(c.lost for c in mine),
                            "reader_exceptions": sum(c.reader_exception for c in mine),
                            "cli": {"cases": sum(bool(c.cli) for c in mine),
                                    "false_passes": sum(c.cli == "false_pass" for c in mine)},
                            "controls": fig.controls, "controls_passed": fig.controls_passed,
                            "variants": dict(sorted(variants.items())), "carriers": dict(sorted(carriers.items())),
                            "examples": fig.examples,
                            "vacuous_keys": fig.vacuous[:40]}
    return {"seed": seed, "as_of": AS_OF.isoformat(), "checker": str(Path(sys.modules["checker"].__file__ or "")
                                                                    .resolve().parents[1]),
            "cases": len(generated), "seconds": round(seconds, 2),
            "generate_seconds": round(generated_at - started, 2),
            "cases_per_second": round(len(generated) / seconds, 1) if seconds else 0.0,
            "false_passes": sum(c["false_passes"] for c in classes_out.values()),
            "crashes": sum(c["crashes"] for c in classes_out.values()),
            "lost_inputs": sum(c["lost_inputs"] for c in classes_out.values()),
            "classes": classes_out, "crash_examples": result.crash_examples, "lost_examples": result.lost_examples,
            "notes": result.notes}


def table(result: dict[str, Any]) -> str:
    """The summary: one line per class, then totals."""
    lines = [f"mutation harness — seed {result['seed']}, {result['cases']} cases, {result['seconds']} s "
             f"({result['cases_per_second']} cases/s), checker at {result['checker']}",
             f"{'class':<22} {'cases':>6} {'false pass':>10} {'crashes':>8} {'lost':>5} {'controls ok':>12}  "
             f"first false pass",
             "-" * 120]
    for cls, fig in result["classes"].items():
        example = fig["examples"][0] if fig["examples"] else None
        first = (f"{example['clause']} {example['status']} ← {example['snippet'][:60]!r}" if example else "")
        lines.append(f"{cls:<22} {fig['cases']:>6} {fig['false_passes']:>10} {fig['crashes']:>8} "
                     f"{fig['lost_inputs']:>5} {fig['controls_passed']:>5}/{fig['controls']:<6}  {first}")
    lines.append("-" * 120)
    lines.append(f"{'total':<22} {result['cases']:>6} {result['false_passes']:>10} {result['crashes']:>8} "
                 f"{result['lost_inputs']:>5}")
    cli = [fig["cli"] for fig in result["classes"].values()]
    if any(c["cases"] for c in cli):
        lines.append(f"through `python -m checker`: {sum(c['cases'] for c in cli)} cases, "
                     f"{sum(c['false_passes'] for c in cli)} false passes")
    exceptions = sum(fig["reader_exceptions"] for fig in result["classes"].values())
    if exceptions:
        lines.append(f"reader exceptions reported as error rows (not crashes): {exceptions}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line: run, print the table, write the JSON; exit 1 on any false pass, crash or lost input."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--cli", type=int, default=1, help="cases per class also run through `python -m checker`")
    parser.add_argument("--controls", type=int, default=1, help="honest controls per (class, variant, carrier, target)")
    parser.add_argument("--class", dest="classes", action="append", choices=CLASSES, help="only these classes")
    parser.add_argument("--against", help="import checker from this checkout (default: the one holding this file)")
    parser.add_argument("--out", default=str(ROOT / "bench" / "out" / "mutate.json"))
    parser.add_argument("--keep", default=str(ROOT / "bench" / "out" / "mutate-examples"),
                        help="folder for the input files of the first false passes of each class ('' to skip)")
    args = parser.parse_args(argv)
    if args.against:
        use_checkout(Path(args.against))
    result = run(args.cases, args.seed, args.cli, args.controls, args.classes, Path(args.keep) if args.keep else None)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    print(table(result))
    print(f"-> {out}")
    return 1 if result["false_passes"] or result["crashes"] or result["lost_inputs"] else 0


if __name__ == "__main__":
    sys.exit(main())
