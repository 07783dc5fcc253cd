"""A table of several models side by side ("Model | A | B") gives no product a value of its own, and a
number inside a label cell ("噪声（1 m，正前方）") does not hide the label (issue #11, harness classes
two_products and requirement_column)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from checker.inputs.documents import read_pdf

MakePdf = Callable[..., Path]


@pytest.mark.parametrize(("head", "label", "cells"), [
    (("Model", "S5735-L24T4S", "S5735-L48T4S"), "Declared sound power LWAd", ("5.6 B", "7.9 B")),
    (("型号", "MUT-A-100", "MUT-B-200"), "声功率级LWAd", ("5.6 B", "")),  # the other model's cell blank
    (("Model No.", "CE6881-48S6CQ", "CE6881-48T6CQ"), "Declared sound power LWAd", ("", "5.6 B")),
])
def test_models_side_by_side_give_no_value(make_pdf: MakePdf, head: tuple[str, ...], label: str,
                                           cells: tuple[str, str]) -> None:
    path = make_pdf([["Ethernet switch specification", head, (label, *cells)]], col_width=150)
    facts = [f for f in read_pdf(path, "switch").facts if f.field == "noise_lwad"]
    assert facts, "the row is reported, not dropped"
    assert all(f.value is None and f.note.startswith("unreadable") for f in facts)
    assert head[1] in facts[0].note and head[2] in facts[0].note


def test_quantity_columns_after_model_are_a_header(make_pdf: MakePdf) -> None:
    """"Model | 50 Hz kVA (ekW) | 60 Hz kVA (ekW)" names quantities, not models (the CAT DE33GC layout)."""
    path = make_pdf([["Ethernet switch specification", ("Model", "50 Hz kVA", "60 Hz kVA"),
                      ("Declared sound power LWAd", "5.6 B", "")]], col_width=150)
    facts = [f for f in read_pdf(path, "switch").facts if f.field == "noise_lwad"]
    assert [f.value for f in facts] == [5.6]


@pytest.mark.parametrize(("label", "value"), [("噪声（1 m，正前方）", 99.5), ("Noise (7 m, front)", 99.5)])
def test_number_inside_the_label_cell(make_pdf: MakePdf, label: str, value: float) -> None:
    path = make_pdf([["柴油发电机组检验报告", ("序号", "检验项目", "标准要求", "检验结果", "单项判定"),
                      ("1", label, "≤110.0 dB(A)", f"{value} dB(A)", "合格")]], col_width=110)
    facts = [f for f in read_pdf(path, "generator").facts if f.field == "noise_front"]
    assert [(f.value, f.unit) for f in facts] == [(value, "dB(A)")]


@pytest.mark.parametrize("head", [("Test item", "Limit", "Measured"), ("Item", "Requirement", "Result", "Verdict"),
                                  ("检验项目", "标准要求", "检验结果")])
@pytest.mark.parametrize(("label", "field"), [("Noise at 1 m, front", "noise_front"),
                                              ("Noise at 1 m, rear", "noise_back"),
                                              ("Sound pressure at 1 m, left", "noise_left")])
def test_a_label_cell_is_one_label_across_its_commas(make_pdf: MakePdf, head: tuple[str, ...], label: str,
                                                      field: str) -> None:
    """"Noise at 1 m, front" in a table's label cell is the front reading: the direction after the comma rules
    out the undirected "noise at 1 m" (its exclude words count over the whole cell, as in a header cell)."""
    row = (label, "110.0 dB(A)", "99.5 dB(A)", "Pass")[:len(head)]
    path = make_pdf([["Diesel generator set - test report", head, row]], col_width=130)
    facts = read_pdf(path, "generator").facts
    assert [(f.field, f.value) for f in facts if f.field.startswith("noise")] == [(field, 99.5)]


@pytest.mark.parametrize(("line", "doubtful"), [
    ("Noise at 7 m, front: 99.0 dB(A)", True),
    ("Noise (front): 99.0 dB(A) @ 7 m", True),
    ("噪声（7 m，正前方）：99.0 dB(A)", True),
    ("Noise at 1 m, front: 99.0 dB(A)", False),
    ("Noise at 1 m, front (1.5 m above ground): 99.0 dB(A)", False),
    ("距离1米、距地面1.5米处正前方噪声：99.0 dB(A)", False),
])
def test_a_generator_noise_read_at_another_distance_is_doubtful(make_pdf: MakePdf, line: str, doubtful: bool
                                                                 ) -> None:
    """Appendix H measures 1 m from the set: "at 7 m" is a lower reading, not the one the limit is for."""
    path = make_pdf([["Diesel generator set specification", "Prime power (PRP): 400 kW", line]])
    facts = [f for f in read_pdf(path, "generator").facts if f.field == "noise_front"]
    assert [f.value for f in facts] == [99.0]
    assert facts[0].note.startswith("doubtful: measured at 7 m") is doubtful


@pytest.mark.parametrize(("page", "doubtful"), [
    (["Sound pressure level @ 7 m, dB(A)", ("Position", "Front", "Back", "Left", "Right"),
      ("Level", "99", "99", "98", "97")], True),
    ([("Noise, dB(A) at 7 m", "Value"), ("Front", "99"), ("Back", "99"), ("Left", "98"), ("Right", "97")], True),
    (["Sound data (measured at 7 m)", "Noise front: 99 dB(A)", "Noise back: 99 dB(A)", "Noise left: 98 dB(A)",
      "Noise right: 97 dB(A)"], True),
    (["Sound data (measured at 1 m, 1.5 m above ground)", "Noise front: 99 dB(A)", "Noise back: 99 dB(A)",
      "Noise left: 98 dB(A)", "Noise right: 97 dB(A)"], False),
    (["Enclosure: 4.2 m × 1.6 m × 2.3 m", "Noise front: 99 dB(A)", "Noise back: 99 dB(A)", "Noise left: 98 dB(A)",
      "Noise right: 97 dB(A)"], False),
])
def test_a_page_that_names_another_distance_makes_its_noise_readings_doubtful(
        make_pdf: MakePdf, page: list[object], doubtful: bool) -> None:
    """"Sound pressure level @ 7 m" over a table or a list: the readings under it are not Appendix H's 1 m ones."""
    path = make_pdf([["Diesel generator set specification", "Prime power (PRP): 400 kW", *page]], col_width=110)
    facts = {f.field: f for f in read_pdf(path, "generator").facts if f.field.startswith("noise")}
    assert sorted(facts) == ["noise_back", "noise_front", "noise_left", "noise_right"]
    assert {f.note.startswith("doubtful: measured at 7 m") for f in facts.values()} == {doubtful}
