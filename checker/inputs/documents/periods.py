"""A data centre's statistics period as a report prints it ("统计期：2024年1月1日 至 2024年12月31日", "Reporting
period: 1 January 2024 - 31 December 2024", "2024-01-01 至 2024-12-31", "报告年度：2024 年度"): ``period_start``
and ``period_end``, which choose the limits of 5.1 and Table 1 in force (INTERFACE §6).

The labels are the vocabulary's (``period_labels``); a label with one year and no day ("2024 年度") is that calendar
year, and so is a line that opens with its year ("2024年度，本数据中心…") or names a calendar year ("the financial year
2024 (calendar year)"). A row with one date only, or dates that are not a start before an end, gives nothing.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from checker.catalog.vintage import other_vintages, vintage_fields
from checker.inputs.documents.candidates import Candidate, Emitter
from checker.inputs.documents.conditions import noted
from checker.inputs.documents.numbers import fold_key
from checker.inputs.documents.rowparse import Parsed
from checker.inputs.documents.text import Row
from checker.inputs.documents.vocabulary import Label, TermWords, Vocabulary
from checker.models import DOUBT_PREFIXES

_MONTHS = {name: i + 1 for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")]) for name in names}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATES = re.compile(
    r"(?P<y1>(?:19|20)\d{2})\s*(?:年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*日?|[-/.](?P<m2>\d{1,2})[-/.](?P<d2>\d{1,2}))"
    rf"|(?P<d3>\d{{1,2}})\s+(?P<mn3>{_MONTH})\.?,?\s+(?P<y3>(?:19|20)\d{{2}})"
    rf"|(?P<mn4>{_MONTH})\.?\s+(?P<d4>\d{{1,2}}),?\s+(?P<y4>(?:19|20)\d{{2}})")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)\s*(?:年度|年|fy)?")
_DATACENTRE = ("datacenter", None)
_WHOLE_YEAR = re.compile(r"(?<!\d)1\s*月\s*[-—–~～至到]+\s*12\s*月|(?<![a-z])jan(?:uary)?\s*(?:-|–|to)\s*dec(?:ember)?")
_PART_OF_YEAR = re.compile(r"\d{1,2}\s*月|[-/.]\d{1,2}[-/.]|季|quarter|(?<![a-z])q[1-4]|(?<![a-z])(?:"
                           + _MONTH + r")(?![a-z])")


# A line that opens with the year it reports ("2024年度，…", "2024 年度数据中心能耗报告") or names a calendar year; a
# financial year alone ("FY2024") may not be one.
_YEAR_OF_REPORT = re.compile(r"^\s*(?:19|20)\d{2}\s*年度|(?<![a-z])calendar\s+year(?![a-z])"
                             r"|(?:19|20)\d{2}\s*自然年|自然年度")


def _date(m: re.Match[str]) -> date | None:
    """The date of one ``_DATES`` match, None when it is no calendar date."""
    g = m.groupdict()
    try:
        if g["y1"]:
            return date(int(g["y1"]), int(g["m1"] or g["m2"]), int(g["d1"] or g["d2"]))
        if g["y3"]:
            return date(int(g["y3"]), _MONTHS[g["mn3"]], int(g["d3"]))
        return date(int(g["y4"]), _MONTHS[g["mn4"]], int(g["d4"]))
    except (ValueError, KeyError, TypeError):
        return None


def period_pages(vocab: Vocabulary, texts: list[str], read: list[int], relevant: list[int],
                 category: str | None) -> list[int]:
    """Of the pages whose rows were read (``read``), those not ``relevant`` already that print a statistics period
    label ("审计期：2024年1月1日—2024年12月31日" on an audit's cover, its PUE on a later page): the period is read there
    too, in a data centre's documents."""
    if category not in _DATACENTRE:
        return []
    return [i for i in read if i not in relevant and _found(vocab.period_labels, fold_key(texts[i])) is not None]


def period_candidates(vocab: Vocabulary, parsed: Parsed, category: str | None, emitter: Emitter) -> list[Candidate]:
    """``period_start`` and ``period_end`` from a row that labels the statistics period, else nothing."""
    if category not in _DATACENTRE:
        return []
    key = parsed.key
    label = next((m for lab in vocab.period_labels if lab.probe in key for m in [lab.pattern.search(key)] if m), None)
    if label is None:
        label = _YEAR_OF_REPORT.search(key)  # "2024年度，本数据中心…", "the financial year 2024 (calendar year)"
        if label is None:
            return []
        rest = key
    else:
        rest = key[label.end():]
    days = [d for d in (_date(m) for m in _DATES.finditer(rest)) if d is not None]
    if len(days) >= 2:
        start, end = days[0], days[1]
    elif not days and len(set(_YEAR.findall(rest))) == 1 and not _PART_OF_YEAR.search(_WHOLE_YEAR.sub(" ", rest)):
        year = int(_YEAR.findall(rest)[0])
        start, end = date(year, 1, 1), date(year, 12, 31)
    else:
        return []
    if start >= end:
        return []
    return [emitter.fact("period_start", start.isoformat(), "", parsed.row),
            emitter.fact("period_end", end.isoformat(), "", parsed.row)]


def _period_years(cands: list[Candidate]) -> range | None:
    """The calendar years the statistics period(s) ``cands`` print touch, None where none is printed."""
    years = [int(str(c.fact.value)[:4]) for c in cands if c.field in ("period_start", "period_end")]
    return range(min(years), max(years) + 1) if years else None


def doubt_other_vintage(cands: list[Candidate], page_texts: list[str]) -> None:
    """Mark doubtful the renewable share of a document whose certificates are of another vintage than its statistics
    period ("绿证 12,800 张（生产年份：2022年）" in a 2025 statement), or that names a vintage and no period: they are
    no proof of the period's renewable energy (``certificate_vintage`` of the vocabulary)."""
    fields = vintage_fields()
    if not any(c.field in fields for c in cands):
        return
    years = _period_years(cands)
    other = other_vintages("\n".join(page_texts), years)
    if not other:
        return
    period = f"the statistics period ({years.start}–{years.stop - 1})" if years else "a statistics period"
    if years is not None and len(years) == 1:
        period = f"the statistics period ({years.start})"
    note = (f"doubtful: it rests on certificates of vintage {', '.join(map(str, other))}, not of {period}; "
            "whether they prove the period's renewable energy, a person decides")
    for cand in cands:
        if cand.field in fields and not cand.fact.note.startswith(DOUBT_PREFIXES):
            cand.fact = noted(cand.fact, note)


# "有效期至 2024-06-30", "有效期：2023-07-01 至 2024-06-30", "Valid until 30 June 2024", "Expiry date: 2024-06-30"
_VALIDITY = re.compile(r"有效期(?:至|截止|到)?|(?<![a-z])(?:valid\s+(?:until|through|thru|to)|expiry\s+date|"
                       r"expires?(?:\s+on)?|expiration\s+date)(?![a-z])")


def validity_candidates(parsed: Parsed, emitter: Emitter) -> list[Candidate]:
    """``valid_until`` from a row that states a document's validity (the last date after the words), else nothing."""
    key = parsed.key
    found = _VALIDITY.search(key)
    if found is None:
        return []
    days = [d for d in (_date(m) for m in _DATES.finditer(key[found.end():])) if d is not None]
    if not days:
        return []
    return [emitter.fact("valid_until", days[-1].isoformat(), "", parsed.row)]


def _found(labels: list[Label], key: str) -> re.Match[str] | None:
    """The first of ``labels`` found in folded ``key``."""
    return next((m for lab in labels if lab.probe in key for m in [lab.pattern.search(key)] if m), None)


def _months_after(start: date, months: int) -> date:
    """``months`` after ``start``, on the same day of the month (the month's last day where it has none)."""
    year, month = divmod(start.month - 1 + months, 12)
    year, month = start.year + year, month + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


class ValidityTerm:
    """A document's validity printed as a term from its issue date ("证书有效期 三年（自发证日期起）" and "发证日期
    2021年05月10日"; ``validity_terms`` of the vocabulary): read row by row, its end worked out once the document is
    read. An issue label with no readable date, two issue dates or two terms that differ: no end."""

    def __init__(self, words: TermWords | None) -> None:
        self.words = words
        self.terms: list[tuple[int, Row]] = []  # the term's months, and its row
        self.issued: list[tuple[date | None, Row]] = []  # an issue date (None: unreadable), and its row

    def read(self, parsed: Parsed) -> None:
        """Note the term of validity or the issue date ``parsed`` prints."""
        if self.words is None:
            return
        key = parsed.key
        months = self._term(key)
        if months is not None:
            self.terms.append((months, parsed.row))
        label = _found(self.words.issue_labels, key)
        if label is None:
            return
        days = [_date(m) for m in _DATES.finditer(key[label.end():])]
        if days or months is None:  # a term's own "from the date of issue" names no date
            self.issued.append((days[0] if days else None, parsed.row))

    def _term(self, key: str) -> int | None:
        """The months of a term of validity after a validity word of ``key`` with no date after it, else None."""
        assert self.words is not None
        word = _found(self.words.words, key)
        if word is None or _DATES.search(key[word.end():]):
            return None
        term = self.words.term.search(key, word.end())
        if term is None:
            return None
        num = term["num"]
        count = int(num) if num.isdigit() else self.words.numerals[num]
        return count * self.words.units[term["unit"]] or None

    def candidates(self, emitter: Emitter, found: list[Candidate]) -> list[Candidate]:
        """``valid_until`` worked out from the one term and the one issue date, unless ``found`` holds a printed
        one; else nothing."""
        if not self.terms or not self.issued or any(c.field == "valid_until" for c in found):
            return []
        months, issued = {m for m, _ in self.terms}, {d for d, _ in self.issued}
        if len(months) != 1 or len(issued) != 1 or None in issued:
            return []
        (term, row), (start, issue_row) = self.terms[0], self.issued[0]
        assert start is not None
        end = _months_after(start, term) - timedelta(days=1)
        cand = emitter.fact("valid_until", end.isoformat(), "", row,
                            note=f"worked out: a term of {term} months from the issue date {start.isoformat()}")
        cand.fact.evidence.append(emitter.evidence(issue_row))
        return [cand]
