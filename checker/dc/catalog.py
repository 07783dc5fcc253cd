"""Strict models of ``catalogs/tca305.yaml``: T/CA305-2023 scores, limits and coefficients as data."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, model_validator

from checker.catalog.files import read_yaml
from checker.models import Strict
from checker.units import conversion_factor

log = logging.getLogger(__name__)

Confidence = Literal["H", "M", "L"]
ClimateZone = Literal["severe_cold", "cold", "other"]
Bound = Literal["value", "low", "high"]  # a coefficient's nominal value or an end of its range


class Coefficient(Strict):
    """One conversion or emission coefficient with its source and confidence mark."""

    value: float
    unit: str
    confidence: Confidence
    source: str = ""
    label_zh: str = ""
    range: tuple[float, float] | None = None

    @model_validator(mode="after")
    def _low_needs_range(self) -> Coefficient:
        if self.confidence == "L" and self.range is None:
            raise ValueError("a low-confidence (L) coefficient needs a range")
        return self

    def in_unit(self, unit: str, bound: Bound = "value") -> float:
        """The coefficient (or its ``low``/``high`` bound) converted to ``unit``."""
        number = self.value
        if bound != "value" and self.range is not None:
            number = self.range[0] if bound == "low" else self.range[1]
        return number * conversion_factor(self.unit, unit)


class GridFactors(Strict):
    """Grid electricity CO2 factors by region (附表E), one year, each with its source and confidence.
    ``default`` (the national average) is the fallback for a record that names no region."""

    default: str
    year: int
    source: str
    factors: dict[str, Coefficient]

    @model_validator(mode="after")
    def _sourced(self) -> GridFactors:
        if self.default not in self.factors:
            raise ValueError(f"grid default {self.default!r} is not among the factors")
        unsourced = [name for name, factor in self.factors.items() if not factor.source]
        if unsourced:
            raise ValueError(f"grid factor(s) without a source: {', '.join(unsourced)}")
        return self


class Gas(Coefficient):
    """One refrigerant's GWP (kgCO2e per kg) with its source, confidence and other names."""

    aliases: list[str] = Field(default_factory=list)


class Blend(Strict):
    """A refrigerant blend: its components' mass percentages and the composition's source."""

    components: dict[str, float]
    confidence: Literal["H", "M"]
    source: str
    aliases: list[str] = Field(default_factory=list)


_RANK = {"H": 2, "M": 1, "L": 0}


def _key(name: str) -> str:
    return "".join(name.split()).replace("-", "").replace("_", "").casefold()


class Refrigerants(Strict):
    """Refrigerant GWPs for the scope-1 leak row: single gases and blends (mass-weighted)."""

    basis: str
    gases: dict[str, Gas]
    blends: dict[str, Blend]

    @model_validator(mode="after")
    def _blends_add_up(self) -> Refrigerants:
        for name, blend in self.blends.items():
            unknown = set(blend.components) - set(self.gases)
            if unknown or abs(sum(blend.components.values()) - 100.0) > 1e-9:
                raise ValueError(f"blend {name}: components must be known gases adding up to 100 %")
        return self

    def resolve(self, name: str) -> str | None:
        """The refrigerant id for a name or alias ("R-410A", "HFC-32"), None when unknown."""
        entries: dict[str, Gas | Blend] = {**self.gases, **self.blends}
        for ref_id, entry in entries.items():
            if _key(name) in (_key(n) for n in [ref_id, *entry.aliases]):
                return ref_id
        return None

    def gwp(self, ref_id: str) -> Coefficient:
        """The GWP of a gas, or of a blend as the mass-weighted sum of its components (with the
        weakest confidence of the composition and the components, and summed ranges)."""
        if ref_id in self.gases:
            return self.gases[ref_id]
        blend = self.blends[ref_id]
        parts = [(self.gases[name], share / 100.0) for name, share in blend.components.items()]
        ends = [(g.range or (g.value, g.value), w) for g, w in parts]
        ranged = any(g.range for g, _ in parts)
        span = (sum(r[0] * w for r, w in ends), sum(r[1] * w for r, w in ends)) if ranged else None
        confidence = min([blend.confidence, *(g.confidence for g, _ in parts)], key=_RANK.__getitem__)
        terms = " + ".join(f"{name} {share:g} % × {self.gases[name].value:g}"
                           for name, share in blend.components.items())
        return Coefficient(value=sum(g.value * w for g, w in parts), unit=parts[0][0].unit,
                           confidence=confidence, range=span,
                           source=f"{self.basis}, mass-weighted: {terms}; {blend.source}")


class PueLimits(Strict):
    """4.2 运营状态/电能使用效率 limits by age and climate zone."""

    existing_min_years: float
    stated_for_sizes: list[str]
    existing: dict[ClimateZone, float]
    new: dict[ClimateZone, float]


class WueLimits(Strict):
    """4.2 运营状态/水资源利用效率 limits (L/kWh) by age; ``binding`` False for the text's 宜."""

    existing: float
    new: float
    binding: bool


class RatioLimit(Strict):
    """碳抵消比例 limit in percent."""

    limit: float
    op: Literal[">", ">="]


class Declaration(Strict):
    """One basic-requirement declaration row (a veto)."""

    id: str
    label_zh: str
    key: str


class Constraints(Strict):
    """All 4.1 / 4.2 constraints."""

    pue: PueLimits
    wue: WueLimits
    offset_ratio: RatioLimit
    declarations: list[Declaration]


class EmissionSource(Strict):
    """One 附表E row: scope, which factor, sign (exports are negative)."""

    scope: int
    factor: str | None
    sign: int = 1


class OffsetType(Strict):
    """One 附表F offset row."""

    row: int
    label_zh: str
    coefficient: float
    scope1: bool
    energy: bool
    aliases: list[str] = Field(default_factory=list)


class Reading(Strict):
    """A place where the text reads two ways: the reading graded, and the other one reported."""

    chosen: str
    other: str


class OffsetScoring(Strict):
    """Offset part: points per percent of S_DC, cap and entry value."""

    per_ratio: float
    max: float
    entry: float


class PueScoring(Strict):
    """PUE 得分 = intercept + slope × PUE."""

    intercept: float
    slope: float


class WaterScoring(Strict):
    """高效用水: full points below a WUE, else the experts' score up to ``expert_max``."""

    full_below: float
    full_points: float
    expert_max: float


class ScoreGroup(Strict):
    """A group of technology items."""

    id: str
    label_zh: str
    points: float


class ScoreItem(Strict):
    """One technology item: ``method`` expert (given), pue or water (computed)."""

    id: str
    group: str
    label_zh: str
    points: float
    method: Literal["expert", "pue", "water"] = "expert"


class Scoring(Strict):
    """附表G scoring rules."""

    total_max: float
    offset: OffsetScoring
    technology_max: float
    pue: PueScoring
    water: WaterScoring
    groups: list[ScoreGroup]
    items: list[ScoreItem]

    @model_validator(mode="after")
    def _points_add_up(self) -> Scoring:
        items = sum(item.points for item in self.items)
        groups = sum(group.points for group in self.groups)
        if abs(items - self.technology_max) > 1e-9 or abs(groups - self.technology_max) > 1e-9:
            raise ValueError(f"technology items {items} / groups {groups} != {self.technology_max}")
        return self


class Grade(Strict):
    """A grade and its inclusive lower bound."""

    name: str
    name_en: str
    min: float


class Tca305Catalog(Strict):
    """The whole T/CA305 catalog."""

    standard: str
    title: str
    coefficients: dict[str, Coefficient]
    grid: GridFactors
    refrigerants: Refrigerants
    constraints: Constraints
    emissions: dict[str, EmissionSource]
    readings: dict[str, Reading]
    offsets: dict[str, OffsetType]
    scoring: Scoring
    grades: list[Grade]
    fail_grade: str

    def offset_type(self, name: str) -> str:
        """The offset id for an id, label or alias (case-insensitive)."""
        key = name.strip().lower()
        for offset_id, offset in self.offsets.items():
            names = [offset_id, offset.label_zh, *offset.aliases]
            if key in (n.lower() for n in names):
                return offset_id
        raise ValueError(f"unknown offset type {name!r} (known: {', '.join(self.offsets)})")

    def grade_for(self, total: float) -> str:
        """The grade for a total score (lower bounds inclusive); the fail grade below all."""
        for grade in sorted(self.grades, key=lambda g: -g.min):
            if total >= grade.min:
                return grade.name
        return self.fail_grade

    def rank(self, grade: str) -> int:
        """0 for the fail grade, rising with each better grade."""
        names = [g.name for g in sorted(self.grades, key=lambda g: g.min)]
        return names.index(grade) + 1 if grade in names else 0


def _with_shared_constants(data: dict[str, Any]) -> dict[str, Any]:
    """Fill coefficients written ``{constant: NAME, ...}`` from ``tables.yaml``'s constants, so a
    number the procurement standard and T/CA305 share (0.1229 kgce/kWh) is written once."""
    constants = read_yaml("tables.yaml").get("constants", {})
    for name, coefficient in data.get("coefficients", {}).items():
        shared = coefficient.pop("constant", None) if isinstance(coefficient, dict) else None
        if shared is None:
            continue
        if shared not in constants:
            raise ValueError(f"coefficient {name}: no constant {shared!r} in tables.yaml")
        coefficient.setdefault("value", constants[shared]["value"])
        coefficient.setdefault("unit", constants[shared]["unit"])
    return data


@lru_cache(maxsize=4)
def load_tca305(path: str | Path = "tca305.yaml") -> Tca305Catalog:
    """Load and validate ``catalogs/tca305.yaml`` (cached)."""
    data = _with_shared_constants(read_yaml(path))
    log.debug("loaded T/CA305 catalog from %s", path)
    return Tca305Catalog.model_validate(data)
