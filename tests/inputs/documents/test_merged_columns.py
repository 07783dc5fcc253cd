"""Tables printed with narrow gaps between columns (HTML tables printed by a browser, tight grids): the line
reader merges a header's cells ("Input power (W) Output power (W) Efficiency (%)") and a long label with the
next column's value ("Hexavalent chromium (Cr(VI)) 1000"); the rows around show where the columns start
(:mod:`checker.inputs.documents.columns`). And a second small table under a report's result table ("Position (1 m) |
Sound pressure dB(A)") has columns of its own: the report's header no longer applies (issue #13 classes a, b)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas

from checker.inputs.documents.columns import attach_wrapped_fragments, merge_wrapped_lines, split_merged_cells
from checker.inputs.documents.text import Cell, Glyph, Row
from checker.models import Fact
from checker.pipeline import check

from .conftest import facts_of

_FONT = "STSong-Light"  # registered by conftest
_SIZE = 10


def tight_pdf(path: Path, tables: Sequence[Sequence[Sequence[str]]], gap: float = 6.0) -> Path:
    """Each table's columns left-aligned, ``gap`` points between a column's widest text and the next column
    (narrower than the text height, so the line reader alone would merge neighbouring cells)."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont(_FONT, _SIZE)
    y = 800.0
    for table in tables:
        widths = [max(pdfmetrics.stringWidth(row[i], _FONT, _SIZE) for row in table if i < len(row))
                  for i in range(max(len(row) for row in table))]
        for row in table:
            x = 50.0
            for i, text in enumerate(row):
                c.drawString(x, y, text)
                x += widths[i] + gap
            y -= _SIZE * 1.8
        y -= _SIZE * 2
    c.showPage()
    c.save()
    return path



def values(facts: dict[str, list[Fact]], field: str) -> list[tuple[object, str]]:
    return [(f.value, f.qualifier) for f in facts.get(field, [])]


_LOADS = [["Load", "Input power (W)", "Output power (W)", "Efficiency (%)", "Power factor"],
          ["20%", "182.2", "160.0", "87.8", "0.971"],
          ["50%", "442.5", "400.0", "90.4", "0.949"],
          ["100%", "898.9", "800.0", "89.0", "0.950"]]


def test_merged_header_of_a_load_table_is_split(tmp_path: Path) -> None:
    facts = facts_of(tight_pdf(tmp_path / "a.pdf", [_LOADS]), "server")
    assert values(facts, "psu_efficiency_50") == [(90.4, "")]
    assert values(facts, "psu_power_factor_100") == [(0.95, "")]
    assert values(facts, "psu_efficiency_20") == [(87.8, "")]


def test_wide_gaps_read_the_same(tmp_path: Path) -> None:
    facts = facts_of(tight_pdf(tmp_path / "a.pdf", [_LOADS], gap=30.0), "server")
    assert values(facts, "psu_efficiency_50") == [(90.4, "")]


_ROHS = ["Substance", "Limit (mg/kg)", "MDL (mg/kg)", "Result (mg/kg)", "Conclusion"]


def test_limit_merged_into_a_long_label_is_not_the_result(tmp_path: Path) -> None:
    table = [_ROHS, ["Lead (Pb)", "1000", "8", "ND", "Pass"],
             ["Hexavalent chromium (Cr(VI))", "1000", "2", "1100", "Fail"]]
    facts = facts_of(tight_pdf(tmp_path / "a.pdf", [table]), "server")
    assert values(facts, "cr6") == [(1100.0, "")]
    assert values(facts, "pb") == [(8.0, "lt")]  # not detected: below the MDL column's 8


def test_limit_merged_into_a_label_without_a_result_gives_no_value(tmp_path: Path) -> None:
    table = [_ROHS, ["Lead (Pb)", "1000", "8", "ND", "Pass"], ["Mercury (Hg)", "1000", "2", "ND", "Pass"],
             ["Hexavalent chromium (Cr(VI))", "1000", "2", "/", "/"]]
    facts = facts_of(tight_pdf(tmp_path / "a.pdf", [table]), "server")
    assert all(f.value != 1000.0 for f in facts.get("cr6", []))  # the limit (1000 ≤ 1000) would pass


_REPORT = ["No.", "Test item", "Requirement", "Result", "Verdict"]


def test_second_table_under_a_report_header_has_its_own_columns(tmp_path: Path) -> None:
    report = [_REPORT, ["1", "Rated power", "/", "200.0 kW", "—"], ["2", "Rating", "/", "Standby", "/"]]
    noise = [["Position (1 m)", "Sound pressure dB(A)"], ["Front", "100.7"], ["Rear", "97.7"],
             ["Left", "98.3"], ["Right", "98.7"]]
    facts = facts_of(tight_pdf(tmp_path / "a.pdf", [report, noise]), "generator")
    assert values(facts, "noise_front") == [(100.7, "")]
    assert values(facts, "noise_right") == [(98.7, "")]
    assert values(facts, "rated_power") == [(200.0, "")]


def test_second_table_starting_its_own_columns(tmp_path: Path) -> None:
    """The second table's titles lie each within one column of the report's header ("声压级 dB(A)" between the
    requirement and the result columns), but start where the rows below start theirs, not where the header's do."""
    lines = [(50, 20, "序号", 10), (100, 20, "检验项目", 10), (200, 20, "标准要求", 10), (290, 20, "检验结果", 10),
             (380, 20, "单项结论", 10), (50, 40, "1", 10), (100, 40, "额定功率", 10), (200, 40, "/", 10),
             (290, 40, "400kW", 10), (380, 40, "/", 10), (50, 70, "测点位置", 10), (240, 70, "声压级 dB(A)", 10)]
    lines += [(x, 90 + 20 * i, text, 10) for i, (where, level) in enumerate(
        [("正前方", "99.9"), ("正后方", "100.9"), ("左侧", "101.8"), ("右侧", "102.1")])
        for x, text in ((50, where), (240, level))]
    facts = facts_of(wrapped_pdf(tmp_path / "a.pdf", lines), "generator")
    assert values(facts, "noise_front") == [(99.9, "")]
    assert values(facts, "noise_right") == [(102.1, "")]


def test_a_row_of_words_off_the_columns_keeps_the_header(tmp_path: Path) -> None:
    """A row of words in the report whose cells start off the header's columns, with no rows below starting
    there: still the report's table, so its requirement column stays the limit (94 passes, the result 92 fails)."""
    lines = [(50, 20, "No.", 10), (100, 20, "Test item", 10), (200, 20, "Requirement", 10), (290, 20, "Result", 10),
             (380, 20, "Verdict", 10), (50, 40, "PSU", 10), (240, 40, "single-output", 10),
             (50, 60, "2", 10), (100, 60, "Efficiency at 50% load", 10), (200, 60, "94 %", 10), (290, 60, "92 %", 10),
             (380, 60, "Fail", 10), (50, 80, "3", 10), (100, 80, "Power factor at 50% load", 10), (200, 80, "0.9", 10),
             (290, 80, "0.95", 10), (380, 80, "Pass", 10)]
    facts = facts_of(wrapped_pdf(tmp_path / "a.pdf", lines), "server")
    assert values(facts, "psu_efficiency_50") == [(92.0, "")]


def test_a_row_of_words_inside_the_report_keeps_its_header(tmp_path: Path) -> None:
    """An enum row without numbers lies under the report's columns: the requirement column below it is
    still the document's limit, never the value (94 would pass, the result 92 fails)."""
    report = [_REPORT, ["1", "PSU output", "/", "single-output", "/"],
              ["2", "Efficiency at 50% load", "94 %", "92 %", "Fail"]]
    facts = facts_of(tight_pdf(tmp_path / "a.pdf", [report]), "server")
    assert values(facts, "psu_efficiency_50") == [(92.0, "")]


def _line(words: Sequence[tuple[str, float, float]], top: float) -> Row:
    glyphs = [Glyph(text, x0, x1, top, top + 10.0) for text, x0, x1 in words]
    return Row([Cell(" ".join(g.text for g in glyphs), glyphs[0].x0, glyphs[-1].x1, glyphs=glyphs)], 1,
               top=top, height=10.0)


def _table() -> list[Row]:
    return [Row([Cell("20%", 50, 68), Cell("87.8", 120, 144)], 1, top=100.0 + 18 * i) for i in range(3)]


def test_prose_with_word_spaces_is_not_split() -> None:
    """A sentence next to a table keeps its one cell where a word starts at a column edge: the space
    before it is a word space (2.5 pt at 10 pt text), not a gap between columns."""
    prose = _line([("The", 50, 68), ("unit", 70.5, 90), ("only", 92.5, 117.5), ("draws", 120, 150)], 160.0)
    split_merged_cells([*_table(), prose])
    assert len(prose.cells) == 1


@pytest.mark.parametrize(("gap", "cells"), [(6.0, 2), (2.0, 1)])
def test_split_needs_a_column_gap(gap: float, cells: int) -> None:
    merged = _line([("Load", 50, 120 - gap), ("Efficiency", 120, 170)], 80.0)
    split_merged_cells([merged, *_table()])
    assert len(merged.cells) == cells


def test_split_needs_two_rows_starting_the_column() -> None:
    merged = _line([("Load", 50, 110), ("Efficiency", 120, 170)], 80.0)
    split_merged_cells([merged, _table()[0]])
    assert len(merged.cells) == 1


@pytest.mark.parametrize(("words", "cells"), [
    ([("Throughput:", 50, 90), ("18", 94, 104), ("Gbps", 120, 142)], ["Throughput: 18 Gbps"]),
    ([("Size:", 50, 70), ("430", 74, 90), ("x", 93, 100), ("44", 120, 130), ("mm", 133, 147)], ["Size: 430 x 44 mm"]),
    ([("Power:", 50, 90), ("220", 94, 108), ("Load", 120, 140)], ["Power: 220", "Load"]),  # a word, no unit
])
def test_a_number_keeps_its_unit_at_a_column_edge(words: list[tuple[str, float, float]], cells: list[str]) -> None:
    """A font that sets its spaces wide puts a number's unit (or a size's next factor) where another row's column
    starts: they stay one cell (red-team round 7, F10: "18 | Gbps" and "220 | W" were cut apart and neither the
    throughput nor the power was read)."""
    line = _line(words, 80.0)
    split_merged_cells([line, *_table()])
    assert [cell.text for cell in line.cells] == cells


def wrapped_pdf(path: Path, lines: Sequence[tuple[float, float, str, float]]) -> Path:
    """Text drawn at (x, y from the top, text, font size): a table row whose cells wrap over lines."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for x, y, text, size in lines:
        c.setFont(_FONT, size)
        c.drawString(x, 800.0 - y, text)
    c.showPage()
    c.save()
    return path


def _wrapped_header(y: float) -> list[tuple[float, float, str, float]]:
    """A load table's header whose "Output power (W)" wraps over two lines, the other cells centred on it."""
    return [(50, y, "Load", 10), (100, y, "Input power (W)", 10), (200, y - 6, "Output power", 10),
            (200, y + 6, "(W)", 10), (290, y, "Efficiency (%)", 10), (380, y, "Power factor", 10)]


def test_header_cell_wrapped_over_two_lines(tmp_path: Path) -> None:
    rows = [(50, 40 + 18 * i, load, 10) for i, load in enumerate(["20%", "50%", "100%"])]
    rows += [(x, 40 + 18 * i, text, 10) for i, cells in enumerate([("182.2", "160.0", "87.8", "0.971"),
                                                                     ("442.5", "400.0", "90.4", "0.949"),
                                                                     ("898.9", "800.0", "89.0", "0.950")])
             for x, text in zip((100, 200, 290, 380), cells, strict=True)]
    facts = facts_of(wrapped_pdf(tmp_path / "a.pdf", _wrapped_header(15) + rows), "server")
    assert values(facts, "psu_power_factor_50") == [(0.949, "")]  # "(W)" alone no longer gives the row a unit
    assert values(facts, "psu_efficiency_100") == [(89.0, "")]


def test_label_wrapped_around_its_value(tmp_path: Path) -> None:
    lines = [(50, 20, "Item", 10), (250, 20, "Result", 10),
             (50, 40, "Power factor at", 10), (50, 52, "50% load", 10), (250, 46, "0.949", 10),
             (50, 72, "Efficiency at 50% load", 10), (250, 72, "92.1 %", 10)]
    facts = facts_of(wrapped_pdf(tmp_path / "a.pdf", lines), "server")
    assert values(facts, "psu_power_factor_50") == [(0.949, "")]
    assert values(facts, "psu_efficiency_50") == [(92.1, "")]


def test_two_figures_stacked_in_one_cell_give_no_value(tmp_path: Path) -> None:
    """A cell holding two figures on two lines beside a centred label (two models, or typical and maximum):
    neither figure is the value; 96 % would pass where 91 % fails."""
    lines = [(50, 20, "Item", 10), (250, 20, "Result", 10),
             (50, 46, "Efficiency at 50% load", 10), (250, 40, "96 %", 10), (250, 52, "91 %", 10)]
    path = wrapped_pdf(tmp_path / "a.pdf", lines)
    report = check([path], date(2026, 1, 1), category="server").report()
    status = next(c.status for p in report.products for c in p.clauses if c.id == "6.2.1/psu-eff-50")
    assert status == "manual_review"


def test_a_subscript_is_not_a_wrapped_line(tmp_path: Path) -> None:
    """"H₂O" with the 2 printed small and low: not a line of the row, not a number of its label."""
    lines = [(50, 20, "Item", 10), (250, 20, "Result", 10),
             (50, 40, "Efficiency at 50% load (H O)", 10), (205, 44, "2", 6), (250, 40, "92.1 %", 10)]
    facts = facts_of(wrapped_pdf(tmp_path / "a.pdf", lines), "server")
    assert values(facts, "psu_efficiency_50") == [(92.1, "")]


@pytest.mark.parametrize("leading", [11.0, 14.0])
def test_lines_of_text_are_not_one_row(tmp_path: Path, leading: float) -> None:
    """Lines set solid (leading 1.1 × the size) stay lines: each value keeps its own label."""
    lines = [(50, 20, "Efficiency at 50% load: 92.1 %", 10), (50, 20 + leading, "Efficiency at 100% load: 96.0 %", 10)]
    facts = facts_of(wrapped_pdf(tmp_path / "a.pdf", lines), "server")
    assert values(facts, "psu_efficiency_50") == [(92.1, "")]
    assert values(facts, "psu_efficiency_100") == [(96.0, "")]


def _rohs_rows(label_lines: Sequence[str], result: str, below: Sequence[tuple[float, str]] = ()) -> list:
    """A RoHS table at 20 pt a row whose last label wraps over ``label_lines`` (13 pt apart, the row's other
    cells centred on the middle line), then ``below`` (x, text) lines 11 pt under the table."""
    lines = [(50, 20, "Substance", 10), (170, 20, "Limit (mg/kg)", 10), (260, 20, "Result (mg/kg)", 10),
             (350, 20, "Conclusion", 10)]
    for i, (name, limit, value, verdict) in enumerate([("Lead (Pb)", "1000", "770", "Pass"),
                                                       ("Cadmium (Cd)", "100", "ND", "Pass")]):
        lines += [(x, 40 + 20 * i, text, 10) for x, text in zip((50, 170, 260, 350), (name, limit, value, verdict),
                                                                  strict=True)]
    middle = 80 + 13 * (len(label_lines) // 2)
    lines += [(50, 80 + 13 * i, text, 10) for i, text in enumerate(label_lines)]
    lines += [(170, middle, "1000", 10), (260, middle, result, 10), (350, middle, "Pass", 10)]
    last = 80 + 13 * (len(label_lines) - 1)
    lines += [(x, last + 11, text, 10) for x, text in below]
    return lines


def test_label_wrapped_over_three_lines(tmp_path: Path) -> None:
    path = wrapped_pdf(tmp_path / "a.pdf", _rohs_rows(["Hexavalent", "chromium", "(Cr(VI))"], "58.9"))
    assert values(facts_of(path, "server"), "cr6") == [(58.9, "")]


@pytest.mark.parametrize(("text", "attached"), [("(Cr(VI))", True), ("Note 1", False)])
def test_only_a_line_of_words_joins_the_cell_above(text: str, attached: bool) -> None:
    """A line under the last row's label joins it when it is words; "Note 1" would put the number 1 in that label."""
    rows = [Row([Cell(name, 50, 100), Cell("1000", 170, 190), Cell("ND", 260, 275)], 1, top=40.0 + 20 * i)
            for i, name in enumerate(["Lead (Pb)", "Cadmium (Cd)", "Mercury (Hg)"])]
    line = Row([Cell(text, 50, 90)], 1, top=91.0)
    out = attach_wrapped_fragments([*rows, line])
    assert (line not in out) is attached
    assert rows[-1].cells[0].text == ("Mercury (Hg) (Cr(VI))" if attached else "Mercury (Hg)")


def test_prose_under_a_table_stays_prose(tmp_path: Path) -> None:
    path = wrapped_pdf(tmp_path / "a.pdf", _rohs_rows(
        ["Mercury (Hg)"], "ND", below=[(50, "Values below the detection limit are reported as not detected, ND.")]))
    assert values(facts_of(path, "server"), "hg") == [(None, "nd")]


def _ocr_row(cells: Sequence[tuple[str, float, float]], top: float) -> Row:
    return Row([Cell(text, x0, x1) for text, x0, x1 in cells], 2, ocr=True, top=top, height=40.0)


@pytest.mark.parametrize("shift", [10.0, 0.0])
def test_second_table_on_a_scan(shift: float) -> None:
    """The same on a page read by OCR (pixels; a scan's columns start a few pixels apart from row to row)."""
    from checker.inputs.documents.extract import Extractor
    from checker.inputs.documents.vocabulary import load_vocabulary

    rows = [_ocr_row([("序号", 249, 293), ("检验项目", 483, 589), ("标准要求", 760, 859), ("检验结果", 998, 1095),
                      ("单项结论", 1234, 1330)], 153),
            _ocr_row([("1", 236, 258), ("额定功率", 476, 588), ("/", 749, 769), ("60kW", 988, 1050)], 213),
            _ocr_row([("测点位置", 245, 343), ("声压级dB(A)", 856, 1008)], 451),
            _ocr_row([("正前方", 246, 316), ("92.4", 856 - shift, 906 - shift)], 508),
            _ocr_row([("正后方", 238, 318), ("91.10", 858 - shift, 920 - shift)], 561),
            _ocr_row([("左侧", 235, 294), ("92.10", 855 - shift, 913 - shift)], 614)]
    cands = Extractor(load_vocabulary(), "scan.pdf", "generator").block(rows)
    assert [(c.fact.value, c.fact.qualifier) for c in cands if c.field == "noise_front"] == [(92.4, "")]


@pytest.mark.parametrize(("load_end", "cells"), [(99.0, 2), (119.0, 1)])
def test_a_wide_gap_holding_a_column_edge_splits(load_end: float, cells: int) -> None:
    """A scan's title may start a few pixels off its column's edge (126 for 120): a gap as wide as the text
    is high with the edge in it splits; a narrower gap splits only where a word starts at the edge."""
    merged = _line([("Load", 50, load_end), ("Efficiency", 126, 170)], 80.0)
    split_merged_cells([merged, *_table()])
    assert len(merged.cells) == cells


def test_a_scans_header_splits_at_its_columns() -> None:
    """RapidOCR's word boxes are taller than the text: the gap before "Efficiency" is 0.39 of the box height."""
    words = [("Output", 542, 661), ("power", 674, 775), ("(W)", 780, 856), ("Efficiency", 877, 1048),
             ("(%)", 1055, 1119)]
    glyphs = [Glyph(t, a, b, 309, 363, space_before=True) for t, a, b in words]
    header = Row([Cell("Output power (W) Efficiency (%)", 542, 1119, glyphs=glyphs)], 1, ocr=True, top=309,
                 height=54.0)
    rows = [Row([Cell("400.0", 537, 620), Cell("93.1", 876, 945)], 1, ocr=True, top=374.0 + 60 * i, height=51.0)
            for i in range(3)]
    split_merged_cells([header, *rows])
    assert [c.text for c in header.cells] == ["Output power (W)", "Efficiency (%)"]


def _ocr_header(words: Sequence[tuple[str, float, float]], top: float = 309.0, height: float = 63.0) -> Row:
    glyphs = [Glyph(t, a, b, top, top + height, space_before=True) for t, a, b in words]
    return Row([Cell(" ".join(t for t, _, _ in words), glyphs[0].x0, glyphs[-1].x1, glyphs=glyphs)], 1, ocr=True,
               top=top, height=height)


def _ocr_values(top: float = 380.0) -> list[Row]:
    return [Row([Cell("88.8", 889, 967), Cell("0.894", 1158, 1251)], 1, ocr=True, top=top + 60 * i, height=63.0)
            for i in range(3)]


@pytest.mark.parametrize(("power_x0", "cells"), [(1165.0, 2), (1152.0, 1)])
def test_a_scans_header_with_a_narrow_gap_splits_at_its_columns(power_x0: float, cells: int) -> None:
    """Seed 919191: "Efficiency (%)" and "Power factor" 21 px apart under boxes 63 px high (0.33 of the box): a
    column's edge on a scan; 8 px apart (0.13, a word space) they stay one cell."""
    header = _ocr_header([("Efficiency", 895, 1060), ("(%)", 1071, 1144), ("Power", power_x0, power_x0 + 104),
                          ("factor", power_x0 + 115, power_x0 + 220)])
    split_merged_cells([header, *_ocr_values()])
    assert len(header.cells) == cells


def test_a_wrapped_header_line_across_its_columns_is_split() -> None:
    """Seed 919191: the header's second line "(mg/kg) (mg/kg) (mg/kg)" read by OCR as one line under "Limit | MDL
    | Result": each unit joins the title it lies under, and the columns keep their order."""
    top = Row([Cell("Substance", 114, 298), Cell("Limit", 614, 717), Cell("MDL", 883, 966),
               Cell("Result", 1127, 1244)], 1, ocr=True, top=588.0, height=68.0)
    units = _ocr_header([("(mg/kg)", 604, 768), ("(mg/kg)", 867, 1022), ("(mg/kg)", 1116, 1277)], top=620.0,
                        height=72.0)
    units.cells.append(Cell("Conclusion", 1403, 1600))
    [joined] = merge_wrapped_lines([top, units])
    assert [c.text for c in joined.cells] == ["Substance", "Limit (mg/kg)", "MDL (mg/kg)", "Result (mg/kg)",
                                              "Conclusion"]


def test_words_under_one_column_are_not_split() -> None:
    """A second line whose words all lie under one title stays one cell ("(mg/kg) dry" under "Result")."""
    top = Row([Cell("Limit", 614, 717), Cell("Result", 1127, 1244)], 1, ocr=True, top=588.0, height=68.0)
    units = _ocr_header([("(mg/kg)", 1110, 1230), ("dry", 1240, 1300)], top=620.0, height=72.0)
    [joined] = merge_wrapped_lines([top, units])
    assert [c.text for c in joined.cells] == ["Limit", "Result (mg/kg) dry"]
