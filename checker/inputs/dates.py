"""A date cell as ``YYYY-MM-DD``, in the forms records and catalogs write it.

Read: ISO ("2023-12-31", "2023/12/31", "2023.12.31", with a time), Chinese ("2023年12月31日"), an Excel serial day
(45291), a day and a month in either order where one of them is over 12 ("31/12/2023", "12/31/2023", "31.12.2023"; or
both the same), a month written in English ("Dec 31, 2023", "31 December 2023", "31-Dec-2023": ``month_words`` of
catalogs/fields.yaml). A month alone ("2023-12", "Dec 2023") is a day only for a field whose ``month_end`` says it
means the month's last day (a validity date); "01/02/2023" (1 February or 2 January?) is no date: never a guess.
"""

from __future__ import annotations

import calendar
import math
import re
import unicodedata
from datetime import date, timedelta
from functools import cache
from typing import Any

import pandas as pd

_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_DAYS = (25569, 73051)  # 1970-01-01 to 2099-12-31 as Excel serial days
_CHINESE_DATE = re.compile(r"^\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日?)?\s*$")
_TIME = r"(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"  # "2023-12-31 00:00:00", as a datetime's text
_YEAR_FIRST = re.compile(r"^((?:19|20)\d{2})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?" + _TIME + "$")
_YEAR_LAST = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2((?:19|20)\d{2})$")
_MONTH_FIRST = re.compile(r"^([a-z]+)\.?\s*(?:(\d{1,2})(?:st|nd|rd|th)?\s*,?)?\s+((?:19|20)\d{2})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[\s\-]*([a-z]+)\.?,?[\s\-]+((?:19|20)\d{2})$")


def iso_date(raw: Any, month_end: bool = False) -> str | None:
    """A date as ``YYYY-MM-DD``, or None when it is not one, or not only one (see the module's docstring); a month
    alone is its last day where ``month_end``."""
    if raw is None or raw is pd.NaT or (isinstance(raw, float) and math.isnan(raw)):
        return None  # a blank date (NaT of a Parquet or Excel date column)
    if isinstance(raw, date):
        return raw.isoformat()[:10]
    text = unicodedata.normalize("NFKC", str(raw)).strip().lower()
    serial = re.fullmatch(r"(\d{5})(?:\.0+)?", text)
    if serial and _EXCEL_DAYS[0] <= int(serial.group(1)) <= _EXCEL_DAYS[1]:  # an Excel serial day without its format
        return (_EXCEL_EPOCH + timedelta(days=int(serial.group(1)))).isoformat()
    found = _parts(text)
    if found is None:
        return None
    year, month, day = found
    if day is None and not month_end:
        return None  # a month is no day
    return _day(year, month, day)


def date_issue(raw: Any, month_end: bool = False) -> str:
    """Why ``raw`` is not read as a date: ambiguous ("01/02/2023": day and month both 12 or under), a month alone, or
    unreadable."""
    text = unicodedata.normalize("NFKC", str(raw)).strip()
    order = _YEAR_LAST.match(text)
    if order and int(order.group(1)) <= 12 and int(order.group(3)) <= 12:
        return (f"ambiguous date {text!r}: the day and the month could be either way round "
                "(write it as YYYY-MM-DD)")
    found = _parts(text.lower())
    if found is not None and found[2] is None and not month_end:
        return f"a month, not a day: {text!r}"
    return f"unreadable date {text!r} (write it as YYYY-MM-DD)"


def _parts(text: str) -> tuple[int, int, int | None] | None:
    """(year, month, day or None for a month alone) of folded ``text``, or None."""
    for pattern in (_YEAR_FIRST, _CHINESE_DATE):
        found = pattern.match(text)
        if found:
            year, month, day = found.groups()
            return int(year), int(month), int(day) if day else None
    return _day_and_month(text) or _named_month(text)


def _day_and_month(text: str) -> tuple[int, int, int | None] | None:
    """"31/12/2023" and "12/31/2023": the part over 12 is the day; both 12 or under, the same or None (ambiguous)."""
    found = _YEAR_LAST.match(text)
    if not found:
        return None
    first, second, year = int(found.group(1)), int(found.group(3)), int(found.group(4))
    if first > 12 >= second or first == second:
        return year, second, first
    if second > 12 >= first:
        return year, first, second
    return None


def _named_month(text: str) -> tuple[int, int, int | None] | None:
    """"Dec 31, 2023", "December 2023", "31 Dec 2023", "31-Dec-2023"."""
    words = month_words()
    found = _MONTH_FIRST.match(text)
    if found and found.group(1) in words:
        return int(found.group(3)), words[found.group(1)], int(found.group(2)) if found.group(2) else None
    found = _DAY_FIRST.match(text)
    if found and found.group(2) in words:
        return int(found.group(3)), words[found.group(2)], int(found.group(1))
    return None


def _day(year: int, month: int, day: int | None) -> str | None:
    """The day as ISO text (the month's last where ``day`` is None), or None where there is no such day."""
    if not 1 <= month <= 12:
        return None
    try:
        return date(year, month, day if day is not None else calendar.monthrange(year, month)[1]).isoformat()
    except ValueError:
        return None


@cache
def month_words() -> dict[str, int]:
    """A month's name or abbreviation (folded) → its number (``month_words`` of catalogs/fields.yaml)."""
    from checker.catalog.files import read_yaml

    return {str(word).lower(): int(number) for number, words in read_yaml("fields.yaml")["month_words"].items()
            for word in words}
