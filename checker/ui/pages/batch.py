"""The batch page: a catalog, a folder of records or PDFs → every product's verdict, filtered and downloadable."""

from __future__ import annotations

import logging
from datetime import date

import streamlit as st

from checker.models import Report
from checker.ui import frames, results
from checker.ui.i18n import t, verdict_label
from checker.ui.uploads import safe_uploads, sample_files
from checker.ui.widgets import (
    RECORD_SUFFIXES,
    ROOT,
    SAMPLES,
    STYLE_LIMIT,
    TABLE_SUFFIXES,
    category_label,
    get_catalog,
    pick_inputs,
    run_batch,
    show_downloads,
    show_errors,
    show_product,
)

log = logging.getLogger(__name__)


def page(lang: str, as_of: date) -> None:
    """Audit many products: a catalog, many PDFs or records; summary, chart, filterable table."""
    st.header(t("page_batch", lang))
    samples = [*sample_files(SAMPLES / "catalogs", TABLE_SUFFIXES, ROOT), "samples/records/", "samples/documents/",
               *sample_files(SAMPLES / "records", RECORD_SUFFIXES, ROOT)]
    override = st.selectbox(t("category", lang), [None, *get_catalog().categories], key="batch_category",
                            format_func=lambda c: t("category_auto", lang) if c is None else category_label(c, lang))
    uploads = pick_inputs(lang, "batch", results.BATCH_TYPES, samples,
                          (*TABLE_SUFFIXES, ".pdf", *RECORD_SUFFIXES), "upload_batch")
    if not uploads:
        st.info(t("nothing_yet", lang))
        return
    safe = safe_uploads(uploads)
    log.info("audit: %d input(s), as of %s", len(safe), as_of)
    bar = st.progress(0.0, text=t("run_progress", lang, done=0, total=len(safe), name=""))

    def progress(done: int, total: int, name: str) -> None:
        bar.progress(done / max(total, 1), text=t("run_progress", lang, done=done, total=total, name=name))

    batch = run_batch(safe, as_of, override, lang, progress)
    bar.progress(1.0, text=t("run_done", lang, total=len(safe)))  # also when the batch came from the cache
    show_errors(Report(as_of=batch.as_of, errors=batch.errors, warnings=batch.warnings), lang)
    if batch.table.empty:
        st.error(t("no_products", lang))
        return
    show_summary(batch, lang)
    show_products(batch, lang)
    st.subheader(t("detail_pick", lang))
    number = st.selectbox(t("detail_pick", lang), range(len(batch.details)), key="batch_detail",
                          format_func=lambda i: f"{batch.details[i].id} — "
                                                f"{verdict_label(batch.details[i].verdict, lang)}")
    if number is not None:
        show_product(batch.details[number], {u.name: u.data for u in safe}, lang, "batch_detail")


def show_summary(batch: results.BatchAudit, lang: str) -> None:
    """Counts per verdict, each clause's pass rate as a chart, the products failing most clauses."""
    st.subheader(t("summary", lang))
    counts = results.batch_verdict_counts(batch)
    cols = st.columns(4)
    cols[0].metric(t("products_total", lang), len(batch.table))
    for column, (verdict, count) in zip(cols[1:], counts.items(), strict=True):
        column.metric(verdict_label(verdict, lang), count)
    if not batch.clauses.empty:
        st.markdown(f"**{t('pass_rate_chart', lang)}**")
        st.altair_chart(frames.pass_rate_chart(batch.clauses, lang), width="stretch")
    worst = results.batch_most_failing(batch)
    if not worst.empty:
        st.markdown(f"**{t('most_failing', lang)}**")
        st.dataframe(frames.batch_frame(worst, lang), hide_index=True, width="stretch")


def show_products(batch: results.BatchAudit, lang: str) -> None:
    """Every product, filtered by verdict, category and text, and the downloads."""
    st.subheader(t("table", lang))
    table = batch.table
    left, middle, right = st.columns(3)
    verdicts = left.multiselect(t("filter_verdict", lang), ["pass", "fail", "incomplete"], key="batch_f_verdict",
                                placeholder=t("choose", lang),
                                format_func=lambda v: verdict_label(v, lang))
    categories = middle.multiselect(t("filter_category", lang), sorted(table["category"].unique()),
                                    placeholder=t("choose", lang),
                                    key="batch_f_category", format_func=lambda c: category_label(c, lang))
    text = right.text_input(t("filter_text", lang), key="batch_f_text")
    shown = frames.filter_summary(table, verdicts, categories, text)
    shown = frames.batch_frame(shown, lang)
    height = min(35 * (len(shown) + 1) + 3, 35 * 25)  # up to 25 rows without scrolling; more: filter or scroll
    widths = {t("failed_clauses", lang): st.column_config.TextColumn(width="large"),  # the clause ids in full
              t("sources", lang): st.column_config.TextColumn(width="medium")}
    data = frames.styled_words(shown, lang) if shown.size <= STYLE_LIMIT else shown
    st.dataframe(data, hide_index=True, width="stretch", height=height, column_config=widths)
    show_downloads(batch.files, results.batch_stem(batch), lang, "batch")
