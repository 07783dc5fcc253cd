"""Generate the sample vendor documents (PDFs) and their ground truth, ``truth.json``.

The corpus covers every product category of 《绿色数据中心政府采购需求标准（试行）》 in several
layouts and both languages:

* ``datasheet_en`` - an English vendor datasheet: title with the model, prose, a two-column
  "Specifications" table;
* ``report_zh`` - a Chinese third-party 检验报告 (CNAS/CMA style): cover page, boilerplate pages that
  hold no relevant values, result tables (序号 | 检验项目 | 技术要求 | 检验结果 | 单项判定), PSU loads as
  rows, the 15-row PAH table, RoHS and battery tables, the Appendix H noise table;
* ``columns_en`` / ``columns_zh`` - load points as COLUMNS (a 10 % column is always present and must
  not be read as 20 %), the rest as ``key: value`` lines;
* ``kv_en`` / ``kv_zh`` - ``key: value`` lines only;
* ``prose_en`` / ``prose_zh`` - values inside sentences ("50%负载时电源效率为94.5%").

Some documents are "scanned": every page is rendered to a grey image with pypdfium2 and written
back as an image-only PDF (no text layer). One report is 20 pages long, for speed tests.

Everything is deterministic: each document draws from its own ``random.Random`` seeded with the
corpus seed and its file name, and reportlab runs with ``invariant=1``, so rerunning the script
rewrites byte-identical PDFs and the same ``truth.json``.

Run: ``python samples/make_documents.py [--out DIR]`` (default ``samples/documents``).

Limits used for ``expect`` / ``expected_verdict`` (from the standard's text, written by hand):

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

A product's ``expected_verdict`` is ``fail`` if any value printed in the document violates a limit,
else ``incomplete``: no single document covers every clause (certificates for 6.1.1-6.1.3 etc.).
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import yaml
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from checker.catalog.fields import flatten_fields

LOG = logging.getLogger("make_documents")

SEED = 20230601
HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_OUT = HERE / "documents"
FIELDS_YAML = REPO / "catalogs" / "fields.yaml"

CJK = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(CJK))

PAGE_W, PAGE_H = A4
MARGIN = 56.0
TOP = PAGE_H - 70.0
BOTTOM = 64.0
TEXT_W = PAGE_W - 2 * MARGIN

Value = float | int | str | bool


# ---------------------------------------------------------------------------------------------
# number formatting
# ---------------------------------------------------------------------------------------------

_FULL = str.maketrans("0123456789.,%", "０１２３４５６７８９．，％")


@dataclass(frozen=True)
class NumStyle:
    """How a document prints numbers.

    ``comma``: decimal comma ("105,8"); ``full``: full-width digits and ％ (Chinese documents);
    ``fraction``: efficiencies as fractions ("0.942"); ``thousands``: grouping ("1,250 kW");
    ``pct_space``: a space before "%".
    """

    comma: bool = False
    full: bool = False
    fraction: bool = False
    thousands: bool = False
    pct_space: bool = False

    def num(self, x: float, nd: int) -> str:
        """Format a plain number with ``nd`` decimals."""
        s = f"{x:,.{nd}f}" if self.thousands else f"{x:.{nd}f}"
        if self.comma:
            s = s.replace(".", ",")
        return s.translate(_FULL) if self.full else s

    def pct(self, x: float, nd: int = 1, efficiency: bool = False) -> str:
        """Format a percentage (or a fraction, for efficiencies when ``fraction`` is set)."""
        if efficiency and self.fraction:
            return self.num(x / 100.0, nd + 2)
        sep = " " if self.pct_space else ""
        return self.num(x, nd) + sep + ("％" if self.full else "%")


PLAIN = NumStyle()


# ---------------------------------------------------------------------------------------------
# limits and judgement
# ---------------------------------------------------------------------------------------------

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


def firewall_tier(t_gbps: float) -> tuple[float, float]:
    """Table 5 (volume limit dm3, W/Gbps limit) for a 64-byte IPv4 throughput in Gbps."""
    for above, vol, wpg in FIREWALL_TIERS:
        if t_gbps > above:
            return vol, wpg
    return FIREWALL_TIERS[-1][1], FIREWALL_TIERS[-1][2]


def _ok(cond: bool) -> str:
    return "pass" if cond else "fail"


def judge(cat: str, fid: str, v: Value, ctx: dict[str, Any]) -> tuple[str, str] | None:
    """The field's own clause and ``pass``/``fail``, or None when no clause judges it alone."""
    x = numeric(v)
    if fid.startswith("psu_efficiency_") and x is not None:
        load = int(fid.rsplit("_", 1)[1])
        if cat in ("server", "storage"):
            return f"6.2.1/psu-eff-{load}", _ok(x >= PSU_LIMITS[cat][load])
        if cat == "switch":
            kind = ctx["psu_type"]
            return f"6.2.3/{kind}-psu-eff-{load}", _ok(x >= PSU_LIMITS[f"switch_{kind}"][load])
        if cat == "firewall":
            return f"6.2.4/psu-eff-{load}", _ok(x >= PSU_LIMITS["firewall"][load])
    if fid.startswith("psu_power_factor_") and x is not None:
        load = int(fid.rsplit("_", 1)[1])
        if cat in ("server", "storage"):
            return f"6.2.1/psu-pf-{load}", _ok(x >= 0.95)
        if cat == "switch":
            return f"6.2.3/{ctx['psu_type']}-psu-pf-50", _ok(x >= 0.90)
        if cat == "firewall":
            return "6.2.4/psu-pf-50", _ok(x >= 0.90)
    if x is None:
        return None
    if fid == "recyclability":
        sec = "6.2.1" if cat in ("server", "storage") else "6.2.2"
        return f"{sec}/recyclability", _ok(x >= 80.0)
    if fid == "recycled_plastic_share":
        return "6.2.2/recycled-plastic", _ok(x >= 2.0)
    if fid == "bap":
        return "6.2.2/bap", _ok(x <= 20.0)
    if fid == "pah15_sum":
        return "6.2.2/pah15", _ok(x <= 50.0)
    if fid == "energy_grade":
        ids = {
            "desktop": "6.2.2/pc-energy-grade",
            "laptop": "6.2.2/pc-energy-grade",
            "monitor": "6.2.2/monitor-energy-grade",
            "ups": "6.3.2/ups-grade",
            "cooling": f"6.3.1.1/{ctx.get('cooling_type', 'chiller').replace('_', '-')}-grade",
        }
        clause = ids.get(cat, f"6.3.3/{cat}-grade")
        return clause, _ok(x <= GRADE_MAX[cat])
    if fid in ("noise_idle", "noise_work") and cat in PC_NOISE:
        return f"6.2.2/{cat}-{fid.replace('_', '-')}", _ok(x <= PC_NOISE[cat][fid])
    if fid == "backlight_hg":
        return "6.1.4/backlight-hg", _ok(x < 3.0)
    if fid == "cable_fluorine":
        return "6.1.5/cable-fluorine", _ok(x <= 0.1)
    if fid == "smoke_transmittance":
        return "6.3.6/smoke-transmittance", _ok(x >= 60.0)
    if fid in BATTERY_MAX:
        return f"6.1.10/{fid.replace('_', '-')}", _ok(x <= BATTERY_MAX[fid])
    if fid in ROHS_MAX:
        return f"6.1.11/{fid}", _ok(x <= ROHS_MAX[fid])
    if fid == "odp":
        return "6.3.1.2/odp", _ok(x == 0.0)
    if fid == "outlet_power":
        return "6.3.4/outlet-power", _ok(x <= 0.5)
    if fid == "noise_lwad":
        dep = ctx.get("deployment")
        if dep == "unattended" or x > 8.1:
            return "6.2.3/noise-unattended" if cat == "switch" else "6.2.4/noise-unattended", _ok(x <= 8.1)
        sec = "6.2.3" if cat == "switch" else "6.2.4"
        return f"{sec}/noise-attended", _ok(x <= 7.6)
    if fid == "fuel_rate":
        lim = fuel_limit(ctx["rated_power"])
        return None if lim is None else ("6.3.5/fuel-consumption", _ok(x <= lim))
    if fid == "noise_max":
        return "6.3.5/noise", _ok(x <= (105.0 if ctx["rated_power"] <= 250 else 110.0))
    return None


# ---------------------------------------------------------------------------------------------
# product model
# ---------------------------------------------------------------------------------------------


@dataclass
class Item:
    """One scalar value a document prints: field id (None for a decoy), labels, printed text."""

    fid: str | None
    value: Value
    unit: str | None
    en: str
    zh: str
    fmt: Callable[[str, NumStyle], str]
    requirement: str = "——"

    def text(self, lang: str, st: NumStyle) -> str:
        """The printed value in ``lang`` with number style ``st``."""
        return self.fmt(lang, st)


@dataclass
class Product:
    """A product with everything a document about it may print."""

    category: str
    model: str
    manufacturer: str
    name_en: str
    name_zh: str
    items: list[Item] = field(default_factory=list)
    psu: dict[int, tuple[float, float]] | None = None  # load % -> (efficiency %, PF)
    sw_power: dict[int, float] | None = None  # load % -> W
    fuel: tuple[str, dict[int, float]] | None = None  # (unit, load % -> value)
    gen_noise: dict[str, float] | None = None
    pah: list[Value] | None = None
    rohs: dict[str, Value] | None = None
    battery: dict[str, Value] | None = None
    ctx: dict[str, Any] = field(default_factory=dict)
    prose_en: str = ""
    prose_zh: str = ""
    notes: list[str] = field(default_factory=list)


def q(
    fid: str | None,
    value: float,
    unit: str,
    en: str,
    zh: str,
    nd: int,
    unit_txt: str = "",
    unit_zh: str | None = None,
    efficiency: bool = False,
    req: str = "——",
) -> Item:
    """A numeric item; ``unit_txt`` is the printed unit ("%" for percentages)."""

    def fmt(lang: str, st: NumStyle) -> str:
        if unit_txt == "%":
            return st.pct(value, nd, efficiency)
        u = unit_zh if (lang == "zh" and unit_zh is not None) else unit_txt
        return st.num(value, nd) + (f" {u}" if u else "")

    return Item(fid, value, unit, en, zh, fmt, req)


def txt(
    fid: str | None,
    value: Value,
    en: str,
    zh: str,
    shown_en: str,
    shown_zh: str,
    unit: str | None = None,
    req: str = "——",
) -> Item:
    """A text item printed as ``shown_en`` / ``shown_zh``."""
    return Item(fid, value, unit, en, zh, lambda lang, st: shown_zh if lang == "zh" else shown_en, req)


ZH_DIGITS = "零一二三四五"


def grade(value: int, std: str, zh_style: str = "digit") -> Item:
    """An energy-grade item ("Grade 1" / "1级" / "一级")."""
    zh = f"{ZH_DIGITS[value]}级" if zh_style == "hanzi" else f"{value}级"
    return txt(
        "energy_grade",
        value,
        f"Energy efficiency grade ({std})",
        f"能效等级（{std}）",
        f"Grade {value}",
        zh,
        unit="grade",
    )


# ---------------------------------------------------------------------------------------------
# canvas document with page tracking
# ---------------------------------------------------------------------------------------------


class Doc:
    """A reportlab canvas with a cursor, automatic page breaks and a record of where fields are."""

    def __init__(self, lang: str, header: str, total: int | None) -> None:
        self.lang = lang
        self.buf = io.BytesIO()
        self.c = canvas.Canvas(self.buf, pagesize=A4, invariant=1)
        self.c.setTitle(header)
        self.c.setAuthor("gdc-checker sample generator")
        self.font = CJK if lang == "zh" else "Helvetica"
        self.bold = CJK if lang == "zh" else "Helvetica-Bold"
        self.header = header
        self.total = total
        self.page = 0
        self.y = TOP
        self.fields: dict[str, dict[str, Any]] = {}
        self._start_page()

    def _start_page(self) -> None:
        self.page += 1
        self.y = TOP
        c = self.c
        c.setFont(self.font, 8)
        c.setStrokeGray(0.5)
        c.drawString(MARGIN, PAGE_H - 40, self.header)
        c.line(MARGIN, PAGE_H - 46, PAGE_W - MARGIN, PAGE_H - 46)
        tot = self.total if self.total else 0
        foot = f"第 {self.page} 页 共 {tot} 页" if self.lang == "zh" else f"Page {self.page} of {tot}"
        c.drawRightString(PAGE_W - MARGIN, 36, foot)
        c.setStrokeGray(0)

    def new_page(self) -> None:
        """Finish the current page and start another."""
        self.c.showPage()
        self._start_page()

    def ensure(self, h: float) -> None:
        """Break the page unless ``h`` points fit below the cursor."""
        if self.y - h < BOTTOM:
            self.new_page()

    def wrap(self, text: str, font: str, size: float, width: float) -> list[str]:
        """Split ``text`` into lines no wider than ``width`` (character-wise for CJK fonts)."""
        if font != CJK:
            return simpleSplit(text, font, size, width) or [""]
        lines: list[str] = []
        for para in text.split("\n"):
            cur = ""
            for ch in para:
                if pdfmetrics.stringWidth(cur + ch, font, size) > width and cur:
                    lines.append(cur)
                    cur = ""
                cur += ch
            lines.append(cur)
        return lines

    def record(
        self,
        item: Item | None = None,
        fid: str | None = None,
        value: Value = "",
        unit: str | None = None,
        raw: str = "",
    ) -> None:
        """Note that a field was printed on the current page (first occurrence wins)."""
        if item is not None:
            fid, value, unit = item.fid, item.value, item.unit
        if fid is None or fid in self.fields:
            return
        self.fields[fid] = {"value": value, "unit": unit, "page": self.page, "raw": raw}

    def title(self, text: str, size: float = 17) -> None:
        """A bold title line."""
        self.ensure(size + 12)
        self.c.setFont(self.bold, size)
        self.c.drawString(MARGIN, self.y - size, text)
        self.y -= size + 12

    def heading(self, text: str, size: float = 12) -> None:
        """A section heading."""
        self.ensure(size + 40)
        self.y -= 6
        self.c.setFont(self.bold, size)
        self.c.drawString(MARGIN, self.y - size, text)
        self.y -= size + 8

    def para(
        self, text: str, size: float = 10, records: list[tuple[Item, str]] | None = None, indent: float = 0.0
    ) -> None:
        """A wrapped paragraph kept on one page; ``records`` are fields printed in it."""
        lines = self.wrap(text, self.font, size, TEXT_W - indent)
        lead = size * 1.45
        self.ensure(lead * len(lines) + 4)
        self.c.setFont(self.font, size)
        for ln in lines:
            self.c.drawString(MARGIN + indent, self.y - size, ln)
            self.y -= lead
        self.y -= 4
        for item, raw in records or []:
            self.record(item, raw=raw)

    def table(
        self,
        rows: list[list[str]],
        widths: list[float],
        header_rows: int = 1,
        size: float = 9,
        records: list[list[tuple[Item, str]]] | None = None,
        bold_first_col: bool = False,
    ) -> None:
        """A ruled table drawn row by row; header rows repeat after a page break."""
        pad = 3.0
        lead = size * 1.3
        wrapped = [
            [self.wrap(cell, self.font, size, w - 2 * pad) for cell, w in zip(r, widths, strict=True)] for r in rows
        ]
        heights = [max(len(cell) for cell in r) * lead + 2 * pad for r in wrapped]
        self.ensure(sum(heights[: header_rows + 1]))
        self.y -= 2
        for i, r in enumerate(wrapped):
            if self.y - heights[i] < BOTTOM:
                self.new_page()
                for h in range(header_rows):
                    self._row(wrapped[h], widths, heights[h], size, lead, pad, True, False)
            self._row(r, widths, heights[i], size, lead, pad, i < header_rows, bold_first_col)
            if records is not None and i >= header_rows:
                for item, raw in records[i - header_rows]:
                    self.record(item, raw=raw)
        self.y -= 8

    def _row(
        self,
        cells: list[list[str]],
        widths: list[float],
        h: float,
        size: float,
        lead: float,
        pad: float,
        head: bool,
        bold_first: bool,
    ) -> None:
        c = self.c
        x = MARGIN
        if head:
            c.setFillGray(0.9)
            c.rect(MARGIN, self.y - h, sum(widths), h, stroke=0, fill=1)
            c.setFillGray(0)
        for j, (lines, w) in enumerate(zip(cells, widths, strict=True)):
            c.setLineWidth(0.6)
            c.rect(x, self.y - h, w, h, stroke=1, fill=0)
            c.setFont(self.bold if head or (bold_first and j == 0) else self.font, size)
            ty = self.y - pad - size
            for ln in lines:
                c.drawString(x + pad, ty, ln)
                ty -= lead
            x += w
        self.y -= h

    def finish(self) -> tuple[bytes, int]:
        """Close the document; return its bytes and page count."""
        self.c.showPage()
        self.c.save()
        return self.buf.getvalue(), self.page


# ---------------------------------------------------------------------------------------------
# boilerplate text
# ---------------------------------------------------------------------------------------------

BOILER_ZH = [
    "本报告仅对来样负责，检验结果仅适用于所检样品。未经本检验机构书面批准，不得部分复制本报告。",
    "报告无检验检测专用章、骑缝章无效；报告无主检、审核、批准人签字无效；报告涂改无效。",
    "对本报告若有异议，应于收到报告之日起十五日内向本检验机构提出，逾期不予受理。",
    "委托方对样品及其相关信息的真实性负责，本机构不承担因委托方提供信息不实而产生的责任。",
    "检验环境条件：温度、湿度及大气压力均在相关检验方法规定的范围内，并在检验原始记录中记录。",
    "检验所用仪器设备均经计量检定或校准，并在有效期内使用，其量值可溯源至国家计量基准。",
    "样品到达时外观完好，包装无破损，铭牌标识清晰，样品状态满足检验要求。",
    "检验过程中样品未发生故障，未对样品进行任何维修、调整或更换零部件。",
    "本机构已通过中国合格评定国家认可委员会（CNAS）认可及检验检测机构资质认定（CMA）。",
    "检验项目的测量不确定度按相关技术规范评定，需要时可向本机构索取。",
    "报告中“——”表示此项不适用，“/”表示未作要求，检验结果的修约按 GB/T 8170 执行。",
    "样品由委托单位送检，抽样过程不在本机构的检验范围之内，本机构对抽样的代表性不负责任。",
    "本报告正本一式两份，一份交委托单位，一份由本机构存档，存档期限为六年。",
    "检验依据文件的适用条款由委托单位确认，本机构按确认后的条款逐项实施检验。",
]
BOILER_EN = [
    "This document is provided for information purposes only and is subject to change without notice.",
    "All specifications were measured under laboratory conditions; results in the field may vary with "
    "configuration, ambient temperature, altitude and workload.",
    "Trademarks mentioned herein are the property of their respective owners. Product images are for "
    "reference only and the delivered product may differ in appearance.",
    "Warranty terms are governed by the sales agreement. Contact your regional representative for "
    "availability of options in your market.",
    "The manufacturer operates an environmental management system certified to ISO 14001 and a quality "
    "management system certified to ISO 9001.",
]
INSTRUMENTS = [
    ("功率分析仪", "WT3000E"),
    ("交流稳压电源", "AN97005H"),
    ("电子负载", "IT8615"),
    ("温湿度计", "TH-212"),
    ("声级计", "AWA6228+"),
    ("气相色谱-质谱联用仪", "GCMS-QP2020"),
    ("电感耦合等离子体发射光谱仪", "ICP-5110"),
    ("电子天平", "ME204E"),
]


def boilerplate_pages(doc: Doc, rng: random.Random, n: int) -> None:
    """``n`` pages of Chinese report boilerplate without any value of interest."""
    for k in range(n):
        doc.new_page()
        kind = k % 3
        if kind == 0:
            doc.title("声  明", 15)
            for s in rng.sample(BOILER_ZH, 9):
                doc.para(s, 10.5)
        elif kind == 1:
            doc.title("检验仪器设备一览表", 14)
            rows = [["序号", "仪器名称", "型号", "设备编号", "有效期至"]]
            for i, (name, mdl) in enumerate(rng.sample(INSTRUMENTS, 6), 1):
                rows.append([str(i), name, mdl, f"EQ-{rng.randint(1000, 9999)}", f"2024-{rng.randint(1, 12):02d}-28"])
            doc.table(rows, [36, 150, 100, 100, 97])
            doc.para("注：以上仪器设备均在检定/校准有效期内。", 9)
        else:
            doc.title("检验说明", 14)
            for s in rng.sample(BOILER_ZH, 6):
                doc.para(s, 10.5)
            doc.para("（本页以下空白）", 10)


# ---------------------------------------------------------------------------------------------
# rendering helpers shared by layouts
# ---------------------------------------------------------------------------------------------

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


def allowed(cat: str, fid: str) -> bool:
    """Whether ``fid`` is in the category's vocabulary (fields.yaml) or identity."""
    return fid in CATEGORY_FIELDS[cat] or fid in ("model", "manufacturer") or fid.startswith("pah_")


FIELD_UNITS: dict[str, str | None] = {}
CATEGORY_FIELDS: dict[str, set[str]] = {}


def _load_fields() -> None:
    data = yaml.safe_load(FIELDS_YAML.read_text(encoding="utf-8"))
    for fid, spec in data["fields"].items():
        FIELD_UNITS[fid] = spec.get("unit") if spec.get("kind") == "quantity" else None
    for cat, fids in data["category_fields"].items():
        CATEGORY_FIELDS[cat] = {f for f in flatten_fields(fids) if not f.startswith("+")}


def psu_items(p: Product, load: int, st: NumStyle) -> tuple[list[tuple[Item, str]], str, str]:
    """Records and printed efficiency / PF texts for one PSU load point."""
    assert p.psu is not None
    eff, pf = p.psu[load]
    recs: list[tuple[Item, str]] = []
    e_txt = st.pct(eff, 1, efficiency=True)
    pf_txt = st.num(pf, 3 if pf * 1000 % 10 else 2)
    if load in (20, 50, 100):
        e_item = q(f"psu_efficiency_{load}", eff, "%", "", "", 1)
        recs.append((e_item, e_txt))
        fpf = f"psu_power_factor_{load}"
        if allowed(p.category, fpf):
            recs.append((q(fpf, pf, "", "", "", 3), pf_txt))
    return recs, e_txt, pf_txt


def fuel_text(unit: str, v: float, st: NumStyle, lang: str) -> str:
    """A fuel value with its unit."""
    if unit == "kg/kWh":
        return st.num(v, 3) + " kg/kWh"
    if unit == "L/h":
        return st.num(v, 1) + " L/h"
    return st.num(v, 0 if v == int(v) else 1) + " g/kWh"


def fuel_records(p: Product, st: NumStyle, lang: str) -> list[tuple[Item, str]]:
    """The fuel field recorded from the 100 % load point."""
    assert p.fuel is not None
    unit, vals = p.fuel
    v = vals[100]
    raw = fuel_text(unit, v, st, lang)
    if unit == "L/h":
        return [(q("fuel_flow_100", v, "L/h", "", "", 1), raw)]
    g = round(v * 1000, 1) if unit == "kg/kWh" else v
    return [(q("fuel_rate", g, "g/kWh", "", "", 1), raw)]


NOISE_DIRS = [
    ("front", "正前方（风扇侧）", "Front (fan side)"),
    ("back", "正后方", "Rear"),
    ("left", "左侧", "Left"),
    ("right", "右侧", "Right"),
]


def noise_records(p: Product, st: NumStyle) -> tuple[list[str], list[tuple[Item, str]]]:
    """Printed texts and records of the four Appendix H readings (+ max when printed)."""
    assert p.gen_noise is not None
    texts: list[str] = []
    recs: list[tuple[Item, str]] = []
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
    names = {
        "pb": ("Lead (Pb)", "铅（Pb）"),
        "hg": ("Mercury (Hg)", "汞（Hg）"),
        "cd": ("Cadmium (Cd)", "镉（Cd）"),
        "cr6": ("Hexavalent chromium (Cr(VI))", "六价铬（Cr(VI)）"),
        "battery_hg": ("Battery mercury (Hg)", "电池 汞（Hg）"),
        "battery_cd": ("Battery cadmium (Cd)", "电池 镉（Cd）"),
        "battery_pb": ("Battery lead (Pb)", "电池 铅（Pb）"),
    }
    limits = {**ROHS_MAX, **BATTERY_MAX}
    nd_word = "未检出" if lang == "zh" else "ND"
    for group in (p.rohs or {}, p.battery or {}):
        for fid, v in group.items():
            shown = nd_word if v == "ND" else (v if isinstance(v, str) else st.num(float(v), 1))
            label = names[fid][1] if lang == "zh" else names[fid][0]
            item = Item(fid, v, "mg/kg", names[fid][0], names[fid][1], lambda lang, st: "")
            out.append((label, shown + ("" if v == "ND" else " mg/kg"), f"≤{limits[fid]:g} mg/kg", item))
    return out


def product_fails(p: Product) -> bool:
    """Whether any value the product's documents may print violates its clause."""
    vals: list[tuple[str, Value]] = [(it.fid, it.value) for it in p.items if it.fid]
    for load, (eff, pf) in (p.psu or {}).items():
        vals += [(f"psu_efficiency_{load}", eff), (f"psu_power_factor_{load}", pf)] if load != 10 else []
    vals += list((p.rohs or {}).items()) + list((p.battery or {}).items())
    if p.pah is not None:
        vals += [("bap", p.pah[11]), ("pah15_sum", pah_sum(p.pah))]
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


# ---------------------------------------------------------------------------------------------
# layouts
# ---------------------------------------------------------------------------------------------


def layout_datasheet_en(doc: Doc, p: Product, rng: random.Random, st: NumStyle) -> None:
    """English vendor datasheet: title, prose, two-column Specifications table, prose."""
    doc.title(f"{p.manufacturer} {p.model}", 20)
    doc.record(fid="model", value=p.model, raw=p.model)
    doc.record(fid="manufacturer", value=p.manufacturer, raw=p.manufacturer)
    doc.para(p.name_en + " - Product Datasheet", 13)
    doc.para(
        p.prose_en
        or f"The {p.model} is a {p.name_en.lower()} designed for efficient, reliable operation in modern data centres.",
        10,
    )
    doc.heading("Specifications")
    rows: list[list[str]] = [["Parameter", "Value"]]
    recs: list[list[tuple[Item, str]]] = []

    def add(label: str, value: str, r: list[tuple[Item, str]]) -> None:
        rows.append([label, value])
        recs.append(r)

    add("Model", p.model, [])
    add("Manufacturer", p.manufacturer, [])
    for it in p.items:
        t = it.text("en", st)
        add(it.en, t, [(it, t)] if it.fid else [])
    if p.psu:
        for load in (20, 50, 100):
            r, e_txt, pf_txt = psu_items(p, load, st)
            add(f"PSU efficiency at {load} % load", e_txt, r[:1])
            if len(r) > 1:
                add(f"PSU power factor at {load} % load", pf_txt, r[1:])
    if p.sw_power:
        u2 = p.ctx["u2"]
        for load, fid in ((0, "power_u1"), (u2, "power_u2"), (100, "power_u3")):
            t = st.num(p.sw_power[load], 1) + " W"
            add(
                f"Power consumption at {load} % traffic load",
                t,
                [(q(fid, p.sw_power[load], "W", "", "", 1), t)],
            )
    if p.fuel:
        unit, vals = p.fuel
        for load in (25, 50, 75, 100):
            t = fuel_text(unit, vals[load], st, "en")
            add(f"Fuel consumption at {load} % load", t, fuel_records(p, st, "en") if load == 100 else [])
    if p.gen_noise:
        texts, nrec = noise_records(p, st)
        for (_key, _zh, en), t, nr in zip(NOISE_DIRS, texts, nrec, strict=False):
            add(f"Sound pressure at 1 m, {en.lower()}", t + " dB(A)", [nr])
    if p.pah:
        b = p.pah[11]
        bt = pah_text(b, "en", st, "ND") + ("" if b == "ND" else " mg/kg")
        add(
            "Benzo[a]pyrene in housing, keys and power cord",
            bt,
            [
                (
                    q("bap", b, "mg/kg", "", "", 2)
                    if not isinstance(b, str)
                    else Item("bap", b, "mg/kg", "", "", lambda lang, st: ""),
                    bt,
                )
            ],
        )
        s = pah_sum(p.pah)
        stxt = st.num(s, 2) + " mg/kg"
        add("Sum of 15 PAHs (GB/T 29784)", stxt, [(q("pah15_sum", s, "mg/kg", "", "", 2), stxt)])
    for label, shown, _lim, item in substance_rows(p, "en", st):
        add(label, shown, [(item, shown)])
    doc.table(rows, [230, TEXT_W - 230], records=recs, bold_first_col=True)
    doc.heading("Notes", 11)
    for sentence in rng.sample(BOILER_EN, 3):
        doc.para(sentence, 8.5)


def _cover_zh(doc: Doc, p: Product, rng: random.Random, report_no: str, basis: str, conclusion: str) -> None:
    doc.y -= 40
    doc.c.setFont(CJK, 26)
    doc.c.drawCentredString(PAGE_W / 2, doc.y, "检 验 报 告")
    doc.y -= 40
    doc.c.setFont(CJK, 11)
    doc.c.drawCentredString(PAGE_W / 2, doc.y, f"报告编号：{report_no}")
    doc.y -= 50
    client = p.manufacturer
    rows = [
        ["样品名称", p.name_zh],
        ["型号规格", p.model],
        ["委托单位", client],
        ["生产单位", p.manufacturer],
        ["检验类别", "委托检验"],
        ["检验依据", basis],
        ["检验结论", conclusion],
    ]
    doc.table(rows, [110, TEXT_W - 110], header_rows=0, size=11, bold_first_col=True)
    doc.record(fid="model", value=p.model, raw=p.model)
    doc.record(fid="manufacturer", value=p.manufacturer, raw=p.manufacturer)
    doc.y -= 60
    doc.c.setFont(CJK, 12)
    lab = rng.choice(
        [
            "国家信息技术设备质量检验检测中心（示例）",
            "华测电子电器检测有限公司（示例）",
            "中电信息产品检验院（示例）",
        ]
    )
    doc.c.drawCentredString(PAGE_W / 2, doc.y, lab)
    doc.y -= 20
    doc.c.drawCentredString(PAGE_W / 2, doc.y, f"签发日期：2023年{rng.randint(7, 12)}月{rng.randint(1, 28)}日")
    doc.c.setFont("Helvetica-Bold", 14)
    doc.c.drawString(MARGIN, 90, "CNAS L" + str(rng.randint(1000, 9999)))
    doc.c.drawRightString(PAGE_W - MARGIN, 90, "CMA " + str(rng.randint(100000000, 999999999)))


BASIS = {
    "server": "HJ 2507、GB/T 32355.2",
    "storage": "HJ 2507、GB/T 32355.2",
    "desktop": "GB 28380、GB/T 9813.1、GB/T 29784、GB/T 26572",
    "laptop": "GB 28380、GB/T 9813.2、GB/T 29784",
    "monitor": "GB 21520、GB/T 29784、GB/T 26572",
    "switch": "YD/T 1816、HJ 2507、ATIS-0600015.03",
    "firewall": "YD/T 2443、HJ 2507、YD/T 1816",
    "cooling": "GB 19577、GB 19576、GB 29540",
    "ups": "GB/T 14715",
    "pdu": "委托方技术要求",
    "generator": "GB/T 2820.5、绿色数据中心政府采购需求标准附录G、附录H",
    "cable": "GB/T 17651.2、IEC 60684-2",
    "motor": "GB 18613",
    "compressor": "GB 19153",
    "fan": "GB 19761",
    "transformer": "GB 20052",
    "pump": "GB 32029",
}


def layout_report_zh(doc: Doc, p: Product, rng: random.Random, st: NumStyle) -> None:
    """Chinese CNAS/CMA style test report."""
    conclusion = (
        "经检验，所检项目中有项目不符合检验依据要求。" if product_fails(p) else "经检验，所检项目符合检验依据要求。"
    )
    report_no = p.ctx["report_no"]
    _cover_zh(doc, p, rng, report_no, BASIS[p.category], conclusion)
    boilerplate_pages(doc, rng, p.ctx.get("boiler", 2))
    doc.new_page()
    doc.title("样品信息", 14)
    doc.table(
        [
            ["项目", "内容"],
            ["样品名称", p.name_zh],
            ["样品编号", f"YP-{rng.randint(10000, 99999)}"],
            ["到样日期", f"2023-{rng.randint(3, 6):02d}-{rng.randint(1, 28):02d}"],
            ["检验日期", f"2023-{rng.randint(6, 7):02d}-{rng.randint(1, 28):02d}"],
            ["样品状态", "完好，满足检验要求"],
            ["产品描述", f"{p.name_zh}，详见委托单位提供的技术资料"],
        ],
        [110, TEXT_W - 110],
    )
    doc.c.setStrokeGray(0.6)
    doc.c.rect(MARGIN + 60, doc.y - 260, TEXT_W - 120, 240)
    doc.c.setFont(CJK, 10)
    doc.c.drawCentredString(PAGE_W / 2, doc.y - 145, "样品照片")
    doc.c.setStrokeGray(0)
    doc.new_page()
    doc.title("检验结果", 14)
    doc.para(f"样品名称：{p.name_zh}    型号规格：{p.model}    样品数量：{rng.randint(1, 3)}台", 10)
    rows = [["序号", "检验项目", "技术要求", "检验结果", "单项判定"]]
    recs: list[list[tuple[Item, str]]] = []
    for n, it in enumerate(p.items, 1):
        t = it.text("zh", st)
        rows.append([str(n), it.zh, it.requirement, t, verdict_word(it, p.category, p.ctx)])
        recs.append([(it, t)] if it.fid else [])
    if p.sw_power:
        u2 = p.ctx["u2"]
        for load, fid in ((0, "power_u1"), (u2, "power_u2"), (100, "power_u3")):
            t = st.num(p.sw_power[load], 1) + " W"
            rows.append([str(len(rows)), f"{load}%负载功率", "——", t, "——"])
            recs.append([(q(fid, p.sw_power[load], "W", "", "", 1), t)])
    if len(rows) > 1:
        doc.table(rows, [34, 140, 100, 130, 79], records=recs)
    if p.psu:
        if p.ctx.get("split_results"):
            doc.new_page()
        doc.heading("电源效率及功率因数")
        lim = PSU_LIMITS.get(p.category) or PSU_LIMITS.get(f"switch_{p.ctx.get('psu_type')}", {})
        rows = [["负载率", "电源效率", "功率因数", "技术要求", "单项判定"]]
        recs = []
        for load in sorted(p.psu):
            r, e_txt, pf_txt = psu_items(p, load, st)
            pf_min = 0.95 if p.category in ("server", "storage") else (0.90 if load == 50 else None)
            req = (f"效率≥{lim[load]:g}%" + (f"；PF≥{pf_min:.2f}" if pf_min else "")) if load in lim else "——"
            verdicts = [judge(p.category, it.fid or "", it.value, p.ctx) for it, _ in r]
            word = "——" if not verdicts else ("不合格" if any(v and v[1] == "fail" for v in verdicts) else "合格")
            rows.append([st.pct(load, 0), e_txt, pf_txt, req, word])
            recs.append(r)
        doc.table(rows, [80, 100, 90, 120, 93], records=recs)
    if p.fuel:
        doc.heading("燃油消耗率（附录G）")
        unit, vals = p.fuel
        rows = [["负载率", "输出功率", "燃油消耗"]]
        recs = []
        for load in (25, 50, 75, 100):
            kw = p.ctx["rated_power"] * load / 100
            rows.append([f"{load}%", st.num(kw, 1) + " kW", fuel_text(unit, vals[load], st, "zh")])
            recs.append(fuel_records(p, st, "zh") if load == 100 else [])
        doc.table(rows, [120, 160, 203], records=recs)
    if p.gen_noise:
        doc.heading("额定工况噪声（附录H，距离1 m，离地1.5 m）")
        texts, nrec = noise_records(p, st)
        head = [d[1] for d in NOISE_DIRS] + (["最大值"] if p.ctx.get("print_max") else [])
        w = TEXT_W / len(head)
        doc.table(
            [["数据记录 dB(A)"] + [""] * (len(head) - 1), head, texts],
            [w] * len(head),
            header_rows=2,
            records=[nrec],
        )
    if p.pah:
        doc.new_page()
        doc.heading("多环芳烃（PAHs）含量（GB/T 29784，外壳、按键及外接电源线）")
        naming = p.ctx.get("pah_naming", "zh")
        rows = [["序号", "检测项目", "CAS号", "检测结果(mg/kg)", "检出限(mg/kg)"]]
        recs = []
        for i, (sub, v) in enumerate(zip(PAH_ROWS, p.pah, strict=True), 1):
            name = {"zh": sub["zh"], "en": sub["en"], "cas": sub["cas"]}[naming]
            t = pah_text(v, "zh", st, "未检出")
            rows.append([str(i), name, sub["cas"] if naming != "cas" else "——", t, "0.2"])
            item = Item(f"pah_{sub['slug']}", v, "mg/kg", "", "", lambda lang, st: "")
            recs.append(
                [(item, t)]
                + (
                    [(Item("bap", v, "mg/kg", "", "", lambda lang, st: ""), t)]
                    if sub["slug"] == "benzo_a_pyrene"
                    else []
                )
            )
        if p.ctx.get("print_sum", True):
            s = pah_sum(p.pah)
            t = st.num(s, 2)
            rows.append(["16", "15项多环芳烃总和", "——", t, "——"])
            recs.append([(q("pah15_sum", s, "mg/kg", "", "", 2), t)])
        doc.table(rows, [34, 170, 80, 110, 89], records=recs)
        doc.para("注：“未检出”表示低于方法检出限；总和计算时未检出项按 0 计。", 8.5)
    subs = substance_rows(p, "zh", st)
    if subs:
        doc.heading("有害物质及电池重金属含量")
        rows = [["检测项目", "检测结果", "限值", "单项判定"]]
        recs = []
        for label, shown, lim_txt, item in subs:
            rows.append([label, shown, lim_txt, verdict_word(item, p.category, p.ctx)])
            recs.append([(item, shown)])
        doc.table(rows, [150, 120, 120, 93], records=recs)
    doc.para("（以下空白）", 10)
    if p.ctx.get("tail_boiler"):
        boilerplate_pages(doc, rng, p.ctx["tail_boiler"])


def _load_columns(
    doc: Doc,
    lang: str,
    head: str,
    loads: list[int],
    rows: list[tuple[str, list[str]]],
    recs_by_col: dict[int, list[tuple[Item, str]]],
    st: NumStyle,
) -> None:
    """A table with load points as columns; records are all put on the table's page."""
    first = 120.0
    w = (TEXT_W - first) / len(loads)
    table = [[head, *[st.pct(x, 0) for x in loads]]] + [[name, *vals] for name, vals in rows]
    doc.table(table, [first] + [w] * len(loads), records=[[]] * len(rows))
    for r in recs_by_col.values():
        for it, raw in r:
            doc.record(it, raw=raw)


def layout_columns(doc: Doc, p: Product, rng: random.Random, st: NumStyle) -> None:
    """Load points as columns, other values as ``key: value`` lines."""
    zh = doc.lang == "zh"
    doc.title(f"{p.model} {p.name_zh if zh else p.name_en}", 16)
    doc.record(fid="model", value=p.model, raw=p.model)
    doc.para((f"制造商：{p.manufacturer}" if zh else f"Manufacturer: {p.manufacturer}"), 10)
    doc.record(fid="manufacturer", value=p.manufacturer, raw=p.manufacturer)
    doc.para(p.prose_zh if zh else p.prose_en, 10)
    doc.heading("技术参数" if zh else "Technical data")
    for it in p.items:
        t = it.text(doc.lang, st)
        doc.para(f"{it.zh if zh else it.en}：{t}" if zh else f"{it.en}: {t}", 10, [(it, t)] if it.fid else [])
    if p.psu:
        doc.heading("电源模块效率" if zh else "Power supply efficiency (80 PLUS test method)")
        loads = sorted(p.psu)
        recs: dict[int, list[tuple[Item, str]]] = {}
        effs, pfs = [], []
        for load in loads:
            r, e_txt, pf_txt = psu_items(p, load, st)
            recs[load] = r
            effs.append(e_txt)
            pfs.append(pf_txt)
        _load_columns(
            doc,
            doc.lang,
            "负载率" if zh else "Load",
            loads,
            [("电源效率" if zh else "Efficiency", effs), ("功率因数" if zh else "Power factor", pfs)],
            recs,
            st,
        )
    if p.sw_power:
        doc.heading("整机功耗（流量负载）" if zh else "Power consumption vs. traffic load")
        loads = sorted(p.sw_power)
        u2 = p.ctx["u2"]
        recs = {}
        for load, fid in ((0, "power_u1"), (u2, "power_u2"), (100, "power_u3")):
            recs[load] = [(q(fid, p.sw_power[load], "W", "", "", 1), st.num(p.sw_power[load], 1))]
        _load_columns(
            doc,
            doc.lang,
            "负载率" if zh else "Load",
            loads,
            [("功率 (W)" if zh else "Power (W)", [st.num(p.sw_power[x], 1) for x in loads])],
            recs,
            st,
        )
    if p.fuel:
        unit, vals = p.fuel
        doc.heading(("燃油消耗" if zh else "Fuel consumption") + f" ({unit})")
        loads = [25, 50, 75, 100]
        nd = 3 if unit == "kg/kWh" else 1
        _load_columns(
            doc,
            doc.lang,
            "负载率" if zh else "Load",
            loads,
            [(("燃油消耗 " if zh else "Fuel ") + unit, [st.num(vals[x], nd) for x in loads])],
            {100: [(it, st.num(vals[100], nd)) for it, _raw in fuel_records(p, st, doc.lang)]},
            st,
        )
    if p.gen_noise:
        doc.heading("噪声 dB(A)，1 m" if zh else "Sound pressure level at 1 m, dB(A)")
        texts, nrec = noise_records(p, st)
        head = [d[1] if zh else d[2] for d in NOISE_DIRS] + (
            ["最大值" if zh else "Max"] if p.ctx.get("print_max") else []
        )
        w = TEXT_W / len(head)
        doc.table([head, texts], [w] * len(head), records=[nrec])
    _substances_kv(doc, p, st)
    doc.para("以上数据为典型值。" if zh else rng.choice(BOILER_EN), 8.5)


def _substances_kv(doc: Doc, p: Product, st: NumStyle) -> None:
    zh = doc.lang == "zh"
    if p.pah:
        b = p.pah[11]
        bt = pah_text(b, doc.lang, st, "未检出" if zh else "ND")
        bitem = Item("bap", b, "mg/kg", "", "", lambda lang, st: "")
        s = pah_sum(p.pah)
        stx = st.num(s, 2)
        if zh:
            doc.para(f"苯并(a)芘：{bt}{'' if b == 'ND' else ' mg/kg'}", 10, [(bitem, bt)])
            doc.para(f"15项多环芳烃总和：{stx} mg/kg", 10, [(q("pah15_sum", s, "mg/kg", "", "", 2), stx)])
        else:
            doc.para(f"Benzo[a]pyrene: {bt}{'' if b == 'ND' else ' mg/kg'}", 10, [(bitem, bt)])
            doc.para(f"Sum of 15 PAHs: {stx} mg/kg", 10, [(q("pah15_sum", s, "mg/kg", "", "", 2), stx)])
    for label, shown, _lim, item in substance_rows(p, doc.lang, st):
        doc.para(f"{label}：{shown}" if zh else f"{label}: {shown}", 10, [(item, shown)])


def layout_kv(doc: Doc, p: Product, rng: random.Random, st: NumStyle) -> None:
    """``key: value`` lines only."""
    zh = doc.lang == "zh"
    sep = "：" if zh else ": "
    doc.title(p.name_zh + "技术参数表" if zh else f"{p.name_en} - Technical Specification", 15)
    doc.para(f"型号{sep}{p.model}" if zh else f"Model{sep}{p.model}", 11)
    doc.record(fid="model", value=p.model, raw=p.model)
    doc.para(f"制造商{sep}{p.manufacturer}" if zh else f"Manufacturer{sep}{p.manufacturer}", 11)
    doc.record(fid="manufacturer", value=p.manufacturer, raw=p.manufacturer)
    doc.y -= 6
    for it in p.items:
        t = it.text(doc.lang, st)
        doc.para(f"{it.zh if zh else it.en}{sep}{t}", 10.5, [(it, t)] if it.fid else [])
    if p.psu:
        for load in (20, 50, 100):
            r, e_txt, pf_txt = psu_items(p, load, st)
            doc.para(
                f"{load}%负载电源效率{sep}{e_txt}" if zh else f"PSU efficiency at {load}% load{sep}{e_txt}",
                10.5,
                r[:1],
            )
            if len(r) > 1:
                doc.para(
                    f"{load}%负载功率因数{sep}{pf_txt}" if zh else f"Power factor at {load}% load{sep}{pf_txt}",
                    10.5,
                    r[1:],
                )
    if p.sw_power:
        u2 = p.ctx["u2"]
        for load, fid in ((0, "power_u1"), (u2, "power_u2"), (100, "power_u3")):
            t = st.num(p.sw_power[load], 1) + " W"
            doc.para(
                f"{load}%流量负载功耗{sep}{t}" if zh else f"Power at {load}% traffic load{sep}{t}",
                10.5,
                [(q(fid, p.sw_power[load], "W", "", "", 1), t)],
            )
    if p.fuel:
        unit, vals = p.fuel
        for load in (25, 50, 75, 100):
            t = fuel_text(unit, vals[load], st, doc.lang)
            doc.para(
                f"{load}%负载燃油消耗{sep}{t}" if zh else f"Fuel consumption at {load}% load{sep}{t}",
                10.5,
                fuel_records(p, st, doc.lang) if load == 100 else [],
            )
    if p.gen_noise:
        texts, nrec = noise_records(p, st)
        for (_k, dzh, den), t, nr in zip(NOISE_DIRS, texts, nrec, strict=False):
            doc.para(
                f"噪声（1 m，{dzh}）{sep}{t} dB(A)" if zh else f"Noise at 1 m, {den.lower()}{sep}{t} dB(A)",
                10.5,
                [nr],
            )
        if p.ctx.get("print_max"):
            doc.para(
                f"最大噪声{sep}{texts[4]} dB(A)" if zh else f"Maximum noise at 1 m{sep}{texts[4]} dB(A)",
                10.5,
                [nrec[4]],
            )
    _substances_kv(doc, p, st)
    doc.y -= 10
    doc.para("注：参数如有变更，恕不另行通知。" if zh else rng.choice(BOILER_EN), 8.5)


def layout_prose(doc: Doc, p: Product, rng: random.Random, st: NumStyle) -> None:
    """Values inside sentences."""
    zh = doc.lang == "zh"
    doc.title(f"{p.manufacturer} {p.model}", 17)
    doc.record(fid="model", value=p.model, raw=p.model)
    doc.record(fid="manufacturer", value=p.manufacturer, raw=p.manufacturer)
    doc.para(p.prose_zh if zh else p.prose_en, 10.5)
    for it in p.items:
        t = it.text(doc.lang, st)
        s = f"该产品的{it.zh}为{t}。" if zh else f"The {it.en[0].lower() + it.en[1:]} is {t}."
        doc.para(s, 10.5, [(it, t)] if it.fid else [])
    if p.psu:
        for load in (20, 50, 100):
            r, e_txt, pf_txt = psu_items(p, load, st)
            if zh:
                s = f"{load}%负载时电源效率为{e_txt}" + (f"，功率因数为{pf_txt}。" if len(r) > 1 else "。")
            else:
                s = f"At {load}% load the power supply reaches an efficiency of {e_txt}" + (
                    f" with a power factor of {pf_txt}." if len(r) > 1 else "."
                )
            doc.para(s, 10.5, r)
    if p.sw_power:
        u2 = p.ctx["u2"]
        parts = []
        recs = []
        for load, fid in ((0, "power_u1"), (u2, "power_u2"), (100, "power_u3")):
            t = st.num(p.sw_power[load], 1)
            parts.append((load, t))
            recs.append((q(fid, p.sw_power[load], "W", "", "", 1), t))
        if zh:
            s = "整机功耗在" + "、".join(f"{ld}%流量负载时为{t} W" for ld, t in parts) + "。"
        else:
            s = "The switch draws " + ", ".join(f"{t} W at {ld}% traffic load" for ld, t in parts) + "."
        doc.para(s, 10.5, recs)
    if p.fuel:
        unit, vals = p.fuel
        t = fuel_text(unit, vals[100], st, doc.lang)
        t75 = fuel_text(unit, vals[75], st, doc.lang)
        s = (
            f"机组在额定功率（100%负载）下的燃油消耗为{t}，75%负载时为{t75}。"
            if zh
            else f"At rated output (100% load) fuel consumption is {t}; at 75% load it is {t75}."
        )
        doc.para(s, 10.5, fuel_records(p, st, doc.lang))
    if p.gen_noise:
        texts, nrec = noise_records(p, st)
        if zh:
            s = (
                "按附录H方法，在距机组1 m、离地1.5 m处测得噪声："
                + "，".join(f"{d[1]}{t} dB(A)" for d, t in zip(NOISE_DIRS, texts, strict=False))
                + "。"
            )
        else:
            s = (
                "Measured 1 m from the set and 1.5 m above the floor, sound pressure was "
                + ", ".join(f"{t} dB(A) {d[2].lower()}" for d, t in zip(NOISE_DIRS, texts, strict=False))
                + "."
            )
        doc.para(s, 10.5, nrec[:4])
    if p.pah or p.rohs or p.battery:
        _substances_kv(doc, p, st)
    doc.para(rng.choice(BOILER_ZH) if zh else rng.choice(BOILER_EN), 8.5)


LAYOUTS: dict[str, Callable[[Doc, Product, random.Random, NumStyle], None]] = {
    "datasheet": layout_datasheet_en,
    "report": layout_report_zh,
    "columns": layout_columns,
    "kv": layout_kv,
    "prose": layout_prose,
}


# ---------------------------------------------------------------------------------------------
# category builders
# ---------------------------------------------------------------------------------------------


def _psu(
    rng: random.Random, eff: tuple[float, float, float], pf: tuple[float, float, float]
) -> dict[int, tuple[float, float]]:
    """PSU load points: the given 20/50/100 % values plus a lower 10 % point."""
    e20, e50, e100 = eff
    e10 = round(e20 - rng.uniform(2.5, 5.0), 1)
    return {10: (e10, round(pf[0] - 0.06, 3)), 20: (e20, pf[0]), 50: (e50, pf[1]), 100: (e100, pf[2])}


def _fixed_fmt(shown: float, nd: int, unit: str) -> Callable[[str, NumStyle], str]:
    """A formatter printing ``shown`` (already in the printed unit) with ``unit``."""
    return lambda lang, st: f"{st.num(shown, nd)} {unit}"


def _pct(fid: str, v: float, en: str, zh: str, req: str = "——", nd: int = 1) -> Item:
    return q(fid, v, "%", en, zh, nd, "%", req=req)


def build_it(cat: str, rng: random.Random, v: dict[str, Any]) -> Product:
    """Server or storage."""
    names = {
        "server": ("2U rack server", "机架式服务器"),
        "storage": ("Unified storage array", "统一存储设备"),
    }
    p = Product(cat, v["model"], v["mfr"], *names[cat])
    p.items.append(_pct("recyclability", v["recyc"], "Recyclability rate (GB/T 32355.2)", "产品可再生利用率", "≥80%"))
    p.psu = _psu(rng, v["eff"], v["pf"])
    p.items.append(q(None, v["psu_w"], "W", "Power supply rating", "电源额定功率", 0, "W"))
    if v.get("rohs"):
        p.rohs = v["rohs"]
    p.prose_en = (
        f"The {p.model} delivers dense compute and storage with redundant {v['psu_w']} W Titanium-class "
        "hot-swap power supplies, front-to-back airflow and tool-less serviceability."
    )
    p.prose_zh = f"{p.model}采用冗余热插拔{v['psu_w']} W电源模块，前进后出风道设计，支持免工具维护。"
    return p


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


def build_pc(cat: str, rng: random.Random, v: dict[str, Any]) -> Product:
    """Desktop, laptop or monitor."""
    names = {
        "desktop": ("Desktop computer", "台式微型计算机"),
        "laptop": ("Notebook computer", "便携式微型计算机"),
        "monitor": ("LCD monitor", "液晶显示器"),
    }
    p = Product(cat, v["model"], v["mfr"], *names[cat])
    p.items.append(_pct("recyclability", v["recyc"], "Recyclability rate", "产品可再生利用率", "≥80%"))
    p.items.append(
        _pct(
            "recycled_plastic_share",
            v["pcr"],
            "Post-consumer recycled plastic share",
            "消费后再生塑料使用比例",
            "≥2%",
        )
    )
    std = "GB 21520" if cat == "monitor" else "GB 28380"
    g = grade(v["grade"], std, v.get("grade_style", "digit"))
    g.requirement = "2级及以上"
    p.items.append(g)
    if cat in PC_NOISE:
        lim = PC_NOISE[cat]
        p.items.append(
            q(
                "noise_idle",
                v["noise"][0],
                "dBA",
                "Noise, idle (declared)",
                "空闲状态噪声",
                1,
                "dB(A)",
                req=f"≤{lim['noise_idle']:g} dB(A)",
            )
        )
        p.items.append(
            q(
                "noise_work",
                v["noise"][1],
                "dBA",
                "Noise, operating",
                "工作状态噪声",
                1,
                "dB(A)",
                req=f"≤{lim['noise_work']:g} dB(A)",
            )
        )
    if cat in ("laptop", "monitor"):
        hg = v.get("hg_backlight", "ND")
        if hg == "ND":
            p.items.append(
                txt(
                    "backlight_hg",
                    "ND",
                    "Mercury in backlight",
                    "背光灯汞含量",
                    "ND (LED backlight)",
                    "未检出（LED背光）",
                    unit="mg",
                    req="<3 mg",
                )
            )
        else:
            p.items.append(q("backlight_hg", hg, "mg", "Mercury in backlight", "背光灯汞含量", 1, "mg", req="<3 mg"))
    p.pah = v.get("pah", PAH_SMALL)
    p.ctx["pah_naming"] = v.get("pah_naming", "zh")
    if v.get("rohs"):
        p.rohs = v["rohs"]
    if cat == "laptop":
        p.items.append(
            txt(
                "has_battery",
                True,
                "Battery",
                "含电池",
                "Built-in 3-cell Li-ion, 56 Wh",
                "内置锂离子电池（56 Wh）",
            )
        )
        if v.get("battery"):
            p.battery = v["battery"]
    p.prose_en = f"The {p.model} combines business-class reliability with recycled materials and low noise."
    p.prose_zh = f"{p.model}采用再生塑料外壳与低噪声散热设计，适用于办公环境。"
    return p


def build_switch(cat: str, rng: random.Random, v: dict[str, Any]) -> Product:
    """Ethernet switch, with decoys: switching capacity and sound pressure."""
    p = Product(cat, v["model"], v["mfr"], "Fixed-port Ethernet switch", "以太网交换机")
    cls = v["cls"]
    cls_txt = {
        "access": ("Access", "接入交换机"),
        "distribution": ("Distribution / aggregation", "汇聚交换机"),
        "data_center": ("Data center", "数据中心交换机"),
        "core": ("Core", "核心交换机"),
    }[cls]
    p.items.append(txt("device_class", cls, "Device class (ATIS-0600015.03)", "设备类别", *cls_txt))
    p.ctx["u2"] = 30 if cls in ("data_center", "core") else 10
    td = v["td_mbps"]
    cap = td * rng.choice([2, 4]) / 1000 * 1.7
    p.items.append(q(None, round(cap), "Gbps", "Switching capacity", "交换容量", 0, "Gbps", unit_zh="Gbps"))
    unit_td = v.get("td_unit", "Gbps")
    if unit_td == "Gbps":
        p.items.append(
            q(
                "max_throughput",
                td,
                "Mbps",
                "Maximum throughput (RFC 2544, measured)",
                "最大吞吐量（实测）",
                0,
                "Gbps",
            )
        )
        p.items[-1].fmt = _fixed_fmt(td / 1000, 1, "Gbps")
    else:
        p.items.append(
            q(
                "max_throughput",
                td,
                "Mbps",
                "Maximum throughput (RFC 2544, measured)",
                "最大吞吐量（实测）",
                0,
                "Mbps",
            )
        )
    loads = {0: v["pw"][0], p.ctx["u2"]: v["pw"][1], 100: v["pw"][2]}
    if v.get("all_loads"):
        other = 30 if p.ctx["u2"] == 10 else 10
        loads[other] = round((v["pw"][0] + v["pw"][1]) / 2 + (5 if other == 30 else -3), 1)
    p.sw_power = dict(sorted(loads.items()))
    p.ctx["psu_type"] = v["psu_type"]
    p.items.append(
        txt(
            "psu_type",
            v["psu_type"],
            "Power supply type",
            "电源类型",
            *(
                ("Single-output PSU (1+1 hot-swap)", "单路输出电源（1+1热插拔）")
                if v["psu_type"] == "single"
                else ("Multi-output PSU", "多路输出电源")
            ),
        )
    )
    p.psu = _psu(rng, v["eff"], v["pf"])
    if v.get("deployment"):
        p.ctx["deployment"] = v["deployment"]
        p.items.append(
            txt(
                "deployment",
                v["deployment"],
                "Deployment",
                "使用环境",
                *(
                    ("Attended (office)", "有人值守")
                    if v["deployment"] == "attended"
                    else ("Unattended (equipment room)", "无人值守")
                ),
            )
        )
    lim = 8.1 if v.get("deployment") == "unattended" else 7.6
    p.items.append(
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
    p.items.append(
        q(
            None,
            round(v["lwad"] * 10 - rng.uniform(12, 18), 1),
            "dBA",
            "Sound pressure at 1 m (bystander position)",
            "1 m处声压级",
            1,
            "dB(A)",
        )
    )
    if v.get("rohs"):
        p.rohs = v["rohs"]
    teer = td / (0.1 * v["pw"][0] + 0.8 * v["pw"][1] + 0.1 * v["pw"][2])
    p.ctx["derived"] = {
        "teer": {
            "value": round(teer, 1),
            "unit": "Mbps/W",
            "clause": "6.2.3/teer",
            "expect": _ok(teer >= 300),
        }
    }
    p.prose_en = (
        f"The {p.model} is a {cls_txt[0].lower()}-class switch with {v['ports']}, "
        f"non-blocking forwarding and front-to-back airflow."
    )
    p.prose_zh = f"{p.model}为{cls_txt[1]}，提供{v['ports']}，支持线速转发。"
    return p


def build_firewall(cat: str, rng: random.Random, v: dict[str, Any]) -> Product:
    """Firewall, with a 1518-byte throughput decoy and rack-ear width decoy."""
    p = Product(cat, v["model"], v["mfr"], "Next-generation firewall", "网络防火墙")
    t = v["t64"]
    p.items.append(
        q(
            None,
            v["t1518"],
            "Gbps",
            "Firewall throughput (1518-byte, large packets)",
            "防火墙吞吐量（1518字节大包）",
            1,
            "Gbps",
        )
    )
    p.items.append(
        q(
            "fw_throughput",
            t,
            "Gbps",
            "IPv4 throughput, 64-byte frames (RFC 2544)",
            "IPv4吞吐量（64字节）",
            1,
            "Gbps",
        )
    )
    p.items.append(
        q("fw_power", v["power"], "W", "Power consumption at maximum throughput", "最大吞吐量时功耗", 0, "W")
    )
    l_mm, h_mm, d_mm = v["dims_mm"]
    unit = v.get("dim_unit", "mm")
    fac = {"mm": 1.0, "cm": 10.0, "in": 25.4}[unit]
    nd = {"mm": 0, "cm": 1, "in": 2}[unit]
    for fid, val, en, zh in (
        ("length", l_mm, "Width (without rack ears)", "长（不含挂耳）"),
        ("height", h_mm, "Height", "高"),
        ("depth", d_mm, "Depth", "深"),
        (None, 482.6, "Width with rack ears", "含挂耳宽度"),
    ):
        shown = round(val / fac, nd)
        p.items.append(
            Item(
                fid,
                round(shown * fac, 1),
                "mm",
                en,
                zh,
                _fixed_fmt(shown, nd, unit),
            )
        )
    p.psu = _psu(rng, v["eff"], v["pf"])
    p.ctx["psu_type"] = "single"
    p.items.append(
        q("noise_lwad", v["lwad"], "B_LW", "Declared sound power LWAd", "声功率级 LWAd", 1, "B", req="≤7.6 B")
    )
    p.items.append(q(None, round(v["lwad"] * 10 - 14.5, 1), "dBA", "Sound pressure at 1 m", "1 m处声压级", 1, "dB(A)"))
    vol = (l_mm * h_mm * d_mm) / 1e6
    vlim, wlim = firewall_tier(t)
    ppt = v["power"] / t
    p.ctx["derived"] = {
        "volume": {
            "value": round(vol, 2),
            "unit": "dm**3",
            "clause": "6.2.4/volume",
            "expect": _ok(vol <= vlim),
            "limit": vlim,
        },
        "power_per_throughput": {
            "value": round(ppt, 2),
            "unit": "W/Gbps",
            "clause": "6.2.4/power-per-throughput",
            "expect": _ok(ppt <= wlim),
            "limit": wlim,
        },
    }
    p.prose_en = f"The {p.model} secures the data-centre edge with application control and IPS at line rate."
    p.prose_zh = f"{p.model}提供应用识别、入侵防御等安全功能，适用于数据中心边界防护。"
    return p


COOLING = {
    "chiller": ("Water-cooled centrifugal chiller", "水冷离心式冷水机组", "GB 19577"),
    "unitary_ac": ("Precision unitary air conditioner", "单元式空气调节机（机房精密空调）", "GB 19576"),
    "libr_chiller": ("Lithium-bromide absorption chiller", "溴化锂吸收式冷水机组", "GB 29540"),
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
            txt(
                "has_battery",
                True,
                "Battery",
                "含电池",
                "Lithium iron phosphate battery cabinet",
                "磷酸铁锂电池柜",
            )
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
            q(
                "outlet_power",
                per,
                "W",
                "Power consumption per outlet",
                "每个插座消耗功率",
                2,
                "W",
                req="≤0.5 W",
            )
        )
    p.ctx["derived"] = {
        "outlet_power": {"value": per, "unit": "W", "clause": "6.3.4/outlet-power", "expect": _ok(per <= 0.5)}
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
    rt_txt = {
        "prime": ("Prime power (PRP)", "常用功率（PRP）"),
        "standby": ("Standby power (ESP)", "备用功率（ESP）"),
    }[rt]
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
            q(
                "sound_power_lwa",
                v["lwa"],
                "dBA",
                "Sound power level LwA (ISO 3744)",
                "声功率级LwA",
                1,
                "dB(A)",
            )
        )
    m = max(v["noise"])
    lim = fuel_limit(pk)
    derived: dict[str, Any] = {
        "noise_max": {
            "value": m,
            "unit": "dBA",
            "clause": "6.3.5/noise",
            "expect": _ok(m <= (105.0 if pk <= 250 else 110.0)),
        }
    }
    if unit == "L/h" and lim is not None:
        lo, hi = (full * d * 1000 / pk for d in DIESEL_DENSITY)
        assert (lo <= lim) == (hi <= lim), "L/h value straddles the limit over the density range"
        derived["fuel_rate"] = {
            "value": round((lo + hi) / 2, 1),
            "low": round(lo, 1),
            "high": round(hi, 1),
            "unit": "g/kWh",
            "clause": "6.3.5/fuel-consumption",
            "expect": _ok(hi <= lim),
        }
    p.ctx["derived"] = derived
    p.prose_en = (
        f"The {p.model} generator set is rated {pk:,} kW ({rt}) at 400 V, 50 Hz, and meets "
        "China Stage III non-road emission limits."
    )
    p.prose_zh = f"{p.model}柴油发电机组额定功率{pk} kW（{rt_txt[1]}），400 V/50 Hz，排放满足国三要求。"
    return p


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


BUILDERS: dict[str, Callable[[str, random.Random, dict[str, Any]], Product]] = {
    "server": build_it,
    "storage": build_it,
    "desktop": build_pc,
    "laptop": build_pc,
    "monitor": build_pc,
    "switch": build_switch,
    "firewall": build_firewall,
    "cooling": build_cooling,
    "pdu": build_pdu,
    "generator": build_generator,
    "cable": build_cable,
    **{c: build_simple for c in SIMPLE},
}


# ---------------------------------------------------------------------------------------------
# the corpus plan
# ---------------------------------------------------------------------------------------------

PLAN_YAML = HERE / "documents_plan.yaml"
STYLES: dict[str, NumStyle] = {
    "plain": PLAIN,
    "pct_space": NumStyle(pct_space=True),
    "full": NumStyle(full=True),
    "fraction": NumStyle(fraction=True),
    "thousands": NumStyle(thousands=True),
    "comma": NumStyle(comma=True),
}


@dataclass(frozen=True)
class PlanEntry:
    """One document of the corpus plan (``samples/documents_plan.yaml``)."""

    stem: str
    category: str
    layout: str
    language: str
    style: NumStyle
    scanned: bool
    spec: dict[str, Any]


def load_plan(path: Path = PLAN_YAML) -> list[PlanEntry]:
    """The corpus plan, in generation order; a style is named by a key of ``STYLES``."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        PlanEntry(
            e["stem"],
            e["category"],
            e["layout"],
            e["language"],
            STYLES[e["style"]],
            e.get("scanned", False),
            e["spec"],
        )
        for e in entries
    ]


# ---------------------------------------------------------------------------------------------
# assembling documents
# ---------------------------------------------------------------------------------------------


def render(
    stem: str, cat: str, layout: str, lang: str, st: NumStyle, spec: dict[str, Any]
) -> tuple[bytes, int, Product, dict[str, dict[str, Any]]]:
    """Render one document twice (the second pass knows the page total)."""
    total: int | None = None
    for _ in range(2):
        rng = random.Random(f"{SEED}:{stem}")
        p = BUILDERS[cat](cat, rng, spec)
        for key in ("boiler", "tail_boiler", "pah_naming", "print_sum", "split_results"):
            if key in spec:
                p.ctx[key] = spec[key]
        p.ctx["report_no"] = f"GDC{rng.randint(2023000000, 2023999999)}"
        header = (
            f"报告编号：{p.ctx['report_no']}    {p.name_zh}检验报告"
            if layout == "report"
            else (f"{p.manufacturer}  |  {p.name_zh if lang == 'zh' else p.name_en}")
        )
        doc = Doc(lang, header, total)
        LAYOUTS[layout](doc, p, rng, st)
        data, pages = doc.finish()
        if total == pages:
            return data, pages, p, doc.fields
        total = pages
    raise RuntimeError(f"{stem}: page count did not settle")


def scan(data: bytes, seed: str) -> bytes:
    """An image-only copy of a PDF: each page rendered at 200 dpi in grey, slightly skewed."""
    rng = random.Random(seed)
    pdf = pdfium.PdfDocument(data)
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    for i in range(len(pdf)):
        img = pdf[i].render(scale=200 / 72, grayscale=True).to_pil().convert("L")
        img = img.rotate(rng.uniform(-0.6, 0.6), resample=Image.Resampling.BILINEAR, fillcolor=255)
        img = img.point(lambda v: 235 if v > 235 else v)  # paper tone
        c.drawImage(ImageReader(img), 0, 0, width=PAGE_W, height=PAGE_H)
        c.showPage()
    pdf.close()
    c.save()
    return out.getvalue()


def truth_entry(
    stem: str,
    cat: str,
    layout: str,
    lang: str,
    scanned: bool,
    pages: int,
    p: Product,
    fields: dict[str, dict[str, Any]],
    spec: dict[str, Any],
) -> dict[str, Any]:
    """The truth record of one document."""
    out_fields: dict[str, dict[str, Any]] = {}
    failed: list[str] = []
    for fid, rec in fields.items():
        if not allowed(cat, fid):
            continue
        unit = FIELD_UNITS.get(fid, "mg/kg" if fid.startswith("pah_") else None)
        if rec["unit"] is not None and unit is not None and rec["unit"] != unit:
            raise ValueError(f"{stem}: {fid} recorded in {rec['unit']}, fields.yaml says {unit}")
        entry: dict[str, Any] = {"value": rec["value"], "unit": unit, "page": rec["page"], "raw": rec["raw"]}
        if rec["value"] == "ND":
            entry["qualifier"] = "nd"
        elif isinstance(rec["value"], str) and rec["value"].startswith("<"):
            entry["qualifier"] = "lt"
        j = judge(cat, fid, rec["value"], p.ctx)
        if j is not None:
            entry["clause"], entry["expect"] = j
            if j[1] == "fail":
                failed.append(j[0])
        out_fields[fid] = entry
    derived = dict(p.ctx.get("derived", {}))
    if "pah15_sum" not in out_fields and p.pah is not None and any(f.startswith("pah_") for f in out_fields):
        s = pah_sum(p.pah)
        derived["pah15_sum"] = {"value": s, "unit": "mg/kg", "clause": "6.2.2/pah15", "expect": _ok(s <= 50)}
    # derived checks count only when their inputs are printed in this document
    needs = {
        "teer": ("max_throughput", "power_u2"),
        "volume": ("length", "fw_throughput"),
        "power_per_throughput": ("fw_power", "fw_throughput"),
        "outlet_power": ("pdu_power", "outlet_count"),
        "noise_max": ("noise_front",),
        "fuel_rate": ("fuel_flow_100", "rated_power"),
        "pah15_sum": (),
    }
    derived = {k: v for k, v in derived.items() if all(n in out_fields for n in needs[k])}
    failed += [d["clause"] for d in derived.values() if d["expect"] == "fail"]
    entry_out: dict[str, Any] = {
        "category": cat,
        "model": p.model,
        "manufacturer": p.manufacturer,
        "language": lang,
        "layout": f"{layout}_{lang}",
        "scanned": scanned,
        "pages": pages,
        "fields": out_fields,
        "derived": derived,
        "expected_verdict": "fail" if failed else "incomplete",
        "failing_clauses": sorted(set(failed)),
        "notes": spec.get("note", ""),
    }
    return entry_out


def generate(out_dir: Path) -> dict[str, Any]:
    """Write every PDF and truth.json into ``out_dir``; return the truth mapping."""
    if not FIELD_UNITS:
        _load_fields()
    out_dir.mkdir(parents=True, exist_ok=True)
    truth: dict[str, Any] = {}
    for e in load_plan():
        stem, cat, layout, lang, st, scanned, spec = (
            e.stem, e.category, e.layout, e.language, e.style, e.scanned, e.spec
        )
        data, pages, p, fields = render(stem, cat, layout, lang, st, spec)
        if scanned:
            data = scan(data, f"{SEED}:scan:{stem}")
        name = f"{stem}.pdf"
        (out_dir / name).write_bytes(data)
        truth[name] = truth_entry(stem, cat, layout, lang, scanned, pages, p, fields, spec)
        LOG.debug("%s: %d pages, %d bytes", name, pages, len(data))
    (out_dir / "truth.json").write_text(
        json.dumps(truth, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    return truth


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default samples/documents)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO, format="%(message)s")
    t0 = time.perf_counter()
    truth = generate(args.out)
    size = sum((args.out / n).stat().st_size for n in truth)
    LOG.info(
        "wrote %d PDFs (%.1f MB) and truth.json to %s in %.1f s",
        len(truth),
        size / 1e6,
        args.out,
        time.perf_counter() - t0,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
