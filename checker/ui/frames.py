"""Reports shaped into the tables and charts the app shows: clause rows with limits and notes, statuses
coloured, the catalog and its band tables, a batch's products filtered, the pass-rate chart.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from checker.catalog.clauses import Catalog, Clause
from checker.catalog.messages import has, message, note
from checker.models import ClauseResult, ProductReport
from checker.outputs.display import num
from checker.outputs.report import STATUS_COLOURS
from checker.outputs.text import OPS, document_for, headline, unit_label
from checker.ui.i18n import section_key, section_title, status_label, t

STATUS_ORDER = ("fail", "missing_evidence", "manual_review", "pass", "not_applicable")



def fmt_number(value: Any) -> str:
    """A number for a table cell (:func:`checker.outputs.display.num`); text as is; blank for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return num(value)
    return str(value)



def limit_text(result: ClauseResult, lang: str = "en") -> str:
    """``≥ 94 %`` for a result's limit (blank when none)."""
    if result.limit is None:
        return ""
    return f"{OPS.get(result.op, result.op)} {fmt_number(result.limit)} {unit_label(result.unit, lang)}".strip()



def clause_title(catalog: Catalog, clause_id: str, lang: str) -> str:
    """A clause's title in ``lang`` (the id if the catalog does not know it)."""
    try:
        clause = catalog.clause(clause_id)
    except KeyError:
        return clause_id
    return clause.title_zh if lang == "zh" else clause.title_en



def clause_section(catalog: Catalog, clause_id: str) -> str:
    """The heading key (``6.2.1``, ``6.1``, ``4`` ...) a clause result is grouped under."""
    try:
        section = catalog.clause(clause_id).section
    except KeyError:
        section = clause_id.split("/")[0]
    return section_key(section)



def clause_frame(product: ProductReport, catalog: Catalog, lang: str) -> pd.DataFrame:
    """One row per clause result: section, id, title, status (code and label), value, limit, margin, note."""
    rows = []
    for r in product.clauses:
        rows.append({
            "section": clause_section(catalog, r.id),
            "id": r.id,
            "title": clause_title(catalog, r.id, lang),
            "status_code": r.status,
            "status": status_label(r.status, lang),
            "value": (f"{num(r.value, r.limit) if isinstance(r.value, int | float) else r.value} "
                      f"{unit_label(r.unit, lang)}").strip() if r.value is not None else "",
            "limit": limit_text(r, lang),
            "margin": num(r.margin, sign=True) if r.margin is not None else "",
            "note": _note(r, catalog, lang),
        })
    return pd.DataFrame(rows, columns=["section", "id", "title", "status_code", "status", "value", "limit", "margin",
                                       "note"])



def _note(result: ClauseResult, catalog: Catalog, lang: str) -> str:
    """A clause's note in ``lang``; for a document clause left to a person, the document to ask for."""
    if result.status == "manual_review" and catalog.clause(result.id).kind != "numeric":
        return t("ask_for", lang, document=document_for(catalog, result.id, lang))
    return note(result.note, lang)



def grouped(frame: pd.DataFrame, lang: str) -> list[tuple[str, pd.DataFrame]]:
    """The clause frame split by section heading, in the catalog's order."""
    return [(section_title(str(key), lang), part.drop(columns=["section"]).reset_index(drop=True))
            for key, part in frame.groupby("section", sort=False)]



def display_columns(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The clause frame with column headers in ``lang`` (the status code column dropped)."""
    names = {"id": t("col_id", lang), "title": t("col_title", lang), "status": t("col_status", lang),
             "value": t("col_value", lang), "limit": t("col_limit", lang), "margin": t("col_margin", lang),
             "note": t("col_note", lang)}
    return frame.drop(columns=[c for c in ("status_code", "section") if c in frame]).rename(columns=names)



def status_styles(codes: Iterable[str]) -> list[str]:
    """CSS for status cells: the report's status colours (same as the Excel and HTML reports)."""
    return [f"background-color: #{STATUS_COLOURS.get(code, 'FFFFFF')}" for code in codes]



def styled(frame: pd.DataFrame, codes: Sequence[str], column: str) -> Any:
    """A pandas Styler colouring ``column`` by the status ``codes`` (row-aligned)."""
    colours = status_styles(codes)

    def paint(col: pd.Series) -> list[str]:
        return colours if col.name == column else [""] * len(col)

    return frame.style.apply(paint, axis=0)



def styled_statuses(frame: pd.DataFrame) -> Any:
    """A Styler colouring every status cell (clause columns, and the verdict) with the report's colours."""
    colours = {s: f"background-color: #{c}" for s, c in STATUS_COLOURS.items()}
    colours["incomplete"] = colours["missing_evidence"]
    subset: list[Any] = [c for c in frame.columns if c == "verdict" or "/" in str(c) or str(c)[:1].isdigit()]
    return frame.style.map(lambda v: colours.get(str(v), ""), subset=subset)



def todo(product: ProductReport) -> list[ClauseResult]:
    """The buyer's to-do: clauses a person must review."""
    return [c for c in product.clauses if c.status == "manual_review"]



def with_evidence(product: ProductReport) -> list[str]:
    """Ids of the clauses that carry evidence, failing ones first."""
    order = {s: n for n, s in enumerate(STATUS_ORDER)}
    ranked = sorted((c for c in product.clauses if c.evidence), key=lambda c: order.get(c.status, 9))
    return [c.id for c in ranked]



def verdict_line(product: ProductReport, lang: str) -> str:
    """The decision and what is left, once: ``符合，另有 11 项需人工核查`` / ``PASS — 11 item(s) to check``."""
    return headline(product, lang)



def filter_summary(frame: pd.DataFrame, verdicts: Sequence[str], categories: Sequence[str], text: str) -> pd.DataFrame:
    """Rows whose verdict and category are among those chosen (all when none chosen) and whose id holds ``text``."""
    if frame.empty:
        return frame
    keep = pd.Series(True, index=frame.index)
    if verdicts:
        keep &= frame["verdict"].isin(list(verdicts))
    if categories:
        keep &= frame["category"].isin(list(categories))
    if text.strip():
        keep &= frame["id"].astype(str).str.contains(text.strip(), case=False, regex=False)
    return frame[keep].reset_index(drop=True)



def _op(op: str | None) -> str:
    """A comparison as printed (≤, ≥)."""
    return OPS.get(op or "", op or "")



def clause_limit_text(clause: Clause, catalog: Catalog, lang: str) -> str:
    """A clause's limit for the catalog page: ``>= 94 %``, a band table, or a date schedule."""
    if clause.kind == "document":
        return t("document_clause", lang)
    if clause.limit is not None:
        return f"{_op(clause.op)} {fmt_number(clause.limit)} {unit_label(clause.unit, lang)}".strip()
    if clause.band_table:
        table = catalog.band_tables[clause.band_table]
        title = table.title_zh if lang == "zh" else table.title_en
        colon = t("colon", lang)
        parts = [f"{note(b.label, lang)}{colon}{fmt_number(b.limits.get(clause.band_column or ''))}"
                 for b in table.bands]
        joiner = "；" if lang == "zh" else "; "
        return f"{_op(clause.op)} ({t('band_limit', lang, table=title)}) " + joiner.join(parts)
    if clause.schedule:
        colon, joiner = t("colon", lang), "；" if lang == "zh" else "; "
        steps = joiner.join(f"{s.since.isoformat()}{colon}{_op(clause.op)} {fmt_number(s.limit)} "
                            f"{unit_label(clause.unit, lang)}".strip()
                            for s in clause.schedule.steps)
        return f"{t('schedule', lang)}{t('colon', lang)}{steps}"
    return ""



def catalog_frame(catalog: Catalog, lang: str, category: str | None = None, text: str = "") -> pd.DataFrame:
    """Every clause (or those of ``category``): id, section, title, Chinese text, limit, verification."""
    rows = []
    for clause in catalog.clauses if not category else catalog.for_category(category):
        rows.append({
            "id": clause.id,
            "section": clause.section,
            "title": clause.title_zh if lang == "zh" else clause.title_en,
            "requirement_zh": clause.requirement_zh,
            "limit": clause_limit_text(clause, catalog, lang),
            "verification_zh": clause.verification_zh or clause.method_zh,
            "categories": (t("category_all", lang) if set(catalog.categories) <= set(clause.categories)
                           else ", ".join(category_name(c, lang) for c in clause.categories)),
        })
    frame = pd.DataFrame(rows, columns=["id", "section", "title", "requirement_zh", "limit", "verification_zh",
                                        "categories"])
    if text.strip():
        needle = text.strip().lower()
        hay = frame.astype(str).agg(" ".join, axis=1).str.lower()
        frame = frame[hay.str.contains(needle, regex=False)].reset_index(drop=True)
    return frame



def band_table_frames(catalog: Catalog, lang: str) -> list[tuple[str, pd.DataFrame]]:
    """The band tables (Table 5 tiers, Table 6 bands) as (title, frame)."""
    result = []
    for table in catalog.band_tables.values():
        rows = [{message("band", lang): note(b.label, lang),
                 **{message(f"limitcol.{k}", lang): fmt_number(v) for k, v in b.limits.items()}} for b in table.bands]
        title = table.title_zh if lang == "zh" else table.title_en
        spec = catalog.fields.get(table.by)
        by = (spec.label_zh if lang == "zh" else spec.label_en) if spec else table.by
        result.append((f"{title} ({by}, {table.unit})", pd.DataFrame(rows)))
    return result



def batch_frame(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The batch table for people: columns named, verdicts, statuses and categories in words (the codes stay
    in the downloads)."""
    words = {**{s: message(f"status.{s}", lang) for s in STATUS_COLOURS},
             **{v: message(f"verdict.{v}", lang) for v in ("pass", "fail", "incomplete")}}
    shown = frame.copy()
    for column in shown.columns:
        if isinstance(shown[column].dtype, pd.CategoricalDtype) or column == "verdict":
            shown[column] = shown[column].astype(str).map(lambda v: words.get(v, v))
    if "category" in shown:
        shown["category"] = shown["category"].astype(str).map(lambda c: category_name(c, lang))
    return shown.rename(columns={name: message(key, lang) for name, key in BATCH_COLUMNS.items()})



BATCH_COLUMNS = {"id": "col_product", "category": "category", "verdict": "verdict", "failed": "failed_count",
                 "failed_clauses": "failed_clauses", "sources": "sources"}



def category_name(category: str, lang: str) -> str:
    """A product category in ``lang`` (服务器 / Server); the code itself if unlisted."""
    return message(f"category.{category}", lang) if has(f"category.{category}") else category



def styled_words(frame: pd.DataFrame, lang: str) -> Any:
    """A Styler colouring the status and verdict words of :func:`batch_frame` with the report's colours."""
    colours = {message(f"status.{s}", lang): f"background-color: #{c}" for s, c in STATUS_COLOURS.items()}
    colours[message("verdict.incomplete", lang)] = colours[message("status.missing_evidence", lang)]
    return frame.style.map(lambda v: colours.get(str(v), ""))



def pass_rate_chart(clauses: pd.DataFrame, lang: str) -> Any:
    """Each clause's products as one bar in % of those it applies to: passing, failing, and the rest (missing
    evidence or a person to check), coloured as the reports colour them; clause ids in full on the axis."""
    import altair as alt

    parts = (("pass", "pass"), ("fail", "fail"), ("other", "manual_review"))
    rows: list[dict[str, Any]] = []
    for record in clauses.to_dict("records"):
        applies = max(int(record["applies"]), 1)
        counts = {"pass": int(record["pass"]), "fail": int(record["fail"])}
        counts["other"] = int(record["applies"]) - counts["pass"] - counts["fail"]
        rows.extend({"clause": record["clause"], "part": message(f"chart.{name}", lang),
                     "share": round(100.0 * counts[name] / applies, 1)} for name, _ in parts)
    frame = pd.DataFrame(rows, columns=["clause", "part", "share"])
    domain = [message(f"chart.{name}", lang) for name, _ in parts]
    colours = [f"#{STATUS_COLOURS[status]}" for _, status in parts]
    return alt.Chart(frame).mark_bar().encode(
        x=alt.X("share:Q", stack="zero", title=message("pass_rate_axis", lang), scale=alt.Scale(domain=[0, 100])),
        y=alt.Y("clause:N", sort=None, title=None, axis=alt.Axis(labelLimit=400, labelOverlap=False)),
        color=alt.Color("part:N", scale=alt.Scale(domain=domain, range=colours), title=None,
                        legend=alt.Legend(orient="top")),
        order=alt.Order("order:Q"),
        tooltip=["clause", "part", "share"],
    ).transform_calculate(order=f"indexof({domain!r}, datum.part)").properties(height=alt.Step(20))
