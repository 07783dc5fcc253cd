"""Prose that flows over line ends: the unfinished sentence at the end of a full line goes on the next line.

A brochure or a narrow column breaks its sentences wherever the line is full: "…功率因数为0.9230。50%" then
"负载效率为95.4%。", or "Mercury (Hg) is" then "252ppm.". Read line by line, the load or the label stays on one
line and the value on the other. Where a line holds a finished sentence and then the start of another, is
full (the next line's first word would not have fitted), and the next line continues the same column of text
(one cell, same left edge, the next line down; or, on a page set in two columns, the top line of the column
to its right), the start of the sentence is moved to that line, so the sentence is read whole there. A line
of its own ("Model: X") or a line that ends its sentence is left as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import takewhile

from checker.inputs.documents.text import Cell, Glyph, Row, is_cjk

_SENTENCE_END = re.compile(r"(?:[。；;！？!?]|\.(?=\s|$))\s*")
_PITCH = 1.8  # × text height: the next line of the same paragraph is at most this far down
_EDGE = 0.3  # × text height: lines of one column start this close to each other
_NO_LINE_START = "。，、；：？！）」』】〕》〉”’．,.;:?!)]}%％"  # marks a line may not begin with (CJK line breaking)


def carry_unfinished_sentences(rows: list[Row]) -> list[Row]:
    """``rows`` with the unfinished sentence at the end of each full prose line moved to the start of the next
    line of its paragraph (in place: the same rows, new cells)."""
    margins = _right_margins(rows)
    for i, line in enumerate(rows):
        if not _prose(line):
            continue
        margin = max((right for left, right in margins if abs(left - line.cells[0].x0) <= _EDGE * line.height),
                     default=line.cells[0].x1)
        following = rows[i + 1] if i + 1 < len(rows) and _prose(rows[i + 1]) else None
        if following is None or not _next_line(line, following):
            following = _next_column(rows, i, margin)  # the paragraph goes on at the top of the next column
        if following is not None and _full(line, following, margin):
            _carry(line, following)
    return rows


def _next_column(rows: list[Row], index: int, margin: float) -> Row | None:
    """The first line of the column to the right of row ``index``'s paragraph (a page set in two columns: the
    paragraph's last line in the left column goes on at the top of the right one), else None."""
    line = rows[index]
    first = index
    while first > 0 and _prose(rows[first - 1]) and _next_line(rows[first - 1], rows[first]):
        first -= 1
    reach = _PITCH * line.height
    right = [r for r in rows if _prose(r) and r.page == line.page and r.cells[0].x0 >= margin
             and rows[first].top - reach <= r.top < line.top]
    if not right:
        return None
    top = min(right, key=lambda r: r.top)
    return top if all(abs(r.cells[0].x0 - top.cells[0].x0) <= _EDGE * r.height for r in right) else None


def _carry(line: Row, following: Row) -> None:
    """Move the text after the last sentence end of ``line`` to the start of ``following`` (if there is any)."""
    cell, nxt = line.cells[0], following.cells[0]
    abbreviation = _abbreviation()
    ends = [m for m in _SENTENCE_END.finditer(cell.text) if not abbreviation.search(cell.text, 0, m.end())]
    if not ends or ends[-1].end() >= len(cell.text.rstrip()):
        return
    cut = ends[-1].end()
    head, tail = cell.text[:cut].rstrip(), cell.text[cut:].strip()
    space = "" if is_cjk(tail[-1:]) or is_cjk(nxt.text[:1]) else " "  # Chinese is written without spaces
    before, after = _glyphs_at(cell, cut)
    line.cells = [Cell(head, cell.x0, cell.x1, _lowest(before, cell.confidence), before)]
    following.cells = [Cell(tail + space + nxt.text, nxt.x0, nxt.x1, _lowest(after, nxt.confidence, nxt.glyphs),
                            after + nxt.glyphs)]


@lru_cache(maxsize=1)
def _abbreviation() -> re.Pattern[str]:
    """A full stop that ends an abbreviation, not a sentence (``abbreviations`` of catalogs/vocabulary.yaml)."""
    from checker.catalog.files import read_yaml

    words = sorted((str(w) for w in read_yaml("vocabulary.yaml")["abbreviations"]), key=len, reverse=True)
    return re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(w) for w in words) + r")\.\s*$", re.IGNORECASE)


def _glyphs_at(cell: Cell, cut: int) -> tuple[list[Glyph], list[Glyph]]:
    """The cell's words before and after position ``cut`` of its text (a word is placed by its text)."""
    before: list[Glyph] = []
    after: list[Glyph] = []
    pos = 0
    for glyph in cell.glyphs:
        at = cell.text.find(glyph.text.strip(), pos)
        (before if 0 <= at < cut else after).append(glyph)
        pos = max(pos, at + len(glyph.text.strip()))
    return before, after


def _lowest(glyphs: list[Glyph], default: float, more: list[Glyph] | None = None) -> float:
    scores = [g.confidence for g in [*glyphs, *(more or [])]]
    return min(scores) if scores else default


def _prose(row: Row) -> bool:
    return row.origin == "line" and len(row.cells) == 1 and not row.consumed


def _next_line(line: Row, following: Row) -> bool:
    height = max(line.height, following.height)
    return (line.page == following.page and 0 < following.top - line.top <= _PITCH * height
            and abs(line.cells[0].x0 - following.cells[0].x0) <= _EDGE * height)


def _right_margins(rows: list[Row]) -> list[tuple[float, float]]:
    """(left edge, furthest right end) of the prose lines of each left edge: a column of text's margins."""
    margins: list[tuple[float, float]] = []
    for row in rows:
        if not _prose(row):
            continue
        cell = row.cells[0]
        for i, (left, right) in enumerate(margins):
            if abs(left - cell.x0) <= _EDGE * row.height:
                margins[i] = (left, max(right, cell.x1))
                break
        else:
            margins.append((cell.x0, cell.x1))
    return margins


def _full(line: Row, following: Row, margin: float) -> bool:
    """True when the first word of ``following`` would not have fitted at the end of ``line``: the line was
    broken because it was full, not because its text ended there."""
    first = following.cells[0]
    if is_cjk(first.text[:1]):
        # one CJK character (the line breaks between any two), with the punctuation that may not begin a line
        # and so went down with it ("…为未检" ⏎ "出。")
        closing = len(first.text[1:]) - len(first.text[1:].lstrip(_NO_LINE_START))
        width = following.height * 0.8 * (1 + closing)
    elif first.glyphs:  # the first word: its glyphs up to the next space
        glyphs = [first.glyphs[0], *takewhile(lambda g: not g.space_before, first.glyphs[1:])]
        width = glyphs[-1].x1 - glyphs[0].x0
    else:
        word = first.text.split(" ", 1)[0]
        width = (first.x1 - first.x0) * len(word) / max(len(first.text), 1)
    return line.cells[0].x1 + 0.25 * line.height + width >= margin
