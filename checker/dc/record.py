"""The data-centre record: what a data centre declares for section 5 and T/CA305 grading.

Loadable from YAML or JSON (safe loading; a key given twice with different values is an error).
Every numeric input is a number in the documented unit or a string with its unit (``"1.2 GWh"``),
converted through :mod:`checker.units`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BeforeValidator, Field, ValidationError, model_validator

from checker.dc.catalog import ClimateZone, load_tca305
from checker.dc.quantity import GJ, KW, M3, Amount, Fuel, GridFactor, Hours, Kg, KWh, WaterM3, Years, amount_in
from checker.errors import UnusableInput
from checker.inputs.record_text import parse_yaml, single_values
from checker.models import Strict, first_problem

_ZONES = {"严寒": "severe_cold", "严寒地区": "severe_cold", "寒冷": "cold", "寒冷地区": "cold",
          "其他": "other", "其他地区": "other", "其它": "other"}
_SIZES = {"小型": "small", "中型": "medium", "大型": "large", "超大型": "hyperscale"}

SizeClass = Literal["small", "medium", "large", "hyperscale"]


def _alias(mapping: dict[str, str]) -> BeforeValidator:
    return BeforeValidator(lambda v: mapping.get(v.strip(), v.strip().lower()) if isinstance(v, str) else v)


class DataCentreRecordError(UnusableInput, ValueError):
    """A record that cannot be used, with a one-line reason."""


class EnergyUse(Strict):
    """Annual energy by carrier. ``electricity`` is the total metered consumption (kWh), own
    renewable generation consumed on site included; ``natural_gas`` m³; fuels kg (or L); heat GJ."""

    electricity: KWh
    natural_gas: M3 = 0.0
    diesel: Fuel | None = None
    gasoline: Fuel | None = None
    heat: GJ = 0.0


class Renewables(Strict):
    """Renewable electricity of the year, kWh: own generation, purchased green power, certificates."""

    own_generation: KWh = 0.0
    green_power: KWh = 0.0
    certificates: KWh = 0.0


class Vehicles(Strict):
    """Site vehicles and their fuel (kg or L)."""

    count: int = Field(default=0, ge=0)
    diesel: Fuel | None = None
    gasoline: Fuel | None = None


class Exported(Strict):
    """Energy the data centre delivers to others: electricity kWh, heat GJ."""

    electricity: KWh = 0.0
    heat: GJ = 0.0


class Offset(Strict):
    """One 附表F offset: ``quantity`` in tCO2e, or kWh for green power and rooftop PV (rooftop PV
    may instead give ``capacity`` kW × ``hours``)."""

    type: str
    quantity: Amount | None = None
    capacity: KW | None = None
    hours: Hours | None = None
    evidence: str = ""

    @model_validator(mode="before")
    @classmethod
    def _resolve(cls, data: Any) -> Any:
        if not isinstance(data, dict) or "type" not in data:
            return data
        data = dict(data)
        catalog = load_tca305()
        data["type"] = catalog.offset_type(str(data["type"]))
        units = ("kWh", "tCO2") if catalog.offsets[data["type"]].energy else ("tCO2",)
        if data.get("quantity") is not None:
            data["quantity"] = amount_in(data["quantity"], units)
        return data

    @model_validator(mode="after")
    def _has_amount(self) -> Offset:
        by_capacity = self.capacity is not None and self.hours is not None
        if (self.quantity is None) == (not by_capacity):
            raise ValueError(f"offset {self.type}: give either quantity or capacity and hours")
        if by_capacity and self.type != "rooftop_pv":
            raise ValueError(f"offset {self.type}: capacity × hours is for rooftop_pv only")
        return self


class RefrigerantLeak(Strict):
    """Refrigerant leaked (or topped up to replace leaks) in the year: scope 1 (T/CA305 3.4). A named
    refrigerant takes the catalog GWP; ``gwp`` (kgCO2e/kg, GWP-100) declares one, and is required
    for a refrigerant the catalog does not hold."""

    refrigerant: str
    mass: Kg
    gwp: float | None = Field(default=None, ge=0)
    evidence: str = ""

    @model_validator(mode="before")
    @classmethod
    def _resolve(cls, data: Any) -> Any:
        if not isinstance(data, dict) or "refrigerant" not in data:
            return data
        refrigerants = load_tca305().refrigerants
        known = refrigerants.resolve(str(data["refrigerant"]))
        if known is None and data.get("gwp") is None:
            names = ", ".join([*refrigerants.gases, *refrigerants.blends])
            raise ValueError(f"unknown refrigerant {data['refrigerant']!r} (known: {names}); "
                             "give its gwp (kgCO2e/kg, GWP-100) to count it")
        return {**data, "refrigerant": known or str(data["refrigerant"])}


class Claim(Strict):
    """A basic-requirement declaration and the evidence cited for it."""

    value: bool
    evidence: str = ""


def _claim(value: Any) -> Any:
    return {"value": value} if isinstance(value, bool) else value


class DataCentreRecord(Strict):
    """One data centre's year of operation, as declared for grading."""

    id: str
    name: str = ""
    category: Literal["datacenter"] = "datacenter"
    climate_zone: Annotated[ClimateZone, _alias(_ZONES)]
    size_class: Annotated[SizeClass, _alias(_SIZES)]
    years_in_operation: Years | None = None
    commissioned: date | None = None
    year: int | None = None
    period_start: date | None = None
    period_end: date | None = None
    previous_renewable_share: float | None = Field(default=None, ge=0, le=100)  # % of the previous period
    grid_region: str | None = None
    grid_factor: GridFactor | None = None
    energy: EnergyUse
    it_energy: KWh | None = None
    water: WaterM3 | None = None
    renewables: Renewables = Field(default_factory=Renewables)
    staff: int | None = Field(default=None, ge=0)
    vehicles: Vehicles = Field(default_factory=Vehicles)
    exported: Exported = Field(default_factory=Exported)
    offsets: list[Offset] = Field(default_factory=list)
    refrigerant_leak: list[RefrigerantLeak] = Field(default_factory=list)
    expert_scores: dict[str, Annotated[float, Field(ge=0)]] = Field(default_factory=dict)
    declarations: dict[str, Annotated[Claim, BeforeValidator(_claim)]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _known_keys(self) -> DataCentreRecord:
        catalog = load_tca305()
        expert = {i.id for i in catalog.scoring.items if i.method != "pue"}
        unknown = set(self.expert_scores) - expert
        if unknown:
            raise ValueError(f"unknown or computed expert score item(s): {', '.join(sorted(unknown))}")
        keys = {d.key for d in catalog.constraints.declarations}
        unknown = set(self.declarations) - keys
        if unknown:
            raise ValueError(f"unknown declaration(s): {', '.join(sorted(unknown))}")
        if self.grid_region is not None:
            self.grid_region = _region(self.grid_region)
        if self.years_in_operation is None and self.commissioned is None:
            raise ValueError("give years_in_operation or commissioned")
        if self.period_end is None and self.year is not None:
            self.period_end = date(self.year, 12, 31)  # the statistics year: 1 Jan – 31 Dec
            self.period_start = self.period_start or date(self.year, 1, 1)
        if self.period_start and self.period_end and self.period_start > self.period_end:
            raise ValueError("period_start is after period_end")
        return self

    def period_days(self) -> int | None:
        """The days of the statistics period, first and last counted; None where either end is not given."""
        if self.period_start is None or self.period_end is None:
            return None
        return (self.period_end - self.period_start).days + 1

    def period_years(self) -> range | None:
        """The calendar years the statistics period touches; None where either end is not given."""
        if self.period_start is None or self.period_end is None:
            return None
        return range(self.period_start.year, self.period_end.year + 1)

    def on(self, as_of: date) -> date:
        """The date the limits are taken on: the end of the statistics period, else ``as_of``."""
        return self.period_end or as_of

    def age_years(self, as_of: date) -> float:
        """Years in operation: as declared, else from ``commissioned`` to ``as_of``."""
        if self.years_in_operation is not None:
            return self.years_in_operation
        assert self.commissioned is not None
        return max((self.on(as_of) - self.commissioned).days / 365.25, 0.0)


def _region(name: str) -> str:
    factors = load_tca305().grid.factors
    for region_id, factor in factors.items():
        if name.strip().lower() in (region_id, factor.label_zh, factor.label_zh + "电网"):
            return region_id
    raise ValueError(f"unknown grid region {name!r} (known: {', '.join(factors)})")


def parse_record(data: Any) -> DataCentreRecord:
    """Validate a mapping into a record; raises :class:`DataCentreRecordError` with a one-line reason."""
    try:
        return DataCentreRecord.model_validate(data)
    except ValidationError as exc:
        where, what = first_problem(exc, "record")
        raise DataCentreRecordError(f"{where}: {what} ({exc.error_count()} error(s))") from None


def load_record(path: str | Path) -> DataCentreRecord:
    """Read a YAML or JSON record file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
        data = parse_yaml(text)  # a key given twice is kept, never last-one-wins
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataCentreRecordError(f"{path}: cannot read record ({type(exc).__name__})") from None
    if not isinstance(data, dict):
        raise DataCentreRecordError(f"{path}: a record must be a mapping")
    return parse_record(single_values(data, str(path), DataCentreRecordError))


__all__ = ["Amount", "DataCentreRecord", "DataCentreRecordError", "load_record", "parse_record"]
