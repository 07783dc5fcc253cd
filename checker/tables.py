"""Equipment catalogs (CSV, XLSX, Parquet) → the engine's frame, converted once per column.

Headers are matched to fields by id or alias (Chinese or English); a unit in brackets
(``psu_efficiency_50 [%]``, ``rated_power (kW)``) is honoured through pint. Cells that are not
plain numbers ("94.2 %", "ND", "105,8") take a slower path, only for those cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from checker.catalog import Catalog
from checker.fields import FieldSpec, header_key
from checker.frame import ISSUE, ND, RL, Batch, conform, normalise_choice
from checker.models import Evidence
from checker.units import conversion_factor
from checker.values import ValueTextError, parse_value_text

_HEADER_UNIT = re.compile(r"^(?P<name>.*?)\s*[\[\(（【](?P<unit>[^\]\)）】]*)[\]\)）】]\s*$")
CATEGORY_WORDS = {"服务器": "server", "存储": "storage", "存储设备": "storage", "台式机": "desktop",
                  "台式计算机": "desktop", "笔记本": "laptop", "便携式计算机": "laptop", "显示器": "monitor",
                  "交换机": "switch", "以太网交换机": "switch", "防火墙": "firewall", "制冷机组": "cooling",
                  "不间断电源": "ups", "电源分配单元": "pdu", "发电机组": "generator", "柴油发电机组": "generator",
                  "电缆": "cable", "电动机": "motor", "压缩机": "compressor", "通风机": "fan",
                  "变压器": "transformer", "水泵": "pump", "潜水电泵": "pump", "数据中心": "datacenter"}


class TableError(ValueError):
    """A catalog file that cannot be used, with a one-line reason."""


@dataclass
class CatalogEvidence:
    """Evidence of a catalog cell: file, row number as a person counts it, header and raw text."""

    source: str
    raw: pd.DataFrame
    headers: dict[str, str]
    first_row: int

    def get(self, row: int, name: str) -> list[Evidence]:
        header = self.headers.get(name)
        if header is None:
            return []
        cell = self.raw.iat[row, self.raw.columns.get_loc(header)]
        return [Evidence(source=self.source, page=None, text=f"row {row + self.first_row}: {header} = {cell}")]


def read_table(path: Path) -> pd.DataFrame:
    """Read a catalog file as text cells (no type guessing), by its extension."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        if suffix in (".xlsx", ".xlsm"):
            return pd.read_excel(path, dtype=str, keep_default_na=False, engine="openpyxl")
        if suffix == ".parquet":
            return pd.read_parquet(path)
    except (ValueError, OSError, UnicodeDecodeError, pd.errors.ParserError, ImportError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise TableError(f"{path}: cannot read as {suffix.lstrip('.').upper()} ({first})") from None
    except Exception as exc:  # noqa: BLE001 - third-party readers raise many kinds on damaged files
        raise TableError(f"{path}: damaged {suffix.lstrip('.').upper()} file ({type(exc).__name__})") from None
    raise TableError(f"{path}: unsupported catalog type {suffix or '(none)'}")


def map_headers(columns: list[str], catalog: Catalog) -> tuple[dict[str, tuple[str, str]], list[str]]:
    """Header → (field, unit text) for recognised headers, and the list of unknown headers."""
    aliases: dict[str, str] = {}
    for name, spec in catalog.fields.items():
        for alias in [name, *spec.aliases, spec.label_zh, spec.label_en]:
            aliases.setdefault(header_key(alias), name)
    mapped: dict[str, tuple[str, str]] = {}
    unknown: list[str] = []
    for header in columns:
        match = _HEADER_UNIT.match(str(header))
        base, unit = (match.group("name"), match.group("unit")) if match else (str(header), None)
        field = aliases.get(header_key(base))
        if field is None or field in {f for f, _ in mapped.values()}:
            unknown.append(str(header))
            continue
        spec = catalog.fields[field]
        mapped[str(header)] = (field, spec.unit if unit is None else unit)
    return mapped, unknown


def _quantity_column(raw: pd.Series, spec: FieldSpec, unit: str, header: str, first_row: int
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(values in canonical unit, issue texts or None, non-detect flags, reporting limits) for one column."""
    factor = conversion_factor(unit, spec.unit)
    text = raw.astype(str).str.strip() if raw.dtype == object else raw
    numbers = pd.to_numeric(text, errors="coerce").to_numpy(dtype=float, na_value=np.nan) * factor
    issues = np.full(len(raw), None, dtype=object)
    nd = np.zeros(len(raw), dtype=bool)
    limits = np.full(len(raw), np.nan)
    if raw.dtype == object:
        slow = np.flatnonzero(np.isnan(numbers) & (text != "").to_numpy() & text.notna().to_numpy()
                              & (text.str.lower() != "nan").to_numpy())
        for index in slow:
            numbers[index], issues[index], nd[index], limits[index] = _slow_cell(str(text.iat[index]), spec, unit)
    if spec.range:
        low, high = spec.range
        bad = ~np.isnan(numbers) & ((numbers < low) | (numbers > high)) & ~nd
        for index in np.flatnonzero(bad):
            issues[index] = (f"implausible value {raw.iat[index]} {unit} in {header}, row {index + first_row}: "
                             f"outside {low:g}–{high:g} {spec.unit}")
        numbers[bad] = np.nan
    return numbers, issues, nd, limits


def _slow_cell(text: str, spec: FieldSpec, unit: str) -> tuple[float, str | None, bool, float]:
    """(value, issue, non-detect, reporting limit) of one cell that is not a plain number."""
    try:
        parsed = parse_value_text(text)
        factor = conversion_factor(parsed.unit or unit, spec.unit)
        if parsed.qualifier:
            limit = parsed.number * factor if parsed.qualifier == "lt" and parsed.number is not None else np.nan
            return 0.0, None, True, limit
        assert parsed.number is not None
        return parsed.number * factor, None, False, np.nan
    except (ValueTextError, ValueError) as exc:
        return np.nan, f"unreadable value {text!r}: {exc}", False, np.nan


def table_to_batch(path: Path, catalog: Catalog, category: str | None = None) -> tuple[Batch, list[str]]:
    """Read a catalog file into a batch; also returns the headers that were not recognised."""
    raw = read_table(path)
    if raw.empty:
        raise TableError(f"{path}: the catalog has no rows")
    raw.columns = [str(c) for c in raw.columns]
    mapped, unknown = map_headers(list(raw.columns), catalog)
    first_row = 1 if path.suffix.lower() == ".parquet" else 2
    frame = pd.DataFrame(index=raw.index)
    for header, (name, unit) in mapped.items():
        spec = catalog.fields[name]
        try:
            _fill_column(frame, raw[header], spec, name, unit, header, first_row)
        except ValueError as exc:
            raise TableError(f"{path}: column {header}: {exc}") from None
    frame = _identity(frame, raw, path, category, first_row)
    headers = {name: header for header, (name, _) in mapped.items()}
    evidence = CatalogEvidence(source=str(path), raw=raw, headers=headers, first_row=first_row)
    return Batch(frame=conform(frame, catalog), evidence=evidence, sources=[[str(path)]] * len(frame)), unknown


def _fill_column(frame: pd.DataFrame, raw: pd.Series, spec: FieldSpec, name: str, unit: str, header: str,
                 first_row: int) -> None:
    if spec.kind == "quantity":
        values, issues, nd, limits = _quantity_column(raw, spec, unit, header, first_row)
        frame[name] = values
        if not np.isnan(limits).all():
            frame[name + RL] = limits
        if any(issue is not None for issue in issues):
            frame[name + ISSUE] = issues
        if nd.any():
            frame[name + ND] = nd
        return
    text = raw.astype(object).where(raw.astype(str).str.strip() != "", None)
    if name in ("model", "manufacturer", "category"):
        frame[name] = text
        return
    folded = text.map(lambda v: None if v is None else normalise_choice(spec, v))
    bad = text.notna() & folded.isna()
    frame[name] = folded
    if bad.any():
        frame[name + ISSUE] = np.where(bad, "unrecognised value " + text.astype(str) + f" in {header}", None)


def _identity(frame: pd.DataFrame, raw: pd.DataFrame, path: Path, category: str | None,
              first_row: int) -> pd.DataFrame:
    """Fill id and category: the model column (or file#row) and the category column or option."""
    rows = np.arange(len(frame)) + first_row
    model = frame["model"] if "model" in frame else pd.Series([None] * len(frame), index=frame.index)
    fallback = pd.Series([f"{path.stem}#row{r}" for r in rows], index=frame.index)
    frame["id"] = model.where(model.notna(), fallback).astype(str)
    if "category" in frame:
        given = frame["category"].astype(str).str.strip()
        frame["category"] = given.map(lambda v: CATEGORY_WORDS.get(v, v.lower()))
    elif category:
        frame["category"] = category
    else:
        raise TableError(f"{path}: no category column; give --category")
    return frame
