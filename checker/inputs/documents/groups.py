"""Several numbers printed together where one value is expected: "96%/90%", "1级/3级", "94 / 92 %",
"90~94 %". The reader cannot tell which one applies, so the group is one reading with qualifier
"several" (emitted as an unreadable fact, a manual-review item), never its first number.

Numbers of a different kind printed together are the same figure in two units ("80 kW / 100 kVA")
and are left alone; a chain that runs into a masked or load number ("20%/50%/100% load") is a list
of loads (read by :mod:`checker.inputs.documents.load_lists`) and is left alone too.
"""

from __future__ import annotations

import re

from checker.inputs.documents.numbers import Value, match_unit, parse_number

_NEXT = re.compile(r"\s*(?:/|~|、)\s*(?P<num>\d+(?:[.,]\d+)?)(?![\d.,])")


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _chain(key: str, value: Value, masked: list[tuple[int, int]]) -> tuple[int, list[str]] | None:
    """End and units of the numbers joined to ``value`` by / ~ 、, or None when none is (or the
    chain runs into a masked number)."""
    end, units, count = value.end, [value.unit], 1
    while (m := _NEXT.match(key, end)) is not None:
        if _inside(m.start("num"), masked) or parse_number(m.group("num")) is None:
            return None
        found = match_unit(key, m.end("num"))
        unit, end = found if found else ("", m.end("num"))
        units.append(unit)
        count += 1
    return (end, units) if count > 1 else None


def group_values(key: str, values: list[Value], masked: list[tuple[int, int]]) -> list[Value]:
    """``values`` with each group of several joined numbers replaced by one "several" reading
    (value: the first number, unit: the one unit printed, text: the whole group)."""
    out: list[Value] = []
    covered = -1
    for value in values:
        if value.start < covered:
            continue  # a number inside a group already taken
        found = _chain(key, value, masked) if value.is_number and not value.qualifier else None
        printed = {u for u in found[1] if u} if found else set()
        if found is None or len(printed) > 1:
            out.append(value)
            continue
        end = found[0]
        covered = end
        out.append(Value(value.value, printed.pop() if printed else "", "several", value.start, end,
                         key[value.start:end]))
    return out
