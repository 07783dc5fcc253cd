"""Parsing of one row: folded text, labels, load mentions, masked numbers and values, by cell."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from checker.inputs.documents.bounds import bound
from checker.inputs.documents.groups import group_values
from checker.inputs.documents.numbers import Value, find_values, fold_key, may_hold_words, unit_of
from checker.inputs.documents.text import Row
from checker.inputs.documents.vocabulary import Hit, Label, Labels, Vocabulary

_PCT = r"(\d{1,3}(?:\.\d+)?)\s*%"
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5}
_CN_GRADE = re.compile(r"([一二三四五])级")
_DIGIT = re.compile(r"\d")
_PLAIN_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_BARE_LOAD = re.compile(r"(\d{1,3})\s*%?\s*(?:负载|负荷|load)?")
LOAD_LEVELS = {0, 5, 10, 20, 25, 30, 40, 50, 60, 70, 75, 80, 90, 100}
# clauses end at ; 。 a list bullet (● ▪ ■ ◆), a comma that is not a thousands separator, a cell bar, and a full
# stop before the next sentence ("load is 0.927. Efficiency at 50%": a value never takes the label of the next sentence)
_CLAUSE_SPLIT = re.compile(r"[;。●▪■◆]|,(?!\d)|(?<!\d),|\s\|\s|(?<=[a-z0-9%)])\.\s+(?=[a-z\u4e00-\u9fff])")


@dataclass
class Load:
    """A load level mentioned in the text ("20%负载", "at 50 % load", "Full", "1/4")."""

    value: int
    start: int
    end: int


@dataclass
class Parsed:
    """One row, parsed."""

    row: Row
    key: str
    cell_spans: list[tuple[int, int]]
    hits: list[Hit]
    loads: list[Load]
    values: list[Value]
    load_cells: dict[int, int] = field(default_factory=dict)  # cell index → load of a bare "20%" cell
    raw_hits: list[Hit] = field(default_factory=list)  # before exclusion (header cells use their own)
    marks: list[tuple[int, int, bool]] = field(default_factory=list)  # limit (True) and result (False) words
    _clauses: list[tuple[int, int]] | None = field(default=None, repr=False, compare=False)

    def cell_of(self, pos: int) -> int:
        """Index of the cell holding character ``pos`` of :attr:`key`."""
        for i, (a, b) in enumerate(self.cell_spans):
            if a <= pos < b:
                return i
        return len(self.cell_spans) - 1

    def cell_key(self, i: int) -> str:
        """Folded text of cell ``i``."""
        a, b = self.cell_spans[i]
        return self.key[a:b]

    def limits(self) -> set[int]:
        """ids of the values that are the document's own limits ("限值 1000", "limit: 0.1 %", "MDL 2",
        "限值 | 1000 | 100", "Requirement | ≥94%"): see :meth:`named_by`."""
        if not any(limit for _, _, limit in self.marks):
            return set()
        return {id(v) for v in self.values if self.named_by(v) is True}

    def named_by(self, value: Value) -> bool | None:
        """True when the last limit or result word before ``value`` in its clause is a limit word,
        False when it is a result word ("检测结果", "Result | 5 | ND"), None without one. The word
        counts in the value's own cell or in a label cell (a cell without values)."""
        clause, clause_end = next(((a, b) for a, b in self.clauses() if a <= value.start < b), (0, len(self.key)))
        last = [(start, limit) for start, end, limit in self.marks  # a mark may end inside the value's bound
                if clause <= start < value.start and not self._enclosed(start, end, value.start)]  # ("不得超过")
        if not last:
            return self._named_after(value, clause_end)
        cell = self.cell_of(last[-1][0])
        if cell == self.cell_of(value.start) or all(self.cell_of(v.start) != cell for v in self.values):
            return last[-1][1]
        return None

    def _named_after(self, value: Value, clause_end: int) -> bool | None:
        """The first limit or result word after ``value`` in its clause, where no other value follows it there: "0.09 %
        (threshold)", "500 ppm permitted", "500 mg/kg（管控值）" name the value; "12 mg/kg (limit 1000 mg/kg)" does
        not (the word has a number of its own)."""
        if any(value.end <= v.start < clause_end for v in self.values if v is not value):
            return None
        after = [(start, limit) for start, _, limit in self.marks if value.end <= start < clause_end]
        if not after or not _NAMING_GAP.fullmatch(self.key[value.end:after[0][0]]):
            return None  # "1级（符合标准要求）", "符合1级能效要求": the word is a conformity sentence's
        return after[0][1]

    def _enclosed(self, start: int, end: int, before: int) -> bool:
        """True when the word at ``start:end`` and a number of its own sit in brackets that close before
        position ``before``: "效率（标准要求≥90%）：92%" — the requirement is the bracket's, 92 % is not in it."""
        opening = self.key.rfind("(", 0, start)
        if opening < 0 or ")" in self.key[opening:start]:
            return False
        closing = self.key.find(")", end)
        return 0 <= closing < before and any(end <= v.start < closing for v in self.values)

    def clauses(self) -> list[tuple[int, int]]:
        """Spans of the clauses of the row (split at ; 。 and commas that are not decimal), worked out once."""
        if self._clauses is None:
            self._clauses = [s for s in _clause_spans(self.key) if s[1] > s[0]]
        return self._clauses

    def readings(self) -> list[Value]:
        """Values without a leading row number ("1 | 产品可再生利用率 | ..." → not 1)."""
        values = self.values
        if len(self.cell_spans) > 2 and values and values[0].start == 0 and not values[0].unit \
                and re.fullmatch(r"\d{1,3}", self.cell_key(0)):
            return values[1:]
        if values and values[0].start == 0 and not values[0].unit and not values[0].qualifier \
                and _ITEM_NUMBER.match(self.key) and any(h.start < (values[1].start if len(values) > 1 else 1 << 30)
                                                         for h in self.hits):
            return values[1:]  # "2 产品可再生利用率：86.4 %": the item's number, then its label and value
        return values

    def own_label(self) -> bool:
        """True when text before the first reading names something (2+ letters) that is not a
        recognised label, load or unit: such a row does not take a label from the rows above."""
        readings = self.readings()
        first = readings[0].start if readings else len(self.key)
        head = self.key[:first]
        for span in [(h.start, h.end) for h in self.hits] + [(ld.start, ld.end) for ld in self.loads]:
            if span[0] < first:
                head = head[:span[0]] + " " * (min(span[1], first) - span[0]) + head[min(span[1], first):]
        head = re.sub(r"\(.*?\)|dB\(a\)|l/hr|l/h|g/kwh|[a-z]/[a-z]+", " ", head)
        return len(re.findall(r"[a-z]{2,}|[\u3400-\u9fff]{2,}", head)) > 0

    def label_unit(self) -> str | None:
        """A unit named in the row's label part (text before the first value), e.g. "效率(%)"; a substance's name
        names none ("Benzo(b)fluoranthene" is no value in bels)."""
        first = self.values[0].start if self.values else len(self.key)
        key = self.key
        for hit in self.hits:
            if hit.start < first and hit.rule.kind == "substance":
                key = key[:hit.start] + " " * (hit.end - hit.start) + key[hit.end:]
        head = key[:first]
        parts = [key[a:min(b, first)] for a, b in self.cell_spans if a < first]
        for part in [*parts, head]:
            unit = unit_of(part)
            if unit:
                return unit
        return None


_LOAD_PATTERNS: dict[int, list[re.Pattern[str]]] = {}


def _load_patterns(vocab: Vocabulary) -> list[re.Pattern[str]]:
    cached = _LOAD_PATTERNS.get(id(vocab))
    if cached is None:
        markers = "|".join(re.escape(m) for m in vocab.load_markers)
        cached = [
            re.compile(_PCT + r"\s*(?:的|额定)?\s*(?:" + markers + r")"),
            re.compile(r"(?:" + markers + r")\s*(?:率|比例|level|ratio)?\s*(?:[:=@]|at|为|of)?\s*" + _PCT),
            re.compile(r"(?:@|(?<![a-z])at|在|(?<![小低高大等])于)\s*" + _PCT),  # not 小于/低于 96%
        ]
        _LOAD_PATTERNS[id(vocab)] = cached
    return cached


def find_loads(vocab: Vocabulary, key: str) -> list[Load]:
    """Load levels mentioned in folded ``key``: the load words first ("half load" is 50 %, and the "load: 96%"
    after it is no load of 96 %), then percents a load marker or "at" goes with, unless the percent is of
    something else ("at 50% rated voltage")."""
    loads: list[Load] = []
    words = [(label, value) for label, value in vocab.load_words if label.probe in key]
    _word_loads(key, [w for w in words if not _DIGIT.search(w[0].probe)], loads)  # "half load", "满载"
    if "%" in key:
        _listed_loads(vocab, key, loads)  # "20%、50%、100% 负载率": each percent of the list is a load
        not_load = vocab.not_load_after
        for pattern in _load_patterns(vocab):
            for m in pattern.finditer(key):
                if all(m.end() <= ld.start or m.start() >= ld.end for ld in loads) \
                        and not (not_load and not_load.match(key, m.end())) and float(m.group(1)).is_integer():
                    loads.append(Load(round(float(m.group(1))), m.start(), m.end()))  # "load 93.6 %" is a value
    _word_loads(key, [w for w in words if _DIGIT.search(w[0].probe)], loads)  # "1/2", "100%负载" after "50%负载"
    return sorted(loads, key=lambda ld: ld.start)


_LIST_SEPARATOR = r"\s*(?:、|,|，|/|;|；|\band\b|和|及|与|以及)\s*"
_LISTED: dict[int, re.Pattern[str]] = {}


def _listed_loads(vocab: Vocabulary, key: str, loads: list[Load]) -> None:
    """Add to ``loads`` each whole percent of a list that ends on a load marker ("在 20%、50%、100% 负载率下",
    "at 20%, 50% and 100% load"): without it only the last, beside the marker, is a load, and the others read as
    values."""
    pattern = _LISTED.get(id(vocab))
    if pattern is None:
        markers = "|".join(re.escape(m) for m in vocab.load_markers)
        number = r"\d{1,3}\s*%"
        pattern = re.compile(rf"{number}(?:{_LIST_SEPARATOR}{number})+\s*(?:的|额定)?\s*(?:{markers})")
        _LISTED[id(vocab)] = pattern
    for listed in pattern.finditer(key):
        for m in re.finditer(r"(\d{1,3})\s*%", listed.group(0)):
            start, end = listed.start() + m.start(), listed.start() + m.end()
            if all(end <= ld.start or start >= ld.end for ld in loads):
                loads.append(Load(int(m.group(1)), start, end))


def _word_loads(key: str, words: list[tuple[Label, int]], loads: list[Load]) -> None:
    """Add to ``loads`` the load words of ``key`` that overlap none found before."""
    for label, value in words:
        for m in label.pattern.finditer(key):
            if all(m.end() <= ld.start or m.start() >= ld.end for ld in loads):
                loads.append(Load(value, m.start(), m.end()))


@lru_cache(maxsize=65536)
def cell_key(text: str) -> str:
    """A cell's folded text with Chinese grade numerals as digits (一级 → 1级)."""
    return _CN_GRADE.sub(lambda m: f"{_CN_DIGITS[m.group(1)]}级", fold_key(text))


_ITEM_NUMBER = re.compile(r"\d{1,2}[.、)]?\s+(?=[^\d\s.,%])")  # a line's item number before its label


def row_key(row: Row) -> tuple[str, list[tuple[int, int]]]:
    """The row's folded text (cells joined by two spaces) and the span of each cell in it."""
    parts, spans, pos = [], [], 0
    for cell in row.cells:
        text = cell_key(cell.text)
        parts.append(text)
        spans.append((pos, pos + len(text)))
        pos += len(text) + 2
    return "  ".join(parts), spans


def parse_row(vocab: Vocabulary, row: Row, category: str | None) -> Parsed:
    """Parse ``row``: fold each cell, find labels, loads, masked spans and values."""
    key, spans = row_key(row)
    raw_hits = vocab.hits(key, category)
    clause_spans = _clause_spans(key)
    first_number = _DIGIT.search(key)
    head = key[:first_number.start()] if first_number else key
    hits = [h for h in raw_hits if not _excluded(h, key, clause_spans, head)]
    loads = find_loads(vocab, key)
    load_cells: dict[int, int] = {}
    bare_pcts: dict[int, int] = {}
    numeric_cells = 0
    percent_header = _names_load_percent(vocab, key, spans)  # "Load (%) | 20 | 50 | 100": the cells are loads
    for i, (a, b) in enumerate(spans):
        cell_text = key[a:b]
        if _DIGIT.search(cell_text):
            numeric_cells += 1
        m = _BARE_LOAD.fullmatch(cell_text) if "%" in cell_text or (percent_header and i > 0) else None
        if m and int(m.group(1)) in LOAD_LEVELS:
            bare_pcts[i] = int(m.group(1))
        else:
            for ld in loads:
                if ld.start == a and ld.end == b:
                    load_cells[i] = ld.value
    # a bare "20%" cell is a load in a row label (first cell) or in a header row of loads
    header_like = len(bare_pcts) + len(load_cells) >= max(2, numeric_cells)
    for i, value in bare_pcts.items():
        if i == 0 or header_like:
            load_cells[i] = value
            a, b = spans[i]
            if all(ld.start != a for ld in loads):
                loads.append(Load(value, a, b))
    readings = [spans[i] for i in range(len(spans)) if i not in load_cells] if load_cells else []
    values = _values(vocab, key, first_number is not None, loads, hits, raw_hits, readings)
    limit_marks = _word_spans(vocab.limit_words, key, True)
    result_marks = [m for m in _word_spans(vocab.result_columns, key, False)
                    if not any(a < m[1] and m[0] < b for a, b, _ in limit_marks)]  # "limit value" is a limit
    marks = sorted(limit_marks + result_marks)
    return Parsed(row, key, spans, hits, sorted(loads, key=lambda ld: ld.start), values, load_cells, raw_hits, marks)


def _names_load_percent(vocab: Vocabulary, key: str, spans: list[tuple[int, int]]) -> bool:
    """True when the row's first cell is a load header in percent ("Load (%)", "负载率(%)") and every other cell a
    bare number: a header row of loads printed without their % signs."""
    if len(spans) < 3:
        return False
    first = key[spans[0][0]:spans[0][1]].strip()
    return "%" in first and first in vocab.load_column_headers \
        and all(_PLAIN_NUMBER.fullmatch(key[a:b].strip()) for a, b in spans[1:])


def _values(vocab: Vocabulary, key: str, digits: bool, loads: list[Load], hits: list[Hit],
            raw_hits: list[Hit], readings: list[tuple[int, int]]) -> list[Value]:
    """The values of folded ``key``: numbers and non-detects outside the masked spans (standard numbers,
    dates, report numbers...), its loads and its labels, grouped and bounded. A row without a digit or a
    non-detect word holds none, and its masks are not searched. A cell of ``readings`` (the other cells of a
    row a load heads) that is a plain number is a reading, whatever a mask says ("10% | 2039.5" is no date)."""
    if not digits and not may_hold_words(key):
        return []
    masked = [(m.start(), m.end()) for pattern in vocab.masks for m in pattern.finditer(key)]
    plain = {span for span in readings if _PLAIN_NUMBER.fullmatch(key[span[0]:span[1]])}
    masked = [span for span in masked if span not in plain]
    masked += [(ld.start, ld.end) for ld in loads] + [(h.start, h.end) for h in hits]
    values = group_values(key, _drop_alternates(key, find_values(key, masked)), masked)
    return bound(values, key, vocab.comparisons, [(h.start, h.end) for h in raw_hits])


def _word_spans(labels: list[Label], key: str, flag: bool) -> list[tuple[int, int, bool]]:
    if isinstance(labels, Labels) and not labels.may_occur(key):
        return []
    return [(m.start(), m.end(), flag) for lab in labels if lab.probe in key for m in lab.pattern.finditer(key)]


def _clause_spans(key: str) -> list[tuple[int, int]]:
    """The spans of ``key``'s clauses, split at separators outside brackets ("(engine, gross)" is one clause's)."""
    spans, start = [], 0
    for m in _CLAUSE_SPLIT.finditer(key):
        if _in_brackets(key, m.start()):
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(key)))
    return spans


def _in_brackets(key: str, at: int) -> bool:
    """True when position ``at`` of folded ``key`` lies inside an open bracket."""
    before = key[:at]
    return before.count("(") + before.count("[") > before.count(")") + before.count("]")


_AFTER_NUMBER = re.compile(r"\d\s*$")
# between a value and a limit or result word after it: brackets, punctuation, and at most one word of Latin letters
# ("500 ppm (customer requirement)"); Chinese between them is a sentence's ("（符合标准要求）")
_NAMING_GAP = re.compile(r"[\s(\[:：,，\-–—]*(?:[a-z]{1,12}[\s]+)?")


def _excluded(hit: Hit, key: str, clauses: list[tuple[int, int]], head: str) -> bool:
    """True when an exclude phrase of the hit's rule is in the hit's clause (in the row, for a rule with
    ``exclude_row``) or in the row's label part (the text before its first digit), where the hit is in that part
    or is a unit right after a number ("... (engine) ... 200 g/kWh": a label that is a unit reads the row's label
    too)."""
    if not hit.rule.exclude:
        return False
    if hit.rule.exclude_row:
        return any(lab.pattern.search(key) for lab in hit.rule.exclude)
    a, b = next(((a, b) for a, b in clauses if a <= hit.start < b), (0, len(key)))
    in_head = hit.start < len(head) or _AFTER_NUMBER.search(key, 0, hit.start) is not None
    scope = key[a:b] + " \n " + (head if in_head else "")
    return any(lab.pattern.search(scope) for lab in hit.rule.exclude)


def cell_excluded(hit: Hit, cell_key: str) -> bool:
    """True when an exclude phrase of the hit's rule is in the same cell (header rows)."""
    return any(lab.pattern.search(cell_key) for lab in hit.rule.exclude)


def _drop_alternates(key: str, values: list[Value]) -> list[Value]:
    """Drop "(2.1)" in "7.9 (2.1)": the same figure in another unit (gal/hr, lb, bhp)."""
    kept: list[Value] = []
    for value in values:
        before = key[:value.start].rstrip()
        if before.endswith("(") and kept and kept[-1].is_number and len(before) - 1 - kept[-1].end <= 2:
            continue
        kept.append(value)
    return kept
