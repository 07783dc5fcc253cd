"""The app's "compare bids" page: each bidder's files side by side (:mod:`checker.compare`).

The page stages each bidder's uploads in a folder of their own under one temporary tender folder
and runs :func:`checker.compare.compare` on it, exactly as ``checker compare DIR`` would; or it
compares the sample tender in ``samples/tender``. Tables hold text as data (``st.dataframe``).
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from checker.catalog.clauses import Catalog
from checker.catalog.messages import message
from checker.compare import Comparison, _value, compare, to_html, to_json, to_xlsx
from checker.outputs.report import STATUS_COLOURS
from checker.outputs.safe_text import printable
from checker.ui.i18n import status_label, verdict_label
from checker.ui.uploads import Upload, safe_uploads, sanitise_name

SAMPLE_TENDER = Path(__file__).resolve().parents[2] / "samples" / "tender"


def s(key: str, lang: str, **values: object) -> str:
    """This page's string ``cmp.<key>`` in ``lang`` (catalogs/i18n)."""
    return message(f"cmp.{key}", lang, **values)


def compare_uploads(bids: Sequence[tuple[str, Sequence[Upload]]], as_of: date) -> Comparison:
    """Each (bidder name, files) staged in its own folder, then compared; names are made safe and unique."""
    with tempfile.TemporaryDirectory(prefix="gdc-tender-") as folder:
        root = Path(folder)
        used: set[str] = set()
        for number, (name, uploads) in enumerate(bids, start=1):
            bidder = sanitise_name(name, default=f"bidder-{number}")
            while bidder.lower() in used:
                bidder = f"{bidder}-{number}"
            used.add(bidder.lower())
            target = root / bidder
            target.mkdir()
            for item in safe_uploads(uploads):
                (target / sanitise_name(item.name)).write_bytes(item.data)
        comparison = compare(root, as_of)
    for bid in comparison.bids:  # the temporary folder means nothing to a reader
        bid.files = [Path(path).name for path in bid.files]
        bid.errors = [error.replace(str(root) + "/", "") for error in bid.errors]
    return comparison


def sample_comparison(as_of: date) -> Comparison:
    """The sample tender compared."""
    comparison = compare(SAMPLE_TENDER, as_of)
    for bid in comparison.bids:
        bid.files = [Path(path).name for path in bid.files]
    return comparison


def ranking_frame(comparison: Comparison, lang: str) -> pd.DataFrame:
    """One row per bidder, in rank order."""
    rows = [{s("rank", lang): rank, s("bidder", lang): printable(bid.bidder),
             s("product", lang): printable(bid.product.id) if bid.product else s("unreadable", lang),
             s("verdict", lang): verdict_label(bid.product.verdict, lang) if bid.product else "—",
             s("fail", lang): bid.count("fail"), s("missing", lang): bid.count("missing_evidence"),
             s("todo", lang): bid.count("manual_review"), s("errors", lang): printable("; ".join(bid.errors))}
            for rank, bid in enumerate(comparison.bids, start=1)]
    return pd.DataFrame(rows)


def matrix_frame(comparison: Comparison, catalog: Catalog, lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The matrix as shown (status and value in one cell per bidder) and the status codes behind it."""
    shown: list[dict[str, Any]] = []
    codes: list[dict[str, str]] = []
    for cid in comparison.clauses:
        clause = catalog.clause(cid)
        row: dict[str, Any] = {s("differs", lang): "●" if cid in comparison.differs else "",
                               s("clause", lang): cid,
                               s("title_col", lang): clause.title_zh if lang == "zh" else clause.title_en}
        code: dict[str, str] = {}
        for bid in comparison.bids:
            result = bid.result(cid)
            label = printable(bid.bidder)
            value = "" if result is None or result.status == "not_applicable" else _value(result, lang)
            row[label] = "" if result is None else f"{status_label(result.status, lang)} {value}".strip()
            code[label] = result.status if result else ""
        shown.append(row)
        codes.append(code)
    return pd.DataFrame(shown), pd.DataFrame(codes)


def styled_matrix(frame: pd.DataFrame, codes: pd.DataFrame) -> Any:
    """Status cells coloured as in the reports."""
    def colour(column: pd.Series) -> list[str]:
        if column.name not in codes.columns:
            return [""] * len(column)
        return [f"background-color: #{STATUS_COLOURS[c]}" if c in STATUS_COLOURS else "" for c in codes[column.name]]

    return frame.style.apply(colour, axis=0)


def downloads(comparison: Comparison, catalog: Catalog, lang: str) -> dict[str, tuple[bytes, str, str]]:
    """label → (bytes, file name, MIME type) for the XLSX, HTML and JSON exports."""
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return {message("download_xlsx", lang): (to_xlsx(comparison, catalog, lang), "tender-comparison.xlsx", xlsx),
            message("download_html", lang): (to_html(comparison, catalog, lang).encode("utf-8"),
                                             "tender-comparison.html", "text/html"),
            message("download_json", lang): (to_json(comparison).encode("utf-8"), "tender-comparison.json",
                                             "application/json")}
