"""The data-centre page: T/CA305-2023 grading of one record, its scores and the what-if."""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from checker.outputs.display import num
from checker.outputs.safe_text import markdown as md
from checker.ui import datacentre
from checker.ui.i18n import t
from checker.ui.uploads import sample_files
from checker.ui.widgets import (
    ROOT,
    SAMPLES,
    grade_dc,
    pick_inputs,
    show_downloads,
    show_table,
)


def show_dc_scores(report: dict[str, Any], lang: str) -> None:
    """The total against the grade bands, the 40/60 split as a chart, the technology items."""
    cols = st.columns(2)
    with cols[0]:
        st.markdown(f"**{t('dc.bands', lang)}**")
        st.markdown("\n".join(f"- {md(line)}" for line in datacentre.grade_bands(lang)))
    with cols[1]:
        st.markdown(f"**{t('dc.split', lang)}**")
        split = datacentre.split_frame(report, lang)
        st.bar_chart(split, x=t("dc.part", lang), y=[t("dc.score", lang), t("dc.max", lang)], horizontal=True,
                     stack=True, color=["#2e7d32", "#d9d9d9"], x_label="", y_label=t("dc.score", lang))
    with st.expander(t("dc.items", lang)):
        items = datacentre.items_frame(report, lang)
        score = t("dc.score", lang)
        show_table(items.assign(**{score: items[score].map(num)}))


def page(lang: str, as_of: date) -> None:
    """T/CA305 grading of one data-centre record, and the what-if."""
    st.header(t("page_dc", lang))
    samples = sample_files(SAMPLES / "datacenter", (".yaml", ".yml", ".json"), ROOT)
    uploads = pick_inputs(lang, "dc", ("yaml", "yml", "json"), samples, (".yaml", ".yml", ".json"), "upload_dc")
    if not uploads:
        st.info(t("nothing_yet", lang))
        return
    try:
        report = grade_dc(uploads[0].data, as_of)
    except datacentre.DataCentreInputError as exc:
        st.error(t("dc_error", lang, error=md(str(exc))))
        return
    st.subheader(f"{md(str(report['datacenter']))} {md(str(report.get('name') or ''))}")
    colour = "red" if report["grade"] == "不合格" else "green"
    st.markdown(f"### {t('dc_grade', lang)}{t('colon', lang)}:{colour}[{md(datacentre.headline(report, lang))}]")
    st.caption(f"{report['standard']} · {t('as_of', lang)}{t('colon', lang)}{report['as_of']}")
    for reason in datacentre.reasons(report, lang):
        st.warning(md(reason))
    show_dc_scores(report, lang)
    st.markdown(f"#### {t('dc.checklist', lang)}")
    marks = {"pass": ":green[:material/check_circle:]", "fail": ":red[:material/cancel:]"}
    st.markdown("\n".join(f"- {marks.get(status, ':orange[:material/help:]')} {md(text)}"
                           for status, text in datacentre.checklist(report, lang)))
    st.markdown(f"#### {t('dc.emissions_chart', lang)}")
    emissions = datacentre.emissions_frame(report, lang)
    if not emissions.empty:
        st.bar_chart(emissions, x=t("dc.source", lang), y=t("dc.tco2", lang), color=t("dc.scope", lang),
                     horizontal=True, x_label="", y_label=t("dc.tco2", lang))
        tco2 = t("dc.tco2", lang)
        show_table(emissions.assign(**{tco2: emissions[tco2].map(num)}))
    st.markdown(f"#### {t('dc_whatif', lang)}")
    first, *levers = datacentre.what_if_sentences(report, lang)
    st.markdown(md(first) + ("\n" + "\n".join(f"- {md(x)}" for x in levers) if levers else ""))
    show_downloads(datacentre.downloads(report, lang), f"dc-{report['datacenter']}", lang, "dc")
