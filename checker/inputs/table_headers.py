"""A catalog's headers → fields: by id or alias (Chinese or English), a unit in brackets honoured, a row of
units under the header honoured the same way, a second header level under an upper one joined to it, a header
written twice kept apart and named by its column number.
"""

from __future__ import annotations

import re
from collections import Counter

from checker.catalog.clauses import Catalog
from checker.catalog.fields import header_key
from checker.inputs.header_notes import HeaderReading, read_header, split_brackets
from checker.units import conversion_factor, is_unit, same_kind

_NUMBERED = re.compile(r"^(?P<base>.*)\.\d+$")



def unique_labels(names: list[str]) -> list[str]:
    """Column labels made unique as pandas makes them: a repeated "a" becomes "a.1", "a.2", ..."""
    seen: set[str] = set()
    labels: list[str] = []
    for name in names:
        label, number = name, 0
        while label in seen:
            number += 1
            label = f"{name}.{number}"
        seen.add(label)
        labels.append(label)
    return labels



def written_headers(labels: list[str]) -> dict[str, str]:
    """Column label → header as written: "a.1" after an "a" is a second "a" (pandas numbers repeats so).

    A header really written "a.1" beside an "a" is read as a second "a" too: it is then compared
    with "a", which can only make the check stricter.
    """
    seen: set[str] = set()
    written: dict[str, str] = {}
    for label in labels:
        match = _NUMBERED.match(label)
        written[label] = match.group("base") if match and match.group("base") in seen else label
        seen.add(label)
    return written



def shown_headers(written: dict[str, str]) -> dict[str, str]:
    """Headers as shown in notes: a header written more than once also gets its column number ("a #4")."""
    counts = Counter(written.values())
    return {label: f"{header} #{number}" if counts[header] > 1 else header
            for number, (label, header) in enumerate(written.items(), start=1)}



_BRACKETS = re.compile(r"[()（）\[\]【】]")
_UNIT_ROW_LABELS = frozenset({"unit", "units", "uom", "单位", "计量单位", "单位/unit"})
_NO_UNIT = frozenset({"-", "—", "/", "－", "n/a"})


def units_row(first: list[str]) -> list[str | None] | None:
    """The units of each column when a table's first row under the header is a row of units
    (",,Gbps,kW,,mm" or "单位,,%,%"), else None; a blank or "-" cell is a column without one.

    Every non-blank cell must be a unit the registry knows (or a word such as 单位 naming the row), and
    at least one a unit: a product's row always holds a model or a value that is not one.
    """
    units: list[str | None] = []
    for cell in first:
        text = cell.strip()
        if not text or text.lower() in _NO_UNIT or text.lower() in _UNIT_ROW_LABELS:
            units.append(None)
            continue
        if not re.search(r"[^\W\d_]|%|‰", text) or not is_unit(text):
            return None
        units.append(text)
    return units if any(unit is not None for unit in units) else None


def with_units(headers: list[str], units: list[str | None]) -> list[str]:
    """Headers with the units of a units row in brackets; a header that already names a unit keeps it
    when the row's is the same unit, and one that names another is refused (which is meant?)."""
    named: list[str] = []
    for header, unit in zip(headers, units, strict=True):
        own = split_brackets(header)[1]
        if own is not None and not is_unit(own):
            own = None  # brackets that name no unit ("镉(Cd)")
        if unit is None or (own is not None and _same_unit(own, unit)):
            named.append(header)
        elif own is None:
            named.append(f"{header} [{unit}]")
        else:
            raise ValueError(f"column {header}: the units row says {unit!r}, the header {own!r}")
    return named


def _same_unit(one: str, other: str) -> bool:
    try:
        return same_kind(one, other) and conversion_factor(one, other) == 1.0
    except ValueError:
        return False



_LOOSE_WORDS = re.compile(r"at|load|负载|[%％()（）]")


def loose_key(text: str) -> str:
    """A header folded further, for the two halves of a two-level header: "PSU efficiency" over "50% load" and
    "psu_efficiency_50", "电源效率" over "50%负载" and "50%负载电源效率" meet ("at", "load", "负载", "%" dropped)."""
    return _LOOSE_WORDS.sub("", header_key(text))


def loose_aliases(catalog: Catalog) -> dict[str, str]:
    """Loose key → field, for the keys only one field has."""
    found: dict[str, set[str]] = {}
    for name, spec in catalog.fields.items():
        for alias in [name, *spec.aliases, spec.label_zh, spec.label_en]:
            found.setdefault(loose_key(alias), set()).add(name)
    return {key: next(iter(names)) for key, names in found.items() if len(names) == 1 and key}


def two_level(headers: list[str], first: list[str], catalog: Catalog) -> list[str] | None:
    """The headers of a table whose first row under the header is a second header level ("PSU efficiency (%)"
    over "20% | 50% | 100%", "电源效率" over "20%负载 | 50%负载 | 100%负载"), each column named by its field and the
    upper level's unit ("psu_efficiency_50 [%]"); None when ``first`` is no such row.

    An upper header spans the blank headers to its right. The row is a second level only where every column the
    header already names (model, category, ...) is blank in it and at least two pairs of levels name a field (an
    upper level spans its lower ones), by either order of the two; a pair that names no field keeps its header.
    """
    aliases = _aliases(catalog)
    loose = loose_aliases(catalog)
    combined: list[str] = []
    upper: str | None = None
    named = 0
    for header, cell in zip(headers, first, strict=True):
        blank = not header.strip() or header.startswith("Unnamed: ")
        if not blank:
            upper = None if _field_of(header, aliases)[0] else header
            if upper is None:
                if cell.strip():
                    return None  # a column the header names has a value: a product's row
                combined.append(header)
                continue
        if upper is None or not cell.strip():
            combined.append(header)
            continue
        base, unit = split_brackets(upper)
        field = loose.get(loose_key(base + cell)) or loose.get(loose_key(cell + base))
        if field is None:
            combined.append(header)
            continue
        combined.append(f"{field} [{unit}]" if unit is not None and is_unit(unit) else field)
        named += 1
    return combined if named >= 2 else None



def _second_field(reading: HeaderReading, header: str, mapped: dict[str, tuple[str, str, str | None]],
                  catalog: Catalog) -> HeaderReading:
    """A header that is an alias of two fields ("设备类别": a product's category, a switch's device class) names the
    second where an earlier column already names the first ("类别" and "设备类别" side by side)."""
    if reading.field is None or all(field != reading.field for field, _, _ in mapped.values()):
        return reading
    key = header_key(header)
    for name, spec in catalog.fields.items():
        if name != reading.field and key in {header_key(alias) for alias in [name, *spec.aliases, spec.label_zh]}:
            return HeaderReading(name)
    return reading


def _aliases(catalog: Catalog) -> dict[str, str]:
    """Header key → field, for every field's id, aliases and labels (the first field to name a key keeps it)."""
    aliases: dict[str, str] = {}
    for name, spec in catalog.fields.items():
        for alias in [name, *spec.aliases, spec.label_zh, spec.label_en]:
            aliases.setdefault(header_key(alias), name)
    for name, spec in catalog.fields.items():  # "声功率级(LWAd)" also written "声功率级LWAd"
        for alias in [spec.label_zh, *spec.aliases]:
            aliases.setdefault(header_key(_BRACKETS.sub("", alias)), name)
    return aliases


def _field_of(header: str, aliases: dict[str, str]) -> tuple[str | None, str | None]:
    """The field a header names and the unit its brackets give: the whole header first ("铅(Pb)" is an alias),
    else the header without its last brackets ("psu_efficiency_50 [%]")."""
    found = aliases.get(header_key(header))
    if found is not None:
        return found, None
    base, unit = split_brackets(header)
    return aliases.get(header_key(base)), unit



def map_headers(columns: list[str], catalog: Catalog) -> tuple[dict[str, tuple[str, str, str | None]], list[str]]:
    """Column label → (field, unit text, statistic: a Min / Max column's "at_least" / "at_most", else None) for
    recognised headers, and the headers not used as written (with the
    reason, for a header that names a field whose column is not used: :mod:`checker.inputs.header_notes`).

    ``columns`` are unique labels (:func:`unique_labels`); several may map to one field.
    """
    aliases = _aliases(catalog)
    loose = loose_aliases(catalog)
    written = written_headers([str(label) for label in columns])
    mapped: dict[str, tuple[str, str, str | None]] = {}
    unknown: list[str] = []
    for label, header in written.items():
        reading = _second_field(read_header(header, catalog, aliases, loose), header, mapped, catalog)
        if reading.field is None:
            unknown.append(header)
        elif reading.refused is not None:
            unknown.append(f"{header} ({reading.refused})")
        else:
            unit = reading.unit if reading.unit is not None else catalog.fields[reading.field].unit
            mapped[label] = (reading.field, unit, reading.statistic)
    return mapped, unknown
