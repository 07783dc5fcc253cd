"""A reportlab canvas that keeps a cursor, breaks pages and records where each field is printed."""

from __future__ import annotations

import io
import random
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas

from .product import Item, Record
from .style import BOTTOM, CJK, MARGIN, PAGE_H, PAGE_W, TEXT_W, TOP, Value


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

    def para(self, text: str, size: float = 10, records: list[Record] | None = None, indent: float = 0.0) -> None:
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
        records: list[list[Record]] | None = None,
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


# ---- boilerplate text ----------------------------------------------------------------------

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
