"""``checker dc RECORD [--format text|json|xlsx|html] [--out PATH] [--as-of DATE]``.

Exit 0 when the data centre is graded (not 不合格) with no veto, 1 otherwise, 2 on unusable input
(one line on stderr, no traceback).
"""

from __future__ import annotations

import argparse
import logging
import sys
from datetime import date
from pathlib import Path

from checker.catalog.messages import message, note
from checker.dc.grading import evaluate
from checker.dc.record import DataCentreRecordError, load_record
from checker.dc.render import to_html, to_json, to_text, write_xlsx
from checker.dc.report import build_report
from checker.outputs.safe_text import terminal
from checker.outputs.sink import check_compressible, write_whole

log = logging.getLogger(__name__)


def add_dc_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the ``dc`` sub-command."""
    parser = subparsers.add_parser("dc", help="grade a data centre by T/CA305-2023 (zero-carbon)",
                                   description="Grade one data-centre record (YAML/JSON) by T/CA305-2023.")
    parser.add_argument("record", help="data-centre record, YAML or JSON")
    parser.add_argument("--format", choices=("text", "json", "xlsx", "html"), default="text")
    parser.add_argument("--out", help="output file (required for xlsx; default stdout)")
    parser.add_argument("--as-of", dest="as_of", help="assessment date YYYY-MM-DD (default today)")
    parser.add_argument("--lang", choices=("zh", "en"), default="en", help="language of the text, HTML and XLSX")
    parser.set_defaults(func=run_dc)


def _fail(text: str, lang: str = "en") -> int:
    print(terminal(f"checker dc: {note(text, lang)}"), file=sys.stderr)
    return 2


def run_dc(args: argparse.Namespace) -> int:
    """Run ``checker dc``; returns the exit code."""
    try:
        as_of = date.fromisoformat(args.as_of) if args.as_of else date.today()
    except ValueError:
        return _fail(message("err.as_of", args.lang, text=repr(args.as_of)))
    if args.format == "xlsx" and not args.out:
        return _fail(message("err.xlsx_out", args.lang))
    try:
        check_compressible(args.format, Path(args.out) if args.out else None)
    except ValueError as exc:
        return _fail(str(exc), args.lang)
    try:
        assessment = evaluate(load_record(args.record), as_of)
    except (DataCentreRecordError, ValueError) as exc:
        return _fail(str(exc).splitlines()[0], args.lang)
    report = build_report(assessment)
    try:
        _write(report, args.format, args.out, args.lang)
    except OSError as exc:
        return _fail(message("err.cannot_write", args.lang, path=args.out, reason=exc.strerror))
    return 0 if assessment.passed else 1


def _write(report: dict, fmt: str, out: str | None, lang: str = "en") -> None:  # type: ignore[type-arg]
    if fmt == "xlsx":
        assert out is not None
        write_xlsx(report, Path(out), lang)
        return
    text = to_json(report) if fmt == "json" else {"text": to_text, "html": to_html}[fmt](report, lang)
    if out:
        write_whole(Path(out), text)
    else:
        sys.stdout.write(text)


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry (``python -m checker.dc.cli``) until the lead wires ``checker dc``."""
    parser = argparse.ArgumentParser(prog="checker")
    add_dc_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
