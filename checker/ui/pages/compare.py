"""The "compare bids" page: each bidder's files side by side (:mod:`checker.ui.compare`, :mod:`checker.compare`)."""

from __future__ import annotations

from datetime import date

import streamlit as st

from checker.compare import Comparison
from checker.ui.compare import (
    compare_uploads,
    downloads,
    matrix_frame,
    ranking_frame,
    s,
    sample_comparison,
    styled_matrix,
)
from checker.ui.uploads import Upload
from checker.ui.widgets import get_catalog


def page(lang: str, as_of: date) -> None:
    """The page: pick the sample or upload per bidder, compare, show ranking, matrix and downloads."""
    catalog = get_catalog()
    st.header(s("page_compare", lang))
    source = st.radio(s("source", lang), ("sample", "upload"), key="cmp_source", horizontal=True,
                      format_func=lambda key: s(key, lang))
    comparison: Comparison | None = None
    if source == "sample":
        if st.button(s("run", lang), key="cmp_run_sample"):
            comparison = sample_comparison(as_of)
    else:
        count = int(st.number_input(s("bidders", lang), min_value=2, max_value=8, value=3, key="cmp_count"))
        bids: list[tuple[str, list[Upload]]] = []
        for number in range(1, count + 1):
            name = st.text_input(s("bidder_name", lang, n=number), value=f"bidder-{number}", key=f"cmp_name_{number}")
            files = st.file_uploader(s("bidder_files", lang, n=number), accept_multiple_files=True,
                                     key=f"cmp_files_{number}") or []
            if files:
                bids.append((name, [Upload(f.name, f.getvalue()) for f in files]))
        if st.button(s("run", lang), key="cmp_run_upload"):
            if len(bids) < 2:
                st.warning(s("need_two", lang))
            else:
                comparison = compare_uploads(bids, as_of)
    if comparison is None:
        return
    st.subheader(s("ranking", lang))
    st.dataframe(ranking_frame(comparison, lang), hide_index=True, width="stretch")
    st.subheader(s("matrix", lang))
    frame, codes = matrix_frame(comparison, catalog, lang)
    # a static table: every row and every bidder's column shown, long clause ids and titles wrapped
    st.table(styled_matrix(frame, codes).hide(axis="index"))
    columns = st.columns(3)
    for column, (label, (data, name, mime)) in zip(columns, downloads(comparison, catalog, lang).items(), strict=True):
        column.download_button(label, data, file_name=name, mime=mime, key=f"cmp_dl_{name}")
