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
# Also an asterisk set apart between a label and its number ("燃油消耗率 * 201 g/kWh"), and a number in brackets after a
# word or "%" ("Power consumption per outlet (measured) [1] 0.34 W", "50 % (1) 96.10").
_ROW_MARKER = re.compile(r"(?<=[^\s\d*])(\*{1,3})(?![\w*])|([†‡§])|(?<=[^\W\d_]|[%)\]）])([⁰¹²³⁴⁵⁶⁷⁸⁹]+)"
                         r"|(?<=[^\W\d_])\s+(\*{1,3})(?=\s+\d)|(?<=[^\W\d_]|[%)\]）])\s+[\[(（](\d{1,2})[\])）](?=\s|$)")

_UNIT_POWER = re.compile(r"(?<![^\W\d_])(?:m|dm|cm|mm|km|ft|in|cr)$", re.IGNORECASE)  # m², dm³, Cr⁶: powers

# A note: a line that starts with a marker ("* Typical value", "¹ At 230 VAC", "1) Calculated", "Note 1: ...",
# "注1：...").
_NOTE_LINE = re.compile(
    r"^[ \t]*(?:(\*{1,3})|([†‡§])|([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|[\[(（]?(\d{1,2})[\])）]|(?:notes?|注)[ \t]*(\d{1,2}))"
    r"[ \t]*[:：.]?[ \t]*"
    r"(\S[^\n]*)$", re.IGNORECASE | re.MULTILINE)


def _marker(groups: tuple[str | None, ...]) -> str:
    """One marker's key: the asterisks or dagger as printed, a number as its plain digits."""
    found = next(g for g in groups if g)
    return found.translate(_SUPERSCRIPT_DIGITS)


def row_markers(text: str) -> set[str]:
    """The footnote markers in the row ``text`` (as printed, before folding)."""
    if not any(c in text for c in "*†‡§⁰¹²³⁴⁵⁶⁷⁸⁹[(（"):
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


# A product identifier in a note: letters then letters or digits, with a hyphen ("KD-500GF", "HT-UPS-100K", "WDZN-YJY")
# or a run of capitals and digits ("R760XS", "BP48"); a report or certificate number after its word is not one.
_IDENTIFIER = re.compile(r"(?<![\w./-])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+(?![\w/-])"
                         r"|(?<![\w./-])[A-Z]{2,}[0-9]+[A-Za-z0-9]*(?![\w./-])")
_NUMBER_WORDS = re.compile(r"(?:报告|证书|编号|批号|no\.?|number|report|certificate|cert\.?)\s*[:：#]?\s*$",
                           re.IGNORECASE)
# words of a value taken from elsewhere: another model's, series' or line's test
_BORROWED = re.compile(r"引自|引用|来自|源自|取自|折算|换算|推算|同系列|系列|机型|型号"
                       r"|(?<![a-z])(?:quoted|taken|derived|scaled|extrapolated|measured|tested|based)\s+(?:from|on)"
                       r"(?![a-z])|(?<![a-z])(?:model|series|variant|version)(?![a-z])", re.IGNORECASE)


class BodyNames:
    """The identifiers a document names outside its notes, and their families, read once where a note asks."""

    def __init__(self, page_texts: list[str]) -> None:
        self._texts = page_texts
        self._named: set[str] | None = None
        self._families: set[str] = set()

    def named(self) -> tuple[set[str], set[str]]:
        if self._named is None:
            body = "\n".join(line for text in self._texts for line in text.splitlines() if not _NOTE_LINE.match(line))
            self._named = {found.casefold() for found in _IDENTIFIER.findall(body)}
            self._families = {_family(name) for name in self._named}
        return self._named, self._families


def another_model(notes: list[str], body: BodyNames) -> str | None:
    """An identifier a reading's notes name that the document names nowhere else, where the note says the value is
    borrowed ("引自", "同系列", "measured on") or the identifier is a sibling of one the document names ("KD-500GF"
    beside "KD-400GF"): the value is another product's ("* 燃油消耗率为同系列 KD-500GF 机型实测数据"). None: no such."""
    for note in notes:
        borrowed = _BORROWED.search(note) is not None
        for found in _IDENTIFIER.finditer(note):
            name = found.group(0)
            if _NUMBER_WORDS.search(note[:found.start()]):
                continue
            named, families = body.named()
            if name.casefold() not in named and (borrowed or _family(name.casefold()) in families):
                return name
    return None


def _family(name: str) -> str:
    """An identifier's leading letters ("kd" of "kd-500gf", "ht" of "ht-ups-100k")."""
    return re.match(r"[^\W\d_]*", name).group(0)  # type: ignore[union-attr]
