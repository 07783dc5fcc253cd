"""Every page of the app, in Chinese and in English, driven headless (``streamlit.testing``): each page
opened, its sample run, nothing raised, no raw key on screen, and every word a person reads in the
chosen language (zh without English words, en without Chinese; ids, units, file names and the
standard's own Chinese text aside)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

pytest.importorskip("streamlit")
from language_checks import HAN, QUOTED, english_words
from streamlit.testing.v1 import AppTest

from checker.catalog.messages import strings
from checker.ui.i18n import t

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PAGES = ("check", "calc", "batch", "compare", "catalog", "dc")
MODEL_ID = re.compile(r"\b[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+\b")  # SR-2U-X8, DC-SH-01, NX5548-48T4X
FILE = re.compile(r"\S+\.(?:yaml|json|pdf|csv|xlsx|parquet)\b")
SYMBOL = re.compile(r"Σ\w+")  # Σm_rmi and the like, symbols of the standard
KEY = re.compile(r"\b(?:dc|cmp|xl|html|txt|status|verdict|category|unit|section|err)\.[a-z_0-9./-]+\b")
KEYS = set(strings("en"))
# the calculators' editable tables: AppTest reports their column keys, people see the column_config labels
EDITOR_COLUMNS = {"part", "plastic_g", "recycled_g", "excluded", "material", "mass_g", "rate", "field", "compound",
                  "cas", "value"}
DATA = {"ABS", "PCB"}  # material names as the samples write them
SAMPLE_NAMES = [yaml.safe_load(path.read_text(encoding="utf-8")).get("name", "")
                for path in (ROOT / "samples" / "datacenter").glob("*.yaml")]  # a record's own name is data


def _drive_check(at: AppTest) -> None:
    at.radio(key="check_source").set_value("sample").run()
    at.selectbox(key="check_sample").set_value("samples/records/server-SR2U.yaml").run()


def _drive_batch(at: AppTest) -> None:
    at.radio(key="batch_source").set_value("sample").run()
    at.selectbox(key="batch_sample").set_value("samples/records/").run()


def _drive_compare(at: AppTest) -> None:
    at.radio(key="cmp_source").set_value("sample").run()
    at.button(key="cmp_run_sample").click().run()


def _drive_dc(at: AppTest) -> None:
    at.radio(key="dc_source").set_value("sample").run()
    at.selectbox(key="dc_sample").set_value("samples/datacenter/dc-excellent.yaml").run()


DRIVE: dict[str, Callable[[AppTest], None]] = {"check": _drive_check, "batch": _drive_batch,
                                               "compare": _drive_compare, "dc": _drive_dc}
# what each page must show once driven: a heading of its own, in the page's language
SHOWN = {"check": "todo", "calc": "calc_teer", "batch": "summary", "compare": "cmp.ranking",
         "catalog": "band_tables", "dc": "dc.checklist"}


def _plain(text: str) -> str:
    """Markdown as read: colour and icon marks, HTML tags and backslash escapes removed."""
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r":material/[a-z_]+:", " ", text)
    text = re.sub(r":(?:red|green|orange|blue|grey|gray|violet|rainbow)\[", " ", text)
    return re.sub(r"\\(.)", r"\1", text)


def _frames(at: AppTest) -> Iterator[Any]:
    for element in [*at.dataframe, *at.table]:
        yield element.value


def screen(at: AppTest, lang: str) -> list[str]:
    """Every text a person reads on the page (main area and sidebar), one string each; the standard's
    Chinese text (the catalog's requirement and verification columns) left out in English."""
    texts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        texts.extend(_plain(str(e.value)) for e in at.get(kind))
    texts.extend(f"{m.label} {m.value}" for m in at.metric)
    for kind in ("selectbox", "radio", "multiselect", "text_input", "number_input", "date_input", "button",
                 "checkbox", "toggle"):
        for widget in at.get(kind):
            if getattr(widget, "key", None) == "lang":  # 中文 / English: both names on purpose
                continue
            texts.append(str(getattr(widget, "label", "")))
            if not str(getattr(widget, "key", "")).endswith("_sample"):  # sample file names are data
                texts.extend(str(o) for o in getattr(widget, "options", []) or [])
    texts.extend(str(e.label) for e in [*at.tabs, *at.expander])
    quoted = {t("col_requirement", lang), t("col_verification", lang)}
    for frame in _frames(at):
        texts.extend(str(c) for c in frame.columns if str(c) not in EDITOR_COLUMNS)
        for column in frame.columns:
            if str(column) not in quoted and frame[column].dtype != bool:  # booleans are drawn as checkboxes
                texts.extend(str(v) for v in frame[column].tolist())
    return texts


def wrong_language(texts: list[str], lang: str) -> list[str]:
    """English words in zh, Chinese strings in en (model ids and sample names aside)."""
    texts = [MODEL_ID.sub(" ", FILE.sub(" ", SYMBOL.sub(" ", QUOTED.sub(" ", text)))) for text in texts]
    for name in filter(None, SAMPLE_NAMES):
        texts = [text.replace(name, " ") for text in texts]
    if lang == "zh":
        return sorted({word for text in texts for word in english_words(text) if word not in DATA})
    return sorted({text[:80] for text in texts if HAN.search(text)})


def open_page(page: str, lang: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    if lang != "zh":
        at.sidebar.radio(key="lang").set_value(lang).run()
    at.sidebar.radio(key="page").set_value(page).run()
    assert not at.exception, at.exception
    if page in DRIVE:
        DRIVE[page](at)
        assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", [pytest.param(page, marks=pytest.mark.slow) if page == "compare" else page
                                  for page in PAGES])  # the compare page runs a whole tender: CI runs it
def test_every_page_in_both_languages(page: str, lang: str) -> None:
    at = open_page(page, lang)
    texts = screen(at, lang)
    assert any(t(SHOWN[page], lang) in text for text in texts), f"{page} {lang}: {t(SHOWN[page], lang)} not shown"
    raw = sorted({k for text in texts for k in KEY.findall(text)}
                 | {text for text in texts if text in KEYS and t(text, lang) != text})
    assert not raw, f"raw keys on the {page} page ({lang}): {raw[:8]}"
    assert "True" not in texts and "False" not in texts
    found = wrong_language(texts, lang)
    assert not found, f"{page} page ({lang}) in the wrong language: {found[:12]}"


def test_the_page_check_can_fail() -> None:
    assert wrong_language(["结论：pass", "SR-2U-X8"], "zh") == ["pass"]
    assert wrong_language(["Verdict: 符合"], "en") == ["Verdict: 符合"]
    assert KEY.findall("见 dc.label.pue_auto_metering") == ["dc.label.pue_auto_metering"]


def _drive_form(at: AppTest) -> None:
    at.radio(key="check_source").set_value("form").run()
    at.selectbox(key="form_category").set_value("switch").run()
    at.number_input(key="f_switch_psu_efficiency_50").set_value(91.0)
    next(b for b in at.button if b.label in (t("form_submit", "zh"), t("form_submit", "en"))).click().run()


def _drive_pdf(at: AppTest) -> None:
    at.radio(key="check_source").set_value("sample").run()
    at.selectbox(key="check_sample").set_value("samples/documents/server-sr2288-datasheet.pdf").run()


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("drive", "shown"), [
    (_drive_form, "todo"), pytest.param(_drive_pdf, "evidence", marks=pytest.mark.slow)], ids=["form", "pdf"])
def test_check_page_form_and_pdf_in_both_languages(drive: Callable[[AppTest], None], shown: str, lang: str) -> None:
    at = open_page("calc", lang)
    at.sidebar.radio(key="page").set_value("check").run()
    drive(at)
    assert not at.exception, at.exception
    texts = screen(at, lang)
    assert any(t(shown, lang) in text for text in texts)
    found = wrong_language(texts, lang)
    assert not found, f"check page ({lang}) in the wrong language: {found[:12]}"
