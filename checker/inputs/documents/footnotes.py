"""Footnotes: a marker beside a reading ("96 %*", "Efficiency¹", "96 %†") and the note it points to ("* Typical value",
"¹ Calculated, not measured"). A reading's conditions (:mod:`checker.inputs.documents.conditions`) are read in its row
and in the notes its markers point to, so a note that says typical, estimated or another basis counts as if printed
in the row.
"""

from __future__ import annotations

import re

_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")

# A marker in a reading's row: asterisks after a word, a number or a unit, not between two ("kW*h", "1.2*10"); a
# dagger or section sign; superscript digits after a letter, "%" or a closing bracket (not after a digit: "10³").
_ROW_MARKER = re.compile(r"(?<=[^\s\d*])(\*{1,3})(?![\w*])|([†‡§])|(?<=[^\W\d_]|[%)\]）])([⁰¹²³⁴⁵⁶⁷⁸⁹]+)")

_UNIT_POWER = re.compile(r"(?<![^\W\d_])(?:m|dm|cm|mm|km|ft|in|cr)$", re.IGNORECASE)  # m², dm³, Cr⁶: powers

# A note: a line that starts with a marker ("* Typical value", "¹ At 230 VAC", "1) Calculated", "Note 1: ...",
# "注1：...").
_NOTE_LINE = re.compile(
    r"^[ \t]*(?:(\*{1,3})|([†‡§])|([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|[(（]?(\d{1,2})[)）]|(?:notes?|注)[ \t]*(\d{1,2}))[ \t]*[:：.]?[ \t]*"
    r"(\S[^\n]*)$", re.IGNORECASE | re.MULTILINE)


def _marker(groups: tuple[str | None, ...]) -> str:
    """One marker's key: the asterisks or dagger as printed, a number as its plain digits."""
    found = next(g for g in groups if g)
    return found.translate(_SUPERSCRIPT_DIGITS)


def row_markers(text: str) -> set[str]:
    """The footnote markers in the row ``text`` (as printed, before folding)."""
    if not any(c in text for c in "*†‡§⁰¹²³⁴⁵⁶⁷⁸⁹"):
        return set()
    return {_marker(m.groups()) for m in _ROW_MARKER.finditer(text)
            if not (m.group(3) and _UNIT_POWER.search(text, 0, m.start()))}


def page_notes(text: str) -> dict[str, str]:
    """Each marker's notes on a page (every line that starts with it, joined)."""
    notes: dict[str, list[str]] = {}
    for m in _NOTE_LINE.finditer(text):
        notes.setdefault(_marker(m.groups()[:5]), []).append(m.group(6))
    return {marker: " ".join(lines) for marker, lines in notes.items()}


class Notes:
    """The notes of a document's pages, read once, where a reading's row holds a marker."""

    def __init__(self, page_texts: list[str]) -> None:
        self._texts = page_texts
        self._pages: dict[int, dict[str, str]] = {}
        self._lines: dict[int, list[str]] = {}  # a page's lines, spaced as rows are, read once per page

    def _on(self, page: int) -> dict[str, str]:
        if page not in self._pages:
            text = self._texts[page - 1] if 1 <= page <= len(self._texts) else ""
            self._pages[page] = page_notes(text)
        return self._pages[page]

    def of(self, row_text: str, page: int | None) -> list[str]:
        """The notes the markers of ``row_text`` point to: on its page, or, for a marker with no note there, on the
        first page that has one; and those of the markers of its table's header (:meth:`header_markers`)."""
        found = []
        for marker in sorted(row_markers(row_text) | self.header_markers(row_text, page)):
            pages = ([page] if page else []) + list(range(1, len(self._texts) + 1))
            note = next((n[marker] for n in map(self._on, pages) if marker in n), None)
            if note is not None:
                found.append(note)
        return found

    def header_markers(self, row_text: str, page: int | None) -> set[str]:
        """The markers of the header line nearest above ``row_text`` on its page ("负载率 | 电源效率* | 功率因数*"): a
        line of words (no digit) whose markers have notes on the page; its notes are the columns' below it, down to
        the notes themselves."""
        if not page or not 1 <= page <= len(self._texts) or not self._on(page):
            return set()
        if page not in self._lines:
            self._lines[page] = [_spaced(line) for line in self._texts[page - 1].splitlines()]
        lines = self._lines[page]
        row = _spaced(row_text)
        at = next((i for i, line in enumerate(lines) if line == row), None)
        if at is None:
            return set()
        for line in reversed(lines[:at]):
            if _NOTE_LINE.match(line):
                return set()  # a note between: the header's table ended above it
            markers = row_markers(line)
            if markers and not re.search(r"\d", _ROW_MARKER.sub("", line)):
                return {m for m in markers if m in self._on(page)}
        return set()


def _spaced(text: str) -> str:
    """``text`` with its runs of spaces as one (a row's cells and a page line print different gaps)."""
    return " ".join(text.split())
