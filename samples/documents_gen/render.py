"""Assembling the corpus: render each planned document, scan some, write the PDFs and ``truth.json``."""

from __future__ import annotations

import io
import json
import logging
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from .builders_ict import build_firewall, build_it, build_pc, build_switch
from .builders_plant import SIMPLE, build_cable, build_cooling, build_generator, build_pdu, build_simple
from .doc import Doc
from .judge import PAH15_MAX, judge, pass_fail
from .layouts import LAYOUTS
from .parts import pah_sum
from .plan import PlanEntry, load_plan
from .product import Product, allowed, field_unit
from .style import PAGE_H, PAGE_W

LOG = logging.getLogger("make_documents")

SEED = 20230601
SPEC_CONTEXT = ("boiler", "tail_boiler", "pah_naming", "print_sum", "split_results")  # spec keys a layout reads

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
    **dict.fromkeys(SIMPLE, build_simple),
}
# derived checks count only when their inputs are printed in the document
DERIVED_NEEDS: dict[str, tuple[str, ...]] = {
    "teer": ("max_throughput", "power_u2"),
    "volume": ("length", "fw_throughput"),
    "power_per_throughput": ("fw_power", "fw_throughput"),
    "outlet_power": ("pdu_power", "outlet_count"),
    "noise_max": ("noise_front",),
    "fuel_rate": ("fuel_flow_100", "rated_power"),
    "pah15_sum": (),
}

Fields = dict[str, dict[str, Any]]  # field id -> value, unit, page, raw as the document recorded it


def render(e: PlanEntry) -> tuple[bytes, int, Product, Fields]:
    """Render one document twice (the second pass knows the page total)."""
    total: int | None = None
    for _ in range(2):
        rng = random.Random(f"{SEED}:{e.stem}")
        p = BUILDERS[e.category](e.category, rng, e.spec)
        for key in SPEC_CONTEXT:
            if key in e.spec:
                p.ctx[key] = e.spec[key]
        p.ctx["report_no"] = f"GDC{rng.randint(2023000000, 2023999999)}"
        doc = Doc(e.language, _header(p, e.layout, e.language), total)
        LAYOUTS[e.layout](doc, p, rng, e.style)
        data, pages = doc.finish()
        if total == pages:
            return data, pages, p, doc.fields
        total = pages
    raise RuntimeError(f"{e.stem}: page count did not settle")


def _header(p: Product, layout: str, lang: str) -> str:
    """The running header of every page."""
    if layout == "report":
        return f"报告编号：{p.ctx['report_no']}    {p.name_zh}检验报告"
    return f"{p.manufacturer}  |  {p.name_zh if lang == 'zh' else p.name_en}"


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


def truth_entry(e: PlanEntry, pages: int, p: Product, fields: Fields) -> dict[str, Any]:
    """The truth record of one document."""
    out_fields = _truth_fields(e.stem, e.category, p, fields)
    failed = [f["clause"] for f in out_fields.values() if f.get("expect") == "fail"]
    derived = _truth_derived(p, out_fields)
    failed += [d["clause"] for d in derived.values() if d["expect"] == "fail"]
    return {
        "category": e.category,
        "model": p.model,
        "manufacturer": p.manufacturer,
        "language": e.language,
        "layout": f"{e.layout}_{e.language}",
        "scanned": e.scanned,
        "pages": pages,
        "fields": out_fields,
        "derived": derived,
        "expected_verdict": "fail" if failed else "incomplete",
        "failing_clauses": sorted(set(failed)),
        "notes": e.spec.get("note", ""),
    }


def _truth_fields(stem: str, cat: str, p: Product, fields: Fields) -> Fields:
    """The recorded fields of the category's vocabulary, with qualifier, clause and expectation."""
    out: Fields = {}
    for fid, rec in fields.items():
        if not allowed(cat, fid):
            continue
        unit = field_unit(fid)
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
        out[fid] = entry
    return out


def _truth_derived(p: Product, out_fields: Fields) -> dict[str, Any]:
    """The product's derived checks whose inputs the document prints (and the PAH sum it leaves out)."""
    derived = dict(p.ctx.get("derived", {}))
    if "pah15_sum" not in out_fields and p.pah is not None and any(f.startswith("pah_") for f in out_fields):
        s = pah_sum(p.pah)
        derived["pah15_sum"] = {
            "value": s,
            "unit": "mg/kg",
            "clause": "6.2.2/pah15",
            "expect": pass_fail(s <= PAH15_MAX),
        }
    return {k: v for k, v in derived.items() if all(n in out_fields for n in DERIVED_NEEDS[k])}


def generate(out_dir: Path) -> dict[str, Any]:
    """Write every PDF and truth.json into ``out_dir``; return the truth mapping."""
    out_dir.mkdir(parents=True, exist_ok=True)
    truth: dict[str, Any] = {}
    for e in load_plan():
        data, pages, p, fields = render(e)
        if e.scanned:
            data = scan(data, f"{SEED}:scan:{e.stem}")
        name = f"{e.stem}.pdf"
        (out_dir / name).write_bytes(data)
        truth[name] = truth_entry(e, pages, p, fields)
        LOG.debug("%s: %d pages, %d bytes", name, pages, len(data))
    (out_dir / "truth.json").write_text(
        json.dumps(truth, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    return truth
