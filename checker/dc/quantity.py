"""Numbers with units in data-centre records: a bare number is in the documented unit, a string
such as ``"1.2 GWh"`` is parsed and converted through the project's one pint registry."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from checker.inputs.values import parse_value_text
from checker.models import Strict
from checker.units import conversion_factor, same_kind


def split_number(text: str) -> tuple[float, str]:
    """Split ``"1,200.5 MWh"`` into ``(1200.5, "MWh")`` by the project's one number reader
    (:func:`checker.inputs.values.parse_value_text`: "1,5 GWh" is 1.5 GWh everywhere). Raises ``ValueError``
    if no number leads, or for a non-detect or a bound ("< 1.2 GWh"), which is not an amount."""
    parsed = parse_value_text(text)
    if parsed.number is None or parsed.qualifier:
        raise ValueError(f"not a measured amount: {text!r}")
    return parsed.number, parsed.unit


def to_unit(value: Any, unit: str, water: bool = False) -> float:
    """``value`` (number in ``unit``, or text with its own unit) as a float in ``unit``; with ``water``, a mass of
    water ("52000 t", as water bills print it) is its volume."""
    if isinstance(value, bool):
        raise ValueError(f"expected a quantity in {unit}, got {value!r}")
    if isinstance(value, int | float):
        return float(value)
    if not isinstance(value, str):
        raise ValueError(f"expected a quantity in {unit}, got {value!r}")
    number, text_unit = split_number(value)
    if not text_unit:
        return number
    return number * conversion_factor(text_unit, unit, water)


def quantity(unit: str, water: bool = False) -> Any:
    """An annotated non-negative float field stored in ``unit`` (``water``: a quantity of water)."""
    return Annotated[float, BeforeValidator(lambda v: to_unit(v, unit, water)), Field(ge=0)]


KWh = quantity("kWh")
M3 = quantity("m**3")
WaterM3 = quantity("m**3", water=True)  # water: a mass of it (a water bill's 吨) is its volume
GJ = quantity("GJ")
KW = quantity("kW")
GridFactor = quantity("kgCO2/kWh")
Kg = quantity("kg")
Years = quantity("year")
Hours = quantity("hour")


class Amount(Strict):
    """A quantity kept in one of a few allowed units (fuel by mass or volume, an offset in
    tCO2e or in kWh); the grading decides how to use each."""

    value: float = Field(ge=0)
    unit: str


def amount_in(value: Any, units: tuple[str, ...]) -> dict[str, Any]:
    """Parse ``value`` into ``{"value", "unit"}`` with ``unit`` the first of ``units`` of the same
    kind as the text's unit (a bare number takes ``units[0]``)."""
    if isinstance(value, dict):  # {value: 500, unit: t}: the unit is read as text is, never taken on trust
        if "unit" not in value or not isinstance(value.get("value"), int | float) or set(value) - {"value", "unit"}:
            return value  # the model reports what is wrong with it
        number, text_unit = float(value["value"]), str(value["unit"])
    elif isinstance(value, str):
        number, text_unit = split_number(value)
    else:
        return {"value": to_unit(value, units[0]), "unit": units[0]}
    return _in_units(value, number, text_unit, units)


def _in_units(value: Any, number: float, text_unit: str | None, units: tuple[str, ...]) -> dict[str, Any]:
    """``number`` in ``text_unit`` as the first of ``units`` of its kind (no unit: ``units[0]``)."""
    for unit in units:
        if text_unit and same_kind(text_unit, unit):
            return {"value": number * conversion_factor(text_unit, unit), "unit": unit}
    if text_unit:
        raise ValueError(f"unit of {value!r} is none of {', '.join(units)}")
    return {"value": number, "unit": units[0]}


FuelUnit = Literal["kg", "L"]
Fuel = Annotated[Amount, BeforeValidator(lambda v: amount_in(v, ("kg", "L")))]
