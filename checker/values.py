"""Parse a value as written in a record file or a catalog cell: number, unit, non-detect marks."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from checker.models import Qualifier

NON_DETECT = {"nd", "n.d.", "n.d", "未检出", "not detected", "<mdl", "<loq", "<rl"}
BLANK_WORDS = frozenset({"nan"})  # what a spreadsheet or a script writes for an empty cell
_NUMBER = re.compile(r"^\s*(?P<lt><\s*)?(?P<num>[-+]?(?:\d[\d,]*\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(?P<unit>.*?)\s*$")
_THOUSANDS = re.compile(r"^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$")
_DECIMAL_COMMA = re.compile(r"^[-+]?\d+,\d{1,2}$|^[-+]?\d+,\d{4,}$")


class ValueTextError(ValueError):
    """The text holds no usable value."""


class BlankValue(ValueTextError):
    """The text holds nothing at all: the value is missing, not unreadable."""


@dataclass(frozen=True)
class ParsedValue:
    """A number (None for a bare non-detect), the unit text after it, and a non-detect mark."""

    number: float | None
    unit: str
    qualifier: Qualifier = ""


def parse_number(text: str) -> float:
    """A number as printed: "1,250" (thousands), "105,8" (decimal comma), "９４.２" (full width)."""
    folded = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    if _THOUSANDS.match(folded):
        folded = folded.replace(",", "")
    elif _DECIMAL_COMMA.match(folded):
        folded = folded.replace(",", ".")
    elif "," in folded:
        raise ValueTextError(f"ambiguous number {text!r}")
    number = float(folded)
    if not math.isfinite(number):
        raise ValueTextError(f"not a finite number: {text!r}")
    return number


def is_blank_text(text: str) -> bool:
    """The one blank rule of records and catalogs: empty, white space, or the word "nan" in any case.

    "nan" is what pandas or a script writes for an empty cell; a person who typed it gave no value,
    so the value is missing (never a pass). "-", "N/A", "None" are not blank: they are unreadable.
    """
    folded = unicodedata.normalize("NFKC", text).strip()
    return not folded or folded.lower() in BLANK_WORDS


def parse_value_text(text: str) -> ParsedValue:
    """Split value text into number, unit and qualifier: "94.2 %", "ND", "<0.2 mg/kg", "7,6 B".

    Raises :class:`BlankValue` for blank text (:func:`is_blank_text`), :class:`ValueTextError` for junk.
    """
    if is_blank_text(text):
        raise BlankValue(f"blank value {text.strip()!r}" if text.strip() else "empty value")
    folded = unicodedata.normalize("NFKC", text).strip()
    if folded.lower() in NON_DETECT or folded.lower().startswith(("nd ", "n.d. ")):
        return ParsedValue(None, "", "nd")
    match = _NUMBER.match(folded)
    if not match:
        raise ValueTextError(f"no number in {text!r}")
    number = parse_number(match.group("num"))
    qualifier: Qualifier = "lt" if match.group("lt") else ""
    return ParsedValue(number, match.group("unit"), qualifier)
