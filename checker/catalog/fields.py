"""The field vocabulary (``catalogs/fields.yaml``): what a record can carry, in which unit."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, model_validator

from checker.catalog.files import read_yaml, safe_yaml  # noqa: F401 - safe_yaml re-exported
from checker.chinese import simplified
from checker.models import Strict
from checker.units import conversion_factor, parse_unit

PAH_MARK = "+pah"
class FieldSpec(Strict):
    """One field: kind, canonical unit, plausible range, labels and header aliases."""

    kind: Literal["quantity", "text", "enum", "flag", "date"]
    unit: str = ""
    range: tuple[float, float] | None = None
    # a value strictly between the two may be a fraction of one where a percentage is due (0.72 for 72 %):
    # implausible as a percentage, for a person (a zero is zero either way; a 1 is read as 1 %)
    fraction_span: tuple[float, float] | None = None
    integer: bool = False
    non_detect: bool = False  # a concentration: "ND" / "<0.2" is a reading (a non-detect), not junk
    choices: list[str] = Field(default_factory=list)
    label_zh: str
    label_en: str
    aliases: list[str] = Field(default_factory=list)
    categories: list[str] = Field(default_factory=list)
    pah: bool = False  # one of the 15 PAHs of Appendix A (catalogs/substances.yaml)
    annual: bool = False  # a figure over a year's statistics period (PUE, WUE, renewable share, annual energy)
    month_end: bool = False  # a date: a month alone ("2023-12") means its last day (a validity date), not no day
    water: bool = False  # a quantity of water: a mass printed is its volume (1 t = 1 m³, 1 kg/kWh = 1 L/kWh)

    @model_validator(mode="after")
    def _unit_parses(self) -> FieldSpec:
        if self.kind == "quantity":
            parse_unit(self.unit)
        elif self.unit:
            raise ValueError("only quantity fields carry a unit")
        if self.kind == "enum" and not self.choices:
            raise ValueError("an enum field needs choices")
        return self

    def fraction_like(self, low: float, high: float) -> bool:
        """Whether a reading from ``low`` to ``high`` (a point: the same; in the field's unit) lies in the field's
        ``fraction_span``: a fraction of one written where a percentage is due (0.72 for 72 %)?"""
        return self.fraction_span is not None and self.fraction_span[0] < low and high < self.fraction_span[1]

    def factor(self, unit: str) -> float:
        """Multiplier taking a number in ``unit`` to the field's own unit (a mass of water as its volume where the
        field is water). Raises ``ValueError`` for a unit of another kind."""
        return conversion_factor(unit, self.unit, self.water)

    def plausible(self, number: float, unit: str) -> bool:
        """Whether ``number`` in ``unit`` (the field's own unit when empty) lies in the plausible range; False
        for a unit that does not convert, True for a field without a range."""
        if self.range is None:
            return True
        try:
            converted = number * self.factor(unit or self.unit)
        except ValueError:
            return False
        return self.range[0] <= converted <= self.range[1]


def pah_field(slug: str) -> str:
    """Field id of one Appendix A compound."""
    return f"pah_{slug}"


def _pah_specs(root: Path) -> dict[str, dict[str, Any]]:
    data = read_yaml(root / "substances.yaml")
    shared = data["pah_field"]
    return {
        pah_field(item["slug"]): {
            "kind": "quantity", "unit": shared["unit"], "range": shared["range"], "non_detect": True, "pah": True,
            "label_zh": item["zh"], "label_en": item["en"],
            "aliases": [item["zh"], item["en"], item["cas"], *item.get("zh_variants", [])],
        }
        for item in data["pahs"]
    }


def flatten_fields(names: list[Any]) -> list[str]:
    """Field lists may nest YAML aliases (``*common_it`` holding ``*battery``); flatten them."""
    return [n for item in names for n in (flatten_fields(item) if isinstance(item, list) else [item])]


def load_fields(root: Path) -> tuple[dict[str, FieldSpec], list[str]]:
    """Read fields.yaml and substances.yaml into specs, with each field's categories filled in."""
    data = read_yaml(root / "fields.yaml")
    raw: dict[str, dict[str, Any]] = dict(data["fields"])
    pahs = _pah_specs(root)
    raw.update(pahs)
    categories: list[str] = list(data["categories"])
    members: dict[str, list[str]] = {name: [] for name in raw}
    for category, names in data["category_fields"].items():
        if category not in categories:
            raise ValueError(f"fields.yaml: unknown category {category}")
        expanded = [p for n in flatten_fields(names) for p in (pahs if n == PAH_MARK else [n])]
        for name in ["model", "manufacturer", "category", *expanded]:
            if name not in raw:
                raise ValueError(f"fields.yaml: category {category} lists unknown field {name}")
            members[name].append(category)
    specs = {name: FieldSpec(**spec, categories=members[name]) for name, spec in raw.items()}
    return specs, categories


@cache
def flag_words(root: Path) -> dict[str, float]:
    """A flag written as a word → 1.0 (true) or 0.0 (false) (``flag_words`` in fields.yaml)."""
    data = read_yaml(root / "fields.yaml")["flag_words"]
    return {str(word): value for key, value in (("false", 0.0), ("true", 1.0)) for word in data[key]}


@cache
def category_words(root: Path) -> dict[str, str]:
    """A category written in Chinese in a catalog cell → the category id (``category_words`` in fields.yaml)."""
    data = read_yaml(root / "fields.yaml")
    words = {str(word): str(category) for word, category in (data.get("category_words") or {}).items()}
    unknown = sorted(set(words.values()) - set(data["categories"]))
    if unknown:
        raise ValueError(f"fields.yaml: category_words name unknown categories {unknown}")
    return words


@cache
def choice_words(root: Path) -> dict[str, dict[str, str]]:
    """The words that name an enum field's values, per field ("单路输出" → single, "框式" → modular, "柴油" → diesel):
    the value words of the document reader's ``enums`` (vocabulary.yaml), one table for documents and catalogs."""
    enums = read_yaml(root / "vocabulary.yaml")["enums"]
    return {str(name): {simplified(unicodedata.normalize("NFKC", str(word))).casefold().strip(): str(value)
                        for value, words in spec["values"].items() for word in words}
            for name, spec in enums.items()}


def category_defaults(root: Path) -> dict[str, dict[str, Any]]:
    """Values a category implies when a record is silent (``category_defaults`` in fields.yaml)."""
    return dict(read_yaml(root / "fields.yaml").get("category_defaults", {}))


def contract_headers(root: Path) -> list[str]:
    """The catalog columns INTERFACE.md §5 names, printed without a unit (``contract_headers`` in fields.yaml)."""
    return list(read_yaml(root / "fields.yaml").get("contract_headers", []))


def header_key(text: str) -> str:
    """Fold a header or alias for matching: NFKC, Simplified Chinese forms, lower case, spaces and underscores
    removed."""
    folded = simplified(unicodedata.normalize("NFKC", text)).strip().lower()
    return re.sub(r"[\s_\-]+", "", folded)
