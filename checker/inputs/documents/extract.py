"""Facts from rows: key/value lines, spec tables, load tables (loads as rows or as columns),
values spread over rows, and prose ("50%负载时电源效率94.5%").

A block of rows (a page's lines or a table) is read top to bottom. A header row (≥ 2 cells
naming loads, quantities or result/limit columns) sets the meaning of the columns below it;
a label row without values sets the quantity of the rows that follow; otherwise each clause of
a row pairs its values with the nearest label and load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import cast

from checker.inputs.documents.candidates import Candidate, Emitter, kind_ok
from checker.inputs.documents.declarations import NOTE as DECLARATION
from checker.inputs.documents.detect import battery_heading, labelled_model
from checker.inputs.documents.detection import below
from checker.inputs.documents.headers import (
    OVERLAP,
    Column,
    HeaderReader,
    concentration,
    limit_column,
    merged_header,
    names,
)
from checker.inputs.documents.load_lists import frame_lists, load_lists
from checker.inputs.documents.numbers import Value, fold_key
from checker.inputs.documents.periods import ValidityTerm, period_candidates, validity_candidates
from checker.inputs.documents.rowparse import LOAD_LEVELS, Parsed, cell_excluded, parse_row
from checker.inputs.documents.shaped_rows import dimension_candidates, enum_candidates, flag_text_candidates
from checker.inputs.documents.text import Cell, Row
from checker.inputs.documents.unit_statements import UNIT_ASSUMED
from checker.inputs.documents.vocabulary import Hit, LabelRule, Vocabulary
from checker.inputs.products import same_name
from checker.models import DOUBT_PREFIXES, Fact
from checker.units import is_unit

_CONTEXT_ROWS = 4
_LOOKAHEAD = 3  # rows after a header-like row that show its columns


@dataclass
class _BlockState:
    """What the rows read so far say about the next: the column header, the label of a value-less row
    above (``context``, for a few rows), a unit printed in such a label, the models side by side."""

    header: list[Column] | None = None
    header_rule: LabelRule | None = None
    misses: int = 0  # rows in a row that did not align with the header
    context: tuple[LabelRule, int | None] | None = None
    context_age: int = 0
    pending_unit: str | None = None
    side_by_side: list[Cell] = field(default_factory=list)  # the model cells of a "Model | A | B" header
    wrapped: tuple[LabelRule, int | None] | None = None  # a prose line ending on a label without its value
    header_fresh: bool = False  # no row of values since the header: a next header row continues it
    following: list[Row] = field(default_factory=list)  # the next rows of the block (a new table's columns)
    detection_limits: dict[str, tuple[float, str]] = field(default_factory=dict)  # a substance column's MDL row
    non_detects: list[Candidate] = field(default_factory=list)  # the non-detects read under the header


class Extractor:
    """Reads blocks of rows of one document into candidates."""

    def __init__(self, vocab: Vocabulary, source: str, category: str | None) -> None:
        self.vocab = vocab
        self.category = category
        self.emitter = Emitter(vocab, source, category)
        self.headers = HeaderReader(vocab)
        self.unresolved = 0  # rows of the last block with a label and numbers but no candidate
        self.unread: list[str] = []  # sentences left unread on purpose (warnings of the document)
        self.models: list[str] = []  # the models the document's lines name, in reading order (the first is its own)
        self.validity = ValidityTerm(vocab.validity_terms)  # a validity printed as a term from the issue date
        self.battery_part: str | None = None  # the heading of the battery's part of the document the rows are under

    def block(self, rows: list[Row]) -> list[Candidate]:
        """Candidates from ``rows`` (in reading order)."""
        out: list[Candidate] = []
        self.unresolved = 0
        state = _BlockState()
        for i, row in enumerate(rows):
            if row.consumed or not row.cells:
                continue
            state.following = rows[i + 1:i + 1 + _LOOKAHEAD]
            named = labelled_model(self.vocab, row)
            if named is not None:
                self.models.append(named)
            heading = battery_heading(self.vocab, row)
            if heading is not None:
                self.battery_part = row.text.strip() if heading else ""
            start = len(out)
            parsed = parse_row(self.vocab, row, self.category)
            out.extend(enum_candidates(self.vocab, parsed, self.category, self.emitter))
            out.extend(flag_text_candidates(self.vocab, parsed, self.emitter))
            out.extend(period_candidates(self.vocab, parsed, self.category, self.emitter))
            out.extend(validity_candidates(parsed, self.emitter))
            self.validity.read(parsed)
            dims = dimension_candidates(self.vocab, parsed, self.category, self.emitter)
            if dims is not None:
                out.extend(dims)
            elif not self._sets_the_table(parsed, state, out):
                out.extend(self._row(parsed, state))
            other = self.models[-1] if self.models and not same_name(self.models[-1], self.models[0]) else \
                _sibling_in_first_cell(row, self.models[0]) if self.models else None
            if other is not None:
                for cand in out[start:]:
                    cand.fact = _of_another_model(cand.fact, other, self.models[0])
            for cand in out[start:]:
                cand.part = self.battery_part
        return out

    def _sets_the_table(self, parsed: Parsed, state: _BlockState, out: list[Candidate]) -> bool:
        """True when ``parsed`` is a header row (of models side by side, or of columns) or a row under models
        side by side: the state is updated (and that row's unreadable facts added to ``out``)."""
        models = _model_columns(self.vocab, parsed)
        if models is not None:
            state.side_by_side, state.header, state.context = models, None, None
            return True
        if state.side_by_side and parsed.hits:
            shared = self._side_by_side(parsed, state.side_by_side)
            if shared is not None:
                out.extend(shared)
                return True
        columns = self.headers.read(parsed)
        if columns is None:
            return False
        if state.header is not None and state.header_fresh:  # a header printed over two lines (cells centred)
            columns = merged_header(state.header, columns) or columns
        state.side_by_side, state.detection_limits, state.non_detects = [], {}, []
        state.header, state.misses, state.header_fresh = columns, 0, True
        first = parsed.hits[0] if parsed.hits and parsed.cell_of(parsed.hits[0].start) == 0 else None
        state.header_rule = first.rule if first and not columns[0].meaningful else None
        state.context = None
        return True

    def _row(self, parsed: Parsed, state: _BlockState) -> list[Candidate]:
        """The candidates of a row of values: under the header when it aligns, else clause by clause; a
        label row without values sets the quantity (and unit) of the rows that follow."""
        numbers = [v for v in parsed.readings() if v.qualifier != "na"]
        if not numbers:
            marked = self._marked_exceeding(parsed, state.header)
            self._label_row(parsed, state)
            return marked
        state.header_fresh = False
        if state.context is not None and not parsed.hits and parsed.own_label():
            state.context = None
        wrapped, state.wrapped = state.wrapped, _wrapped_label(parsed)
        if wrapped is not None and state.context is None and _continues(parsed):
            state.context = wrapped  # "… Power factor at 20% load" ⏎ "is 0.927. …": one sentence on two lines
        found: list[Candidate] | None = None
        if state.header is not None:
            fallback = state.header_rule or (state.context[0] if state.context else None)
            found = self._with_header(parsed, state.header, fallback, state.pending_unit)
            if found is not None:
                found = self._detection_row(parsed, state, found)
            state.misses = state.misses + 1 if found is None else 0
            if state.misses >= 2:
                state.header, state.header_rule = None, None
        if found is None:
            found = self._clauses(parsed, state.context, state.pending_unit)
        if parsed.hits and not found and _looks_like_reading(parsed, numbers):
            self.unresolved += 1
        if parsed.hits:
            state.context = None
        state.context_age += 1
        if state.context_age > _CONTEXT_ROWS:
            state.context = None
        return found

    def _marked_exceeding(self, parsed: Parsed, header: list[Column] | None) -> list[Candidate]:
        """A declaration for each substance an SJ/T 11364 table's row marks as above GB/T 26572's limit ("PCBA | X | O"
        under "Part name | Pb | Hg"): an exempt use (Appendix B) or a fail, for a person, naming the part; a row
        marking no substance "O" is no such table's."""
        marks = self.vocab.declarations.exceeds_marks
        below = self.vocab.declarations.below_marks
        if header is None or not marks or not any(fold_key(c.text).strip() in below for c in parsed.row.cells[1:]):
            return []  # an SJ/T 11364 row marks O too (an XRF screen's "X | BL | BL" is inconclusive, not this)
        part = parsed.row.cells[0].text.strip()
        out = []
        for cell in parsed.row.cells[1:]:
            col = self.headers.column(header, cell.x0, cell.x1)
            if col is None or col.rule is None or col.rule.name not in self.vocab.declarations.fields \
                    or fold_key(cell.text).strip() not in marks:
                continue
            note = (f"{DECLARATION}: the table marks “{cell.text.strip()}” for {col.name.strip()} in “{part}” (above "
                    "GB/T 26572's limit in a homogeneous material of the part): an exempt use (Appendix B) or a fail, "
                    "a person checks")
            cand = self.emitter.fact(col.rule.name, None, "", parsed.row, note=note)
            cand.tags.add("declaration")
            out.append(cand)
        return out

    def _label_row(self, parsed: Parsed, state: _BlockState) -> None:
        """A row without values: its unit and its one quantity (and load) apply to the rows that follow; a row
        answered with marks ("Switchable outlets | Y | Y", a feature matrix) says all it has to say."""
        if _answered_with_marks(parsed) or _words_only(parsed):
            state.context = None
            return
        if len({id(hit.rule) for hit in parsed.hits}) <= 1:  # "电源效率（%）与功率因数：": the % is one quantity's
            state.pending_unit = parsed.label_unit() or state.pending_unit
        if state.header is not None and not state.header_fresh and _new_columns(state.header, parsed, state.following):
            state.header, state.header_rule = None, None  # the header of the next table, in columns of its own
        if len({id(hit.rule) for hit in parsed.hits}) == 1:  # a label row naming several quantities
            load = parsed.loads[-1].value if parsed.loads else None  # (a merged header) names no value
            state.context, state.context_age = (parsed.hits[-1].rule, load), 0
        elif parsed.hits:
            state.context = None
            self.unresolved += 1  # the page's tables may tell the columns apart (pdfplumber)

    def _with_header(self, parsed: Parsed, header: list[Column], fallback: LabelRule | None,
                     pending_unit: str | None = None) -> list[Candidate] | None:
        readings = parsed.readings()
        label_end = min((parsed.cell_of(v.start) for v in readings), default=0)
        value_cells = {i for i in (parsed.cell_of(v.start) for v in readings)
                       if not self._label_cell(header, parsed, i)}
        row_hits = [h for h in parsed.hits if (parsed.cell_of(h.start) not in value_cells
                                               or parsed.cell_of(h.start) == 0)
                    and not cell_excluded(h, parsed.cell_key(parsed.cell_of(h.start)))]
        row_rule = row_hits[0].rule if row_hits else fallback
        row_load = self._row_load(header, parsed, label_end)
        row_unit = parsed.label_unit() or pending_unit
        unit_cell = self._unit_cell(header, parsed)
        out: list[Candidate] = []
        typical: list[Candidate] = []
        guaranteed: list[Candidate] = []  # bounded by a Min or Max column
        aligned = False
        unplaced: list[str] = []  # readings under no column of the header (a header cell lost: a seal, a fold)
        limits = parsed.limits()
        roles = any(c.result or c.limit for c in header)
        for value in readings:
            idx = parsed.cell_of(value.start)
            if idx in parsed.load_cells:
                continue
            cell = parsed.row.cells[idx]
            limit_col = limit_column(header, cell) if roles else None
            if limit_col is not None:  # a limit / requirement column never gives the value, nor its neighbour
                aligned = True
                declared = self._declared(row_rule, limit_col, header, parsed)
                out.extend([declared] if declared else [])
                continue
            if any(parsed.cell_of(h.start) == idx and h.start < value.start for h in parsed.hits):
                continue  # "label: value" inside one cell is a line of its own, not a table cell
            col = self.headers.column(header, cell.x0, cell.x1)
            if col is None and (value.value is not None or value.qualifier == "nd"):
                unplaced.append(value.text)
            if col is None or not col.meaningful or (col.sample and not concentration(col.rule or row_rule)):
                continue
            aligned = True
            rule = col.rule or row_rule
            if col.ignore or col.load_key or id(value) in limits:
                declared = self._declared(rule, col, header, parsed) if col.limit or id(value) in limits else None
                out.extend([declared] if declared else [])
                continue
            load = col.load if col.load is not None else row_load
            if rule is None:
                continue
            cand = self.emitter.emit(rule, load, value, col.unit or unit_cell or row_unit, parsed.row,
                                     note=f"column {load} % load" if col.load is not None else "")
            cand = self.headers.qualified(cand, col, typical, guaranteed) if cand else None
            if cand:
                out.append(_tagged(cand, col.result or col.sample or parsed.named_by(value) is False))
        beside = {c.field for c in guaranteed}  # a Min or Max beside a typical value says more than it
        out = [c for c in out if not (c in typical and c.field in beside)]
        self._below_detection_limit(out, header, parsed, unit_cell)
        self._exemption_claimed(out, header, parsed)
        if unplaced and aligned:
            _doubt_all(out, f"doubtful: the row's {', '.join(unplaced)} lies under no column of the table's header "
                            "(a header cell lost?); which sample or quantity it is, a person checks")
        return out if aligned else None

    def _exemption_claimed(self, out: list[Candidate], header: list[Column], parsed: Parsed) -> None:
        """Each concentration of ``out`` doubtful where the row names an exemption under an exemption column."""
        columns = [c for c in header if c.exemption]
        claimed = [cell.text.strip() for cell in parsed.row.cells for col in columns
                   if self.headers.column(header, cell.x0, cell.x1) is col and re.search(r"\d", cell.text)]
        if not claimed:
            return
        for cand in out:
            if concentration(self.vocab.rule(cand.field)) and not cand.fact.note.startswith(DOUBT_PREFIXES):
                note = f"doubtful: the row claims an exemption ({claimed[0]}); whether it applies, a person checks"
                cand.fact = cand.fact.model_copy(update={"note": "; ".join(filter(None, [note, cand.fact.note]))})

    def _detection_row(self, parsed: Parsed, state: _BlockState, found: list[Candidate]) -> list[Candidate]:
        """``found``, the row's candidates under a header of substance columns ("Part | Pb | Cd | Hg"): a row of
        detection limits ("MDL (mg/kg) | 50 | 120 | 30 | 8") gives no reading but each column's limit, to the
        table's non-detects above it and below, each then known only as below its column's limit."""
        header = cast(list[Column], state.header)
        if not any(c.rule for c in header):
            return found
        if names(self.vocab.detection_words, parsed.cell_key(0)):
            unit = parsed.label_unit()
            for value in parsed.readings():
                cell = parsed.row.cells[parsed.cell_of(value.start)]
                col = self.headers.column(header, cell.x0, cell.x1)
                if col is not None and col.rule is not None and value.value is not None:
                    state.detection_limits[col.rule.name] = (float(value.value), value.unit or col.unit or unit or "")
            found = []
        else:
            state.non_detects.extend(c for c in found if c.fact.qualifier == "nd")
        for cand in state.non_detects:
            limit = state.detection_limits.get(cand.field)
            if limit is not None and cand.fact.qualifier == "nd":
                cand.fact = below(cand.fact, limit[0], limit[1] or cand.fact.unit, "the table's detection-limit row")
                if limit[1]:
                    cand.tags.discard(UNIT_ASSUMED)
        return found

    def _unit_cell(self, header: list[Column], parsed: Parsed) -> str | None:
        """The unit a row prints under its table's unit column ("单位 | %"), else None."""
        for col in header:
            if not col.unit_column:
                continue
            for cell in parsed.row.cells:
                text = cell.text.strip()
                if self.headers.column(header, cell.x0, cell.x1) is col and text and is_unit(text):
                    return text
        return None

    def _row_load(self, header: list[Column], parsed: Parsed, label_end: int) -> int | None:
        """The load a table row is at: printed in its label, as its first cell, or under a load column."""
        if label_end == 0 and 0 in parsed.load_cells:
            return parsed.load_cells[0]
        in_label = next((ld.value for ld in parsed.loads if parsed.cell_of(ld.start) <= label_end), None)
        return in_label if in_label is not None else self._load_column_value(header, parsed)

    def _load_column_value(self, header: list[Column], parsed: Parsed) -> int | None:
        """The load a row prints under a load column: a bare number under one in percent ("负载率(%) | 20 | ..."), or
        a percent ("负载率 | 20%"); else None."""
        for value in parsed.values:
            cell = parsed.row.cells[parsed.cell_of(value.start)]
            col = self.headers.column(header, cell.x0, cell.x1)
            percent = value.unit == "%" or ("%" in col.name and not value.unit) if col is not None else False
            if col is not None and col.load_key and percent and not value.qualifier and value.value is not None \
                    and float(value.value).is_integer() and int(value.value) in LOAD_LEVELS:
                return int(value.value)
        return None

    def _below_detection_limit(self, out: list[Candidate], header: list[Column], parsed: Parsed,
                               unit_cell: str | None) -> None:
        """Each non-detect of ``out`` known only as below the number in its row's detection-limit column."""
        if not any(c.fact.qualifier == "nd" for c in out) or not any(c.detection for c in header):
            return
        for value in parsed.values:
            cell = parsed.row.cells[parsed.cell_of(value.start)]
            col = limit_column(header, cell)
            if col is None or not col.detection or value.value is None:
                continue
            printed = col.unit or value.unit or unit_cell or parsed.label_unit()
            for cand in out:
                if cand.fact.qualifier == "nd":
                    cand.fact = below(cand.fact, float(value.value), printed or cand.fact.unit,
                                      f"the “{col.name.strip()}” column")
                    if printed:
                        cand.tags.discard(UNIT_ASSUMED)
            return

    def _side_by_side(self, parsed: Parsed, models: list[Cell]) -> list[Candidate] | None:
        """Under a "Model | A | B" header a value in a model's column belongs to that model alone: the
        row gives each quantity as an unreadable fact naming the models (never a value of this product,
        even when the other model's cell is blank or lost); None when no value lies under a model."""
        under = [v for v in parsed.readings() if any(
            _overlap(parsed.row.cells[parsed.cell_of(v.start)], m) > 0 for m in models)]
        if not under:
            return None
        names = ", ".join(m.text.strip() for m in models)
        note = (f"unreadable: the table gives several models side by side ({names}); which value is this "
                f"product's cannot be told: “{parsed.row.text}”")
        out: list[Candidate] = []
        for hit in parsed.hits:
            for value in under:
                cand = self.emitter.emit(hit.rule, parsed.loads[0].value if parsed.loads else None, value,
                                         parsed.label_unit(), parsed.row)
                if cand is not None:
                    out.append(self.emitter.fact(cand.field, None, cand.fact.unit, parsed.row, note=note,
                                                 load=cand.load))
                    break
        return out

    def _label_cell(self, header: list[Column], parsed: Parsed, idx: int) -> bool:
        """True when cell ``idx`` sits under a column that names the item ("检验项目", "Item"): a number
        there belongs to the label ("噪声（1 m，正前方）"), it does not make the cell a value cell."""
        cell = parsed.row.cells[idx]
        col = self.headers.column(header, cell.x0, cell.x1)
        return col is not None and col.ignore and not col.limit and not col.load_key

    def _declared(self, rule: LabelRule | None, col: Column, header: list[Column], parsed: Parsed) -> Candidate | None:
        """A declaration for a substance limit printed in a table without a result column (a RoHS
        declaration's "Substance | Maximum Limit (ppm)" table), else None."""
        if rule is None or rule.name not in self.vocab.declarations.fields or any(c.result for c in header):
            return None
        where = f" ({col.name})" if col.limit and col.name else ""
        note = f"{DECLARATION}: “{parsed.row.text}”{where}"
        cand = self.emitter.fact(rule.name, None, "", parsed.row, note=note)
        cand.tags.add("declaration")
        return cand

    def _conformity(self, rule: LabelRule, parsed: Parsed) -> Candidate:
        """A manual-review item for a value stated as conformity ("meets grade 1", "符合1级能效要求")."""
        cand = self.emitter.fact(rule.name, None, "", parsed.row, note=f"{DECLARATION}: “{parsed.row.text}”")
        cand.tags.add("declaration")
        return cand

    # ---------------------------------------------------------------- lines and prose
    def _clauses(self, parsed: Parsed, context: tuple[LabelRule, int | None] | None,
                 pending_unit: str | None = None) -> list[Candidate]:
        """Each clause's values paired with the nearest label (and load) whose unit fits; a bare number takes
        the unit of a column header above ("测点位置 | 声压级 dB(A)") where that unit fits its label."""
        listed = load_lists(self.vocab, parsed, self.emitter)
        framed = frame_lists(self.vocab, parsed, self.emitter, self.emitter.category)
        listed.spans += [span for span in framed.spans if not any(a <= span[0] < b for a, b in listed.spans)]
        out: list[Candidate] = list(listed.candidates) + framed.candidates
        self.unread.extend(f"p.{parsed.row.page}: values listed for several loads could not be paired: {text}"
                           for text in listed.unread)
        self.unread.extend(f"p.{parsed.row.page}: values listed for several frame sizes could not be paired: {text}"
                           for text in framed.unread)
        skip = _limits(parsed) | parsed.limits()
        carried: LabelRule | None = context[0] if context else None
        carried_load: int | None = context[1] if context else None
        row_unit = parsed.label_unit()
        for start, end in parsed.clauses():
            if any(a <= start < b for a, b in listed.spans):
                continue  # read (or deliberately not read) as a list of loads
            hits = [h for h in parsed.hits if start <= h.start < end]
            loads = [ld for ld in parsed.loads if start <= ld.start < end]
            values = [v for v in parsed.values if start <= v.start < end and id(v) not in skip]
            if hits:
                carried, carried_load = hits[0].rule, None  # the context's load goes with the context's label
            for value in values:
                before = [h.rule for h in hits if h.end <= value.start][::-1]
                after = [h.rule for h in hits if h.end > value.start]
                options = before + after if hits else ([carried] if carried else [])
                near = sorted(loads or ([] if carried_load is not None else parsed.loads),
                              key=lambda ld: abs(ld.start - value.start))
                load = near[0].value if near else carried_load
                if options and _conforms(self.vocab, parsed, hits, start, value):
                    out.append(self._conformity(_declared_rule(options, value), parsed))
                    continue
                for rule in options:  # the nearest label whose unit fits
                    if _renamed(parsed.key, rule, hits, start, value):
                        continue
                    cand = self.emitter.emit(rule, load, value, row_unit or pending_unit, parsed.row)
                    if cand is None and pending_unit and not row_unit:
                        cand = self.emitter.emit(rule, load, value, None, parsed.row)
                    if cand:
                        out.append(_tagged(cand, parsed.named_by(value) is False))
                        break
        return out


def _doubt_all(found: list[Candidate], note: str) -> None:
    """Each candidate of ``found`` doubtful for ``note`` (one already doubtful keeps its own doubt)."""
    for cand in found:
        if not cand.fact.note.startswith(DOUBT_PREFIXES):
            cand.fact = cand.fact.model_copy(update={"note": "; ".join(filter(None, [note, cand.fact.note]))})


def _sibling_in_first_cell(row: Row, own: str) -> str | None:
    """The model a table row opens with where it is another of the document's model's family ("ZX-R5300 G5 | 50% |
    94.2" in ZX-R5300 G6's report: the series' other model, tested with another PSU), else None."""
    if len(row.cells) < 2:
        return None
    first = row.cells[0].text.strip()
    if not _MODEL_CELL.fullmatch(first) or same_name(first, own):
        return None
    family = re.match(r"[^\W\d_]+", first)
    return first if family and own.casefold().startswith(family.group(0).casefold()) else None


def _of_another_model(fact: Fact, other: str, own: str) -> Fact:
    """``fact``, read after a line naming another model than the document's ("样品型号：TX-200K" in TX-400K's bid, a
    sibling's test report quoted): doubtful, for a person."""
    if fact.note.startswith(DOUBT_PREFIXES):
        return fact
    note = f"doubtful: read in a part of the document about model {other}, not {own}"
    return fact.model_copy(update={"note": "; ".join(filter(None, [note, fact.note]))})


def _renamed(key: str, rule: LabelRule, hits: list[Hit], start: int, value: Value) -> bool:
    """True when a word ``rule`` excludes stands between the label and ``value`` ("LwA: 5.6B typical … ● LpA: 44dB":
    44 dB is a sound pressure, not the sound power the LwA label names)."""
    named = [h.end for h in hits if h.rule is rule and h.end <= value.start]
    between = key[named[-1] if named else start:value.start]
    return any(label.pattern.search(between) for label in rule.exclude)


# a model identifier: one or two tokens, the first mixing letters and digits ("S5735-L24T4S", "DE33 GC");
# a quantity header ("50 Hz kVA (ekW)") starts with a bare number and is not one
_MODEL_CELL = re.compile(r"(?=[^ ]*\d)(?=[^ ]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9._/+\-()]*"
                         r"(?: [A-Za-z0-9][A-Za-z0-9._/+\-()]*)?")


def _model_columns(vocab: Vocabulary, parsed: Parsed) -> list[Cell] | None:
    """The model cells of a header row naming two models or more ("Model | S5735-L24T4S | S5735-L48T4S",
    "型号 | A | B"), else None. A header of quantities ("Model | 50 Hz kVA (ekW) | 60 Hz kVA") is not one."""
    cells = parsed.row.cells
    first = parsed.cell_key(0).strip(" :：.")
    if len(cells) < 3 or not any(lab.pattern.fullmatch(first) for lab in vocab.identity["model"]):
        return None
    models = [c for c in cells[1:] if _MODEL_CELL.fullmatch(c.text.strip())]
    return models if len(models) >= 2 and len(models) == len(cells) - 1 else None


def _overlap(cell: Cell, other: Cell) -> float:
    return min(cell.x1, other.x1) - max(cell.x0, other.x0)


def _new_columns(header: list[Column], parsed: Parsed, following: list[Row]) -> bool:
    """True when ``parsed`` (a row without values) is the column titles of a table of its own ("Position (1 m) |
    Sound pressure dB(A)" under a report's "No. | Test item | Requirement | Result" table): two cells or more,
    no row number, and a cell that lies over two columns of ``header`` (a cell of the table lies within its
    column, and a value centred over its column, "P2490B" under "50 Hz", over that one only), or a cell that
    starts where no column of ``header`` starts but where the next rows start theirs."""
    cells = parsed.row.cells
    if len(cells) < 2 or re.fullmatch(r"\d{1,3}", parsed.cell_key(0).strip()):
        return False
    tolerance = max(OVERLAP, 0.3 * parsed.row.height)  # points, or pixels of a scan
    if any(sum(_overlap(cell, Cell("", col.x0, col.x1)) > tolerance for col in header) >= 2 for cell in cells):
        return True
    return any(all(abs(cell.x0 - col.x0) > tolerance for col in header)
               and sum(any(abs(c.x0 - cell.x0) <= tolerance for c in row.cells[1:]) for row in following) >= 2
               for cell in cells[1:])


def _prose_clauses(parsed: Parsed) -> list[tuple[int, int]]:
    """The clauses of a prose line (a row of one cell); none for a table row."""
    return parsed.clauses() if len(parsed.row.cells) == 1 else []


def _wrapped_label(parsed: Parsed) -> tuple[LabelRule, int | None] | None:
    """The label (and load) a prose line ends on when its last clause names a quantity but holds no value."""
    clauses = _prose_clauses(parsed)
    if not clauses:
        return None
    a, b = clauses[-1]
    hits = [h for h in parsed.hits if a <= h.start < b]
    if not hits or any(a <= v.start < b for v in parsed.values):
        return None
    loads = [ld.value for ld in parsed.loads if a <= ld.start < b]
    return hits[-1].rule, (loads[-1] if loads else None)


def _continues(parsed: Parsed) -> bool:
    """A prose line whose first clause has one value and no label of its own: the rest of a sentence."""
    clauses = _prose_clauses(parsed)
    if not clauses:
        return False
    a, b = clauses[0]
    return not any(a <= h.start < b for h in parsed.hits) and sum(a <= v.start < b for v in parsed.values) == 1


def _tagged(cand: Candidate, result: bool) -> Candidate:
    """``cand`` tagged "result" when it was read in a result column or after a result word: a
    measurement, which a declaration of conformity elsewhere in the document does not override."""
    if result:
        cand.tags.add("result")
    return cand


def _conforms(vocab: Vocabulary, parsed: Parsed, hits: list[Hit], start: int, value: Value) -> bool:
    """True when a conformity word ("meets", "符合") stands between the value's label (or the clause
    start) and the value: "meets grade 1" declares conformity, it does not state the grade."""
    label_end = max((h.end for h in hits if h.end <= value.start), default=start)
    between = parsed.key[label_end:value.start]
    return any(lab.probe in between and lab.pattern.search(between) for lab in vocab.conformity_words)


def _declared_rule(options: list[LabelRule], value: Value) -> LabelRule:
    """The nearest of ``options`` whose unit fits the value a conformity names (the grade's, not the no-load loss's,
    in "产品能效等级：一级（空载损耗达到一级）"), else the nearest."""
    fits = [rule for rule in options if value.unit and kind_ok(value.unit, rule.unit)]
    return fits[0] if fits else options[0]


def _limits(parsed: Parsed) -> set[int]:
    """ids of values that are not readings: a leading row number and, when the row also prints
    plain values, limits printed with ≥ / ≤ (the requirement column of a report)."""
    readings = parsed.readings()
    skip = {id(v) for v in parsed.values if all(v is not r for r in readings)}
    if any(v.is_number and not v.qualifier for v in readings):
        skip.update(id(v) for v in readings if v.qualifier in ("ge", "le", "gt"))
    return skip


def _looks_like_reading(parsed: Parsed, numbers: list[Value]) -> bool:
    """True when a label of the row and one of its numbers could belong together (a unit of the
    label's kind, or no unit where the label takes bare numbers): a row the lines could not place,
    worth a pdfplumber table pass."""
    for hit in parsed.hits:
        for value in numbers:
            if value.unit and kind_ok(value.unit, hit.rule.unit, hit.rule.water):
                return True
            if not value.unit and hit.rule.bare:
                return True
    return False


_MARK = re.compile(r"(?:y|n|yes|no|x|[✓✔✗✘●○◯√-]|是|否|有|无|支持|不支持)", re.IGNORECASE)


_WORD = re.compile(r"[a-z]{2,}|[\u4e00-\u9fff]{2,}")


def _words_only(parsed: Parsed) -> bool:
    """A row of words naming no quantity, load or unit ("Free circuit packs" under "ATIS-0600020.2010 Pb"): text,
    after which a label above names nothing more."""
    return (not parsed.hits and not parsed.loads and parsed.label_unit() is None
            and len(_WORD.findall(parsed.key)) >= 2)


def _answered_with_marks(parsed: Parsed) -> bool:
    """Every cell after the first of ``parsed`` (two at least) is a yes/no mark: a row of a feature matrix."""
    cells = [cell.text.strip() for cell in parsed.row.cells[1:]]
    return bool(cells) and all(_MARK.fullmatch(text) for text in cells)
