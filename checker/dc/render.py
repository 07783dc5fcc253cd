"""Render a T/CA305 report (the dict of :func:`checker.dc.report.build_report`) as text, JSON,
XLSX or a printable self-contained HTML page."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

CONSTRAINT_COLUMNS = ("id", "status", "value", "limit", "op", "unit", "veto", "note")
OFFSET_COLUMNS = ("type", "label_zh", "quantity", "unit", "unit_emission", "coefficient", "tco2e", "evidence")
LEAK_COLUMNS = ("refrigerant", "mass_kg", "gwp", "confidence", "tco2e", "source", "evidence")


def _fmt(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.1f}"
    return str(value)


def grade_text(report: dict[str, Any]) -> str:
    """The grade, marked PROVISIONAL (暂定) unless final."""
    if report.get("grade_status") == "provisional":
        return f"{report['grade']} — PROVISIONAL (暂定)"
    return f"{report['grade']} (final)"


def grid_text(report: dict[str, Any]) -> str:
    """The grid factor used: value, region and year, confidence, basis."""
    grid = report["coefficients"]["grid_factor"]
    where = f"{grid['region']} {grid['label_zh']} {grid['year']}" if grid["year"] else "declared in the record"
    basis = {"national_fallback": "national fallback", "regional": "regional", "declared": "record's own"}
    return f"{_fmt(grid['value'])} {grid['unit']} — {where} ({grid['confidence']}), {basis[grid['basis']]}"


def other_reading_text(report: dict[str, Any]) -> str:
    """The other reading of C_p in one labelled line: its figures, grade and whether it matters."""
    other = report["other_reading"]
    verdict = ("CHANGES the grade" if other["changes_grade"] else "same grade") + (
        " (same figures)" if other["same_figures"] else "")
    return (f"[not graded] {other['reading']}: C_p {_fmt(other['c_p'])} tCO2e, S_DC {_fmt(other['ratio_percent'])} %, "
            f"碳抵消比例 {other['offset_ratio']}, offset score {_fmt(other['offset_score'])}, "
            f"total {_fmt(other['total'])}, grade {other['grade']} — {verdict}")


def summary_rows(report: dict[str, Any]) -> list[tuple[str, Any]]:
    """Key figures as (label, value) rows."""
    offsets, scores = report["offsets"], report["scores"]
    return [
        ("standard", report["standard"]), ("as_of", report["as_of"]), ("datacenter", report["datacenter"]),
        ("grid factor", grid_text(report)),
        ("C_yw (tCO2e)", report["emissions"]["total"]), ("C_p (tCO2e)", offsets["c_p"]),
        ("S_DC (%)", offsets["ratio_percent"]), ("offset score", scores["offset"]),
        ("technology score", scores["technology"]), ("total", report["total"]),
        ("score grade", report["score_grade"]), ("grade", grade_text(report)),
        ("provisional", "; ".join(report["provisional_reasons"]) or "—"),
        ("other C_p reading", other_reading_text(report)),
        ("vetoes", ", ".join(report["vetoes"]) or "none"),
    ]


def what_if_rows(report: dict[str, Any]) -> list[tuple[str, str]]:
    """What-if answers as (lever, answer) rows."""
    data = report["what_if"]
    rows = [("target", f"{data['target_grade']} (≥ {data['target_total']})" if data["target_grade"] else "—")]
    pue = data["pue"]
    rows.append(("PUE", f"≤ {pue['value']}" if pue["reachable"] else f"unreachable: {pue['note']}"))
    for name, answer in data["offsets"].items():
        text = f"+{answer['tco2']} tCO2" if answer["reachable"] else f"unreachable: {answer['note']}"
        if answer.get("kwh"):
            text += f" (= {answer['kwh']:,.0f} kWh)"
        rows.append((f"offset {name}", text))
    return rows


def to_text(report: dict[str, Any]) -> str:
    """A terminal summary."""
    lines = [f"{label:<18} {_fmt(value)}" for label, value in summary_rows(report)]
    lines.append("")
    lines.append("constraints:")
    for row in report["constraints"]:
        limit = f" (limit {row['op']} {row['limit']})" if row["limit"] is not None else ""
        veto = "" if row["veto"] else " [advisory]"
        lines.append(f"  {row['status']:<16} {row['id']}: {_fmt(row['value'])}{limit}{veto} {row['note']}")
    emitted = (f"{k} {_fmt(v)}" for k, v in report["emissions"].items() if v)
    lines.append("emissions (tCO2e): " + ", ".join(emitted))
    lines.extend(f"  refrigerant leak: {r['refrigerant']} {_fmt(r['mass_kg'])} kg × GWP {_fmt(r['gwp'])} "
                 f"({r['confidence']}) = {_fmt(r['tco2e'])} tCO2e" for r in report["refrigerant_leak"])
    lines.extend(f"flag: {flag}" for flag in report["flags"])
    lines.append("what-if:")
    lines.extend(f"  {lever}: {answer}" for lever, answer in what_if_rows(report))
    return "\n".join(lines) + "\n"


def to_json(report: dict[str, Any]) -> str:
    """The JSON report (UTF-8, Chinese kept readable)."""
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def sections(report: dict[str, Any]) -> list[tuple[str, list[str], list[list[Any]]]]:
    """The report as (title, headers, rows) tables, shared by the HTML and XLSX writers."""
    emissions, items = report["emissions"].items(), report["scores"]["items"].items()
    return [
        ("Summary", ["item", "value"], [list(r) for r in summary_rows(report)]),
        ("Constraints", list(CONSTRAINT_COLUMNS),
         [[r[c] for c in CONSTRAINT_COLUMNS] for r in report["constraints"]]),
        ("Emissions", ["source", "tCO2e"], [[k, v] for k, v in emissions]),
        ("Refrigerant leak", list(LEAK_COLUMNS), [[r[c] for c in LEAK_COLUMNS] for r in report["refrigerant_leak"]]),
        ("Offsets", list(OFFSET_COLUMNS),
         [[i[c] for c in OFFSET_COLUMNS] for i in report["offsets"]["items"]]),
        ("Scores", ["item", "points"], [[k, v] for k, v in items]),
        ("Flags", ["flag"], [[f] for f in report["flags"] + report["scores"]["notes"]]),
        ("What-if", ["lever", "answer"], [list(r) for r in what_if_rows(report)]),
    ]


def _table(headers: list[str], rows: list[list[Any]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    cells = ("".join(f"<td>{html.escape(_fmt(c))}</td>" for c in row) for row in rows)
    body = "".join(f"<tr>{row}</tr>" for row in cells)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


_CSS = ("body{font-family:sans-serif;margin:2em;color:#111}"
        "table{border-collapse:collapse;margin:.5em 0 1.5em}"
        "td,th{border:1px solid #999;padding:.25em .5em;font-size:10pt;text-align:left}"
        "th{background:#eee}@media print{body{margin:0}h2{page-break-after:avoid}}")


def to_html(report: dict[str, Any]) -> str:
    """A printable self-contained page."""
    title = html.escape(f"{report['standard']} — {report['datacenter']} — {grade_text(report)}")
    parts = [f"<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>{title}</title>",
             f"<style>{_CSS}</style></head><body><h1>{title}</h1>"]
    for name, headers, rows in sections(report):
        parts.append(f"<h2>{html.escape(name)}</h2>{_table(headers, rows)}")
    parts.append("</body></html>\n")
    return "".join(parts)


def write_xlsx(report: dict[str, Any], path: Path) -> None:
    """An XLSX workbook, one sheet per section."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, headers, rows in sections(report):
        sheet = book.create_sheet(name)
        sheet.append(headers)
        for row in rows:
            sheet.append([c if isinstance(c, int | float | str) or c is None else str(c) for c in row])
    book.save(path)
