"""§4 product objects as JSON text built a block of rows at a time, column by column (issue 17 item 2).

Byte for byte what serialising :meth:`checker.engine.explain.Explainer.product` gives (:mod:`checker.outputs.jsonl`
does that for the rows this module leaves to it), without a Python object per product or per clause:

* a clause result that reads no cell of the batch depends only on its status, reason, value and limit
  (:class:`~checker.engine.explain.Explainer`): a run of such clauses is made once per distinct combination
  on the block and taken per row (one text for the block where, as usual, every row has the same);
* a plain measured clause with a reading (reason ``NONE``) depends only on its status, value and limit, and its
  one evidence item, a catalog cell ("row 7: psu_efficiency_50 = 93.8"): the text is made once per distinct
  three, split at the evidence text, and the cells' texts (escaped as JSON by Arrow, the rare cell that needs
  escaping by pydantic) are put between;
* anything else (a blank or junk cell, a bound, a note, evidence from documents) is :func:`clause_dict` for that
  row, serialised alone; a product whose text cannot be encoded (a name that is not UTF-8) is left whole to
  the caller, which writes it as before (escaped).

The product around its clauses is a template per list of clauses and sources. Arrow's string kernels join the
pieces, so a block of products is one buffer of UTF-8 bytes.
"""

from __future__ import annotations

import uuid
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pydantic_core import to_json

from checker.engine.evaluate import FAIL, MISSING, VERDICTS, ClauseColumn, Reason, verdict_index
from checker.engine.explain import Explainer, clause_dict
from checker.engine.frame import HI, LO, StackedEvidence
from checker.inputs.product_tables import TableEvidence
from checker.inputs.table_files import arrow_text
from checker.outputs.joining import Taken, coalesced

BLOCK = 8192  # products built at a time: about 45 MB of text (2 048 took 45 % more CPU at 1M rows; 32 768 no less)
_NEEDS_ESCAPE = r'[\x00-\x1f"\\]'  # what JSON escapes in a string (pydantic writes the rest as it is)

_UNKNOWN = ("", "")  # a template not made yet
Rows = npt.NDArray[np.intp]
Group = tuple[tuple[int, ...], tuple[str, ...]]  # the clause columns concerned, the sources


class Unencodable(Exception):
    """A text that JSON cannot hold as it is (a surrogate escape): the product is left to the caller."""


class ProductColumns:
    """The §4 product objects of a batch as JSON text (the product's own fields in pydantic's layout, ``indent``,
    each clause result compact on a line of its own, each line after the first led by ``margin``), each between
    ``before`` and ``after``, a block of rows at a time."""

    def __init__(self, explainer: Explainer, indent: int | None, margin: str = "", before: str = "",
                 after: str = "") -> None:
        self.explainer = explainer
        self.cells = explainer.cells
        self.indent = indent
        self.margin = margin
        self.before = before
        self.after = after
        self.mark = f"@{uuid.uuid4().hex}@"  # a random nonce: no input text can hold it
        self._texts: dict[tuple[Any, ...], str] = {}
        self._split: dict[tuple[Any, ...], tuple[str, str] | None] = {}
        self._products: dict[tuple[Any, ...], list[str] | None] = {}
        self._numbers: dict[int, npt.NDArray[np.int64]] = {}
        self._float_columns: dict[str, npt.NDArray[np.float64]] = {}
        self._raw: dict[tuple[int, str], pa.Array | npt.NDArray[np.object_]] = {}
        self._plain_cells: dict[tuple[int, str], bool] = {}
        self._concern: dict[str, tuple[tuple[int, ...], list[ClauseColumn]]] = {}

    @staticmethod
    def usable(explainer: Explainer) -> bool:
        """Whether the batch's cells are read by position (the frame of every batch the checker builds)."""
        return bool(explainer.cells._positional)

    def block(self, rows: range) -> tuple[pa.Array, list[int]]:
        """The products of ``rows`` as text, in order, and the positions (in ``rows``) left to the caller."""
        frame = self.cells.batch.frame
        local = np.arange(len(rows), dtype=np.intp) + rows.start
        slow = np.zeros(len(rows), dtype=bool)
        categories = _cell_strings(frame["category"], local)
        ids = _escaped_strings(_cell_strings(frame["id"], local), slow)
        shown = _escaped_strings(categories, slow)
        group, keys = self._groups(categories, self.cells.batch.sources[rows.start:rows.stop])
        if len(keys) == 1:
            key = next(iter(keys))
            texts = self._group(key, categories[0], local, ids, shown, slow)
            return texts, np.flatnonzero(slow).tolist()
        order = np.argsort(group, kind="stable")
        parts: list[pa.Array] = []
        names = list(keys)
        for members in np.split(order, np.flatnonzero(np.diff(group[order])) + 1):
            chosen = pa.array(members)
            part_slow = slow[members]
            parts.append(self._group(names[int(group[members[0]])], categories[int(members[0])], local[members],
                                     ids.take(chosen), shown.take(chosen), part_slow))
            slow[members] = part_slow
        back = np.empty(len(rows), dtype=np.intp)
        back[order] = np.arange(len(rows), dtype=np.intp)
        return pa.concat_arrays(parts).take(pa.array(back)), np.flatnonzero(slow).tolist()

    def _groups(self, categories: list[str], sources: list[list[str]]) -> tuple[npt.NDArray[np.intp], dict[Group, int]]:
        """Per row, the number of its group (clauses concerned, sources), and the groups."""
        category_codes, distinct_categories = pd.factorize(np.asarray(categories, dtype=object))
        source_codes, objects = pd.factorize(np.fromiter(map(id, sources), dtype=np.int64, count=len(sources)))
        first = _first_of(source_codes, len(objects))
        source_keys = [tuple(sources[at]) for at in first.tolist()]
        keys: dict[Group, int] = {}
        pairs = category_codes.astype(np.int64) * len(objects) + source_codes
        distinct_pairs, group = np.unique(pairs, return_inverse=True)
        numbers = [keys.setdefault((self._columns(str(distinct_categories[pair // len(objects)]))[0],
                                    source_keys[pair % len(objects)]), len(keys)) for pair in distinct_pairs.tolist()]
        return np.asarray(numbers, dtype=np.intp)[group.reshape(-1)], keys

    def _columns(self, category: str) -> tuple[tuple[int, ...], list[ClauseColumn]]:
        """The clause columns that concern ``category``, and their identity."""
        found = self._concern.get(category)
        if found is None:
            columns = self.explainer.concern(category)
            found = self._concern[category] = (tuple(id(c) for c in columns), columns)
        return found

    def _group(self, key: Group, category: str, rows: Rows, ids: pa.Array, shown: pa.Array,
               slow: npt.NDArray[np.bool_]) -> pa.Array:
        """Products with one list of clauses and of sources (``category`` one of theirs); a product that must
        be left to the caller is marked in ``slow``."""
        columns = self._columns(category)[1]
        pieces = self._product_pieces(key[1])
        if pieces is None or not columns:
            slow[:] = True
            return pa.array([""] * len(rows), pa.string())
        any_fail = np.zeros(len(rows), dtype=bool)
        any_missing = np.zeros(len(rows), dtype=bool)
        for col in columns:
            status = col.status[rows]
            any_fail |= status == FAIL
            any_missing |= status == MISSING
        verdicts = pa.array(VERDICTS, pa.string()).take(pa.array(verdict_index(any_fail, any_missing)))
        args: list[Any] = [self.before + pieces[0], ids, pieces[1], shown, pieces[2], verdicts, pieces[3]]
        separator = pieces[4]
        for number, (fixed, run) in enumerate(self._runs(columns)):
            if number:
                args.append(separator)
            if fixed:
                args.append(self._fixed(run, rows, separator))
                continue
            for place, col in enumerate(run):
                if place:
                    args.append(separator)
                args.extend(self._column(col, rows, slow))
        args.append(pieces[5] + self.after)
        return pc.binary_join_element_wise(*coalesced(args), "")

    def _runs(self, columns: list[ClauseColumn]) -> list[tuple[bool, list[ClauseColumn]]]:
        """The columns in runs of clauses that read no cell (True) and of the others (False)."""
        runs: list[tuple[bool, list[ClauseColumn]]] = []
        explainer = self.explainer
        for col in columns:
            fixed = id(col) in explainer._fixed and id(col) not in explainer._evidenced
            if runs and runs[-1][0] == fixed:
                runs[-1][1].append(col)
            else:
                runs.append((fixed, [col]))
        return runs

    def _product_pieces(self, sources: tuple[str, ...]) -> list[str] | None:
        """The text of a product with these sources around its id, category, verdict and clauses: before the
        id, after it, after the category, between verdict and the first clause, between clauses, after the last
        (None if the sources cannot be encoded)."""
        if sources not in self._products:
            mark = self.mark
            product = {"id": mark, "category": mark, "sources": list(sources), "verdict": mark,
                       "clauses": [mark, mark]}
            try:
                text = to_json(product, indent=self.indent).decode("utf-8")
            except (ValueError, UnicodeError):
                self._products[sources] = None
                return None
            text = text.replace("\n", "\n" + self.margin) if self.margin else text
            before, after_id, after_category, first, separator, after = text.split(mark)
            self._products[sources] = [before, after_id, after_category, first[:-1], separator[1:-1], after[1:]]
        return self._products[sources]

    def _fixed(self, run: list[ClauseColumn], rows: Rows, separator: str) -> Taken | str:
        """A run of clauses that read no cell: one text per distinct status, reason, value and limit of each,
        joined by ``separator``; a plain string where every row has the same."""
        codes = np.zeros(len(rows), dtype=np.int64)
        for col in run:
            for part in _key_parts(col, rows):
                if part[0] != part[-1] or part.min() != part.max():
                    found, distinct = pd.factorize(part)
                    codes = pd.factorize(codes * len(distinct) + found)[0]
        count = int(codes.max()) + 1 if len(codes) else 0
        first = _first_of(codes, count)
        texts = [separator.join(self._fixed_text(col, int(rows[at])) for col in run) for at in first.tolist()]
        if count == 1:
            return texts[0]
        return Taken(texts, codes)

    def _fixed_text(self, col: ClauseColumn, row: int) -> str:
        key = (id(col), *(int(part[0]) for part in _key_parts(col, np.array([row]))))
        text = self._texts.get(key)
        if text is None:
            text = self._texts[key] = self._text(clause_dict(col, self.cells, self.explainer.catalog, row),
                                                 fallback=True)
        return text

    def _column(self, col: ClauseColumn, rows: Rows, slow: npt.NDArray[np.bool_]) -> list[pa.Array | Taken]:
        """One clause's text for each of ``rows``, as arrays to join; a row whose text cannot be encoded is
        marked in ``slow``."""
        if id(col) in self.explainer._plain:
            return self._measured(col, rows, slow)
        return [self._each(col, rows, np.ones(len(rows), dtype=bool), slow)]

    def _measured(self, col: ClauseColumn, rows: Rows, slow: npt.NDArray[np.bool_]) -> list[pa.Array | Taken]:
        """A plain measured clause: rows with a reading, or with none and no bound, from a template per status,
        reason, value and limit around the evidence text (the others one by one, whole in the first of the
        three arrays)."""
        name = col.clause.quantity or ""
        reason, value = col.reason[rows], col.value[rows]
        fast = ((reason == Reason.NONE) & ~np.isnan(value)) | ((reason == Reason.VALUE_MISSING)
                                                              & self._unbounded(name, rows))
        cells = self._cell_texts(name, rows) if fast.any() else None
        if cells is None:
            return [self._each(col, rows, np.ones(len(rows), dtype=bool), slow)]
        numbers, raw, escaped, written, source = cells
        parts = (col.status[rows].astype(np.int64), reason.astype(np.int64), _bits(value), _bits(col.limit[rows]))
        codes = np.zeros(len(rows), dtype=np.int64)
        for part in parts:
            found, distinct = pd.factorize(part)
            codes = pd.factorize(codes * len(distinct) + found)[0]
        codes[~fast] = -1
        where, kinds = pd.factorize(codes)
        first = _first_of(where, len(kinds))
        befores: list[str] = []
        afters: list[str] = []
        known = np.stack(parts, axis=1)[first].tolist()
        for kind, at, values in zip(kinds.tolist(), first.tolist(), known, strict=True):
            split = None
            if kind >= 0:
                key = (id(col), source, *values)
                split = self._split.get(key, _UNKNOWN)
                if split is _UNKNOWN:
                    plain = f"row {numbers[at]}: {written} = {raw[at].as_py()}"
                    split = self._template(col, int(rows[at]), plain, key)
                if split is None:
                    fast[codes == kind] = False
            befores.append(split[0] if split else "")
            afters.append(split[1] if split else "")
        if not fast.all():  # the others whole among the texts taken, each its own (no copy of every row's text)
            alone = np.flatnonzero(~fast)
            where = where.copy()
            where[alone] = np.arange(len(befores), len(befores) + len(alone))
            befores.extend(self._each_texts(col, rows, alone, slow))
            afters.extend([""] * len(alone))
            escaped = pc.if_else(pa.array(fast), escaped, "")
        return [Taken(befores, where), escaped, Taken(afters, where)]

    def _unbounded(self, name: str, rows: Rows) -> npt.NDArray[np.bool_]:
        """Rows with no bound of ``name`` (a missing value then shows no value)."""
        free = np.ones(len(rows), dtype=bool)
        for bound in (name + LO, name + HI):
            if bound in self.cells.names:
                free &= np.isnan(self._floats(bound)[rows])
        return free

    def _floats(self, name: str) -> npt.NDArray[np.float64]:
        found = self._float_columns.get(name)
        if found is None:
            found = self._float_columns[name] = self.cells.batch.frame[name].to_numpy(dtype=float, na_value=np.nan)
        return found

    def _template(self, col: ClauseColumn, row: int, cell_text: str, key: tuple[Any, ...]) -> tuple[str, str] | None:
        """The text of a plain clause result of this status, value and limit, split where its evidence text
        goes (None if ``row``'s result is not one evidence item with that text: then no template)."""
        if key not in self._split:
            found = clause_dict(col, self.cells, self.explainer.catalog, row)
            evidence = found["evidence"]
            if len(evidence) != 1 or evidence[0]["text"] != cell_text:
                self._split[key] = None
                return None
            try:
                text = self._text({**found, "evidence": [{**evidence[0], "text": self.mark}]})
            except Unencodable:
                self._split[key] = None
                return None
            before, after = text.split(self.mark)
            self._split[key] = (before, after)
        return self._split[key]

    def _each(self, col: ClauseColumn, rows: Rows, chosen: npt.NDArray[np.bool_],
              slow: npt.NDArray[np.bool_]) -> pa.Array:
        """The ``chosen`` rows' texts one by one (:func:`clause_dict`), the others empty."""
        texts: list[str] = [""] * len(rows)
        at = np.flatnonzero(chosen)
        for place, text in zip(at.tolist(), self._each_texts(col, rows, at, slow), strict=True):
            texts[place] = text
        return pa.array(texts, pa.string())

    def _each_texts(self, col: ClauseColumn, rows: Rows, at: Rows, slow: npt.NDArray[np.bool_]) -> list[str]:
        """The texts of the rows at positions ``at`` one by one (:func:`clause_dict`); one that cannot be encoded
        is marked in ``slow`` (and left empty)."""
        texts: list[str] = []
        for place in at.tolist():
            try:
                texts.append(self._text(clause_dict(col, self.cells, self.explainer.catalog, int(rows[place]))))
            except Unencodable:
                slow[place] = True
                texts.append("")
        return texts

    def _text(self, clause: dict[str, Any], fallback: bool = False) -> str:
        """A clause object as it stands in a product, on one line; :class:`Unencodable` if JSON cannot hold its
        text (``fallback``: written escaped, as the caller writes a clause object shared by products)."""
        try:
            return to_json(clause).decode("utf-8")
        except (ValueError, UnicodeError):
            if not fallback:
                raise Unencodable from None
            from checker.outputs.jsonl import _safe_json

            return _safe_json(clause, None)

    def _cell_texts(self, name: str, rows: Rows) -> tuple[npt.NDArray[np.int64], pa.Array, pa.Array, str, int] | None:
        """The evidence of ``name`` on each row as the catalog gives it ("row 7: header = cell"): the row numbers,
        the cells, the whole text escaped for JSON, the header, and which table; None where the evidence is not
        one catalog cell."""
        found = table_part(self.cells.batch.evidence, rows)
        if found is None:
            return None
        table, local = found
        labels = table.headers.get(name, [])
        if len(labels) != 1:
            return None
        written = table.written.get(labels[0], labels[0])
        try:
            escaped_written = to_json(written).decode("utf-8")[1:-1]
            cells = self._table_cells(table, labels[0], local)
        except (ValueError, UnicodeError):
            return None
        numbers = self._row_numbers(table)[local] if table.row_numbers else local + table.first_row
        plain = self._plain_cells.get((id(table), labels[0]), False)
        escaped = pc.binary_join_element_wise("row ", pa.array(numbers).cast(pa.string()), f": {escaped_written} = ",
                                              cells if plain else _escaped(cells), "")
        return numbers, cells, escaped, written, id(table)

    def _table_cells(self, table: TableEvidence, label: str, rows: Rows) -> pa.Array:
        """The raw cells as :meth:`TableEvidence.get` spells them (a missing cell as ``<NA>``); each column taken
        out of the table once."""
        key = (id(table), label)
        column = self._raw.get(key)
        if column is None:
            arrow = table.column_text(label)
            if arrow is not None:
                combined = arrow.combine_chunks() if isinstance(arrow, pa.ChunkedArray) else arrow
                column = self._raw[key] = pc.fill_null(combined.cast(pa.string()), "<NA>")
                # no cell of the column needs a JSON escape (as usual): no block is searched for one
                self._plain_cells[key] = not pc.any(pc.match_substring_regex(column, _NEEDS_ESCAPE)).as_py()
            else:
                column = self._raw[key] = np.asarray(table.column(label).array, dtype=object)
        if isinstance(column, pa.Array):
            return column.take(pa.array(rows))
        return pa.array([f"{'<NA>' if value is None else value}" for value in column[rows]], pa.string())

    def _row_numbers(self, table: TableEvidence) -> npt.NDArray[np.int64]:
        found = self._numbers.get(id(table))
        if found is None:
            found = self._numbers[id(table)] = np.asarray(table.row_numbers, dtype=np.int64)
        return found


def _key_parts(col: ClauseColumn, rows: Rows) -> tuple[npt.NDArray[np.int64], ...]:
    """What a clause that reads no cell depends on, per row: status, reason, value and limit."""
    return (col.status[rows].astype(np.int64), col.reason[rows].astype(np.int64), _bits(col.value[rows]),
            _bits(col.limit[rows]))


def table_part(store: Any, rows: Rows) -> tuple[TableEvidence, Rows] | None:
    """The catalog table that holds the evidence of all of ``rows`` (with their rows in it), or None."""
    if isinstance(store, TableEvidence):
        return store, rows
    if isinstance(store, StackedEvidence) and len(rows):
        for offset, part in reversed(store.parts):
            if rows.min() >= offset:
                later = [o for o, _ in store.parts if o > offset]
                if later and rows.max() >= min(later):
                    return None
                return table_part(part, rows - offset)
    return None


def _first_of(codes: npt.NDArray[np.intp], count: int) -> npt.NDArray[np.intp]:
    """The first position of each of ``count`` codes in ``codes``."""
    first = np.zeros(count, dtype=np.intp)
    first[codes[::-1]] = np.arange(len(codes) - 1, -1, -1)
    return first


def _bits(values: npt.NDArray[np.float64]) -> npt.NDArray[np.int64]:
    """Float values as comparable integers, every NaN alike (a key for :func:`pandas.factorize`)."""
    return np.where(np.isnan(values), np.nan, values).view(np.int64)


def _cell_strings(series: pd.Series, rows: Rows) -> list[str]:
    """A frame column's cells on ``rows`` as :meth:`Cells.at` gives them, spelled by :func:`str`."""
    arrow = arrow_text(series)
    if arrow is not None:
        return ["<NA>" if value is None else value for value in arrow.take(pa.array(rows)).to_pylist()]
    plain = isinstance(series.dtype, np.dtype) and series.dtype.kind in "fiubO"
    values = series.to_numpy()[rows] if plain else series.array[rows]
    return [value if isinstance(value, str) else str(value) for value in values]


def _escaped(cells: pa.Array) -> pa.Array:
    """Text as it stands between a JSON string's quotes (pydantic's escapes, for the few cells that need one)."""
    needs = pc.match_substring_regex(cells, _NEEDS_ESCAPE)
    if not pc.any(needs).as_py():
        return cells
    chosen = np.flatnonzero(needs.to_numpy(zero_copy_only=False))
    values = cells.take(pa.array(chosen)).to_pylist()
    return pc.replace_with_mask(cells, needs, pa.array([to_json(v).decode("utf-8")[1:-1] for v in values],
                                                       pa.string()))


def _escaped_strings(values: list[str], slow: npt.NDArray[np.bool_]) -> pa.Array:
    """Python strings escaped for JSON; one that cannot be encoded is marked in ``slow`` (and left blank)."""
    try:
        return _escaped(pa.array(values, pa.string()))
    except (ValueError, UnicodeError):
        kept = []
        for at, value in enumerate(values):
            try:
                kept.append(to_json(value).decode("utf-8")[1:-1])
            except (ValueError, UnicodeError):
                slow[at] = True
                kept.append("")
        return pa.array(kept, pa.string())
