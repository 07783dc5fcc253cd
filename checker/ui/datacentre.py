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

from checker.dc import DataCentreRecordError, build_report, evaluate, parse_record
from checker.dc.render import sections, summary_rows, to_html, to_json, what_if_rows, write_xlsx
from checker.errors import UnusableInput
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
