"""The app's shared widgets: cached library calls, tables, reports with their evidence, input pickers.

Every page of :mod:`checker.ui.pages` draws with these; no rule, threshold or parsing lives here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from checker.catalog.clauses import Catalog, load_catalog
from checker.catalog.messages import note
from checker.models import ProductReport, Report
from checker.outputs.report import STATUS_COLOURS
from checker.outputs.safe_text import markdown as md
from checker.outputs.text import todo_groups
from checker.ui import calcs, datacentre, frames, results
from checker.ui.evidence import evidence_image
from checker.ui.i18n import STRINGS, VERDICT_ICONS, status_label, t
from checker.ui.uploads import Upload, read_sample

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
RECORD_SUFFIXES = (".json", ".yaml", ".yml")
TABLE_SUFFIXES = (".csv", ".tsv", ".xlsx", ".xlsm", ".parquet")
TABLE_ROWS = 60  # up to this many rows a table is static (wrapped text), beyond it a grid
STYLE_LIMIT = 200_000  # cells; larger tables are shown without colours (Styler is slow)


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
        styler = frames.styled(frame, codes, column) if codes is not None and column is not None else frame.style
        st.table(styler.hide(axis="index"))
        return
    height = 35 * (len(frame) + 1) + 3  # every row shown, no scrolling box
    if codes is not None and column is not None and frame.size <= STYLE_LIMIT:
        st.dataframe(frames.styled(frame, codes, column), hide_index=True, width="stretch", height=height)
    else:
        st.dataframe(frame, hide_index=True, width="stretch", height=height)


def show_clauses(product: ProductReport, lang: str) -> None:
    """The clause results grouped by section, status cells coloured."""
    frame = frames.clause_frame(product, get_catalog(), lang)
    for title, part in frames.grouped(frame, lang):
        st.markdown(f"**{title}**")
        show_table(frames.display_columns(part, lang), part["status_code"].tolist(), t("col_status", lang))


def show_evidence(product: ProductReport, files: dict[str, bytes], lang: str, key: str) -> None:
    """A clause picker; the chosen clause's evidence as text and as the page region, value highlighted."""
    first = frames.with_evidence(product)
    options = first + [c.id for c in product.clauses if c.id not in first]
    if not options:
        return
    st.markdown(f"#### {t('evidence', lang)}")
    chosen = st.selectbox(t("evidence_pick", lang), options, key=f"{key}_evidence",
                          format_func=lambda cid: f"{cid} — {frames.clause_title(get_catalog(), cid, lang)}")
    result = next(c for c in product.clauses if c.id == chosen)
    colour = STATUS_COLOURS[result.status]
    st.markdown(f"<span style='background:#{colour};padding:2px 6px'>{status_label(result.status, lang)}</span> "
                f"{frames.fmt_number(result.value)} {result.unit} {frames.limit_text(result)}",
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
    st.markdown(f"### :{colour}[{frames.verdict_line(product, lang)}]")
    if product.sources:
        st.caption(f"{t('sources', lang)}{t('colon', lang)}{md(', '.join(product.sources))}")
    show_clauses(product, lang)
    show_evidence(product, files, lang, key)
    st.markdown(f"#### {t('todo', lang)}")
    groups = todo_groups(product, get_catalog(), lang)
    measured = [c for c in frames.todo(product) if not any(c.id in ids for ids in groups.values())]
    if groups or measured:
        lines = [f"- **{md(name)}**{t('colon', lang)}{', '.join(ids)}" for name, ids in groups.items()]
        lines += [f"- **{c.id}** {frames.clause_title(get_catalog(), c.id, lang)} — {md(note(c.note, lang))}"
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


def guarded(lang: str, work: Callable[[], calcs.CalcResult]) -> calcs.CalcResult | None:
    """Run a calculator; a bad input becomes a one-line error on screen."""
    try:
        return work()
    except (ValueError, KeyError) as exc:
        st.error(t("calc_error", lang, error=md(str(exc))))
        return None


def calc_clauses(result: calcs.CalcResult, name: str, lang: str, as_of: date) -> None:
    """A calculator's judged clauses, coloured, with downloads."""
    if not result.clauses:
        return
    report = results.clauses_report(f"calculator-{name}", result.category, result.clauses, as_of)
    product = report.products[0]
    st.markdown(f"**:{VERDICT_ICONS.get(product.verdict, 'gray')}[{frames.verdict_line(product, lang)}]**")
    frame = frames.clause_frame(product, get_catalog(), lang)
    show_table(frames.display_columns(frame, lang), frame["status_code"].tolist(), t("col_status", lang))
    show_downloads(report_files(report, lang), f"calculator-{name}", lang, f"calc_{name}")
