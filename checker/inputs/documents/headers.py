"""A results table's header: what each column means (a load, a quantity, a result, the document's own limit, a
tested sample, a unit or an exemption column, a Min / Typ / Max statistic) and how a header cell qualifies the numbers
under it (a design target, a typical value: ``stated_conditions`` of catalogs/vocabulary.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.catalog.clauses import load_catalog
from checker.inputs.documents.candidates import Candidate
from checker.inputs.documents.conditions import conditions_of, under_statistic
from checker.inputs.documents.numbers import fold_key, unit_of
from checker.inputs.documents.rowparse import Parsed, cell_excluded
from checker.inputs.documents.text import Cell
from checker.inputs.documents.vocabulary import Label, LabelRule, Vocabulary, any_label
from checker.models import DOUBT_PREFIXES

OVERLAP = 3.0  # points: a cell reaching this far into a column lies over it
HEADER_CELL = 40  # a longer cell is prose ("... the results of Cadmium,"), not a column header
_IGNORE_CELL = 30


def names(labels: list[Label], key: str) -> bool:
    """True when one of ``labels`` is in the folded ``key``."""
    return any_label(labels, key)


def has_values(parsed: Parsed, i: int) -> bool:
    """True when cell ``i`` of the row holds a value."""
    a, b = parsed.cell_spans[i]
    return any(a <= v.start < b for v in parsed.values)


# A test report's sample column: a sample number ("001", "#2", "1#", "A1", "S-3", "No. 4", "样品1") over its results.
_SAMPLE_ID = re.compile(r"(?:#|no\.?\s*|样品|试样|sample\s*)?[a-z]{0,2}-?\d{1,3}#?", re.IGNORECASE)
_UNIT_HEADERS = {"单位", "unit", "units"}


def concentration(rule: LabelRule | None) -> bool:
    """True when ``rule`` reads a concentration (``non_detect`` in fields.yaml: a substance, a PAH, a battery metal)."""
    spec = load_catalog().fields.get(rule.name) if rule is not None else None
    return spec is not None and spec.non_detect


_BRACKETED = re.compile(r"[(（\[][^)）\]]*[)）\]]")


def _sample_columns(cols: list[Column], parsed: Parsed) -> None:
    """Mark the sample columns of a test report's results table: a header with two columns at least that are
    not results (the item, its unit, CAS, method, the limit, the MDL) names each tested sample in a column of its
    own, by number ("001 | 002", which alone would look like a row of values) or by part ("外壳 Housing |
    电源线 Cord"). Every such column holds results, of one sample each; only concentrations are read from them."""
    if sum(1 for c in cols if c.ignore or c.limit) < 2:
        return
    for i, col in enumerate(cols):
        if i == 0 or col.ignore or col.limit or col.load is not None or col.rule is not None or col.load_key \
                or col.statistic:
            continue
        text = parsed.row.cells[i].text.strip()
        numbered = col.result and has_values(parsed, i) and _SAMPLE_ID.fullmatch(text) is not None
        if numbered or not col.meaningful:
            col.sample, col.result = True, False


@dataclass
class Column:
    """The meaning of one header cell."""

    x0: float
    x1: float
    load: int | None = None
    rule: LabelRule | None = None
    ignore: bool = False
    limit: bool = False  # the document's own limit or requirement (also ignored)
    detection: bool = False  # a limit column of the method's detection limits ("MDL", "检出限")
    result: bool = False
    load_key: bool = False
    unit: str | None = None
    name: str = ""  # the header cell as printed
    statistic: str = ""  # a Min / Max / Typ column: "at_least", "at_most", "typical" (``statistic_columns``)
    sample: bool = False  # one tested sample's results in a test report's table ("001", "外壳 Housing")
    unit_column: bool = False  # each row's unit ("单位 | mg/kg", "Unit | %")
    exemption: bool = False  # the RoHS exemption each row claims ("Exemption | 6(c)")

    @property
    def meaningful(self) -> bool:
        """True when the column says something."""
        return (self.load is not None or self.rule is not None or self.ignore or self.result or self.load_key
                or self.sample)




class HeaderReader:
    """Reads a row as a results table's header, and places a cell under its column."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab

    def read(self, parsed: Parsed) -> list[Column] | None:
        if len(parsed.row.cells) < 2:  # a header names two columns at least
            return None
        cols = [self._cell(parsed, i) for i in range(len(parsed.row.cells))]
        if sum(1 for c in cols if c.statistic) == 1:  # Min / Typ / Max come two at least ("Max" alone: the largest)
            cols = [self._cell(parsed, i, statistics=False) for i in range(len(parsed.row.cells))]
        _sample_columns(cols, parsed)
        unknown_numeric = sum(1 for i, c in enumerate(cols) if c.result and has_values(parsed, i))
        meaningful = [c for c in cols[1:] if c.meaningful]
        descriptive = [c for c in cols if c.load is not None or c.rule or c.ignore or c.load_key or c.sample
                       or (c.result and c.unit is not None) or (c.result and unknown_numeric == 0)]
        if len(descriptive) < 2 or unknown_numeric > 1 or len(meaningful) < 1:
            return None
        if unknown_numeric == 1 and not any(c.ignore for c in cols):
            return None
        for col, cell in zip(cols, parsed.row.cells, strict=False):
            col.unit = unit_of(cell.text)
        return cols

    def _cell(self, parsed: Parsed, i: int, statistics: bool = True) -> Column:
        """What header cell ``i`` names: a load, a quantity, the document's limit, a result, a column
        to ignore; a cell holding a number is an unknown result column."""
        cell = parsed.row.cells[i]
        key = parsed.cell_key(i)
        col = Column(cell.x0, cell.x1, name=cell.text)
        a, b = parsed.cell_spans[i]
        cell_hits = [h for h in parsed.raw_hits if a <= h.start < b and not cell_excluded(h, key)]
        valued = has_values(parsed, i)
        if i in parsed.load_cells:
            col.load = parsed.load_cells[i]
        elif valued and not _graded_limit(self.vocab, parsed, i):
            col.result = True
        elif statistics and key.strip() in self.vocab.statistics:
            col.result, col.statistic = True, self.vocab.statistics[key.strip()]
        elif cell_hits and len(key) <= HEADER_CELL:
            col.rule = cell_hits[0].rule
            if names(self.vocab.limit_words, key) and not names(self.vocab.result_columns, key):
                col.ignore = col.limit = True  # "效率限值 | 效率实测": the quantity's limit column
        elif len(key) <= HEADER_CELL and names(self.vocab.limit_words, key):
            col.ignore = col.limit = True
            col.detection = names(self.vocab.detection_words, key)
        elif len(key) <= 14 and names(self.vocab.result_columns, key):
            col.result = True
        elif len(key) <= _IGNORE_CELL and names(self.vocab.ignore_columns, key):
            col.ignore = True
            col.unit_column = key.strip() in _UNIT_HEADERS or any(
                word in _UNIT_HEADERS for word in re.split(r"[\s/]+", key.strip()))
            col.exemption = names(self.vocab.exemption_columns, key.strip())
        elif key.strip() in self.vocab.load_markers or key.strip() in self.vocab.load_column_headers:
            col.load_key = True
        return col

    def column(self, header: list[Column], x0: float, x1: float) -> Column | None:
        best, best_overlap = None, 0.0
        for col in header:
            overlap = min(x1, col.x1) - max(x0, col.x0)
            if overlap > best_overlap:
                best, best_overlap = col, overlap
        if best is not None:
            return best
        center = (x0 + x1) / 2
        near = min(header, key=lambda c: abs((c.x0 + c.x1) / 2 - center))
        width = max(near.x1 - near.x0, x1 - x0, 10.0)
        return near if abs((near.x0 + near.x1) / 2 - center) < width else None

    def qualified(self, cand: Candidate, col: Column, typical: list[Candidate], guaranteed: list[Candidate]
                   ) -> Candidate | None:
        """``cand`` as its column's header qualifies it: under a Min / Max / Typ column (kept in ``guaranteed`` or
        ``typical``), or under a header naming a condition (:meth:`_under_header`)."""
        if not col.statistic:
            return self._under_header(cand, col) if col.name.strip() else cand
        marked = under_statistic(cand.fact, col.statistic, col.name)
        if col.statistic == "typical" or marked is not cand.fact:  # a bound kept: its Min or Max stands
            (typical if col.statistic == "typical" else guaranteed).append(cand)
        cand.fact = marked
        return cand

    def _under_header(self, cand: Candidate, col: Column) -> Candidate | None:
        """``cand`` read under a header cell that qualifies it ("效率设计目标值", "效率典型值(%)", "Target efficiency",
        "Nominal efficiency (%)"): the header states a condition of ``stated_conditions`` another than the standard's
        (dropped, doubtful or a bound, by its outcome) or names a statistic (a Typ / Min / Max word that begins or
        ends a longer header: "Nominal efficiency"; "Max" alone is the row's largest reading); None where the
        condition drops the reading."""
        key = fold_key(col.name)
        numeric = isinstance(cand.fact.value, int | float) and not isinstance(cand.fact.value, bool)
        for condition in conditions_of(self.vocab.conditions, cand.field, numeric):
            if condition.other is None or (condition.states is not None and condition.states.search(key)):
                continue
            if condition.other.search(key):
                if condition.outcome == "drop":
                    return None
                if not cand.fact.note.startswith(DOUBT_PREFIXES):
                    cand.fact = condition.mark(cand.fact)
                return cand
        words = [word for word in re.split(r"[\s:：/]+", _BRACKETED.sub(" ", key)) if word]
        ends = [word for word in words[:1] + words[-1:] if word in self.vocab.statistics and len(words) > 1]
        if ends and not cand.fact.note.startswith(DOUBT_PREFIXES):
            cand.fact = under_statistic(cand.fact, self.vocab.statistics[ends[0]], col.name)
        return cand

_GRADE_WORD = re.compile(r"(?:grade|level|class|等级)\s*$")


def _graded_limit(vocab: Vocabulary, parsed: Parsed, i: int) -> bool:
    """True when header cell ``i`` names the document's limit and its numbers only say which grade or standard the
    limit is of ("标准要求（1级）", "一级能效标准值", "Grade 1 limit", "Requirement (Grade 1)"): a limit column, not a
    result."""
    key = parsed.cell_key(i)
    if len(key) > HEADER_CELL or not names(vocab.limit_words, key) or names(vocab.conformity_words, key):
        return False  # a result's judgement quoting the limit ("不符合（要求 2 级及以上）") heads nothing
    a, b = parsed.cell_spans[i]
    spans = [(m.start(), m.end()) for m in _BRACKETED.finditer(parsed.key, a, b)]
    values = [v for v in parsed.values if a <= v.start < b]
    return bool(values) and all(v.unit == "grade" or _GRADE_WORD.search(parsed.key, a, v.start) is not None
                                or any(start <= v.start < end for start, end in spans) for v in values)


def limit_column(header: list[Column], cell: Cell) -> Column | None:
    """The limit / requirement column ``cell`` lies over (by more than a few points), else None. The
    line reader may merge a label with the limit cell beside it ("Energy efficiency grade (GB 19577)
    Grade 1 or better"): such a cell lies over the limit column too."""
    over = [c for c in header if c.limit and min(cell.x1, c.x1) - max(cell.x0, c.x0) > OVERLAP]
    return over[0] if over else None


def merged_header(above: list[Column], below: list[Column]) -> list[Column] | None:
    """The columns of a header printed over two rows, where the lower row's cells fill the gaps of the upper
    ("Limit | MDL | Result" over "Substance | … | Conclusion"); None when a lower cell lies under an upper one:
    that is the header of the next table, not the rest of this one."""
    if any(min(col.x1, other.x1) - max(col.x0, other.x0) > 0 for col in below for other in above):
        return None
    return sorted([*above, *(col for col in below if col.meaningful)], key=lambda col: col.x0)


