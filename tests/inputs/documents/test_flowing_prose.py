"""Prose that flows over line ends (brochures, narrow columns): the unfinished sentence at the end of a full line
is read with the next line ("…。50%" ⏎ "负载效率为95.4%。", "Mercury (Hg) is" ⏎ "252ppm."), issue #13."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from checker.models import Fact
from checker.pipeline import check

from .conftest import facts_of

_FONT = "STSong-Light"  # registered by conftest


def paragraph_pdf(path: Path, lines: Sequence[str], leading: float = 13.0) -> Path:
    """``lines`` as a paragraph set at 10 pt on ``leading``, each line from x = 50."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont(_FONT, 10)
    for i, line in enumerate(lines):
        c.drawString(50, 780 - i * leading, line)
    c.showPage()
    c.save()
    return path



def values(facts: dict[str, list[Fact]], field: str) -> list[object]:
    return [f.value for f in facts.get(field, [])]


def test_a_load_at_the_end_of_a_chinese_line(tmp_path: Path) -> None:
    lines = ["HS-819E服务器。20%负载效率为92.90%。20%负载功率因数为0.9230。50%", "负载效率为95.4%。"]
    facts = facts_of(paragraph_pdf(tmp_path / "a.pdf", lines), "server")
    assert values(facts, "psu_efficiency_50") == [95.4]
    assert values(facts, "psu_power_factor_20") == [0.923]  # not also "50 %"


def test_a_word_broken_between_lines(tmp_path: Path) -> None:
    lines = ["HS-7321Pro服务器。20%负载功率因数为0.973。50%负载功率因", "数为0.911。"]
    facts = facts_of(paragraph_pdf(tmp_path / "a.pdf", lines), "server")
    assert values(facts, "psu_power_factor_50") == [0.911]


def test_an_english_label_at_the_end_of_a_line(tmp_path: Path) -> None:
    lines = ["PSU output: single-output. Lead (Pb) is N.D.. Mercury (Hg) is", "252ppm. Cadmium (Cd) is ND."]
    facts = facts_of(paragraph_pdf(tmp_path / "a.pdf", lines), "switch")
    assert values(facts, "hg") == [252.0]


def _status(path: Path, clause: str) -> str:
    report = check([path], date(2026, 1, 1), category="server").report()
    return next(c.status for p in report.products for c in p.clauses if c.id == clause)


def test_a_bound_broken_over_two_lines_stays_a_bound(tmp_path: Path) -> None:
    """"up" ⏎ "to 96 %": read whole, a bound, which does not prove ≥ 94 %."""
    lines = ["Server SR-1. Power factor at 50% load is 0.95. PSU efficiency at 50% load is up", "to 96 %."]
    assert _status(paragraph_pdf(tmp_path / "a.pdf", lines), "6.2.1/psu-eff-50") != "pass"


def test_a_short_line_is_not_carried(tmp_path: Path) -> None:
    """A line that ends well before the column's margin ends there on purpose: its last words stay."""
    lines = ["Server SR-1 is built for data centres and delivers 20% load efficiency of 92.9 %.",
             "Rated. Efficiency at 50% load", "Efficiency at 100% load is 96 %."]
    facts = facts_of(paragraph_pdf(tmp_path / "a.pdf", lines), "server")
    assert values(facts, "psu_efficiency_100") == [96.0]
    assert values(facts, "psu_efficiency_50") == []


def two_column_pdf(path: Path, left: Sequence[str], right: Sequence[str], right_x: float = 320.0) -> Path:
    """A paragraph set in two columns: ``left`` lines from x = 50, ``right`` lines from ``right_x``, the right
    column starting 10 pt higher (a browser printing ``column-count: 2`` keeps the paragraph's top margin in the
    first column only). Lines of both columns on one baseline are one row to the line reader: not handled."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont(_FONT, 10)
    for x, top, lines in ((50, 780, left), (right_x, 790, right)):
        for i, line in enumerate(lines):
            c.drawString(x, top - i * 13, line)
    c.showPage()
    c.save()
    return path


def test_a_sentence_going_on_in_the_next_column(tmp_path: Path) -> None:
    left = ["Application: power distribution cable. Installation: laid",
            "in concealed ventilated spaces of halls. Fluorine content is"]
    facts = facts_of(two_column_pdf(tmp_path / "a.pdf", left, ["0.14 %. Smoke: see report."]), "cable")
    assert values(facts, "cable_fluorine") == [0.14]


def test_a_finished_column_takes_nothing_from_the_next(tmp_path: Path) -> None:
    """The left column ends its sentence: the right column's first figure belongs to no label of the left."""
    left = ["Application: power distribution cable. Installation: laid",
            "in concealed ventilated spaces of halls. Fluorine content is low."]
    facts = facts_of(two_column_pdf(tmp_path / "a.pdf", left, ["0.14 %. Smoke: see report."]), "cable")
    assert values(facts, "cable_fluorine") == []



_WIDEST = "本产品适用于各类数据中心与企业机房，型号为SR-5519，支持机架安装。"  # the column's margin
_SHORT = "铅（Pb）为168.4 ppm。汞（Hg）为40.70 mg/kg。另外镉（Cd）为未检"  # 18.7 pt short of it: under 2 characters


def test_a_word_whose_end_went_down_with_the_full_stop(tmp_path: Path) -> None:
    """CJK line breaking keeps "。" off the start of a line: the browser takes the word's last character down
    with it ("…镉（Cd）为未检" ⏎ "出。"), so the line ends short of the margin by more than a character; it is full."""
    facts = facts_of(paragraph_pdf(tmp_path / "a.pdf", [_WIDEST, _SHORT, "出。"]), "server")
    assert [(f.value, f.qualifier) for f in facts["cd"]] == [(None, "nd")]
    assert values(facts, "hg") == [40.7]


def test_a_line_short_of_more_than_the_next_word_is_not_carried(tmp_path: Path) -> None:
    """The same line before a line whose first character could have stood alone at its end: it ended there."""
    facts = facts_of(paragraph_pdf(tmp_path / "a.pdf", [_WIDEST, _SHORT, "出厂检验合格。"]), "server")
    assert "cd" not in facts


def test_an_abbreviation_ends_no_sentence(tmp_path: Path) -> None:
    """"excl. rack ears" in the widest line of a sheet: the full stop of an abbreviation is no sentence end, so the
    line's value is not carried to the next line (red-team round 7, F01: the dimensions were lost, volume missing)."""
    lines = ["防火墙 NF-3200", "尺寸 Dimensions (W × H × D，不含耳架 excl. rack ears)：438 × 44 × 300 mm",
             "電源 Power supply：內建 Internal"]
    facts = facts_of(paragraph_pdf(tmp_path / "a.pdf", lines, leading=20.0), "firewall")
    assert values(facts, "length") == [438.0]
    assert values(facts, "has_external_psu") == [False]
