"""The data-centre page's work: a T/CA305 record (YAML/JSON bytes) → grading report and its downloads.

Parsing, grading and the what-if are :mod:`checker.dc`; this module only reads the uploaded bytes
and renders the report through :mod:`checker.dc.render`.
"""

from __future__ import annotations

import logging
import math
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from checker.dc import DataCentreRecordError, build_report, evaluate, parse_record
from checker.dc.catalog import load_catalog as load_dc_catalog
from checker.dc.render import sections, summary_rows, to_html, to_json, what_if_rows, write_xlsx
from checker.display import num
from checker.errors import UnusableInput
from checker.messages import has, message, note
from checker.record_text import parse_yaml, single_values

log = logging.getLogger(__name__)


class DataCentreInputError(UnusableInput, ValueError):
    """An uploaded data-centre record that cannot be used; the message is the one-line reason."""


def grade_bytes(data: bytes, as_of: date) -> dict[str, Any]:
    """Grade a T/CA305 record given as YAML or JSON bytes (JSON is YAML); the JSON-ready report."""
    try:
        mapping = parse_yaml(data.decode("utf-8-sig"))  # a key given twice is kept, never last-one-wins
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataCentreInputError(f"not a YAML/JSON record: {str(exc).splitlines()[0]}") from None
    if not isinstance(mapping, dict):
        raise DataCentreInputError("the record must be a mapping of fields")
    mapping = single_values(mapping, "record", DataCentreInputError)
    try:
        record = parse_record(mapping)
    except (DataCentreRecordError, ValueError) as exc:
        raise DataCentreInputError(str(exc).splitlines()[0]) from None
    return build_report(evaluate(record, as_of))


def summary_frame(report: dict[str, Any]) -> pd.DataFrame:
    """Key figures as a two-column table (values as text, so the column has one type)."""
    return pd.DataFrame([(label, "" if value is None else str(value)) for label, value in summary_rows(report)],
                        columns=["item", "value"])


def constraints_frame(report: dict[str, Any]) -> pd.DataFrame:
    """The basic requirements and constraints as a table (values as text)."""
    rows = [{k: ("" if row.get(k) is None else str(row.get(k))) for k in ("id", "status", "value", "op", "limit",
                                                                         "unit", "veto", "note")}
            for row in report["constraints"]]
    return pd.DataFrame(rows, columns=["id", "status", "value", "op", "limit", "unit", "veto", "note"])


def what_if_frame(report: dict[str, Any]) -> pd.DataFrame:
    """The what-if answers (lever → answer)."""
    return pd.DataFrame(what_if_rows(report), columns=["lever", "answer"])


def section_frames(report: dict[str, Any]) -> dict[str, pd.DataFrame]:
    """Every section of the report (Summary, Constraints, Emissions, Offsets, Scores, Flags, What-if)."""
    return {name: pd.DataFrame([[("" if c is None else str(c)) for c in row] for row in rows], columns=headers)
            for name, headers, rows in sections(report)}


def downloads(report: dict[str, Any]) -> dict[str, tuple[bytes, str, str]]:
    """The report as Excel, JSON and printable HTML: format → (data, MIME type, suffix)."""
    with tempfile.TemporaryDirectory(prefix="gdc-dc-") as folder:
        path = Path(folder) / "report.xlsx"
        write_xlsx(report, path)
        xlsx = path.read_bytes()
    return {
        "xlsx": (xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        "json": (to_json(report).encode("utf-8"), "application/json", "json"),
        "html": (to_html(report).encode("utf-8"), "text/html", "html"),
    }


# ---------------------------------------------------------------- the grading report, in words


def label(key: str, lang: str) -> str:
    """A T/CA305 item (constraint, score item, offset type) in ``lang``; the key itself if unlisted."""
    name = f"dc.label.{key}"
    return message(name, lang) if has(name) else key


def grade_name(grade: str, lang: str) -> str:
    """A grade (优秀级 …) in ``lang``."""
    name = f"dc.grade.{grade}"
    return message(name, lang) if has(name) else grade


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


def split_frame(report: dict[str, Any], lang: str) -> pd.DataFrame:
    """The two parts of the total (offset out of 40, technology out of 60): part, score, what is left."""
    scores = report["scores"]
    rows = [(message("dc.offset_part", lang), float(scores["offset"]), 40.0),
            (message("dc.tech_part", lang), float(scores["technology"]), 60.0)]
    return pd.DataFrame([(name, round(got, 1), round(top - got, 1)) for name, got, top in rows],
                        columns=[message("dc.part", lang), message("dc.score", lang), message("dc.max", lang)])


def emissions_frame(report: dict[str, Any], lang: str) -> pd.DataFrame:
    """Emissions by source (non-zero), with their scope: source, scope, tCO2."""
    scope2 = {"electricity", "heat", "exported_electricity", "exported_heat"}
    rows = [(message(f"dc.src.{k}", lang) if has(f"dc.src.{k}") else k,
             message("dc.scope2" if k in scope2 else "dc.scope1", lang), round(float(v), 1))
            for k, v in report["emissions"].items() if k not in ("scope1", "scope2", "total") and v]
    return pd.DataFrame(rows, columns=[message("dc.source", lang), message("dc.scope", lang),
                                       message("dc.tco2", lang)])


def checklist(report: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    """The basic requirements as (status, sentence): the requirement, the value against its limit, advisory."""
    lines = []
    for row in report["constraints"]:
        text = label(str(row["id"]), lang)
        if row.get("limit") is not None and isinstance(row.get("value"), int | float):
            unit = f" {row['unit']}" if row.get("unit") else ""
            text += "：" if lang == "zh" else ": "
            text += message("dc.value_limit", lang, value=num(row["value"], row["limit"]) + unit,
                            op=row["op"].replace("<=", "≤").replace(">=", "≥"), limit=num(row["limit"]) + unit)
        if not row.get("veto", True):
            text += " " + message("dc.advisory", lang)
        lines.append((str(row["status"]), text))
    return lines


def items_frame(report: dict[str, Any], lang: str) -> pd.DataFrame:
    """The technology score by item, in words: item, points."""
    rows = [(label(key, lang), float(points)) for key, points in report["scores"]["items"].items()]
    return pd.DataFrame(rows, columns=[message("dc.item", lang), message("dc.score", lang)])


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
