"""Numbers as people write them: one decimal from 10 up, three significant digits below, and never a
rounding that makes a value read as its limit when it is not (full precision stays in JSON)."""

from __future__ import annotations

import math
from decimal import Decimal

SIGNIFICANT = 3


def _plain(value: float, decimals: int) -> str:
    text = f"{value:.{max(decimals, 0)}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _decimals(value: float, significant: int) -> int:
    if value == 0:
        return 0
    exponent = math.floor(math.log10(abs(value)))
    return 1 if exponent >= 1 else max(significant - 1 - exponent, 0)


def num(value: float | int | None, against: float | None = None, sign: bool = False) -> str:
    """``value`` for display: ``193.928 → 193.9``, ``86.66817766 → 86.7``, ``0.01234 → 0.0123``.

    ``against`` is the limit the value is compared with: more decimals are shown until the displayed
    value no longer reads as the limit (89.96 against 90 is ``89.96``, not ``90``). ``sign`` prefixes
    ``+`` for a positive number (margins).
    """
    if value is None:
        return "—"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if not math.isfinite(value):
        return str(value)
    decimals = _decimals(float(value), SIGNIFICANT)
    text = _plain(float(value), decimals)
    if against is not None and value != against and math.isfinite(against):
        while Decimal(text) == Decimal(repr(float(against))) and decimals < 12:
            decimals += 1
            text = _plain(float(value), decimals)
    if sign and float(text) > 0:
        text = "+" + text
    return text


def quantity(value: float | int | str | None, unit: str, against: float | None = None) -> str:
    """A value and its unit (``194 g/kWh``); ``—`` for no value."""
    if value is None:
        return "—"
    return f"{num(value, against) if isinstance(value, int | float) else value} {unit}".strip()


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK) characters count two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def pad(text: str, columns: int, right: bool = False) -> str:
    """``text`` padded with spaces to ``columns`` terminal columns (left-aligned, or right with ``right``)."""
    space = " " * max(columns - width(text), 0)
    return space + text if right else text + space
