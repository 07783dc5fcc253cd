"""Benchmark of the input guards (issues 14 and 17); not a timed test.

1. ``checker check`` on a real 4-page text PDF (a RoHS declaration, by relative path from
   ``../shared/realdata``) as a whole process, against the bare alternative in the same run: pypdfium2
   opening the file and extracting the text of every page. The package is byte-compiled first, as an
   installed package is (under ``PYTHONDONTWRITEBYTECODE`` every run would compile each module again).
2. The JSON nesting guard on hostile strings (80 KB and 160 KB of escaped quotes, an unterminated
   string, deep brackets) against ``json.loads`` of the same text: the guard must grow linearly.

    python bench/bench_guard.py [--runs 3] [--root PATH]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CHECKOUT = [ROOT]  # the checkout whose checker runs (--root)

from checker.inputs.guard import json_depth  # noqa: E402

PDF = ROOT.parent / "shared" / "realdata" / "rohs" / "declarations" / "TI_RoHS_statement_szzq088p.pdf"
BARE_PDF = ("import sys, pypdfium2 as p\n"
            "d = p.PdfDocument(sys.argv[1])\n"
            "[d[i].get_textpage().get_text_range() for i in range(len(d))]\n")


def _wall(command: list[str]) -> float:
    return _timed(command)[0]


def _timed(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, the child's) of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=False, capture_output=True, cwd=CHECKOUT[0],
                   env={**os.environ, "PYTHONPATH": str(CHECKOUT[0])})
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def bench_pdf(runs: int) -> None:
    if not PDF.exists():
        print(f"skipped: {PDF} not found")
        return
    checker = [sys.executable, "-m", "checker", "check", str(PDF), "--category", "server", "--format", "json"]
    bare = [sys.executable, "-c", BARE_PDF, str(PDF)]
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(CHECKOUT[0] / "checker")], check=True)
    _wall(checker), _wall(bare)  # warm the file cache once
    ours, theirs = [], []
    for _ in range(runs):  # alternated, so a busy moment hits both
        ours.append(_timed(checker))
        theirs.append(_timed(bare))
    a, b = statistics.median(w for w, _ in ours), statistics.median(w for w, _ in theirs)
    cpu = statistics.median(c for _, c in ours)
    print(f"checker check, 4-page text PDF: {a:.2f} s ({cpu:.2f} s CPU; target < 1.5 s)   bare pypdfium2 text of "
          f"every page: {b:.2f} s   ratio {a / b:.1f}x (median of {runs}, whole processes, load "
          f"{os.getloadavg()[0]:.1f})")


def bench_json(runs: int) -> None:
    cases = {
        "80 KB of \\\" in a string": '"' + '\\"' * 40_000 + '"',
        "160 KB of \\\" in a string": '"' + '\\"' * 80_000 + '"',
        "160 KB unterminated string": '"' + '\\"' * 80_000,
        "160 KB of quotes": '["' + '","' * 53_000 + '"]',
        "depth 500": "[" * 500 + "]" * 500,
    }
    for name, text in cases.items():
        guard, parse = [], []
        for _ in range(runs):
            start = time.perf_counter()
            json_depth(text)
            guard.append(time.perf_counter() - start)
            start = time.perf_counter()
            with contextlib.suppress(ValueError, RecursionError):
                json.loads(text)
            parse.append(time.perf_counter() - start)
        a, b = statistics.median(guard), statistics.median(parse)
        ratio = a / max(b, 1e-9)
        print(f"JSON guard, {name:<28} {a * 1000:8.2f} ms   json.loads {b * 1000:8.2f} ms   ratio {ratio:.1f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to run (main: figures before)")
    args = parser.parse_args()
    CHECKOUT[0] = args.root.resolve()
    bench_pdf(args.runs)
    bench_json(args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
