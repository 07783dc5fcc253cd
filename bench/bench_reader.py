"""Benchmark of the document reader on unseen generated documents (bench/docgen).

``python bench/bench_reader.py --docs 500 --seed N`` draws N-seeded documents (spec sheets and lab
reports in zh/en, reportlab and Chromium-printed, some scanned), reads each with the real reader
and scores: field precision and recall, clause-verdict accuracy (the engine on the read facts vs on
the truth record, over clauses the truth passes or fails), false passes. Misses are listed by class.
Writes bench/out/bench_reader-SEED.json. Develop on seeds 1–50; report on a fresh seed.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from docgen import generate  # noqa: E402
from docgen.score import Score, score_document  # noqa: E402

log = logging.getLogger("bench_reader")


def main() -> None:
    """Generate, read, score, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", type=Path, default=None, help="where the documents go (default bench/out/docgen-SEED)")
    parser.add_argument("--reuse", action="store_true", help="read documents already generated in --dir")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
    out = args.dir or ROOT / "bench" / "out" / f"docgen-{args.seed}"
    t0 = time.perf_counter()
    if args.reuse and (out / "truth.json").exists():
        truths = json.loads((out / "truth.json").read_text(encoding="utf-8"))[: args.docs]
    else:
        truths = generate(out, args.docs, args.seed)
    t1 = time.perf_counter()
    score = Score()
    for truth in truths:
        score_document(out / truth["file"], truth, score)
    t2 = time.perf_counter()
    figures = score.figures() | {"seed": args.seed, "generate_s": round(t1 - t0, 1), "read_s": round(t2 - t1, 1)}
    result = figures | {
        "misses": [f"{n}× {c}/{f} [{t}]" for (c, f, t), n in score.misses.most_common()],
        "wrong": [f"{n}× {c}/{f} [{t}]" for (c, f, t), n in score.wrong.most_common()],
        "verdict_misses": [
            f"{n}× {c} truth {e} read {s} [{t}]" for (c, e, s, t), n in score.verdict_misses.most_common()
        ],
        "false_pass_list": score.false_pass_list,
    }
    (ROOT / "bench" / "out").mkdir(exist_ok=True)
    (ROOT / "bench" / "out" / f"bench_reader-{args.seed}.json").write_text(
        json.dumps(result, indent=1, ensure_ascii=False)
    )
    for key, value in figures.items():
        print(f"{key:18} {value:.4f}" if isinstance(value, float) else f"{key:18} {value}")
    for title in ("misses", "wrong", "verdict_misses", "false_pass_list"):
        print(f"-- {title}")
        for line in result[title][:25]:
            print("  ", line)


if __name__ == "__main__":
    main()
