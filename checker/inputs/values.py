"""Parse a value as written in a record file or a catalog cell: number, unit, non-detect marks, bounds.

The comparison words that make a value a bound ("≤ 96 %", "max. 96 %", "96 % 以下", "at least 33")
and the words of an estimate ("约 94 %") are data, in ``catalogs/comparisons.yaml``: one table for
records, catalogs and documents alike.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from checker.errors import CheckerError
from checker.models import Qualifier

NON_DETECT = {"nd", "n.d.", "n.d", "未检出", "not detected", "<mdl", "<loq", "<rl"}
BLANK_WORDS = frozenset({"nan"})  # what a spreadsheet or a script writes for an empty cell
_NUMBER = re.compile(r"^\s*(?P<num>[-+]?(?:[1-9]\d{0,2}(?:\.\d{3})+,\d+|\d[\d,]*\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)"
                     r"\s*(?P<unit>.*?)\s*$")
_THOUSANDS = re.compile(r"^[-+]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$")
_DECIMAL_COMMA = re.compile(r"^[-+]?\d+,\d{1,2}$|^[-+]?0,\d+$|^[-+]?\d+,\d{4,}$")
_EU_GROUPED = re.compile(r"^[-+]?[1-9]\d{0,2}(\.\d{3})+,\d+$")  # 1.250,5
# "1.500": a decimal point (1.5) or dots grouping thousands (1500), as a European catalog writes it
DOT_GROUPED = r"^[+]?[1-9]\d{0,2}(?:\.\d{3})+$"
BOUND_SYMBOLS: dict[Qualifier, str] = {"lt": "<", "le": "≤", "gt": ">", "ge": "≥"}


@dataclass(frozen=True)
class Comparisons:
    """The comparison and estimate words of ``catalogs/comparisons.yaml``, folded, longest first."""

    before: tuple[tuple[str, Qualifier], ...]
    after: tuple[tuple[str, Qualifier], ...]
    approximate: tuple[str, ...]
    approximate_after: tuple[str, ...]


def _fold_word(word: str) -> str:
    return unicodedata.normalize("NFKC", word).strip().lower()


@lru_cache(maxsize=1)
def comparisons() -> Comparisons:
    """The comparison words, loaded once from the catalog folder."""
    from checker.catalog.files import read_yaml

    data = read_yaml("comparisons.yaml")

    def table(side: str) -> tuple[tuple[str, Qualifier], ...]:
        pairs = [(_fold_word(word), cast(Qualifier, op)) for op, words in data[side].items() for word in words]
        return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))

    words = sorted({_fold_word(word) for word in data["approximate"]}, key=len, reverse=True)
    after = sorted({_fold_word(word) for word in data["approximate_after"]}, key=len, reverse=True)
    return Comparisons(table("before"), table("after"), tuple(words), tuple(after))


def _starts_with_word(text: str, word: str) -> bool:
    """``text`` starts with ``word``, not inside a longer word ("max 96", not "maximal")."""
    if not text.startswith(word):
        return False
    rest = text[len(word):]
    return not (word[-1].isascii() and word[-1].isalpha() and rest[:1].isascii() and rest[:1].isalpha())


def split_bound(text: str) -> tuple[str, Qualifier, str]:
    """Take a comparison word off folded ``text``: (the rest, its qualifier, the word as found).

    "≤ 96 %" → ("96 %", "le", "≤"); "96 % max" → ("96 %", "le", "max"); "96 %" → ("96 %", "", "").
    Raises :class:`ValueTextError` for an estimate ("约 94 %", "approx. 94 %").
    """
    lowered = text.lower()
    words = comparisons()
    for word in words.approximate:
        if _starts_with_word(lowered, word):
            raise ValueTextError(f"an estimate or a target ({word!r}), not a measurement: {text!r}")
    for word in words.approximate_after:
        if lowered.endswith(word) and re.search(r"\d", lowered[:-len(word)]):
            raise ValueTextError(f"an estimate or a target ({word!r}), not a measurement: {text!r}")
    for word, qualifier in words.before:
        if _starts_with_word(lowered, word) and re.match(r"\s*[-+]?[.\d]", lowered[len(word):]):
            return text[len(word):].strip(), qualifier, word
    for word, qualifier in words.after:
        if lowered.endswith(word):
            head = text[:len(text) - len(word)].rstrip(" .,")
            joined = not word[0].isascii() or text[len(head):len(head) + 1] == " " or not head[-1:].isalpha()
            if joined and re.search(r"\d", head):
                return head, qualifier, word
    return text, "", ""


def estimate_word(text: str) -> str | None:
    """The first estimate or target word ("typical", "预计", "design value") anywhere in ``text`` as a whole word, or
    None: a record's note or printed text that calls its number so makes it no measurement."""
    found = _estimate_words().search(unicodedata.normalize("NFKC", text).lower())
    return found.group(0) if found else None


@lru_cache(maxsize=1)
def _estimate_words() -> re.Pattern[str]:
    """Every estimate or target word of comparisons.yaml (two characters or more), longest first, whole words."""
    words = comparisons()
    parts = []
    for word in sorted({*words.approximate, *words.approximate_after}, key=len, reverse=True):
        if len(word) < 2:
            continue
        edge = r"(?<![a-z])" if word[0].isascii() and word[0].isalpha() else ""
        tail = r"(?![a-z])" if word[-1].isascii() and word[-1].isalpha() else ""
        parts.append(edge + re.escape(word) + tail)
    return re.compile("|".join(parts))


class ValueTextError(CheckerError, ValueError):
    """The text holds no usable value."""


class BlankValue(ValueTextError):
    """The text holds nothing at all: the value is missing, not unreadable."""


@dataclass(frozen=True)
class ParsedValue:
    """A number (None for a bare non-detect, the detection limit of one that prints it), the unit text after it,
    and a non-detect or comparison mark."""

    number: float | None
    unit: str
    qualifier: Qualifier = ""
    grouped: float | None = None  # the number read with its dots as thousands separators, where it could be


def parse_number(text: str) -> float:
    """The one reading of a number as printed, for every path (records, catalogs, documents, calculators).

    "1,250" and "1,250.5" (thousands), "105,8" and "0,236" (decimal comma), "1.250,5" (grouped with
    dots, decimal comma), "９４.２" (full width). A dot is always a decimal point unless a decimal comma
    follows. Raises :class:`ValueTextError` for anything else ("1,5,0", "1,2.5", an infinity).
    """
    folded = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    if _THOUSANDS.match(folded):
        folded = folded.replace(",", "")
    elif _EU_GROUPED.match(folded):
        folded = folded.replace(".", "").replace(",", ".")
    elif _DECIMAL_COMMA.match(folded):
        folded = folded.replace(",", ".")
    elif "," in folded:
        raise ValueTextError(f"ambiguous number {text!r}")
    try:
        number = float(folded)
    except ValueError:
        raise ValueTextError(f"not a number: {text!r}") from None
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
    """Split value text into number, unit and qualifier: "94.2 %", "ND", "<0.2 mg/kg", "≤ 96 %", "7,6 B".

    A comparison word makes the value a bound (qualifier ``lt``/``le``/``gt``/``ge``, the number is the
    bound); whether a bound or a non-detect means anything for the field is the frame's rule
    (:func:`checker.engine.frame.quantity_cell`). Raises :class:`BlankValue` for blank text
    (:func:`is_blank_text`), :class:`ValueTextError` for junk and estimates.
    """
    if is_blank_text(text):
        raise BlankValue(f"blank value {text.strip()!r}" if text.strip() else "empty value")
    folded = _grade_words(unicodedata.normalize("NFKC", text).strip())
    if folded.lower() in NON_DETECT:
        return ParsedValue(None, "", "nd")
    after = _after_non_detect(folded)
    if after is not None:
        return _non_detect(after, text)
    rest, qualifier, _ = split_bound(folded)
    rest = _SPACE_GROUPED.sub(lambda m: m.group(0).replace(" ", ""), rest)  # "12 500" in a cell: 12500
    if _TOLERANCE.search(rest):
        raise ValueTextError(f"{text.strip()!r} gives a tolerance: the value may lie on either side of the number")
    match = _NUMBER.match(rest)
    if not match:
        raise ValueTextError(f"no number in {text!r}")
    number = parse_number(match.group("num"))
    grouped = float(match.group("num").replace(".", "")) if re.match(DOT_GROUPED, match.group("num")) else None
    return ParsedValue(number, _without_method(match.group("unit")), qualifier, grouped)


_SPACE_GROUPED = re.compile(r"^\d{1,3}(?: \d{3})+(?![\d])")  # thousands grouped by spaces, the cell's one number
_TOLERANCE = re.compile(r"±|\+\s*/\s*-|\+-(?=\s*\d)")  # "94±1%", "94 +/- 1 %"


_NUMERALS = {"一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "八": "8",
             "I": "1", "II": "2", "III": "3", "IV": "4", "V": "5"}
_GRADE_WORD = re.compile(r"^(?:能效|能源效率)?\s*(?:等级)?\s*[:：]?\s*(一|二|三|四|五|III|II|IV|I|V|\d)\s*级"
                         r"(?:\s*能效)?$|^(?:level|grade|class)\s*(\d)$", re.IGNORECASE)
_POLES_WORD = re.compile(r"^(\d{1,2}|二|四|六|八)\s*极(?:电机)?$")


def _grade_words(folded: str) -> str:
    """A grade or a pole count written as words, as a number: "一级", "Ⅰ级", "2级能效", "一级能效", "Level 3" →
    "1级" …; "4极", "四极" → "4" (a count of poles)."""
    if not folded or (folded[0].isdigit() and "级" not in folded and "极" not in folded):
        return folded
    grade = _GRADE_WORD.match(folded)
    if grade:
        return f"{_NUMERALS.get(grade.group(1) or '', grade.group(1) or grade.group(2))}级"
    poles = _POLES_WORD.match(folded)
    if poles:
        return _NUMERALS.get(poles.group(1), poles.group(1))
    return folded


_NON_DETECT_START = re.compile(r"^(?:n\.\s?d\.?|nd|not\s+detected|未检出|未检测到)(?![a-z\d.])", re.IGNORECASE)
_ASIDE = " \t,;:/()[]（）"


def _after_non_detect(folded: str) -> str | None:
    """The text after a leading non-detect mark ("ND (MDL 2 mg/kg)" → "(MDL 2 mg/kg)"), None without one."""
    match = _NON_DETECT_START.match(folded)
    return folded[match.end():] if match else None


def _non_detect(after: str, text: str) -> ParsedValue:
    """A non-detect and what is printed after it: nothing or a method → a non-detect; a detection or
    reporting limit, named or after "<" ("ND (MDL 2 mg/kg)", "未检出（检出限 2 mg/kg）", "ND (<2 mg/kg)") → a
    non-detect with that limit as its number (known only as below it; still no value where a concentration is
    not due); anything else ("ND 2", "ND (see note 3)") → :class:`ValueTextError`."""
    rest = _without_method(after.rstrip()).strip(_ASIDE)
    if not rest:
        return ParsedValue(None, "", "nd")
    lowered = rest.lower()
    named = next((word for word in _detection_limit_words() if _starts_with_word(lowered, word)), "")
    rest = rest[len(named):].lstrip(" :：=为")
    signed = rest[:1] in ("<", "≤")
    match = _NUMBER.match(rest[1:] if signed else rest)
    if not (named or signed) or not match or match.group("unit").strip(_ASIDE) != match.group("unit"):
        raise ValueTextError(f"a non-detect with more after it than its detection limit: {text!r}")
    return ParsedValue(parse_number(match.group("num")), match.group("unit"), "nd")


@lru_cache(maxsize=1)
def _detection_limit_words() -> tuple[str, ...]:
    """A test method's detection and reporting limit words (``detection_limit_words`` of
    catalogs/vocabulary.yaml), folded, longest first."""
    from checker.catalog.files import read_yaml

    words = {_fold_word(word) for word in read_yaml("vocabulary.yaml")["detection_limit_words"]}
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _method_in_brackets() -> re.Pattern[str]:
    """A bracketed standard or test-method number at the end of a value ("5 mg/kg (IEC 62321-5)"); the
    pattern of a standard's number is ``standard_reference`` of catalogs/vocabulary.yaml."""
    from checker.catalog.files import read_yaml

    reference = read_yaml("vocabulary.yaml")["standard_reference"]
    return re.compile(r"\s*[(\[]\s*(?:" + reference + r")(?:\s*[,;&/+]\s*(?:" + reference + r"))*\s*[)\]]\s*$",
                      re.IGNORECASE)


def _without_method(unit: str) -> str:
    """The unit text without a bracketed method reference after it (a method names how, not how much)."""
    return _method_in_brackets().sub("", unit) if "(" in unit or "[" in unit else unit
