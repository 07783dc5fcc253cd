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

from checker.catalog.clauses import Catalog, load_catalog
from checker.catalog.fields import FieldSpec
from checker.errors import UnusableInput
from checker.inputs.record_text import Repeated, distinct, parse_json, parse_yaml, single_values
from checker.inputs.values import BlankValue, ValueTextError, estimate_word, parse_value_text
from checker.models import Evidence, Fact, Qualifier, Strict, first_problem


class RecordError(UnusableInput, ValueError):
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
    declared_id: str | None = None  # the id the record file gives (None: made up from the file name)
    model: str | None = None  # the model the record gives or the document names
    warnings: list[str] = Field(default_factory=list)  # what the reader left out on purpose, one line each
    mentions: str = ""  # a document's first pages' names, folded: does it name another file's model?
    psu_ratings: list[tuple[float, Evidence]] = Field(default_factory=list)  # power supplies it names by rated power


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
        word = estimate_word(f"{raw.note} {raw.text}") if spec.kind == "quantity" else None
        if word is not None:
            return Fact(field=name, value=str(value), unit="", evidence=[evidence],
                        note=f"unreadable value: an estimate or a target ({word!r} in the record's note or text), "
                             "not a measurement")
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
    if parsed.grouped is not None and parsed.number is not None and spec.plausible(parsed.grouped, unit):
        return _dot_grouped(name, parsed.number, parsed.grouped, unit, text, parsed.qualifier, evidence)
    return Fact(field=name, value=parsed.number, unit=unit, qualifier=parsed.qualifier, evidence=[evidence])


def _dot_grouped(name: str, decimal: float, grouped: float, unit: str, text: str, qualifier: str,
                 evidence: Evidence) -> Fact:
    """"1.500 mg/kg", where 1.5 and 1500 are both plausible: known only as between the two readings (a verdict
    stands where both give it); printed as a bound, unreadable."""
    how = (f"{text.strip()!r} reads as {decimal:g} (a decimal point) or {grouped:g} (dots grouping thousands)")
    if qualifier:
        return Fact(field=name, value=text, unit="", evidence=[evidence], note=f"unreadable value: {how}")
    return Fact(field=name, low=decimal, high=grouped, unit=unit, evidence=[evidence],
                note=f"{how}: known only as between the two")


def record_from_mapping(data: dict[str, Any], source: str, index: int = 0) -> ProductRecord:
    """Validate one record mapping against its category's model and return its facts.

    A field given twice (a repeated key, see :mod:`checker.inputs.record_text`) becomes two facts, so
    different values are a conflict for the clause, never last-one-wins; a record's identity
    (id, category, model, ...) given twice with different values is an error.
    """
    catalog = load_catalog()
    where = f"{source}: record {index + 1}"
    data, again = split_repeats(data, where)
    category = data.get("category")
    if category not in catalog.categories:
        raise RecordError(f"{where} has unknown or missing category {category!r}")
    data = {key: value.isoformat() if isinstance(value, date) else value for key, value in data.items()}
    model = record_model(category)
    validated = _validate(model, data, where)
    values = validated.model_dump(exclude_none=True)
    declared = values.pop("id", None)
    product_id = declared or values.get("model") or f"{Path(source).stem}#{index + 1}"
    sources = values.pop("sources", []) or [source]
    values.pop("category")
    facts = _facts(catalog, list(values), validated, source)
    for name, raw in again:
        raw = raw.isoformat() if isinstance(raw, date) else raw
        repeated = _validate(model, {"category": category, name: raw}, f"{where}: {name} (given again)")
        facts.extend(_facts(catalog, [name], repeated, source))
    return ProductRecord(id=str(product_id), category=category, sources=sources, facts=facts,
                         declared_id=str(declared) if declared else None,
                         model=str(values["model"]) if values.get("model") else None)


def _validate(model: type[BaseModel], data: dict[str, Any], where: str) -> BaseModel:
    """``data`` validated by ``model``; the first problem as a one-line RecordError."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        place, what = first_problem(exc)
        raise RecordError(f"{where}: {place}: {what}") from None


IDENTITY_KEYS = ("id", "category", "model", "manufacturer", "sources")


def split_repeats(data: dict[str, Any], where: str) -> tuple[dict[str, Any], list[tuple[str, Any]]]:
    """A record mapping with one value per key, and the further values of repeated fields.

    Exact repeats count once. An identity key (:data:`IDENTITY_KEYS`) with different values is
    a RecordError naming them. A value object with a repeated key (``{value: 91, value: 96}``)
    stands for one object per value.
    """
    single: dict[str, Any] = {}
    again: list[tuple[str, Any]] = []
    for key, value in data.items():
        if key in IDENTITY_KEYS:
            single[key] = one_value(value, f"{where}: {key}")
            continue
        first, *rest = _alternatives(value)
        single[key] = first
        again.extend((key, other) for other in rest)
    return single, again


def one_value(value: Any, where: str) -> Any:
    """``value`` with every repeated key resolved; a key repeated with different values is a RecordError."""
    return single_values(value, where, RecordError)


def _alternatives(value: Any) -> list[Any]:
    """The inputs one field's value stands for: one per repetition and per variant of a value object."""
    if isinstance(value, Repeated):
        return distinct([alternative for item in value for alternative in _alternatives(item)])
    if isinstance(value, dict):
        return distinct(_variants(value))
    if isinstance(value, list):
        return [[alternative for item in value for alternative in _alternatives(item)]]
    return [value]


def _variants(obj: dict[str, Any]) -> list[dict[str, Any]]:
    """A value object with repeated keys as several objects: the first values, then each other value in turn."""
    first = {key: item[0] if isinstance(item, Repeated) else item for key, item in obj.items()}
    variants = [first]
    for key, item in obj.items():
        if isinstance(item, Repeated):
            variants.extend({**first, key: other} for other in item[1:])
    return variants


def _facts(catalog: Catalog, names: list[str], validated: BaseModel, source: str) -> list[Fact]:
    facts: list[Fact] = []
    for name in names:
        raw = getattr(validated, name)
        for item in raw if isinstance(raw, list) else [] if raw is None else [raw]:
            fact = _to_fact(name, catalog.fields[name], item, source)
            if fact is not None:
                facts.append(fact)
    return facts


def load_record_file(path: Path) -> list[ProductRecord]:
    """Read a JSON or YAML record file (safe loading only) into product records; any bad record raises."""
    records, problems = read_record_file(path)
    if problems:
        raise RecordError(problems[0])
    return records


def read_record_file(path: Path) -> tuple[list[ProductRecord], list[str]]:
    """The records of a JSON or YAML file and a one-line reason for each record that cannot be used.

    A file that cannot be parsed at all raises RecordError.
    """
    items = record_items(path)
    records: list[ProductRecord] = []
    problems: list[str] = []
    for number, item in enumerate(items):
        try:
            records.append(datacentre_record(item, source=str(path)) if is_datacentre_record(item)
                           else record_from_mapping(item, str(path), number))
        except RecordError as exc:
            problems.append(str(exc))
    return records, problems


def record_items(path: Path) -> list[dict[str, Any]]:
    """The record mappings of a file: one record, a list, or ``{"products": [...]}``."""
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
        data = parse_json(text) if path.suffix.lower() == ".json" else parse_yaml(text)
    except (UnicodeDecodeError, json.JSONDecodeError, yaml.YAMLError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise RecordError(f"{source}: not a valid {path.suffix.lstrip('.').upper()} record file ({reason})") from None
    if isinstance(data, dict) and "products" in data:
        others = sorted(str(key) for key in data if key != "products")
        if others:
            raise RecordError(f"{source}: keys beside 'products' are not used: {', '.join(others)}")
        lists = data["products"] if isinstance(data["products"], Repeated) else [data["products"]]
        data = [item for part in lists for item in (part if isinstance(part, list) else [part])]
    items = data if isinstance(data, list) else [data]
    if not items or not all(isinstance(item, dict) for item in items):
        raise RecordError(f"{source}: expected a record mapping or a list of records")
    return items


def is_datacentre_record(data: dict[str, Any]) -> bool:
    """A T/CA305 data-centre record (climate zone, energy by carrier) rather than a product record."""
    return "category" not in data and "climate_zone" in data


def datacentre_record(data: dict[str, Any], source: str) -> ProductRecord:
    """Section-5 facts (PUE, renewable share, WUE, tce) computed from a T/CA305 data-centre record."""
    from checker.dc import parse_record, section5_fact_models

    data = one_value(data, f"{source}: record")
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
    declared = data.get("id")
    return ProductRecord(id=str(declared or Path(source).stem), category="datacenter", sources=[source],
                         facts=facts, declared_id=str(declared) if declared else None)
