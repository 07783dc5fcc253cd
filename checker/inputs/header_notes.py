"""What a catalog header says besides the field it names: its unit, and the notes beside the name.

A platform's export writes more into a header than a field's name and unit: "IPv4吞吐量(64字节, Gbps)", "PUE(实测年均)",
"电源效率(20%负载) [%]", "20%负载效率 实测值(%)", "50%负载效率 标准要求", "Efficiency 50% load typ. (%)".
The name is found with the notes set aside; then each note must say something the checker knows about the column:

- a unit (pint's, any spelling of :mod:`checker.units`): the column's unit, one per header;
- that the values are measured ("实测值", "measured": ``result_columns`` of catalogs/vocabulary.yaml);
- the condition the standard measures the field under ("64字节", "年均": the ``states`` of its ``stated_conditions``);
- a load, when the name and the note together name the field ("电源效率" with "20%负载").

A Min or Max column ("Efficiency 50% load min.": ``statistic_columns``) gives bounds: at least, at most its numbers.
A note of another condition ("设计值": the ``other`` of the field's ``stated_conditions``), of a limit or requirement
("标准要求": ``limit_words``), of a typical value ("typ."), or one the checker does not know ("旧版电源", "old PSU")
leaves the column unused, with the reason: its cells are not the product's value as the clause means it, or may not
be, and the other columns of the file are still read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from checker.catalog.clauses import Catalog
from checker.catalog.fields import FieldSpec, header_key
from checker.inputs.table_files import HIDDEN_COLUMN
from checker.units import is_unit

if TYPE_CHECKING:
    from checker.inputs.documents.conditions import StatedCondition

_OPENING = {"]": "[", ")": "(", "）": "（", "】": "【"}
_PIECES = re.compile(r"\s*[,，;；、]\s*")
_MAX_BRACKETS = 3
_KINDS = {"at_least": "minimum", "at_most": "maximum", "typical": "typical"}


@dataclass(frozen=True)
class HeaderReading:
    """A header read: the field it names (None: none), the unit its notes give, and why the column is not used."""

    field: str | None
    unit: str | None = None
    refused: str | None = None
    statistic: str | None = None  # "at_least" / "at_most": a Min / Max column, each cell a bound of the value


@dataclass(frozen=True)
class _Words:
    """The qualifier words of catalogs/vocabulary.yaml, folded: measured, limits, statistics (word → kind)."""

    measured: tuple[str, ...]
    limits: tuple[str, ...]
    statistics: dict[str, str]
    longest_first: tuple[str, ...] = ()  # all of them, the longest first (taken off a header's ends in this order)


def split_brackets(header: str) -> tuple[str, str | None]:
    """A header's name and the text in its last brackets, which may hold brackets of their own
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


def read_header(header: str, catalog: Catalog, aliases: dict[str, str], loose: dict[str, str]) -> HeaderReading:
    """The field ``header`` names and its unit, or why its column is not used (see the module's docstring)."""
    found = aliases.get(header_key(header))
    if found is not None:
        return HeaderReading(found)
    name, notes = _peel(header)
    units = [note for note in notes if is_unit(note)]
    notes = [note for note in notes if note not in units]
    field, words = aliases.get(header_key(name)), list[str]()
    if field is None:
        name, words = _strip_words(name)
        field, notes = _named(name, notes, aliases, loose)
    if field is None:
        field, words = _bilingual(name, aliases, loose)
    if field is None:
        return HeaderReading(None)
    if len(set(units)) > 1:
        return HeaderReading(field, refused=f"two units ({', '.join(units)})")
    unit = units[0] if units else None
    statistic = _statistic(words, notes)
    if statistic is not None:
        words = [word for word in words if word not in _qualifiers().statistics]
        notes = [note for note in notes if _fold(note) not in _qualifiers().statistics]
    refused = _refusal(header, field, words, notes) or _unit_refusal(unit, catalog.fields[field])
    return HeaderReading(field, unit, refused, statistic)


_CJK = re.compile(r"[\u3400-\u9fff]")


def _bilingual(name: str, aliases: dict[str, str], loose: dict[str, str]) -> tuple[str | None, list[str]]:
    """The field a bilingual header names in both its languages ("氟含量 cable_fluorine", "型号规格 model",
    "配电线路 power_distribution"), and the qualifier words taken off either; None where the two do not name one
    field (one language alone decides nothing: the other may say "设计值")."""
    tokens = name.split()
    chinese = " ".join(t for t in tokens if _CJK.search(t))
    latin = " ".join(t for t in tokens if not _CJK.search(t))
    if not chinese or not latin:
        return None, []
    found: list[str | None] = []
    taken: list[str] = []
    for part in (chinese, latin):
        key, words = _strip_words(part)
        found.append(_named(key, [], aliases, loose)[0])
        taken += words
    return (found[0], taken) if found[0] is not None and found[0] == found[1] else (None, [])


def _statistic(words: list[str], notes: list[str]) -> str | None:
    """"at_least" for a Min column, "at_most" for a Max one (a guaranteed minimum or maximum of the product's
    value), else None (a Typ column is refused: neither measured nor guaranteed)."""
    statistics = _qualifiers().statistics
    kinds = {statistics[key] for key in [*words, *map(_fold, notes)] if key in statistics}
    return kinds.pop() if len(kinds) == 1 and kinds <= {"at_least", "at_most"} else None


def _named(name: str, notes: list[str], aliases: dict[str, str], loose: dict[str, str]
           ) -> tuple[str | None, list[str]]:
    """The field ``name`` names (its load words as percents: "半载效率" is "50%负载效率"), alone or with one of the
    notes, and the notes left."""
    for spelling in dict.fromkeys([name, _loads_as_percents(name)]):
        field = aliases.get(header_key(spelling))
        if field is not None:
            return field, notes
        field, left = _with_a_note(spelling, notes, loose)
        if field is not None:
            return field, left
    return None, notes


def _loads_as_percents(name: str) -> str:
    from checker.inputs.documents.vocabulary import load_vocabulary

    for label, load in load_vocabulary().load_words:
        if ("载" in label.text or "load" in label.text) and label.text in name.lower():
            return re.sub(re.escape(label.text), f"{load}%负载", name, flags=re.IGNORECASE)
    return name


def _peel(header: str) -> tuple[str, list[str]]:
    """The header's name without its trailing brackets or unit ("空闲噪声 dB(A)"), and the pieces of those brackets
    ("64字节, Gbps" is two) and the unit."""
    name, pieces = header.strip(), list[str]()
    for _ in range(_MAX_BRACKETS):
        head, _, tail = name.rpartition(" ")
        if head.strip() and tail[:1] not in _OPENING.values() and _fold(tail) not in _qualifiers().statistics \
                and re.search(r"[^\W\d_]|%", tail) and is_unit(tail):  # "空闲噪声 dB(A)"
            name, pieces = head.strip(), [tail, *pieces]
            continue
        base, inner = split_brackets(name)
        if inner is None:
            break
        name = base.strip()
        if inner.strip().upper() == "A" and name.lower().endswith("db"):  # "工作噪声dB(A)"
            name, inner = name[:-2].strip(), "dB(A)"
        pieces[:0] = [inner] if is_unit(inner) else [piece for piece in _PIECES.split(inner.strip()) if piece]
    return name, pieces


def _strip_words(name: str) -> tuple[str, list[str]]:
    """``name`` without the qualifier words at its start or end ("20%负载效率 实测值", "Efficiency 50% load typ."),
    and the words taken off."""
    every = _qualifiers().longest_first
    taken: list[str] = []
    key = name.strip()
    changed = True
    while changed and key:
        changed = False
        folded = key.lower()
        for word in every:
            if folded.endswith(word) and _apart(folded, len(folded) - len(word), word):
                key, changed = key[:len(key) - len(word)].rstrip(" -_/:："), True
            elif folded.startswith(word) and _apart(folded, len(word), word):
                key, changed = key[len(word):].lstrip(" -_/:："), True
            if changed:
                taken.append(word)
                break
    return (key, taken) if key else (name, [])


def _apart(folded: str, at: int, word: str) -> bool:
    """An ASCII word is taken off only where a non-letter parts it from the rest ("typ." not from "type")."""
    if not word.isascii() or not 0 < at < len(folded):
        return True
    return not (folded[at - 1].isalnum() and folded[at].isalnum())


def _with_a_note(name: str, notes: list[str], loose: dict[str, str]) -> tuple[str | None, list[str]]:
    """The field the name names with one of the notes, in either order ("电源效率" and "20%负载"), and the notes
    left; or the field the name alone names loosely."""
    from checker.inputs.table_headers import loose_key

    for note in notes:
        field = loose.get(loose_key(name + note)) or loose.get(loose_key(note + name))
        if field is not None:
            return field, [other for other in notes if other is not note]
    return loose.get(loose_key(name)), notes


def _refusal(header: str, field: str, words: list[str], notes: list[str]) -> str | None:
    """Why the column of ``field`` is not used, by the words and notes of its header; None: it is used."""
    qualifiers = _qualifiers()
    for word in words:
        if word in qualifiers.limits:
            return f"a column of limits or requirements ({word!r}), not the product's values"
        if word in qualifiers.statistics:
            return f"a column of {_KINDS[qualifiers.statistics[word]]} values ({word!r}), not measured ones"
    conditions = _conditions(field)
    folded = _fold(header)
    for condition in conditions:
        stated = condition.states is not None and condition.states.search(folded)
        if not stated and condition.other is not None and condition.other.search(folded):
            return condition.note
    for note in notes:
        key = _fold(note)
        if note == HIDDEN_COLUMN:
            return "a column the workbook hides: not shown to its reader, so no evidence"
        if key in qualifiers.measured or any(c.states is not None and c.states.search(key) for c in conditions):
            continue
        if key in qualifiers.limits:
            return f"a column of limits or requirements ({note!r}), not the product's values"
        if key in qualifiers.statistics:
            return f"a column of {_KINDS[qualifiers.statistics[key]]} values ({note!r}), not measured ones"
        return f"{note!r} in the header is neither a unit nor a condition the checker knows"
    return None


def _unit_refusal(unit: str | None, spec: FieldSpec) -> str | None:
    if unit is None:
        return None
    try:
        spec.factor(unit)
    except ValueError as exc:
        return str(exc)
    return None


def _fold(text: str) -> str:
    from checker.inputs.documents.numbers import fold_key

    return fold_key(text).strip()


def _conditions(field: str) -> list[StatedCondition]:
    from checker.inputs.documents.conditions import conditions_of
    from checker.inputs.documents.vocabulary import load_vocabulary

    return conditions_of(load_vocabulary().conditions, field)


@lru_cache(maxsize=1)
def _qualifiers() -> _Words:
    from checker.inputs.documents.vocabulary import load_vocabulary

    vocab = load_vocabulary()
    measured = tuple(_fold(label.text) for label in vocab.result_columns)
    limits = tuple(_fold(label.text) for label in vocab.limit_words)
    statistics = {_fold(word): kind for word, kind in vocab.statistics.items()}
    every = tuple(sorted({*measured, *limits, *statistics}, key=len, reverse=True))
    return _Words(measured=measured, limits=limits, statistics=statistics, longest_first=every)
