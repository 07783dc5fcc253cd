"""Number and unit normalisation for text read from documents.

Handles full-width digits and units (NFKC), decimal commas ("105,8"), thousands separators
("1,250"), the odd "26.,4", non-detects (ND, N.D., 未检出, "<0.2") and unit text printed after a
number. Unit text is returned as printed (made parseable by :func:`checker.units.parse_unit`);
no conversion happens here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from checker.chinese import simplified
from checker.inputs import values

_BRACKETS = str.maketrans({"[": "(", "]": ")", "{": "(", "}": ")", "【": "(", "】": ")", "〔": "(", "〕": ")",
                           "–": "-", "—": "-", "‐": "-", "−": "-", "\u00a0": " ", "\u3000": " ", "×": "x",
                           "•": " ", "·": "·", "\u00ad": ""})  # a soft hyphen is never printed
_DASH_RUN = re.compile(r"-{2,}(?=\d)")  # "110V-\u00ad‐240V" as Word exports it: one dash


_SPACES = re.compile(r"[ \t\r\f\v]+")
_SPACES_TO_FOLD = re.compile(r"[\t\r\f\v]|  ")  # a text without these has only single spaces: nothing to fold
_ANY_BRACKET = re.compile("[" + re.escape("".join(chr(code) for code in _BRACKETS)) + "]")


_SUPERSCRIPTS = "¹²³⁰⁴⁵⁶⁷⁸⁹"
_FOOTNOTE = re.compile(rf"([^\W\d_]+|[%)\]）])([{_SUPERSCRIPTS}]+)(?![⁺⁻])")
_ANY_SUPERSCRIPT = re.compile(f"[{_SUPERSCRIPTS}]")
_POWERS = {"m", "dm", "cm", "mm", "km", "ft", "in", "cr"}  # m², dm³, Cr⁶: not footnotes


# A power of ten after a number: "1.2×10³", "1.2 x 10^3", "1.2*10**-2" → "1.2e3", "1.2e-2" (the exponent marked by a
# superscript, ^ or **: "440 x 10 x 44" is a size)
_POWER_OF_TEN = re.compile(r"(\d)\s*[×xX*·]\s*10\s*(?:(?:\^|\*\*)\s*([-+−]?)\s*(\d{1,3})|([⁻⁺]?)([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))"
                           r"(?![\d⁰¹²³⁴⁵⁶⁷⁸⁹])")
_EXPONENT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻−", "0123456789--", "+⁺")


def _power_of_ten(m: re.Match[str]) -> str:
    sign, digits = (m.group(2), m.group(3)) if m.group(3) else (m.group(4), m.group(5))
    return f"{m.group(1)}e{(sign + digits).translate(_EXPONENT)}"


def _footnote(m: re.Match[str]) -> str:
    return m.group(0) if m.group(1).lower() in _POWERS else m.group(1) + " "


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """NFKC-fold ``text`` (full-width digits, ％, ㎎), Traditional and Japanese characters to Simplified (電源 → 电源,
    :mod:`checker.chinese`), unify brackets and dashes, collapse spaces.
    A superscript digit after a word, "%" or a bracket is a footnote marker ("Mercury¹", "96 %²") and is dropped, so
    it joins neither the label nor the number after it; powers of units (m², dm³) and Cr⁶⁺ are kept."""
    if "10" in text and ("^" in text or "**" in text or _ANY_SUPERSCRIPT.search(text)):
        text = _POWER_OF_TEN.sub(_power_of_ten, text)
    if _ANY_SUPERSCRIPT.search(text):
        text = _FOOTNOTE.sub(_footnote, text)
    folded = simplified(unicodedata.normalize("NFKC", text))
    if _ANY_BRACKET.search(folded):  # str.translate goes through a dict a character: only where it changes one
        folded = folded.translate(_BRACKETS)
    if "--" in folded:
        folded = _DASH_RUN.sub("-", folded)
    if _SPACES_TO_FOLD.search(folded):
        folded = _SPACES.sub(" ", folded)
    return folded.strip()


def fold_document(text: str) -> str:
    """:func:`fold_key` of a whole page or document, kept out of the caches (meant for rows and cells)."""
    return fold.__wrapped__(text).lower()


@lru_cache(maxsize=65536)
def fold_key(text: str) -> str:
    """:func:`fold` plus lower case: the form labels are matched in."""
    return fold(text).lower()


UNKNOWN_UNIT = "?"  # the mark of a unit the reader does not know, printed right after the number
HIDDEN_MARK = "\u2592"  # stands for a hidden character beside visible ones of a number (checker.inputs.documents.text)

# Water per energy (a WUE, however printed: "0.0031 m³/kWh", "1.85 m³/MWh", "1.8 t/MWh", "0.9 吨/万kWh", "1800 L/MWh";
# a mass of water is converted as such only where the field is water) and energies in 万kWh and coal equivalent.
_PER = r"\s*/\s*"
_KWH = r"\(?(?:kw\s*[·.*]?\s*h|千瓦时)\)?"
_MWH = r"\(?mw\s*[·.*]?\s*h\)?"
_WAN_KWH = r"万\s*(?:kw\s*[·.*]?\s*h|千瓦时|度)"
_WATER_RATES = [(volume + _PER + energy + r"(?![a-z])", f"{unit}/{per}")
                for volume, unit in ((r"(?:m3|m\^3|立方米)", "m3"), (r"(?:t|吨)", "t"), (r"(?:l|升)", "L"),
                                     (r"(?:kg|千克|公斤)", "kg"))
                for energy, per in ((_WAN_KWH, "wan_kWh"), (_MWH, "MWh"), (_KWH, "kWh"))]

# Units recognised right after a number (after folding), longest first. Values: unit text to emit.
_UNIT_PATTERNS: list[tuple[str, str]] = [
    *_WATER_RATES, (_WAN_KWH, "wan_kWh"), (r"千瓦时", "kWh"), (r"吨标准煤|吨标煤|tce(?![a-z])", "tce"),
    (r"千克标准煤|kgce(?![a-z])", "kgce"),
    (r"g\s*/\s*\(?kw\s*[·.*]?\s*h\)?", "g/kWh"), (r"kg\s*/\s*\(?kw\s*[·.*]?\s*h\)?", "kg/kWh"),
    (r"l\s*/\s*\(?kw\s*[·.*]?\s*h\)?", "L/kWh"),  # g/kWh, g/kW·h, g/(kW·h), g/(kW.h)
    (r"mg/kg", "mg/kg"), (r"mg\s*/\s*kg", "mg/kg"), (r"ppm", "ppm"), (r"[µμu]g\s*/\s*g(?![a-z])", "ug/g"),
    (r"[µμu]g\s*/\s*kg", "ug/kg"),
    (r"[µμu]g\s*/\s*cm\s*(?:2|²|\^2)", "ug/cm**2"),  # a surface spot test (IEC 62321-7-1): no concentration
    (r"g\s*/\s*kg", "g/kg"),
    (r"l/hr", "L/hr"), (r"l/h", "L/h"), (r"升/小时", "L/h"),
    (r"db\s?\(a\)", "dB(A)"), (r"db\s?\((?:c|z|b|lin)\)", "dB(other weighting)"), (r"dba", "dBA"), (r"分贝", "dB(A)"),
    (r"bels?(?![a-z])", "B"), (r"b(?![a-z/])", "B"), (r"贝尔", "B"), (r"db(?![a-z]|\s?\()", "dB"),
    (r"mbps\s*/\s*w(?![a-z])", "Mbps/W"), (r"gbps\s*/\s*w(?![a-z])", "Gbps/W"),  # a switch's TEER
    (r"tbps", "Tbps"), (r"tbit/s", "Tbit/s"), (r"tb/s", "Tbps"), (r"gbps", "Gbps"), (r"gbit/s", "Gbit/s"),
    (r"gb/s", "Gbps"), (r"mbps", "Mbps"), (r"mbit/s", "Mbit/s"), (r"mb/s", "Mbps"),
    (r"w/gbps", "W/Gbps"), (r"kva", "kVA"),
    # a chiller's efficiency in kW per ton (AHRI's inverse COP) is no COP; a COP or EER in W/W (kW/kW); refrigeration
    # tons of a capacity (12 000 Btu/h)
    (r"kw\s*/\s*(?:ton|tr|rt)s?(?![a-z])", UNKNOWN_UNIT + "kW/ton"), (r"k?w\s*/\s*k?w(?![a-z])", "W/W"),
    (r"(?:us)?rt(?![a-z])|冷吨|tons?\s+of\s+refrigeration(?![a-z])|refrigeration\s+tons?(?![a-z])", "RT"),
    (r"kwe(?![a-z])", "kW"),
    (r"ekw(?![a-z])", "kW"), (r"kw(?![a-z])", "kW"), (r"千瓦", "kW"),
    (r"mw(?![a-z])", "mW"),
    (r"w(?![a-z])", "W"), (r"瓦", "W"), (r"%", "%"), (r"wt\.?\s*%", "%"), (r"(?:质量|重量)\s*%", "%"),
    (r"mm(?![a-z])", "mm"), (r"毫米", "mm"), (r"cm(?![a-z])", "cm"), (r"厘米", "cm"), (r"inches(?![a-z])", "inch"),
    (r"inch(?![a-z])", "inch"), (r"in\.?(?![a-z])", "in"), (r"\"", "in"), (r"英寸", "inch"),
    (r"dm3|dm\^3|dm³", "dm3"), (r"kg(?![a-z])", "kg"), (r"g(?![a-z])", "g"), (r"mg(?![a-z])", "mg"), (r"级", "grade"),
    # units of no field: a number followed by one is never a bare value of another quantity ("90 nm")
    (r"nm(?![a-z])", "nm"), (r"[µμu]m(?![a-z])", "um"), (r"years?(?![a-z])", "year"), (r"days?(?![a-z])", "day"),
    (r"hours?(?![a-z])", "hour"), (r"v(?:ac|dc|rms)?(?![a-z])", "V"), (r"伏", "V"), (r"hz(?![a-z])", "Hz"),
    (r"赫兹", "Hz"), (r"°\s*c(?![a-z])|℃|摄氏度", "degC"),
    # a packet rate, an amount of data, a per-unit fraction: never a throughput or a percent under its label's unit
    (r"[kmgt]?pps(?![a-z])", "pps"), (r"[kmgt]?bits?(?![a-z/])", "bit"), (r"p\.u\.|pu(?![a-z])", "p.u."),
    (r"[kmgt]?(?:packets?|frames?)(?:\s*/\s*s(?:ec)?)?(?![a-z])", "packet"),
    # a current, a heat flow, a US fuel flow, an engine's horsepower: never a power, a fuel flow or a rating in W or L/h
    (r"amps?(?![a-z])|amperes?(?![a-z])", "A"), (r"btu\s*/\s*h(?:r|our)?(?![a-z])|btu(?![a-z])", "BTU/h"),
    (r"kcal\s*/\s*h(?:r|our)?(?![a-z])|kcal(?![a-z])", "kcal/h"),
    # gallons: US or imperial (20 % more) as printed; a gallon that does not say which is no reading ("?gal")
    (r"us\s*(?:gph|gal(?:lons?)?\s*/\s*h(?:r|our)?)(?![a-z])", "gal/h"),
    (r"(?:imp\.?|imperial|uk)\s*(?:gph|gal(?:lons?)?\s*/\s*h(?:r|our)?)(?![a-z])", "imperial_gallon/h"),
    (r"gph(?![a-z])|gal(?:lons?)?(?:\s*/\s*h(?:r|our)?)?(?![a-z])", UNKNOWN_UNIT + "gal"),
    (r"b?hp(?![a-z])|horsepower(?![a-z])", "hp"),
    # an apparent power and energies: never a power in W ("Max power (W): 280 VA", "280 Wh")
    (r"va(?![a-z·*])", "VA"), (r"kwh(?![a-z])", "kWh"), (r"mwh(?![a-z])", "MWh"), (r"gwh(?![a-z])", "GWh"),
    (r"wh(?![a-z])", "Wh"), (r"per\s?cent(?![a-z])", "%"),
]
# the same alternatives, one group each: a match at a position is the first pattern of the list that matches there
_UNIT_FIRST = re.compile("|".join(f"({p})" for p, _ in _UNIT_PATTERNS), re.IGNORECASE)
_UNIT_OF_GROUP = {i + 1: u for i, (_, u) in enumerate(_UNIT_PATTERNS)}
if _UNIT_FIRST.groups != len(_UNIT_PATTERNS):
    raise RuntimeError("a unit pattern holds a group of its own: match_unit cannot tell which pattern matched")

_ND_RE = re.compile(r"(?<![a-z])(?:n\.\s?d\.?|nd|未检出|not\s+detected|未检测到|<\s*mdl|<\s*rl|<\s*loq)(?![a-z])",
                    re.IGNORECASE)
_NA_RE = re.compile(r"(?<![a-z])(?:n\.\s?a\.?|n/a|rtf|tbd|不适用)(?![a-z])", re.IGNORECASE)
_NUMBER_CORE = (
    r"(?:[1-9]\d{0,2}(?:\.\d{3})+,\d+(?![\d,])"  # 1.250,5
    r"|[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?(?![\d,])"  # 1,250 and 3,200,000
    r"|\d+\.,\d+"  # 26.,4
    r"|\d+,\d{1,2}(?![\d,])|0,\d+(?![\d,])"  # 105,8 and 0,236
    r"|(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d{1,3}(?![\d.]))?)"  # 94.2, .5, 1.2E+03
)
# "No.8" is a number only where no mask (vocabulary.yaml: identifiers "No. A123") covers it: a fan's machine number.
# A number is taken whole (an atomic group: "90.5" of "90.5-93.0" is never cut to "90"); one joined by a hyphen to a
# digit ("62321-7-2", "2024-01-01", "YE3-250M-4", "110-240V") is part of a code, a date or a span of ratings, not a
# value, except two decimals joined ("90.5-93.0 %", "0.96-0.99": a range of readings, two values).
_DECIMAL_END = r"(?<=\.\d)|(?<=\.\d\d)|(?<=\.\d\d\d)"
_VALUE_RE = re.compile(
    r"(?P<op><=|>=|=<|=>|≤|≥|≦|≧|≯|≮|<|>)?\s*"
    r"(?:(?<![A-Za-z0-9_.,/])|(?<=no\.))(?:(?<!\d-)|(?:(?<=\.\d-)|(?<=\.\d\d-)|(?<=\.\d\d\d-))(?=\d+\.\d))"
    r"(?P<num>(?>[-+]?" + _NUMBER_CORE + r"))"
    r"(?:(?![\w/]*-\d)|(?:" + _DECIMAL_END + r")(?=-\d+\.\d+(?![\w.]|-\d)))"
)
# Comparison symbols (notation); comparison words are data (``comparisons`` in vocabulary.yaml,
# applied by checker.inputs.documents.bounds). ＜ ＞ are folded to < > before matching.
_OPS = {"<": "lt", "<=": "le", "=<": "le", "≤": "le", "≦": "le", "≯": "le",
        ">": "gt", ">=": "ge", "=>": "ge", "≥": "ge", "≧": "ge", "≮": "ge"}


_DOT_COMMA = re.compile(r"[-+]?\d+\.,\d+")  # "26.,4": a decimal point and a comma where OCR saw one mark


def parse_number(text: str) -> float | None:
    """One number as printed in a document, by the one reading of numbers of every path
    (:func:`checker.inputs.values.parse_number`: "1,250" → 1250, "105,8" → 105.8, "９４.２" → 94.2), plus the
    odd "26.,4" that text extraction and OCR make of one decimal mark. None when ``text`` is not a number.
    """
    s = fold(text).replace(" ", "")
    if _DOT_COMMA.fullmatch(s):
        s = s.replace(".,", ".")
    try:
        return values.parse_number(s)
    except values.ValueTextError:
        return None


@dataclass(frozen=True)
class Value:
    """A number (or non-detect) found in folded text, with the unit printed after it."""

    value: float | None
    unit: str = ""
    qualifier: str = ""  # "", "nd", "lt", "le", "gt", "ge", "na"
    start: int = 0
    end: int = 0
    text: str = ""

    @property
    def is_number(self) -> bool:
        """True for a real number (not ND/NA)."""
        return self.value is not None


_UNIT_LEAD = re.compile(r" ?(?:\(\s*)?")
_UNIT_NAMING = [re.compile(p, re.IGNORECASE) for p in (
    r"\(([^()]{1,12})\)", r"[,，;；]\s*([^,，;；()]{1,12})\)", r"[,，]\s*([^,]{1,12})$", r"^\s*([^\s]{1,8})\s*$",
    r"(?<![a-z])(l/hr|l/h|g/kw[·.]?h|db\(a\)|mg/kg)", r"(?:单位|unit)[:：]?\s*(\S{1,8})",
    r"(?<=[a-z\u3400-\u9fff.])\s+(%)\s*$",  # a label's trailing percent sign ("Efficiency %", "效率 %", "Eff. %")
    r"\(\s*([^,，()]{1,8}?)\s*[,，][^()]*\)")]  # the first of a bracket's notes ("负载损耗 Pk (kW, 75 ℃)")


def match_unit(text: str, pos: int = 0) -> tuple[str, int] | None:
    """The unit printed at ``text[pos:]`` (spaces allowed before it): (unit text to emit, end)."""
    m = _UNIT_LEAD.match(text, pos)
    start = m.end() if m else pos
    um = _UNIT_FIRST.match(text, start)
    if um is None or um.lastindex is None:
        return None
    end = um.end()
    if text[start - 1:start] == "(" and text[end:end + 1] == ")":
        end += 1
    elif "(" in text[pos:start]:
        return None
    return _UNIT_OF_GROUP[um.lastindex], end


@lru_cache(maxsize=16384)
def unit_of(text: str) -> str | None:
    """The unit a label or header cell names, e.g. "效率(%)" → "%", "L/hr" → "L/hr", else None."""
    folded = fold(text)
    for pattern in _UNIT_NAMING:
        for m in pattern.finditer(folded):
            candidate = m.group(1).strip()
            found = match_unit(candidate)
            if found and found[1] == len(candidate) and not found[0].startswith(UNKNOWN_UNIT):
                return found[0]
    return None


def find_values(text: str, masked: list[tuple[int, int]] | None = None) -> list[Value]:
    """Every number or non-detect in folded ``text``, with unit and comparison qualifier.

    Spans in ``masked`` (standard references, CAS numbers, frame sizes...) are skipped.
    """
    spans = list(masked or [])
    out: list[Value] = []
    for m in _ND_RE.finditer(text):
        if not _inside(m.start(), spans):
            out.append(Value(None, "", "nd", m.start(), m.end(), m.group(0)))
            spans.append((m.start(), m.end()))
    for m in _NA_RE.finditer(text):
        if not _inside(m.start(), spans):
            out.append(Value(None, "", "na", m.start(), m.end(), m.group(0)))
            spans.append((m.start(), m.end()))
    grouped_to = -1
    for m in _VALUE_RE.finditer(text):
        if m.start("num") < grouped_to:
            continue  # a group of the number before ("1 040 Gbps")
        if _inside(m.start("num"), spans) or HIDDEN_MARK in text[max(0, m.start("num") - 1):m.end("num") + 1]:
            continue  # a number part of which cannot be seen ("1200" with its "1" hidden) is no "200"
        number_text, number_end = _space_grouped(text, m)
        number = parse_number(number_text)
        if number is None:
            continue
        grouped_to = number_end
        unit_end = number_end
        unit = ""
        found = match_unit(text, number_end) or _glued(text, number_end)
        if found:
            unit, unit_end = found
        op = _OPS.get(m.group("op") or "", "")
        start = m.start("op") if m.group("op") else m.start("num")
        out.append(Value(number, unit, op, start, unit_end, text[start:unit_end]))
    out.sort(key=lambda v: v.start)
    return out


_LEADING_GROUP = re.compile(r"[1-9]\d{0,2}")
_SPACE_GROUPS = re.compile(r"(?: \d{3})+(?:\.\d+)?(?![\d,])")


def _space_grouped(text: str, match: re.Match[str]) -> tuple[str, int]:
    """The number of ``match`` and where it ends, with the groups of three digits a space sets apart after it, as
    standards and lab reports print thousands ("1 040 Gbps", "176 000 Mbps", "1 240 g"), where a unit follows them
    (the unit says the groups are one quantity; "2 100" alone may be two columns' numbers, and is left as two)."""
    number = match.group("num")
    if not _LEADING_GROUP.fullmatch(number):
        return number, match.end("num")
    groups = _SPACE_GROUPS.match(text, match.end("num"))
    if groups is None:
        return number, match.end("num")
    unit = match_unit(text, groups.end())
    if unit is None and _label_names_unit(text, match.start("num"), groups.end()):
        return number + groups.group(0).replace(" ", ""), groups.end()
    if unit is None or unit[0] in ("%", "grade") or unit[0].startswith(UNKNOWN_UNIT):
        return number, match.end("num")
    return number + groups.group(0).replace(" ", ""), groups.end()


def _label_names_unit(text: str, start: int, end: int) -> bool:
    """True when the grouped number is all a label's value: it ends the text, its label before it names the unit
    ("整机质量 (g) 21 350", as Appendix C and GB-style tables print masses) and no number comes between them
    ("负载 (%) 20 50 100" is three columns' numbers)."""
    label = text[:start].rstrip()
    if text[end:].strip() or not label or label[-1].isdigit():
        return False
    unit = unit_of(label)
    return unit is not None and unit not in ("%", "grade") and not unit.startswith(UNKNOWN_UNIT)


# "176M", "176 M" (a prefix alone), "300 kJ/h", "280 VA·h" (letters over or times letters: a unit, also after a space)
_GLUED = re.compile(r"\s?[a-z]{1,8}\s*[/·*]\s*[a-z]{1,4}(?![a-z])|[a-z]{1,4}(?![a-z])|\s[kmt](?![a-z0-9])",
                    re.IGNORECASE)


def _glued(text: str, pos: int) -> tuple[str, int] | None:
    """Letters glued to a number that are no unit the reader knows ("176M", "2U"), or a prefix alone after it ("176 M"):
    an unknown unit, never a bare number that takes its label's unit ("吞吐量（Gbps）：176M" is no 176 Gbps).
    "440x400" is a size."""
    found = _GLUED.match(text, pos)
    if found is None or found.group(0).lower() == "x":
        return None
    return UNKNOWN_UNIT + found.group(0).strip(), found.end()


def may_hold_words(text: str) -> bool:
    """True when folded ``text`` holds a non-detect or not-applicable word (the values of a text without
    a digit): :func:`find_values` finds nothing in a text with neither."""
    return _ND_RE.search(text) is not None or _NA_RE.search(text) is not None


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)

