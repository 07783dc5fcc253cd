"""The Chinese third-party test report (检验报告, CNAS/CMA style) layout."""

from __future__ import annotations

import random

from .doc import Doc, boilerplate_pages
from .judge import PSU_LIMITS, judge
from .parts import (
    FUEL_LOADS,
    NOISE_DIRS,
    PAH_ROWS,
    fuel_records,
    fuel_text,
    noise_records,
    pah_sum,
    pah_text,
    product_fails,
    psu_items,
    substance_rows,
    switch_loads,
    switch_power_record,
    verdict_word,
)
from .product import Product, Record, q, unprinted
from .style import CJK, MARGIN, PAGE_W, TEXT_W, NumStyle, Value

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
LABS = [
    "国家信息技术设备质量检验检测中心（示例）",
    "华测电子电器检测有限公司（示例）",
    "中电信息产品检验院（示例）",
]


def layout_report_zh(doc: Doc, p: Product, rng: random.Random, st: NumStyle) -> None:
    """Chinese CNAS/CMA style test report."""
    conclusion = (
        "经检验，所检项目中有项目不符合检验依据要求。" if product_fails(p) else "经检验，所检项目符合检验依据要求。"
    )
    _cover(doc, p, rng, p.ctx["report_no"], BASIS[p.category], conclusion)
    boilerplate_pages(doc, rng, p.ctx.get("boiler", 2))
    doc.new_page()
    _sample_page(doc, p, rng)
    doc.new_page()
    doc.title("检验结果", 14)
    doc.para(f"样品名称：{p.name_zh}    型号规格：{p.model}    样品数量：{rng.randint(1, 3)}台", 10)
    _results_table(doc, p, st)
    if p.psu:
        _psu_table(doc, p, st)
    if p.fuel:
        _fuel_table(doc, p, st)
    if p.gen_noise:
        _noise_table(doc, p, st)
    if p.pah:
        _pah_table(doc, p, p.pah, st)
    _substance_table(doc, p, st)
    doc.para("（以下空白）", 10)
    if p.ctx.get("tail_boiler"):
        boilerplate_pages(doc, rng, p.ctx["tail_boiler"])


def _cover(doc: Doc, p: Product, rng: random.Random, report_no: str, basis: str, conclusion: str) -> None:
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
    doc.c.drawCentredString(PAGE_W / 2, doc.y, rng.choice(LABS))
    doc.y -= 20
    doc.c.drawCentredString(PAGE_W / 2, doc.y, f"签发日期：2023年{rng.randint(7, 12)}月{rng.randint(1, 28)}日")
    doc.c.setFont("Helvetica-Bold", 14)
    doc.c.drawString(MARGIN, 90, "CNAS L" + str(rng.randint(1000, 9999)))
    doc.c.drawRightString(PAGE_W - MARGIN, 90, "CMA " + str(rng.randint(100000000, 999999999)))


def _sample_page(doc: Doc, p: Product, rng: random.Random) -> None:
    """样品信息: a table and a frame for the photo."""
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


def _results_table(doc: Doc, p: Product, st: NumStyle) -> None:
    """序号 | 检验项目 | 技术要求 | 检验结果 | 单项判定, one row per item and switch load point."""
    rows = [["序号", "检验项目", "技术要求", "检验结果", "单项判定"]]
    recs: list[list[Record]] = []
    for n, it in enumerate(p.items, 1):
        t = it.text("zh", st)
        rows.append([str(n), it.zh, it.requirement, t, verdict_word(it, p.category, p.ctx)])
        recs.append([(it, t)] if it.fid else [])
    if p.sw_power:
        for load, fid in switch_loads(p):
            t = st.num(p.sw_power[load], 1) + " W"
            rows.append([str(len(rows)), f"{load}%负载功率", "——", t, "——"])
            recs.append([switch_power_record(p, load, fid, t)])
    if len(rows) > 1:
        doc.table(rows, [34, 140, 100, 130, 79], records=recs)


def _psu_table(doc: Doc, p: Product, st: NumStyle) -> None:
    """电源效率及功率因数: one row per load point."""
    assert p.psu is not None
    if p.ctx.get("split_results"):
        doc.new_page()
    doc.heading("电源效率及功率因数")
    lim = PSU_LIMITS.get(p.category) or PSU_LIMITS.get(f"switch_{p.ctx.get('psu_type')}", {})
    rows = [["负载率", "电源效率", "功率因数", "技术要求", "单项判定"]]
    recs: list[list[Record]] = []
    for load in sorted(p.psu):
        r, e_txt, pf_txt = psu_items(p, load, st)
        pf_min = 0.95 if p.category in ("server", "storage") else (0.90 if load == 50 else None)
        req = (f"效率≥{lim[load]:g}%" + (f"；PF≥{pf_min:.2f}" if pf_min else "")) if load in lim else "——"
        verdicts = [judge(p.category, it.fid or "", it.value, p.ctx) for it, _ in r]
        word = "——" if not verdicts else ("不合格" if any(v and v[1] == "fail" for v in verdicts) else "合格")
        rows.append([st.pct(load, 0), e_txt, pf_txt, req, word])
        recs.append(r)
    doc.table(rows, [80, 100, 90, 120, 93], records=recs)


def _fuel_table(doc: Doc, p: Product, st: NumStyle) -> None:
    """燃油消耗率 (Appendix G) at four load points."""
    assert p.fuel is not None
    doc.heading("燃油消耗率（附录G）")
    unit, vals = p.fuel
    rows = [["负载率", "输出功率", "燃油消耗"]]
    recs: list[list[Record]] = []
    for load in FUEL_LOADS:
        kw = p.ctx["rated_power"] * load / 100
        rows.append([f"{load}%", st.num(kw, 1) + " kW", fuel_text(unit, vals[load], st, "zh")])
        recs.append(fuel_records(p, st, "zh") if load == 100 else [])
    doc.table(rows, [120, 160, 203], records=recs)


def _noise_table(doc: Doc, p: Product, st: NumStyle) -> None:
    """The Appendix H noise readings as a two-row-header table."""
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


def _pah_table(doc: Doc, p: Product, pah: list[Value], st: NumStyle) -> None:
    """The 15-row PAH table (named in Chinese, English or by CAS number) and, mostly, its sum."""
    doc.new_page()
    doc.heading("多环芳烃（PAHs）含量（GB/T 29784，外壳、按键及外接电源线）")
    naming = p.ctx.get("pah_naming", "zh")
    rows = [["序号", "检测项目", "CAS号", "检测结果(mg/kg)", "检出限(mg/kg)"]]
    recs: list[list[Record]] = []
    for i, (sub, v) in enumerate(zip(PAH_ROWS, pah, strict=True), 1):
        name = {"zh": sub["zh"], "en": sub["en"], "cas": sub["cas"]}[naming]
        t = pah_text(v, "zh", st, "未检出")
        rows.append([str(i), name, sub["cas"] if naming != "cas" else "——", t, "0.2"])
        rec: list[Record] = [(unprinted(f"pah_{sub['slug']}", v), t)]
        if sub["slug"] == "benzo_a_pyrene":
            rec.append((unprinted("bap", v), t))
        recs.append(rec)
    if p.ctx.get("print_sum", True):
        s = pah_sum(pah)
        t = st.num(s, 2)
        rows.append(["16", "15项多环芳烃总和", "——", t, "——"])
        recs.append([(q("pah15_sum", s, "mg/kg", "", "", 2), t)])
    doc.table(rows, [34, 170, 80, 110, 89], records=recs)
    doc.para("注：“未检出”表示低于方法检出限；总和计算时未检出项按 0 计。", 8.5)


def _substance_table(doc: Doc, p: Product, st: NumStyle) -> None:
    """有害物质及电池重金属含量, when the product has RoHS or battery values."""
    subs = substance_rows(p, "zh", st)
    if not subs:
        return
    doc.heading("有害物质及电池重金属含量")
    rows = [["检测项目", "检测结果", "限值", "单项判定"]]
    recs: list[list[Record]] = []
    for label, shown, lim_txt, item in subs:
        rows.append([label, shown, lim_txt, verdict_word(item, p.category, p.ctx)])
        recs.append([(item, shown)])
    doc.table(rows, [150, 120, 120, 93], records=recs)
