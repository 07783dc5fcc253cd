"""What a catalog says of its values outside their cells: a remarks column ("备注 | 电源效率为典型值", "Remarks |
values taken from model SR-0") and a note row under the table ("注：以上电源效率、功率因数均为厂商典型值（typical）").

A typical value, another model's figure, a value still to be retested is not the product's measured value. The words
that say so are those documents are read with: the ``other`` words of ``stated_conditions`` and the estimate words
of comparisons.yaml. A remark (a note row) that holds one makes the values of its row (of every row) doubtful, for a
person, with the reason: only the values of the fields it names ("电源效率", "50%负载效率"), or every quantity where it
names none. A remark that qualifies nothing ("实测", "CQC 检测报告 No. 2024-0117") changes nothing. The column headers
and the markers a note row starts with are ``remark_columns`` and ``note_row_markers`` of catalogs/vocabulary.yaml.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from checker.catalog.clauses import Catalog
from checker.catalog.fields import header_key
from checker.engine.frame import HI, ISSUE, LO
from checker.inputs.values import estimate_word

if TYPE_CHECKING:
    from checker.inputs.documents.conditions import StatedCondition

log = logging.getLogger(__name__)

_NOTE_ROWS = 10  # rows at a table's end looked at for notes
_AFTER_MARKER = ":：.、)）]】 0123456789"  # what follows a marker word that leads a note ("注：", "Note 1:")


@dataclass(frozen=True)
class _Words:
    """``remark_columns`` (header keys) and ``note_row_markers`` (folded, longest first) of vocabulary.yaml."""

    columns: frozenset[str]
    markers: tuple[str, ...]


@lru_cache(maxsize=1)
def _words() -> _Words:
    from checker.catalog.files import read_yaml

    data = read_yaml("vocabulary.yaml")
    markers = sorted({_fold(str(word)) for word in data["note_row_markers"]}, key=len, reverse=True)
    return _Words(frozenset(header_key(str(word)) for word in data["remark_columns"]), tuple(markers))


def _fold(text: str) -> str:
    from checker.inputs.documents.numbers import fold_key

    return fold_key(text).strip()


def is_remark_header(header: str) -> bool:
    """Whether a column so headed holds remarks on its row ("备注", "Remarks", "Notes")."""
    return header_key(header) in _words().columns


def qualified_fields(text: str, fields: Iterable[str]) -> dict[str, str]:
    """Field → why its value is doubtful, for those of ``fields`` (a table's quantity fields) that ``text`` (a remark,
    a note row) qualifies: the fields it names, or all of them where it names none. A condition of some fields only
    ("模块" of a PUE: one module's) counts only where the text names one of them ("含2个电源模块" qualifies nothing)."""
    key = _fold(text)
    doubts = _doubts(key)
    if not doubts:
        return {}
    fields = set(fields)
    named = _named_fields(key) & fields
    out: dict[str, str] = {}
    for note, only in doubts:
        for name in sorted(named or fields if only is None else named):
            if only is None or _of(name, only):
                out.setdefault(name, note)
    return out


def _doubts(key: str) -> list[tuple[str, frozenset[str] | None]]:
    """The reasons folded ``key`` gives for doubting a value, each with the fields it is about (None: any)."""
    found = [(f"doubtful: {condition.note}", fields) for condition, fields in _conditions()
             if condition.other is not None and condition.other.search(key)
             and not (condition.states is not None and condition.states.search(key))]
    word = estimate_word(key)
    if word is not None:
        found.append((f"doubtful: an estimate, a target or a typical value ({word!r}), not a measurement", None))
    return found


@lru_cache(maxsize=1)
def _conditions() -> tuple[tuple[StatedCondition, frozenset[str] | None], ...]:
    """Every stated condition once, in order, with the fields it is about (None: every field)."""
    from checker.inputs.documents.conditions import ANY_FIELD
    from checker.inputs.documents.vocabulary import load_vocabulary

    fields: dict[int, tuple[StatedCondition, set[str]]] = {}
    for name, conditions in load_vocabulary().conditions.items():
        for condition in conditions:
            fields.setdefault(id(condition), (condition, set()))[1].add(name)
    return tuple((condition, None if ANY_FIELD in names else frozenset(names)) for condition, names in fields.values())


def _of(field: str, names: frozenset[str]) -> bool:
    """Whether ``field`` is one of ``names`` ("pah_*" names every field so starting)."""
    return field in names or any(name.endswith("*") and field.startswith(name[:-1]) for name in names)


def _named_fields(key: str) -> set[str]:
    """The fields folded ``key`` names by the documents' labels ("电源效率" names the three loads' efficiencies,
    "50%负载效率" the one at 50 %)."""
    from checker.inputs.documents.vocabulary import any_label, load_vocabulary

    vocabulary = load_vocabulary()
    loads = {load for label, load in vocabulary.load_words if label.pattern.search(key)}
    loads |= {int(number) for number in _PERCENT.findall(key)}
    named: set[str] = set()
    for rule in vocabulary.rules:
        if not any_label(rule.labels, key) or any_label(rule.exclude, key):
            continue
        if rule.kind == "load":
            named.update([field for load, field in rule.fields.items() if load in loads] or rule.fields.values())
        else:
            named.add(rule.name)
    return named


_PERCENT = re.compile(r"(?<![\d.])(\d{1,3})\s*%")


def note_rows(raw: pd.DataFrame, fields: list[str]) -> tuple[int, list[tuple[int, str]]]:
    """The note rows at the end of ``raw`` (each a single cell, led by a marker or qualifying values of ``fields``):
    how many rows come before them (``len(raw)`` where there are none), and each note's row index and text."""
    notes: list[tuple[int, str]] = []
    start = len(raw)
    for index in range(len(raw) - 1, max(len(raw) - 1 - _NOTE_ROWS, 0), -1):
        cells = [text for text in map(_text, raw.iloc[index]) if text]
        if len(cells) > 1 or (cells and not _is_note(cells[0], fields)):
            break
        start = index
        if cells:
            notes.append((index, cells[0]))
    return (start, notes[::-1]) if notes else (len(raw), [])


def _text(cell: Any) -> str:
    return "" if cell is None or (not isinstance(cell, str) and pd.isna(cell)) else str(cell).strip()


def _is_note(text: str, fields: list[str]) -> bool:
    """A note: led by a marker ("注：", "Note 1:", "*"), or words that qualify values ("以上数据均为典型值")."""
    key = _fold(text)
    for marker in _words().markers:
        if key.startswith(marker) and (not marker[-1].isalnum() or key[len(marker):len(marker) + 1] in _AFTER_MARKER):
            return True
    return (" " in key or not key.isascii()) and bool(qualified_fields(text, fields))


def doubt_by_text(frame: pd.DataFrame, catalog: Catalog, texts: np.ndarray, where: str) -> None:
    """The values of each row that its text (a remark, a note row over every row) qualifies, doubtful with the reason,
    where they have no issue of their own; ``where`` says where the text was ("the 备注 column")."""
    fields = [name for name, spec in catalog.fields.items() if spec.kind == "quantity" and name in frame]
    codes, uniques = pd.factorize(pd.Series(texts, dtype=object))
    readings = [qualified_fields(str(text), fields) for text in uniques]
    if not any(readings):
        return
    for name in fields:
        said = [reading.get(name) for reading in readings]
        if not any(said):
            continue
        notes = np.array([note and f"{note} ({where}: {str(text)!r})" for note, text in zip(said, uniques, strict=True)]
                         + [None], dtype=object)[codes]
        given = frame[name].notna().to_numpy()
        for side in (LO, HI):
            if name + side in frame:
                given |= frame[name + side].notna().to_numpy()
        issues = frame[name + ISSUE].to_numpy(dtype=object) if name + ISSUE in frame else \
            np.full(len(frame), None, dtype=object)
        frame[name + ISSUE] = np.where(given & pd.isna(issues) & pd.notna(notes), notes, issues)
        log.info("%s: %d values of %s doubtful", where, int((given & pd.notna(notes)).sum()), name)


# a note about the values a marker flags: "带*者为厂商估算值", "标※的", "*号数据", "values marked *", "* = estimated"
_MARKED = re.compile(r"(?:带|标有?|注有|加)\s*([*※†#])|([*※†#])\s*(?:者|号|标记|的)|marked\s+(?:with\s+)?(?:an?\s+)?"
                     r"([*※†#])|^\s*([*※†#])\s*(?:=|:|：|indicates|denotes|marks)", re.IGNORECASE)


def rows_noted(raw: pd.DataFrame, note: str) -> np.ndarray:
    """The rows of ``raw`` a note row is about: those holding the marker it names ("带*者为厂商估算值": the rows with a
    cell "94.6*"), or every row where it names none, or no cell holds it."""
    everything = np.ones(len(raw), dtype=bool)
    found = _MARKED.search(note)
    if found is None:
        return everything
    marker = next(group for group in found.groups() if group)
    marked = np.zeros(len(raw), dtype=bool)
    for label in raw.columns:
        marked |= raw[label].astype(str).str.contains(marker, regex=False).to_numpy()
    return marked if marked.any() else everything
