"""Layout families: a product → an abstract document (blocks), modelled on real document types.

Blocks: ``("title", text)``, ``("kv", [(label, value)])``, ``("table", header, rows)``,
``("para", text)``, ``("page",)`` (a page break). Every family prints each truth item once.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from docgen.formats import quantity
from docgen.products import Item, Product

Block = tuple


@dataclass
class Doc:
    """An abstract document: blocks, a running header/footer text, the language and the family."""

    family: str
    lang: str
    blocks: list[Block] = field(default_factory=list)
    running: str = ""


def _by(product: Product, prefix: str) -> list[Item]:
    return [i for i in product.items if i.field.startswith(prefix)]


def _word(item: Item, lang: str) -> str:
    return item.zh if lang == "zh" else item.en


def _enums(product: Product) -> list[Item]:
    return [i for i in product.items if isinstance(i.value, (str, bool))]


def _quantities(product: Product) -> list[Item]:
    skip = ("psu_", "power_u", "noise_", "pb", "hg", "cd", "cr6")
    return [i for i in product.items if not isinstance(i.value, (str, bool)) and not i.field.startswith(skip)]


def _verdict(item: Item, lang: str) -> str:
    req = item.requirement
    if not req:
        return "/" if lang == "zh" else "—"
    value = 0.0 if item.nd else float(item.value)  # type: ignore[arg-type]
    limit = float(req.strip("≤≥%"))
    ok = value <= limit if req.startswith("≤") else value >= limit
    if lang == "zh":
        return "合格" if ok else "不合格"
    return "Pass" if ok else "Fail"


def _load_table(rng: random.Random, product: Product, lang: str) -> Block:
    """A PSU load table with extra columns (input/output power) as labs print it."""
    rated = rng.choice([550, 800, 1200, 1600, 2000])
    head = (
        ["负载率", "输入功率(W)", "输出功率(W)", "效率(%)", "功率因数"]
        if lang == "zh"
        else ["Load", "Input power (W)", "Output power (W)", "Efficiency (%)", "Power factor"]
    )
    rows = []
    for load, eff, pf in product.loads:
        out = rated * load / 100
        rows.append([f"{load}%", f"{out / (eff / 100):.1f}", f"{out:.1f}", f"{eff:.1f}", f"{pf:.3f}"])
    return ("table", head, rows)


def _switch_table(rng: random.Random, product: Product, lang: str) -> Block:
    head = ["负载", "功率(W)"] if lang == "zh" else ["Traffic load", "Power (W)"]
    return ("table", head, [[label, f"{watts:.1f}"] for label, watts in product.switch_loads])


def _noise_table(rng: random.Random, product: Product, lang: str) -> Block:
    head = ["测点位置", "声压级 dB(A)"] if lang == "zh" else ["Position (1 m)", "Sound pressure dB(A)"]
    return ("table", head, [[_word(i, lang), quantity(rng, i, lang, unit_column=True)] for i in _by(product, "noise_")])


def _rohs_table(rng: random.Random, items: list[Item], lang: str) -> Block:
    head = (
        ["检测项目", "限值(mg/kg)", "检出限(mg/kg)", "结果(mg/kg)", "结论"]
        if lang == "zh"
        else ["Substance", "Limit (mg/kg)", "MDL (mg/kg)", "Result (mg/kg)", "Conclusion"]
    )
    rows = [
        [
            _word(i, lang),
            i.requirement.strip("≤"),
            rng.choice(["2", "5", "8"]),
            quantity(rng, i, lang, unit_column=True),
            _verdict(i, lang),
        ]
        for i in items
    ]
    return ("table", head, rows)


def _enum_text(item: Item, lang: str) -> tuple[str, str]:
    labels = {
        "device_class": ("设备类别", "Device class"),
        "port_type": ("端口形式", "Port type"),
        "psu_type": ("电源输出类型", "PSU output"),
        "rating_type": ("功率类型", "Rating"),
        "fuel_type": ("燃料", "Fuel"),
        "power_distribution": ("用途", "Application"),
        "concealed_ventilated_space": ("敷设方式", "Installation"),
    }
    zh, en = labels.get(item.field, (item.zh, item.en))
    return (zh, item.zh) if lang == "zh" else (en, item.en)


def _special_tables(rng: random.Random, product: Product, lang: str) -> list[Block]:
    out: list[Block] = []
    if product.loads:
        out.append(_load_table(rng, product, lang))
    if product.switch_loads:
        out.append(_switch_table(rng, product, lang))
    if _by(product, "noise_"):
        out.append(_noise_table(rng, product, lang))
    rohs = [i for i in product.items if i.field in ("pb", "hg", "cd", "cr6")]
    if rohs:
        out.append(_rohs_table(rng, rohs, lang))
    return out


def lab_report(rng: random.Random, product: Product, lang: str) -> Doc:
    """A test report: cover data, a result table 序号|检验项目|标准要求|检验结果|单项结论, load tables."""
    number = f"{rng.choice(['SH', 'BJ', 'GZ', 'TR'])}{rng.randint(2021, 2026)}{rng.randint(10000, 99999)}"
    doc = Doc("lab_report", lang, running=(f"报告编号：{number}" if lang == "zh" else f"Report No. {number}"))
    zh = lang == "zh"
    doc.blocks.append(("title", "检 验 报 告" if zh else "TEST REPORT"))
    cover = [
        ("产品名称" if zh else "Product", product.kind_zh if zh else product.kind_en),
        ("型号规格" if zh else "Model", product.model),
        ("生产单位" if zh else "Manufacturer", product.manufacturer),
        ("检验类别" if zh else "Test type", "委托检验" if zh else "Commissioned test"),
    ]
    doc.blocks.append(("kvtable", cover))
    doc.blocks.append(("page",))
    head = (
        ["序号", "检验项目", "标准要求", "检验结果", "单项结论"]
        if zh
        else ["No.", "Test item", "Requirement", "Result", "Verdict"]
    )
    rows = []
    for n, item in enumerate(_quantities(product), 1):
        rows.append(
            [str(n), _word(item, lang), item.requirement or "/", quantity(rng, item, lang), _verdict(item, lang)]
        )
    for item in _enums(product):
        label, text = _enum_text(item, lang)
        rows.append([str(len(rows) + 1), label, "/", text, "/"])
    doc.blocks.append(("table", head, rows))
    doc.blocks.extend(_special_tables(rng, product, lang))
    return doc


def datasheet(rng: random.Random, product: Product, lang: str) -> Doc:
    """A vendor datasheet: title, key:value lines, a two-column spec table, load tables."""
    zh = lang == "zh"
    doc = Doc("datasheet", lang, running=product.manufacturer)
    doc.blocks.append(("title", f"{product.model} {product.kind_zh if zh else product.kind_en}"))
    kv = [("型号" if zh else "Model", product.model), ("制造商" if zh else "Manufacturer", product.manufacturer)]
    kv += [_enum_text(i, lang) for i in _enums(product)]
    doc.blocks.append(("kv", kv))
    spec = [[_word(i, lang), quantity(rng, i, lang)] for i in _quantities(product)]
    if spec:
        doc.blocks.append(("table", ["参数" if zh else "Specification", "数值" if zh else "Value"], spec))
    doc.blocks.extend(_special_tables(rng, product, lang))
    return doc


def brochure(rng: random.Random, product: Product, lang: str) -> Doc:
    """Brochure prose: every value inside a sentence."""
    zh = lang == "zh"
    doc = Doc("brochure", lang, running=product.manufacturer)
    doc.blocks.append(("title", f"{product.manufacturer} {product.model}"))
    sentences = []
    for item in product.items:
        if isinstance(item.value, (str, bool)):
            label, text = _enum_text(item, lang)
            sentences.append(f"{label}：{text}。" if zh else f"{label}: {text}.")
            continue
        value = quantity(rng, item, lang)
        sentences.append(f"{item.zh}为{value}。" if zh else f"{item.en} is {value}.")
    if zh:
        intro = f"{product.model}{product.kind_zh}由{product.manufacturer}设计制造，适用于数据中心。"
    else:
        intro = f"The {product.model} {product.kind_en.lower()} from {product.manufacturer} is built for data centres."
    doc.blocks.append(("para", intro))
    for start in range(0, len(sentences), 3):
        doc.blocks.append(("para", (" " if not zh else "").join(sentences[start : start + 3])))
    return doc


FAMILIES = {"lab_report": lab_report, "datasheet": datasheet, "brochure": brochure}
