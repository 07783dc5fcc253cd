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

from checker.ui.i18n import t  # noqa: E402

log = logging.getLogger(__name__)
PAGES = ("check", "calc", "batch", "catalog", "dc")
PAGE_SAMPLES = {"check": "samples/records/server-SR2U.yaml", "dc": "samples/datacenter/dc-excellent.yaml"}

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


def _open_page(page: object, name: str, lang: str) -> None:
    """Click a page in the sidebar and wait for its header; on the check and data-centre pages pick a sample."""
    sidebar = page.locator("[data-testid='stSidebar']")  # type: ignore[attr-defined]
    sidebar.get_by_text(t(f"page_{name}", lang), exact=True).first.click()
    page.get_by_role("heading", name=t(f"page_{name}", lang)).first.wait_for(state="visible")  # type: ignore[attr-defined]
    if name in ("check", "dc"):
        page.get_by_text(t("src_sample", lang), exact=True).first.click()  # type: ignore[attr-defined]
        picker = page.locator("[data-testid='stSelectbox']").filter(  # type: ignore[attr-defined]
            has_text=t("sample_pick", lang)).first
        picker.locator("input").first.click()
        picker.locator("input").first.fill(PAGE_SAMPLES[name])
        page.keyboard.press("Enter")  # type: ignore[attr-defined]
        marker = t("todo", lang) if name == "check" else t("dc.checklist", lang)
        page.get_by_text(marker).first.wait_for(state="visible", timeout=VERDICT_WAIT_MS)  # type: ignore[attr-defined]
    page.wait_for_timeout(800)  # type: ignore[attr-defined]  # charts and grids paint


def test_every_page_in_both_languages(server: str, tmp_path: Path) -> None:
    """A screenshot of every page in Chinese and in English (kept in $GDC_SCREENSHOTS if set, to look at)."""
    folder = Path(os.environ.get("GDC_SCREENSHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with playwright_api.sync_playwright() as play:
        browser = play.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 2400})  # the app scrolls inside
            page.set_default_timeout(30_000)
            page.goto(server, wait_until="domcontentloaded")
            for lang in ("zh", "en"):
                if lang == "en":
                    page.locator("[data-testid='stSidebar']").get_by_text("English", exact=True).first.click()
                for name in PAGES:
                    _open_page(page, name, lang)
                    assert not page.locator("[data-testid='stException']").count(), f"{name} {lang}"
                    page.screenshot(path=str(folder / f"{lang}-{name}.png"), full_page=True)
        finally:
            browser.close()
    shots = sorted(folder.glob("*.png"))
    log.info("screenshots in %s", folder)
    assert len(shots) == 2 * len(PAGES)
    assert all(shot.stat().st_size > 10_000 for shot in shots)
    assert time.monotonic() - started < 3 * BUDGET_S
