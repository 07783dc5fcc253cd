"""Checks that a text is in one language, shared by the i18n tests and the app's page tests.

A zh line may hold ids, field ids, units, standard numbers and quoted evidence in Latin letters, never other
English words; an en line holds no Chinese.
"""

from __future__ import annotations

import re

from checker.catalog.clauses import load_catalog

# allowed in zh output: clause ids, field ids (snake_case), units, standard numbers, CAS/ND marks
UNITS = {"mg", "kg", "g", "kW", "kWh", "W", "Gbps", "Mbps", "dB", "A", "tce", "L", "h", "dm", "mm", "GB", "T",
         "ND", "CCC", "PSU", "PAH", "TEER", "UPS", "PDU", "Pb", "Hg", "Cd", "Cr", "VI", "IPv", "PUE", "WUE", "M",
         "H", "G", "Td", "m", "Cl", "Br", "PBB", "PBDE", "PCB", "COP", "IPLV", "APF", "SEER", "EER", "CO", "tCO",
         "CAS", "IEC", "ISO", "YD", "JB", "QB", "CQC", "SJ", "DC", "AC", "IT", "RoHS", "ppm", "DEHP", "DBP", "BBP",
         "DIBP", "HBCDD", "SCCP", "PFOS", "PFOA", "ODP", "PAHs",
         "CER", "CCER", "CCUS", "III",
         "TCEP", "TCPP", "TDCP", "CA", "kgCO", "GWP",
         "LWAd"}  # acronyms, symbols and numerals the standards print in their Chinese text
WORD = re.compile(r"[A-Za-z][A-Za-z]+")
HAN = re.compile(r"[\u4e00-\u9fff]")

QUOTED = re.compile(r"“[^”]*”")  # evidence a report quotes as it was written


FIELD_IDS = set(load_catalog().fields)


def english_words(line: str) -> list[str]:
    """Words of English in a zh line, after ids (``a/b-c``, snake_case, field ids), file names and units are
    removed."""
    line = re.sub(r"\S+\.(yaml|json|pdf|csv|xlsx)\b", " ", line)
    line = re.sub(r"\b\d[\w.]*(/[\w.\-]+)+", " ", line)  # clause ids 6.1.6/phthalates
    line = re.sub(r"\b[a-z0-9]+(_[a-z0-9]+)+\b", " ", line)  # field ids
    line = re.sub(r"\[[a-z_]+\]", " ", line)  # category
    line = re.sub(r"\b[A-Z]_[A-Za-z]+\b", " ", line)  # symbols of T/CA305: C_yw, C_p, S_DC
    return [w for w in WORD.findall(line) if w not in UNITS and w not in FIELD_IDS]
