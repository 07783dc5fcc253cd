"""Bids side by side (``checker compare DIR``): one sub-folder per bidder, each checked as one product.

Each bidder's folder (any mix of PDFs and records) goes through :func:`checker.pipeline.check`, exactly
as ``checker check`` would take it. The result is a matrix of bidders × clauses with the value and the
status of each cell; a clause where the bidders' statuses or values differ is marked; bidders are
ranked by fails, then missing evidence, then clauses a person must check (manual_review). A folder
whose documents give no product is ranked last with its one-line error. Text from input is data: every
output goes through :mod:`checker.outputs.safe_text`.
"""

from __future__ import annotations

import html
import io
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from checker.catalog.clauses import Catalog, load_catalog
from checker.catalog.messages import message, note
from checker.errors import UsageError
from checker.models import ClauseResult, ProductReport
from checker.outputs.display import pad, quantity
from checker.outputs.report import STATUS_COLOURS
from checker.outputs.safe_text import printable, printable_tree, spreadsheet, terminal
from checker.outputs.sink import check_compressible, write_whole
from checker.pipeline import check


class CompareError(UsageError, ValueError):
    """A tender folder that cannot be compared, with a one-line reason."""


@dataclass
class Bid:
    """One bidder: its folder name, the product found in its documents (or why none) and its counts."""

    bidder: str
    files: list[str]
    product: ProductReport | None = None
    errors: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for result in self.product.clauses if result.status == status) if self.product else 0

    def rank_key(self) -> tuple[int, int, int, int, str]:
        return (self.product is None, self.count("fail"), self.count("missing_evidence"),
                self.count("manual_review"), self.bidder)

    def result(self, clause_id: str) -> ClauseResult | None:
        if self.product is None:
            return None
        return next((r for r in self.product.clauses if r.id == clause_id), None)


@dataclass
class Comparison:
    """Bids ranked, the clause ids in catalog order, and which clauses differ between bidders."""

    as_of: str
    bids: list[Bid]
    clauses: list[str]
    differs: set[str]
    ignored: list[str] = field(default_factory=list)


def bidder_folders(folder: Path) -> tuple[list[Path], list[str]]:
    """The bidders' sub-folders (not followed through links) and the loose files left out (a README aside)."""
    if not folder.is_dir():
        raise CompareError(f"{folder}: not a folder (give a folder with one sub-folder per bidder)")
    children = sorted(folder.iterdir())
    folders = [child for child in children if child.is_dir() and not child.is_symlink()]
    ignored = [str(child) for child in children if child not in folders and not child.name.startswith(".")
               and not child.name.upper().startswith("README")]  # a note beside the bids is not a bid
    if not folders:
        raise CompareError(f"{folder}: no bidder sub-folders (one sub-folder per bidder)")
    return folders, ignored


def compare(folder: Path, as_of: date, category: str | None = None) -> Comparison:
    """Check each bidder's folder as one product and line the results up."""
    folders, ignored = bidder_folders(folder)
    catalog = load_catalog()
    bids = [_bid(path, as_of, category) for path in folders]
    bids.sort(key=Bid.rank_key)
    present = {r.id for bid in bids if bid.product for r in bid.product.clauses}
    clauses = [clause.id for clause in catalog.clauses if clause.id in present]
    return Comparison(as_of=as_of.isoformat(), bids=bids, clauses=clauses,
                      differs={cid for cid in clauses if len({_cell_key(bid.result(cid)) for bid in bids}) > 1},
                      ignored=ignored)


def _bid(path: Path, as_of: date, category: str | None) -> Bid:
    files = sorted(p for p in path.rglob("*") if p.is_file() and not p.is_symlink() and not p.name.startswith("."))
    bid = Bid(bidder=path.name, files=[str(p) for p in files])
    if not files:
        bid.errors.append(f"{path}: no documents")
        return bid
    evaluated = check(files, as_of, category)
    bid.errors = [e.error if e.error.startswith(e.source) else f"{e.source}: {e.error}" for e in evaluated.errors]
    report = evaluated.report()
    if report.products:
        bid.product = report.products[0]
    return bid


def _cell_key(result: ClauseResult | None) -> tuple[str, str]:
    if result is None:
        return ("", "")
    return (result.status, "" if result.status == "not_applicable" else _value(result))


def _value(result: ClauseResult | None, lang: str = "en") -> str:
    """A cell's value as people write it (:func:`checker.outputs.display.quantity`; full precision in JSON)."""
    if result is None or result.value is None:
        return ""
    if isinstance(result.value, bool):
        return message("yes" if result.value else "no", lang)
    from checker.outputs.text import unit_label

    return quantity(result.value, unit_label(result.unit, lang), result.limit)


def _status(status: str, lang: str) -> str:
    return message(f"status.{status}", lang)


def _verdict(bid: Bid, lang: str) -> str:
    return message(f"verdict.{bid.product.verdict if bid.product else 'error'}", lang)


def _m(key: str, lang: str, **values: object) -> str:
    return message(f"cmp.{key}", lang, **values)


def _title(catalog: Catalog, clause_id: str, lang: str) -> str:
    clause = catalog.clause(clause_id)
    return clause.title_zh if lang == "zh" else clause.title_en


def to_json(comparison: Comparison) -> str:
    """The matrix as JSON: ranked bidders with counts, and per clause each bidder's status and value."""
    data = {
        "as_of": comparison.as_of,
        "ranking": [{"rank": rank, "bidder": bid.bidder, "product": bid.product.id if bid.product else None,
                     "verdict": bid.product.verdict if bid.product else None, "fail": bid.count("fail"),
                     "missing_evidence": bid.count("missing_evidence"), "manual_review": bid.count("manual_review"),
                     "files": bid.files, "errors": bid.errors}
                    for rank, bid in enumerate(comparison.bids, start=1)],
        "clauses": [{"id": cid, "differs": cid in comparison.differs,
                     "bids": {bid.bidder: _json_cell(bid.result(cid)) for bid in comparison.bids}}
                    for cid in comparison.clauses],
        "ignored": comparison.ignored,
    }
    return json.dumps(printable_tree(data), ensure_ascii=False, indent=2) + "\n"


def _json_cell(result: ClauseResult | None) -> dict[str, object] | None:
    if result is None:
        return None
    return {"status": result.status, "value": result.value, "unit": result.unit, "limit": result.limit,
            "op": result.op, "margin": result.margin}



def _ranking_lines(comparison: Comparison, lang: str) -> list[str]:
    head = [_m(k, lang) for k in ("rank", "bidder", "product", "verdict", "fail", "missing", "todo")]
    lines = [f"{pad(head[0], 4, True)}  {pad(head[1], 28)}  {pad(head[2], 24)}  {pad(head[3], 11)} "
             f"{pad(head[4], 6, True)} {pad(head[5], 9, True)} {pad(head[6], 11, True)}"]
    for rank, bid in enumerate(comparison.bids, start=1):
        product = bid.product.id if bid.product else "—"
        lines.append(f"{rank:>4}  {pad(bid.bidder, 28)}  {pad(product, 24)}  {pad(_verdict(bid, lang), 11)} "
                     f"{bid.count('fail'):>6} {bid.count('missing_evidence'):>9} {bid.count('manual_review'):>11}")
        lines.extend(f"      {message('txt.error', lang)}: {note(error, lang)}" for error in bid.errors)
    return lines


def to_text(comparison: Comparison, lang: str = "en") -> str:
    """The ranking, then the matrix: one line per clause, one column per bidder; "*" marks a difference."""
    lines = [f"{_m('title', lang)}  {_m('as_of', lang, date=comparison.as_of)}", *_ranking_lines(comparison, lang),
             ""]
    width = 26
    lines.append(f"  {pad(_m('clause', lang), 30)}" + "".join(pad(bid.bidder[:width], width + 2)
                                                             for bid in comparison.bids))
    for cid in comparison.clauses:
        mark = "*" if cid in comparison.differs else " "
        cells = []
        for bid in comparison.bids:
            result = bid.result(cid)
            text = "" if result is None else f"{_status(result.status, lang)} {_value(result, lang)}".strip()
            cells.append(pad(text[:width], width + 2))
        lines.append(f"{mark} {cid:<30}" + "".join(cells))
    lines.append(_m("differs_mark", lang))
    lines.extend(_m("ignored", lang, path=path) for path in comparison.ignored)
    return "\n".join(terminal(line) for line in lines) + "\n"


def to_html(comparison: Comparison, catalog: Catalog, lang: str = "en") -> str:
    """A self-contained HTML page: ranking table, then the matrix with differing rows highlighted."""

    def esc(text: str) -> str:
        return html.escape(printable(text))

    style = ("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}"
             "td,th{border:1px solid #999;padding:3px 6px;font-size:12px;vertical-align:top}"
             "tr.differs td:first-child,tr.differs td:nth-child(2){font-weight:bold;border-left:4px solid #c00}"
             + "".join(f".{k}{{background:#{v}}}" for k, v in STATUS_COLOURS.items()))
    title = esc(_m("title", lang))
    head = "".join(f"<th>{esc(_m(k, lang))}</th>" for k in ("rank", "bidder", "product", "verdict", "fail",
                                                             "missing", "todo", "errors"))
    parts = [f"<!doctype html><html lang='{lang}'><meta charset='utf-8'><title>{title}</title>"
             f"<style>{style}</style><h1>{title}</h1>"
             f"<p>{esc(_m('as_of', lang, date=comparison.as_of))}</p><table><tr>{head}</tr>"]
    for rank, bid in enumerate(comparison.bids, start=1):
        parts.append(f"<tr><td>{rank}</td><td>{esc(bid.bidder)}</td><td>{esc(bid.product.id if bid.product else '')}"
                     f"</td><td>{esc(_verdict(bid, lang))}</td><td>{bid.count('fail')}</td>"
                     f"<td>{bid.count('missing_evidence')}</td><td>{bid.count('manual_review')}</td>"
                     f"<td>{'<br>'.join(esc(note(e, lang)) for e in bid.errors)}</td></tr>")
    parts.append(f"</table><table><tr><th>{esc(_m('clause', lang))}</th><th>{esc(_m('title_col', lang))}</th>"
                 + "".join(f"<th>{esc(bid.bidder)}</th>" for bid in comparison.bids) + "</tr>")
    for cid in comparison.clauses:
        row = "differs" if cid in comparison.differs else "same"
        cells = []
        for bid in comparison.bids:
            result = bid.result(cid)
            if result is None:
                cells.append("<td></td>")
                continue
            value = _value(result, lang)
            cells.append(f"<td class='{result.status}'>{esc(_status(result.status, lang))}"
                         f"{'<br>' + esc(value) if value else ''}</td>")
        parts.append(f"<tr class='{row}'><td>{esc(cid)}</td><td>{esc(_title(catalog, cid, lang))}</td>"
                     + "".join(cells) + "</tr>")
    parts.append(f"</table><p>{esc(_m('differs_html', lang))}</p>")
    if comparison.ignored:
        parts.append(f"<p>{esc(_m('ignored', lang, path=', '.join(comparison.ignored)))}</p>")
    return "".join(parts) + "</html>\n"


def to_xlsx(comparison: Comparison, catalog: Catalog, lang: str = "en") -> bytes:
    """A workbook: "Ranking" and "Matrix" (a status and a value column per bidder, differing rows in bold,
    status cells coloured, header frozen); every text cell through :func:`spreadsheet`."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    ranking = book.active
    ranking.title = _m("sheet_ranking", lang)
    _row(ranking, [_m(k, lang) for k in ("rank", "bidder", "product", "verdict", "fail", "missing", "todo", "errors")])
    for rank, bid in enumerate(comparison.bids, start=1):
        _row(ranking, [rank, bid.bidder, bid.product.id if bid.product else "", _verdict(bid, lang), bid.count("fail"),
                       bid.count("missing_evidence"), bid.count("manual_review"),
                       "; ".join(note(e, lang) for e in bid.errors)])
    matrix = book.create_sheet(_m("sheet_matrix", lang))
    header: list[object] = [_m("clause", lang), _m("title_col", lang), _m("differs", lang)]
    for bid in comparison.bids:
        header += [_m("status_of", lang, bidder=bid.bidder), _m("value_of", lang, bidder=bid.bidder)]
    _row(matrix, header)
    for cid in comparison.clauses:
        cells: list[object] = [cid, _title(catalog, cid, lang),
                               message("yes", lang) if cid in comparison.differs else ""]
        for bid in comparison.bids:
            result = bid.result(cid)
            cells += [_status(result.status, lang) if result else "", _value(result, lang)]
        _row(matrix, cells)
        for index, bid in enumerate(comparison.bids):
            result = bid.result(cid)
            if result is not None:
                matrix.cell(row=matrix.max_row, column=4 + 2 * index).fill = PatternFill(
                    "solid", fgColor=STATUS_COLOURS[result.status])
        if cid in comparison.differs:
            for column in (1, 2, 3):
                matrix.cell(row=matrix.max_row, column=column).font = Font(bold=True)
    for sheet in (ranking, matrix):
        sheet.freeze_panes = "A2"
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _row(sheet: Any, values: list[object]) -> None:
    """A row of cells as data: text neutralised, never a formula."""
    sheet.append([spreadsheet(value) for value in values])
    for cell in sheet[sheet.max_row]:
        if cell.data_type == "f":
            cell.data_type = "s"


def write(comparison: Comparison, fmt: str, out: Path | None, lang: str) -> str | None:
    """Render in ``fmt`` (text, json, html, xlsx); write to ``out`` or return the text."""
    try:
        check_compressible(fmt, out)
    except ValueError as exc:
        raise CompareError(str(exc)) from None
    catalog = load_catalog()
    if fmt == "xlsx":
        if out is None:
            raise CompareError("--format xlsx needs --out")
        write_whole(out, to_xlsx(comparison, catalog, lang))
        return None
    text = {"json": to_json, "text": lambda c: to_text(c, lang),
            "html": lambda c: to_html(c, catalog, lang)}[fmt](comparison)
    if out is None:
        return text
    write_whole(out, text)
    return None
