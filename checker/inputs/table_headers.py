"""A catalog's headers → fields: by id or alias (Chinese or English), a unit in brackets honoured, a header
written twice kept apart and named by its column number.
"""

from __future__ import annotations

import re
from collections import Counter

from checker.catalog.clauses import Catalog
from checker.catalog.fields import header_key

_OPENING = {"]": "[", ")": "(", "）": "（", "】": "【"}


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



def split_unit(header: str) -> tuple[str, str | None]:
    """A header's name and the unit in its last brackets, which may hold brackets of their own
    ("specific_power [kW/(m**3/min)]"); no closing bracket at the end: the header and None."""
    text = header.rstrip()
    if not text or text[-1] not in _OPENING:
        return header, None
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        char = text[index]
        if char in _OPENING:
            depth += 1
        elif char in _OPENING.values():
            depth -= 1
            if depth == 0:
                return text[:index].rstrip(), text[index + 1:-1]
    return header, None



def map_headers(columns: list[str], catalog: Catalog) -> tuple[dict[str, tuple[str, str]], list[str]]:
    """Column label → (field, unit text) for recognised headers, and the unknown headers as written.

    ``columns`` are unique labels (:func:`unique_labels`); several may map to one field.
    """
    aliases: dict[str, str] = {}
    for name, spec in catalog.fields.items():
        for alias in [name, *spec.aliases, spec.label_zh, spec.label_en]:
            aliases.setdefault(header_key(alias), name)
    written = written_headers([str(label) for label in columns])
    mapped: dict[str, tuple[str, str]] = {}
    unknown: list[str] = []
    for label, header in written.items():
        found = aliases.get(header_key(header))
        base, unit = (header, None) if found is not None else split_unit(header)
        found = aliases.get(header_key(base))
        if found is None:
            unknown.append(header)
            continue
        mapped[label] = (found, catalog.fields[found].unit if unit is None else unit)
    return mapped, unknown
