"""The layouts of a vendor's own documents: datasheet, load points as columns, ``key: value`` lines, prose.

A layout draws a product onto a ``Doc`` and records every field where it prints it. The Chinese
test report is its own module (``report.py``); ``LAYOUTS`` names them all.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from .doc import BOILER_EN, BOILER_ZH, Doc
from .parts import (
    BAP_INDEX,
    FUEL_LOADS,
    NOISE_DIRS,
    fuel_records,
    fuel_text,
    noise_records,
    pah_sum,
    pah_text,
    psu_items,
    substance_rows,
    switch_loads,
    switch_power_record,
)
from .product import Product, Record, q, unprinted
from .report import layout_report_zh
from .style import TEXT_W, NumStyle

Row = tuple[str, str, list[Record]]  # (label, printed value, records) of a datasheet table
Line = tuple[str, list[Record]]  # (a line or sentence, records) of a kv or prose document
PSU_LOADS = (20, 50, 100)


# ---- datasheet: a two-column Specifications table -----------------------------------------


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
    rows: list[Row] = [("Model", p.model, []), ("Manufacturer", p.manufacturer, [])]
    for it in p.items:
        t = it.text("en", st)
        rows.append((it.en, t, [(it, t)] if it.fid else []))
    for section in (_datasheet_psu, _datasheet_switch, _datasheet_fuel, _datasheet_noise, _datasheet_pah):
        rows += section(p, st)
    rows += [(label, shown, [(item, shown)]) for label, shown, _lim, item in substance_rows(p, "en", st)]
    doc.table(
        [["Parameter", "Value"]] + [[label, value] for label, value, _ in rows],
        [230, TEXT_W - 230],
        records=[recs for _, _, recs in rows],
        bold_first_col=True,
    )
    doc.heading("Notes", 11)
    for sentence in rng.sample(BOILER_EN, 3):
        doc.para(sentence, 8.5)


def _datasheet_psu(p: Product, st: NumStyle) -> list[Row]:
    rows: list[Row] = []
    for load in PSU_LOADS if p.psu else ():
        r, e_txt, pf_txt = psu_items(p, load, st)
        rows.append((f"PSU efficiency at {load} % load", e_txt, r[:1]))
        if len(r) > 1:
            rows.append((f"PSU power factor at {load} % load", pf_txt, r[1:]))
    return rows


def _datasheet_switch(p: Product, st: NumStyle) -> list[Row]:
    if not p.sw_power:
        return []
    rows: list[Row] = []
    for load, fid in switch_loads(p):
        t = st.num(p.sw_power[load], 1) + " W"
        rows.append((f"Power consumption at {load} % traffic load", t, [switch_power_record(p, load, fid, t)]))
    return rows


def _datasheet_fuel(p: Product, st: NumStyle) -> list[Row]:
    if not p.fuel:
        return []
    unit, vals = p.fuel
    return [
        (
            f"Fuel consumption at {load} % load",
            fuel_text(unit, vals[load], st, "en"),
            fuel_records(p, st, "en") if load == 100 else [],
        )
        for load in FUEL_LOADS
    ]


def _datasheet_noise(p: Product, st: NumStyle) -> list[Row]:
    if not p.gen_noise:
        return []
    texts, nrec = noise_records(p, st)
    return [
        (f"Sound pressure at 1 m, {en.lower()}", t + " dB(A)", [nr])
        for (_key, _zh, en), t, nr in zip(NOISE_DIRS, texts, nrec, strict=False)
    ]


def _datasheet_pah(p: Product, st: NumStyle) -> list[Row]:
    if not p.pah:
        return []
    b = p.pah[BAP_INDEX]
    bt = pah_text(b, "en", st, "ND") + ("" if b == "ND" else " mg/kg")
    bap = q("bap", b, "mg/kg", "", "", 2) if not isinstance(b, str) else unprinted("bap", b)
    s = pah_sum(p.pah)
    stxt = st.num(s, 2) + " mg/kg"
    return [
        ("Benzo[a]pyrene in housing, keys and power cord", bt, [(bap, bt)]),
        ("Sum of 15 PAHs (GB/T 29784)", stxt, [(q("pah15_sum", s, "mg/kg", "", "", 2), stxt)]),
    ]


# ---- columns: load points as columns, the rest as key: value lines -------------------------


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
    _columns_psu(doc, p, st)
    _columns_switch(doc, p, st)
    _columns_fuel(doc, p, st)
    _columns_noise(doc, p, st)
    _substances_kv(doc, p, st)
    doc.para("以上数据在实验室条件下测得，实际使用中可能因配置和环境而异。" if zh else rng.choice(BOILER_EN), 8.5)


def _load_columns(
    doc: Doc,
    loads: list[int],
    rows: list[tuple[str, list[str]]],
    recs_by_col: dict[int, list[Record]],
    st: NumStyle,
) -> None:
    """A table with load points as columns; records are all put on the table's page."""
    first = 120.0
    w = (TEXT_W - first) / len(loads)
    head = "负载率" if doc.lang == "zh" else "Load"
    table = [[head, *[st.pct(x, 0) for x in loads]]] + [[name, *vals] for name, vals in rows]
    doc.table(table, [first] + [w] * len(loads), records=[[]] * len(rows))
    for r in recs_by_col.values():
        for it, raw in r:
            doc.record(it, raw=raw)


def _columns_psu(doc: Doc, p: Product, st: NumStyle) -> None:
    if not p.psu:
        return
    zh = doc.lang == "zh"
    doc.heading("电源模块效率" if zh else "Power supply efficiency (80 PLUS test method)")
    loads = sorted(p.psu)
    recs: dict[int, list[Record]] = {}
    effs, pfs = [], []
    for load in loads:
        r, e_txt, pf_txt = psu_items(p, load, st)
        recs[load] = r
        effs.append(e_txt)
        pfs.append(pf_txt)
    rows = [("电源效率" if zh else "Efficiency", effs), ("功率因数" if zh else "Power factor", pfs)]
    _load_columns(doc, loads, rows, recs, st)


def _columns_switch(doc: Doc, p: Product, st: NumStyle) -> None:
    if not p.sw_power:
        return
    zh = doc.lang == "zh"
    doc.heading("整机功耗（流量负载）" if zh else "Power consumption vs. traffic load")
    power = p.sw_power
    loads = sorted(power)
    recs = {load: [switch_power_record(p, load, fid, st.num(power[load], 1))] for load, fid in switch_loads(p)}
    _load_columns(doc, loads, [("功率 (W)" if zh else "Power (W)", [st.num(power[x], 1) for x in loads])], recs, st)


def _columns_fuel(doc: Doc, p: Product, st: NumStyle) -> None:
    if not p.fuel:
        return
    zh = doc.lang == "zh"
    unit, vals = p.fuel
    doc.heading(("燃油消耗" if zh else "Fuel consumption") + f" ({unit})")
    loads = list(FUEL_LOADS)
    nd = 3 if unit == "kg/kWh" else 1
    rows = [(("燃油消耗 " if zh else "Fuel ") + unit, [st.num(vals[x], nd) for x in loads])]
    recs = {100: [(it, st.num(vals[100], nd)) for it, _raw in fuel_records(p, st, doc.lang)]}
    _load_columns(doc, loads, rows, recs, st)


def _columns_noise(doc: Doc, p: Product, st: NumStyle) -> None:
    if not p.gen_noise:
        return
    zh = doc.lang == "zh"
    doc.heading("噪声 dB(A)，1 m" if zh else "Sound pressure level at 1 m, dB(A)")
    texts, nrec = noise_records(p, st)
    head = [d[1] if zh else d[2] for d in NOISE_DIRS] + (["最大值" if zh else "Max"] if p.ctx.get("print_max") else [])
    w = TEXT_W / len(head)
    doc.table([head, texts], [w] * len(head), records=[nrec])


def _substances_kv(doc: Doc, p: Product, st: NumStyle) -> None:
    """BaP, the PAH sum, RoHS and battery values as ``key: value`` lines."""
    zh = doc.lang == "zh"
    if p.pah:
        b = p.pah[BAP_INDEX]
        bt = pah_text(b, doc.lang, st, "未检出" if zh else "ND")
        bitem = unprinted("bap", b)
        s = pah_sum(p.pah)
        stx = st.num(s, 2)
        sum_rec = [(q("pah15_sum", s, "mg/kg", "", "", 2), stx)]
        if zh:
            doc.para(f"苯并(a)芘：{bt}{'' if b == 'ND' else ' mg/kg'}", 10, [(bitem, bt)])
            doc.para(f"15项多环芳烃总和：{stx} mg/kg", 10, sum_rec)
        else:
            doc.para(f"Benzo[a]pyrene: {bt}{'' if b == 'ND' else ' mg/kg'}", 10, [(bitem, bt)])
            doc.para(f"Sum of 15 PAHs: {stx} mg/kg", 10, sum_rec)
    for label, shown, _lim, item in substance_rows(p, doc.lang, st):
        doc.para(f"{label}：{shown}" if zh else f"{label}: {shown}", 10, [(item, shown)])


# ---- kv: key: value lines only -------------------------------------------------------------


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
    lines: list[Line] = []
    for it in p.items:
        t = it.text(doc.lang, st)
        lines.append((f"{it.zh if zh else it.en}{sep}{t}", [(it, t)] if it.fid else []))
    for section in (_kv_psu, _kv_switch, _kv_fuel, _kv_noise):
        lines += section(p, st, doc.lang)
    for text, recs in lines:
        doc.para(text, 10.5, recs)
    _substances_kv(doc, p, st)
    doc.y -= 10
    doc.para("注：参数如有变更，恕不另行通知。" if zh else rng.choice(BOILER_EN), 8.5)


def _kv_psu(p: Product, st: NumStyle, lang: str) -> list[Line]:
    zh, sep = lang == "zh", _sep(lang)
    lines: list[Line] = []
    for load in PSU_LOADS if p.psu else ():
        r, e_txt, pf_txt = psu_items(p, load, st)
        lines.append(
            (f"{load}%负载电源效率{sep}{e_txt}" if zh else f"PSU efficiency at {load}% load{sep}{e_txt}", r[:1])
        )
        if len(r) > 1:
            pf = f"{load}%负载功率因数{sep}{pf_txt}" if zh else f"Power factor at {load}% load{sep}{pf_txt}"
            lines.append((pf, r[1:]))
    return lines


def _kv_switch(p: Product, st: NumStyle, lang: str) -> list[Line]:
    if not p.sw_power:
        return []
    zh, sep = lang == "zh", _sep(lang)
    lines: list[Line] = []
    for load, fid in switch_loads(p):
        t = st.num(p.sw_power[load], 1) + " W"
        text = f"{load}%流量负载功耗{sep}{t}" if zh else f"Power at {load}% traffic load{sep}{t}"
        lines.append((text, [switch_power_record(p, load, fid, t)]))
    return lines


def _kv_fuel(p: Product, st: NumStyle, lang: str) -> list[Line]:
    if not p.fuel:
        return []
    zh, sep = lang == "zh", _sep(lang)
    unit, vals = p.fuel
    lines: list[Line] = []
    for load in FUEL_LOADS:
        t = fuel_text(unit, vals[load], st, lang)
        text = f"{load}%负载燃油消耗{sep}{t}" if zh else f"Fuel consumption at {load}% load{sep}{t}"
        lines.append((text, fuel_records(p, st, lang) if load == 100 else []))
    return lines


def _kv_noise(p: Product, st: NumStyle, lang: str) -> list[Line]:
    if not p.gen_noise:
        return []
    zh, sep = lang == "zh", _sep(lang)
    texts, nrec = noise_records(p, st)
    lines: list[Line] = [
        (f"噪声（1 m，{dzh}）{sep}{t} dB(A)" if zh else f"Noise at 1 m, {den.lower()}{sep}{t} dB(A)", [nr])
        for (_k, dzh, den), t, nr in zip(NOISE_DIRS, texts, nrec, strict=False)
    ]
    if p.ctx.get("print_max"):
        text = f"最大噪声{sep}{texts[4]} dB(A)" if zh else f"Maximum noise at 1 m{sep}{texts[4]} dB(A)"
        lines.append((text, [nrec[4]]))
    return lines


def _sep(lang: str) -> str:
    return "：" if lang == "zh" else ": "


# ---- prose: values inside sentences --------------------------------------------------------


def layout_prose(doc: Doc, p: Product, rng: random.Random, st: NumStyle) -> None:
    """Values inside sentences."""
    zh = doc.lang == "zh"
    doc.title(f"{p.manufacturer} {p.model}", 17)
    doc.record(fid="model", value=p.model, raw=p.model)
    doc.record(fid="manufacturer", value=p.manufacturer, raw=p.manufacturer)
    doc.para(p.prose_zh if zh else p.prose_en, 10.5)
    sentences: list[Line] = []
    for it in p.items:
        t = it.text(doc.lang, st)
        s = f"该产品的{it.zh}为{t}。" if zh else f"The {it.en[0].lower() + it.en[1:]} is {t}."
        sentences.append((s, [(it, t)] if it.fid else []))
    for section in (_prose_psu, _prose_switch, _prose_fuel, _prose_noise):
        sentences += section(p, st, doc.lang)
    for text, recs in sentences:
        doc.para(text, 10.5, recs)
    _substances_kv(doc, p, st)
    doc.para(rng.choice(BOILER_ZH) if zh else rng.choice(BOILER_EN), 8.5)


def _prose_psu(p: Product, st: NumStyle, lang: str) -> list[Line]:
    sentences: list[Line] = []
    for load in PSU_LOADS if p.psu else ():
        r, e_txt, pf_txt = psu_items(p, load, st)
        if lang == "zh":
            s = f"{load}%负载时电源效率为{e_txt}" + (f"，功率因数为{pf_txt}。" if len(r) > 1 else "。")
        else:
            s = f"At {load}% load the power supply reaches an efficiency of {e_txt}" + (
                f" with a power factor of {pf_txt}." if len(r) > 1 else "."
            )
        sentences.append((s, r))
    return sentences


def _prose_switch(p: Product, st: NumStyle, lang: str) -> list[Line]:
    if not p.sw_power:
        return []
    parts = [(load, st.num(p.sw_power[load], 1)) for load, _fid in switch_loads(p)]
    recs = [switch_power_record(p, load, fid, t) for (load, fid), (_, t) in zip(switch_loads(p), parts, strict=True)]
    if lang == "zh":
        s = "整机功耗在" + "、".join(f"{ld}%流量负载时为{t} W" for ld, t in parts) + "。"
    else:
        s = "The switch draws " + ", ".join(f"{t} W at {ld}% traffic load" for ld, t in parts) + "."
    return [(s, recs)]


def _prose_fuel(p: Product, st: NumStyle, lang: str) -> list[Line]:
    if not p.fuel:
        return []
    unit, vals = p.fuel
    t = fuel_text(unit, vals[100], st, lang)
    t75 = fuel_text(unit, vals[75], st, lang)
    s = (
        f"机组在额定功率（100%负载）下的燃油消耗为{t}，75%负载时为{t75}。"
        if lang == "zh"
        else f"At rated output (100% load) fuel consumption is {t}; at 75% load it is {t75}."
    )
    return [(s, fuel_records(p, st, lang))]


def _prose_noise(p: Product, st: NumStyle, lang: str) -> list[Line]:
    if not p.gen_noise:
        return []
    texts, nrec = noise_records(p, st)
    if lang == "zh":
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
    return [(s, nrec[:4])]


LAYOUTS: dict[str, Callable[[Doc, Product, random.Random, NumStyle], None]] = {
    "datasheet": layout_datasheet_en,
    "report": layout_report_zh,
    "columns": layout_columns,
    "kv": layout_kv,
    "prose": layout_prose,
}
