"""The product model: the values a document may print about a product, and how each is printed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from checker.catalog.fields import flatten_fields

from .style import NumStyle, Value

FIELDS_YAML = Path(__file__).resolve().parents[2] / "catalogs" / "fields.yaml"


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


Record = tuple[Item, str]  # a field printed in a document, with its printed text


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


def pct(fid: str, v: float, en: str, zh: str, req: str = "——", nd: int = 1) -> Item:
    """A percentage item."""
    return q(fid, v, "%", en, zh, nd, "%", req=req)


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


def unprinted(fid: str, value: Value, unit: str = "mg/kg") -> Item:
    """An item only recorded (its printed text is made by the layout)."""
    return Item(fid, value, unit, "", "", lambda lang, st: "")


def fixed_fmt(shown: float, nd: int, unit: str) -> Callable[[str, NumStyle], str]:
    """A formatter printing ``shown`` (already in the printed unit) with ``unit``."""
    return lambda lang, st: f"{st.num(shown, nd)} {unit}"


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


# ---- the field vocabulary (catalogs/fields.yaml: names and units, no limits) ----------------


@cache
def _vocabulary() -> tuple[dict[str, str | None], dict[str, set[str]]]:
    data = yaml.safe_load(FIELDS_YAML.read_text(encoding="utf-8"))
    units = {fid: spec.get("unit") if spec.get("kind") == "quantity" else None for fid, spec in data["fields"].items()}
    fields = {
        cat: {f for f in flatten_fields(fids) if not f.startswith("+")} for cat, fids in data["category_fields"].items()
    }
    return units, fields


def field_unit(fid: str) -> str | None:
    """The canonical unit of a field (mg/kg for a PAH, None for a field without a unit)."""
    return _vocabulary()[0].get(fid, "mg/kg" if fid.startswith("pah_") else None)


def allowed(cat: str, fid: str) -> bool:
    """Whether ``fid`` is in the category's vocabulary (fields.yaml) or identity."""
    return fid in _vocabulary()[1][cat] or fid in ("model", "manufacturer") or fid.startswith("pah_")
