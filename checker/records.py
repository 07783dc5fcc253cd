"""Product records: one strict pydantic model per category, built from ``catalogs/fields.yaml``.

A record file (JSON or YAML) holds one record, a list of records, or ``{"products": [...]}``.
Each field takes a number in the field's canonical unit, a string with its unit ("94.2 %"),
a flag, or an object with value, unit and provenance (source, page, text). Unknown keys are
an error naming the key, never dropped.
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, Union

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from checker.catalog import Catalog, load_catalog
from checker.fields import FieldSpec
from checker.models import Evidence, Fact, Qualifier, Strict
from checker.values import BlankValue, ValueTextError, parse_value_text


class RecordError(ValueError):
    """A record file that cannot be used, with a one-line reason."""


class FactInput(Strict):
    """A value with its provenance, as written in a record file."""

    value: float | str | bool | None = None
    unit: str | None = None
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier = ""
    source: str | None = None
    page: int | None = Field(default=None, ge=1)
    text: str = ""
    ocr: bool = False
    note: str = ""


FieldInput = Union[bool, float, str, FactInput, list[FactInput]]  # noqa: UP007 (pydantic union order)


class ProductRecord(Strict):
    """One product: its id, category, the files it came from and every fact read about it."""

    id: str
    category: str
    sources: list[str] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)


@lru_cache(maxsize=32)
def record_model(category: str) -> type[BaseModel]:
    """The strict pydantic model of a record of ``category`` (fields from fields.yaml)."""
    catalog = load_catalog()
    names = [name for name, spec in catalog.fields.items()
             if category in spec.categories and name not in ("model", "manufacturer", "category")]
    definitions: dict[str, Any] = {name: (FieldInput | None, None) for name in names}
    return create_model(  # type: ignore[call-overload, no-any-return]
        f"{category.title()}Record",
        __config__=ConfigDict(extra="forbid"),
        id=(str | None, None),
        category=(Literal[category], ...),  # type: ignore[valid-type]
        model=(str | None, None),
        manufacturer=(str | None, None),
        sources=(list[str], []),
        **definitions,
    )


def _to_fact(name: str, spec: FieldSpec, raw: bool | float | str | FactInput, source: str) -> Fact | None:
    """Turn one field's input into a Fact (None for a blank text); a plain number is in the field's canonical unit."""
    where = f"{source}: {name}"
    if isinstance(raw, FactInput):
        unit = spec.unit if raw.unit is None else raw.unit
        evidence = Evidence(source=raw.source or source, page=raw.page, text=raw.text or f"{name} = {raw.value}",
                            ocr=raw.ocr)
        value = raw.value
        if isinstance(value, str) and spec.kind == "quantity":
            return text_fact(name, spec, value, evidence, explicit_unit=raw.unit)
        return Fact(field=name, value=value, unit=unit, low=raw.low, high=raw.high, qualifier=raw.qualifier,
                    evidence=[evidence], note=raw.note)
    evidence = Evidence(source=source, text=f"{name}: {raw}")
    if isinstance(raw, str) and spec.kind == "quantity":
        return text_fact(name, spec, raw, evidence, explicit_unit=None)
    if isinstance(raw, bool) and spec.kind == "quantity":
        raise RecordError(f"{where}: a true/false value is not a quantity")
    return Fact(field=name, value=raw, unit=spec.unit if spec.kind == "quantity" else "", evidence=[evidence])


def text_fact(name: str, spec: FieldSpec, text: str, evidence: Evidence, explicit_unit: str | None) -> Fact | None:
    """A quantity written as text ("94.2 %", "ND", junk) as a Fact; None when the text is blank (a missing value).

    Used by records and by catalog cells that must be compared (two columns for one field).
    """
    try:
        parsed = parse_value_text(text)
    except BlankValue:
        return None
    except ValueTextError as exc:
        return Fact(field=name, value=text, unit="", evidence=[evidence], note=f"unreadable value: {exc}")
    unit = parsed.unit or (explicit_unit if explicit_unit is not None else spec.unit)
    return Fact(field=name, value=parsed.number, unit=unit, qualifier=parsed.qualifier, evidence=[evidence])


def record_from_mapping(data: dict[str, Any], source: str, index: int = 0) -> ProductRecord:
    """Validate one record mapping against its category's model and return its facts."""
    catalog = load_catalog()
    category = data.get("category")
    if category not in catalog.categories:
        raise RecordError(f"{source}: record {index + 1} has unknown or missing category {category!r}")
    data = {key: value.isoformat() if isinstance(value, date) else value for key, value in data.items()}
    try:
        validated = record_model(category).model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        place = ".".join(str(part) for part in first["loc"])
        raise RecordError(f"{source}: record {index + 1}: {place}: {first['msg']}") from None
    values = validated.model_dump(exclude_none=True)
    product_id = values.pop("id", None) or values.get("model") or f"{Path(source).stem}#{index + 1}"
    sources = values.pop("sources", []) or [source]
    values.pop("category")
    facts = _facts(catalog, values, validated, source)
    return ProductRecord(id=str(product_id), category=category, sources=sources, facts=facts)


def _facts(catalog: Catalog, values: dict[str, Any], validated: BaseModel, source: str) -> list[Fact]:
    facts: list[Fact] = []
    for name in values:
        raw = getattr(validated, name)
        for item in raw if isinstance(raw, list) else [raw]:
            fact = _to_fact(name, catalog.fields[name], item, source)
            if fact is not None:
                facts.append(fact)
    return facts


def load_record_file(path: Path) -> list[ProductRecord]:
    """Read a JSON or YAML record file (safe loading only) into product records."""
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except (UnicodeDecodeError, json.JSONDecodeError, yaml.YAMLError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise RecordError(f"{source}: not a valid {path.suffix.lstrip('.').upper()} record file ({reason})") from None
    if isinstance(data, dict) and "products" in data:
        data = data["products"]
    items = data if isinstance(data, list) else [data]
    if not items or not all(isinstance(item, dict) for item in items):
        raise RecordError(f"{source}: expected a record mapping or a list of records")
    return [datacentre_record(item, source) if is_datacentre_record(item) else
            record_from_mapping(item, source, number) for number, item in enumerate(items)]


def is_datacentre_record(data: dict[str, Any]) -> bool:
    """A T/CA305 data-centre record (climate zone, energy by carrier) rather than a product record."""
    return "category" not in data and "climate_zone" in data


def datacentre_record(data: dict[str, Any], source: str) -> ProductRecord:
    """Section-5 facts (PUE, renewable share, WUE, tce) computed from a T/CA305 data-centre record."""
    from checker.dc import parse_record, section5_fact_models

    try:
        record = parse_record(data)
    except ValueError as exc:
        raise RecordError(f"{source}: {str(exc).splitlines()[0]}") from None
    facts = [fact.model_copy(update={"evidence": [Evidence(source=source, text=f"{fact.field} = {fact.value:.6g} "
                                                           f"{fact.unit}, computed from the data-centre record")]})
             for fact in section5_fact_models(record)]
    if record.previous_renewable_share is not None:
        facts.append(Fact(field="previous_renewable_share", value=record.previous_renewable_share, unit="%",
                          evidence=[Evidence(source=source, text=f"previous_renewable_share: "
                                                                 f"{record.previous_renewable_share}")]))
    for name in ("period_start", "period_end"):
        day = getattr(record, name)
        if day is not None:
            facts.append(Fact(field=name, value=day.isoformat(), evidence=[Evidence(source=source,
                                                                                    text=f"{name}: {day}")]))
    return ProductRecord(id=str(data.get("id") or Path(source).stem), category="datacenter", sources=[source],
                         facts=facts)
