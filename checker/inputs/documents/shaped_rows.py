"""Row shapes with their own grammar: dimensions ("尺寸(长×高×深) 440×44×300 mm") and enums
("设备类别：接入", "电源类型: 冗余")."""

from __future__ import annotations

import re

from checker.inputs.documents.candidates import Candidate, Emitter
from checker.inputs.documents.numbers import Value, fold_key
from checker.inputs.documents.rowparse import Parsed
from checker.inputs.documents.vocabulary import Enum, Label, TextRule, Vocabulary, compile_label

_AXES_SEP = re.compile(r"\s*[x*/]\s*")
_DIM_FIELDS = ("length", "height", "depth")


_DIM_LABELS: dict[int, list[Label]] = {}


def _dimension_labels(vocab: Vocabulary) -> list[Label]:
    labels = _DIM_LABELS.get(id(vocab))
    if labels is None:
        labels = _DIM_LABELS[id(vocab)] = [compile_label(w) for w in vocab.dimensions["labels"]]
    return labels


def _axis_of(vocab: Vocabulary, word: str) -> str | None:
    word = word.strip().strip("()")
    for axis, words in vocab.dimensions["axes"].items():
        if word in [fold_key(w) for w in words]:
            return str(axis)
    return None


def _order(vocab: Vocabulary, label: str) -> list[str] | None:
    """Axis order from a label like "(长×高×深)", "(w x h x d)", "hxwxd"; None when not printed."""
    for m in re.finditer(r"\(([^()]*)\)|([a-z\u4e00-\u9fff]{1,6}(?:\s*[x*]\s*[a-z\u4e00-\u9fff]{1,6}){2})", label):
        inner = m.group(1) or m.group(2) or ""
        parts = [p for p in _AXES_SEP.split(inner) if p]
        if len(parts) == 3:
            axes = [_axis_of(vocab, p) for p in parts]
            if all(axes) and len(set(axes)) == 3:
                return [a for a in axes if a]
    return None


def dimension_candidates(vocab: Vocabulary, parsed: Parsed, category: str | None,
                         emitter: Emitter) -> list[Candidate] | None:
    """Candidates for length/height/depth when the row is a dimension row, else None.

    Rows that give the size *with* rack ears are read as dimension rows that yield nothing.
    """
    readings = parsed.readings()
    if category not in (None, "firewall") or not readings:
        return None
    key = parsed.key
    labels = _dimension_labels(vocab)
    first = readings[0].start
    head = key[:first]
    out: list[Candidate] = []
    with_ears = any(fold_key(w) in key for w in vocab.dimensions["exclude_with_ears"])
    with_ears = with_ears and not any(fold_key(w) in key for w in vocab.dimensions["without_ears"])
    if any(lab.probe in head and lab.pattern.search(head) for lab in labels):
        if with_ears:
            return []
        numbers = [v for v in readings if v.value is not None][:3]
        if len(numbers) < 3:
            return None
        order = _order(vocab, head)
        note = "" if order else "axis order not printed; read as 长×高×深 (length × height × depth)"
        unit = next((v.unit for v in reversed(numbers) if v.unit), "")
        if unit not in ("mm", "cm", "in", "inch"):
            return None
        for axis, value in zip(order or list(_DIM_FIELDS), numbers, strict=False):
            out.append(emitter.fact(axis, value.value, value.unit or unit, parsed.row, note=note))
        return out
    # one axis per row: "高度: 44 mm", "Depth | 300 mm"
    cell = parsed.cell_of(first)
    label_cell = cell - 1 if cell > 0 else None
    label = parsed.cell_key(label_cell) if label_cell is not None else head
    if label_cell is not None and re.fullmatch(r"[-—\s]*", label) and label_cell > 0:
        label = parsed.cell_key(label_cell - 1)
    label = re.sub(r"\([^)]*\)", "", label).strip(" :：")
    found_axis = _axis_of(vocab, label)
    size = _without_ears(vocab, parsed, readings) if len(readings) > 1 else readings[0]
    if found_axis and size is not None and size.value is not None and size.unit in ("mm", "cm", "in", "inch"):
        if with_ears:
            return []
        return [emitter.fact(found_axis, size.value, size.unit, parsed.row)]
    return None


def _without_ears(vocab: Vocabulary, parsed: Parsed, readings: list[Value]) -> Value | None:
    """Of several sizes on one axis's row, the one the words after it say is without rack ears ("482 mm including
    rack ears; 438 mm without ears" → 438 mm); the first where the row says nothing of ears; None where it speaks of
    ears but names none of the sizes as without them."""
    key = parsed.key
    with_words = [fold_key(w) for w in vocab.dimensions["exclude_with_ears"]]
    without_words = [fold_key(w) for w in vocab.dimensions["without_ears"]]
    if not any(w in key for w in with_words + without_words):
        return readings[0]
    for i, value in enumerate(readings):
        after = key[value.end:readings[i + 1].start if i + 1 < len(readings) else len(key)]
        if any(w in after for w in without_words):
            return value
    return None


Spans = list[tuple[int, int]]


def enum_candidates(vocab: Vocabulary, parsed: Parsed, category: str | None, emitter: Emitter) -> list[Candidate]:
    """Enum facts (device_class, psu_type, rating_type, deployment) from a label and the first value word after it
    (the longest of those starting there: "单路输出" over "单路"), or from a word that names the value alone
    ("单路电源输出效率", "模块化机框式交换机"). A label inside a value word ("值守" of "无人值守") is none."""
    out: list[Candidate] = []
    key = parsed.key
    for enum in vocab.enums:
        if enum.categories is not None and category not in enum.categories:
            continue
        words = sorted((m.start(), -len(word.text), m.end(), value) for word, value in enum.values
                       if word.probe in key for m in word.pattern.finditer(key))
        found = _labelled_value(enum, parsed, words)
        for spans, value in [found] if found is not None else _named_values(enum, key):
            out.append(emitter.fact(enum.name, value, "", parsed.row, spans=spans))
    return out


def _labelled_value(enum: Enum, parsed: Parsed, words: list[tuple[int, int, int, str]]) -> tuple[Spans, str] | None:
    """The first label of ``enum`` in the row (not inside a value word) and the first value word after it."""
    key = parsed.key
    for label in enum.labels:
        for m in (label.pattern.finditer(key) if label.probe in key else []):
            if any(start <= m.start() and m.end() <= end for start, _, end, _ in words):
                continue  # "值守" inside "无人值守"
            if label.text in enum.cell_labels and not _whole_label(parsed, m.start(), label.text):
                continue  # a bare word like "rating" counts only as a whole label cell or a "Rating : …" line
            after = [w for w in words if w[0] >= m.end()]
            return ([(m.start(), m.end()), (after[0][0], after[0][2])], after[0][3]) if after else None
    return None


def _named_values(enum: Enum, key: str) -> list[tuple[Spans, str]]:
    """The values the words of ``enum.named`` say without a label ("单路电源输出效率", "冷水机组（舒适型，水冷式）"):
    the longest word wins where words overlap ("溴化锂吸收式冷水机组" is no "冷水机组"); a row naming two values (a
    list of standards "GB 19577、GB 19576", of product lines) tells neither: none."""
    found = sorted(((m.start(), m.end(), value) for word, value in enum.named if word.probe in key
                    for m in word.pattern.finditer(key)), key=lambda f: (f[0] - f[1], f[0]))
    kept: list[tuple[int, int, str]] = []
    for start, end, value in found:
        if not any(start < b and a < end for a, b, _ in kept):
            kept.append((start, end, value))
    first: dict[str, tuple[int, int]] = {}
    for start, end, value in sorted(kept):
        first.setdefault(value, (start, end))
    return [([span], value) for value, span in first.items()] if len(first) == 1 else []


def _whole_label(parsed: Parsed, start: int, label: str) -> bool:
    """True when ``label`` at ``start`` is its cell's whole text, or starts its cell followed by a colon."""
    cell = parsed.cell_key(parsed.cell_of(start))
    return cell.strip(" :") == label or re.match(re.escape(label) + r"\s*:", cell.lstrip()) is not None


# A cell of dashes only means "not applicable" (printed ——, --; OCR reads it as 一一 or - -).
_DASHES = re.compile(r"\s*[-—一_~]{2,}(?:\s*[-—一_~])*\s*$")


def flag_text_candidates(vocab: Vocabulary, parsed: Parsed, emitter: Emitter) -> list[Candidate]:
    """Flags ("含电池: 内置锂离子电池" → has_battery True) and text fields ("制冷剂 R410A")."""
    out: list[Candidate] = []
    key = parsed.key
    for rule in vocab.texts:
        for label in rule.labels:
            m = label.pattern.search(key) if label.probe in key else None
            if m and rule.pattern is not None:
                found = rule.pattern.search(key, m.end())
                if found:
                    out.append(emitter.fact(rule.name, _original(parsed, found.start(), rule.whole), "", parsed.row,
                                            spans=[(m.start(), m.end()), (found.start(), found.end())]))
                break
    for rule in vocab.flags:
        for label in rule.labels:
            m = label.pattern.search(key) if label.probe in key else None
            if not m:
                continue
            cell = parsed.cell_of(m.start())
            a, b = parsed.cell_spans[cell]
            lead = 1 if parsed.row.ocr else 0  # OCR may misread the first character (含 → 合)
            short_cell = m.start() - a <= lead and (b - m.end()) <= 2
            stated = re.match(r"\s*(?:为|是|is|:|：)", key[m.end():]) is not None
            if not (short_cell or stated):
                break
            answer = key[m.end():].strip(" :：")
            rest = answer.strip("为是") or answer  # "为"/"是" join label and value, unless "是" (yes) is the answer
            rest = re.sub(r"^is\s+", "", rest)
            if not rest or _DASHES.match(rest):
                cells = [parsed.cell_key(i) for i in range(cell + 1, len(parsed.cell_spans))]
                rest = " ".join(c for c in cells if not _DASHES.fullmatch(c)).strip()
            if not rest:
                break
            value = _flag_value(rule, rest, vocab.flag_negations)
            if value is not None:
                spans = _answer_spans(parsed, m.start(), m.end())
                out.append(emitter.fact(rule.name, value, "", parsed.row, spans=spans))
            break
    return out


def _answer_spans(parsed: Parsed, start: int, end: int) -> list[tuple[int, int]]:
    """Where a flag's label and its answer were read: the label, the rest of its cell and the cells after it
    that hold words (not the "/" of an empty column, which OCR reads as "1" or "一" at a low score), for the
    OCR confidence of those words only."""
    cell = parsed.cell_of(start)
    spans = [(start, max(end, parsed.cell_spans[cell][1]))]
    spans += [(a, b) for i, (a, b) in enumerate(parsed.cell_spans)
              if i > cell and len(re.findall(r"[a-z\u3400-\u9fff]", parsed.cell_key(i))) >= 2]
    return spans


def _flag_value(rule: TextRule, rest: str, negation: re.Pattern[str] | None = None) -> bool | None:
    """What the text after a flag's label says: with no true words listed, False for a false word at its start and True
    for any other description (“含电池：内置锂离子电池”); else what its true and false words say, each said the other
    way round right after a ``negation`` ("not a power cable", "非配电线路", "Power cable (not a data cable)"): nothing
    is read where they disagree or none is found."""
    if not rule.true_words:
        return not any(w.pattern.match(rest) for w in rule.false_words)
    said = {_said(rest, m.start(), meaning, negation)
            for words, meaning in ((rule.false_words, False), (rule.true_words, True))
            for w in words for m in w.pattern.finditer(rest)}
    return said.pop() if len(said) == 1 else None


def _said(text: str, start: int, meaning: bool, negation: re.Pattern[str] | None) -> bool:
    """What a flag's word at ``start`` of ``text`` says: ``meaning``, or the other where a negation ends right before it
    (a word inside a longer one that holds the negation, "not a power cable", says what that one says)."""
    if negation is not None and negation.search(text, 0, start):
        return not meaning
    return meaning


def _original(parsed: Parsed, start: int, whole: bool = False) -> str:
    """The printed text of the cell holding ``start`` of the row key, from that position on
    ("R718（水）" as printed, not folded): to its first separator, or to the cell's end where ``whole``."""
    cell = parsed.cell_of(start)
    a, _ = parsed.cell_spans[cell]
    printed = parsed.row.cells[cell].text.strip()
    offset = start - a
    if len(printed) == parsed.cell_spans[cell][1] - a:
        text = printed[offset:]
    else:
        text = parsed.key[start:parsed.cell_spans[cell][1]].upper()
    return (text if whole else re.split(r"[,;]\s|[。；;，]", text)[0]).strip().rstrip(".,;。，；")
