"""Footnote markers in a row and the notes they point to."""

from __future__ import annotations

import pytest

from checker.inputs.documents.footnotes import Notes, page_notes, row_markers


@pytest.mark.parametrize(("text", "markers"), [
    ("Efficiency at 50% load: 96%*", {"*"}),
    ("Efficiency at 50% load**: 96%", {"**"}),
    ("Efficiency¹ at 50% load: 96%", {"1"}),
    ("Efficiency at 50% load: 96%²", {"2"}),
    ("Efficiency (230 V)³: 96 %", {"3"}),
    ("Noise: 6.1 B†", {"†"}),
    # not markers: a product, a power of ten, a unit's power, a bullet
    ("Fuel rate: 200 g/kW*h", set()),
    ("Lead: 1.2*10**3 mg/kg", set()),
    ("Lead: 1.2×10³ mg/kg", set()),
    ("Volume: 5.8 dm³", set()),
    ("Cr⁶⁺: ND", set()),
    ("* Efficiency at 50% load: 96%", set()),
    ("Efficiency at 50% load: 96%", set()),
])
def test_row_markers(text: str, markers: set[str]) -> None:
    assert row_markers(text) == markers


def test_page_notes_join_every_line_of_a_marker() -> None:
    page = "Efficiency: 96%*\n* Typical value\nNoise¹: 6 B\n¹ At 25 °C\n* not guaranteed\n1) Calculated\n注2：估算"
    assert page_notes(page) == {"*": "Typical value not guaranteed", "1": "At 25 °C Calculated", "2": "估算"}


def test_a_markers_note_is_on_its_page_first() -> None:
    notes = Notes(["* Engine based data", "Noise @1m: 79 dB(A)*\n*Estimated", "Weight*: 900 kg"])
    assert notes.of("Noise @1m: 79 dB(A)*", 2) == ["Estimated"]
    assert notes.of("Weight*: 900 kg", 3) == ["Engine based data"]  # none on its page: the first that has one
    assert notes.of("Weight: 900 kg", 3) == []
