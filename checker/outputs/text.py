"""One product as text for people: the decision first, then values against limits, then the
documents to ask for (grouped by each clause's verification method, ``catalogs/i18n/documents.yaml``).

Every word comes from ``catalogs/i18n/{zh,en}.yaml`` and every number from :func:`checker.outputs.display.num`;
the JSON report keeps the statuses and full precision (INTERFACE §2).
"""

from __future__ import annotations

from functools import cache

from checker.catalog.clauses import Catalog, Clause, Condition
from checker.catalog.files import read_yaml
from checker.catalog.messages import has, message, note
from checker.models import ClauseResult, ProductReport
from checker.outputs.display import num, pad, quantity

ORDER = {"fail": 0, "manual_review": 1, "missing_evidence": 2, "pass": 3, "not_applicable": 4}
OPS = {"<=": "≤", ">=": "≥", "<": "<", ">": ">", "==": "="}


@cache
def documents() -> dict[str, dict[str, str]]:
    """Verification method (as in the clause catalog) → the document's name in each language."""
    data = read_yaml("i18n/documents.yaml") or []
    return {entry["verification"]: {"zh": entry["zh"], "en": entry["en"]} for entry in data}


def document_for(catalog: Catalog, clause_id: str, lang: str) -> str:
    """The document a buyer asks for to settle a clause (its verification method, as written if unlisted)."""
    method = catalog.clause(clause_id).verification_zh
    names = documents().get(method)
    return names["zh" if lang == "zh" else "en"] if names else method


def _title(catalog: Catalog, clause_id: str, lang: str) -> str:
    clause = catalog.clause(clause_id)
    return clause.title_zh if lang == "zh" else clause.title_en


def _is_document(catalog: Catalog, result: ClauseResult) -> bool:
    return catalog.clause(result.id).kind != "numeric"


def unit_label(unit: str, lang: str) -> str:
    """A unit for people: the few that are words (``grade``) in ``lang``, symbols as they are."""
    return message(f"unit.{unit}", lang) if has(f"unit.{unit}") else unit


def headline(product: ProductReport, lang: str) -> str:
    """The decision and what is left: "符合，另有 11 项需人工核查" / "PASS — 11 item(s) for a person to check"."""
    counts = {s: sum(r.status == s for r in product.clauses) for s in ORDER}
    verdict = message(f"verdict.{product.verdict}", lang)
    verdict = verdict if lang == "zh" else verdict.upper()
    parts = [message(key, lang, n=counts[status]) for status, key in
             (("fail", "txt.n_fail"), ("missing_evidence", "txt.n_missing"), ("manual_review", "txt.n_todo"))
             if counts[status]]
    if not parts:
        return message("txt.headline_plain", lang, verdict=verdict)
    joiner = "，" if lang == "zh" else ", "
    return message("txt.headline", lang, verdict=verdict, details=joiner.join(parts))


def _measured(result: ClauseResult, catalog: Catalog, lang: str) -> list[str]:
    unit = unit_label(result.unit, lang)
    value = quantity(result.value, unit, result.limit)
    limit = (f"{OPS.get(result.op, result.op)} {quantity(result.limit, unit)}"
             if result.limit is not None else "")
    margin = f"  {message('txt.margin', lang)} {num(result.margin, sign=True)}" if result.margin is not None else ""
    where = ""
    if result.evidence:
        first = result.evidence[0]
        page = f" {message('txt.page', lang, page=first.page)}" if first.page else ""
        where = f"  ← {first.source}{page}"
    status = message(f"status.{result.status}", lang)
    lines = [f"    {result.id}  {_title(catalog, result.id, lang)}",
             f"      {status}{message('colon', lang)}{value}  {limit}{margin}{where}".rstrip()]
    if result.evidence:
        lines.append(f"      ↳ {result.evidence[0].text[:100]}")
    if result.note:
        lines.append(f"      · {note(result.note, lang)[:240]}")
    return lines


def todo_groups(product: ProductReport, catalog: Catalog, lang: str) -> dict[str, list[str]]:
    """Document clauses left for a person, grouped by the document to ask for (in catalog order)."""
    groups: dict[str, list[str]] = {}
    for result in product.clauses:
        if result.status == "manual_review" and _is_document(catalog, result):
            groups.setdefault(document_for(catalog, result.id, lang), []).append(result.id)
    return groups


def product_lines(product: ProductReport, catalog: Catalog, lang: str) -> list[str]:
    """A product as lines of text: decision, values against limits, missing evidence, documents to ask for."""
    colon = message("colon", lang)
    key = f"category.{product.category}"
    category = message(key, lang) if has(key) else product.category
    lines = [f"{product.id}  [{category}]", f"  {headline(product, lang)}",
             f"  {message('txt.sources', lang)}{message('colon', lang)}{', '.join(product.sources)}"]
    shown = sorted((r for r in product.clauses if r.status != "not_applicable" and not _is_document(catalog, r)
                    and r.status != "missing_evidence"), key=lambda r: ORDER[r.status])
    if shown:
        lines.append(f"  {message('txt.measured', lang)}")
        for result in shown:
            lines.extend(_measured(result, catalog, lang))
    missing = [r for r in product.clauses if r.status == "missing_evidence"]
    if missing:
        lines.append(f"  {message('txt.missing', lang)}")
        lines.extend(f"    {r.id}  {_title(catalog, r.id, lang)}" + (colon + note(r.note, lang)[:200] if r.note else "")
                     for r in missing)
    groups = todo_groups(product, catalog, lang)
    if groups:
        lines.append(f"  {message('txt.todo', lang)}")
        lines.extend(f"    {name}{message('colon', lang)}{', '.join(ids)}" for name, ids in groups.items())
    absent = [r.id for r in product.clauses if r.status == "not_applicable"]
    if absent:
        lines.append(f"  {message('txt.not_applicable', lang)}{message('colon', lang)}{', '.join(absent)}")
    return lines


def scope_words(condition: Condition, lang: str) -> str:
    """Where a clause applies, in ``lang``: "if port_type = fixed (unstated: applied, noted)"."""
    if condition.equals is not None:
        value = (message("yes" if condition.equals else "no", lang) if isinstance(condition.equals, bool)
                 else note(str(condition.equals), lang))
        test = f"= {value}"
    else:
        test = f"≥ {num(condition.at_least)} {unit_label(condition.unit, lang)}".rstrip()
    unstated = message(f"scope.{condition.if_missing}" + ("_noted" if condition.assumed_en else ""), lang)
    return message("scope.line", lang, field=condition.field, test=test, unstated=unstated)


def clause_line(clause: Clause, lang: str | None) -> str:
    """A clause of the catalog in one line: id, limit, title (both languages when ``lang`` is None)."""
    words = lang or "en"
    if clause.limit is not None:
        limit = f"{OPS.get(clause.op or '', clause.op or '')} {num(clause.limit)} {unit_label(clause.unit, words)}"
    elif clause.band_table or clause.schedule:
        limit = message("scope.by_band" if clause.band_table else "scope.by_date", words,
                        op=OPS.get(clause.op or "", clause.op or ""))
    else:
        limit = message(f"kind.{clause.kind}", words) if has(f"kind.{clause.kind}") else clause.kind
    title = (f"{clause.title_zh} / {clause.title_en}" if lang is None
             else clause.title_zh if lang == "zh" else clause.title_en)
    return f"{clause.id:<32} {pad(limit.strip(), 24)} {title}"
