"""The ``checker`` command (INTERFACE.md §3): check, audit, calc, clauses, template, dc."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from checker.catalog.messages import note
from checker.errors import DistributedError, UsageError
from checker.outputs.safe_text import terminal

if TYPE_CHECKING:
    from checker.engine.run import Evaluated

# The engine, the report writers and the calculators are imported by the command that uses them,
# so that a command starts in little more than the time pandas, pint and pydantic take to import.

log = logging.getLogger("checker")
EXIT_PASS, EXIT_FAIL, EXIT_UNUSABLE = 0, 1, 2


def _as_of(text: str | None) -> date:
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--as-of must be YYYY-MM-DD, not {text!r}") from None


def _default_format() -> str:
    return "text" if sys.stdout is not None and sys.stdout.isatty() else "json"


def say_error(line: str) -> None:
    """One line on standard error, never on standard output (with stderr closed the line is dropped,
    so it cannot land inside a JSON report on stdout)."""
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            print(terminal(line), file=sys.stderr)


MAX_SECONDS = 24 * 3600.0


def seconds(text: str) -> float:
    """A time limit: a finite, positive number of seconds, at most a day ("inf", "nan", "1e300" refused)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0 < value <= MAX_SECONDS:  # also false for NaN
        raise argparse.ArgumentTypeError(f"must be more than 0 and at most {MAX_SECONDS:g} seconds, not {text!r}")
    return value


def exit_code(evaluated: Evaluated) -> int:
    """0 all pass; 1 any fail/incomplete (or an input lost beside usable ones); 2 nothing usable."""
    if len(evaluated.batch.frame) == 0:
        return EXIT_UNUSABLE
    from checker.engine.evaluate import verdicts

    all_pass = (verdicts(evaluated.columns, len(evaluated.batch.frame)) == "pass").all()
    lost = any(not e.error.startswith("columns not recognised") for e in evaluated.errors)
    return EXIT_PASS if all_pass and not lost else EXIT_FAIL


def _emit(evaluated: Evaluated, args: argparse.Namespace, detail: bool, single: bool = False) -> int:
    fmt = args.format or _default_format()
    out = Path(args.out) if args.out else None
    if out is None and sys.stdout is None:
        raise UsageError("standard output is closed: give --out PATH")
    from checker.outputs.report import write_output

    text = write_output(evaluated, fmt, out, args.lang, detail, sys.stdout, single)
    if text is not None:
        assert sys.stdout is not None
        sys.stdout.write(text)
    for error in evaluated.errors:
        say_error(f"checker: {note(f'{error.where()}{error.error}', args.lang)}")
    return exit_code(evaluated)


def run_check(args: argparse.Namespace) -> int:
    from checker.pipeline import check

    evaluated = check([Path(p) for p in args.files], _as_of(args.as_of), args.category)
    if len(evaluated.batch.frame) == 0 and (args.format or _default_format()) != "json":
        raise UsageError("; ".join(f"{e.source}: {e.error}" for e in evaluated.errors) or "no usable input")
    return _emit(evaluated, args, detail=True, single=True)


def run_audit(args: argparse.Namespace) -> int:
    if args.workers < 1:
        raise UsageError(f"--workers must be at least 1, not {args.workers}")
    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    paths = [Path(p) for p in args.paths]
    empty = [str(path) for path in paths if path.is_dir() and not any(path.iterdir())]
    if empty and len(empty) == len(paths):
        raise UsageError(f"nothing to audit: {', '.join(empty)} {'is' if len(empty) == 1 else 'are'} empty")
    if args.columns:
        evaluated = _audit_with_mapping(paths, args)
    elif args.engine == "dask":
        from checker.distributed import audit_distributed

        try:
            evaluated = audit_distributed(paths, _as_of(args.as_of), args.category, args.scheduler,
                                          seconds=args.timeout)
        except DistributedError as exc:
            raise UsageError(str(exc)) from None
    else:
        if args.workers > 1 and _any_pdf(paths):
            from checker.inputs.parallel import prestart

            prestart(args.workers)  # the workers import the reader while this process imports the engine
        from checker.pipeline import audit

        evaluated = audit(paths, _as_of(args.as_of), args.category, workers=args.workers, seconds=args.timeout)
    detail = args.detail or len(evaluated.batch.frame) <= 50
    return _emit(evaluated, args, detail=detail)


def _any_pdf(paths: list[Path]) -> bool:
    """Whether a PDF is among ``paths`` or in their folders (stops at the first one found)."""
    for path in paths:
        if path.suffix.lower() == ".pdf":
            return True
        if path.is_dir():
            for _, _, names in os.walk(path):
                if any(name.lower().endswith(".pdf") for name in names):
                    return True
    return False


def _audit_with_mapping(paths: list[Path], args: argparse.Namespace) -> Evaluated:
    """``audit --columns MAP.yaml``: catalogs read through a column mapping (checker/inputs/mapping.py)."""
    from checker.inputs.mapping import audit_mapped, load_mapping

    if args.engine == "dask":
        raise UsageError("--columns is not available with --engine dask")
    return audit_mapped(paths, load_mapping(Path(args.columns)), _as_of(args.as_of), args.category)


def run_compare(args: argparse.Namespace) -> int:
    """``checker compare DIR``: one sub-folder per bidder, a bidders × clauses matrix (checker/compare.py)."""
    from checker.compare import compare, write

    fmt = args.format or _default_format()
    comparison = compare(Path(args.folder), _as_of(args.as_of), args.category)
    text = write(comparison, fmt, Path(args.out) if args.out else None, args.lang)
    if text is not None:
        assert sys.stdout is not None
        sys.stdout.write(text)
    for bid in comparison.bids:
        for error in bid.errors:
            say_error(f"checker: {bid.bidder}: {error}")
    if all(bid.product is None for bid in comparison.bids):
        return EXIT_UNUSABLE
    passed = all(bid.product is not None and bid.product.verdict == "pass" for bid in comparison.bids)
    return EXIT_PASS if passed else EXIT_FAIL


def run_clauses(args: argparse.Namespace) -> int:
    from checker.catalog.clauses import load_catalog

    catalog = load_catalog()
    clauses = catalog.for_category(args.category) if args.category else catalog.clauses
    if args.category and args.category not in catalog.categories:
        raise UsageError(f"unknown category {args.category!r}; one of {', '.join(catalog.categories)}")
    if (args.format or "text") == "json":
        sys.stdout.write(json.dumps([{**c.model_dump(mode="json", exclude_none=True),
                                      "scope": [condition.scope_text() for condition in c.applies_when]}
                                     for c in clauses],
                                    ensure_ascii=False, indent=2) + "\n")
        return EXIT_PASS
    from checker.outputs.text import clause_line, scope_words

    for clause in clauses:  # in --lang, or both languages without it
        print(terminal(clause_line(clause, args.lang)))
        for condition in clause.applies_when:
            scope = scope_words(condition, args.lang) if args.lang else f"scope: {condition.scope_text()}"
            print(f"{'':<32} {'':<24} {scope}")
    return EXIT_PASS


def run_template(args: argparse.Namespace) -> int:
    from checker.catalog.clauses import load_catalog

    catalog = load_catalog()
    if args.category not in catalog.categories:
        raise UsageError(f"unknown category {args.category!r}; one of {', '.join(catalog.categories)}")
    if args.mapping:
        from checker.inputs.mapping import skeleton

        sys.stdout.write(skeleton(args.category, catalog))
        return EXIT_PASS
    names = ["model", "manufacturer", "category"] + [
        n for n, s in catalog.fields.items() if args.category in s.categories and n not in
        ("model", "manufacturer", "category")]
    from checker.catalog.fields import contract_headers
    from checker.catalog.files import catalog_dir

    plain = set(contract_headers(catalog_dir()))
    headers = [f"{n} [{catalog.fields[n].unit}]" if catalog.fields[n].unit and n not in plain else n
               for n in names]
    print(",".join(headers))
    return EXIT_PASS


CORE_COMMANDS = ("check", "audit", "compare", "clauses", "template")


def _add_audit(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    """``checker audit``: its paths, formats, workers, time limit, engine and column mapping."""
    p_audit = sub.add_parser("audit", parents=[common], help="each record, PDF, catalog row is one product")
    p_audit.add_argument("paths", nargs="+")
    p_audit.add_argument("--format", choices=["text", "json", "ndjson", "xlsx", "html", "csv", "parquet"])
    p_audit.add_argument("--workers", type=int, default=1, help="PDFs read in parallel by N processes")
    p_audit.add_argument("--timeout", type=seconds, metavar="SECONDS",
                         help="time limit per document (default: GDC_DOCUMENT_SECONDS or catalogs/limits.yaml)")
    p_audit.add_argument("--engine", choices=["local", "dask"], default="local",
                         help="dask: evaluate on a Dask distributed cluster")
    p_audit.add_argument("--scheduler", metavar="ADDRESS",
                         help="Dask scheduler (tcp://host:8786); default: a local cluster for this run")
    p_audit.add_argument("--detail", action="store_true",
                         help="text, html, xlsx: every product in full (else the 500 / 2000 worst in html / xlsx)")
    p_audit.add_argument("--columns", metavar="MAP.yaml",
                         help="read catalogs through a column mapping (header -> field, unit; fixed values)")
    p_audit.set_defaults(func=run_audit)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole parser; for one of :data:`CORE_COMMANDS` the calc and dc sub-commands (whose
    modules import the calculators and the T/CA305 catalog) are left out."""
    parser = argparse.ArgumentParser(prog="checker", description="Check data-centre products against "
                                     "绿色数据中心政府采购需求标准（试行）, clause by clause, with evidence.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = parser.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--out", help="write the report to this file")
    common.add_argument("--as-of", help="date the limits are taken at (YYYY-MM-DD; default today)")
    common.add_argument("--lang", choices=["zh", "en"], default="en")
    common.add_argument("--category", help="product category, where documents do not say")
    p_check = sub.add_parser("check", parents=[common], help="all FILEs are evidence for ONE product")
    p_check.add_argument("files", nargs="+")
    p_check.add_argument("--format", choices=["text", "json", "xlsx", "html"])
    p_check.set_defaults(func=run_check)
    _add_audit(sub, common)
    p_compare = sub.add_parser("compare", parents=[common],
                               help="bids side by side: DIR holds one sub-folder per bidder (PDFs, records)")
    p_compare.add_argument("folder")
    p_compare.add_argument("--format", choices=["text", "json", "xlsx", "html"])
    p_compare.set_defaults(func=run_compare)
    p_clauses = sub.add_parser("clauses", help="list the clause catalog")
    p_clauses.add_argument("--category")
    p_clauses.add_argument("--format", choices=["text", "json"])
    p_clauses.add_argument("--lang", choices=["zh", "en"], help="titles and words in one language (default: both)")
    p_clauses.set_defaults(func=run_clauses)
    p_template = sub.add_parser("template", help="print the CSV header of a catalog for a category")
    p_template.add_argument("category")
    p_template.add_argument("--mapping", action="store_true", help="print a column-mapping skeleton (YAML) instead")
    p_template.set_defaults(func=run_template)
    if command not in CORE_COMMANDS:
        from checker.calc.cli import add_calc_parser

        add_calc_parser(sub)
        _add_dc(sub)
    return parser


def _command(argv: Sequence[str]) -> str | None:
    """The sub-command named in ``argv`` (the first word that is not an option), if any."""
    return next((word for word in argv if not word.startswith("-")), None)


def _add_dc(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    try:
        from checker.dc.cli import add_dc_parser
    except ImportError:
        return
    add_dc_parser(sub)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: one-line errors on stderr, exit codes 0/1/2, no traceback unless --debug."""
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_command(words))
    args = parser.parse_args(words)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING, format="%(levelname)s %(message)s")
    try:
        code: int = args.func(args)
        return code
    except UsageError as exc:
        say_error(f"checker: {note(str(exc), getattr(args, 'lang', 'en'))}")
        return EXIT_UNUSABLE
    except BrokenPipeError:  # the reader went away (| head): nothing more to say
        return EXIT_UNUSABLE
    except Exception as exc:
        if args.debug:
            raise
        first = str(exc).splitlines()[0] if str(exc) else ""
        say_error(f"checker: {type(exc).__name__}: {note(first, getattr(args, 'lang', 'en'))}")
        return EXIT_UNUSABLE


if __name__ == "__main__":
    sys.exit(main())
