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

from checker.dc.grading import evaluate
from checker.dc.record import DataCentreRecordError, load_record
from checker.dc.render import to_html, to_json, to_text, write_xlsx
from checker.dc.report import build_report

log = logging.getLogger(__name__)


def add_dc_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the ``dc`` sub-command."""
    parser = subparsers.add_parser("dc", help="grade a data centre by T/CA305-2023 (zero-carbon)",
                                   description="Grade one data-centre record (YAML/JSON) by T/CA305-2023.")
    parser.add_argument("record", help="data-centre record, YAML or JSON")
    parser.add_argument("--format", choices=("text", "json", "xlsx", "html"), default="text")
    parser.add_argument("--out", help="output file (required for xlsx; default stdout)")
    parser.add_argument("--as-of", dest="as_of", help="assessment date YYYY-MM-DD (default today)")
    parser.set_defaults(func=run_dc)


def _fail(message: str) -> int:
    print(f"checker dc: {message}", file=sys.stderr)
    return 2


def run_dc(args: argparse.Namespace) -> int:
    """Run ``checker dc``; returns the exit code."""
    try:
        as_of = date.fromisoformat(args.as_of) if args.as_of else date.today()
    except ValueError:
        return _fail(f"--as-of: not a date YYYY-MM-DD: {args.as_of!r}")
    if args.format == "xlsx" and not args.out:
        return _fail("--format xlsx needs --out PATH")
    try:
        assessment = evaluate(load_record(args.record), as_of)
    except (DataCentreRecordError, ValueError) as exc:
        return _fail(str(exc).splitlines()[0])
    report = build_report(assessment)
    try:
        _write(report, args.format, args.out)
    except OSError as exc:
        return _fail(f"cannot write {args.out}: {exc.strerror}")
    return 0 if assessment.passed else 1


def _write(report: dict, fmt: str, out: str | None) -> None:  # type: ignore[type-arg]
    if fmt == "xlsx":
        assert out is not None
        write_xlsx(report, Path(out))
        return
    text = {"text": to_text, "json": to_json, "html": to_html}[fmt](report)
    if out:
        Path(out).write_text(text, encoding="utf-8")
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
