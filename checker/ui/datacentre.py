"""The data-centre page's work: a T/CA305 record (YAML/JSON bytes) → grading report and its downloads.

Parsing, grading and the what-if are :mod:`checker.dc`; this module only reads the uploaded bytes
and renders the report through :mod:`checker.dc.render`.
"""

from __future__ import annotations

import logging
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from checker.catalog.messages import message
from checker.dc import DataCentreRecordError, build_report, evaluate, parse_record
from checker.dc.render import sections, to_html, to_json, write_xlsx
from checker.dc.words import (  # noqa: F401
    checklist,
    grade_bands,
    grade_name,
    headline,
    label,
    reasons,
    scope_of,
    source_name,
    what_if_sentences,
)
from checker.errors import UnusableInput
from checker.inputs.record_text import parse_yaml, single_values

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




def section_frames(report: dict[str, Any], lang: str) -> dict[str, pd.DataFrame]:
    """Every section of the report in ``lang`` (summary, checklist, emissions, offsets, scores, notes, what-if)."""
    return {name: pd.DataFrame([[("" if c is None else str(c)) for c in row] for row in rows], columns=headers)
            for name, headers, rows in sections(report, lang)}


def downloads(report: dict[str, Any], lang: str) -> dict[str, tuple[bytes, str, str]]:
    """The report as Excel and printable HTML in ``lang``, and JSON: format → (data, MIME type, suffix)."""
    with tempfile.TemporaryDirectory(prefix="gdc-dc-") as folder:
        path = Path(folder) / "report.xlsx"
        write_xlsx(report, path, lang)
        xlsx = path.read_bytes()
    return {
        "xlsx": (xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        "json": (to_json(report).encode("utf-8"), "application/json", "json"),
        "html": (to_html(report, lang).encode("utf-8"), "text/html", "html"),
    }


# ---------------------------------------------------------------- the grading report, in words (charts)


def split_frame(report: dict[str, Any], lang: str) -> pd.DataFrame:
    """The two parts of the total (offset out of 40, technology out of 60): part, score, what is left."""
    scores = report["scores"]
    rows = [(message("dc.offset_part", lang), float(scores["offset"]), 40.0),
            (message("dc.tech_part", lang), float(scores["technology"]), 60.0)]
    return pd.DataFrame([(name, round(got, 1), round(top - got, 1)) for name, got, top in rows],
                        columns=[message("dc.part", lang), message("dc.score", lang), message("dc.max", lang)])


def emissions_frame(report: dict[str, Any], lang: str) -> pd.DataFrame:
    """Emissions by source (non-zero), with their scope: source, scope, tCO2."""
    rows = [(source_name(k, lang), scope_of(k, lang), round(float(v), 1))
            for k, v in report["emissions"].items() if k not in ("scope1", "scope2", "total") and v]
    return pd.DataFrame(rows, columns=[message("dc.source", lang), message("dc.scope", lang),
                                       message("dc.tco2", lang)])


def items_frame(report: dict[str, Any], lang: str) -> pd.DataFrame:
    """The technology score by item, in words: item, points."""
    rows = [(label(key, lang), float(points)) for key, points in report["scores"]["items"].items()]
    return pd.DataFrame(rows, columns=[message("dc.item", lang), message("dc.score", lang)])
