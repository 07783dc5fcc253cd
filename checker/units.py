"""The application's one pint registry and the normalisation of unit text.

Units are data: pint's defaults plus ``units.txt`` beside this module. Unit text from documents
and catalog headers (Chinese spellings, full-width forms, ``dB(A)``, ``Bels``) is normalised to
pint names by :func:`normalise_unit_text` before parsing.
"""

from __future__ import annotations

import logging
import math
import os
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pint

_DEFINITIONS = "units.txt"
_NAMES_FILE = "unit_names.txt"
log = logging.getLogger(__name__)


def cache_folder() -> Path | None:
    """Where pint keeps its parsed definitions between runs (``GDC_CACHE_DIR``, else the user's cache
    folder); None when ``GDC_CACHE_DIR`` is ``off`` or the folder cannot be made."""
    chosen = os.environ.get("GDC_CACHE_DIR", "")
    if chosen.lower() == "off":
        return None
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "gdc-checker"
    folder = Path(chosen) if chosen else base / "pint"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


def _registry(folder: Path | None) -> pint.UnitRegistry:
    registry: pint.UnitRegistry = pint.UnitRegistry(autoconvert_offset_to_baseunit=True, on_redefinition="raise",
                                                    cache_folder=folder)
    with resources.as_file(resources.files("checker") / _DEFINITIONS) as path:
        registry.load_definitions(str(path))
    return registry


def _build_registry() -> pint.UnitRegistry:
    """pint's defaults plus ``units.txt``; parsed once and kept in :func:`cache_folder` (keyed by the
    content of each definitions file and pint's version), which makes a cold start ~0.5 s quicker.
    A cache that cannot be read or written is ignored: the registry is then built from the text."""
    folder = cache_folder()
    if folder is not None:
        try:
            return _registry(folder)
        except Exception as exc:  # noqa: BLE001 - a torn or foreign cache file: build without it
            log.debug("pint cache in %s not used (%s)", folder, exc)
    return _registry(None)


ureg: pint.UnitRegistry = _build_registry()
Quantity = ureg.Quantity


def _known_names() -> frozenset[str]:
    text = (resources.files("checker") / _NAMES_FILE).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


_NAMES_KNOWN: frozenset[str] = _known_names()
_NAME_TOKEN = re.compile(r"[^\W\d]\w*")

# Spellings seen in spec sheets and test reports, mapped to pint expressions. Longest first.
_SPELLINGS: dict[str, str] = {
    "g/kw·h": "g/kWh",
    "g/kw.h": "g/kWh",
    "g/kwh": "g/kWh",
    "kg/kw·h": "kg/kWh",
    "kg/kwh": "kg/kWh",
    "l/kw·h": "L/kWh",
    "l/kwh": "L/kWh",
    "mbps/w": "Mbps/W",
    "gbps/w": "Gbps/W",
    "w/gbps": "W/Gbps",
    "w/gbit/s": "W/Gbps",
    "w/(gbit/s)": "W/Gbps",
    "w/(gb/s)": "W/Gbps",
    "mg/kg": "mg/kg",
    "db(a)": "dBA",
    "rt": "refrigeration_ton",  # the refrigeration ton of a chiller's capacity (12 000 Btu/h)
    "usrt": "refrigeration_ton",
    "tr": "refrigeration_ton",
    "ton_of_refrigeration": "refrigeration_ton",
    "tons_of_refrigeration": "refrigeration_ton",
    "db (a)": "dBA",
    "dba": "dBA",
    "bels": "B_LW",
    "bel": "B_LW",
    "b(a)": "B_LW",
    "b": "B_LW",
    "gbit/s": "Gbps",
    "gb/s": "Gbps",
    "gbps": "Gbps",
    "mbit/s": "Mbps",
    "mb/s": "Mbps",
    "mbps": "Mbps",
    "tbit/s": "Tbps",
    "tb/s": "Tbps",
    "tbps": "Tbps",
    "dm3": "dm**3",
    "dm^3": "dm**3",
    "m3": "m**3",
    "mm3": "mm**3",
    "kwh": "kWh",
    "mwh": "MWh",
    "gwh": "GWh",
    "kva": "kVA",
    "kw": "kW",
    "mw": "MW",
    "w": "W",
    "l/h": "L/h",
    "gph": "gallon/hour",
    "tco2": "tCO2",
    "kgco2": "kgCO2",
    "tce": "tce",
    "kgce": "kgce",
    "%": "percent",
    "wt%": "percent",  # a mass share, as a laboratory prints it
    "wt.%": "percent",
    "mass%": "percent",
    "%(m/m)": "percent",
    "%(w/w)": "percent",
    "%m/m": "percent",
    "%w/w": "percent",
    "%(v/v)": "volume_percent",  # a volume share is not a mass share: left unknown
    "%v/v": "volume_percent",
    "vol%": "volume_percent",
    "vol.%": "volume_percent",
    "ppmv": "volume_ppm",
    "ppm": "ppm",
    "mg": "mg",
    "g": "g",
    "kg": "kg",
    "mm": "mm",
    "cm": "cm",
    "in": "inch",
    "inch": "inch",
    "inches": "inch",
    "l": "L",
    "grade": "grade_no",
    "级": "grade_no",
}

_CHINESE: dict[str, str] = {
    "万千瓦时": "wan_kWh",  # before 千瓦时: ten thousand of them
    "万kWh": "wan_kWh",
    "万kwh": "wan_kWh",
    "万度": "wan_kWh",
    "千瓦时": "kWh",
    "冷吨": "refrigeration_ton",
    "千瓦": "kW",
    "瓦特": "W",
    "瓦": "W",
    "毫克/千克": "mg/kg",
    "毫克每千克": "mg/kg",
    "毫克": "mg",
    "千克": "kg",
    "公斤": "kg",
    "克": "g",
    "毫米": "mm",
    "厘米": "cm",
    "英寸": "inch",
    "分贝": "dBA",
    "贝尔": "B_LW",
    "升/小时": "L/h",
    "升": "L",
    "吨标准煤": "tce",
    "吨标煤": "tce",
    "吨": "t",  # after 吨标准煤 and 吨标煤
    "立方米": "m3",
    "千克标准煤": "kgce",
    "立方分米": "dm**3",
    "百分比": "percent",
}

_SUPERSCRIPTS = str.maketrans({"³": "3", "²": "2", "·": "·", "⋅": "·"})
# a length to a power, its exponent folded to a plain digit ("m³/MWh", "㎥/h" → "m3/h", "mm²"): "m**3/MWh"
_LENGTH_POWER = re.compile(r"(?<![A-Za-z])([kdcm]?m|ft|in)([23])(?![\d.])")


def normalise_unit_text(text: str) -> str:
    """Return a pint expression for unit ``text`` as printed (``％``, ``㎎/㎏``, ``dB(A)``, ``千瓦``).

    NFKC folds full-width forms and squared-unit characters (㎎ → mg, ㎏ → kg, ㎥ → m3).
    """
    folded = unicodedata.normalize("NFKC", text).translate(_SUPERSCRIPTS).strip()
    for chinese, pint_name in _CHINESE.items():
        folded = folded.replace(chinese, pint_name)
    compact = re.sub(r"\s+", "", folded)
    key = compact.lower()
    if key in _SPELLINGS:
        return _SPELLINGS[key]
    return _LENGTH_POWER.sub(r"\1**\2", compact.replace("·", "*"))


@lru_cache(maxsize=512)
def parse_unit(text: str) -> pint.Unit:
    """Parse unit text (any spelling :func:`normalise_unit_text` knows) into a pint unit.

    An empty string is the dimensionless unit. Raises ``ValueError`` for unknown units: a name that is
    not in ``unit_names.txt`` (pint would read "mass%" as milliarcsecond percent), and a product pint
    parses but cannot use ("dB(C)", decibel times coulomb).
    """
    if not text.strip():
        return ureg.dimensionless
    expression = normalise_unit_text(text)
    try:
        unit = ureg.parse_units(expression)
        unit.dimensionality  # noqa: B018 - raises for a unit that cannot be converted
    except Exception as exc:  # pint raises several kinds, AssertionError included
        raise ValueError(f"unknown unit {text!r}") from exc
    if not _names_known(expression):
        raise ValueError(f"unknown unit {text!r}")
    return unit


def _names_known(expression: str) -> bool:
    """True when every name in a unit expression is one of ``unit_names.txt`` (with any prefix), as pint
    reads it; a degree sign or any other name (an angle, a mole, a logarithmic unit) is unknown."""
    if "°" in expression:
        return False
    for token in _NAME_TOKEN.findall(expression):
        if token == "dimensionless":
            continue
        candidates = ureg.parse_unit_name(token)
        if not candidates or candidates[0][1] not in _NAMES_KNOWN:
            return False
    return True


def is_unit(text: str) -> bool:
    """True when :func:`parse_unit` reads ``text`` as a unit."""
    try:
        parse_unit(text)
    except ValueError:
        return False
    return True


# A mass of water is its volume at pint's conventional density (1 kg/L): a water bill's 吨 is m³, a WUE in kg/kWh is
# one in L/kWh. Only where the quantity is water (``water`` of a field in fields.yaml).
WATER_DENSITY = "conventional_water_density"


def _as_water(source: pint.Unit, target: pint.Unit) -> pint.Unit | None:
    """``source`` with its mass read as a volume of water, where that makes it the kind of ``target``, else None."""
    if source.dimensionality == target.dimensionality:
        return None
    as_volume = (Quantity(1.0, source) / Quantity(1.0, WATER_DENSITY)).units
    if as_volume.dimensionality != target.dimensionality:
        return None
    return as_volume


@lru_cache(maxsize=1024)
def conversion_factor(from_unit: str, to_unit: str, water: bool = False) -> float:
    """Multiplier taking a number in ``from_unit`` to ``to_unit`` (both unit text). With ``water``, a mass (or a mass
    per energy) of water converts to its volume (1 t = 1 m³, 1 kg/kWh = 1 L/kWh).

    Raises ``ValueError`` when the units are of different kinds (e.g. dB(A) to bels).
    """
    source, target = parse_unit(from_unit), parse_unit(to_unit)
    if water and (volume := _as_water(source, target)) is not None:
        source = volume
    if ("volt_ampere" in str(source)) != ("volt_ampere" in str(target)):
        raise ValueError(f"unit {from_unit!r} is not a kind of {to_unit!r} (apparent power in VA is not real "
                         f"power in W: it needs the power factor)")
    try:
        return float(Quantity(1.0, source).to(target).magnitude)
    except pint.errors.DimensionalityError as exc:
        raise ValueError(
            f"unit {from_unit!r} is not a kind of {to_unit!r} ({source.dimensionality} vs "
            f"{target.dimensionality})"
        ) from exc
    except Exception as exc:  # pint's offset and logarithmic units raise other kinds
        raise ValueError(f"unit {from_unit!r} cannot be converted to {to_unit!r}") from exc


def convert(value: float, from_unit: str, to_unit: str) -> float:
    """Convert ``value`` from ``from_unit`` to ``to_unit`` through the registry."""
    return value * conversion_factor(from_unit, to_unit)


def same_kind(unit_a: str, unit_b: str, water: bool = False) -> bool:
    """True when the two unit texts measure the same kind of quantity (with ``water``, a mass of water its volume)."""
    source, target = parse_unit(unit_a), parse_unit(unit_b)
    return source.dimensionality == target.dimensionality or (water and _as_water(source, target) is not None)


SIGNIFICANT_DIGITS = 15  # a float holds 15.9; a conversion, a mean of a few readings add noise in the 16th-17th


def clean(value: float) -> float:
    """A number rounded to 15 significant digits, as it is compared with a limit: the noise of a unit conversion
    (0.57 × 100 is 57, not 56.99999999999999) or of a mean a platform computed (93.99999999999999 is 94) removed,
    every digit a person could print kept (93.9999999996 stays below 94, 1000.0000000004 above 1000). Comparisons
    with limits are then exact."""
    if value == 0 or not math.isfinite(value):
        return value
    return round(value, SIGNIFICANT_DIGITS - 1 - math.floor(math.log10(abs(value))))


def clean_array(values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """:func:`clean` on a whole column (NaN and infinities pass through)."""
    with np.errstate(invalid="ignore"):
        finite = np.isfinite(values) & (np.abs(values) > 1e-250) & (np.abs(values) < 1e250)
    if not finite.any():
        return values
    out = np.array(values, dtype=float, copy=True)
    exponent = np.floor(np.log10(np.abs(out[finite])))
    scale = 10.0 ** (SIGNIFICANT_DIGITS - 1 - exponent)
    out[finite] = np.round(out[finite] * scale) / scale
    return out
