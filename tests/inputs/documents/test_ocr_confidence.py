"""An OCR'd value is as doubtful as the words it was read from, not as the least sure word of its line: a "/"
read as "1" at 52 % in the requirement column, or a blurred "at", does not put a figure read at 99 % to manual
review; a figure (or its unit) read unsure does (issue #13: scanned reports' values went to manual review)."""

from __future__ import annotations

from collections.abc import Sequence

from checker.inputs.documents.confidence import ocr_doubt
from checker.inputs.documents.extract import Extractor
from checker.inputs.documents.text import Cell, Glyph, Row
from checker.inputs.documents.vocabulary import load_vocabulary
from checker.models import Fact


def _cell(words: Sequence[tuple[str, float]], x0: float) -> Cell:
    glyphs, x = [], x0
    for text, confidence in words:
        glyphs.append(Glyph(text, x, x + 6 * len(text), 0, 10, confidence=confidence))
        x += 6 * len(text) + 3
    return Cell(" ".join(t for t, _ in words), x0, x - 3, min(c for _, c in words), glyphs)


def _row(*cells: Cell) -> Row:
    return Row(list(cells), 1, ocr=True, top=100.0, height=10.0)


def _facts(rows: list[Row], category: str) -> dict[str, list[Fact]]:
    out: dict[str, list[Fact]] = {}
    for cand in Extractor(load_vocabulary(), "scan.pdf", category).block(rows):
        out.setdefault(cand.field, []).append(cand.fact)
    return out


def test_an_unsure_word_elsewhere_in_the_line_leaves_the_value_sure() -> None:
    line = _row(_cell([("Power", 99), ("at", 52), ("0%", 99), ("load", 99), ("is", 99), ("635.3", 99), ("W.", 99),
                       ("Maximum", 99), ("throughput", 99), ("is", 99), ("760Gbps.", 99)], 50))
    facts = _facts([line], "switch")
    assert [(f.value, f.note) for f in facts["max_throughput"]] == [(760.0, "")]


def test_an_unsure_figure_is_doubtful() -> None:
    line = _row(_cell([("Maximum", 99), ("throughput", 99), ("is", 99), ("760Gbps.", 61)], 50))
    facts = _facts([line], "switch")
    assert facts["max_throughput"][0].note.startswith("doubtful OCR reading (confidence 61 %")


def test_an_unsure_unit_is_doubtful() -> None:
    line = _row(_cell([("最小透光率为78.1", 99), ("%", 60), ("。", 99)], 50))
    facts = _facts([line], "cable")
    assert facts["smoke_transmittance"][0].note.startswith("doubtful OCR reading (confidence 60 %")


def test_a_slash_read_as_one_does_not_make_the_answer_doubtful() -> None:
    header = _row(_cell([("No.", 99)], 40), _cell([("Test", 99), ("item", 99)], 80), _cell([("Requirement", 99)], 200),
                  _cell([("Result", 99)], 300), _cell([("Verdict", 99)], 500))
    header.top = 80.0
    row = _row(_cell([("4", 99)], 40), _cell([("Installation", 99)], 80), _cell([("1", 59)], 200),
               _cell([("laid", 99), ("in", 99), ("concealed", 99), ("ventilated", 99), ("spaces", 99)], 300),
               _cell([("1", 89)], 500))
    facts = _facts([header, row], "cable")
    assert [(f.value, f.note) for f in facts["concealed_ventilated_space"]] == [(True, "")]


def test_words_that_cannot_be_placed_count_as_their_cell() -> None:
    """A cell whose folded text is not as long as the printed one ("㎎" folds to "mg"): the cell's lowest score."""
    cell = _cell([("Cd", 99), ("3㎎/kg", 99), ("note", 40)], 50)
    row = _row(cell)
    assert ocr_doubt(row, [(3, 7)]).startswith("doubtful OCR reading (confidence 40 %")
    plain = _row(_cell([("Cd", 99), ("3", 99), ("note", 40)], 50))
    assert ocr_doubt(plain, [(3, 4)]) == ""
