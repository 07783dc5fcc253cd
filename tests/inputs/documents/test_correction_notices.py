"""Red-team round 6 (errata): a document carrying a correction notice is not decided on its uncorrected values.

A test report's errata page corrected a value by its item number ("表1 序号 3 的检测结果更正为 93.81%"), its place
("第1页第4行数值更正为 1.43") or a bare digit ("等级数字'1'为笔误，应为'2'"): the reader cannot tell which value
changed, and the clause passed (or failed) on the value printed before the correction. Every value of such a
document goes to a person, naming the notice. "Power factor correction" is no correction notice.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checker.pipeline import check

MakePdf = Callable[..., Path]
AS_OF = date(2026, 11, 20)
HEAD = ["检验报告 No. ZJ-S-2024-0455", "样品名称：机架式服务器", "型号：TS-880 M6",
        ("序号", "检验项目", "负载率", "检测结果", "单项判定")]
REPORT = [*HEAD, ("1", "电源效率", "50%", "94.31%", "合格")]


def _pdf(make_pdf: MakePdf, *pages: list[str | tuple[str, ...]]) -> Path:
    return make_pdf(list(pages), col_width=100)


def _clause(path: Path, clause: str, category: str) -> tuple[str, str, list[str]]:
    evaluated = check([path], AS_OF, category)
    assert evaluated.errors == [], evaluated.errors
    result = next(c for c in evaluated.report().products[0].clauses if c.id == clause)
    return result.status, result.note, [w.warning for w in evaluated.warnings]


@pytest.mark.parametrize("notice", [
    ["报告更正通知单", "原报告表1 序号 1 的检测结果更正为 93.81%，对应单项判定更正为“不合格”。其余内容不变。"],
    ["勘误页", "第1页表1第1行数值为笔误，应为 93.8。其余内容不变。"],
    ["更正说明", "经复核，原报告第1页第4行数值更正为 93.81。"],
    ["Errata", "Item 1 of Table 1 reads 93.81 % (typing error on page 1)."],
    ["Corrigendum to test report ZJ-S-2024-0455", "Result of item 1 corrected to 93.81 %."],
], ids=["gengzheng-tongzhi", "kanwu", "gengzheng-shuoming", "errata", "corrigendum"])
def test_a_report_with_a_correction_notice_goes_to_a_person(make_pdf: MakePdf, notice: list[str]) -> None:
    status, note, warnings = _clause(_pdf(make_pdf, REPORT, notice), "6.2.1/psu-eff-50", "server")
    assert status == "manual_review"
    assert "correction notice (p.2: " + notice[0][:20] in note
    assert any(w.startswith("a correction notice (p.2") for w in warnings)


def test_a_correction_to_a_passing_value_is_not_a_fail(make_pdf: MakePdf) -> None:
    failing = [*HEAD, ("1", "电源效率", "50%", "93.41%", "不合格")]
    notice = ["报告更正通知单", "原报告表1 序号 1 的检测结果因录入错误更正为 94.31%，单项判定更正为“合格”。"]
    assert _clause(_pdf(make_pdf, failing, notice), "6.2.1/psu-eff-50", "server")[0] == "manual_review"


def test_a_grade_corrected_by_a_bare_digit_goes_to_a_person(make_pdf: MakePdf) -> None:
    report = ["检验报告 NPQ-UPS-2024-0702", "样品名称：不间断电源", "型号：KR-300K",
              "检验结论：该样品所检项目符合 GB/T 14715-2017 要求，能效等级为 1 级。"]
    notice = ["勘误页", "第1页“检验结论”一栏中等级数字“1”为笔误，应为“2”。其余内容不变。"]
    assert _clause(_pdf(make_pdf, report, notice), "6.3.2/ups-grade", "ups")[0] == "manual_review"


def test_power_factor_correction_is_no_correction_notice(make_pdf: MakePdf) -> None:
    report = [*REPORT, "Active power factor correction (PFC), correction of the input current."]
    notice = ["勘误页", "第1页表1第1行数值为笔误，应为 93.8。"]
    assert _clause(_pdf(make_pdf, report), "6.2.1/psu-eff-50", "server")[0] == "pass"
    assert _clause(_pdf(make_pdf, report, notice), "6.2.1/psu-eff-50", "server")[0] == "manual_review"
