"""Comparison words around a number ("less than 96 %", "不超过96%", "96 % max"): such a value is a
bound, not a measurement (INTERFACE §6), and is emitted with a qualifier (lt, le, gt, ge).

The words are data, in catalogs/comparisons.yaml (the one table records and catalogs use too); the
symbols (< ≤ > ≥) are found by :mod:`checker.inputs.documents.numbers`. An estimate ("约 94 %", "approx. 94 %",
"~94 %", "94 %左右") is marked ``approx``: it is not a measurement either. A word counts only where it
touches the number in the same cell: right before it (a space and a colon at most between them) or right after its unit
(optionally in brackets: "96 % (max.)"). A word inside a longer field label ("Maximum noise", a
"Max. power (W)" header) names the quantity and bounds nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from checker.inputs.documents.numbers import Value, fold_key

_WINDOW = 48  # characters before a number searched for a comparison word
APPROX = "approx"  # the qualifier of an estimate


@dataclass(frozen=True)
class Comparisons:
    """Compiled comparison words: a pattern for words before a number and one for words after."""

    before: re.Pattern[str]
    after: re.Pattern[str]
    ops: dict[str, str]  # folded word → qualifier, before
    after_ops: dict[str, str]


def _alternation(words: dict[str, str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", " ") for w in sorted(words, key=len, reverse=True))


def _words(words: list[Any]) -> list[str]:
    """The words of a list, folded; symbols (< ≤ ~) are left to the number parser, except the estimate
    marks, which it does not know."""
    return [fold_key(str(w)) for w in words if re.search(r"[a-z\u3400-\u9fff]", fold_key(str(w)))]


def compile_comparisons(spec: dict[str, Any]) -> Comparisons:
    """Compile catalogs/comparisons.yaml: bounds before and after a number, then estimates."""
    ops = {w: op for op, words in spec["before"].items() for w in _words(words)}
    after_ops = {w: op for op, words in spec["after"].items() for w in _words(words)}
    ops.update({w: APPROX for w in _words(spec["approximate"])})
    after_ops.update({w: APPROX for w in _words(spec["approximate_after"])})
    marks = "".join(re.escape(fold_key(str(w))) for w in spec["approximate"] if len(fold_key(str(w))) == 1
                    and not re.search(r"[a-z\u3400-\u9fff]", fold_key(str(w))))
    before = re.compile(r"(?:(?<![a-z0-9])(?P<word>" + _alternation(ops) + r")|(?<![\d.] )(?<![\d.])(?P<mark>["
                        + marks + r"])) ?:? ?$")
    after = re.compile(r" ?(?P<open>\( ?)?(?P<word>" + _alternation(after_ops) + r")(?![a-z0-9])(?(open) ?\))")
    return Comparisons(before, after, ops, after_ops)


def bound(values: list[Value], key: str, comparisons: Comparisons, labels: list[tuple[int, int]]) -> list[Value]:
    """``values`` with a comparison word next to a plain number turned into a bound: the qualifier
    set and the word taken into the value's span and text. Words overlapping ``labels`` are labels."""
    out: list[Value] = []
    for value in values:
        found = None
        if value.is_number and not value.qualifier:
            found = _before(value, key, comparisons, labels) or _after(value, key, comparisons, labels)
        out.append(found or value)
    return out


def _overlaps(start: int, end: int, labels: list[tuple[int, int]]) -> bool:
    """True when the word at ``start:end`` is part of a longer label ("maximum noise"); a label that
    is the bare word itself ("max" of a generator's noise table) does not make it a label here."""
    return any(a < end and start < b and not (start <= a and b <= end) for a, b in labels)


def _before(value: Value, key: str, comparisons: Comparisons, labels: list[tuple[int, int]]) -> Value | None:
    tail = key[max(0, value.start - 3):value.start].rstrip(" :")
    if not tail or not (tail[-1].isalpha() or tail[-1] in ".~≈"):
        return None  # fast path: no word ends right before the number
    m = comparisons.before.search(key, max(0, value.start - _WINDOW), value.start)
    if m is None:
        return None
    if m.group("mark"):
        return replace(value, qualifier=APPROX, start=m.start("mark"), text=key[m.start("mark"):value.end])
    if _overlaps(m.start("word"), m.end("word"), labels):
        return None
    op = comparisons.ops[m.group("word")]
    return replace(value, qualifier=op, start=m.start("word"), text=key[m.start("word"):value.end])


def _after(value: Value, key: str, comparisons: Comparisons, labels: list[tuple[int, int]]) -> Value | None:
    head = key[value.end:value.end + 3].lstrip(" (")
    if not head or not head[0].isalpha():
        return None
    m = comparisons.after.match(key, value.end)
    if m is None or _overlaps(m.start("word"), m.end("word"), labels):
        return None
    op = comparisons.after_ops[m.group("word")]
    return replace(value, qualifier=op, end=m.end(), text=key[value.start:m.end()])
