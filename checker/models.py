"""Strict pydantic models for evidence, facts and results (the JSON report of INTERFACE.md §4)."""

from __future__ import annotations

from typing import Any, Literal, get_args

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, ValidationError, model_serializer

Status = Literal["pass", "fail", "not_applicable", "missing_evidence", "manual_review"]
Verdict = Literal["pass", "incomplete", "fail"]  # in order of severity: the verdict codes index this
STATUSES: tuple[Status, ...] = get_args(Status)
VERDICTS: tuple[Verdict, ...] = get_args(Verdict)
Qualifier = Literal["", "nd", "lt", "le", "gt", "ge"]  # nd: non-detect; lt/le/gt/ge: a bound as printed

STANDARD_NAME = "绿色数据中心政府采购需求标准（试行）"


class Strict(BaseModel):
    """Base: unknown keys are an error."""

    model_config = ConfigDict(extra="forbid")


class Evidence(Strict):
    """Where a value was read: file, 1-based page (None for a catalog row), the line or row text."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str
    page: int | None = None
    text: str = ""
    ocr: bool = False


# A fact whose note starts with one of these cannot decide a clause: its clause is manual_review.
# "declaration": a document restates a limit ("each substance below 0.1 %"), a declaration of
# conformity, not a measurement (INTERFACE §6).
DOUBT_PREFIXES = ("unreadable", "doubtful", "declaration")


class Fact(Strict):
    """One reading of one field, as found in one place.

    ``value`` is in ``unit`` as printed. ``low``/``high`` bound a value known only as an interval
    (fuel converted over the diesel density range). ``qualifier`` marks a non-detect ``nd``
    (ND, 未检出) or a bound as printed: ``lt`` ("<0.2", "less than"), ``le`` ("≤", "max.", "不超过"),
    ``gt`` (">"), ``ge`` ("≥", "at least", "不小于"), where ``value`` holds the bound.
    """

    field: str
    value: float | str | bool | None = None
    unit: str = ""
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier = ""
    evidence: list[Evidence] = Field(default_factory=list)
    note: str = ""


class ClauseResult(Strict):
    """One clause evaluated for one product."""

    id: str
    status: Status
    value: float | str | None = None
    unit: str = ""
    limit: float | None = None
    op: str = ""
    margin: float | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    note: str = ""


class ProductReport(Strict):
    """All clause results for one product, and its verdict (INTERFACE.md §2)."""

    id: str
    category: str
    sources: list[str] = Field(default_factory=list)
    verdict: Verdict
    clauses: list[ClauseResult] = Field(default_factory=list)


class InputError(Strict):
    """An input that could not be read, with a one-line reason."""

    source: str
    error: str

    def where(self, colon: str = ": ") -> str:
        """The source and ``colon`` to write before the error, or nothing where the error begins with its source."""
        return "" if self.error.startswith(self.source) else f"{self.source}{colon}"


class InputWarning(Strict):
    """Something an input's reader left out on purpose (invisible text, pages over the limit), one line."""

    source: str
    warning: str


class Report(Strict):
    """The whole report of one ``checker check`` or ``checker audit`` run."""

    standard: str = STANDARD_NAME
    as_of: str
    products: list[ProductReport] = Field(default_factory=list)
    errors: list[InputError] = Field(default_factory=list)
    warnings: list[InputWarning] = Field(default_factory=list)  # in the JSON only when there are some

    @model_serializer(mode="wrap")
    def _without_empty_warnings(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """The report as INTERFACE.md §4 shows it; ``warnings`` is added only when a reader left text out."""
        data: dict[str, Any] = handler(self)
        if not data.get("warnings"):
            data.pop("warnings", None)
        return data


def verdict_index(any_fail: npt.ArrayLike, any_missing: npt.ArrayLike) -> npt.NDArray[np.int8]:
    """The verdict rule, written once, as an index into :data:`VERDICTS` (per row for arrays): fail if
    any clause fails; else incomplete if any is missing evidence; else pass."""
    return np.where(any_fail, 2, np.asarray(any_missing, dtype=np.int8)).astype(np.int8)


def verdict_of(statuses: list[str]) -> Verdict:
    """The verdict of one product from its clause statuses (the rule of :func:`verdict_index`)."""
    return VERDICTS[int(verdict_index("fail" in statuses, "missing_evidence" in statuses))]


def first_problem(exc: ValidationError, default_place: str = "") -> tuple[str, str]:
    """(where, what) of the first problem pydantic found: ``a.b.0`` and its message, for a one-line error."""
    first = exc.errors()[0]
    return ".".join(str(part) for part in first["loc"]) or default_place, str(first["msg"])
