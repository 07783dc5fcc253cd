"""The inflated-size measure of PDF streams (decompression bombs refused before pdfium parses a page)."""

from __future__ import annotations

import sys
import zlib
from pathlib import Path

import pytest

from checker.inputs.pdfstreams import InflateBudgetExceeded, inflated_size

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "adversarial"))
from make_corpus import flate_pdf

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "documents"


def test_counts_one_and_two_layers() -> None:
    assert inflated_size(flate_pdf(3 << 20), 10 << 20) == 3 << 20
    two = inflated_size(flate_pdf(3 << 20, layers=2), 10 << 20)
    assert two > 3 << 20  # both layers are counted


@pytest.mark.parametrize("layers", [1, 2])
def test_stops_at_the_budget(layers: int) -> None:
    with pytest.raises(InflateBudgetExceeded):
        inflated_size(flate_pdf(8 << 20, layers=layers), 4 << 20)


def test_other_filters_and_damage_are_skipped() -> None:
    damaged = b"1 0 obj << /Filter /FlateDecode >>\nstream\n" + zlib.compress(bytes(1000))[:20] + b"\nendstream"
    assert inflated_size(damaged, 1 << 20) <= 1000
    dct = b"1 0 obj << /Filter /DCTDecode >>\nstream\n" + bytes(5000) + b"\nendstream"
    assert inflated_size(dct, 1 << 20) == 0


def test_sample_documents_are_far_below_the_default() -> None:
    for path in SAMPLES.glob("*.pdf"):
        assert inflated_size(path.read_bytes(), 500 << 20) < 50 << 20
