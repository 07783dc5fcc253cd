"""A value stated as conformity ("meets grade 1", "符合1级能效要求") is a declaration, manual review; a grade
stated as the product's own ("能效等级：1级（一级能效）") is its declared value (INTERFACE §6, issue #11)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from checker.inputs.documents import read_pdf

MakePdf = Callable[..., Path]


def grades(path: Path, category: str) -> list[tuple[object, str]]:
    return [(f.value, f.note) for f in read_pdf(path, category).facts if f.field == "energy_grade"]


@pytest.mark.parametrize("line", ["能效等级（GB/T 14715）：符合1级能效要求", "能效等级：满足一级能效要求",
                                  "能效等级：达到1级", "Energy efficiency grade (GB/T 14715): meets grade 1",
                                  "Energy efficiency grade: complies with grade 1"])
def test_conformity_sentence_is_a_declaration(make_pdf: MakePdf, line: str) -> None:
    found = grades(make_pdf([["UPS test report", line]]), "ups")
    assert found and all(value is None and note.startswith("declaration") for value, note in found), found


@pytest.mark.parametrize(("line", "grade"), [("能效等级（GB/T 14715）：1级（一级能效）", 1.0), ("能效等级：2级", 2.0),
                                             ("Energy efficiency grade (GB/T 14715): Grade 1", 1.0)])
def test_stated_grade_is_the_value(make_pdf: MakePdf, line: str, grade: float) -> None:
    assert [v for v, _ in grades(make_pdf([["UPS test report", line]]), "ups")] == [grade]


def test_a_value_followed_by_a_conformity_word_is_still_read(make_pdf: MakePdf) -> None:
    path = make_pdf([["UPS test report", "能效等级：1级（符合标准要求）"]])
    assert [v for v, _ in grades(path, "ups")] == [1.0]
