"""Two ratings of one generator set printed as two lines ("常用功率 500 kW", "备用功率 550 kW"): two ratings,
not two conflicting readings of one.

ISO 8528 rates a set for prime (PRP, 常用/主用) and standby (ESP, 备用) use; datasheets print both. As for a
rating table (:mod:`checker.inputs.documents.generator`), the prime rating is the rated power, the other goes in its
note. This is done only when it cannot change a verdict: both ratings fall in the same band of the generator table
(``catalogs/tables.yaml``, whose limits are by rated power), and the prime rating is the smaller, so fuel printed
in L/h is turned into g/kWh over the smaller power (never a lower rate than the truth). Otherwise the readings stay
as they are and conflict (a person decides which rating the figures are for).
"""

from __future__ import annotations

import re

from checker.catalog.clauses import load_catalog
from checker.inputs.documents.candidates import Candidate
from checker.inputs.documents.numbers import fold_key
from checker.inputs.documents.vocabulary import Vocabulary

# the rating kept is prime, else a rated power named by no rating word ("额定功率"); the others may only be these
_SECOND = ("standby", "continuous")
_BAND_TABLE = "generator_bands"


def one_rating(cands: list[Candidate], vocab: Vocabulary) -> list[Candidate]:
    """``cands`` with the rated powers of a second rating folded into the note of the first (see the module)."""
    if any("rating_table" in c.tags for c in cands):
        return cands  # a rating table chose its rating already (checker.inputs.documents.generator)
    powers = [c for c in cands if c.field == "rated_power"]
    if len({c.fact.value for c in powers}) < 2:
        return cands
    by_rating: dict[str | None, list[Candidate]] = {}
    for cand in powers:
        by_rating.setdefault(_rating_of(cand, vocab), []).append(cand)
    primary = "prime" if "prime" in by_rating else None
    others = [c for name, group in by_rating.items() if name != primary for c in group]
    if primary not in by_rating or set(by_rating) - {primary} - set(_SECOND) or not _kept(by_rating[primary], others):
        return cands
    kept = by_rating[primary]
    note = "; ".join(f"{_rating_of(c, vocab)}: {c.fact.value:g} {c.fact.unit}" for c in others)
    for cand in kept:
        cand.fact.note = "; ".join(x for x in (cand.fact.note, f"{primary or 'rated'} rating kept as the rated "
                                               f"power (same band of Table 6); {note}") if x)
    dropped = {id(c) for c in others}
    out = [c for c in cands if id(c) not in dropped]
    if primary == "prime" and not any(c.field == "rating_type" for c in cands):
        fact = kept[0].fact.model_copy(update={"field": "rating_type", "value": "prime", "unit": "",
                                               "qualifier": "", "low": None, "high": None})
        out.append(Candidate("rating_type", fact))
    return out


def _rating_of(cand: Candidate, vocab: Vocabulary) -> str | None:
    """The one rating the candidate's line names; of a line naming several ("常用功率：200 kW（250 kVA） 备用功率：220
    kW"), the rating whose words come last before the candidate's number, where the number is printed once ("" when
    that cannot be told: the line is not one rating's)."""
    text = fold_key(cand.fact.evidence[0].text) if cand.fact.evidence else ""
    found = sorted((m.start(), name) for name, labels in vocab.ratings.items() for label in labels
                   for m in label.pattern.finditer(text))
    names = {name for _, name in found}
    if len(names) < 2:
        return names.pop() if names else None
    number = cand.fact.value
    if not isinstance(number, float):
        return ""
    places = [m.start() for m in re.finditer(rf"(?<![\d.]){re.escape(f'{number:g}')}(?:\.0+)?(?![\d.])", text)]
    before = [name for start, name in found if places and start < places[0]]
    return before[-1] if len(places) == 1 and before else ""


def _kept(primary: list[Candidate], others: list[Candidate]) -> bool:
    """One primary value, plain numbers in kW, every other a standby or continuous rating no smaller, all in one
    band of the generator table."""
    values = {c.fact.value for c in primary}
    plain = all(isinstance(c.fact.value, float) and not c.fact.qualifier and c.fact.unit == "kW"
                for c in [*primary, *others])
    if len(values) != 1 or not plain:
        return False
    kept = float(primary[0].fact.value)  # type: ignore[arg-type]  # a float: checked above
    higher = [float(c.fact.value) for c in others]  # type: ignore[arg-type]
    table = load_catalog().band_tables[_BAND_TABLE]
    band = table.band_for(kept)
    return band is not None and all(value >= kept and table.band_for(value) == band for value in higher)
