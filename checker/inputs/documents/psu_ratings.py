"""The power supply a document names by its rated power, and PSU readings made on another one than a product's other
file offers.

A bid's configuration list offers "2 × 1400W 铂金电源"; the PSU test report beside it tested "JT-PSU-550P（550W 铂金）".
Each file names one rated power, and they differ: the report's efficiencies and power factors are another power
supply's, for a person to judge (``psu_ratings`` of catalogs/vocabulary.yaml). A line of options ("550W / 800W / 1400W
可选", "800 W or 1600 W") names no rating, and a file naming several ratings offers or tests no one of them: neither
decides anything, so an honest datasheet listing its options is never doubted by this.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.inputs.documents.conditions import noted
from checker.inputs.documents.numbers import find_values, fold_key
from checker.inputs.documents.vocabulary import PsuRatingWords, any_label, load_vocabulary
from checker.models import Evidence, Fact
from checker.units import conversion_factor

_POWER_UNITS = ("W", "kW")


def named_ratings(page_texts: Sequence[str], source: str) -> list[tuple[float, Evidence]]:
    """Each line of ``page_texts`` that names one power supply's rated power: (watts, where)."""
    words = load_vocabulary().psu_ratings
    found: list[tuple[float, Evidence]] = []
    for page, text in enumerate(page_texts, start=1):
        for line in text.splitlines():
            if not line.strip():
                continue
            key = fold_key(line)
            if not any_label(words.words, key) or any_label(words.not_words, key) or any_label(words.options, key):
                continue
            watts = {round(value.value * conversion_factor(value.unit, "W"), 3) for value in find_values(key)
                     if isinstance(value.value, float) and value.unit in _POWER_UNITS and not value.qualifier}
            low, high = words.watts
            if len(watts) == 1 and low <= (rating := watts.pop()) <= high:
                found.append((rating, Evidence(source=source, page=page, text=line.strip()[:200])))
    return found


def tested_not_offered(ratings: Sequence[Sequence[tuple[float, Evidence]]],
                       facts: Sequence[list[Fact]]) -> None:
    """Mark doubtful, in place, the PSU readings of a file naming one rated power where another file of the product
    names one other (``ratings`` and ``facts``: each file's, in the same order)."""
    words: PsuRatingWords = load_vocabulary().psu_ratings
    single = [_one_rating(named) for named in ratings]
    for index, (own, file_facts) in enumerate(zip(single, facts, strict=True)):
        if own is None or not any(fact.field in words.fields for fact in file_facts):
            continue
        other = next((rating for at, rating in enumerate(single)
                      if at != index and rating is not None and rating[0] != own[0]), None)
        if other is None:
            continue
        note = (f"doubtful: measured on a {own[0]:g} W power supply ({_where(own[1])}), while "
                f"{_where(other[1])} offers {other[0]:g} W ({other[1].text})")
        for at, fact in enumerate(file_facts):
            if fact.field in words.fields:
                file_facts[at] = noted(fact, note)


def _one_rating(named: Sequence[tuple[float, Evidence]]) -> tuple[float, Evidence] | None:
    return named[0] if named and len({watts for watts, _ in named}) == 1 else None


def _where(evidence: Evidence) -> str:
    return f"{evidence.source} p.{evidence.page}" if evidence.page else evidence.source
