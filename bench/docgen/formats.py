"""Number and unit formats as vendors and labs print them (the truth stays in the canonical unit)."""

from __future__ import annotations

import random

from docgen.products import Item


def number(rng: random.Random, value: float, decimals: int | None = None, thousands: bool = True) -> str:
    """``value`` printed with a random but exact number of decimals, sometimes with thousands commas."""
    text = repr(float(value))
    places = len(text.split(".")[1].rstrip("0")) if "." in text else 0
    if decimals is None:
        decimals = places + rng.choice([0, 0, 0, 1])
    decimals = max(decimals, places)
    if thousands and abs(value) >= 1000 and rng.random() < 0.5:
        return f"{value:,.{decimals}f}"
    return f"{value:.{decimals}f}"


def _space(rng: random.Random) -> str:
    return rng.choice(["", " ", " "])


def nd_word(rng: random.Random, lang: str) -> str:
    """A non-detect as labs print it."""
    return rng.choice(["未检出", "ND", "N.D."]) if lang == "zh" else rng.choice(["ND", "N.D.", "Not detected"])


def quantity(rng: random.Random, item: Item, lang: str, unit_column: bool = False) -> str:
    """The printed value of ``item``; without its unit when ``unit_column`` (the unit is in the header)."""
    if item.nd:
        return nd_word(rng, lang)
    value = float(item.value)  # type: ignore[arg-type]
    unit = item.unit
    if unit == "W" and value >= 1000 and not unit_column and rng.random() < 0.5:
        return number(rng, round(value / 1000, 4), thousands=False) + _space(rng) + "kW"
    if unit == "Gbps" and not unit_column:
        choice = rng.random()
        if value >= 1000 and choice < 0.4:
            return number(rng, round(value / 1000, 4)) + _space(rng) + "Tbps"
        if choice < 0.7:
            return number(rng, value) + _space(rng) + rng.choice(["Gbit/s", "Gb/s"])
    if unit_column or not unit:
        return number(rng, value)
    printed = {
        "mg/kg": rng.choice(["mg/kg", "ppm"]),
        "dBA": rng.choice(["dB(A)", "dBA"]),
        "L/h": rng.choice(["L/h", "L/hr", "L/h"]),
    }.get(unit, unit)
    return number(rng, value) + _space(rng) + printed


def header_unit(item: Item) -> str:
    """The unit as a column header prints it."""
    return {"dBA": "dB(A)", "": ""}.get(item.unit, item.unit)
