"""A T/CA305 report in words, in Chinese or English: every string from ``catalogs/i18n/{zh,en}.yaml``
and the engine's notes through ``catalogs/i18n/notes.yaml``; numbers through :func:`checker.outputs.display.num`.

Shared by the command line (:mod:`checker.dc.render`) and the app's data-centre page.
"""

from __future__ import annotations

import math
from typing import Any

from checker.catalog.messages import has, known, message, note
from checker.dc.catalog import load_tca305 as load_dc_catalog
from checker.outputs.display import num

SCOPE2 = frozenset({"electricity", "heat", "exported_electricity", "exported_heat"})
OPS = {"<=": "≤", ">=": "≥", "<": "<", ">": ">", "==": "="}


def label(key: str, lang: str) -> str:
    """A T/CA305 item (constraint, score item, offset type) in ``lang``; the key itself if unlisted."""
    name = f"dc.label.{key}"
    return message(name, lang) if has(name) else key


def grade_name(grade: str, lang: str) -> str:
    """A grade (优秀级 …) in ``lang``."""
    name = f"dc.grade.{grade}"
    return message(name, lang) if has(name) else grade


def word(key: str, value: object, lang: str) -> str:
    """A coded value (``dc.<key>.<value>``: a region, a basis) in ``lang``; the value itself if unlisted."""
    name = f"dc.{key}.{value}"
    return message(name, lang) if has(name) else str(value)


def source_name(key: str, lang: str) -> str:
    """An emission source (electricity, diesel …) in ``lang``."""
    return word("src", key, lang)


def scope_of(key: str, lang: str) -> str:
    """The scope (1 or 2) of an emission source, in ``lang``."""
    return message("dc.scope2" if key in SCOPE2 else "dc.scope1", lang)


def value_text(value: Any, lang: str, against: float | None = None) -> str:
    """A cell for people: numbers through :func:`num`, yes/no for booleans, ``—`` for nothing."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return message("yes" if value else "no", lang)
    if isinstance(value, int | float):
        return num(value, against)
    return str(value)


def headline(report: dict[str, Any], lang: str) -> str:
    """``优秀级（总分 87.2）`` / ``Excellent (total 87.2)``, and ``provisional`` when it is."""
    text = message("dc.grade_of", lang, grade=grade_name(str(report["grade"]), lang), total=num(report["total"]))
    if report.get("grade_status", "final") != "final":
        text += " — " + message("dc.provisional", lang)
    return text


def grade_bands(lang: str) -> list[str]:
    """The grade bands of T/CA305 (from its catalog), best first, in words."""
    catalog = load_dc_catalog()
    bands = sorted(catalog.grades, key=lambda g: -g.min)
    lines = [message("dc.band_row", lang, grade=grade_name(g.name, lang), min=num(g.min)) for g in bands]
    lines.append(message("dc.band_fail", lang, grade=grade_name(catalog.fail_grade, lang), min=num(bands[-1].min)))
    return lines


def grid_text(report: dict[str, Any], lang: str) -> str:
    """The grid factor used: value, region and year, confidence, basis."""
    grid = report["coefficients"]["grid_factor"]
    where = (f"{word('region', grid['region'], lang)} {grid['year']}" if grid["year"]
             else message("dc.declared_in_record", lang))
    return message("dc.grid_line", lang, value=f"{grid['value']:g}", unit=grid["unit"], where=where,
                   confidence=grid["confidence"], basis=word("basis", grid["basis"], lang))


def other_reading_text(report: dict[str, Any], lang: str) -> str:
    """The other reading of C_p in one labelled line: its figures, grade and whether it matters."""
    other = report["other_reading"]
    verdict = message("dc.other_changes" if other["changes_grade"] else "dc.other_same", lang)
    if other["same_figures"]:
        verdict += " " + message("dc.other_same_figures", lang)
    return message("dc.other_line", lang, c_p=num(other["c_p"]), ratio=num(other["ratio_percent"]),
                   ratio_status=message(f"status.{other['offset_ratio']}", lang),
                   score=num(other["offset_score"]), total=num(other["total"]),
                   grade=grade_name(str(other["grade"]), lang), verdict=verdict)


def summary_rows(report: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    """Key figures as (label, text) rows."""
    offsets, scores = report["offsets"], report["scores"]
    vetoes = ", ".join(label(v, lang) for v in report["vetoes"]) or message("dc.none", lang)
    rows = [("dc.row.standard", report["standard"]), ("dc.row.as_of", report["as_of"]),
            ("dc.row.datacenter", report["datacenter"]), ("dc.row.grid", grid_text(report, lang)),
            ("dc.row.c_yw", num(report["emissions"]["total"])), ("dc.row.c_p", num(offsets["c_p"])),
            ("dc.row.s_dc", num(offsets["ratio_percent"])), ("dc.row.offset_score", num(scores["offset"])),
            ("dc.row.tech_score", num(scores["technology"])), ("dc.row.total", num(report["total"])),
            ("dc.row.score_grade", grade_name(str(report["score_grade"]), lang)),
            ("dc.row.grade", headline(report, lang)),
            ("dc.row.provisional", "；".join(note(r, lang) for r in report["provisional_reasons"]) or "—"),
            ("dc.row.other", other_reading_text(report, lang)), ("dc.row.vetoes", vetoes)]
    return [(message(key, lang), text) for key, text in rows]


def checklist(report: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    """The basic requirements as (status, sentence): the requirement, the value against its limit, advisory."""
    lines = []
    for row in report["constraints"]:
        text = label(str(row["id"]), lang)
        if row.get("limit") is not None and isinstance(row.get("value"), int | float):
            unit = f" {row['unit']}" if row.get("unit") else ""
            text += "：" if lang == "zh" else ": "
            text += message("dc.value_limit", lang, value=num(row["value"], row["limit"]) + unit,
                            op=OPS.get(row["op"], row["op"]), limit=num(row["limit"]) + unit)
        if not row.get("veto", True):
            text += " " + message("dc.advisory", lang)
        lines.append((str(row["status"]), text))
    return lines


def what_if_sentences(report: dict[str, Any], lang: str) -> list[str]:
    """What lifts the grade, as sentences: the target, then each lever on its own."""
    data = report["what_if"]
    if not data.get("target_grade"):
        return [message("dc.whatif_top", lang)]
    lines = [message("dc.whatif_target", lang, grade=grade_name(data["target_grade"], lang),
                     total=num(data["target_total"]))]
    pue = data["pue"]
    # rounded towards what is enough: a PUE down, an offset up
    lines.append(message("dc.whatif_pue", lang, value=f"{math.floor(pue['value'] * 1000) / 1000:g}")
                 if pue["reachable"]
                 else message("dc.whatif_pue_no", lang))
    for key, answer in data["offsets"].items():
        what = label(key, lang)
        if not answer["reachable"]:
            lines.append(message("dc.whatif_offset_no", lang, what=what))
        elif answer.get("kwh"):
            lines.append(message("dc.whatif_offset_kwh", lang, tco2=_up(answer["tco2"]), what=what,
                                 kwh=f"{math.ceil(answer['kwh']):,}"))
        else:
            lines.append(message("dc.whatif_offset", lang, tco2=_up(answer["tco2"]), what=what))
    return lines


def _up(value: float) -> str:
    """An amount to add, rounded up to one decimal (never short of what is needed)."""
    return num(math.ceil(float(value) * 10) / 10)


def reasons(report: dict[str, Any], lang: str) -> list[str]:
    """Why the grade is provisional, and the flags, in ``lang`` (engine notes through the note patterns)."""
    return [note(str(r), lang) for r in [*report.get("provisional_reasons", []), *report.get("flags", [])]]


def constraint_note(row: dict[str, Any], lang: str) -> str:
    """A constraint's note in ``lang``: the engine's words translated; a record's own evidence quoted."""
    text = str(row.get("note") or "")
    if not text:
        return ""
    if isinstance(row.get("value"), bool) and not known(text):  # the record's own evidence: quoted as is
        return message("dc.evidence_quoted", lang, text=text)
    return note(text, lang)
