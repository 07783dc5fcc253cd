"""Cells the line reader merged across a table's columns, split where the table's other rows start a column.

The line reader splits a line into cells at gaps wider than its text height. Tables printed with little
padding (HTML tables printed by a browser, narrow grids) leave gaps narrower than that between columns, so
a header comes out as one cell ("Input power (W) Output power (W) Efficiency (%)"), and a long label takes
the next column's value with it ("Hexavalent chromium (Cr(VI)) 1000"). The rows around such a line show
where the columns start: a cell is split before a word that starts where at least two neighbouring rows
start a cell (or a word after such a gap), when the gap before that word is wider than a space between
words. Only left edges count (left-aligned columns, as most tables print text); a centred or right-aligned
column is left as it is.
"""

from __future__ import annotations

import re
from itertools import pairwise

from checker.inputs.documents.text import Cell, Glyph, Row, is_cjk, join_words

_WINDOW = 4  # rows either side that show the columns
_SUPPORT = 2  # rows starting a cell at an edge for it to be a column's edge
_GAP = 0.35  # × text height: a gap between columns, wider than a space between words (0.1–0.25)
_OCR_GAP = 0.3  # the same for OCR rows: their word boxes are taller than the text, so gaps are a smaller share
_WIDE_GAP = 1.0  # × text height: a gap no line of prose has (a column's edge may lie anywhere in it)
_TOLERANCE = 0.2  # × text height: how near an edge a word starts to start the column


def split_merged_cells(rows: list[Row]) -> list[Row]:
    """``rows`` with every cell that spans a column edge of its neighbouring rows split at that edge (in
    place: the same rows, new cells); rows with no neighbour of two cells or more are left as they are."""
    starts = [_starts(row) for row in rows]  # of every row as read, before any is split
    splittable = [row.origin == "line" and any(len(cell.glyphs) >= 2 for cell in row.cells) for row in rows]
    edges = [_left_edges(rows, starts, i) if splittable[i] else [] for i in range(len(rows))]
    for row, row_edges in zip(rows, edges, strict=True):
        if row_edges:
            tolerance = _TOLERANCE * row.height
            gap = (_OCR_GAP if row.ocr else _GAP) * row.height
            row.cells = [part for cell in row.cells for part in _split(cell, row_edges, row.height, tolerance, gap)]
    return rows


def _left_edges(rows: list[Row], starts: list[list[float]], index: int) -> list[float]:
    """Where columns start in at least :data:`_SUPPORT` of the table-like rows near row ``index`` (not
    counting the row itself): a row starts a column where a cell starts, or a word after a column gap
    (every row of a tight table may have merged the same two columns). ``starts`` holds each row's starts.
    Only edges that could cut the row are counted: near a word of it after a gap (:func:`_split`)."""
    row = rows[index]
    tolerance = _TOLERANCE * row.height
    min_gap = (_OCR_GAP if row.ocr else _GAP) * row.height  # as split_merged_cells cuts
    gaps = [(before.x1, word.x0) for cell in row.cells for before, word in pairwise(cell.glyphs)
            if word.x0 - before.x1 >= min_gap]
    if not gaps:
        return []
    window = [*range(max(0, index - _WINDOW), index), *range(index + 1, min(len(rows), index + 1 + _WINDOW))]
    near = [starts[i] for i in window if rows[i].page == row.page and len(starts[i]) >= 2]
    candidates = sorted({x for starts in near for x in starts})
    return [edge for edge in candidates if _may_cut(edge, gaps, row.height, tolerance)
            and sum(any(abs(x - edge) <= tolerance for x in starts) for starts in near) >= _SUPPORT]


def _may_cut(edge: float, gaps: list[tuple[float, float]], height: float, tolerance: float) -> bool:
    """True when :func:`_split` could cut a cell at ``edge``: a word after a gap starts there, or the edge lies in
    a gap as wide as the text is high."""
    return any(abs(start - edge) <= tolerance or (start - end >= _WIDE_GAP * height and end < edge <= start + tolerance)
               for end, start in gaps)


def _starts(row: Row) -> list[float]:
    """Where the row's cells start, and the words inside a cell that follow a gap wider than a word space."""
    starts = []
    for cell in row.cells:
        starts.append(cell.x0)
        starts.extend(word.x0 for before, word in pairwise(cell.glyphs)
                      if word.x0 - before.x1 >= _GAP * row.height)
    return starts


def _split(cell: Cell, edges: list[float], height: float, tolerance: float, min_gap: float) -> list[Cell]:
    """``cell`` cut before each word that starts at an edge after a gap wider than a word space, and in each
    gap as wide as the text is high that an edge lies in (a scan's columns start a few pixels off the edge)."""
    words = cell.glyphs
    if len(words) < 2:
        return [cell]
    parts: list[list[Glyph]] = [[words[0]]]
    for before, word in pairwise(words):
        gap = word.x0 - before.x1
        at_edge = gap >= min_gap and any(abs(word.x0 - edge) <= tolerance for edge in edges)
        in_gap = gap >= _WIDE_GAP * height and any(before.x1 < edge <= word.x0 + tolerance for edge in edges)
        if (at_edge or in_gap) and not _unit_of_number(before, word):
            parts.append([word])
        else:
            parts[-1].append(word)
    if len(parts) == 1:
        return [cell]
    return [Cell(join_words(part).strip(), part[0].x0, max(g.x1 for g in part),
                 min(g.confidence for g in part), part) for part in parts]


def _unit_of_number(before: Glyph, word: Glyph) -> bool:
    """True when ``word`` is the unit of the number ``before`` ("18 | Gbps", "220 | W" of a font that sets its
    spaces wide, in line with another row's column), or the next factor of a size ("430 x 300 x | 44 mm"): a number
    and its unit are one cell, never two columns."""
    if before.text.rstrip()[-1:] in ("x", "X", "×", "*") and word.text[:1].isdigit():
        return True
    if not before.text.rstrip()[-1:].isdigit():
        return False
    from checker.inputs.documents.numbers import UNKNOWN_UNIT, fold_key, match_unit

    found = match_unit(fold_key(word.text), 0)
    return found is not None and not found[0].startswith(UNKNOWN_UNIT)


_BAND = 0.75  # × text height: lines closer than this are the wrapped lines of one table row (a line pitch is ≥ 1.1)
_SAME_SIZE = 0.25  # a subscript or superscript line (smaller text) is not a wrapped line


def merge_wrapped_lines(rows: list[Row]) -> list[Row]:
    """``rows`` with the lines of one table row put back together: where a cell's text wraps over two lines and
    the row's other cells are centred on it ("Output power" above and "(W)" below "Load | Input power (W) |
    Efficiency (%)"), the three lines lie closer than a line pitch. Their cells are joined column by column
    (cells that overlap across the lines are one cell, read top to bottom)."""
    out: list[Row] = []
    line: Row | None = None  # the last line as printed (before joining)
    for row in rows:
        if out and line is not None and _same_band(line, row):
            out[-1] = _joined(out[-1], row)
        else:
            out.append(row)
        line = row
    return out


def _same_band(above: Row, below: Row) -> bool:
    height = min(above.height, below.height)
    return (above.page == below.page and above.origin == below.origin == "line" and not above.consumed
            and not below.consumed and 0 <= below.top - above.top < _BAND * height
            and abs(above.height - below.height) <= _SAME_SIZE * max(above.height, below.height))


def _joined(above: Row, below: Row) -> Row:
    """One row of the cells of ``above`` and ``below``: cells that overlap are one cell, ``above`` first."""
    above_cells = [part for cell in above.cells for part in _split_over(cell, below.cells)]
    below_cells = [part for cell in below.cells for part in _split_over(cell, above.cells)]
    cells = sorted([(cell.x0, 0, cell) for cell in above_cells] + [(cell.x0, 1, cell) for cell in below_cells],
                   key=lambda item: item[0])
    groups: list[list[tuple[float, int, Cell]]] = []
    for item in cells:
        if groups and item[0] < max(c.x1 for _, _, c in groups[-1]):
            groups[-1].append(item)
        else:
            groups.append([item])
    joined = [_one_cell([cell for _, _, cell in sorted(group, key=lambda item: (item[1], item[0]))])
              for group in groups]
    return Row(joined, above.page, ocr=above.ocr or below.ocr, origin=above.origin, top=above.top,
               height=max(above.height, below.height))


def _split_over(cell: Cell, others: list[Cell]) -> list[Cell]:
    """``cell`` cut into the parts that lie under (or over) different cells of the other line: a header's
    wrapped second line read as one cell across its columns ("(mg/kg)  (mg/kg)  (mg/kg)" under "Limit | MDL |
    Result", as OCR returns a line of words). Each word goes with the cell it overlaps most; the cut is made
    only between whole words with a gap between them, and only when the words stay in the cells' order."""
    if len(cell.glyphs) < 2:
        return [cell]
    spanned = [i for i, other in enumerate(others) if min(cell.x1, other.x1) > max(cell.x0, other.x0)]
    if len(spanned) < 2:
        return [cell]
    owners = [_most_overlapped(glyph, others, spanned) for glyph in cell.glyphs]
    if owners != sorted(owners) or len(set(owners)) < 2:
        return [cell]
    parts: list[list[Glyph]] = [[cell.glyphs[0]]]
    for (before, word), (owner_before, owner) in zip(pairwise(cell.glyphs), pairwise(owners), strict=True):
        if owner != owner_before:
            if word.x0 <= before.x1:
                return [cell]
            parts.append([word])
        else:
            parts[-1].append(word)
    return [Cell(join_words(part).strip(), part[0].x0, max(g.x1 for g in part), min(g.confidence for g in part),
                 part) for part in parts]


def _most_overlapped(glyph: Glyph, others: list[Cell], indices: list[int]) -> int:
    """The index (of ``indices``) of the cell of ``others`` that ``glyph`` overlaps most."""
    return max(indices, key=lambda i: min(glyph.x1, others[i].x1) - max(glyph.x0, others[i].x0))


def _one_cell(cells: list[Cell]) -> Cell:
    if len(cells) == 1:
        return cells[0]
    text = cells[0].text
    for cell in cells[1:]:
        cjk = is_cjk(text[-1:]) and is_cjk(cell.text[:1])
        text += ("" if cjk else " ") + cell.text
    return Cell(text, min(c.x0 for c in cells), max(c.x1 for c in cells), min(c.confidence for c in cells),
                [g for c in cells for g in c.glyphs])


_FRAGMENT_PITCH = 0.8  # × the table's row pitch: a line this close to a row is a wrapped line of one of its cells


def attach_wrapped_fragments(rows: list[Row]) -> list[Row]:
    """``rows`` with the lines of a cell wrapped over three lines or more put back in their row: a line of one
    cell ("Hexavalent", "(Cr(VI))") that lies over one cell of the nearest table row ("chromium | 1000 | 2 |
    58.9"), closer to it than the table's rows are to each other, is part of that cell (read top to bottom).
    Only lines of words: a line holding a number stays a line of its own."""
    pitch = _row_pitch(rows)
    if pitch is None:
        return rows
    out = list(rows)
    for row in rows:
        if len(row.cells) != 1 or row.origin != "line" or row.consumed or re.search(r"\d", row.cells[0].text):
            continue  # a line with a number ("Note 1", "Table 2") is never made part of a cell
        target = _nearest_row(out, row, _FRAGMENT_PITCH * pitch)
        if target is not None and _join_into(target, row.cells[0], above=row.top < target.top):
            out.remove(row)
    return out


def _join_into(target: Row, line: Cell, *, above: bool) -> bool:
    """Join ``line`` to the one cell of ``target`` it lies over (before it when ``above``); False when it lies
    over none or over several (a line across the table is not part of a cell)."""
    over = [i for i, cell in enumerate(target.cells) if min(cell.x1, line.x1) > max(cell.x0, line.x0)]
    if len(over) != 1:
        return False
    i = over[0]
    parts = [line, target.cells[i]] if above else [target.cells[i], line]
    target.cells = [*target.cells[:i], _one_cell(parts), *target.cells[i + 1:]]
    return True


def _row_pitch(rows: list[Row]) -> float | None:
    """The median distance between consecutive table rows (two cells or more) of a page, None without two."""
    table = [r for r in rows if len(r.cells) >= 2 and r.origin == "line"]
    gaps = sorted(b.top - a.top for a, b in pairwise(table)
                  if a.page == b.page and 0 < b.top - a.top < 3 * max(a.height, b.height))
    return gaps[len(gaps) // 2] if len(gaps) >= 2 else None


def _nearest_row(rows: list[Row], row: Row, reach: float) -> Row | None:
    """The table row (two cells or more) nearest ``row`` vertically, within ``reach``; None when there is none
    or when a row of one cell lies nearer (the line belongs to text, not to the table)."""
    near = [r for r in rows if r is not row and r.page == row.page and abs(r.top - row.top) < reach
            and abs(r.height - row.height) <= _SAME_SIZE * max(r.height, row.height)]
    if not near:
        return None
    best = min(near, key=lambda r: abs(r.top - row.top))
    return best if len(best.cells) >= 2 else None
