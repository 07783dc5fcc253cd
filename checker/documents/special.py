"""Row shapes with their own grammar: dimensions ("尺寸(长×高×深) 440×44×300 mm") and enums
("设备类别：接入", "电源类型: 冗余")."""

from __future__ import annotations

import re

from checker.documents.candidates import Candidate, Emitter
from checker.documents.numbers import fold_key
from checker.documents.rowparse import Parsed
from checker.documents.vocabulary import Vocabulary, compile_label

_AXES_SEP = re.compile(r"\s*[x*/]\s*")
_DIM_FIELDS = ("length", "height", "depth")


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
    if category not in (None, "firewall") or not parsed.values:
        return None
    key = parsed.key
    labels = [compile_label(w) for w in vocab.dimensions["labels"]]
    first = parsed.values[0].start
    head = key[:first]
    out: list[Candidate] = []
    if any(lab.pattern.search(head) for lab in labels):
        with_ears = any(fold_key(w) in key for w in vocab.dimensions["exclude_with_ears"])
        without = any(fold_key(w) in key for w in vocab.dimensions["without_ears"])
        if with_ears and not without:
            return []
        numbers = [v for v in parsed.values if v.value is not None][:3]
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
    label = re.sub(r"\([^)]*\)", "", parsed.cell_key(0) if parsed.cell_of(first) > 0 else head)
    label = label.strip(" :：")
    axis = _axis_of(vocab, label)
    value = parsed.values[0]
    if axis and value.value is not None and value.unit in ("mm", "cm", "in", "inch"):
        if any(fold_key(w) in key for w in vocab.dimensions["exclude_with_ears"]):
            return []
        return [emitter.fact(axis, value.value, value.unit, parsed.row)]
    return None


def enum_candidates(vocab: Vocabulary, parsed: Parsed, category: str | None, emitter: Emitter) -> list[Candidate]:
    """Enum facts (device_class, psu_type, rating_type, deployment) from a label and a value word."""
    out: list[Candidate] = []
    for enum in vocab.enums:
        if enum.categories is not None and category not in enum.categories:
            continue
        for label in enum.labels:
            m = label.pattern.search(parsed.key)
            if not m:
                continue
            rest = parsed.key[m.end():]
            best: tuple[int, str] | None = None
            for word, value in enum.values:
                wm = word.pattern.search(rest)
                if wm and (best is None or len(word.text) > best[0]):
                    best = (len(word.text), value)
            if best:
                out.append(emitter.fact(enum.name, best[1], "", parsed.row))
            break
    return out
