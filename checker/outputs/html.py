"""The HTML report of an audit, self-contained (no script, no external asset), written as it goes.

It leads with the summary: the count per verdict, each clause's statuses as a bar (plain HTML/CSS),
the worst products. Then the products, each a collapsible ``<details>`` with its clauses in full —
every product with ``--detail`` or up to :data:`DETAIL_CAP` products; in a larger audit the
:data:`DETAIL_CAP` worst in full and every product as one line of a table (id, category, verdict,
counts), so the file stays readable and its size grows by a line per product."""

from __future__ import annotations

import html
from typing import TextIO

import numpy as np

from checker.catalog.clauses import Catalog
from checker.catalog.messages import has, message, note
from checker.engine.evaluate import STATUSES, VERDICTS
from checker.engine.run import Evaluated
from checker.models import InputError, InputWarning, ProductReport
from checker.outputs.display import num, quantity
from checker.outputs.report import STATUS_COLOURS, status_arrow
from checker.outputs.safe_text import printable
from checker.outputs.summary import Summary, chunks, product_reports, summarise

DETAIL_CAP = 500
WORST = 20
_VERDICT_COLOURS = {"pass": "C6EFCE", "fail": "FFC7CE", "incomplete": "FFEB9C"}
_STYLE = ("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
          "td,th{border:1px solid #999;padding:3px 6px;font-size:12px;vertical-align:top;text-align:left}"
          ".bar{display:flex;width:320px;height:14px;border:1px solid #999}.bar span{display:block;height:100%}"
          "details{margin:.3em 0}summary{cursor:pointer}"
          + "".join(f".{k}{{background:#{v}}}" for k, v in {**STATUS_COLOURS, **_VERDICT_COLOURS}.items()))


def esc(text: object) -> str:
    """Text from input as HTML text (escaped, control characters shown)."""
    return html.escape(printable(str(text)))


def _m(key: str, lang: str, **values: object) -> str:
    """A label of the page in ``lang``, escaped (``xl.<key>`` and ``html.<key>`` in catalogs/i18n)."""
    return esc(message(key if "." in key else f"xl.{key}", lang, **values))


def _status(status: str, lang: str) -> str:
    return esc(message(f"status.{status}", lang))


def _verdict(verdict: str, lang: str) -> str:
    return esc(message(f"verdict.{verdict}", lang))


def _bar(counts: dict[str, int], lang: str = "en") -> str:
    total = sum(counts.values()) or 1
    return "<div class='bar'>" + "".join(
        f"<span class='{name}' style='width:{100 * counts[name] / total:.2f}%' "
        f"title='{_status(name, lang)}: {counts[name]}'></span>"
        for name in STATUSES if counts[name]) + "</div>"


def _counts_head(lang: str) -> str:
    return "".join(f"<th>{_m(k, lang)}</th>" for k in ("n_fail", "n_missing", "n_manual"))


def _summary(evaluated: Evaluated, summary: Summary, lang: str = "en") -> str:
    ids = evaluated.batch.frame["id"]
    parts = [f"<h2>{_m('html.summary', lang)}</h2><table><tr><th>{_m('products', lang)}</th>"
             + "".join(f"<th class='{v}'>{_verdict(v, lang)}</th>" for v in VERDICTS)
             + f"<th>{_m('unusable', lang)}</th></tr>",
             f"<tr><td>{summary.products}</td>" + "".join(f"<td>{summary.verdicts[v]}</td>" for v in VERDICTS)
             + f"<td>{len(evaluated.errors)}</td></tr></table>",
             f"<h3>{_m('html.clauses', lang)}</h3><table><tr><th>{_m('clause', lang)}</th>"
             f"<th>{_m('pass_rate', lang)}</th><th>{_m('html.statuses', lang)}</th>"
             + "".join(f"<th class='{s}'>{_status(s, lang)}</th>" for s in STATUSES) + "</tr>"]
    for clause in summary.clauses:
        rate = "—" if clause.pass_rate is None else f"{100 * clause.pass_rate:.1f}%"
        parts.append(f"<tr><td>{esc(clause.id)}</td><td>{rate}</td><td>{_bar(clause.counts, lang)}</td>"
                     + "".join(f"<td>{clause.counts[s]}</td>" for s in STATUSES) + "</tr>")
    parts.append(f"</table><h3>{_m('html.worst', lang)}</h3><table><tr><th>{_m('id', lang)}</th>"
                 f"<th>{_m('verdict', lang)}</th>{_counts_head(lang)}</tr>")
    for row in summary.worst(WORST):
        verdict = VERDICTS[int(summary.verdict_codes[row])]
        parts.append(f"<tr><td><a href='#p{int(row)}'>{esc(ids.iat[int(row)])}</a></td>"
                     f"<td class='{verdict}'>{_verdict(verdict, lang)}</td><td>{int(summary.fails[row])}</td>"
                     f"<td>{int(summary.missing[row])}</td><td>{int(summary.manual[row])}</td></tr>")
    return "".join(parts) + "</table>"


def _category(category: str, lang: str) -> str:
    key = f"category.{category}"
    return esc(message(key, lang) if has(key) else category)


def problems_html(errors: list[InputError], warnings: list[InputWarning], lang: str) -> str:
    """The unusable inputs and what the readers left out, each a list under its heading (none: nothing)."""
    parts = []
    if errors:
        parts.append(f"<h2>{_m('sheet_errors', lang)}</h2><ul>" + "".join(
            f"<li>{esc(e.source)}: {esc(note(e.error, lang))}</li>" for e in errors) + "</ul>")
    if warnings:
        parts.append(f"<h2>{_m('sheet_warnings', lang)}</h2><ul>" + "".join(
            f"<li>{esc(w.source)}: {esc(note(w.warning, lang))}</li>" for w in warnings) + "</ul>")
    return "".join(parts)


def _product(product: ProductReport, row: int, titles: dict[str, str], open_: bool, lang: str = "en") -> str:
    from checker.outputs.text import headline, unit_label

    parts = [f"<details id='p{row}'{' open' if open_ else ''}><summary><b>{esc(product.id)}</b> — "
             f"{_category(product.category, lang)} — <span class='{product.verdict}'>"
             f"{esc(headline(product, lang))}</span></summary>",
             f"<p>{_m('txt.sources', lang)}: {esc(', '.join(product.sources))}</p>",
             "<table><tr>" + "".join(f"<th>{_m('col_' + k, lang)}</th>" for k in (
                 "clause", "title", "status", "value", "limit", "margin", "evidence", "note")) + "</tr>"]
    page = message("txt.page", lang, page="{}")
    for r in product.clauses:
        ev = "<br>".join(esc(f"{e.source}{' ' + page.format(e.page) if e.page else ''}: {e.text}") for e in r.evidence)
        unit = unit_label(r.unit, lang)
        value = quantity(r.value if not isinstance(r.value, bool) else message("yes" if r.value else "no", lang),
                         unit, r.limit)
        limit = f"{r.op.replace('<=', '≤').replace('>=', '≥')} {quantity(r.limit, unit)}" if r.limit is not None else ""
        parts.append(f"<tr><td>{esc(r.id)}</td><td>{esc(titles.get(r.id, ''))}</td>"
                     f"<td class='{r.status}'>{_status(r.status, lang)}</td><td>{esc(value)}</td><td>{esc(limit)}</td>"
                     f"<td>{'' if r.margin is None else num(r.margin, sign=True)}</td><td>{ev}</td>"
                     f"<td>{esc(note(r.note, lang))}</td></tr>")
    return "".join(parts) + "</table></details>\n"


def _all_products_table(evaluated: Evaluated, summary: Summary, stream: TextIO, lang: str = "en") -> None:
    table = status_arrow(evaluated)
    stream.write(f"<h2>{_m('html.all_products', lang, n=summary.products)}</h2><table><tr><th>#</th>"
                 f"<th>{_m('id', lang)}</th><th>{_m('category', lang)}</th><th>{_m('verdict', lang)}</th>"
                 f"{_counts_head(lang)}</tr>\n")
    verdicts = {v: _verdict(v, lang) for v in VERDICTS}
    for rows in chunks(summary.products, 20_000):
        block = table.slice(rows.start, len(rows))
        lines = zip(rows, block.column("id").to_pylist(), block.column("category").to_pylist(),
                    block.column("verdict").to_pylist(), summary.fails[rows.start:rows.stop].tolist(),
                    summary.missing[rows.start:rows.stop].tolist(), summary.manual[rows.start:rows.stop].tolist(),
                    strict=True)
        stream.write("".join(f"<tr><td>{n + 1}</td><td>{esc(i)}</td><td>{_category(str(c), lang)}</td>"
                             f"<td class='{v}'>{verdicts.get(v, esc(v))}</td>"
                             f"<td>{f}</td><td>{m}</td><td>{r}</td></tr>\n" for n, i, c, v, f, m, r in lines))
    stream.write("</table>")


def write_html(evaluated: Evaluated, stream: TextIO, lang: str = "en", detail: bool = False) -> None:
    """The report on ``stream``."""
    catalog: Catalog = evaluated.catalog
    summary = summarise(evaluated)
    standard = _m("txt.standard", lang)
    stream.write(f"<!doctype html><html lang='{esc(lang)}'><meta charset='utf-8'><title>{standard}</title>"
                 f"<style>{_STYLE}</style><h1>{standard}</h1>"
                 f"<p>{_m('txt.as_of', lang, date=evaluated.as_of)}</p>")
    stream.write(_summary(evaluated, summary, lang))
    everyone = detail or summary.products <= DETAIL_CAP
    rows = range(summary.products) if everyone else np.sort(summary.worst(DETAIL_CAP))
    heading = _m("html.products", lang) if everyone else _m("html.worst_full", lang, n=DETAIL_CAP)
    stream.write(f"<h2>{heading}</h2>\n")
    titles = {c.id: (c.title_zh if lang == "zh" else c.title_en) for c in catalog.clauses}
    for row, product in zip(rows, product_reports(evaluated, rows), strict=True):
        stream.write(_product(product, int(row), titles, open_=summary.products == 1, lang=lang))
    if not everyone:
        _all_products_table(evaluated, summary, stream, lang)
    stream.write(problems_html(evaluated.errors, evaluated.warnings, lang) + "</html>\n")
