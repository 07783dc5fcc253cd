"""Draw documents from a seed; write each PDF and its truth (fields and expected clause verdicts)."""

from __future__ import annotations

import json
import logging
import random
from datetime import date
from pathlib import Path
from typing import Any

from docgen.layouts import FAMILIES
from docgen.products import MAKERS, Product
from docgen.render import chromium_available, chromium_pdf, reportlab_pdf, scan, turn

log = logging.getLogger(__name__)
AS_OF = date(2026, 12, 1)


def record(product: Product) -> dict[str, Any]:
    """The product as a record mapping (the JSON/YAML record shape) for the engine."""
    out: dict[str, Any] = {
        "id": product.model,
        "category": product.category,
        "model": product.model,
        "manufacturer": product.manufacturer,
    }
    for item in product.items:
        if item.nd:
            out[item.field] = "ND"
        elif isinstance(item.value, float):
            out[item.field] = f"{item.value} {item.unit}".strip()
        else:
            out[item.field] = item.value
    return out


def verdicts(mapping: dict[str, Any]) -> dict[str, str]:
    """Clause id → status the engine gives the record ``mapping``."""
    from checker.pipeline import evaluate_mappings

    report = evaluate_mappings([mapping], AS_OF, source="truth").report()
    return {c.id: c.status for c in report.products[0].clauses}


def truth(product: Product, family: str, lang: str, path: str, scanned: bool) -> dict[str, Any]:
    """What the document says: every printed field and the verdicts of the record built from them."""
    mapping = record(product)
    fields = {i.field: {"value": i.value, "unit": i.unit, "nd": i.nd} for i in product.items}
    return {
        "file": path,
        "category": product.category,
        "model": product.model,
        "manufacturer": product.manufacturer,
        "family": family,
        "lang": lang,
        "scanned": scanned,
        "fields": fields,
        "record": mapping,
        "verdicts": verdicts(mapping),
    }


def one(out: Path, index: int, rng: random.Random, scan_share: float, turn_share: float = 0.0) -> dict[str, Any]:
    """Draw, print, (sometimes) scan and (sometimes) store turned one document."""
    category = rng.choice(sorted(MAKERS))
    product = MAKERS[category](rng)
    family = rng.choice(sorted(FAMILIES))
    lang = rng.choice(["zh", "en"])
    doc = FAMILIES[family](rng, product, lang)
    path = out / f"{index:04d}-{category}-{family}-{lang}.pdf"
    if chromium_available() and rng.random() < 0.5:
        chromium_pdf(doc, path, rng)
        engine = "chromium"
    else:
        reportlab_pdf(doc, path, rng)
        engine = "reportlab"
    scanned = rng.random() < scan_share
    if scanned:
        scan(path, rng)
    turned = turn(path, rng) if rng.random() < turn_share else 0  # drawn last: the other draws stay as they were
    data = truth(product, family, lang, path.name, scanned)
    data["producer"] = engine
    data["turned"] = turned
    return data


def generate(out: Path, count: int, seed: int, scan_share: float = 0.15,
             turn_share: float = 0.1) -> list[dict[str, Any]]:
    """Write ``count`` documents drawn from ``seed`` into ``out`` with ``truth.json``; return the truths.
    A ``turn_share`` of them are stored with their pages turned by a /Rotate (shown as before)."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    truths = []
    for index in range(count):
        truths.append(one(out, index, random.Random(rng.getrandbits(64)), scan_share, turn_share))
    (out / "truth.json").write_text(json.dumps(truths, ensure_ascii=False, indent=1), encoding="utf-8")
    return truths
