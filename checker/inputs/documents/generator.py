"""Generator-set rating tables (Cummins D5/Q sheets and similar).

The layout is::

    Standby            Prime
    kVA (kW)           kVA (kW)          ← sometimes "kW (kVA)" or "kVA/kW"
    Ratings 1041 (833) 939 (751)         ← or "22 / 18  20 / 16"
    Load 1/4 1/2 3/4 Full 1/4 1/2 3/4 Full
    L/hr 55 105 154 204 51 94 139 184    ← and/or g/kWh, gph

One rating is chosen for rated_power, rating_type and fuel_flow_100 (the same rating for all):
prime when its kW and its full-load fuel are printed, else standby. The other rating's figures
go in the note.
"""

from __future__ import annotations

import re

from checker.inputs.documents.candidates import Candidate, Emitter
from checker.inputs.documents.numbers import fold_key, parse_number
from checker.inputs.documents.text import Row
from checker.inputs.documents.vocabulary import Vocabulary

_PAIR = re.compile(r"(\d[\d.,]*)\s*(?:\(\s*(\d[\d.,]*)\s*\)|/\s*(\d[\d.,]*))")
_LOOKBACK = 4


def _rating_order(vocab: Vocabulary, rows: list[Row], at: int) -> tuple[list[str], bool]:
    """(rating names in column order, True when pairs print kW first) from rows above ``at``."""
    order: list[str] = []
    kw_first = False
    for row in rows[max(0, at - _LOOKBACK):at + 1]:
        key = fold_key(row.text)
        if re.search(r"kwe?\s*\(\s*kva|kwe?\s*/\s*kva", key):
            kw_first = True
        if re.search(r"kva\s*\(\s*kwe?|kva\s*/\s*kwe?", key):
            kw_first = False
        found = []
        for name, labels in vocab.ratings.items():
            for lab in labels:
                m = lab.pattern.search(key)
                if m:
                    found.append((m.start(), name))
                    break
        if len(found) >= 2:
            order = [n for _, n in sorted(found)]
    return order or ["standby", "prime"], kw_first


def _numbers(key: str) -> list[float | None]:
    out: list[float | None] = []
    for token in re.findall(r"n\.\s?a\.?|\d[\d.,]*", key):
        out.append(None if token.startswith("n") else parse_number(token.rstrip(".,")))
    return out


def generator_candidates(vocab: Vocabulary, rows: list[Row], emitter: Emitter) -> list[Candidate]:
    """Candidates from a rating table on one page's rows; the rows used are marked consumed."""
    for i, row in enumerate(rows):
        key = fold_key(row.text)
        if not re.match(r"ratings?\b", key):
            continue
        pairs = _PAIR.findall(key)
        if len(pairs) < 2:
            continue
        order, kw_first = _rating_order(vocab, rows, i)
        ratings: dict[str, tuple[float | None, float | None]] = {}
        for name, (a, b, c) in zip(order, pairs, strict=False):
            first, second = parse_number(a), parse_number(b or c)
            kva, kw = (second, first) if kw_first else (first, second)
            ratings[name] = (kva, kw)
        fuel, rate = _fuel_rows(rows[i + 1:i + 6], order)
        row.consumed = True
        return _choose(ratings, fuel, rate, row, emitter)
    return []


def _fuel_rows(rows: list[Row], order: list[str]) -> tuple[dict[str, tuple[float | None, str, Row]],
                                                          dict[str, tuple[float | None, Row]]]:
    """The full-load fuel flow (L/h) and fuel rate (g/kWh) of each rating from the rows under a rating
    row: a load row says which column is full load; the rows used are marked consumed."""
    fuel: dict[str, tuple[float | None, str, Row]] = {}
    rate: dict[str, tuple[float | None, Row]] = {}
    full_index = 3
    for below in rows:
        bkey = fold_key(below.text)
        if re.match(r"load\b|(?:us\s*)?gph\b|gal", bkey):
            below.consumed = True
        if re.match(r"load\b", bkey):
            loads = re.findall(r"1/4|1/2|3/4|full|100%|75%|50%|25%", bkey)
            full = next((word for word in ("full", "100%") if word in loads), None)
            full_index = loads.index(full) if full else full_index
            continue
        m = re.match(r"(l/hr|l/h|g/kwh)\b(.*)", bkey)
        numbers = _numbers(m.group(2)) if m else []
        if m is None or len(numbers) < 2 * (full_index + 1):
            continue
        below.consumed = True
        group = len(numbers) // 2
        for n, name in enumerate(order[:2]):
            value = numbers[n * group + full_index]
            if m.group(1) == "g/kwh":
                rate[name] = (value, below)
            else:
                fuel[name] = (value, "L/hr" if m.group(1) == "l/hr" else "L/h", below)
    return fuel, rate


def _choose(ratings: dict[str, tuple[float | None, float | None]],
            fuel: dict[str, tuple[float | None, str, Row]], rate: dict[str, tuple[float | None, Row]],
            row: Row, emitter: Emitter) -> list[Candidate]:
    def usable(name: str) -> bool:
        kw = ratings.get(name, (None, None))[1]
        return kw is not None and (name not in fuel or fuel[name][0] is not None) and (
            not fuel or (name in fuel and fuel[name][0] is not None))

    chosen = next((n for n in ("prime", "standby") if usable(n)), None)
    if chosen is None:
        chosen = next((n for n in ("prime", "standby") if ratings.get(n, (None, None))[1] is not None), None)
    if chosen is None:
        return []
    others = [n for n in ratings if n != chosen]
    note = f"{chosen} rating chosen for rated power and full-load fuel (the same rating for both)"
    if chosen == "standby" and "prime" in ratings:
        note += "; prime fuel not printed"
    for other in others:
        kva, kw = ratings[other]
        extra = f"{other}: {kva:g} kVA ({kw:g} kW)" if kva is not None and kw is not None else f"{other}: n/a"
        if other in fuel and fuel[other][0] is not None:
            extra += f", {fuel[other][0]:g} {fuel[other][1]} at full load"
        note += "; " + extra
    kw = ratings[chosen][1]
    out = [emitter.fact("rated_power", kw, "kW", row, note=note),
           emitter.fact("rating_type", chosen, "", row, note=note)]
    if chosen in fuel and fuel[chosen][0] is not None:
        value, unit, frow = fuel[chosen]
        out.append(emitter.fact("fuel_flow_100", value, unit, frow, note=f"{chosen} rating, full load"))
    if chosen in rate and rate[chosen][0] is not None:
        value, rrow = rate[chosen]
        out.append(emitter.fact("fuel_rate", value, "g/kWh", rrow, note=f"{chosen} rating, full load"))
    for cand in out:
        cand.tags.add("rating_table")
    return out
