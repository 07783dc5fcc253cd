"""Turning a (label, load, value) reading into a Fact candidate, and the final clean-up.

Unit policy (explicit and consistent):
* a value is emitted in the unit printed next to it, else the unit of its column header or of its
  row label ("效率(%)", "L/hr");
* an efficiency printed without a unit: ≤ 1 is a fraction → unit ""; > 1 is a percent → "%";
* a power factor or PUE without a unit → unit "";
* a share without a unit ("透光率 81") is a percent; one up to 1 is a fraction where its row says it is a ratio
  ("Imin/I0: 0.74", "比值"), else doubtful (0.81: 81 % or 0.81 %?);
* a substance value without a unit → "mg/kg" (noted);
* a sound power printed in dB(A) or dB for a switch/firewall is emitted as noise_lwad in "dB_LW"
  (decibels of sound power, 0.1 B), never a sound pressure;
* anything else without a unit of the field's kind is not emitted;
* a value printed with a comparison ("< 96 %", "less than", "不超过", "96 % max", "at least") is a
  bound: emitted with ``qualifier`` lt/le/gt/ge and the printed number, for every kind of field;
  a grade so printed ("2级及以上") is unreadable (better grades are smaller numbers).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from dataclasses import field as dc_field

from checker.catalog.clauses import load_catalog
from checker.inputs.documents.bounds import APPROX
from checker.inputs.documents.confidence import ocr_doubt
from checker.inputs.documents.grades import grade_doubt
from checker.inputs.documents.numbers import UNKNOWN_UNIT, Value, fold_key
from checker.inputs.documents.text import Row
from checker.inputs.documents.unit_statements import UNIT_ASSUMED
from checker.inputs.documents.vocabulary import Label, LabelRule, Vocabulary
from checker.inputs.values import DOT_GROUPED
from checker.models import DOUBT_PREFIXES, Evidence, Fact
from checker.units import same_kind

log = logging.getLogger(__name__)

_SUBSTANCE_UNITS = ("mg/kg", "ppm", "%")
# A value printed with a comparison is emitted as a bound (Fact.qualifier), for every kind of field:
# "< 96 %" is lt 96, never 96. On a concentration "lt" is also how a non-detect with its reporting
# limit is printed ("<0.2"); the engine reads it so.
_BOUNDS = ("lt", "le", "gt", "ge")


@dataclass
class Candidate:
    """A fact before the document-level clean-up, with the load it was read at."""

    field: str
    fact: Fact
    load: int | None = None
    tags: set[str] = dc_field(default_factory=set)
    # the row as if it printed this reading alone, where it pairs several ("… 64 bytes 9 gbps" of a row listing
    # "64 / 512 / 1518-byte"): what its conditions are judged on (folded)
    stated: str | None = None
    # the part of the product a heading above says the reading is about: the battery's heading ("Part A – Battery
    # (Li-ion pack …)"), "" under another part's ("Part B – Homogeneous materials"), None under no such heading
    part: str | None = None


def kind_ok(unit: str, expected: str, water: bool = False) -> bool:
    """True when ``unit`` measures the same kind of quantity as ``expected`` (False if unknown); with ``water``, a
    mass of water counts as its volume."""
    try:
        return same_kind(unit, expected, water)
    except ValueError:
        return False


class Emitter:
    """Builds candidates with evidence for one document."""

    def __init__(self, vocab: Vocabulary, source: str, category: str | None) -> None:
        self.vocab = vocab
        self.source = source
        self.category = category

    def evidence(self, row: Row) -> Evidence:
        """Evidence for a value read from ``row``."""
        return Evidence(source=self.source, page=row.page, text=row.text, ocr=row.ocr)

    def fact(self, field_id: str, value: float | str | bool | None, unit: str, row: Row, *,
             qualifier: str = "", note: str = "", load: int | None = None,
             spans: list[tuple[int, int]] | None = None) -> Candidate:
        """A candidate for ``field_id`` read from ``row`` (``spans``: where in the row's folded text the
        value — and a word value's label — was read, so an OCR value is judged by the confidence of its own
        words, else by the row's least sure cell)."""
        if row.ocr:
            note = ocr_doubt(row, spans) or note
        fact = Fact(field=field_id, value=value, unit=unit, qualifier=qualifier,  # type: ignore[arg-type]
                    evidence=[self.evidence(row)], note=note)
        return Candidate(field_id, fact, load)

    def emit(self, rule: LabelRule, load: int | None, value: Value, unit_hint: str | None, row: Row,
             note: str = "") -> Candidate | None:
        """A candidate for ``rule`` at ``load`` from ``value``, or None when it does not fit."""
        if value.qualifier == "na":
            return None
        field_id, load = self._field(rule, load)
        if field_id is None:
            return None
        unit = _unit(rule, value, unit_hint)
        if rule.also_rule and unit and not kind_ok(unit, rule.unit):
            sibling = self.vocab.rule(rule.also_rule)
            row_key = fold_key(row.text)
            if sibling is not None and kind_ok(unit, sibling.unit) \
                    and not any(lab.pattern.search(row_key) for lab in sibling.exclude):
                return self.emit(sibling, load, value, unit_hint, row, note)
        notes = [note] if note else []
        if value.qualifier == "nd":
            return self._non_detect(rule, field_id, unit, row, notes, load, (value.start, value.end))
        if value.value is None:
            return None
        if value.qualifier == "several":
            return self._several(rule, field_id, value, unit, row, load)
        assumed = not unit
        if assumed:
            resolved = self._bare(rule, value.value, notes, row)
            if resolved is None or _implausible_bare(rule, value.value):
                return None
            unit = resolved
        if not self._unit_fits(rule, unit, notes, row):
            return self._surface_test(rule, field_id, value, unit, row, load)
        if value.qualifier == APPROX:
            return self.fact(field_id, None, unit, row, load=load, spans=[(value.start, value.end)],
                             note=f"doubtful: an estimate or a target ({value.text}), not a measurement")
        cand = self._reading(rule, field_id, value, unit, row, notes, load)
        cand.tags |= {ASSUMED_CONTENT} if assumed and rule.bare == "mg/kg" else set()
        cand.tags |= {UNIT_ASSUMED} if assumed else set()
        return cand

    def _surface_test(self, rule: LabelRule, field_id: str, value: Value, unit: str, row: Row,
                      load: int | None) -> Candidate | None:
        """A substance's reading per area ("0.32 µg/cm²", IEC 62321-7-1's spot test of a coating): no concentration,
        but an unreadable fact for a person, never nothing (a positive spot test means the coating holds Cr(VI))."""
        if unit not in _SURFACE_UNITS or not (rule.kind == "substance" or rule.unit == "mg/kg"):
            return None
        return self.fact(field_id, None, unit, row, load=load, spans=[(value.start, value.end)],
                         note=f"unreadable: {value.text} is a surface test's result (a spot test per area), "
                              "not a concentration in the material; a person reads it")

    def _field(self, rule: LabelRule, load: int | None) -> tuple[str | None, int | None]:
        """The field ``rule`` names at ``load`` (a load rule's default load when none is printed)."""
        if rule.kind != "load":
            return rule.name, load
        if load is None:
            load = rule.default_load
        return (rule.fields.get(load) if load is not None else None), load

    def _non_detect(self, rule: LabelRule, field_id: str, unit: str, row: Row, notes: list[str],
                    load: int | None, span: tuple[int, int]) -> Candidate | None:
        """A non-detect: a reading only for a concentration (``non_detect`` in fields.yaml: substances, PAHs, battery
        metals, a cable's fluorine), then below the method's limit where printed."""
        spec = load_catalog().fields.get(field_id)
        if spec is None or not spec.non_detect:
            return None
        limit = self.vocab.detection_limit.search(fold_key(row.text))
        if limit:  # "未检出（检出限 100 mg/kg）": known only as below the method's limit
            notes.append(f"not detected; detection limit {limit.group('num')} {limit.group('unit')}")
            return self.fact(field_id, float(limit.group("num")), limit.group("unit"), row, qualifier="lt",
                             note="; ".join(notes), load=load)
        cand = self.fact(field_id, None, unit or rule.unit, row, qualifier="nd", note="; ".join(notes), load=load,
                         spans=[span])
        cand.tags |= {UNIT_ASSUMED} if not unit else set()  # its limit, where one is found, may say the unit
        return cand

    def _reading(self, rule: LabelRule, field_id: str, value: Value, unit: str, row: Row, notes: list[str],
                 load: int | None) -> Candidate:
        """A number that fits: flagged when implausible, kept with its bound as printed."""
        number = float(value.value or 0.0)
        if rule.range is not None and not rule.range[0] <= number <= rule.range[1]:
            notes.append(f"outside the plausible range {rule.range[0]:g}–{rule.range[1]:g}")
        elif rule.bare == "efficiency" and unit == "%" and number > 100:
            notes.append("an efficiency over 100 % is impossible")
        elif rule.positive and number <= 0:
            notes.append("not a positive number")
        distance = self.vocab.measuring_distance
        elsewhere = distance.other(fold_key(row.text)) if distance and field_id in distance.fields else None
        if distance is not None and elsewhere is not None:
            notes.insert(0, distance_doubt(elsewhere, distance.metres))
        tolerance = self._tolerance(value, row)
        if tolerance:
            notes.insert(0, f"doubtful: {tolerance}")
        other_grade = grade_doubt(self.vocab, row.text, self.category) if rule.unit == "grade" else None
        if other_grade:
            notes.insert(0, f"doubtful: {other_grade}")
        grouped = _dot_grouped(value)
        spec = load_catalog().fields.get(field_id)
        if grouped is not None and spec is not None and spec.plausible(grouped, unit):
            notes.insert(0, f"doubtful: {value.text} reads as {number:g} (a decimal point) or {grouped:g} (dots "
                            "grouping thousands); which cannot be told")
        qualifier = value.qualifier if value.qualifier in _BOUNDS else ""
        if qualifier and rule.unit == "grade":  # "2级及以上": better grades are smaller numbers
            notes.insert(0, f"unreadable: a grade printed with a comparison ({value.text}); "
                            "which grades it allows cannot be told")
        if unit == "dB_LW_from_dBA":
            unit = "dB_LW"
        return self.fact(field_id, value.value, unit, row, qualifier=qualifier, note="; ".join(notes), load=load,
                         spans=[(value.start, value.end)])

    def _tolerance(self, value: Value, row: Row) -> str | None:
        """Why ``value`` is not one number: a tolerance printed right after it ("230 g/kWh (+5% tolerance)")."""
        pattern = self.vocab.tolerance
        key = fold_key(row.text)
        at = key.find(value.text) if pattern is not None and value.text else -1
        found = pattern.match(key, at + len(value.text)) if pattern is not None and at >= 0 else None
        if found is None or value.value is None:
            return None
        printed = f"printed with a tolerance ({found.group('sign')}{found.group('pct')} %)"
        if value.unit in ("%", ""):  # percentage points or a share of the value: which cannot be told
            return printed
        share = float(found.group("pct")) / 100
        low = value.value * (1 - share) if found.group("sign") != "+" else value.value
        return f"{printed}: the value may lie anywhere from {low:g} to {value.value * (1 + share):g} {value.unit}"

    def _several(self, rule: LabelRule, field_id: str, value: Value, unit: str, row: Row,
                 load: int | None) -> Candidate | None:
        """An unreadable candidate for several numbers printed where one is expected ("96%/90%")."""
        notes: list[str] = []
        if not unit:
            unit = self._bare(rule, value.value or 0.0, notes, row) or ""
        if not self._unit_fits(rule, unit, notes, row):
            return None
        note = f"unreadable: several values where one is expected ({value.text}); which one applies cannot be told"
        return self.fact(field_id, None, unit, row, note=note, load=load,
                         spans=[(value.start, value.end)])

    def _bare(self, rule: LabelRule, number: float, notes: list[str], row: Row) -> str | None:
        """The unit a number printed without one is read in, or None when it cannot be told."""
        if rule.bare == "efficiency":
            if number <= 1.0:
                notes.append("printed as a fraction without unit")
                return ""
            if number <= 100:
                notes.append("printed without unit; read as percent")
                return "%"
            return None
        if rule.bare == "fraction":
            return ""
        if rule.bare == "percent":
            return _bare_share(number, notes, row)
        if rule.bare in ("mg/kg", "mg"):
            if _prose(row):
                return None  # "Catalyst 9300 Series … Cisco's lead stackable …": a number in a sentence is no content
            notes.append(f"unit not printed next to the value; {rule.bare} assumed")
            return rule.bare
        if rule.bare == "count":
            return "" if float(number).is_integer() else None
        if rule.bare == "grade":
            return "grade"
        if rule.bare == "ratio":  # a ratio of like quantities (COP, EER: W/W), printed as the number alone
            return ""
        if rule.bare == "defined_unit":  # a ratio defined in one unit ("WUE: 0.5" is in L/kWh)
            notes.append(f"printed without unit; read in {rule.unit}, the unit it is defined in")
            return rule.unit
        return None

    def _unit_fits(self, rule: LabelRule, unit: str, notes: list[str], row: Row) -> bool:
        if rule.unit in ("kW", "W") and "va" in unit.lower():
            return False  # apparent power (kVA) is not a rating in kW
        if rule.kind == "substance" or rule.unit == "mg/kg":
            return unit in _SUBSTANCE_UNITS or kind_ok(unit, "mg/kg")
        if rule.bare == "count":
            return unit == ""
        if rule.bare == "ratio":
            return unit in ("", "W/W")  # a percent is no COP
        if rule.unit == "" and rule.bare in ("fraction", "efficiency"):
            return unit in ("", "%")
        if rule.name == "noise_lwad" and unit in ("dB(A)", "dBA", "dB"):
            if not _names(rule.also_unit_words, row):
                return False  # "acoustic noise: 55 dBA": perhaps a sound pressure, another quantity
            notes.append(f"sound power printed in {unit}; emitted as decibels of sound power (dB_LW)")
            return True
        if rule.unit == "grade":
            return unit == "grade"
        return kind_ok(unit, rule.unit, rule.water)


def _implausible_bare(rule: LabelRule, number: float) -> bool:
    """Whether a number printed without a unit lies outside the plausible range of a rule that reads no such number
    (``bare_in_range``: "Report 2025" is no WUE of 2025 L/kWh, "4,000 张" of certificates or a 58,210 MWh column no
    share of 4000 %, a clause number "5.1" no PUE)."""
    return rule.bare_in_range and rule.range is not None and not rule.range[0] <= number <= rule.range[1]


_SURFACE_UNITS = frozenset({"ug/cm**2"})  # IEC 62321-7-1's boiling-water spot test of a coating


def _unit(rule: LabelRule, value: Value, hint: str | None) -> str:
    """The unit ``value`` is read in: its own, else the hint of its column or label ("" none); a fraction under a
    heading's "%" ("0.961" below "电源效率（%）与功率因数") is a fraction printed as one, not 0.961 %."""
    if value.unit:
        return _prefix_of_rate(rule, value.unit, hint) or value.unit
    if hint == "%" and rule.bare == "fraction" and value.value is not None and 0 < value.value <= 1:
        return ""
    return hint or ""


# a prefix alone after a number, as folded text reads it: unknown ("176M" → "?M"), or "40G" → "g", a gram
_RATE_PREFIX = {**{f"{UNKNOWN_UNIT}{p}": f"{p}bps" for p in "KMGT"},
                **{f"{UNKNOWN_UNIT}{p.lower()}": f"{p}bps" for p in "KMGT"}, "g": "Gbps"}


def _prefix_of_rate(rule: LabelRule, unit: str, hint: str | None) -> str | None:
    """A bit rate printed as its prefix alone ("吞吐量（IPv4，64字节） 40G", as makers print port speeds and
    throughputs): the rate in bits per second where the rule reads a rate and the label names no other unit
    ("吞吐量（Gbps）：176M" stays no reading)."""
    rate = _RATE_PREFIX.get(unit)
    if rate is None or rule.unit == "g" or not kind_ok(rule.unit, "Gbps") or (hint and hint != rate):
        return None
    return rate


def _bare_share(number: float, notes: list[str], row: Row) -> str:
    """The unit of a share printed without one: a percent; up to 1, a fraction where the row says it is a ratio
    ("Imin/I0: 0.74"), else doubtful ("0.81": 81 % as a fraction, or 0.81 %?)."""
    if number <= 1.0 and _RATIO.search(fold_key(row.text)):
        notes.append("printed as a ratio (Imin/I0) without unit; read as a fraction")
        return ""
    if 0 < number <= 1.0:
        notes.insert(0, "doubtful: printed without unit as a number up to 1; a fraction (×100 %) or a percent, "
                        "a person decides")
    notes.append("printed without unit; read as percent")
    return "%"


_RATIO = re.compile(r"i\s*(?:min|t)?\s*/\s*i\s*0|比值|(?<![a-z])(?:ratio|fraction)(?![a-z])")


def _names(words: list[Label], row: Row) -> bool:
    """True when ``row``'s text holds one of ``words``."""
    key = fold_key(row.text)
    return any(word.pattern.search(key) for word in words)


_PROSE_WORDS = 8  # a line of one cell with more words than this is a sentence, not a label and its value


def _prose(row: Row) -> bool:
    """True for a sentence: one cell of many words (a table row or a short "Label: value" line is not)."""
    return len(row.cells) == 1 and len(row.cells[0].text.split()) > _PROSE_WORDS


def finalize(cands: list[Candidate], vocab: Vocabulary, category: str | None,
             device_class: str | None) -> tuple[list[Fact], list[str]]:
    """Document-level clean-up: fields of the category only, u2 by device class, bap from the
    benzo[a]pyrene row (pah_benzo_a_pyrene too when the document has a PAH table), one rating_type
    (the rating table's), the same occurrence only once (a table row read both as a line and as a
    pdfplumber row is one occurrence: same field, value, unit and page). Returns facts, warnings."""
    warnings: list[str] = []
    u2_load = vocab.u2_load.get(device_class or "")
    u2_loads = {c.load for c in cands if c.field == "power_u2"}
    table_rating = any("rating_table" in c.tags for c in cands if c.field == "rating_type")
    pah_table = len({c.field for c in cands if c.field.startswith("pah_")}) >= 2
    tables = _substance_pages(cands, vocab)
    out: list[Candidate] = []
    for cand in cands:
        if ASSUMED_CONTENT in cand.tags and _page(cand) not in tables:
            continue  # "PB 1 | Main output return" (a connector's pins): a bare content is read in tables only
        if cand.field == "rating_type" and table_rating and "rating_table" not in cand.tags:
            continue  # the rating of the rating table is the one rated power and fuel were read for
        if cand.field == "power_u2" and not _u2_kept(cand, u2_load, u2_loads):
            continue
        if cand.field == "pah_benzo_a_pyrene":
            out.append(_as_bap(cand, pah_table))
            if not pah_table:  # a lone BaP line is the bap field, not a PAH table row
                continue
        out.append(cand)
    if u2_load is None and len(u2_loads) > 1:
        warnings.append("switch power printed at 10 % and 30 % load but the device class is not stated; "
                        "power_u2 not read")
    return _once(out, vocab, category), warnings


ASSUMED_CONTENT = "assumed_content"  # a tag: a concentration printed without its unit, read as mg/kg


def _page(cand: Candidate) -> int | None:
    return cand.fact.evidence[0].page if cand.fact.evidence else None


def _substance_pages(cands: list[Candidate], vocab: Vocabulary) -> set[int | None]:
    """Pages where two substances or more are read (a table of contents in mg/kg): only there a number printed
    without a unit is taken as a content in mg/kg."""
    fields: dict[int | None, set[str]] = {}
    for cand in cands:
        rule = vocab.rule(cand.field)
        if rule is not None and rule.bare == "mg/kg":
            fields.setdefault(_page(cand), set()).add(cand.field)
    return {page for page, names in fields.items() if len(names) >= 2}


def _u2_kept(cand: Candidate, u2_load: int | None, u2_loads: set[int | None]) -> bool:
    """A power_u2 candidate is kept at the device class's load; without a class, only when one load is
    printed (and then it says so)."""
    if u2_load is not None:
        return cand.load == u2_load
    if len(u2_loads) > 1:
        return False
    cand.fact.note = "; ".join(x for x in (cand.fact.note, f"device class not stated; u2 read at {cand.load} % load")
                               if x)
    return True


def _as_bap(cand: Candidate, pah_table: bool) -> Candidate:
    """The benzo[a]pyrene row as the bap field (noted as also a PAH table row when there is a table)."""
    note = "benzo[a]pyrene row (also pah_benzo_a_pyrene)" if pah_table else "benzo[a]pyrene"
    mirror = cand.fact.model_copy(update={"field": "bap", "note": "; ".join(x for x in (cand.fact.note, note) if x)})
    return Candidate("bap", mirror, cand.load)


def _once(out: list[Candidate], vocab: Vocabulary, category: str | None) -> list[Fact]:
    """The facts of the category's fields, each occurrence (field, value, unit, qualifier, page) once."""
    facts: list[Fact] = []
    seen: set[tuple[object, ...]] = set()
    for cand in out:
        if not vocab.field_allowed(cand.field, category):
            continue
        fact = cand.fact
        ev = fact.evidence[0] if fact.evidence else None
        key = (fact.field, fact.value, fact.unit, fact.qualifier, ev.page if ev else None)
        if key in seen:
            continue
        seen.add(key)
        facts.append(fact)
    return facts


_NUMBER_TEXT = re.compile(r"\d[\d.,]*")


def _dot_grouped(value: Value) -> float | None:
    """The number of ``value`` read with its dots grouping thousands, where it is printed so ("1.500"), else None."""
    found = _NUMBER_TEXT.search(value.text)
    if found is None or value.value is None or not re.match(DOT_GROUPED, found.group(0)):
        return None
    return float(found.group(0).replace(".", ""))


def distance_doubt(elsewhere: float, metres: float) -> str:
    """The note of a reading taken at another distance than the standard's."""
    return f"doubtful: measured at {elsewhere:g} m, not at the {metres:g} m the standard measures at"


def at_page_distance(vocab: Vocabulary, rows: list[Row], found: list[Candidate]) -> list[Candidate]:
    """``found`` with the readings of a page whose lines about the subject name another distance than the
    standard's ("Sound pressure level @ 7 m" over a table) made doubtful, unless their own row states the standard's."""
    distance = vocab.measuring_distance
    if distance is None or not any(c.field in distance.fields for c in found):
        return found
    elsewhere = distance.on_page([fold_key(row.text) for row in rows])
    if elsewhere is None:
        return found
    for cand in found:
        row_text = fold_key(cand.fact.evidence[0].text) if cand.fact.evidence else ""
        if cand.field in distance.fields and not cand.fact.note.startswith(DOUBT_PREFIXES) \
                and not distance.states(row_text):
            note = "; ".join(filter(None, [distance_doubt(elsewhere, distance.metres), cand.fact.note]))
            cand.fact = cand.fact.model_copy(update={"note": note})
    return found
