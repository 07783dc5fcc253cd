"""The ODP of the refrigerant a record names (6.3.1.2), from ``refrigerants`` of catalogs/tables.yaml.

A record's refrigerant is text as documents print it: "R22", "R-22", "HCFC-22（R22）", "R22（可选 R407C）",
"R717（氨）", "R32/R125 (50/50)". :func:`odp_of` finds every refrigerant it names (the prefixes of
``refrigerant_names``) and:

- one refrigerant (however often named): its ODP; a blend listed by its components, their mass-weighted ODP;
- a blend written with its shares ("R22/R152a/R124 (53/13/34)"): the mass-weighted ODP of the components;
- several refrigerants (options, alternatives): their ODP where they all agree on the clause (all 0, or all above 0:
  the lowest); else an issue for a person;
- a refrigerant the data does not hold: no ODP (the clause needs a declared one), named in a note; among several
  named, an issue;
- a value of low confidence (L): an issue, never a verdict.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from checker.catalog.clauses import Catalog, Refrigerant

_ORDER = "LMH"
_SHARES = re.compile(r"\(\s*(\d+(?:\.\d+)?(?:\s*/\s*\d+(?:\.\d+)?)+)\s*%?\s*\)")


@dataclass(frozen=True)
class OdpFinding:
    """What a refrigerant text says of the ODP: the value to use (None: none), an issue for a person, a note."""

    odp: float | None
    issue: str | None
    note: str


@lru_cache(maxsize=4)
def _pattern(prefixes: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(sorted((re.escape(p) for p in prefixes), key=len, reverse=True))
    return re.compile(rf"(?<![a-z0-9])(?:{words})\s?-?\s?(\d{{2,4}}(?:[a-z]{{1,2}})?(?:\s?\((?:e|z)\))?)(?![a-z0-9])")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def designations(text: str, catalog: Catalog) -> list[str]:
    """The refrigerants ``text`` names, as the data keys them ("HCFC-22（R22）" → ["R22", "R22"]); one named as what
    the product's replaces ("R410A（替代传统 R22）", "replaces R22": ``replaced`` words shortly before it) is not."""
    folded = _fold(text)
    found = _pattern(tuple(catalog.refrigerant_names.prefixes)).finditer(folded)
    replaced = _replaced(tuple(catalog.refrigerant_names.replaced))
    return [("R" + m.group(1).replace(" ", "")).upper() for m in found
            if replaced is None or not replaced.search(folded[max(0, m.start() - _REPLACED_REACH):m.start()])]


_REPLACED_REACH = 12  # characters before a refrigerant's name in which a replacement word counts ("替代传统 R22")


@lru_cache(maxsize=4)
def _replaced(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    # "替代品 R410A", "可替代为 R410A" name the substitute (an option), not what the product's replaces
    return re.compile("(?<!可)(?:" + "|".join(re.escape(_fold(w)) for w in sorted(words, key=len, reverse=True))
                      + ")(?![品型物为成])")


def _odp(name: str, catalog: Catalog) -> tuple[float, str] | None:
    """The ODP of a listed refrigerant and its confidence (a blend's from its components); None if unlisted."""
    gas: Refrigerant | None = catalog.refrigerants.get(name)
    if gas is None:
        return None
    if gas.odp is not None:
        return gas.odp, gas.confidence
    parts = [(share, _odp(component, catalog)) for component, share in (gas.components or {}).items()]
    known = [(share, found) for share, found in parts if found is not None]
    confidence = min([gas.confidence, *(found[1] for _, found in known)], key=_ORDER.index)
    return sum(share / 100 * found[0] for share, found in known), confidence


def _blend(names: list[str], text: str, catalog: Catalog) -> OdpFinding | None:
    """The ODP of a blend written with its mass shares ("R32/R125 (50/50)"), else None."""
    shares = _SHARES.search(_fold(text))
    if shares is None or len(names) < 2:
        return None
    numbers = [float(n) for n in re.split(r"\s*/\s*", shares.group(1))]
    if len(numbers) != len(names) or abs(sum(numbers) - 100) > 0.5:
        return None
    found = {name: _odp(name, catalog) for name in names}
    unknown = [name for name, value in found.items() if value is None]
    if unknown:
        return OdpFinding(None, f"the blend's component {', '.join(unknown)} is not in the refrigerant data "
                                "(catalogs/tables.yaml): its ODP cannot be worked out", "")
    odp = sum(share / 100 * value[0] for share, value in zip(numbers, found.values(), strict=True) if value)
    low = [name for name, value in found.items() if value and value[1] == "L"]
    if low:
        return OdpFinding(None, f"ODP of {', '.join(low)} is of low confidence: a person checks", "")
    shown = " + ".join(f"{share:g} % × {value[0]:g}" for share, value in zip(numbers, found.values(), strict=True)
                       if value)
    return OdpFinding(odp, None, f"ODP {odp:.4g} of the blend {'/'.join(names)} by mass: {shown}")


def odp_of(text: str, catalog: Catalog) -> OdpFinding | None:
    """What the refrigerant ``text`` says of the ODP (see the module docstring); None when it names none."""
    names = list(dict.fromkeys(designations(text, catalog)))
    if not names:
        return None
    blend = _blend(names, text, catalog)
    if blend is not None:
        return blend
    found = {name: _odp(name, catalog) for name in names}
    unknown = [name for name, value in found.items() if value is None]
    if unknown and len(names) == 1:
        return OdpFinding(None, None, f"refrigerant {names[0]} is not in the refrigerant data (catalogs/tables.yaml): "
                                      "its ODP needs a declared value")
    if unknown:
        return OdpFinding(None, f"several refrigerants named ({', '.join(names)}); {', '.join(unknown)} not in the "
                                "refrigerant data: which is the product's and its ODP, a person checks", "")
    values = {name: value for name, value in found.items() if value is not None}
    low = [name for name, value in values.items() if value[1] == "L"]
    if low:
        return OdpFinding(None, f"the ODP of {', '.join(low)} in the refrigerant data is of low confidence "
                                f"({', '.join(f'{values[n][0]:g}' for n in low)}): a person checks", "")
    odps = [value[0] for value in values.values()]
    if len(names) == 1:
        return OdpFinding(odps[0], None, "")
    shown = ", ".join(f"{name} {value[0]:g}" for name, value in values.items())
    if all(v == 0 for v in odps) or all(v > 0 for v in odps):
        return OdpFinding(min(odps), None, f"several refrigerants named ({shown}): each gives the same verdict")
    return OdpFinding(None, f"several refrigerants named ({shown}), with and without ozone depletion: which is the "
                            "product's, a person checks", "")
