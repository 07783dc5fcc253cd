"""Write the golden JSON report of every sample document (run from the repository root).

    python samples/make_golden.py            # rewrite samples/documents/golden/*.json
    python samples/make_golden.py --check    # exit 1 if any golden report differs

Golden reports are reviewed by a person when they change: a changed verdict is a behaviour change.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from datetime import date
from pathlib import Path

from checker.pipeline import check

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = Path("samples/documents")
GOLDEN = DOCUMENTS / "golden"
AS_OF = date(2026, 11, 20)
log = logging.getLogger("golden")


def golden_report(name: str) -> dict[str, object]:
    """The JSON report of one sample document, as `checker check DOC --format json` gives it."""
    report = check([DOCUMENTS / name], AS_OF).report()
    return json.loads(report.model_dump_json())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    truth = json.loads((ROOT / DOCUMENTS / "truth.json").read_text(encoding="utf-8"))
    (ROOT / GOLDEN).mkdir(exist_ok=True)
    changed = []
    for name in sorted(truth):
        path = ROOT / GOLDEN / (Path(name).stem + ".json")
        text = json.dumps(golden_report(name), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            changed.append(name)
            if not args.check:
                path.write_text(text, encoding="utf-8")
    log.info("%d of %d golden reports %s", len(changed), len(truth), "differ" if args.check else "rewritten")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
