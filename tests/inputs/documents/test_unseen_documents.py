"""The reader on a few unseen generated documents (bench/docgen): no false pass, a recall floor.

The full measure is ``python bench/bench_reader.py --docs 500 --seed N``; this reads 8 documents of
a fixed seed. The floor is the recall measured when the generator was written (0.44 on seed 1's
first 8 documents), so a reader change that loses fields fails here.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "bench"))

from docgen import generate  # noqa: E402
from docgen.score import Score, score_document  # noqa: E402

pytestmark = pytest.mark.slow

_SEED = 1
_DOCS = 8
_RECALL_FLOOR = 0.42


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> Score:
    """Generate and score the documents once."""
    out = tmp_path_factory.mktemp("unseen")
    score = Score()
    for truth in generate(out, _DOCS, _SEED):
        score_document(out / truth["file"], truth, score)
    return score


def test_no_false_pass(scored: Score) -> None:
    assert scored.false_passes == 0, scored.false_pass_list


def test_recall_floor(scored: Score) -> None:
    assert scored.figures()["field_recall"] >= _RECALL_FLOOR, scored.misses


def test_truth_has_informative_verdicts(scored: Score) -> None:
    """The generator draws values on both sides of limits: the truth passes and fails clauses."""
    assert scored.clauses >= _DOCS
