"""The clause catalog: the standard's requirements as strictly validated data from ``catalogs/``.

Loading fails loudly on any inconsistency: an unknown key, a duplicate clause id, a unit string
pint cannot parse, a clause reading a field that does not exist, a band table that is missing.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, model_validator

from checker.catalog.fields import FieldSpec, category_defaults, load_fields
from checker.catalog.files import catalog_dir, read_yaml
from checker.models import Strict
from checker.units import parse_unit

Op = Literal[">=", "<=", "<", ">"]
Confidence = Literal["H", "M", "L"]
CLAUSE_ID = re.compile(r"^[0-9]+(\.[0-9]+)*(/[a-z0-9][a-z0-9-]*)?$")


class Condition(Strict):
    """A clause applies only where ``field`` equals ``equals`` or is at least ``at_least``."""

    field: str
    equals: str | bool | None = None
    at_least: float | None = None
    unit: str = ""
    if_missing: Literal["apply", "not_applicable", "missing_evidence", "manual_review"] = "missing_evidence"
    # What a person is asked when the field is absent (if_missing: manual_review), or what was assumed
    # (if_missing: apply), in the report's words: "does the product contain a battery?".
    ask_en: str = ""
    ask_zh: str = ""
    assumed_en: str = ""
    assumed_zh: str = ""

    def scope_text(self) -> str:
        """The condition in words, with what happens when the field is not stated:
        "if port_type = fixed (unstated: applied, noted)"."""
        test = (f"= {str(self.equals).lower()}" if self.equals is not None
                else f"≥ {self.at_least:g} {self.unit}".rstrip())
        unstated = {"apply": "applied, noted" if self.assumed_en else "applied", "not_applicable": "not applicable",
                    "missing_evidence": "missing evidence", "manual_review": "asked (manual review)"}[self.if_missing]
        return f"if {self.field} {test} (unstated: {unstated})"

    @model_validator(mode="after")
    def _one_test(self) -> Condition:
        if (self.equals is None) == (self.at_least is None):
            raise ValueError(f"condition on {self.field}: give exactly one of equals / at_least")
        return self


class Band(Strict):
    """One row of a band table: ``above`` < x ≤ ``up_to`` (open ends are None)."""

    label: str
    above: float | None = None
    up_to: float | None = None
    limits: dict[str, float | None]


class BandTable(Strict):
    """A table whose limits depend on one quantity (throughput tier, generator power band)."""

    title_zh: str
    title_en: str
    by: str
    unit: str
    bands: list[Band]

    def band_for(self, value: float) -> Band | None:
        """The band holding ``value``, or None when it falls outside every band."""
        for band in self.bands:
            low_ok = band.above is None or value > band.above
            high_ok = band.up_to is None or value <= band.up_to
            if low_ok and high_ok:
                return band
        return None


class Step(Strict):
    """From ``since`` (a date) the limit is ``limit``."""

    since: date
    limit: float


class Schedule(Strict):
    """A limit that changes with the as-of date (PUE) or year (renewable share, Table 1)."""

    by: Literal["date", "year"]
    steps: list[Step]

    def limit_on(self, day: date) -> float | None:
        """The limit in force on ``day`` (None before the first step)."""
        in_force = [step for step in self.steps if step.since <= day]
        return max(in_force, key=lambda step: step.since).limit if in_force else None


class ThresholdEvidence(Strict):
    """Document evidence that depends on a quantity (5.6: at or above 1000 tce, or below)."""

    at: float
    unit: str
    at_or_above: list[str]
    below: list[str]


class Clause(Strict):
    """One requirement of the standard with a stable id (INTERFACE.md §1)."""

    id: str
    section: str
    table: str = ""
    title_zh: str
    title_en: str
    requirement_zh: str
    kind: Literal["numeric", "document"]
    categories: list[str]
    quantity: str | None = None
    op: Op | None = None
    limit: float | None = None
    unit: str = ""
    band_table: str | None = None
    band_column: str | None = None
    schedule: Schedule | None = None
    applies_when: list[Condition] = Field(default_factory=list)
    method_zh: str = ""
    verification_zh: str = ""
    evidence_required: list[str] = Field(default_factory=list)
    threshold_evidence: ThresholdEvidence | None = None
    limit_source: str = ""
    confidence: Confidence = "H"
    note: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> Clause:
        if not CLAUSE_ID.match(self.id):
            raise ValueError(f"clause id {self.id!r} is not <section>/<item>")
        parse_unit(self.unit)
        if self.kind == "numeric":
            sources = [self.limit is not None, self.band_table is not None, self.schedule is not None]
            if self.quantity is None or self.op is None or sum(sources) != 1:
                raise ValueError(f"{self.id}: a numeric clause needs quantity, op and one limit source")
            if self.band_table is not None and self.band_column is None:
                raise ValueError(f"{self.id}: band_table needs band_column")
        elif self.op is not None or self.limit is not None:
            raise ValueError(f"{self.id}: a document clause has no op or limit")
        return self


class ConstantValue(Strict):
    value: float
    unit: str = ""
    source: str
    confidence: Confidence = "H"


class DeviceClass(Strict):
    """Appendix E: load levels (%) and weights of one switch device class."""

    label_zh: str
    label_en: str
    loads: tuple[float, float, float]
    weights: tuple[float, float, float]


class Refrigerant(Strict):
    """One refrigerant of 6.3.1.2: its ODP, or (a blend) its components' mass shares in percent."""

    odp: float | None = None
    components: dict[str, float] | None = None
    source: str
    confidence: Confidence = "H"

    @model_validator(mode="after")
    def _odp_or_components(self) -> Refrigerant:
        if (self.odp is None) == (self.components is None):
            raise ValueError("a refrigerant gives its odp or its components, not both")
        if self.components is not None and abs(sum(self.components.values()) - 100) > 0.01:
            raise ValueError("a blend's components must add up to 100 %")
        return self


class RefrigerantNames(Strict):
    """How refrigerants are written (``refrigerant_names`` of tables.yaml)."""

    prefixes: list[str]
    replaced: list[str] = Field(default_factory=list)  # words before a refrigerant the product's replaces ("替代 R22")


class Catalog(Strict):
    """Everything under ``catalogs/``, validated and cross-checked."""

    clauses: list[Clause]
    band_tables: dict[str, BandTable]
    constants: dict[str, ConstantValue]
    device_classes: dict[str, DeviceClass]
    refrigerants: dict[str, Refrigerant]
    refrigerant_names: RefrigerantNames
    fields: dict[str, FieldSpec]
    categories: list[str]
    category_defaults: dict[str, dict[str, float | str | bool]] = Field(default_factory=dict)

    @property
    def pah_fields(self) -> list[str]:
        """The fields of the 15 Appendix A PAHs, in the order of catalogs/substances.yaml."""
        return [name for name, spec in self.fields.items() if spec.pah]

    @model_validator(mode="after")
    def _cross_check(self) -> Catalog:
        seen: set[str] = set()
        for clause in self.clauses:
            if clause.id in seen:
                raise ValueError(f"duplicate clause id {clause.id}")
            seen.add(clause.id)
            self._check_clause_refs(clause)
        for name, table in self.band_tables.items():
            parse_unit(table.unit)
            if table.by not in self.fields:
                raise ValueError(f"band table {name} reads unknown field {table.by}")
        for name, klass in self.device_classes.items():
            if abs(sum(klass.weights) - 1.0) > 1e-9:
                raise ValueError(f"device class {name}: weights must add up to 1")
        for category, values in self.category_defaults.items():
            if category not in self.categories or not set(values) <= set(self.fields):
                raise ValueError(f"category_defaults: unknown category or field in {category}")
        for constant in self.constants.values():
            parse_unit(constant.unit)
        for name, gas in self.refrigerants.items():
            unknown = set(gas.components or {}) - {n for n, g in self.refrigerants.items() if g.odp is not None}
            if unknown:
                raise ValueError(f"refrigerant {name}: components not listed with an ODP: {sorted(unknown)}")
        return self

    def _check_clause_refs(self, clause: Clause) -> None:
        unknown = set(clause.categories) - set(self.categories)
        if unknown:
            raise ValueError(f"{clause.id}: unknown categories {sorted(unknown)}")
        names = [clause.quantity] + [cond.field for cond in clause.applies_when]
        for name in filter(None, names):
            if name not in self.fields:
                raise ValueError(f"{clause.id}: unknown field {name}")
        if clause.band_table:
            table = self.band_tables.get(clause.band_table)
            if table is None:
                raise ValueError(f"{clause.id}: unknown band table {clause.band_table}")
            if any(clause.band_column not in band.limits for band in table.bands):
                raise ValueError(f"{clause.id}: band column {clause.band_column} missing in a band")

    def clause(self, clause_id: str) -> Clause:
        """The clause with this id (KeyError if none)."""
        for clause in self.clauses:
            if clause.id == clause_id:
                return clause
        raise KeyError(clause_id)

    def for_category(self, category: str) -> list[Clause]:
        """Clauses that apply to ``category``, in catalog order."""
        return [clause for clause in self.clauses if category in clause.categories]

    def constant(self, name: str) -> float:
        """The value of a named constant (KeyError if none)."""
        return self.constants[name].value


@lru_cache(maxsize=4)
def load_catalog(folder: str | None = None) -> Catalog:
    """Load and validate ``catalogs/`` (clauses/*.yaml, tables.yaml, fields.yaml, substances.yaml)."""
    root = Path(folder) if folder else catalog_dir()
    clauses: list[Any] = []  # YAML mappings; Catalog (pydantic) validates them into Clause
    for path in sorted((root / "clauses").glob("*.yaml")):
        clauses.extend(read_yaml(path) or [])
    tables = read_yaml(root / "tables.yaml")
    fields, categories = load_fields(root)
    defaults = category_defaults(root)
    return Catalog(
        clauses=clauses,
        band_tables=tables["band_tables"],
        constants=tables["constants"],
        device_classes=tables["device_classes"],
        refrigerants=tables["refrigerants"],
        refrigerant_names=tables["refrigerant_names"],
        fields=fields,
        categories=categories,
        category_defaults=defaults,
    )
