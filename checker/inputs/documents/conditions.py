"""Readings the standard takes under one test condition, or of one quantity (``stated_conditions`` of
catalogs/vocabulary.yaml): a firewall's throughput with 64-byte frames, a PC's noise, the year's PUE, the minimum
smoke transmittance, the post-consumer share of recycled plastic, the sum of the 15 PAHs.

Each condition has the words that state it (``states``) and those of another condition (``other``), looked for in the
reading's row and the footnotes its markers point to (:mod:`checker.inputs.documents.footnotes`), or also anywhere in
the document (``scope: document``). A reading whose row states the condition is
taken as printed. Otherwise, where another is named (or, ``required``, the condition is stated nowhere), the reading
is, by the condition's ``outcome``: dropped (a row of another quantity gives no reading of the field), doubtful (for a
person), or known only as at least or at most its number (a bound: it can still fail, or still pass, the limit).
The conditions of a field are tried in their order; the first that applies decides.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from checker.inputs.documents.footnotes import BodyNames, Notes, another_model
from checker.inputs.documents.numbers import fold_document, fold_key
from checker.models import DOUBT_PREFIXES, Fact

Outcome = Literal["drop", "doubtful", "at_least", "at_most"]
_BOUND = {"at_least": ("ge", ("", "ge", "gt"), "at least"), "at_most": ("le", ("", "le", "lt"), "at most")}


@dataclass(frozen=True)
class StatedCondition:
    """One condition of ``stated_conditions``."""

    states: re.Pattern[str] | None  # the condition, in folded text ("64 bytes", "年均")
    other: re.Pattern[str] | None  # another condition of the same kind ("1518 bytes", "January")
    in_document: bool  # ``other`` counts anywhere in the document, not only in the reading's row
    required: bool  # a reading is under another condition unless its row or the document states this one
    outcome: Outcome
    note: str

    def applies(self, row_key: str, in_document: Callable[[re.Pattern[str]], bool], notes_key: str = "") -> bool:
        """Whether a reading from the folded row ``row_key`` is not known to be taken under the condition
        (``in_document`` tells whether a pattern is found in the folded document, worked out once per document
        and pattern, and only where a condition looks at it). The notes its markers point to (``notes_key``) can
        name another condition, not state this one: "* 设计值，非实测值；实测数据以检测报告为准" says the row is not
        measured."""
        if self.states is not None and self.states.search(row_key):
            return False
        if self.other is not None and (self.other.search(row_key) or self.other.search(notes_key)
                                       or (self.in_document and in_document(self.other))):
            return True
        return self.required and (self.states is None or not in_document(self.states))

    def mark(self, fact: Fact) -> Fact:
        """``fact``, not known to be taken under the condition: doubtful, or known only as a bound of its number."""
        if self.outcome in _BOUND:
            bounded = _bounded(fact, self.outcome, f"known only as {_BOUND[self.outcome][2]} this: {self.note}")
            if bounded is not None:
                return bounded
        return noted(fact, f"doubtful: {self.note}")


def noted(fact: Fact, note: str, **update: object) -> Fact:
    """``fact`` with ``note`` before its own note (and ``update`` applied)."""
    return fact.model_copy(update={**update, "note": "; ".join(filter(None, [note, fact.note]))})


def _bounded(fact: Fact, outcome: str, note: str) -> Fact | None:
    """``fact`` known only as at least / at most its number (``outcome``), with ``note``; None where its printed
    comparison or a missing number leaves no such bound."""
    qualifier, allowed, _ = _BOUND[outcome]
    if outcome == "at_most" and fact.qualifier == "nd":
        return fact  # a non-detect is already known only as below its limit
    if fact.qualifier not in allowed or fact.value is None:
        return None
    return noted(fact, note, qualifier=fact.qualifier or qualifier)


def load_conditions(specs: dict[str, dict[str, Any]]) -> dict[str, list[StatedCondition]]:
    """Each field's conditions, in the order of ``stated_conditions``."""
    def pattern(text: str | None) -> re.Pattern[str] | None:
        return re.compile(text, re.IGNORECASE) if text else None

    out: dict[str, list[StatedCondition]] = {}
    for spec in specs.values():
        outcome = spec["outcome"]
        if outcome not in ("drop", "doubtful", "at_least", "at_most"):
            raise ValueError(f"stated_conditions: unknown outcome {outcome!r}")
        condition = StatedCondition(pattern(spec.get("states")), pattern(spec.get("other")),
                                    spec.get("scope", "row") == "document", bool(spec.get("required", False)),
                                    outcome, spec["note"])
        for name in spec["fields"]:
            out.setdefault(name, []).append(condition)
    return out


ANY_FIELD = "*"  # ``fields: ["*"]``: a condition of every numeric reading; "pah_*": of every field so named


def _prefixed(conditions: dict[str, list[StatedCondition]]) -> list[tuple[str, list[StatedCondition]]]:
    """The ``prefix*`` names of ``conditions`` as (prefix, conditions)."""
    return [(name[:-1], found) for name, found in conditions.items() if len(name) > 1 and name.endswith(ANY_FIELD)]


def _of_field(conditions: dict[str, list[StatedCondition]], prefixed: list[tuple[str, list[StatedCondition]]],
              field: str) -> list[StatedCondition]:
    """The conditions of ``field``: its own, then those of the prefixes it starts with."""
    return conditions.get(field, []) + [c for prefix, found in prefixed if field.startswith(prefix) for c in found]


def conditions_of(conditions: dict[str, list[StatedCondition]], field: str, numeric: bool = True
                  ) -> list[StatedCondition]:
    """The conditions a reading of ``field`` is tried against, in order: the field's own, its prefixes', and (for a
    number) those of every field."""
    general = conditions.get(ANY_FIELD, []) if numeric else []
    return _of_field(conditions, _prefixed(conditions), field) + general


def apply_conditions(conditions: dict[str, list[StatedCondition]], page_texts: list[str],
                     found: list[Any]) -> list[Any]:
    """The candidates ``found`` (each with ``field`` and ``fact``), those of another condition dropped and those not
    known to be taken under the standard's marked (:meth:`StatedCondition.mark`)."""
    general = conditions.get(ANY_FIELD, [])
    prefixed = _prefixed(conditions)
    if not general and not any(_of_field(conditions, prefixed, c.field) for c in found):
        return found
    folded: list[str] = []
    searched: dict[re.Pattern[str], bool] = {}

    def in_document(pattern: re.Pattern[str]) -> bool:  # the document folded once (out of fold's cache), each
        if not folded:                                   # pattern searched in it once
            folded.append(fold_document("\n".join(page_texts)))
        if pattern not in searched:
            searched[pattern] = pattern.search(folded[0]) is not None
        return searched[pattern]

    notes = Notes(page_texts)
    body = BodyNames(page_texts)
    kept = []
    for cand in found:
        evidence = cand.fact.evidence[0] if cand.fact.evidence else None
        row_key = getattr(cand, "stated", None) or (fold_key(evidence.text) if evidence else "")
        its_notes = notes.of(evidence.text, evidence.page) if evidence else []
        notes_key = " \n ".join(fold_key(t) for t in its_notes)
        numeric = isinstance(cand.fact.value, int | float) and not isinstance(cand.fact.value, bool)
        tried = _of_field(conditions, prefixed, cand.field) + (general if numeric else [])
        condition = next((c for c in tried if c.applies(row_key, in_document, notes_key)), None)
        if condition is not None and condition.outcome == "drop":
            continue
        if condition is not None and not cand.fact.note.startswith(DOUBT_PREFIXES):
            cand.fact = condition.mark(cand.fact)
        other = another_model(its_notes, body) if its_notes else None
        if other is not None and not cand.fact.note.startswith(DOUBT_PREFIXES):
            cand.fact = noted(cand.fact, f"doubtful: its note names another product ({other}), whose value it may be")
        kept.append(cand)
    return kept


STATISTICS = ("at_least", "at_most", "typical")


def load_statistics(spec: dict[str, list[str]]) -> dict[str, str]:
    """The header words of a spec table's Min / Typ / Max columns (``statistic_columns``), folded, to their kind."""
    if set(spec) - set(STATISTICS):
        raise ValueError(f"statistic_columns: unknown kinds {sorted(set(spec) - set(STATISTICS))}")
    return {fold_key(word).strip(): kind for kind, words in spec.items() for word in words}


def under_statistic(fact: Fact, kind: str, column: str) -> Fact:
    """``fact``, read under a Min (a guaranteed minimum: at least it), Max (at most it) or Typ column (doubtful)."""
    name = column.strip()
    if kind == "typical":
        return noted(fact, f"doubtful: a typical value (the “{name}” column), not a measured or guaranteed one")
    if fact.qualifier not in ("", _BOUND[kind][0]):  # a Min column's "< 95": the printed comparison stands
        return fact
    return _bounded(fact, kind, f"the “{name}” column: known only as {_BOUND[kind][2]} this") or fact
