"""The calculators page's inputs → :mod:`checker.calc.api`, and its results as the page shows them.

The library computes every figure and judges every clause through the engine, so the page can never
disagree with ``checker check`` or ``checker calc``. Here only the page's inputs are read: a blank text
box is a value not given, and the parts, materials and PAH tables become plain values. Quantities are
text so a unit may be typed (``26 Gbps``, ``17.3 in``); a bare number is in the unit the label shows.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from checker.calc import api as calc_api
from checker.catalog.clauses import Catalog
from checker.models import ClauseResult

log = logging.getLogger(__name__)

NOISE_SIDES = calc_api.NOISE_SIDES


@dataclass
class CalcResult:
    """A calculator's figures (name → value) and the clauses judged for it."""

    figures: dict[str, Any] = field(default_factory=dict)
    clauses: list[ClauseResult] = field(default_factory=list)
    category: str = ""


def _shown(result: calc_api.Calculation) -> CalcResult:
    """The library's result as the page shows it: every figure by name, the clauses, the category."""
    return CalcResult(result.model_dump(exclude={"category", "unit", "clauses"}), list(result.clauses),
                      result.category)


def _text(value: str | None) -> str | None:
    """A text box's value; None when blank."""
    return None if value is None or not str(value).strip() else str(value)


def _numbers(frame: pd.DataFrame, column: str) -> pd.Series:
    """A table column as numbers (blank cells 0: an unused row); a cell that is not a number is an error,
    never a silent 0 that would shrink a denominator."""
    values = frame[column] if column in frame else pd.Series(0.0, index=frame.index)
    blank = values.isna() | (values.astype(str).str.strip() == "")
    numbers = pd.to_numeric(values.where(~blank, 0.0), errors="coerce")
    bad = numbers.isna() & ~blank
    if bad.any():
        raise ValueError(f"{column}: not a number: {values[bad].iloc[0]!r}")
    return numbers.fillna(0.0)


def teer(device_class: str, throughput: str, powers: Sequence[str], as_of: date) -> CalcResult:
    """Appendix E TEER for the class from Td and the three powers (u1, u2, u3)."""
    p_u1, p_u2, p_u3 = powers
    return _shown(calc_api.teer(device_class, throughput, p_u1, p_u2, p_u3, as_of))


def firewall(throughput: str, power: str | None, dims: Sequence[str | None], as_of: date) -> CalcResult:
    """Table 5 tier, volume (length, height, depth) and W/Gbps."""
    length, height, depth = (_text(d) for d in dims)
    return _shown(calc_api.firewall(throughput, _text(power), length, height, depth, as_of))


def generator(rated_power: str, fuel: str | None, fuel_flow: str | None, noise: dict[str, str | None],
              as_of: date) -> CalcResult:
    """Table 6 band, fuel and noise (readings by side)."""
    readings = {side: _text(text) for side, text in noise.items()}
    return _shown(calc_api.generator(rated_power, _text(fuel), _text(fuel_flow), readings, as_of))


def recycled_plastic(parts: pd.DataFrame, category: str, as_of: date) -> CalcResult:
    """Appendix D from a parts table (``plastic_g``, ``recycled_g``, ``excluded``).

    Parts ticked as excluded (item 2) are left out of both sums.
    """
    counted = parts[~parts.get("excluded", pd.Series(False, index=parts.index)).fillna(False).astype(bool)]
    recycled = float(_numbers(counted, "recycled_g").sum())
    plastic = float(_numbers(counted, "plastic_g").sum())
    return _shown(calc_api.recycled_plastic([recycled], plastic, category, as_of))


def recyclability(materials: pd.DataFrame, product_mass: str | None, category: str, as_of: date) -> CalcResult:
    """Appendix C from a materials table (``mass_g``, ``rate``); product mass defaults to the parts' sum."""
    rows = zip(_numbers(materials, "mass_g"), _numbers(materials, "rate"), strict=True)
    return _shown(calc_api.recyclability([(float(m), float(r)) for m, r in rows], _text(product_mass), category,
                                         as_of))


def pah_rows(catalog: Catalog, lang: str) -> pd.DataFrame:
    """The 15 Appendix A compounds as an editable table (field, compound, CAS, value blank)."""
    rows = []
    for name in catalog.pah_fields:
        spec = catalog.fields[name]
        cas = next((a for a in spec.aliases if a[:1].isdigit() and "-" in a), "")
        rows.append({"field": name, "compound": spec.label_zh if lang == "zh" else spec.label_en, "cas": cas,
                     "value": ""})
    return pd.DataFrame(rows, columns=["field", "compound", "cas", "value"])


def pah(table: pd.DataFrame, as_of: date) -> CalcResult:
    """Table 3 row 3 from the PAH table: the rows with a value (ND counts 0)."""
    values = {str(row["field"]): str(row["value"]).strip() for _, row in table.iterrows()
              if str(row.get("value", "") or "").strip() not in ("", "None", "nan")}
    return _shown(calc_api.pah(values, as_of))
