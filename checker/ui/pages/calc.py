"""The calculators page: TEER, firewall, generator, PAHs, recycled plastic, recyclability, PDU, grades."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from checker.calc import api as calc_api
from checker.catalog.clauses import Catalog
from checker.catalog.messages import note
from checker.outputs.display import num
from checker.ui import calcs, frames
from checker.ui.i18n import NOISE_LABELS, t
from checker.ui.widgets import (
    calc_clauses,
    category_label,
    get_catalog,
    guarded,
)


def page(lang: str, as_of: date) -> None:
    """The standard's calculators, judged through the engine."""
    catalog = get_catalog()
    st.header(t("page_calc", lang))
    st.caption(t("calc_hint", lang))
    tabs = st.tabs([t(k, lang) for k in ("calc_teer", "calc_plastic", "calc_recyc", "calc_firewall",
                                         "calc_generator", "calc_pah")])
    with tabs[0]:
        teer_tab(lang, as_of, catalog)
    with tabs[1]:
        plastic_tab(lang, as_of)
    with tabs[2]:
        recyclability_tab(lang, as_of)
    with tabs[3]:
        firewall_tab(lang, as_of)
    with tabs[4]:
        generator_tab(lang, as_of)
    with tabs[5]:
        pah_tab(lang, as_of, catalog)


def teer_tab(lang: str, as_of: date, catalog: Catalog) -> None:
    """TEER of a switch (Appendix E): throughput and power at the device class's loads."""
    klass = st.selectbox(t("device_class", lang), list(catalog.device_classes), key="teer_class",
                         format_func=lambda k: catalog.device_classes[k].label_zh if lang == "zh"
                         else catalog.device_classes[k].label_en)
    loads = catalog.device_classes[klass].loads
    throughput = st.text_input(t("throughput_td", lang), "26 Gbps", key="teer_td")
    cols = st.columns(3)
    powers = tuple(cols[i].text_input(t("power_u", lang, n=i + 1, load=loads[i]), default, key=f"teer_p{i + 1}")
                   for i, default in enumerate(("38.5", "38.9", "39.4")))
    result = guarded(lang, lambda: calcs.teer(klass, throughput, powers, as_of))
    if result:
        st.metric(t("teer_value", lang), num(result.figures["teer"]))
        st.caption(f"{t('weights', lang)}{t('colon', lang)}{result.figures['weights']}")
        calc_clauses(result, "teer", lang, as_of)


def plastic_tab(lang: str, as_of: date) -> None:
    """Appendix D share of recycled plastic, part by part."""
    category = st.selectbox(t("product_kind", lang), calc_api.categories_judging("recycled_plastic_share"),
                            key="plastic_category",
                            format_func=lambda c: category_label(c, lang))
    default = pd.DataFrame([
        {"part": t("plastic.housing", lang), "plastic_g": 800.0, "recycled_g": 40.0, "excluded": False},
        {"part": t("plastic.keys", lang), "plastic_g": 50.0, "recycled_g": 0.0, "excluded": False},
        {"part": t("plastic.pcb", lang), "plastic_g": 120.0, "recycled_g": 0.0, "excluded": True},
        {"part": t("plastic.cables", lang), "plastic_g": 60.0, "recycled_g": 0.0, "excluded": True},
    ])
    st.caption(t("parts_table", lang))
    parts = st.data_editor(default, num_rows="dynamic", key="plastic_parts", width="stretch",
                           column_config={
                               "part": st.column_config.TextColumn(t("col_part", lang)),
                               "plastic_g": st.column_config.NumberColumn(t("col_plastic_g", lang), min_value=0.0),
                               "recycled_g": st.column_config.NumberColumn(t("col_recycled_g", lang),
                                                                           min_value=0.0),
                               "excluded": st.column_config.CheckboxColumn(t("col_excluded", lang)),
                           })
    result = guarded(lang, lambda: calcs.recycled_plastic(parts, category, as_of))
    if result:
        cols = st.columns(3)
        cols[0].metric(t("plastic_total", lang), frames.fmt_number(result.figures["plastic_g"]))
        cols[1].metric(t("recycled_total", lang), frames.fmt_number(result.figures["recycled_g"]))
        share = result.figures["share"]
        cols[2].metric(t("share", lang), "—" if share is None else f"{share:.3f}")
        calc_clauses(result, "recycled-plastic", lang, as_of)


def recyclability_tab(lang: str, as_of: date) -> None:
    """Appendix C recyclability rate, material by material."""
    category = st.selectbox(t("product_kind", lang), calc_api.categories_judging("recyclability"),
                            key="recyc_category", format_func=lambda c: category_label(c, lang))
    default = pd.DataFrame([
        {"part": t("plastic.chassis", lang), "material": t("plastic.steel", lang), "mass_g": 8000.0, "rate": 95.0},
        {"part": t("plastic.chassis", lang), "material": "ABS", "mass_g": 600.0, "rate": 30.0},
        {"part": t("plastic.psu", lang), "material": t("plastic.mixed", lang), "mass_g": 1500.0, "rate": 60.0},
        {"part": t("plastic.mainboard", lang), "material": "PCB", "mass_g": 900.0, "rate": 40.0},
    ])
    materials = st.data_editor(default, num_rows="dynamic", key="recyc_table", width="stretch",
                               column_config={
                                   "part": st.column_config.TextColumn(t("col_part", lang)),
                                   "material": st.column_config.TextColumn(t("col_material", lang)),
                                   "mass_g": st.column_config.NumberColumn(t("col_mass_g", lang), min_value=0.0),
                                   "rate": st.column_config.NumberColumn(t("col_rate", lang), min_value=0.0,
                                                                         max_value=100.0),
                               })
    mass = st.text_input(t("product_mass", lang), "", key="recyc_mass")
    result = guarded(lang, lambda: calcs.recyclability(materials, mass, category, as_of))
    if result:
        cols = st.columns(3)
        cols[0].metric(t("col_recyclable_g", lang), frames.fmt_number(result.figures["recyclable_g"]))
        cols[1].metric(t("product_mass", lang), frames.fmt_number(result.figures["product_g"]))
        cols[2].metric(t("recyc_rate", lang), f"{result.figures['rate']:.3f}")
        calc_clauses(result, "recyclability", lang, as_of)


def firewall_tab(lang: str, as_of: date) -> None:
    """Table 5: a firewall's tier, chassis volume and W/Gbps."""
    throughput = st.text_input(t("fw_throughput", lang), "15", key="fw_throughput")
    power = st.text_input(t("fw_power", lang), "390", key="fw_power")
    cols = st.columns(3)
    dims = tuple(cols[i].text_input(t(name, lang), default, key=f"fw_{name}")
                 for i, (name, default) in enumerate((("length", "17.3 in"), ("height", "1.73 in"),
                                                      ("depth", "15 in"))))
    result = guarded(lang, lambda: calcs.firewall(throughput, power, dims, as_of))
    if result:
        cols = st.columns(3)
        cols[0].metric(t("tier", lang), note(result.figures["tier"], lang) if result.figures["tier"]
                       else t("band_none", lang))
        cols[1].metric(t("volume", lang), frames.fmt_number(result.figures["volume_dm3"]) or "—")
        cols[2].metric(t("w_per_gbps", lang), frames.fmt_number(result.figures["w_per_gbps"]) or "—")
        calc_clauses(result, "firewall", lang, as_of)


def generator_tab(lang: str, as_of: date) -> None:
    """Table 6 and Appendix H: a generator's band, fuel rate and noise."""
    rated = st.text_input(t("rated_power", lang), "400", key="gen_power")
    fuel_col, flow_col = st.columns(2)
    fuel = fuel_col.text_input(t("fuel_rate", lang), "", key="gen_fuel")
    flow = flow_col.text_input(t("fuel_flow", lang), "91.8", key="gen_flow")
    sides = st.columns(4)
    defaults = dict(zip(calcs.NOISE_SIDES, ("99.5", "101.2", "98", "98.4"), strict=True))
    noise: dict[str, str | None] = {
        side: column.text_input(t("noise_dir", lang, side=NOISE_LABELS[lang][side]), defaults[side],
                                key=f"gen_noise_{side}")
        for column, side in zip(sides, calcs.NOISE_SIDES, strict=True)}
    result = guarded(lang, lambda: calcs.generator(rated, fuel, flow, noise, as_of))
    if result:
        st.metric(t("band", lang), result.figures["band"] or t("band_none", lang))
        calc_clauses(result, "generator", lang, as_of)


def pah_tab(lang: str, as_of: date, catalog: Catalog) -> None:
    """Appendix A: the 15 PAHs, their sum and benzo[a]pyrene."""
    st.caption(t("pah_table", lang))
    rows = calcs.pah_rows(catalog, lang)
    rows["value"] = ["0.3", "1.2"] + ["ND"] * (len(rows) - 2)
    table = st.data_editor(rows, key="pah_table", width="stretch", disabled=["compound", "cas"],
                           column_config={
                               "field": None,
                               "compound": st.column_config.TextColumn(t("col_compound", lang)),
                               "cas": st.column_config.TextColumn(t("col_cas", lang)),
                               "value": st.column_config.TextColumn(t("col_value_mgkg", lang)),
                           })
    result = guarded(lang, lambda: calcs.pah(table, as_of))
    if result:
        calc_clauses(result, "pah", lang, as_of)
