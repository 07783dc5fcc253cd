"""Render a T/CA305 report (the dict of :func:`checker.dc.report.build_report`) as text, JSON,
XLSX or a printable self-contained HTML page; people's words in ``lang`` (:mod:`checker.dc.words`),
the JSON as built (keys and codes unchanged)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from checker.catalog.messages import message, note
from checker.dc.words import (
    checklist,
    constraint_note,
    grade_bands,
    headline,
    label,
    reasons,
    scope_of,
    source_name,
    summary_rows,
    value_text,
    what_if_sentences,
)
from checker.outputs.display import num
from checker.outputs.safe_text import terminal

LEAK_COLUMNS = ("refrigerant", "mass_kg", "gwp", "confidence", "tco2e", "source", "evidence")


def _emissions(report: dict[str, Any]) -> list[tuple[str, float]]:
    return [(k, float(v)) for k, v in report["emissions"].items() if k not in ("scope1", "scope2", "total") and v]


def to_text(report: dict[str, Any], lang: str = "en") -> str:
    """A terminal report: the grade first, then the figures, the checklist, emissions, scores, what-if."""
    m = lambda key, **v: message(key, lang, **v)  # noqa: E731
    colon = "：" if lang == "zh" else ": "
    lines = [f"{report['datacenter']}  {report.get('name') or ''}".rstrip(),
             f"  {m('dc.row.grade')}{colon}{headline(report, lang)}"]
    lines.extend(f"    · {text}" for text in reasons(report, lang))
    lines.append(f"  {m('dc.bands')}{colon}" + " · ".join(grade_bands(lang)))
    lines.append("")
    lines.extend(f"{name}{colon}{text}" for name, text in summary_rows(report, lang))
    lines += ["", m("dc.checklist")]
    for (status, text), row in zip(checklist(report, lang), report["constraints"], strict=True):
        lines.append(f"  [{m('status.' + status)}] {text}")
        extra = constraint_note(row, lang)
        if extra:
            lines.append(f"      · {extra}")
    lines += ["", m("dc.emissions_chart")]
    lines.extend(f"  {scope_of(k, lang)}  {source_name(k, lang)}  {num(v)}" for k, v in _emissions(report))
    lines.extend("  " + m("dc.leak_line", refrigerant=r["refrigerant"], mass=num(r["mass_kg"]), gwp=num(r["gwp"]),
                          confidence=r["confidence"], tco2=num(r["tco2e"])) for r in report["refrigerant_leak"])
    lines += ["", m("dc.items")]
    lines.extend(f"  {label(k, lang)}{colon}{num(v)}" for k, v in report["scores"]["items"].items())
    lines.extend(f"  · {note(n, lang)}" for n in report["scores"]["notes"])
    lines += ["", m("dc.whatif")]
    lines.extend(f"  {text}" for text in what_if_sentences(report, lang))
    return "\n".join(terminal(line) for line in lines) + "\n"


def to_json(report: dict[str, Any]) -> str:
    """The JSON report (UTF-8, Chinese kept readable)."""
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def sections(report: dict[str, Any], lang: str = "en") -> list[tuple[str, list[str], list[list[Any]]]]:
    """The report as (title, headers, rows) tables in ``lang``, shared by the HTML and XLSX writers."""
    def m(key: str) -> str:
        return message(key, lang)

    constraints = [[row["id"], text, m(f"status.{status}"), value_text(row["value"], lang, row["limit"]),
                    f"{row['op'].replace('<=', '≤').replace('>=', '≥')} {value_text(row['limit'], lang)}"
                    if row["limit"] is not None else "—", row["unit"], m("yes" if row["veto"] else "no"),
                    constraint_note(row, lang)]
                   for (status, text), row in zip(checklist(report, lang), report["constraints"], strict=True)]
    offsets = [[label(str(i["type"]), lang), value_text(i["quantity"], lang), i["unit"],
                value_text(i["coefficient"], lang), value_text(i["tco2e"], lang),
                message("dc.evidence_quoted", lang, text=i["evidence"]) if i.get("evidence") else "—"]
               for i in report["offsets"]["items"]]
    return [
        (m("dc.sec.summary"), [m("dc.item"), m("dc.value")], [list(r) for r in summary_rows(report, lang)]),
        (m("dc.checklist"), [m("dc.col.id"), m("dc.col.requirement"), m("col_status"), m("col_value"),
                             m("col_limit"), m("dc.col.unit"), m("dc.col.veto"), m("col_note")], constraints),
        (m("dc.emissions_chart"), [m("dc.scope"), m("dc.source"), m("dc.tco2")],
         [[scope_of(k, lang), source_name(k, lang), num(v)] for k, v in _emissions(report)]),
        (m("dc.sec.leak"), [m(f"dc.col.{c}") for c in LEAK_COLUMNS],
         [[value_text(r[c], lang) for c in LEAK_COLUMNS] for r in report["refrigerant_leak"]]),
        (m("dc.sec.offsets"), [m("dc.col.type"), m("dc.col.quantity"), m("dc.col.unit"), m("dc.col.coefficient"),
                               m("dc.tco2"), m("evidence")], offsets),
        (m("dc.items"), [m("dc.item"), m("dc.score")],
         [[label(k, lang), num(v)] for k, v in report["scores"]["items"].items()]),
        (m("dc.reasons"), [m("col_note")], [[text] for text in reasons(report, lang)]
         + [[note(n, lang)] for n in report["scores"]["notes"]]),
        (m("dc.whatif"), [m("dc.sentence")], [[text] for text in what_if_sentences(report, lang)]),
    ]


def _table(headers: list[str], rows: list[list[Any]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    cells = ("".join(f"<td>{html.escape(str(c))}</td>" for c in row) for row in rows)
    body = "".join(f"<tr>{row}</tr>" for row in cells)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


_CSS = ("body{font-family:sans-serif;margin:2em;color:#111}"
        "table{border-collapse:collapse;margin:.5em 0 1.5em}"
        "td,th{border:1px solid #999;padding:.25em .5em;font-size:10pt;text-align:left}"
        "th{background:#eee}@media print{body{margin:0}h2{page-break-after:avoid}}")


def to_html(report: dict[str, Any], lang: str = "en") -> str:
    """A printable self-contained page in ``lang``."""
    title = html.escape(f"{report['standard']} — {report['datacenter']} — {headline(report, lang)}")
    parts = [f"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title>",
             f"<style>{_CSS}</style></head><body><h1>{title}</h1>"]
    for name, headers, rows in sections(report, lang):
        parts.append(f"<h2>{html.escape(name)}</h2>{_table(headers, rows)}")
    parts.append("</body></html>\n")
    return "".join(parts)


def write_xlsx(report: dict[str, Any], path: Path, lang: str = "en") -> None:
    """An XLSX workbook in ``lang``, one sheet per section (text cells, never a formula)."""
    from openpyxl import Workbook

    from checker.outputs.safe_text import spreadsheet

    book = Workbook()
    book.remove(book.active)
    for number, (name, headers, rows) in enumerate(sections(report, lang), start=1):
        sheet = book.create_sheet(re.sub(r"[\\/?*\[\]:]", " ", f"{number} {name}")[:31])
        sheet.append(headers)
        for row in rows:
            sheet.append([spreadsheet(c) for c in row])
    book.save(path)
