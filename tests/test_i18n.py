"""Every string a person reads is in both languages: zh text output holds no English words, en text
output no Chinese (ids, units, standard numbers and quoted evidence aside); numbers for display."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from checker.catalog import load_catalog
from checker.display import num
from checker.messages import message, note, strings
from checker.pipeline import check
from checker.report import to_text
from checker.ui import datacentre
from checker.ui.datacentre import grade_bytes

ROOT = Path(__file__).resolve().parents[1]
RECORDS = sorted((ROOT / "samples" / "records").glob("*.yaml"))
DC_RECORDS = sorted((ROOT / "samples" / "datacenter").glob("*.yaml"))
AS_OF = date(2026, 11, 20)
# allowed in zh output: clause ids, field ids (snake_case), units, standard numbers, CAS/ND marks
UNITS = {"mg", "kg", "g", "kW", "kWh", "W", "Gbps", "Mbps", "dB", "A", "tce", "L", "h", "dm", "mm", "GB", "T",
         "ND", "CCC", "PSU", "PAH", "TEER", "UPS", "PDU", "Pb", "Hg", "Cd", "Cr", "VI", "IPv", "PUE", "WUE", "M",
         "H", "G", "Td", "m", "Cl", "Br", "PBB", "PBDE", "PCB", "COP", "IPLV", "APF", "SEER", "EER", "CO", "tCO",
         "CAS", "IEC", "ISO", "YD", "JB", "QB", "CQC", "SJ", "DC", "AC", "IT", "RoHS", "ppm", "DEHP", "DBP", "BBP",
         "DIBP", "HBCDD", "SCCP", "PFOS", "PFOA", "ODP", "PAHs",
         "CER", "CCER", "CCUS", "III",
         "TCEP", "TCPP", "TDCP"}  # acronyms and numerals the standards print in their Chinese text
WORD = re.compile(r"[A-Za-z][A-Za-z]+")
HAN = re.compile(r"[\u4e00-\u9fff]")


def _text(path: Path, lang: str) -> str:
    report = check([path], AS_OF).report()
    return to_text(report, load_catalog(), lang)


def _english_words(line: str) -> list[str]:
    """Words of English in a zh line, after ids (``a/b-c``, snake_case), file names and units are removed."""
    line = re.sub(r"\S+\.(yaml|json|pdf|csv|xlsx)\b", " ", line)
    line = re.sub(r"\b\d[\w.]*(/[\w.\-]+)+", " ", line)  # clause ids 6.1.6/phthalates
    line = re.sub(r"\b[a-z0-9]+(_[a-z0-9]+)+\b", " ", line)  # field ids
    line = re.sub(r"\[[a-z_]+\]", " ", line)  # category
    return [w for w in WORD.findall(line) if w not in UNITS]


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.stem)
def test_zh_text_has_no_english(path: Path) -> None:
    report = check([path], AS_OF).report()
    ids = {p.id for p in report.products}
    lines = [line for line in _text(path, "zh").splitlines()
             if not line.strip().startswith("↳") and line.split("  ")[0] not in ids]
    found = {w for line in lines for w in _english_words(line)}
    assert not found, f"English words in zh output: {sorted(found)}"


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.stem)
def test_en_text_has_no_chinese(path: Path) -> None:
    lines = [line for line in _text(path, "en").splitlines() if not line.strip().startswith("↳")]
    found = [line for line in lines if HAN.search(line)]
    assert not found, f"Chinese in en output: {found[:3]}"


def _dc_words(path: Path, lang: str) -> list[str]:
    report = grade_bytes(path.read_bytes(), AS_OF)
    lines = [datacentre.headline(report, lang), *datacentre.grade_bands(lang),
             *datacentre.what_if_sentences(report, lang), *datacentre.reasons(report, lang),
             *(text for _, text in datacentre.checklist(report, lang))]
    for frame in (datacentre.split_frame(report, lang), datacentre.emissions_frame(report, lang),
                  datacentre.items_frame(report, lang)):
        lines.extend(str(c) for c in frame.columns)
        lines.extend(str(v) for v in frame.to_numpy().ravel())
    return lines


@pytest.mark.parametrize("path", DC_RECORDS, ids=lambda p: p.stem)
def test_data_centre_report_in_each_language(path: Path) -> None:
    found = {w for line in _dc_words(path, "zh") for w in _english_words(line)}
    assert not found, f"English words in the zh data-centre report: {sorted(found)}"
    chinese = [line for line in _dc_words(path, "en") if HAN.search(line)]
    assert not chinese, f"Chinese in the en data-centre report: {chinese[:3]}"


def test_allow_list_does_not_hide_words() -> None:
    assert _english_words("不适用：has_battery 不为“是”") == []
    assert _english_words("需人工核查：the test report") == ["the", "test", "report"]


def test_both_languages_have_the_same_keys() -> None:
    assert set(strings("zh")) == set(strings("en"))
    assert all(strings("zh")[k].strip() and strings("en")[k].strip() for k in strings("en"))


def test_message_formats_and_falls_back_to_key() -> None:
    assert message("txt.n_todo", "zh", n=11) == "另有 11 项需人工核查"
    assert message("no.such.key", "zh") == "no.such.key"


def test_notes_are_translated_and_raw_true_is_not_shown() -> None:
    assert note("does not apply: has_battery is not True", "zh") == "不适用：has_battery 不为“是”"
    assert "True" not in note("does not apply: has_battery is not True", "en")
    assert note("something new", "zh") == "something new"  # unknown text is kept, not lost


def test_headline_puts_the_decision_first() -> None:
    text = _text(ROOT / "samples" / "records" / "server-SR2U.yaml", "zh")
    assert text.splitlines()[2].strip().startswith("不符合")
    assert "需人工核查" in text.splitlines()[2]
    en = _text(ROOT / "samples" / "records" / "server-SR2U.yaml", "en")
    assert en.splitlines()[2].strip().startswith("FAIL — ")


@pytest.mark.parametrize(("value", "against", "shown"), [
    (193.928, None, "193.9"), (101.2, None, "101.2"), (53060.0, None, "53060"),
    (1.178, None, "1.18"), (0.012345, None, "0.0123"), (40.0725, None, "40.1"),
    (86.66817766, None, "86.7"), (0.962, None, "0.962"),
    (1000.0, None, "1000"), (89.96, 90.0, "89.96"), (89.96, None, "90"),
    (9.996, 10.0, "9.996"), (90.0, 90.0, "90"), (0.0, None, "0"),
])
def test_num_significant_digits(value: float, against: float | None, shown: str) -> None:
    assert num(value, against) == shown


def test_num_never_rounds_onto_the_limit() -> None:
    for value in (94.0001, 93.99996, 0.9499, 1000.4):
        limit = round(value)
        assert float(num(value, float(limit))) != limit or value == limit


def test_input_errors_in_the_reader_s_language() -> None:
    error = "x.pdf: cannot tell the product category from the document; give --category"
    assert note(error, "zh") == "x.pdf：无法从文件判断产品类别；请用 --category 指定产品类别"
    assert note(error, "en") == error
