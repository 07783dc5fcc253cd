"""The vintage of renewable-energy certificates (``certificate_vintage`` of catalogs/vocabulary.yaml): the years the
electricity a certificate or a green-power contract stands for was generated, as a statement prints them ("绿证
12,800 张（生产年份：2022年）", "GEC 9,000 MWh, vintage 2022", "2022 vintage I-RECs"). Certificates of another year than
the statistics period are no proof of that period's renewable energy: the document reader doubts the renewable share
(5.2) and ``checker dc`` does not count the offset (T/CA305 附表F)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from checker.catalog.files import read_yaml
from checker.chinese import simplified

_YEAR = r"(?:19|20)\d{2}"
_YEARS = re.compile(_YEAR)
# years joined by a dash, 至, to, and, a slash or a comma of a list ("2022-2023年", "2022、2023年")
_YEAR_RUN = rf"{_YEAR}(?:\s*年?度?\s*(?:-|–|—|~|～|至|到|、|/|和|及|and|to|&)\s*{_YEAR})*"


def _words(words: list[str]) -> str:
    return "|".join(re.escape(_fold(w)).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _fold(text: str) -> str:
    return simplified(unicodedata.normalize("NFKC", text)).lower()  # "生產年份" is "生产年份"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a vintage word and the years after it, the years and a vintage word after them)."""
    spec = read_yaml("vocabulary.yaml")["certificate_vintage"]
    words = _words(spec["after"])
    after = re.compile(rf"(?<![a-z])(?:{words})(?![a-z])[^\d\n，,;；。()]{{0,8}}?(?P<years>{_YEAR_RUN})")
    before = re.compile(rf"(?P<years>{_YEAR_RUN})\s*(?:年|年度)?\s*(?:{_words(spec['before'])})")
    return after, before


@cache
def vintage_fields() -> frozenset[str]:
    """The fields of a document that rest on the certificates (``fields`` of ``certificate_vintage``)."""
    return frozenset(read_yaml("vocabulary.yaml")["certificate_vintage"]["fields"])


def vintages(text: str) -> set[int]:
    """The certificate vintages ``text`` prints (none: an empty set)."""
    folded = _fold(text)
    return {int(y) for pattern in _patterns() for m in pattern.finditer(folded) for y in _YEARS.findall(m["years"])}


def other_vintages(text: str, years: range | None) -> list[int]:
    """The vintages ``text`` prints that are not among the statistics period's ``years`` (all of them where the
    period is not known), in order."""
    return sorted(y for y in vintages(text) if years is None or y not in years)
