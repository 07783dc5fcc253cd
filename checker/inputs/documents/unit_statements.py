"""The unit a page states for its table's values outside the table.

Labs print the unit of a results table once, in a caption or header line ("检测结果（单位：%）",
"Test results (unit: %)"), or in a footnote ("注：表中检出限、限值及结果的单位均为 %", "All results in ppm"), and the
numbers of the table bare. A concentration printed without a unit is otherwise read in the field's default unit
(mg/kg): a Cd of "0.012" under "单位：%" is 120 mg/kg, not 0.012 mg/kg. So the concentrations of a page whose unit was
not printed beside them, under their column or in their row (tagged :data:`UNIT_ASSUMED` by the emitter), take the
unit the page states; so do their detection limits printed without one. Where the page states two units for such a
value, or a unit the reader cannot use for it ("单位：mg/L" beside mg/kg contents), which unit applies is for a
person: the value is doubtful, never read as mg/kg.

The patterns are data (``unit_statements`` of catalogs/vocabulary.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from checker.catalog.clauses import load_catalog
from checker.inputs.documents.numbers import UNKNOWN_UNIT, fold_document, match_unit
from checker.models import DOUBT_PREFIXES
from checker.units import parse_unit, same_kind

if TYPE_CHECKING:
    from checker.inputs.documents.candidates import Candidate

UNIT_ASSUMED = "unit_assumed"  # a tag: a value (or a non-detect's limit) whose unit was printed nowhere near it

# the unit as printed after a statement's words: letters, a slash, a percent sign ("wt %", "mg/kg", "µg/g", "%")
_UNIT_TEXT = r"(?P<unit>%|‰|[a-zµμ‰][a-z0-9µμ/.·*^²³‰]*(?:\s?%)?)"
_ASSUMED_NOTES = ("unit not printed next to the value",)  # the emitter's note of a unit assumed
_UNIT_LIKE = re.compile(r"[/%‰]|^(?:ppb|ppt|wt)$")  # an unknown unit that still names one (a person reads it)


@dataclass(frozen=True)
class UnitStatements:
    """``unit_statements`` of catalogs/vocabulary.yaml, compiled."""

    named: tuple[re.Pattern[str], ...]
    loose: tuple[re.Pattern[str], ...]
    organisations: tuple[str, ...]

    def on_page(self, text: str) -> list[str]:
        """The units the page's folded ``text`` states, as printed (in reading order; each once)."""
        found: list[str] = []
        for patterns, strict in ((self.named, True), (self.loose, False)):
            for pattern in patterns:
                for m in pattern.finditer(text):
                    if strict and self._organisation(text, m.start()):
                        continue
                    unit = m.group("unit").strip().rstrip(".")  # a sentence's full stop
                    if strict or _known(unit) is not None:
                        found.append(unit)
        return list(dict.fromkeys(found))

    def _organisation(self, text: str, start: int) -> bool:
        """True when the 单位 a statement opens with is an organisation's (委托单位：…)."""
        return any(text.endswith(word, 0, start) for word in self.organisations)


def load_unit_statements(spec: dict[str, Any]) -> UnitStatements:
    """``unit_statements`` of catalogs/vocabulary.yaml, compiled (``{unit}`` in a pattern is the unit as printed)."""
    def compiled(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p.replace("{unit}", _UNIT_TEXT), re.IGNORECASE) for p in patterns)
    return UnitStatements(compiled(spec["named"]), compiled(spec["loose"]),
                          tuple(str(word) for word in spec["organisations"]))


def _known(printed: str) -> str | None:
    """The unit ``printed`` names, as the reader emits it ("wt %" → "%", "µg/g" → "ug/g"), or None."""
    found = match_unit(printed)
    if found is None or found[1] != len(printed) or found[0].startswith(UNKNOWN_UNIT):
        return None
    return found[0]


def _fits(unit: str, expected: str) -> bool:
    """True when a value in ``unit`` can be read as the field's ``expected`` unit (a share for mg/kg)."""
    try:
        return same_kind(unit, expected)
    except ValueError:
        return False


def _about_other_quantity(unit: str) -> bool:
    """True for a unit of a quantity no concentration is confused with (mm, °C, V): a statement about another table."""
    try:
        return "[mass]" not in parse_unit(unit).dimensionality
    except ValueError:
        return False


def _judged(printed: list[str], expected: str) -> tuple[list[str], list[str]]:
    """The page's stated units that fit a value in ``expected`` (as emitted, each once), and those printed that the
    reader cannot use for it (unknown, or a mass per another base: "mg/L", "mg"); units of other quantities left out."""
    usable: list[str] = []
    unusable: list[str] = []
    for text in printed:
        unit = _known(text)
        if unit is not None and _fits(unit, expected):
            usable.append(unit)
        elif (unit is None and _UNIT_LIKE.search(text)) or (unit is not None and not _about_other_quantity(unit)):
            unusable.append(text)
    return list(dict.fromkeys(usable)), unusable


def apply_unit_statements(cands: list[Candidate], page_texts: list[str], statements: UnitStatements | None) -> None:
    """Each concentration of ``cands`` whose unit was printed nowhere near it (tag :data:`UNIT_ASSUMED`) in the unit its
    page states for its values; doubtful where the page states several, or one the reader cannot use for it."""
    if statements is None:
        return
    fields = load_catalog().fields
    assumed = [c for c in cands if UNIT_ASSUMED in c.tags and c.fact.evidence and c.fact.evidence[0].page
               and (spec := fields.get(c.field)) is not None and spec.non_detect]
    stated: dict[int, list[str]] = {}
    for cand in assumed:
        page = int(cand.fact.evidence[0].page or 0)
        if page not in stated:
            stated[page] = statements.on_page(fold_document(page_texts[page - 1])) if page <= len(page_texts) else []
        if stated[page]:
            _restate(cand, stated[page], str(fields[cand.field].unit))


def _restate(cand: Candidate, printed: list[str], expected: str) -> None:
    """``cand`` in the unit its page states (``printed``), or doubtful where that cannot be told."""
    usable, unusable = _judged(printed, expected)
    if not usable and not unusable:
        return
    fact = cand.fact
    units = ", ".join(f"“{unit}”" for unit in printed)
    old = [note for note in fact.note.split("; ") if note and note not in _ASSUMED_NOTES and "assumed" not in note]
    if len(usable) == 1 and not unusable:
        unit = usable[0]
        if fact.qualifier == "lt" and isinstance(fact.value, float):  # "detection limit 0.0002 mg/kg (…)": now in %
            printed_limit = f"detection limit {fact.value:g} "
            old = [n.replace(printed_limit + fact.unit, printed_limit + unit) for n in old]
        note = f"unit {unit} from the page's statement of its table's unit ({units}), not printed beside the value"
        doubts = [n for n in old if n.startswith(DOUBT_PREFIXES)]
        cand.fact = fact.model_copy(update={"unit": unit, "note": "; ".join(
            [*doubts, note, *[n for n in old if n not in doubts]])})
        cand.tags.discard(UNIT_ASSUMED)
        return
    why = (f"doubtful: the page states several units for its values ({units}); which one this value printed without "
           "a unit is in, a person decides") if len(usable) + len(unusable) > 1 else \
        (f"doubtful: the page states the unit of its values as {units}, which is not a unit this value can be read "
         "in; a person decides")
    cand.fact = fact.model_copy(update={"note": "; ".join([why, *old])})
