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

from checker.catalog import Catalog
from checker.engine import STATUSES, VERDICTS
from checker.models import STANDARD_NAME, ProductReport
from checker.outputs.summary import Summary, chunks, product_reports, summarise
from checker.pipeline import Evaluated
from checker.report import STATUS_COLOURS, status_arrow
from checker.safe_text import printable

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


def _bar(counts: dict[str, int]) -> str:
    total = sum(counts.values()) or 1
    return "<div class='bar'>" + "".join(
        f"<span class='{name}' style='width:{100 * counts[name] / total:.2f}%' title='{name}: {counts[name]}'></span>"
        for name in STATUSES if counts[name]) + "</div>"


def _summary(evaluated: Evaluated, summary: Summary) -> str:
    ids = evaluated.batch.frame["id"]
    parts = ["<h2>Summary</h2><table><tr><th>products</th>"
             + "".join(f"<th class='{v}'>{v}</th>" for v in VERDICTS) + "<th>error</th></tr>",
             f"<tr><td>{summary.products}</td>" + "".join(f"<td>{summary.verdicts[v]}</td>" for v in VERDICTS)
             + f"<td>{len(evaluated.errors)}</td></tr></table>",
             "<h3>Clauses</h3><table><tr><th>clause</th><th>pass rate</th><th>statuses</th>"
             + "".join(f"<th class='{s}'>{s}</th>" for s in STATUSES) + "</tr>"]
    for clause in summary.clauses:
        rate = "—" if clause.pass_rate is None else f"{100 * clause.pass_rate:.1f}%"
        parts.append(f"<tr><td>{esc(clause.id)}</td><td>{rate}</td><td>{_bar(clause.counts)}</td>"
                     + "".join(f"<td>{clause.counts[s]}</td>" for s in STATUSES) + "</tr>")
    parts.append("</table><h3>Worst products</h3><table><tr><th>id</th><th>verdict</th><th>fail</th>"
                 "<th>missing_evidence</th><th>manual_review</th></tr>")
    for row in summary.worst(WORST):
        verdict = VERDICTS[int(summary.verdict_codes[row])]
        parts.append(f"<tr><td><a href='#p{int(row)}'>{esc(ids.iat[int(row)])}</a></td>"
                     f"<td class='{verdict}'>{verdict}</td><td>{int(summary.fails[row])}</td>"
                     f"<td>{int(summary.missing[row])}</td><td>{int(summary.manual[row])}</td></tr>")
    return "".join(parts) + "</table>"


def _product(product: ProductReport, row: int, titles: dict[str, str], open_: bool) -> str:
    parts = [f"<details id='p{row}'{' open' if open_ else ''}><summary><b>{esc(product.id)}</b> — "
             f"{esc(product.category)} — <span class='{product.verdict}'>{esc(product.verdict)}</span></summary>",
             f"<p>sources: {esc(', '.join(product.sources))}</p>",
             "<table><tr><th>clause</th><th>title</th><th>status</th><th>value</th><th>limit</th>"
             "<th>margin</th><th>evidence</th><th>note</th></tr>"]
    for r in product.clauses:
        ev = "<br>".join(esc(f"{e.source}{f' p.{e.page}' if e.page else ''}: {e.text}") for e in r.evidence)
        value = "—" if r.value is None else (f"{r.value:g} {r.unit}" if isinstance(r.value, float | int)
                                             else f"{r.value} {r.unit}").strip()
        limit = f"{r.op} {r.limit:g} {r.unit}" if r.limit is not None else ""
        parts.append(f"<tr><td>{esc(r.id)}</td><td>{esc(titles.get(r.id, ''))}</td>"
                     f"<td class='{r.status}'>{esc(r.status)}</td><td>{esc(value)}</td><td>{esc(limit)}</td>"
                     f"<td>{'' if r.margin is None else f'{r.margin:+g}'}</td><td>{ev}</td><td>{esc(r.note)}</td></tr>")
    return "".join(parts) + "</table></details>\n"


def _all_products_table(evaluated: Evaluated, summary: Summary, stream: TextIO) -> None:
    table = status_arrow(evaluated)
    stream.write(f"<h2>All products ({summary.products})</h2><table><tr><th>#</th><th>id</th><th>category</th>"
                 "<th>verdict</th><th>fail</th><th>missing_evidence</th><th>manual_review</th></tr>\n")
    for rows in chunks(summary.products, 20_000):
        block = table.slice(rows.start, len(rows))
        lines = zip(rows, block.column("id").to_pylist(), block.column("category").to_pylist(),
                    block.column("verdict").to_pylist(), summary.fails[rows.start:rows.stop].tolist(),
                    summary.missing[rows.start:rows.stop].tolist(), summary.manual[rows.start:rows.stop].tolist(),
                    strict=True)
        stream.write("".join(f"<tr><td>{n + 1}</td><td>{esc(i)}</td><td>{esc(c)}</td><td class='{v}'>{v}</td>"
                             f"<td>{f}</td><td>{m}</td><td>{r}</td></tr>\n" for n, i, c, v, f, m, r in lines))
    stream.write("</table>")


def write_html(evaluated: Evaluated, stream: TextIO, lang: str = "en", detail: bool = False) -> None:
    """The report on ``stream``."""
    catalog: Catalog = evaluated.catalog
    summary = summarise(evaluated)
    stream.write(f"<!doctype html><html lang='{esc(lang)}'><meta charset='utf-8'><title>{esc(STANDARD_NAME)}</title>"
                 f"<style>{_STYLE}</style><h1>{esc(STANDARD_NAME)}</h1><p>as of {esc(evaluated.as_of)}</p>")
    stream.write(_summary(evaluated, summary))
    everyone = detail or summary.products <= DETAIL_CAP
    rows = range(summary.products) if everyone else np.sort(summary.worst(DETAIL_CAP))
    heading = "Products" if everyone else (f"The {DETAIL_CAP} worst products in full "
                                           "(every product in full: --detail)")
    stream.write(f"<h2>{heading}</h2>\n")
    titles = {c.id: (c.title_zh if lang == "zh" else c.title_en) for c in catalog.clauses}
    for row, product in zip(rows, product_reports(evaluated, rows), strict=True):
        stream.write(_product(product, int(row), titles, open_=summary.products == 1))
    if not everyone:
        _all_products_table(evaluated, summary, stream)
    if evaluated.errors:
        stream.write("<h2>Errors</h2><ul>" + "".join(f"<li>{esc(e.source)}: {esc(e.error)}</li>"
                                                     for e in evaluated.errors) + "</ul>")
    if evaluated.warnings:
        stream.write("<h2>Warnings</h2><ul>" + "".join(f"<li>{esc(w.source)}: {esc(w.warning)}</li>"
                                                       for w in evaluated.warnings) + "</ul>")
    stream.write("</html>\n")
