"""A switch's TEER printed beside power readings at other loads than Appendix E's.

Appendix E weighs the power at 0 %, at the device class's u2 load (10 % or 30 %: ``switch_u2_load`` of
catalogs/vocabulary.yaml) and at 100 % load. A report that measured "P(0 %) / P(10 %) / P(100 %)" for a data-centre
switch, or weighted "P(0 %), P(50 %), P(100 %)" as ATIS-0600015-2009 does, prints a TEER that is not Appendix E's:
the figure is left to a person, with the loads the document measured.
"""

from __future__ import annotations

import re

from checker.inputs.documents.candidates import Candidate
from checker.inputs.documents.conditions import noted
from checker.inputs.documents.numbers import fold_key
from checker.inputs.documents.vocabulary import Vocabulary

# a power at a load: "P(10 %) 160 W", "P10% = 160 W", "10 % load: 160 W", "10%负载功耗 160 W"
_LOAD_POWER = re.compile(r"(?<![a-z])p\s*[(_]?\s*(\d{1,3})\s*%\s*\)?\s*[:=]?\s*\d+(?:\.\d+)?\s*w(?![a-z])"
                         r"|(?<![\d.])(\d{1,3})\s*%\s*(?:load|负载|负荷|流量)[^\n%]{0,24}?(?<![\d.])\d+(?:\.\d+)?\s*w(?![a-z])")


def loads_measured(page_texts: list[str]) -> set[int]:
    """The loads (%) the document prints a power at."""
    found: set[int] = set()
    for text in page_texts:
        for m in _LOAD_POWER.finditer(fold_key(text)):
            found.add(int(m.group(1) or m.group(2)))
    return found


def doubt_other_loads(cands: list[Candidate], page_texts: list[str], vocab: Vocabulary,
                      device_class: str | None) -> None:
    """Mark doubtful, in place, a printed TEER where the document's power readings are at a load Appendix E weighs
    for no class, or lack the u2 load of the device class it states."""
    teers = [cand for cand in cands if cand.field == "teer"]
    if not teers:
        return
    loads = loads_measured(page_texts)
    if not loads:
        return
    weighed = {0, *vocab.u2_load.values(), 100}  # the loads of Appendix E for one class or another
    u2 = {vocab.u2_load[device_class]} if device_class in vocab.u2_load else set()
    if loads <= weighed and u2 <= loads:
        return
    wanted = "/".join(str(load) for load in sorted({0, *(u2 or vocab.u2_load.values()), 100}))
    note = (f"doubtful: the document measures the power at {'/'.join(map(str, sorted(loads)))} % load, and Appendix E "
            f"weighs {wanted} %: its TEER is not Appendix E's")
    for cand in teers:
        cand.fact = noted(cand.fact, note)
