"""The clause catalog page: every clause, band table and device class of the standard, searchable."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from checker.outputs.safe_text import markdown as md
from checker.ui import frames
from checker.ui.i18n import t
from checker.ui.widgets import (
    category_label,
    get_catalog,
    show_table,
)


def page(lang: str, as_of: date) -> None:
    """Every clause: Chinese text, limit and verification method (every edition, whatever ``as_of``)."""
    catalog = get_catalog()
    st.header(t("page_catalog", lang))
    cols = st.columns(2)
    category = cols[0].selectbox(t("category", lang), [None, *catalog.categories], key="catalog_category",
                                 format_func=lambda c: t("category_all", lang) if c is None
                                 else category_label(c, lang))
    text = cols[1].text_input(t("search", lang), key="catalog_search")
    frame = frames.catalog_frame(catalog, lang, category, text)
    for column in ("title", "requirement_zh", "limit", "verification_zh"):  # st.table reads markdown: "长*高*深"
        # and "> 0 %" kept as written
        frame[column] = frame[column].map(md)
    st.table(frame.rename(columns={  # static: every clause and its whole text, nothing clipped
        "id": t("col_id", lang), "section": t("col_section", lang), "title": t("col_title", lang),
        "requirement_zh": t("col_requirement", lang), "limit": t("col_limit", lang),
        "verification_zh": t("col_verification", lang), "categories": t("col_categories", lang),
    }).style.hide(axis="index"))
    with st.expander(t("band_tables", lang)):
        for title, table in frames.band_table_frames(catalog, lang):
            st.markdown(f"**{title}**")
            show_table(table)
    with st.expander(t("device_classes", lang)):
        show_table(pd.DataFrame([{t("device_class", lang): v.label_zh if lang == "zh" else v.label_en,
                                  t("col_loads", lang): ", ".join(f"{x:g} %" for x in v.loads),
                                  t("weights", lang): ", ".join(f"{x:g}" for x in v.weights)}
                                 for v in catalog.device_classes.values()]))
