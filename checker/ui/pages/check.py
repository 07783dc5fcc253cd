"""The "check a product" page: files, a sample or a form → one product's clauses with evidence."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

import streamlit as st

from checker.catalog.clauses import Catalog
from checker.outputs.safe_text import markdown as md
from checker.ui import results
from checker.ui.i18n import t
from checker.ui.uploads import Upload, read_sample, safe_uploads, sample_files
from checker.ui.widgets import (
    RECORD_SUFFIXES,
    ROOT,
    SAMPLES,
    category_label,
    form_widget,
    get_catalog,
    run_check,
    run_form,
    show_report,
)

log = logging.getLogger(__name__)


def page(lang: str, as_of: date) -> None:
    """Check one product: documents, a record, or a form."""
    catalog = get_catalog()
    st.header(t("page_check", lang))
    source = st.radio(t("input_source", lang), ("upload", "sample", "form"), key="check_source", horizontal=True,
                      format_func=lambda s: t(f"src_{s}", lang))
    if source == "form":
        form_check(lang, as_of, catalog)
        return
    override = st.selectbox(t("category", lang), [None, *catalog.categories], key="check_category",
                            format_func=lambda c: t("category_auto", lang) if c is None else category_label(c, lang))
    if source == "upload":
        files = st.file_uploader(t("upload_check", lang), type=list(results.CHECK_TYPES), accept_multiple_files=True,
                                 key="check_upload") or []
        uploads = [Upload(f.name, f.getvalue()) for f in files]
    else:
        samples = (sample_files(SAMPLES / "records", RECORD_SUFFIXES, ROOT)
                   + sample_files(SAMPLES / "documents", (".pdf",), ROOT))
        choice = st.selectbox(t("sample_pick", lang), samples, index=None, key="check_sample",
                              placeholder=t("choose", lang))
        uploads = read_sample(SAMPLES.parent, choice, (".pdf", *RECORD_SUFFIXES)) if choice else []
    if not uploads:
        st.info(t("nothing_yet", lang))
        return
    safe = safe_uploads(uploads)
    log.info("check: %d file(s), as of %s, category %s", len(safe), as_of, override or "detected")
    reading = t("reading", lang, n=len(safe), names=", ".join(u.name for u in safe[:3])
                + (" …" if len(safe) > 3 else ""))
    with st.spinner(md(reading)):
        report = run_check(tuple((u.name, u.data) for u in safe), as_of, override)
    show_report(report, {u.name: u.data for u in safe}, lang, "check")


def form_check(lang: str, as_of: date, catalog: Catalog) -> None:
    """One product typed into a form of its category's fields (the PAHs folded away)."""
    category = st.selectbox(t("category", lang), [c for c in catalog.categories if c != "datacenter"],
                            key="form_category", format_func=lambda c: category_label(c, lang))
    st.caption(t("form_hint", lang))
    specs = results.form_fields(catalog, category)
    main = {n: s for n, s in specs.items() if not s.pah}
    extra = {n: s for n, s in specs.items() if s.pah}
    with st.form(key=f"form_{category}"):
        columns = st.columns(2)
        values: dict[str, Any] = {}
        for number, (name, spec) in enumerate(main.items()):
            with columns[number % 2]:
                values[name] = form_widget(name, spec, lang, f"f_{category}_{name}")
        if extra:
            with st.expander(t("form_more", lang)):
                for name, spec in extra.items():
                    values[name] = form_widget(name, spec, lang, f"f_{category}_{name}")
        if st.form_submit_button(t("form_submit", lang)):
            st.session_state["form_result"] = (category, {k: v for k, v in values.items() if v is not None})
    stored = st.session_state.get("form_result")
    if stored and stored[0] == category:
        show_report(run_form(stored[0], stored[1], as_of, lang), {}, lang, "form")
