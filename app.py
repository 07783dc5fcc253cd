"""gdc-checker's Streamlit face: ``streamlit run app.py``.

Only the wiring: the sidebar (language, page, as-of date) and the chosen page of :mod:`checker.ui.pages`;
the pages draw with :mod:`checker.ui.widgets` over the library. No rule, threshold or parsing lives here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

import streamlit as st

from checker.ui import compare as compare_ui
from checker.ui.i18n import LANG_NAMES, LANGS, t
from checker.ui.pages import batch, calc, catalog, check, compare, datacentre

PAGES: dict[str, Callable[[str, date], None]] = {
    "check": check.page, "calc": calc.page, "batch": batch.page, "compare": compare.page,
    "catalog": catalog.page, "dc": datacentre.page,
}


def page_name(page: str, lang: str) -> str:
    """A page's name in the sidebar (the compare page keeps its strings in checker/ui/compare.py)."""
    return compare_ui.s("page_compare", lang) if page == "compare" else t(f"page_{page}", lang)


def main() -> None:
    """Sidebar (language, page, as-of date) and the chosen page."""
    st.set_page_config(page_title="gdc-checker", page_icon="🌿", layout="wide")
    lang = st.sidebar.radio("语言 / Language", LANGS, key="lang", horizontal=True,
                            format_func=lambda code: LANG_NAMES[code])
    st.sidebar.title(t("app_title", lang))
    page = st.sidebar.radio(t("page", lang), tuple(PAGES), key="page", format_func=lambda p: page_name(p, lang))
    as_of = st.sidebar.date_input(t("as_of", lang), value=date.today(), key="as_of")
    st.sidebar.caption(t("app_caption", lang))
    PAGES[page](lang, as_of)


logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
main()
