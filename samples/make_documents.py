"""Generate the sample vendor documents (PDFs) and their ground truth, ``truth.json``.

The corpus covers every product category of 《绿色数据中心政府采购需求标准（试行）》 in several
layouts and both languages:

* ``datasheet_en`` - an English vendor datasheet: title with the model, prose, a two-column
  "Specifications" table;
* ``report_zh`` - a Chinese third-party 检验报告 (CNAS/CMA style): cover page, boilerplate pages that
  hold no relevant values, result tables (序号 | 检验项目 | 技术要求 | 检验结果 | 单项判定), PSU loads as
  rows, the 15-row PAH table, RoHS and battery tables, the Appendix H noise table;
* ``columns_en`` / ``columns_zh`` - load points as COLUMNS (a 10 % column is always present and must
  not be read as 20 %), the rest as ``key: value`` lines;
* ``kv_en`` / ``kv_zh`` - ``key: value`` lines only;
* ``prose_en`` / ``prose_zh`` - values inside sentences ("50%负载时电源效率为94.5%").

Some documents are "scanned": every page is rendered to a grey image with pypdfium2 and written
back as an image-only PDF (no text layer). One report is 20 pages long, for speed tests.

Everything is deterministic: each document draws from its own ``random.Random`` seeded with the
corpus seed and its file name, and reportlab runs with ``invariant=1``, so rerunning the script
rewrites byte-identical PDFs and the same ``truth.json``.

Run: ``python samples/make_documents.py [--out DIR]`` (default ``samples/documents``). The corpus plan is
``samples/documents_plan.yaml``; the generator is the package ``samples/documents_gen``.

The limits behind each value's ``expect`` are written by hand from the standard's text, apart from
``catalogs/`` (``documents_gen/judge.py``).

A product's ``expected_verdict`` is ``fail`` if any value printed in the document violates a limit,
else ``incomplete``: no single document covers every clause (certificates for 6.1.1-6.1.3 etc.).
"""

from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path

from documents_gen.render import generate

LOG = logging.getLogger("make_documents")

DEFAULT_OUT = Path(__file__).resolve().parent / "documents"

__all__ = ["generate", "main"]


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default samples/documents)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO, format="%(message)s")
    t0 = time.perf_counter()
    truth = generate(args.out)
    size = sum((args.out / n).stat().st_size for n in truth)
    LOG.info(
        "wrote %d PDFs (%.1f MB) and truth.json to %s in %.1f s",
        len(truth),
        size / 1e6,
        args.out,
        time.perf_counter() - t0,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
