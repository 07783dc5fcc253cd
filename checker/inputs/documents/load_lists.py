"""Values listed for several loads in one sentence, paired in order ("respectively" prose).

    在20%、50%和100%负载下，电源效率分别为91.2%、94.5%和92.0%
    PSU efficiency at 20%/50%/100% load: 90.1%/94.1%/91.9% respectively
    PSU efficiency, 20/50/100% load: 92/96/93 %
    Power factor at 20%, 50% and 100% load is 0.951, 0.981 and 0.991

A sentence (up to 。 ; or the end of the row) with a list of two or more load percentages is read
here and nowhere else: when it names exactly one load-dependent quantity and holds exactly one
list of as many values, the n-th value is read at the n-th load. Any other shape is left unread
(the sentence yields nothing and is reported), because pairing by nearness would put a 20 % value
on the 100 % load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.inputs.documents.candidates import Candidate, Emitter
from checker.inputs.documents.numbers import Value, match_unit, parse_number
from checker.inputs.documents.rowparse import Parsed
from checker.inputs.documents.vocabulary import Vocabulary

_SEP = r"\s*(?:/|、|,|;|和|及|与|以及|and|or|&)\s*"
_PCT_ITEM = r"\d{1,3}(?:\.\d+)?\s*%"
_UNIT_PART = r"(?:\s*(?!and\b|or\b)(?:%|[a-z(][a-z()·]*(?:/[a-z][a-z·]*)?))?"
_NUM_ITEM = r"(?<![a-z0-9.])\d+(?:[.,]\d+)?" + _UNIT_PART
# "20%/50%/100%", and "20/50/100%" with one percent sign for the list (slashes only: "20, 50 and 100%" may be prose)
_LOAD_LIST = re.compile(rf"{_PCT_ITEM}(?:{_SEP}{_PCT_ITEM})+|(?<![\d./])\d{{1,3}}(?:\s*/\s*\d{{1,3}})+\s*%")
_VALUE_LIST = re.compile(rf"{_NUM_ITEM}(?:{_SEP}{_NUM_ITEM})+")
_ITEM = re.compile(r"\d+(?:[.,]\d+)?")
_SENTENCE_END = re.compile(r"[。;]|\.(?!\d)\s|\.$")
_BEFORE = re.compile(r"(?:在|于|at|@|under|for)\s*$")


@dataclass
class ListReading:
    """What one row's load lists gave: candidates, the spans they cover, and what was left unread."""

    candidates: list[Candidate]
    spans: list[tuple[int, int]]
    unread: list[str]


_AFTER: dict[int, tuple[Vocabulary, re.Pattern[str]]] = {}


def _after_markers(vocab: Vocabulary) -> re.Pattern[str]:
    """A load marker right after a list of loads ("… 负载", "… load"), compiled once a vocabulary."""
    cached = _AFTER.get(id(vocab))
    if cached is None or cached[0] is not vocab:
        markers = "|".join(re.escape(m) for m in vocab.load_markers)
        cached = _AFTER[id(vocab)] = (vocab, re.compile(rf"^\s*(?:的|额定)?\s*(?:{markers})"))
    return cached[1]


def load_lists(vocab: Vocabulary, parsed: Parsed, emitter: Emitter) -> ListReading:
    """Read every sentence of ``parsed`` that lists two or more loads."""
    reading = ListReading([], [], [])
    after = _after_markers(vocab)
    for start, end in _sentences(parsed.key):
        sentence = parsed.key[start:end]
        loads_match = next((m for m in _LOAD_LIST.finditer(sentence)
                            if after.match(sentence[m.end():]) or _BEFORE.search(sentence[:m.start()])), None)
        if loads_match is None:
            continue
        reading.spans.append((start, end))
        loads = [round(float(x)) for x in _ITEM.findall(loads_match.group(0))]
        found = _pair(parsed, start, sentence, loads_match.span(), loads, emitter)
        if found is None:
            reading.unread.append(sentence.strip())
        else:
            reading.candidates.extend(found)
    return reading


# a list of frame sizes with one unit ("64 / 512 / 1518-byte", "64B/512B/1518B", "64字节/512字节/1518字节")
_FRAME_UNIT = r"\s*-?\s*(?:字节|bytes?|b(?![a-z]))"
_FRAME_LIST = re.compile(rf"(?<![\d.])\d{{2,4}}(?:{_FRAME_UNIT})?(?:\s*/\s*\d{{2,4}}(?:{_FRAME_UNIT})?)+{_FRAME_UNIT}")
_FRAME_SIZES = frozenset({64, 128, 256, 512, 1024, 1280, 1500, 1514, 1518})
MEASURED_FRAME = 64  # Appendix F: IPv4 throughput with 64-byte frames; the one frame size of a list read


def frame_lists(vocab: Vocabulary, parsed: Parsed, emitter: Emitter, category: str | None) -> ListReading:
    """Values listed for several frame sizes in one row ("Firewall throughput IPv4 (64 / 512 / 1518-byte) 9 / 25 / 40
    Gbps"), paired in order: the 64-byte value is read, as if printed alone ("… 64-byte 9 Gbps"), where the list has
    as many values and its labels give one field; any other shape is left unread and reported."""
    reading = ListReading([], [], [])
    for start, end in _sentences(parsed.key):
        sentence = parsed.key[start:end]
        sizes_match = _FRAME_LIST.search(sentence)
        if sizes_match is None:
            continue
        sizes = [int(x) for x in _ITEM.findall(sizes_match.group(0))]
        if not set(sizes) <= _FRAME_SIZES or len(set(sizes)) != len(sizes):
            continue
        reading.spans.append((start, end))
        found = _frame_value(vocab, parsed, sentence, sizes_match, sizes, emitter, category)
        if found is None:
            reading.unread.append(sentence.strip())
        elif found:
            reading.candidates.append(found[0])
    return reading


def _frame_value(vocab: Vocabulary, parsed: Parsed, sentence: str, sizes_match: re.Match[str], sizes: list[int],
                 emitter: Emitter, category: str | None) -> list[Candidate] | None:
    """The 64-byte reading of one listed sentence ([] where 64 bytes is not listed), or None where it cannot be
    paired."""
    lists = [m for m in _VALUE_LIST.finditer(sentence)
             if (m.end() <= sizes_match.start() or m.start() >= sizes_match.end())
             and len(_ITEM.findall(m.group(0))) == len(sizes)]
    values = _values(sentence, lists[0]) if len(lists) == 1 else None
    if values is None:
        return None
    if MEASURED_FRAME not in sizes:
        return []
    value = values[sizes.index(MEASURED_FRAME)]
    lone = (sentence[:sizes_match.start()] + f"{MEASURED_FRAME} bytes" + sentence[sizes_match.end():lists[0].start()]
            + value.text + sentence[lists[0].end():]) if sizes_match.end() <= lists[0].start() else None
    if lone is None:
        return None
    rules = {hit.rule.name: hit.rule for hit in vocab.hits(lone, category)}
    if len(rules) != 1:
        return None
    note = "listed for " + "/".join(str(x) for x in sizes) + "-byte frames; paired in order"
    cand = emitter.emit(next(iter(rules.values())), None, value, parsed.label_unit(), parsed.row, note=note)
    if cand is None:
        return None
    cand.stated = lone
    return [cand]


def _sentences(key: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(key):
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(key)))
    return [s for s in spans if s[1] > s[0]]


def _pair(parsed: Parsed, offset: int, sentence: str, load_span: tuple[int, int], loads: list[int],
          emitter: Emitter) -> list[Candidate] | None:
    rules = {h.rule.name: h.rule for h in parsed.hits
             if offset <= h.start < offset + len(sentence) and h.rule.kind == "load"}
    if len(rules) != 1 or len(set(loads)) != len(loads):
        return None
    rule = next(iter(rules.values()))
    lists = [m for m in _VALUE_LIST.finditer(sentence)
             if (m.end() <= load_span[0] or m.start() >= load_span[1]) and len(_ITEM.findall(m.group(0))) == len(loads)]
    if len(lists) == 1:
        values = _values(sentence, lists[0])
    elif not lists:
        values = _cell_values(parsed, offset, len(sentence), load_span, len(loads))
    else:
        values = None
    if values is None:
        return None
    out: list[Candidate] = []
    note = "listed for " + "/".join(str(x) for x in loads) + " % load; paired in order"
    for load, value in zip(loads, values, strict=True):
        cand = emitter.emit(rule, load, value, parsed.label_unit(), parsed.row, note=note)
        if cand is None:
            return None  # one value of the wrong kind: the list is not what it seems
        out.append(cand)
    return out


def _cell_values(parsed: Parsed, offset: int, length: int, load_span: tuple[int, int],
                 count: int) -> list[Value] | None:
    """Values of a table-like row ("效率(20%/50%/100%负载)  91.2  94.5  92.0"): one per cell."""
    inside = (offset + load_span[0], offset + load_span[1])
    values = [v for v in parsed.readings() if offset <= v.start < offset + length
              and not inside[0] <= v.start < inside[1] and v.is_number and not v.qualifier]
    cells = {parsed.cell_of(v.start) for v in values}
    if len(values) != count or len(cells) != count:
        return None
    return [Value(v.value, v.unit, "", v.start - offset, v.end - offset, v.text) for v in values]


def _values(sentence: str, match: re.Match[str]) -> list[Value] | None:
    """The numbers of a value list with their units; a unit printed only after the last item
    ("0.95/0.98/0.99" or "91/94/92 %") applies to all of them."""
    values: list[Value] = []
    for item in _ITEM.finditer(sentence, match.start(), match.end()):
        number = parse_number(item.group(0))
        if number is None:
            return None
        found = match_unit(sentence, item.end())
        unit, end = found if found else ("", item.end())
        values.append(Value(number, unit, "", item.start(), end, sentence[item.start():end]))
    units = {v.unit for v in values if v.unit}
    if len(units) > 1:
        return None
    if units and not all(v.unit for v in values):
        if any(v.unit for v in values[:-1]):
            return None  # "91.2%/0.945/92%": mixed forms, not one list
        shared = values[-1].unit
        values = [Value(v.value, shared, "", v.start, v.end, v.text) for v in values]
    return values
