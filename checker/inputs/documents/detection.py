"""A non-detect's detection limit where it is not printed beside it: in the row's MDL / RL / 检出限 column, or in the
document's own definition ("ND = Not Detected (< 1500 ppm)", "MDL = 2 mg/kg", "检出限：2 mg/kg").

"Not detected" says the substance is below the method's limit, no more: a reading known only as below a limit above
the standard's (an MDL of 2000 mg/kg for Pb ≤ 1000) proves nothing, and a person asks for a lower detection limit
(INTERFACE §6). Where the document states several limits, the highest is taken: it is the one every non-detect is
known to be below.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from checker.inputs.documents.candidates import Candidate
from checker.inputs.documents.numbers import fold_document
from checker.inputs.documents.unit_statements import UNIT_ASSUMED
from checker.models import Fact

_UNIT = r"(?P<unit>mg/kg|ppm|%|mg)(?![a-z])"
_NUMBER = r"(?P<num>\d+(?:\.\d+)?)"
# "ND = Not Detected (<1500 ppm)", "n.d.: not detected, < 2 mg/kg", "未检出（<2 mg/kg）", "ND表示未检出（低于2 mg/kg）"
_DEFINED = re.compile(r"(?<![a-z])(?:n\.?\s?d\.?|未检出)\s*(?:[=:：]|means|表示|为)?\s*(?:not\s+detected|未检出)?\s*"
                      r"[(,，]?\s*(?:<|＜|less\s+than|below|低于|小于)\s*(?:mdl\s*[=:]?\s*|检出限\s*)?"
                      + _NUMBER + r"\s*" + _UNIT)
# "Detection limit for all elements: 1500 mg/kg", "各元素检出限均为 2 mg/kg"
_NAMED_FAR = re.compile(r"(?<![a-z])(?:detection\s+limits?|reporting\s+limits?|mdl|检出限|报告限)[^\d\n:：=]{0,30}"
                        r"(?:[:：=]|均为|为)\s*" + _NUMBER + r"\s*" + _UNIT)


def document_limits(page_texts: Iterable[str], detection_limit: re.Pattern[str]) -> list[tuple[float, str]]:
    """The detection limits the document states with their number ("MDL = 2 mg/kg", "ND = Not Detected (<1500 ppm)"),
    each as (number, unit text); ``detection_limit`` is the vocabulary's pattern of a named limit."""
    found = []
    for text in page_texts:
        key = fold_document(text)
        for pattern in (detection_limit, _DEFINED, _NAMED_FAR):
            found += [(float(m.group("num")), m.group("unit")) for m in pattern.finditer(key)]
    return list(dict.fromkeys(found))


def below(fact: Fact, number: float, unit: str, where: str) -> Fact:
    """The non-detect ``fact`` known only as below the detection limit ``number`` ``unit`` (stated ``where``)."""
    note = "; ".join(filter(None, [f"not detected; detection limit {number:g} {unit} ({where})", fact.note]))
    return fact.model_copy(update={"value": number, "unit": unit, "qualifier": "lt", "note": note})


def _in_mg_per_kg(number: float, unit: str) -> float:
    return number * {"%": 10_000.0, "ppm": 1.0, "mg/kg": 1.0}.get(unit, 1.0)


def highest(limits: list[tuple[float, str]]) -> tuple[float, str] | None:
    """The highest of ``limits`` (a share in % counted as 10 000 mg/kg a percent); None for none. Limits in mg (a
    mass, not a share) are left out."""
    shares = [limit for limit in limits if limit[1] != "mg"]
    return max(shares, key=lambda limit: _in_mg_per_kg(*limit)) if shares else None


# "检出限（mg/kg）：Pb 300，Cd 150，Hg 300，Cr 300", "MDL: Pb 2 ppm, Cd 2 ppm": each element's limit (an XRF screen's)
_LISTED = re.compile(r"(?:方法)?(?:检出限|报告限|定量限|(?<![a-z])(?:mdl|rl|loq|lod|detection\s+limits?|"
                     r"reporting\s+limits?))"
                     r"\s*(?:\((?P<head_unit>mg/kg|ppm)\))?\s*[:：=]?\s*(?P<list>(?:[a-z()\u4e00-\u9fff]{1,8}\s*[:：=]?\s*"
                     r"\d+(?:\.\d+)?\s*(?:mg/kg|ppm)?\s*[,，、;；/]?\s*){2,})")
_PAIR = re.compile(r"(?P<element>[a-z()\u4e00-\u9fff]{1,8})\s*[:：=]?\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>mg/kg|ppm)?")
_ELEMENTS = {"pb": "pb", "铅": "pb", "cd": "cd", "镉": "cd", "hg": "hg", "汞": "hg", "cr": "cr6", "铬": "cr6",
             "总铬": "cr6", "cr(vi)": "cr6", "六价铬": "cr6", "br": "", "溴": ""}  # total Cr bounds Cr(VI); Br: none


def listed_limits(page_texts: Iterable[str]) -> dict[str, tuple[float, str]]:
    """Each substance field's detection limit from a list by element ("检出限（mg/kg）：Pb 300，Cd 150"), if any."""
    found: dict[str, tuple[float, str]] = {}
    for text in page_texts:
        for m in _LISTED.finditer(fold_document(text)):
            for pair in _PAIR.finditer(m.group("list")):
                field = _ELEMENTS.get(pair.group("element").strip())
                if field:
                    unit = pair.group("unit") or m.group("head_unit") or "mg/kg"
                    found[field] = max(found.get(field, (0.0, unit)), (float(pair.group("num")), unit))
    return found


def below_stated_limit(cands: list[Candidate], page_texts: list[str], detection_limit: re.Pattern[str]) -> None:
    """Each non-detect of ``cands`` with no detection limit of its own known only as below its element's limit in a
    list of them ("检出限（mg/kg）：Pb 300，Cd 150"), else the highest the document states ("ND = Not Detected (<1500
    ppm)"); a mass (mg) is no share and is left as it is."""
    bare = [c for c in cands if c.fact.qualifier == "nd" and c.fact.unit != "mg"]
    if not bare:
        return
    listed = listed_limits(page_texts)
    stated = highest(document_limits(page_texts, detection_limit))
    for cand in bare:
        if cand.field in listed:
            cand.fact = below(cand.fact, *listed[cand.field], "the document's detection limits by element")
        elif stated is not None:
            cand.fact = below(cand.fact, stated[0], stated[1], "the document's detection limit")
        else:
            continue
        cand.tags.discard(UNIT_ASSUMED)  # the limit is printed with its unit
