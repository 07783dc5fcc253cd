"""End to end in a real browser: ``streamlit run app.py`` on localhost, Chromium through Playwright,
a sample PDF uploaded through the file uploader, the verdict read off the page, a screenshot saved.

Skipped (with the reason) when ``/usr/bin/chromium`` or Playwright is missing. The whole test keeps
to a budget of well under 90 s: every wait has its own deadline, and the server is always stopped.
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit_server import CHROMIUM, CHROMIUM_ARGS, ROOT, streamlit_app
from test_app_pages import wrong_language

from checker.catalog.clauses import load_catalog
from checker.ui.i18n import t

log = logging.getLogger(__name__)
PAGES = ("check", "calc", "batch", "compare", "catalog", "dc")
PAGE_SAMPLES = {"check": "samples/records/server-SR2U.yaml", "dc": "samples/datacenter/dc-excellent.yaml",
                "batch": "samples/records/"}
PAGE_MARKERS = {"check": "todo", "dc": "dc.checklist", "batch": "most_failing"}

SAMPLE = "server-sr2288-datasheet.pdf"  # a text-layer server data sheet listed in truth.json
VERDICT_WAIT_MS = 40_000
BUDGET_S = 85.0

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is absent (install Debian's chromium to run the browser test)", allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """``streamlit run app.py`` on a free localhost port; yields its URL; always terminated."""
    with streamlit_app(tmp_path / "streamlit.log") as url:
        yield url


@pytest.mark.slow
def test_upload_pdf_shows_verdict(server: str, tmp_path: Path) -> None:
    started = time.monotonic()
    truth = json.loads((ROOT / "samples/documents/truth.json").read_text(encoding="utf-8"))[SAMPLE]
    assert truth["scanned"] is False and truth["category"] == "server"
    pdf = ROOT / "samples/documents" / SAMPLE
    shot = tmp_path / "check-page.png"
    evidence_shot = tmp_path / "check-evidence.png"
    with playwright_api.sync_playwright() as play:
        browser = play.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
            page.set_default_timeout(30_000)
            page.goto(server, wait_until="domcontentloaded")
            uploader = page.locator("input[type='file']").first
            uploader.wait_for(state="attached")
            uploader.set_input_files(str(pdf))
            verdict = page.get_by_text(re.compile(r"^(符合|不符合|证据不全)(，.+)?$")).first
            verdict.wait_for(state="visible", timeout=VERDICT_WAIT_MS)
            text = verdict.inner_text()
            # the clause tables are canvas grids: wait for their section heading and the evidence page image
            page.get_by_text("6.2.1 服务器及存储设备（表 2）").first.wait_for(state="visible")
            image = page.locator("[data-testid='stImage'] img").first
            image.wait_for(state="visible")
            page.wait_for_timeout(500)  # let the grids paint before the picture
            page.screenshot(path=str(shot), full_page=True)
            image.scroll_into_view_if_needed()
            page.screenshot(path=str(evidence_shot))
        finally:
            browser.close()
    log.info("screenshots: %s, %s", shot, evidence_shot)
    assert text.startswith(t(f"verdict.{truth['expected_verdict']}", "zh")), text
    assert shot.stat().st_size > 10_000
    assert time.monotonic() - started < BUDGET_S


def _page_label(name: str, lang: str) -> str:
    return t("cmp.page_compare" if name == "compare" else f"page_{name}", lang)


def _open_page(page: object, name: str, lang: str) -> None:
    """Click a page in the sidebar and wait for its header; run the sample where the page needs one."""
    sidebar = page.locator("[data-testid='stSidebar']")  # type: ignore[attr-defined]
    sidebar.get_by_text(_page_label(name, lang), exact=True).first.click()
    page.get_by_role("heading", name=_page_label(name, lang)).first.wait_for(state="visible")  # type: ignore[attr-defined]
    if name in PAGE_SAMPLES:
        page.get_by_text(t("src_sample", lang), exact=True).first.click()  # type: ignore[attr-defined]
        picker = page.locator("[data-testid='stSelectbox']").filter(  # type: ignore[attr-defined]
            has_text=t("sample_pick", lang)).first
        picker.locator("input").first.click()
        picker.locator("input").first.fill(PAGE_SAMPLES[name])
        page.keyboard.press("Enter")  # type: ignore[attr-defined]
        page.get_by_text(t(PAGE_MARKERS[name], lang)).first.wait_for(state="visible", timeout=VERDICT_WAIT_MS)  # type: ignore[attr-defined]
    if name == "compare":
        page.get_by_role("button", name=t("cmp.run", lang), exact=True).first.click()  # type: ignore[attr-defined]
        page.get_by_text(t("cmp.ranking", lang)).first.wait_for(  # type: ignore[attr-defined]
            state="visible", timeout=VERDICT_WAIT_MS)
    page.wait_for_timeout(1200)  # type: ignore[attr-defined]  # charts and grids paint


# the standard's own Chinese text, quoted as written on the catalog page (its column says so)
STANDARD_TEXT = {text.strip() for clause in load_catalog().clauses
                 for text in (clause.requirement_zh, clause.verification_zh)}
FORMATS = {"Excel", "HTML", "JSON", "CSV", "XLSX", "XLSM", "PARQUET", "Parquet", "YAML", "YML", "PDF", "MB"}
# Streamlit's own file-uploader words ("Drag and drop files here", "Upload"): not translatable in Streamlit 1.67
FRAMEWORK = {"Drag", "and", "drop", "files", "here", "Limit", "per", "file", "Upload", "upload", "Browse"}


def _page_words(page: object, lang: str) -> list[str]:
    """Words of the other language in the page's visible text (main area), the standard's quoted text aside."""
    text = page.locator("[data-testid='stMain']").first.inner_text()  # type: ignore[attr-defined]
    lines = [line for line in text.splitlines() if line.strip() and line.strip() not in STANDARD_TEXT]
    return [w for w in wrong_language(lines, lang) if w not in FORMATS | FRAMEWORK]


def _full_screenshot(page: object, path: Path) -> None:
    """The whole page: the app scrolls inside its main area, so the window is made as tall as its content."""
    height = page.evaluate(  # type: ignore[attr-defined]
        "() => { const m = document.querySelector(\"[data-testid='stMain']\"); return m ? m.scrollHeight : 1000; }")
    page.set_viewport_size({"width": 1400, "height": int(min(max(height, 1000), 12_000))})  # type: ignore[attr-defined]
    page.wait_for_timeout(800)  # type: ignore[attr-defined]
    page.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
    page.set_viewport_size({"width": 1400, "height": 1000})  # type: ignore[attr-defined]


@pytest.mark.slow
def test_every_page_in_both_languages(server: str) -> None:
    """Every page in Chinese and in English: no exception, no word of the other language in the page's text,
    a full-page screenshot each in $GDC_SCREENSHOTS (default /tmp/gdc-checker-screenshots), to look at."""
    folder = Path(os.environ.get("GDC_SCREENSHOTS") or "/tmp/gdc-checker-screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    for old in [*folder.glob("*.png")]:
        old.unlink()
    started = time.monotonic()
    wrong: dict[str, list[str]] = {}
    with playwright_api.sync_playwright() as play:
        browser = play.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(30_000)
            page.goto(server, wait_until="domcontentloaded")
            for lang in ("zh", "en"):
                if lang == "en":
                    page.locator("[data-testid='stSidebar']").get_by_text("English", exact=True).first.click()
                for name in PAGES:
                    try:
                        _open_page(page, name, lang)
                    except playwright_api.Error:
                        page.screenshot(path=str(folder / f"failed-{lang}-{name}.png"), full_page=True)
                        raise
                    assert not page.locator("[data-testid='stException']").count(), f"{name} {lang}"
                    found = _page_words(page, lang)
                    if found:
                        wrong[f"{lang}-{name}"] = found[:10]
                    _full_screenshot(page, folder / f"{lang}-{name}.png")
        finally:
            browser.close()
    shots = sorted(folder.glob("*.png"))
    log.info("screenshots in %s", folder)
    assert len(shots) == 2 * len(PAGES)
    assert all(shot.stat().st_size > 10_000 for shot in shots)
    assert not wrong, f"words of the other language on screen: {wrong}"
    assert time.monotonic() - started < 4 * BUDGET_S
