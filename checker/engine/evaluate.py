"""The rule engine: every clause evaluated on whole columns at once.

One code path for one product and for a million: a single record is a one-row frame. Each clause
gives, per row, a status code, a reason code, the value and the limit in the clause's unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt
import pandas as pd

from checker.catalog.clauses import BandTable, Catalog, Clause, Condition
from checker.engine.derive import GAP, column
from checker.engine.formulas import band_index
from checker.engine.frame import HI, ISSUE, LO, RL
from checker.models import STATUSES, VERDICTS, verdict_index
from checker.units import clean_array, conversion_factor

PASS, FAIL, NA, MISSING, MANUAL = (STATUSES.index(s) for s in
                                   ("pass", "fail", "not_applicable", "missing_evidence", "manual_review"))


class Reason:
    """Why a clause got its status (turned into words by :mod:`checker.engine.explain`)."""

    NONE, CATEGORY, CONDITION, CONDITION_MISSING, CONDITION_ISSUE = 0, 1, 2, 3, 4
    OUTSIDE_BANDS, NO_LIMIT_IN_BAND, BAND_MISSING, BAND_ISSUE, BEFORE_SCHEDULE = 5, 6, 7, 8, 9
    VALUE_MISSING, VALUE_ISSUE, INTERVAL, PARTIAL, DOCUMENT, LOW_CONFIDENCE = 10, 11, 12, 13, 14, 15
    REPORTING_LIMIT = 16
    RESTATED_LIMIT = 17
    BAND_SPANS = 18  # the band's quantity known only as a range that spans two bands
    PERIOD_ISSUE = 19  # the statistics period's end is given but cannot be read: the limit in force is unknown
    NOT_A_YEAR = 20  # an annual figure over a statistics period that is not a year
    EXPIRED = 21  # a declaration or certificate no longer valid on the as-of date
    VALIDITY_ISSUE = 22  # the validity date is given but cannot be read (ambiguous, unreadable): valid or not unknown


@dataclass
class ClauseColumn:
    """One clause's results for every row of a frame."""

    clause: Clause
    status: npt.NDArray[np.int8]
    reason: npt.NDArray[np.int8]
    value: npt.NDArray[np.float64]
    limit: npt.NDArray[np.float64]
    factor: float


def _limits(clause: Clause, frame: pd.DataFrame, catalog: Catalog, as_of: date,
            status: npt.NDArray[np.int8], reason: npt.NDArray[np.int8], active: npt.NDArray[np.bool_]
            ) -> npt.NDArray[np.float64]:
    """The limit per row (scalar, schedule or band), marking rows that have none."""
    rows = len(frame)
    if clause.limit is not None:
        return _constant(float(clause.limit), rows)
    if clause.schedule is not None:
        return _scheduled(clause, frame, as_of, status, reason, active)
    assert clause.band_table and clause.band_column
    table = catalog.band_tables[clause.band_table]
    factor = conversion_factor(catalog.fields[table.by].unit, table.unit)
    by = clean_array(column(frame, table.by) * factor)
    if table.by + ISSUE in frame:
        _mark(status, reason, active & frame[table.by + ISSUE].notna().to_numpy(), MANUAL, Reason.BAND_ISSUE)
    index = band_index(table, by)
    values = np.array([np.nan if band.limits[clause.band_column] is None else band.limits[clause.band_column]
                       for band in table.bands] + [np.nan, np.nan], dtype=float)
    if table.by + HI in frame:
        index = _band_of_bound(table, frame, index, values, factor, (status, reason, active))
    limit = values[index]  # index −1 / −2 pick the trailing NaNs
    _mark(status, reason, active & (index == -2), MISSING, Reason.BAND_MISSING)
    _mark(status, reason, active & (index == -1), NA, Reason.OUTSIDE_BANDS)
    _mark(status, reason, active & (index >= 0) & np.isnan(limit), NA, Reason.NO_LIMIT_IN_BAND)
    return limit


def _band_of_bound(table: BandTable, frame: pd.DataFrame, index: npt.NDArray[np.int64], values: npt.NDArray[np.float64],
                   factor: float, marks: tuple[npt.NDArray[np.int8], npt.NDArray[np.int8], npt.NDArray[np.bool_]]
                   ) -> npt.NDArray[np.int64]:
    """``index`` with a band for each row whose band quantity is known only as a range ("a standby rating of 200 kW:
    the rated power is at most 200 kW") where every band of the range has the clause's one limit (``values``, by
    band); a range over bands of different limits is marked for a person (``marks``: status, reason, active rows)."""
    status, reason, active = marks
    low = column(frame, table.by + LO) * factor if table.by + LO in frame else np.full(len(frame), np.nan)
    high = column(frame, table.by + HI) * factor
    bounded = np.flatnonzero((index == -2) & ~np.isnan(high))
    if not len(bounded):
        return index
    low_band = band_index(table, np.where(np.isnan(low), -np.inf, low))
    high_band = band_index(table, high)
    index = index.copy()
    spans = np.zeros(len(frame), dtype=bool)
    for row in bounded:
        first, last = int(low_band[row]), int(high_band[row])
        limits = values[first:last + 1] if 0 <= first <= last else np.array([np.nan])
        if np.isnan(limits).any() or not np.all(limits == limits[0]):
            spans[row] = True
        else:
            index[row] = last
    _mark(status, reason, active & spans, MANUAL, Reason.BAND_SPANS)
    return index


PERIOD_END = "period_end"


def _scheduled(clause: Clause, frame: pd.DataFrame, as_of: date, status: npt.NDArray[np.int8],
               reason: npt.NDArray[np.int8], active: npt.NDArray[np.bool_]) -> npt.NDArray[np.float64]:
    """A schedule's limit per row: the one in force at the end of the row's statistics period
    (``period_end``), else on ``as_of`` (INTERFACE §6)."""
    assert clause.schedule is not None
    rows = len(frame)
    if PERIOD_END not in frame or frame[PERIOD_END].isna().all():
        in_force = clause.schedule.limit_on(as_of)
        if in_force is None:
            _mark(status, reason, active, NA, Reason.BEFORE_SCHEDULE)
            return _constant(np.nan, rows)
        _unread_period(frame, status, reason, active)
        return _constant(float(in_force), rows)
    codes, days = pd.factorize(frame[PERIOD_END].astype(object).where(frame[PERIOD_END].notna(), as_of.isoformat()))
    ends = [_day(day) for day in days]
    found = [None if end is None else clause.schedule.limit_on(end) for end in ends]
    limits = np.array([np.nan if limit is None else limit for limit in found] + [np.nan], dtype=float)[codes]
    unread = np.array([end is None for end in ends] + [False], dtype=bool)[codes]
    _mark(status, reason, active & unread, MANUAL, Reason.PERIOD_ISSUE)
    _mark(status, reason, active & np.isnan(limits), NA, Reason.BEFORE_SCHEDULE)
    _unread_period(frame, status, reason, active)
    return limits


def _day(text: object) -> date | None:
    """An ISO day, else None (a period end no reader should have let through: for a person, never a crash)."""
    try:
        return date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def _unread_period(frame: pd.DataFrame, status: npt.NDArray[np.int8], reason: npt.NDArray[np.int8],
                   active: npt.NDArray[np.bool_]) -> None:
    """Rows that give a statistics period's end that cannot be read ("2024年12月"): for a person, never judged on
    the as-of date's limit instead."""
    if PERIOD_END + ISSUE in frame:
        unread = frame[PERIOD_END + ISSUE].notna().to_numpy()
        if unread.any():
            _mark(status, reason, active & unread, MANUAL, Reason.PERIOD_ISSUE)


def _constant(number: float, rows: int) -> npt.NDArray[np.float64]:
    """A read-only column holding one number, without memory per row."""
    return np.broadcast_to(np.float64(number), (rows,))


def _mark(status: npt.NDArray[np.int8], reason: npt.NDArray[np.int8], rows: npt.NDArray[np.bool_],
          code: int, why: int) -> None:
    """Set status and reason on rows not decided yet (status −1)."""
    target = rows & (status < 0)
    status[target] = code
    reason[target] = why


def _condition(cond: Condition, frame: pd.DataFrame, catalog: Catalog) -> tuple[
        npt.NDArray[np.bool_], npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """(met, missing, has issue) per row for one applicability condition."""
    spec = catalog.fields[cond.field]
    rows = len(frame)
    issue = frame[cond.field + ISSUE].notna().to_numpy() if cond.field + ISSUE in frame else np.zeros(rows, bool)
    if cond.field not in frame:
        return np.zeros(rows, bool), ~issue, issue
    raw = frame[cond.field]
    missing = raw.isna().to_numpy() & ~issue
    if cond.at_least is not None:
        threshold = cond.at_least * conversion_factor(cond.unit, spec.unit)
        met = (np.round(raw.to_numpy(dtype=float, na_value=np.nan), 9) >= round(threshold, 9))
    elif spec.kind == "flag":
        met = raw.to_numpy(dtype=float, na_value=np.nan) == (1.0 if cond.equals else 0.0)
    else:
        met = (raw == cond.equals).to_numpy(dtype=bool, na_value=False)
    return met & ~issue, missing, issue


def evaluate_clause(clause: Clause, frame: pd.DataFrame, catalog: Catalog, as_of: date,
                    categories: CategoryCodes | None = None, dates: RowDates | None = None) -> ClauseColumn:
    """Evaluate one clause on every row of ``frame`` (derived fields already added)."""
    rows = len(frame)
    status = np.full(rows, -1, dtype=np.int8)
    reason = np.zeros(rows, dtype=np.int8)
    active = (categories or CategoryCodes.of(frame)).rows_in(clause.categories)
    _mark(status, reason, ~active, NA, Reason.CATEGORY)
    for cond in clause.applies_when:
        met, missing, issue = _condition(cond, frame, catalog)
        _mark(status, reason, active & issue, MANUAL, Reason.CONDITION_ISSUE)
        if cond.if_missing == "missing_evidence":
            _mark(status, reason, active & missing, MISSING, Reason.CONDITION_MISSING)
        elif cond.if_missing == "manual_review":
            _mark(status, reason, active & missing, MANUAL, Reason.CONDITION_MISSING)
        elif cond.if_missing == "not_applicable":
            _mark(status, reason, active & missing, NA, Reason.CONDITION)
        _mark(status, reason, active & ~met & ~missing, NA, Reason.CONDITION)
    factor = clause_factor(clause, catalog)
    if clause.quantity and clause.quantity in frame:
        value = column(frame, clause.quantity)
        value = clean_array(value * factor)  # the number the value denotes: a platform's mean is not 93.99999999999999
    else:  # no such column: every value missing (no memory per row)
        value = _constant(np.nan, rows)
    if clause.kind == "document":
        if clause.threshold_evidence is not None:
            # a doubtful reading ("约 12,000 tce", an estimate) leaves the side of the line to a person, with its reason
            if clause.quantity and clause.quantity + ISSUE in frame:
                doubtful = frame[clause.quantity + ISSUE].notna().to_numpy()
                _mark(status, reason, active & np.isnan(value) & doubtful, MANUAL, Reason.VALUE_ISSUE)
            _mark(status, reason, active & np.isnan(value), MISSING, Reason.VALUE_MISSING)
        _mark(status, reason, active, MANUAL, Reason.DOCUMENT)
        return ClauseColumn(clause, status, reason, value, _constant(np.nan, rows), factor)
    if clause.quantity:
        _dated(clause.quantity, catalog, frame, value, dates or RowDates.of(frame, as_of), (status, reason, active))
    limit = _limits(clause, frame, catalog, as_of, status, reason, active)
    _compare(clause, frame, value, limit, factor, status, reason, active)
    return ClauseColumn(clause, status, reason, value, limit, factor)


PERIOD_START = "period_start"
VALID_UNTIL = "valid_until"
YEAR_DAYS = (364, 367)  # a statistics period of a year, first and last days counted (365 or 366; a day's slack)


@dataclass
class RowDates:
    """What the rows' dates say, worked out once per frame (not once per clause): the statistics period is not a
    year, the documents were valid only until before the as-of date (None: the frame has no such column)."""

    not_a_year: npt.NDArray[np.bool_] | None
    expired: npt.NDArray[np.bool_] | None
    unread: npt.NDArray[np.bool_] | None = None  # the validity date is given but cannot be read ("01/02/2023")

    @classmethod
    def of(cls, frame: pd.DataFrame, as_of: date) -> RowDates:
        expired = unread = None
        if VALID_UNTIL in frame:
            until = pd.to_datetime(frame[VALID_UNTIL].astype(object), errors="coerce", format="ISO8601")
            expired = (until < pd.Timestamp(as_of)).to_numpy(dtype=bool, na_value=False)
        if VALID_UNTIL + ISSUE in frame:
            unread = frame[VALID_UNTIL + ISSUE].notna().to_numpy()
            expired = np.zeros(len(frame), dtype=bool) if expired is None else expired
        short = not_a_year(frame) if PERIOD_START in frame and PERIOD_END in frame else None
        return cls(not_a_year=short, expired=expired, unread=unread)


def _dated(name: str, catalog: Catalog, frame: pd.DataFrame, value: npt.NDArray[np.float64], dates: RowDates,
           marks: tuple[npt.NDArray[np.int8], npt.NDArray[np.int8], npt.NDArray[np.bool_]]) -> None:
    """Rows whose value of ``name`` is given (a figure, a bound or an issue; no figure: missing, later) but whose
    documents have expired (or are valid until a date that cannot be read), or whose annual figure covers a period
    that is not a year: for a person."""
    if dates.expired is None and (dates.not_a_year is None or not catalog.fields[name].annual):
        return
    status, reason, active = marks
    read = ~np.isnan(value) | _given(frame, name + ISSUE) | _given(frame, name + HI)
    if dates.expired is not None:
        _mark(status, reason, active & dates.expired & read, MANUAL, Reason.EXPIRED)
    if dates.unread is not None:
        _mark(status, reason, active & dates.unread & read, MANUAL, Reason.VALIDITY_ISSUE)
    if dates.not_a_year is not None and catalog.fields[name].annual:
        _mark(status, reason, active & dates.not_a_year & read, MANUAL, Reason.NOT_A_YEAR)


def period_days(frame: pd.DataFrame) -> npt.NDArray[np.float64]:
    """The days of each row's statistics period, first and last counted (NaN where either end is not given)."""
    if PERIOD_START not in frame or PERIOD_END not in frame:
        return np.full(len(frame), np.nan)
    start = pd.to_datetime(frame[PERIOD_START].astype(object), errors="coerce", format="ISO8601")
    end = pd.to_datetime(frame[PERIOD_END].astype(object), errors="coerce", format="ISO8601")
    return ((end - start).dt.days + 1).to_numpy(dtype=float, na_value=np.nan)


def _given(frame: pd.DataFrame, name: str) -> npt.NDArray[np.bool_]:
    """Rows where the side column ``name`` holds something (none: no row)."""
    return frame[name].notna().to_numpy() if name in frame else np.zeros(len(frame), dtype=bool)


def not_a_year(frame: pd.DataFrame) -> npt.NDArray[np.bool_]:
    """Rows whose statistics period is given and is not a year."""
    days = period_days(frame)
    with np.errstate(invalid="ignore"):
        return ~np.isnan(days) & ((days < YEAR_DAYS[0]) | (days > YEAR_DAYS[1]))


def _passes(op: str, value: npt.NDArray[np.float64], limit: npt.NDArray[np.float64]) -> npt.NDArray[np.bool_]:
    """value op limit, exactly: values are cleaned of floating-point noise (a unit conversion's, a platform's mean,
    a Parquet or XLSX float) before they get here (:func:`checker.units.clean`), so 93.99999999999999 passes ≥ 94
    while 93.9999999996 fails it and 0.9499999999 fails ≥ 0.95."""
    left, right = value, limit
    with np.errstate(invalid="ignore"):
        if op == ">=":
            return left >= right
        if op == "<=":
            return left <= right
        if op == ">":
            return left > right
        return left < right


def _compare(clause: Clause, frame: pd.DataFrame, value: npt.NDArray[np.float64], limit: npt.NDArray[np.float64],
             factor: float, status: npt.NDArray[np.int8], reason: npt.NDArray[np.int8],
             active: npt.NDArray[np.bool_]) -> None:
    name = clause.quantity
    assert name is not None and clause.op is not None
    if name + ISSUE in frame:
        _mark(status, reason, active & frame[name + ISSUE].notna().to_numpy(), MANUAL, Reason.VALUE_ISSUE)
    if name + RL in frame:
        reporting_limit = clean_array(frame[name + RL].to_numpy(float) * factor)
        bounded = active & ~np.isnan(reporting_limit)
        _mark(status, reason, bounded & (reporting_limit == limit), MANUAL, Reason.RESTATED_LIMIT)
        if clause.op in (">=", ">"):
            # "< X": the true value lies below X; it fails if X is at or under the limit, else it is unknown.
            below = reporting_limit <= limit
            _mark(status, reason, bounded & below, FAIL, Reason.REPORTING_LIMIT)
            _mark(status, reason, bounded, MANUAL, Reason.REPORTING_LIMIT)
        else:
            _mark(status, reason, bounded & ~_passes(clause.op, reporting_limit, limit), MANUAL,
                  Reason.REPORTING_LIMIT)
    low = clean_array(frame[name + LO].to_numpy(float) * factor) if name + LO in frame else np.full(len(frame), np.nan)
    high = clean_array(frame[name + HI].to_numpy(float) * factor) if name + HI in frame else np.full(len(frame), np.nan)
    interval = active & np.isnan(value) & ~np.isnan(low)
    if interval.any():  # only rows known as an interval (most catalogs have none)
        gap = frame[name + GAP].notna().to_numpy() if name + GAP in frame else np.zeros(len(frame), bool)
        printed = interval & (np.isinf(low) | np.isinf(high)) & ~gap  # a bound as printed: "≤ 100", "≥ 94 %"
        finite_end = np.where(np.isinf(low), high, low)
        _mark(status, reason, printed & (finite_end == limit), MANUAL, Reason.RESTATED_LIMIT)
        best, worst = (high, low) if clause.op in (">=", ">") else (low, high)
        _mark(status, reason, interval & _passes(clause.op, worst, limit), PASS, Reason.INTERVAL)
        _mark(status, reason, interval & ~_passes(clause.op, best, limit), FAIL, Reason.INTERVAL)
        _mark(status, reason, interval & gap, MISSING, Reason.PARTIAL)
        _mark(status, reason, interval, MANUAL, Reason.INTERVAL)
    _mark(status, reason, active & np.isnan(value), MISSING, Reason.VALUE_MISSING)
    if clause.confidence == "L":
        _mark(status, reason, active, MANUAL, Reason.LOW_CONFIDENCE)
    todo = np.flatnonzero(active & (status < 0))  # compare only the rows still undecided
    ok = _passes(clause.op, value[todo], limit[todo])
    status[todo] = np.where(ok, PASS, FAIL)
    reason[todo] = Reason.NONE


def clause_factor(clause: Clause, catalog: Catalog) -> float:
    """The factor from the clause field's canonical unit to the clause's unit."""
    spec = catalog.fields.get(clause.quantity) if clause.quantity else None
    return conversion_factor(spec.unit, clause.unit) if spec else 1.0


def clauses_for(categories: set[str], catalog: Catalog) -> list[Clause]:
    """The clauses that concern any of ``categories``, in catalog order."""
    return [clause for clause in catalog.clauses if categories & set(clause.categories)]


def evaluate(frame: pd.DataFrame, catalog: Catalog, as_of: date,
             clauses: list[Clause] | None = None) -> list[ClauseColumn]:
    """Evaluate ``clauses`` (default: those that concern the categories present in ``frame``)."""
    codes = CategoryCodes.of(frame)
    dates = RowDates.of(frame, as_of)
    chosen = clauses if clauses is not None else clauses_for(set(codes.names), catalog)
    return [evaluate_clause(clause, frame, catalog, as_of, codes, dates) for clause in chosen]


@dataclass
class CategoryCodes:
    """The category column factorised once, so each clause's category test is an integer lookup."""

    codes: npt.NDArray[np.intp]
    names: list[str]

    @classmethod
    def of(cls, frame: pd.DataFrame) -> CategoryCodes:
        if not len(frame):
            return cls(codes=np.zeros(0, np.intp), names=[])
        codes, uniques = pd.factorize(frame["category"])
        return cls(codes=np.asarray(codes), names=[str(name) for name in list(uniques)])

    def rows_in(self, categories: list[str]) -> npt.NDArray[np.bool_]:
        """Rows whose category is one of ``categories``."""
        wanted = np.array([name in categories for name in self.names] + [False], dtype=bool)
        return wanted[self.codes]  # code −1 (no category) picks the trailing False


def verdict_codes(columns: list[ClauseColumn], rows: int) -> npt.NDArray[np.int8]:
    """Per row, an index into :data:`VERDICTS`: fail if any clause fails; else incomplete if any is
    missing evidence; else pass."""
    any_fail = np.zeros(rows, bool)
    any_missing = np.zeros(rows, bool)
    for col in columns:
        any_fail |= col.status == FAIL
        any_missing |= col.status == MISSING
    return verdict_index(any_fail, any_missing)


def verdicts(columns: list[ClauseColumn], rows: int) -> npt.NDArray[np.object_]:
    """Per row: fail if any clause fails; else incomplete if any is missing evidence; else pass."""
    return np.array(VERDICTS, dtype=object)[verdict_codes(columns, rows)]
