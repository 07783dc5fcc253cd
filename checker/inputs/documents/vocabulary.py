"""Loads catalogs/vocabulary.yaml (and the PAH names of catalogs/substances.yaml) into matchers.

The vocabulary is data: field names and synonyms in Chinese and English, loads, unit kinds,
category keywords. This module only compiles it. See the header of vocabulary.yaml for the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from checker.catalog.fields import flatten_fields
from checker.catalog.files import read_yaml
from checker.inputs.documents.bounds import Comparisons, compile_comparisons
from checker.inputs.documents.conditions import StatedCondition, load_conditions, load_statistics
from checker.inputs.documents.furniture import Furniture, load_furniture
from checker.inputs.documents.numbers import fold_key
from checker.inputs.documents.unit_statements import UnitStatements, load_unit_statements


@dataclass(frozen=True)
class Label:
    """One compiled synonym."""

    text: str
    pattern: re.Pattern[str]
    probe: str = ""  # a piece of the label that must occur verbatim (fast pre-test)


class Labels(list[Label]):
    """Compiled synonyms, with one search for all their probes: a text that holds none of the probes
    names none of the labels, and is passed over without a test of each label."""

    _probes: re.Pattern[str] | None = None
    _count = -1

    def may_occur(self, key: str) -> bool:
        """False when no label's probe is in ``key`` (then none of the labels is found in it)."""
        if self._probes is None or self._count != len(self):
            probes = sorted({lab.probe for lab in self}, key=len, reverse=True)
            self._probes, self._count = re.compile("|".join(re.escape(probe) for probe in probes)), len(self)
        return self._probes.search(key) is not None


def any_label(labels: list[Label], key: str) -> bool:
    """True when one of ``labels`` is found in folded ``key``."""
    if isinstance(labels, Labels) and not labels.may_occur(key):
        return False
    return any(lab.probe in key and lab.pattern.search(key) for lab in labels)


@dataclass
class PsuRatingWords:
    """The words of ``psu_ratings`` in catalogs/vocabulary.yaml: a line naming a power supply by its rated power."""

    words: list[Label]
    not_words: list[Label]
    options: list[Label]
    watts: tuple[float, float]
    fields: frozenset[str]


def _psu_rating_words(entry: dict[str, Any]) -> PsuRatingWords:
    low, high = entry["watts"]
    return PsuRatingWords(_labels(entry["words"]), _labels(entry["not_words"]), _labels(entry["options"]),
                          (float(low), float(high)), frozenset(entry["fields"]))


@dataclass
class TermWords:
    """The words of ``validity_terms`` in catalogs/vocabulary.yaml: a validity printed as a term from the issue date."""

    words: list[Label]  # the validity ("有效期", "valid for")
    issue_labels: list[Label]  # the issue date ("发证日期", "Date of issue")
    term: re.Pattern[str]  # a number and a unit of time, in folded text: groups ``num`` and ``unit``
    units: dict[str, int]  # a unit of time (folded) → its months
    numerals: dict[str, int]  # a numeral (folded) → its number


def _term_words(entry: dict[str, Any]) -> TermWords:
    units = {fold_key(str(k)): int(v) for k, v in entry["units"].items()}
    numerals = {fold_key(str(k)): int(v) for k, v in entry["numerals"].items()}

    def alternation(words: dict[str, int]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    term = re.compile(rf"(?<![\d.a-z])(?P<num>\d{{1,2}}|{alternation(numerals)})\s*-?\s*"
                      rf"(?P<unit>{alternation(units)})(?![a-z])")
    return TermWords(_labels(entry["words"]), _labels(entry["issue_labels"]), term, units, numerals)


@dataclass
class LabelRule:
    """What a label means: a simple field, a load-dependent quantity, or a substance."""

    name: str
    kind: str  # "field" | "load" | "substance"
    labels: list[Label]
    exclude: list[Label] = field(default_factory=list)
    categories: frozenset[str] | None = None
    unit: str = ""
    also_unit: str = ""
    bare: str = ""
    fields: dict[int, str] = field(default_factory=dict)
    default_load: int | None = None
    range: tuple[float, float] | None = None  # the field's plausible range, where the vocabulary asks for it
    also_rule: str = ""
    positive: bool = False  # a value of zero or less is noted as impossible
    also_unit_words: list[Label] = field(default_factory=list)  # also_unit only on a line naming one of these
    water: bool = False  # its field is a quantity of water (fields.yaml): a mass printed is the water's volume
    bare_in_range: bool = False  # a number printed without a unit outside ``range`` is no reading of it
    exclude_row: bool = False  # an exclude phrase anywhere in the row vetoes the label, not only in its clause

    def allowed(self, category: str | None) -> bool:
        """True when the rule applies to documents of ``category`` (None: rules without a limit)."""
        if self.categories is None:
            return True
        return category is not None and category in self.categories


@dataclass
class Enum:
    """A label followed by one of several value words."""

    name: str
    labels: list[Label]
    values: list[tuple[Label, str]]
    categories: frozenset[str] | None
    cell_labels: frozenset[str] = frozenset()
    named: list[tuple[Label, str]] = field(default_factory=list)  # words that say the value with no label


@dataclass
class TextRule:
    """A flag (label + description → True/False) or a text field (label + value pattern)."""

    name: str
    labels: list[Label]
    false_words: list[Label] = field(default_factory=list)
    pattern: re.Pattern[str] | None = None
    true_words: list[Label] = field(default_factory=list)  # when given, only these make the flag True
    whole: bool = False  # a text field's value runs to its cell's end: every option it names ("R407C; R22 on request")


@dataclass(frozen=True)
class DeclarationWords:
    """How a declaration of conformity is worded (``declarations`` of vocabulary.yaml)."""

    fields: tuple[str, ...]
    phrases: list[Label]
    subjects: list[Label]
    exemption_words: list[Label]
    exemption: re.Pattern[str]
    nonconformity: list[Label] = field(default_factory=list)  # a sentence saying a part does NOT comply
    exceeds_marks: frozenset[str] = frozenset()  # an SJ/T 11364 table's "X": above the limit in a part's material
    below_marks: frozenset[str] = frozenset()  # its "O": below the limit in every material of the part


@dataclass(frozen=True)
class Hit:
    """A label found in folded text."""

    rule: LabelRule
    start: int
    end: int


@dataclass(frozen=True)
class MeasuringDistance:
    """The distance the standard reads some fields at (``measuring_distance`` of catalogs/vocabulary.yaml)."""

    metres: float
    fields: frozenset[str]
    distance: re.Pattern[str]
    height: re.Pattern[str]
    subjects: tuple[str, ...]  # folded words of a line about what is measured ("sound pressure level @ 7 m")

    _NEAR = 14  # characters around a distance in which a height word makes it a height

    def other(self, key: str) -> float | None:
        """A distance in folded ``key`` other than the standard's (a height above the ground aside), else None."""
        for found in self.distance.finditer(key):
            metres = float(found.group("num"))
            around = key[max(0, found.start() - self._NEAR):found.end() + self._NEAR]
            if metres != self.metres and not self.height.search(around):
                return metres
        return None

    def states(self, key: str) -> bool:
        """Whether folded ``key`` names the standard's own distance ("Noise at 1 m, front")."""
        return any(float(found.group("num")) == self.metres for found in self.distance.finditer(key))

    def on_page(self, keys: list[str]) -> float | None:
        """Another distance named by a line of the page about the subject, else None."""
        for key in keys:
            if any(word in key for word in self.subjects):
                metres = self.other(key)
                if metres is not None:
                    return metres
        return None


@dataclass
class Vocabulary:
    """The compiled vocabulary."""

    rules: list[LabelRule]
    enums: list[Enum]
    categories: dict[str, dict[str, float]]
    category_descriptions: list[str]  # after a category's keyword: a description, not the product ("… replacement")
    identity: dict[str, list[Label]]
    part_model: re.Pattern[str]  # a part's model label ("适配器型号", "engine model"): not the product's model
    brands: list[str]
    load_words: list[tuple[Label, int]]
    load_markers: list[str]
    load_column_headers: list[str]  # header words of a load column besides the load markers
    ignore_columns: list[Label]
    result_columns: list[Label]
    conformity_words: list[Label]  # "meets", "符合": a value after one is a declaration of conformity
    limit_words: list[Label]  # a document's own limit or requirement (limit_words + detection_limit_words)
    detection_limit: re.Pattern[str]  # "检出限 100 mg/kg", "MDL 2 ppm": the reporting limit of a non-detect
    detection_words: list[Label]  # the same words alone: a column of detection limits ("MDL", "检出限")
    battery_samples: list[Label]  # a test report's sample that is a battery ("锂离子电池组", "CR2032 coin cell")
    battery_fields: dict[str, str]  # a substance read in a battery's report: the battery's field ("" none)
    period_labels: list[Label]  # a data centre report's statistics period ("统计期", "Reporting period")
    exemption_columns: list[Label]  # a column of the RoHS exemption each row claims ("Exemption | 6(c)")
    masks: list[re.Pattern[str]]
    dimensions: dict[str, Any]
    u2_load: dict[str, int]
    ratings: dict[str, list[Label]]
    psu_ratings: PsuRatingWords  # a power supply named by its rated power (checker.inputs.documents.psu_ratings)
    category_fields: dict[str, set[str]]
    all_labels: list[Label]
    comparisons: Comparisons
    declarations: DeclarationWords
    furniture: Furniture  # a page's running header and footer (checker.inputs.documents.furniture)
    correction_words: list[Label]  # a correction notice ("更正说明", "Errata"): checker.inputs.documents.corrections
    measuring_distance: MeasuringDistance | None = None
    unit_statements: UnitStatements | None = None  # a table's unit stated in a caption or footnote
    validity_terms: TermWords | None = None  # a validity printed as a term from the issue date
    not_load_after: re.Pattern[str] | None = None  # "50% rated voltage": what a percent is of, when not the load
    tolerance: re.Pattern[str] | None = None  # " (+5% tolerance)", " ±5%" right after a value
    conditions: dict[str, list[StatedCondition]] = field(default_factory=dict)  # by field, in order
    statistics: dict[str, str] = field(default_factory=dict)  # a Min / Typ / Max header word → its kind
    grade_of_other_parts: dict[str, list[Label]] = field(default_factory=dict)  # by category
    grade_editions: dict[str, str] = field(default_factory=dict)  # editions in force not in catalogs/grades
    flags: list[TextRule] = field(default_factory=list)
    texts: list[TextRule] = field(default_factory=list)
    battery_not_tested: list[Label] = field(default_factory=list)  # "CR2032 … not tested in this report"
    battery_absent: list[Label] = field(default_factory=list)  # "contains no battery", "不含电池"
    flag_negations: re.Pattern[str] | None = None  # "not a", "非": a flag's word right after one says the other
    battery_joined: list[Label] = field(default_factory=list)  # "有害物质及电池…": a heading of both, not the battery's
    part_words: list[Label] = field(default_factory=list)  # another part's heading ("Part B – Homogeneous materials")
    _cache: dict[str | None, list[tuple[Label, LabelRule]]] = field(default_factory=dict, repr=False)
    _initials: dict[str | None, dict[str, list[tuple[int, Label, LabelRule]]]] = field(default_factory=dict, repr=False)

    def rule(self, name: str) -> LabelRule | None:
        """The rule called ``name``."""
        return next((r for r in self.rules if r.name == name), None)

    def hits(self, key: str, category: str | None) -> list[Hit]:
        """Labels in folded ``key`` that apply to ``category``; overlapping hits: the longest wins
        (苯并(a)芘 over 芘). A plain substring test picks the labels worth a regex search."""
        found: list[Hit] = []
        by_initial = self._by_initial(category)
        candidates = [c for initial in {"", *key}.intersection(by_initial) for c in by_initial[initial]]
        candidates.sort()  # catalogue order (by index, unique), so ties resolve as they always did
        for _, label, rule in candidates:
            if label.probe not in key:
                continue
            for m in label.pattern.finditer(key):
                found.append(Hit(rule, m.start(), m.end()))
        if len(found) > 1:
            found.sort(key=lambda h: (-(h.end - h.start), h.start))
            kept: list[Hit] = []
            for hit in found:
                if all(hit.end <= k.start or hit.start >= k.end for k in kept):
                    kept.append(hit)
            found = sorted(kept, key=lambda h: h.start)
        return found

    def _labels_for(self, category: str | None) -> list[tuple[Label, LabelRule]]:
        cached = self._cache.get(category)
        if cached is None:
            cached = [(lab, r) for r in self.rules if r.allowed(category) for lab in r.labels]
            self._cache[category] = cached
        return cached

    def _by_initial(self, category: str | None) -> dict[str, list[tuple[int, Label, LabelRule]]]:
        """The labels of ``category`` by the first character of their probe (a label can only
        occur in a text holding that character)."""
        cached = self._initials.get(category)
        if cached is None:
            cached = {}
            for index, (label, rule) in enumerate(self._labels_for(category)):
                cached.setdefault(label.probe[:1], []).append((index, label, rule))
            self._initials[category] = cached
        return cached

    def relevant(self, key: str) -> bool:
        """Fast test: does folded page text mention any field label at all?"""
        return any_label(self.all_labels, key)

    def field_allowed(self, field_id: str, category: str | None) -> bool:
        """True when ``field_id`` belongs to ``category`` in catalogs/fields.yaml (any, if unknown)."""
        if category is None or category not in self.category_fields:
            return True
        return field_id in self.category_fields[category]


def _is_ascii_word(text: str) -> bool:
    return bool(re.fullmatch(r"[a-z0-9 .+\-/()&,'#]+", text))


_FOOTNOTE_AFTER = r"(?![a-z0-9])|(?=[1-9](?![\w.,]))"  # "Maximum throughput1": a footnote mark glued to the label


def compile_label(text: str) -> Label:
    """Compile one synonym: ASCII at word boundaries (a label of a long word may carry a footnote digit glued
    to it, as a superscript's text reads: "Typical power consumption1"), CJK as a substring."""
    key = fold_key(text)
    escaped = re.escape(key).replace(r"\ ", r"\s*")
    after = f"(?:{_FOOTNOTE_AFTER})" if len(max(key.split(" "), key=len)) >= 5 else r"(?![a-z0-9])"
    pattern = re.compile(r"(?<![a-z0-9])" + escaped + after if _is_ascii_word(key) else escaped)
    return Label(key, pattern, max(key.split(" "), key=len))


def _part_model(words: list[str]) -> re.Pattern[str]:
    parts = "|".join(re.escape(fold_key(str(word))) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![a-z])(?:{parts})\s*(?:型号|model(?:\s+(?:no|number|name))?)(?![a-z])")


def _labels(items: list[Any]) -> Labels:
    return Labels(compile_label(str(item)) for item in items)


def _category_fields(fields_doc: dict[str, Any], pah_fields: list[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for category, items in fields_doc.get("category_fields", {}).items():
        ids: set[str] = set()
        for item in flatten_fields(items):  # YAML aliases (*common_it, *battery) nest lists
            if item == "+pah":
                ids.update(pah_fields)
            else:
                ids.add(str(item))
        out[category] = ids
    return out


def _rejoin(parts: list[str]) -> list[str]:
    """Re-join names a YAML flow collection split at commas ("苯并(g", "h", "i)苝" → "苯并(g,h,i)苝")."""
    out: list[str] = []
    for part in parts:
        if out and out[-1].count("(") > out[-1].count(")"):
            out[-1] += "," + part
        else:
            out.append(part)
    return out


_PAH_KEYS = {"slug", "zh", "en", "cas", "zh_variants"}


def _pah_rules(substances: dict[str, Any]) -> list[LabelRule]:
    rules = []
    for pah in substances.get("pahs", []):
        # catalogs/substances.yaml writes 苯并(g,h,i)苝 unquoted inside {...}: YAML splits it at the
        # commas into extra keys; put the name back together.
        zh_parts = [str(pah["zh"])] + [str(k) for k in pah if k not in _PAH_KEYS]
        names = [*_rejoin(zh_parts), str(pah["en"]), str(pah["cas"]),
                 *_rejoin([str(v) for v in pah.get("zh_variants", [])])]
        english = fold_key(str(pah["en"]))
        names.append(english.replace("(", " ").replace(")", " ").replace(",", "").strip())
        names.append(re.sub(r"\s+", "", english))
        names += [n.replace(",", "") for n in names if "(" in n and "," in n]
        names = [n for n in names if len(n) > 1 or re.match(r"[\u3400-\u9fff]", n)]
        rules.append(LabelRule(f"pah_{pah['slug']}", "substance", _labels(names), unit="mg/kg", bare="mg/kg"))
    return rules


def _declaration_words(spec: dict[str, Any]) -> DeclarationWords:
    return DeclarationWords(tuple(spec["fields"]), _labels(spec["phrases"]), _labels(spec["subjects"]),
                            _labels(spec["exemption_words"]), re.compile(spec["exemption_pattern"], re.IGNORECASE),
                            _labels(spec.get("nonconformity", [])),
                            frozenset(fold_key(str(m)) for m in spec.get("exceeds_marks", [])),
                            frozenset(fold_key(str(m)) for m in spec.get("below_marks", [])))


def _detection_limit(words: list[str]) -> re.Pattern[str]:
    """A detection or reporting limit printed with its number and unit, in folded lower-case text."""
    names = "|".join(re.escape(fold_key(w)) for w in sorted(words, key=len, reverse=True))
    return re.compile(r"(?<![a-z])(?:" + names + r")(?![a-z])\s*[:：=为]?\s*(?P<num>\d+(?:\.\d+)?)\s*"
                      r"(?P<unit>mg/kg|ppm|%|mg)(?![a-z])")


def _negations(words: list[str]) -> re.Pattern[str]:
    """The negation words of flags, as the end of the text before a flag's word ("… not a ", "非"), in folded text."""
    folded = sorted({fold_key(w) for w in words}, key=len, reverse=True)
    names = "|".join((r"(?<![a-z])" if _is_ascii_word(w) else "") + re.escape(w) for w in folded)
    return re.compile(r"(?:" + names + r")\s*$")


def _tolerance(words: list[str]) -> re.Pattern[str]:
    """A tolerance printed right after a value, in folded text: its percent in group ``pct``, its sign in ``sign``."""
    names = "|".join(re.escape(fold_key(w)) for w in sorted(words, key=len, reverse=True))
    return re.compile(r"\s*\(?\s*(?:(?:" + names + r")\s*[:：]?\s*)?(?P<sign>\+/-|±|\+)\s*(?P<pct>\d+(?:\.\d+)?)\s*%")


def _measuring_distance(spec: dict[str, Any]) -> MeasuringDistance:
    return MeasuringDistance(float(spec["metres"]), frozenset(spec["fields"]),
                             re.compile(spec["distance"], re.IGNORECASE), re.compile(spec["height"], re.IGNORECASE),
                             tuple(fold_key(word) for word in spec["subjects"]))


def _plausible_range(name: str, spec: dict[str, Any], fields_doc: dict[str, Any]) -> tuple[float, float]:
    """The plausible range fields.yaml gives the rule's field(s) (one range, shared by all of them)."""
    ranges = {tuple(float(end) for end in fields_doc["fields"][field_id]["range"])
              for field_id in (spec.get("fields") or {name: name}).values()}
    if len(ranges) != 1:
        raise ValueError(f"vocabulary.yaml: {name}: its fields have no one plausible range in fields.yaml")
    low, high = ranges.pop()
    return low, high


def _label_rules(doc: dict[str, Any], fields_doc: dict[str, Any]) -> list[LabelRule]:
    """The rules of ``load_quantities`` and ``fields``: what each label means."""
    rules: list[LabelRule] = []
    for kind, section in (("load", "load_quantities"), ("field", "fields")):
        for name, spec in doc[section].items():
            rules.append(LabelRule(
                name, kind, _labels(spec["labels"]), _labels(spec.get("exclude", [])),
                frozenset(spec["categories"]) if "categories" in spec else None,
                str(spec.get("unit", "")), str(spec.get("also_unit", "")), str(spec.get("bare", "")),
                {int(k): v for k, v in spec.get("fields", {}).items()}, spec.get("default_load"),
                _plausible_range(name, spec, fields_doc) if spec.get("plausible") else None,
                str(spec.get("also_rule", "")), bool(spec.get("positive", False)),
                _labels(spec.get("also_unit_words", [])), _water(spec.get("fields") or {name: name}, fields_doc),
                bool(spec.get("bare_in_range", False)), bool(spec.get("exclude_row", False))))
    return rules


def _water(fields: dict[Any, str], fields_doc: dict[str, Any]) -> bool:
    """Whether the rule's fields are quantities of water (``water`` in fields.yaml)."""
    return any(bool((fields_doc["fields"].get(field_id) or {}).get("water")) for field_id in fields.values())


def _enums(doc: dict[str, Any]) -> list[Enum]:
    """The enum rows (a label and a value word: device class, PSU type, rating type...)."""
    return [Enum(name, _labels(spec["labels"] + spec.get("cell_labels", [])),
                 [(compile_label(word), value) for value, words in spec["values"].items() for word in words],
                 frozenset(spec["categories"]) if "categories" in spec else None,
                 frozenset(fold_key(w) for w in spec.get("cell_labels", [])),
                 [(compile_label(word), value) for value, words in spec.get("named", {}).items() for word in words])
            for name, spec in doc["enums"].items()]


def _all_labels(doc: dict[str, Any], rules: list[LabelRule], enums: list[Enum]) -> list[Label]:
    """Every label the reader knows, longest first (a cell that is one of them is a label, not a value)."""
    everything = sorted({lab.text for r in rules for lab in r.labels if len(lab.text) > 1}
                        | {lab.text for e in enums for lab in e.labels}
                        | {fold_key(w) for key in ("labels", "without_ears", "exclude_with_ears")
                           for w in doc["dimensions"][key]}
                        | {fold_key(w) for ws in doc["dimensions"]["axes"].values() for w in ws if len(w) > 1}
                        | {fold_key(w) for sec in ("flags", "texts") for spec in doc.get(sec, {}).values()
                           for w in spec["labels"]}, key=len, reverse=True)
    return Labels(compile_label(t) for t in everything)


@lru_cache(maxsize=4)
def load_vocabulary(path: str | None = None) -> Vocabulary:
    """Load and compile the vocabulary (cached)."""
    doc = read_yaml(Path(path) if path else "vocabulary.yaml")
    substances = read_yaml("substances.yaml")
    fields_doc = read_yaml("fields.yaml")
    pah_rules = _pah_rules(substances)
    rules = [*_label_rules(doc, fields_doc), *pah_rules]
    enums = _enums(doc)
    all_labels = _all_labels(doc, rules, enums)
    return Vocabulary(
        rules=rules, enums=enums,
        categories={k: {fold_key(w): float(s) for w, s in v.items()} for k, v in doc["categories"].items()},
        category_descriptions=[fold_key(str(w)) for w in doc["category_descriptions"]],
        identity={k: sorted(_labels(v), key=lambda label: len(label.text), reverse=True)  # "model tested" first
                  for k, v in doc["identity"].items()},
        part_model=_part_model(doc["identity"]["part_model"]),
        brands=list(doc["brands"]),
        load_words=[(compile_label(str(w)), int(v)) for w, v in doc["load_words"].items()],
        load_markers=[fold_key(m) for m in doc["load_markers"]],
        load_column_headers=[fold_key(m) for m in doc["load_column_headers"]],
        ignore_columns=_labels(doc["ignore_columns"]), result_columns=_labels(doc["result_columns"]),
        limit_words=_labels(doc["limit_words"] + doc["detection_limit_words"]),
        conformity_words=_labels(doc["conformity_words"]),
        detection_limit=_detection_limit(doc["detection_limit_words"]),
        detection_words=_labels(doc["detection_limit_words"]),
        battery_samples=_labels(doc["battery_samples"]["words"]),
        battery_fields=dict(doc["battery_samples"]["fields"]),
        battery_not_tested=_labels(doc["battery_samples"]["not_tested"]),
        battery_absent=_labels(doc["battery_samples"]["absent"]),
        part_words=_labels(doc["battery_samples"]["part_words"]),
        battery_joined=_labels(doc["battery_samples"]["joined_with"]),
        period_labels=_labels(doc["period_labels"]),
        exemption_columns=_labels(doc["exemption_columns"]),
        masks=[re.compile(p, re.IGNORECASE) for p in doc["masks"]],
        dimensions=doc["dimensions"], u2_load={k: int(v) for k, v in doc["switch_u2_load"].items()},
        ratings={k: _labels(v) for k, v in doc["ratings"].items()},
        psu_ratings=_psu_rating_words(doc["psu_ratings"]),
        category_fields=_category_fields(fields_doc, [r.name for r in pah_rules]),
        all_labels=all_labels,
        comparisons=compile_comparisons(read_yaml("comparisons.yaml")),
        declarations=_declaration_words(doc["declarations"]),
        furniture=load_furniture(doc["page_furniture"]),
        correction_words=_labels(doc["correction_notices"]),
        measuring_distance=_measuring_distance(doc["measuring_distance"]),
        unit_statements=load_unit_statements(doc["unit_statements"]),
        validity_terms=_term_words(doc["validity_terms"]),
        tolerance=_tolerance(doc["tolerance_words"]),
        conditions=load_conditions(doc["stated_conditions"]),
        statistics=load_statistics(doc["statistic_columns"]),
        grade_of_other_parts={category: _labels(words) for category, words in doc["grade_of_other_parts"].items()},
        grade_editions={str(k): str(v) for k, v in doc.get("grade_standard_editions", {}).items()},
        not_load_after=re.compile(r"\s*(?:of\s+(?:the\s+)?)?(?:" + "|".join(
            re.escape(fold_key(w)) for w in sorted(doc["not_load_after"], key=len, reverse=True)) + r")(?![a-z])"),
        flag_negations=_negations(doc["flag_negations"]),
        flags=[TextRule(name, _labels(spec["labels"]), _labels(spec.get("false_words", [])),
                        true_words=_labels(spec.get("true_words", [])))
               for name, spec in doc.get("flags", {}).items()],
        texts=[TextRule(name, _labels(spec["labels"]), pattern=re.compile(spec["pattern"]),
                        whole=bool(spec.get("whole")))
               for name, spec in doc.get("texts", {}).items()],
    )
