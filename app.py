"""gdc-checker's Streamlit face: ``streamlit run app.py``.

A thin layer of widgets over the library: checks, audits, calculators and grading are
:mod:`checker`'s (through :mod:`checker.ui` helpers); no rule, threshold or parsing lives here.
Pages (sidebar): check a product, calculators, batch audit, clause catalog, data centre (T/CA305).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from checker.catalog import Catalog, load_catalog
from checker.display import num
from checker.messages import note
from checker.models import ProductReport, Report
from checker.report import STATUS_COLOURS
from checker.safe_text import markdown as md
from checker.text_report import todo_groups
from checker.ui import calcs, datacentre, results
from checker.ui import compare as compare_ui
from checker.ui.evidence import evidence_image
from checker.ui.i18n import LANG_NAMES, LANGS, NOISE_LABELS, STRINGS, VERDICT_ICONS, status_label, t, verdict_label
from checker.ui.uploads import Upload, read_sample, safe_uploads, sample_files

log = logging.getLogger("gdc_checker.app")

ROOT = Path(__file__).resolve().parent
SAMPLES = ROOT / "samples"
PAGES = ("check", "calc", "batch", "compare", "catalog", "dc")
RECORD_SUFFIXES = (".json", ".yaml", ".yml")
TABLE_SUFFIXES = (".csv", ".xlsx", ".xlsm", ".parquet")
TABLE_ROWS = 60  # up to this many rows a table is static (wrapped text), beyond it a grid
STYLE_LIMIT = 200_000  # cells; larger tables are shown without colours (Styler is slow)


# ---------------------------------------------------------------- cached library calls


@st.cache_resource
def get_catalog() -> Catalog:
    """The clause catalog, loaded once per server."""
    return load_catalog()


@st.cache_data(show_spinner=False, max_entries=64)
def run_check(files: tuple[tuple[str, bytes], ...], as_of: date, category: str | None) -> Report:
    """All files as evidence for one product (pure in its inputs, so cached)."""
    return results.check_uploads([Upload(n, d) for n, d in files], as_of, category)


def run_batch(uploads: list[Upload], as_of: date, category: str | None, lang: str,
              progress: Callable[[int, int, str], None]) -> results.BatchAudit:
    """A batch audit, aggregated per clause, with its downloads; the session keeps its last one only
    (not st.cache_data: the progress bar is drawn while it runs)."""
    digest = hashlib.sha256(repr((as_of, category, lang)).encode())
    for upload in uploads:
        digest.update(upload.name.encode("utf-8", "surrogateescape") + b"\0" + hashlib.sha256(upload.data).digest())
    key = digest.hexdigest()
    kept = st.session_state.get("batch_result")
    if kept is None or kept[0] != key:
        st.session_state["batch_result"] = None  # the previous batch is let go before the next one is built
        kept = (key, results.audit_batch(uploads, as_of, category, lang, progress))
        st.session_state["batch_result"] = kept
    batch: results.BatchAudit = kept[1]
    return batch


@st.cache_data(show_spinner=False, max_entries=64)
def run_form(category: str, values: dict[str, Any], as_of: date, lang: str) -> Report:
    """A product typed into the form (named as the form in ``lang``)."""
    return results.evaluate_form(category, values, as_of, source=t("form_source", lang))


@st.cache_data(show_spinner=False, max_entries=256)
def page_png(data: bytes, page: int, text: str, value: float | str | None) -> bytes | None:
    """The evidence region of a PDF page as PNG (None if the page cannot be drawn)."""
    image = evidence_image(data, page, text, value)
    return image.png if image else None


@st.cache_data(show_spinner=False, max_entries=32)
def grade_dc(data: bytes, as_of: date) -> dict[str, Any]:
    """A T/CA305 record graded."""
    return datacentre.grade_bytes(data, as_of)


@st.cache_data(show_spinner=False, max_entries=32)
def report_files(report: Report, lang: str) -> dict[str, tuple[bytes, str, str]]:
    """A report's downloads (Excel, JSON, HTML)."""
    return results.downloads(report, get_catalog(), lang)


# ---------------------------------------------------------------- shared pieces


def show_downloads(files: dict[str, tuple[bytes, str, str]], stem: str, lang: str, key: str) -> None:
    """Three download buttons: Excel, JSON, printable HTML."""
    columns = st.columns(3)
    for column, fmt in zip(columns, ("xlsx", "json", "html"), strict=True):
        data, mime, suffix = files[fmt]
        column.download_button(t(f"download_{fmt}", lang), data=data, file_name=f"{stem}.{suffix}", mime=mime,
                               key=f"{key}_dl_{fmt}")


def show_table(frame: pd.DataFrame, codes: list[str] | None = None, column: str | None = None) -> None:
    """A dataframe, its status column coloured when ``codes`` are given."""
    if len(frame) <= TABLE_ROWS:  # a static table: every row and the whole text of every cell shown
        styler = results.styled(frame, codes, column) if codes is not None and column is not None else frame.style
        st.table(styler.hide(axis="index"))
        return
    height = 35 * (len(frame) + 1) + 3  # every row shown, no scrolling box
    if codes is not None and column is not None and frame.size <= STYLE_LIMIT:
        st.dataframe(results.styled(frame, codes, column), hide_index=True, width="stretch", height=height)
    else:
        st.dataframe(frame, hide_index=True, width="stretch", height=height)


def show_clauses(product: ProductReport, lang: str) -> None:
    """The clause results grouped by section, status cells coloured."""
    frame = results.clause_frame(product, get_catalog(), lang)
    for title, part in results.grouped(frame, lang):
        st.markdown(f"**{title}**")
        show_table(results.display_columns(part, lang), part["status_code"].tolist(), t("col_status", lang))


def show_evidence(product: ProductReport, files: dict[str, bytes], lang: str, key: str) -> None:
    """A clause picker; the chosen clause's evidence as text and as the page region, value highlighted."""
    first = results.with_evidence(product)
    options = first + [c.id for c in product.clauses if c.id not in first]
    if not options:
        return
    st.markdown(f"#### {t('evidence', lang)}")
    chosen = st.selectbox(t("evidence_pick", lang), options, key=f"{key}_evidence",
                          format_func=lambda cid: f"{cid} — {results.clause_title(get_catalog(), cid, lang)}")
    result = next(c for c in product.clauses if c.id == chosen)
    colour = STATUS_COLOURS[result.status]
    st.markdown(f"<span style='background:#{colour};padding:2px 6px'>{status_label(result.status, lang)}</span> "
                f"{results.fmt_number(result.value)} {result.unit} {results.limit_text(result)}",
                unsafe_allow_html=True)
    if result.note:
        st.caption(md(note(result.note, lang)))
    if not result.evidence:
        st.info(t("evidence_none", lang))
    drawn: set[tuple[str, int]] = set()  # a page image once, however many facts were read from it
    for number, item in enumerate(result.evidence):
        where = item.source + (f", {t('evidence_page', lang, page=item.page)}" if item.page else "")
        st.markdown(f"{md(where)} {t('evidence_ocr', lang) if item.ocr else ''}")
        st.code(item.text or "—", language=None)
        data = files.get(item.source)
        if data is not None and item.page and item.source.lower().endswith(".pdf") \
                and (item.source, item.page) not in drawn:
            drawn.add((item.source, item.page))
            png = page_png(data, item.page, item.text, result.value if number == 0 else None)
            if png:
                st.image(png, caption=md(where), width="stretch")
            else:
                st.caption(t("evidence_no_image", lang))


def show_product(product: ProductReport, files: dict[str, bytes], lang: str, key: str) -> None:
    """One product: verdict, clauses by section, evidence, buyer's to-do."""
    category = md(category_label(product.category, lang))
    st.subheader(f"{t('product', lang)}{t('colon', lang)}{md(product.id)} \\[{category}\\]")
    colour = VERDICT_ICONS.get(product.verdict, "gray")
    st.markdown(f"### :{colour}[{results.verdict_line(product, lang)}]")
    if product.sources:
        st.caption(f"{t('sources', lang)}{t('colon', lang)}{md(', '.join(product.sources))}")
    show_clauses(product, lang)
    show_evidence(product, files, lang, key)
    st.markdown(f"#### {t('todo', lang)}")
    groups = todo_groups(product, get_catalog(), lang)
    measured = [c for c in results.todo(product) if not any(c.id in ids for ids in groups.values())]
    if groups or measured:
        lines = [f"- **{md(name)}**{t('colon', lang)}{', '.join(ids)}" for name, ids in groups.items()]
        lines += [f"- **{c.id}** {results.clause_title(get_catalog(), c.id, lang)} — {md(note(c.note, lang))}"
                  for c in measured]
        st.markdown("\n".join(lines))
    else:
        st.caption(t("todo_none", lang))


def show_errors(report: Report, lang: str) -> None:
    """Inputs that could not be used, one line each."""
    if report.errors:
        st.warning(t("errors", lang) + "\n\n" + "\n".join(f"- {md(e.source)}: {md(app_error(e.error, lang))}"
                                                          for e in report.errors))


def category_label(category: str, lang: str) -> str:
    """A product category in ``lang`` (服务器 / Server); the code itself if unlisted."""
    return t(f"category.{category}", lang) if f"category.{category}" in STRINGS else category


def app_error(text: str, lang: str) -> str:
    """An input error in the app's own terms (the category picker, not the command's ``--category``)."""
    return note(text.replace("give --category", t("app_give_category", lang)), lang)


def show_report(report: Report, files: dict[str, bytes], lang: str, key: str) -> None:
    """A one-product report in full, with its downloads."""
    show_errors(report, lang)
    if not report.products:
        st.error(t("no_products", lang))
        return
    for number, product in enumerate(report.products):
        show_product(product, files, lang, f"{key}_{number}")
    show_downloads(report_files(report, lang), results.report_stem(report), lang, key)


def pick_inputs(lang: str, key: str, types: tuple[str, ...], samples: list[str], suffixes: tuple[str, ...],
                help_key: str) -> list[Upload]:
    """Uploaded files or a sample picked from ``samples/`` (AppTest cannot upload; the picker can)."""
    source = st.radio(t("input_source", lang), ("upload", "sample"), key=f"{key}_source", horizontal=True,
                      format_func=lambda s: t(f"src_{s}", lang))
    if source == "upload":
        files = st.file_uploader(t(help_key, lang), type=list(types), accept_multiple_files=True,
                                 key=f"{key}_upload") or []
        return [Upload(f.name, f.getvalue()) for f in files]
    choice = st.selectbox(t("sample_pick", lang), samples, index=None, key=f"{key}_sample",
                          placeholder=t("choose", lang))
    return read_sample(SAMPLES.parent, choice, suffixes) if choice else []


# ---------------------------------------------------------------- pages


def form_widget(name: str, spec: Any, lang: str, key: str) -> Any:
    """One input for a catalog field (quantity, enum, flag or text)."""
    label = spec.label_zh if lang == "zh" else spec.label_en
    if spec.kind == "quantity":
        unit = f" ({spec.unit})" if spec.unit else ""
        return st.number_input(label + unit, value=None, format="%g", key=key)
    if spec.kind == "enum":
        return st.selectbox(label, [None, *spec.choices], key=key,
                            format_func=lambda v: t("blank", lang) if v is None else note(str(v), lang))
    if spec.kind == "flag":
        return st.selectbox(label, [None, True, False], key=key, format_func=lambda v: t("blank", lang) if v is None
                            else t("yes" if v else "no", lang))
    return st.text_input(label, key=key) or None


def page_check(lang: str, as_of: date) -> None:
    """Check one product: documents, a record, or a form."""
    catalog = get_catalog()
    st.header(t("page_check", lang))
    source = st.radio(t("input_source", lang), ("upload", "sample", "form"), key="check_source", horizontal=True,
                      format_func=lambda s: t(f"src_{s}", lang))
    if source == "form":
        category = st.selectbox(t("category", lang), [c for c in catalog.categories if c != "datacenter"],
                                key="form_category", format_func=lambda c: category_label(c, lang))
        st.caption(t("form_hint", lang))
        specs = results.form_fields(catalog, category)
        main = {n: s for n, s in specs.items() if not n.startswith("pah_")}
        extra = {n: s for n, s in specs.items() if n.startswith("pah_")}
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


def calc_clauses(result: calcs.CalcResult, name: str, lang: str, as_of: date) -> None:
    """A calculator's judged clauses, coloured, with downloads."""
    if not result.clauses:
        return
    report = results.clauses_report(f"calculator-{name}", result.category, result.clauses, as_of)
    product = report.products[0]
    st.markdown(f"**:{VERDICT_ICONS.get(product.verdict, 'gray')}[{results.verdict_line(product, lang)}]**")
    frame = results.clause_frame(product, get_catalog(), lang)
    show_table(results.display_columns(frame, lang), frame["status_code"].tolist(), t("col_status", lang))
    show_downloads(report_files(report, lang), f"calculator-{name}", lang, f"calc_{name}")


def guarded(lang: str, work: Callable[[], calcs.CalcResult]) -> calcs.CalcResult | None:
    """Run a calculator; a bad input becomes a one-line error on screen."""
    try:
        return work()
    except (ValueError, KeyError) as exc:
        st.error(t("calc_error", lang, error=md(str(exc))))
        return None


def page_calc(lang: str, as_of: date) -> None:
    """The standard's calculators, judged through the engine."""
    catalog = get_catalog()
    st.header(t("page_calc", lang))
    st.caption(t("calc_hint", lang))
    tabs = st.tabs([t(k, lang) for k in ("calc_teer", "calc_plastic", "calc_recyc", "calc_firewall",
                                         "calc_generator", "calc_pah")])
    with tabs[0]:
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
    with tabs[1]:
        category = st.selectbox(t("product_kind", lang), ["desktop", "laptop", "monitor"], key="plastic_category",
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
            cols[0].metric(t("plastic_total", lang), results.fmt_number(result.figures["plastic_g"]))
            cols[1].metric(t("recycled_total", lang), results.fmt_number(result.figures["recycled_g"]))
            share = result.figures["share"]
            cols[2].metric(t("share", lang), "—" if share is None else f"{share:.3f}")
            calc_clauses(result, "recycled-plastic", lang, as_of)
    with tabs[2]:
        category = st.selectbox(t("product_kind", lang), ["server", "storage", "desktop", "laptop", "monitor"],
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
            cols[0].metric(t("col_recyclable_g", lang), results.fmt_number(result.figures["recyclable_g"]))
            cols[1].metric(t("product_mass", lang), results.fmt_number(result.figures["product_g"]))
            cols[2].metric(t("recyc_rate", lang), f"{result.figures['rate']:.3f}")
            calc_clauses(result, "recyclability", lang, as_of)
    with tabs[3]:
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
            cols[1].metric(t("volume", lang), results.fmt_number(result.figures["volume_dm3"]) or "—")
            cols[2].metric(t("w_per_gbps", lang), results.fmt_number(result.figures["w_per_gbps"]) or "—")
            calc_clauses(result, "firewall", lang, as_of)
    with tabs[4]:
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
    with tabs[5]:
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


def page_batch(lang: str, as_of: date) -> None:
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
    st.subheader(t("summary", lang))
    counts = results.batch_verdict_counts(batch)
    cols = st.columns(4)
    cols[0].metric(t("products_total", lang), len(batch.table))
    for column, (verdict, count) in zip(cols[1:], counts.items(), strict=True):
        column.metric(verdict_label(verdict, lang), count)
    if not batch.clauses.empty:
        st.markdown(f"**{t('pass_rate_chart', lang)}**")
        st.altair_chart(results.pass_rate_chart(batch.clauses, lang), width="stretch")
    worst = results.batch_most_failing(batch)
    if not worst.empty:
        st.markdown(f"**{t('most_failing', lang)}**")
        st.dataframe(results.batch_frame(worst, lang), hide_index=True, width="stretch")
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
    shown = results.filter_summary(table, verdicts, categories, text)
    shown = results.batch_frame(shown, lang)
    height = min(35 * (len(shown) + 1) + 3, 35 * 25)  # up to 25 rows without scrolling; more: filter or scroll
    widths = {t("failed_clauses", lang): st.column_config.TextColumn(width="large"),  # the clause ids in full
              t("sources", lang): st.column_config.TextColumn(width="medium")}
    data = results.styled_words(shown, lang) if shown.size <= STYLE_LIMIT else shown
    st.dataframe(data, hide_index=True, width="stretch", height=height, column_config=widths)
    show_downloads(batch.files, results.batch_stem(batch), lang, "batch")
    st.subheader(t("detail_pick", lang))
    number = st.selectbox(t("detail_pick", lang), range(len(batch.details)), key="batch_detail",
                          format_func=lambda i: f"{batch.details[i].id} — "
                                                f"{verdict_label(batch.details[i].verdict, lang)}")
    if number is not None:
        show_product(batch.details[number], {u.name: u.data for u in safe}, lang, "batch_detail")


def page_catalog(lang: str) -> None:
    """Every clause: Chinese text, limit and verification method."""
    catalog = get_catalog()
    st.header(t("page_catalog", lang))
    cols = st.columns(2)
    category = cols[0].selectbox(t("category", lang), [None, *catalog.categories], key="catalog_category",
                                 format_func=lambda c: t("category_all", lang) if c is None
                                 else category_label(c, lang))
    text = cols[1].text_input(t("search", lang), key="catalog_search")
    frame = results.catalog_frame(catalog, lang, category, text)
    for column in ("title", "requirement_zh", "limit", "verification_zh"):  # st.table reads markdown: "长*高*深"
        # and "> 0 %" kept as written
        frame[column] = frame[column].map(md)
    st.table(frame.rename(columns={  # static: every clause and its whole text, nothing clipped
        "id": t("col_id", lang), "section": t("col_section", lang), "title": t("col_title", lang),
        "requirement_zh": t("col_requirement", lang), "limit": t("col_limit", lang),
        "verification_zh": t("col_verification", lang), "categories": t("col_categories", lang),
    }).style.hide(axis="index"))
    with st.expander(t("band_tables", lang)):
        for title, table in results.band_table_frames(catalog, lang):
            st.markdown(f"**{title}**")
            show_table(table)
    with st.expander(t("device_classes", lang)):
        show_table(pd.DataFrame([{t("device_class", lang): v.label_zh if lang == "zh" else v.label_en,
                                  t("col_loads", lang): ", ".join(f"{x:g} %" for x in v.loads),
                                  t("weights", lang): ", ".join(f"{x:g}" for x in v.weights)}
                                 for v in catalog.device_classes.values()]))


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


def page_dc(lang: str, as_of: date) -> None:
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


def page_name(page: str, lang: str) -> str:
    """A page's name in the sidebar (the compare page keeps its strings in checker/ui/compare.py)."""
    return compare_ui.s("page_compare", lang) if page == "compare" else t(f"page_{page}", lang)


def main() -> None:
    """Sidebar (language, page, as-of date) and the chosen page."""
    st.set_page_config(page_title="gdc-checker", page_icon="🌿", layout="wide")
    lang = st.sidebar.radio("语言 / Language", LANGS, key="lang", horizontal=True,
                            format_func=lambda code: LANG_NAMES[code])
    st.sidebar.title(t("app_title", lang))
    page = st.sidebar.radio(t("page", lang), PAGES, key="page", format_func=lambda p: page_name(p, lang))
    as_of = st.sidebar.date_input(t("as_of", lang), value=date.today(), key="as_of")
    st.sidebar.caption(t("app_caption", lang))
    if page == "check":
        page_check(lang, as_of)
    elif page == "calc":
        page_calc(lang, as_of)
    elif page == "batch":
        page_batch(lang, as_of)
    elif page == "compare":
        compare_ui.page(lang, as_of, get_catalog())
    elif page == "catalog":
        page_catalog(lang)
    else:
        page_dc(lang, as_of)


logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
main()
