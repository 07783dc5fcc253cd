"""Column mappings: any catalog layout read without code (``checker audit FILE --columns MAP.yaml``).

A mapping file names, for each header of the catalog, the field it holds and the unit its numbers
are in; ``fixed`` gives a value every row shares (a category, a port type the file does not state).
Only mapped headers are read. The mapped columns go through the same reader as any catalog
(:mod:`checker.inputs.product_tables`): units through the one pint registry, every cell through the one value rule
(:func:`checker.engine.frame.quantity_cell`), so a bound, a non-detect, a unit that does not fit or junk in a
cell is judged exactly as elsewhere. Evidence names the header as written in the catalog.

``--category`` always wins: over a mapped category column and over ``fixed: {category: ...}``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pandas as pd
import yaml
from pydantic import Field, ValidationError, model_validator

from checker.catalog.clauses import Catalog, load_catalog
from checker.catalog.fields import safe_yaml
from checker.engine.frame import Batch, normalise_choice
from checker.engine.run import Evaluated, evaluate_batches
from checker.errors import UsageError
from checker.inputs.files import TABLE_TYPES, audit_inputs, load_batch
from checker.inputs.product_tables import frame_batch
from checker.inputs.table_files import TableError, read_table
from checker.inputs.table_headers import unique_labels
from checker.models import InputError, Strict

MAX_MAPPING_BYTES = 1_000_000


class MappingError(UsageError, ValueError):
    """A mapping file that cannot be used, with a one-line reason."""


class ColumnMap(Strict):
    """One catalog header: the field it holds and, for a quantity, the unit its numbers are in."""

    field: str
    unit: str | None = None


class ColumnMapping(Strict):
    """A whole mapping file: header → field (and unit), and values every row shares."""

    columns: dict[str, ColumnMap] = Field(min_length=1)
    fixed: dict[str, str | int | float | bool] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _no_field_twice(self) -> ColumnMapping:
        both = sorted({c.field for c in self.columns.values()} & set(self.fixed))
        if both:
            raise ValueError(f"{', '.join(both)} both mapped to a column and fixed")
        return self


def load_mapping(path: Path, catalog: Catalog | None = None) -> ColumnMapping:
    """Read and check a mapping file: every field known, every unit of the field's kind; else
    :class:`MappingError` with one line."""
    catalog = catalog or load_catalog()
    try:
        if path.stat().st_size > MAX_MAPPING_BYTES:
            raise MappingError(f"{path}: a mapping file larger than {MAX_MAPPING_BYTES} bytes")
        with path.open(encoding="utf-8") as handle:
            data = safe_yaml(handle)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise MappingError(f"{path}: cannot read the mapping ({first})") from None
    try:
        mapping = ColumnMapping.model_validate(data)
    except ValidationError as exc:
        # an unknown key first: "colums:" is better named than "columns: Field required"
        error = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")[0]
        where = ".".join(str(part) for part in error["loc"]) or "(top)"
        raise MappingError(f"{path}: {where}: {error['msg']}") from None
    for header, column in mapping.columns.items():
        _check_column(path, header, column, catalog)
    for name, value in mapping.fixed.items():
        _check_fixed(path, name, value, catalog)
    return mapping


def _check_column(path: Path, header: str, column: ColumnMap, catalog: Catalog) -> None:
    spec = catalog.fields.get(column.field)
    if spec is None:
        raise MappingError(f"{path}: column {header!r}: unknown field {column.field!r}")
    if spec.kind != "quantity":
        if column.unit:
            raise MappingError(f"{path}: column {header!r}: field {column.field!r} is {spec.kind}, it has no unit")
        return
    if column.unit is None:
        raise MappingError(f"{path}: column {header!r}: give the unit of {column.field!r} "
                           f"(e.g. {spec.unit or 'an empty string for a plain number'})")
    try:
        spec.factor(column.unit)
    except ValueError as exc:
        raise MappingError(f"{path}: column {header!r}: {exc}") from None


def _check_fixed(path: Path, name: str, value: object, catalog: Catalog) -> None:
    spec = catalog.fields.get(name)
    if spec is None:
        raise MappingError(f"{path}: fixed: unknown field {name!r}")
    if name == "category" and value not in catalog.categories:
        raise MappingError(f"{path}: fixed: unknown category {value!r}")
    if spec.kind == "enum" and normalise_choice(spec, value) not in spec.choices:
        raise MappingError(f"{path}: fixed: {name} must be one of {', '.join(spec.choices)}, not {value!r}")


def mapped_frame(raw: pd.DataFrame, mapping: ColumnMapping, category: str | None, source: str
                 ) -> tuple[pd.DataFrame, dict[str, str]]:
    """The catalog's mapped columns renamed "field [unit]" (so the table reader knows them) plus one
    column per fixed value; and label → header as written, for the evidence."""
    missing = [header for header in mapping.columns if header not in raw.columns]
    if missing:
        raise TableError(f"{source}: the mapping names headers the catalog does not have: "
                         + ", ".join(repr(header) for header in missing))
    parts: dict[str, pd.Series] = {}
    shown: dict[str, str] = {}
    items = [(header, column) for header, column in mapping.columns.items()
             if not (category and column.field == "category")]
    names = [f"{c.field} [{c.unit}]" if c.unit is not None else c.field for _, c in items]
    fixed = {**mapping.fixed, **({"category": category} if category else {})}
    labels = unique_labels(names + list(fixed))
    for label, (header, _) in zip(labels, items, strict=False):
        parts[label] = raw[header]
        shown[label] = header
    for label, (name, value) in zip(labels[len(items):], fixed.items(), strict=True):
        parts[label] = pd.Series([_fixed_text(value)] * len(raw), index=raw.index, dtype=object)
        shown[label] = f"{name} (fixed by the mapping)" if not (category and name == "category") else \
            "category (given by --category)"
    return pd.DataFrame(parts, index=raw.index), shown


def _fixed_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def mapped_batch(path: Path, mapping: ColumnMapping, catalog: Catalog, category: str | None) -> Batch:
    """One catalog file read through ``mapping`` as a batch (first sheet of a workbook)."""
    frame, shown = mapped_frame(read_table(path), mapping, category, str(path))
    batch, _ = frame_batch(path, frame, catalog, category)
    written: dict[str, str] = getattr(batch.evidence, "written", {})
    written.update(shown)
    return batch


def audit_mapped(paths: Sequence[Path], mapping: ColumnMapping, as_of: date, category: str | None = None
                 ) -> Evaluated:
    """``checker audit --columns``: catalogs read through the mapping, any other input as usual."""
    catalog = load_catalog()
    errors: list[InputError] = []
    batches: list[Batch] = []
    for item in audit_inputs(paths):
        files = item if isinstance(item, list) else [item]
        for path in files:
            batch = _one(path, mapping, catalog, category, errors)
            if batch is not None:
                batches.append(batch)
    return evaluate_batches(batches, errors, as_of, catalog)


def _one(path: Path, mapping: ColumnMapping, catalog: Catalog, category: str | None,
         errors: list[InputError]) -> Batch | None:
    if path.suffix.lower() not in TABLE_TYPES:
        return load_batch(path, catalog, category, errors)
    try:
        return mapped_batch(path, mapping, catalog, category)
    except TableError as exc:
        errors.append(InputError(source=str(path), error=str(exc)))
    return None


def skeleton(category: str, catalog: Catalog | None = None) -> str:
    """A mapping file to fill in for ``category``: every field the category uses, with its unit."""
    catalog = catalog or load_catalog()
    if category not in catalog.categories:
        raise MappingError(f"unknown category {category!r}; one of {', '.join(catalog.categories)}")
    names = ["model", "manufacturer"] + [n for n, s in catalog.fields.items()
                                         if category in s.categories and n not in ("model", "manufacturer", "category")]
    lines = [f"# Column mapping for {category}: replace each \"HEADER ...\" by the catalog's header as written,",
             "# delete the lines the catalog does not hold; units are pint units (W, kW, Gbps, %, mg/kg).",
             "# Use with: checker audit CATALOG --columns THIS.yaml", "columns:"]
    for name in names:
        spec = catalog.fields[name]
        unit = f", unit: {_yaml_text(spec.unit)}" if spec.kind == "quantity" else ""
        hint = f"  # {spec.label_en}" + (f"; one of {', '.join(spec.choices)}" if spec.choices else "")
        lines.append(f"  \"HEADER for {name}\": {{field: {name}{unit}}}{hint}")
    lines += ["fixed:", f"  category: {category}"]
    return "\n".join(lines) + "\n"


def _yaml_text(text: str) -> str:
    return '""' if not text else text if text.replace("/", "").replace("*", "").isalnum() else f'"{text}"'

