"""A certificate or energy-label filing the document says is revoked, cancelled, suspended or withdrawn certifies
nothing now: what it states goes to a person, as a document past its validity does (red-team round 7, cooling: d43,
'备案状态 已撤销（核验不符，2026-03-12）' beside a grade 1 that passed)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checker.models import ClauseResult
from checker.pipeline import check

MakePdf = Callable[..., Path]


def clause(path: Path, category: str, clause_id: str) -> ClauseResult:
    report = check([path], date(2026, 12, 1), category=category).report()
    return next(c for p in report.products for c in p.clauses if c.id == clause_id)


REVOKED = ["备案状态 已撤销（核验不符，2026-03-12）", "证书状态：注销", "该能效标识备案已被撤销",
           "证书已暂停（2025-11-02）", "认证证书 撤回", "Certificate status: suspended", "Status: revoked",
           "This energy label registration was withdrawn on 2026-01-15",
           "The certificate has been cancelled by the certification body"]
CURRENT = ["备案状态 有效", "证书状态：有效（正常）", "Certificate status: valid", "本报告未经许可不得部分复制",
           "Status: active"]


@pytest.mark.parametrize(("line", "status"), [*((r, "manual_review") for r in REVOKED),
                                              *((c, "pass") for c in CURRENT)])
def test_a_revoked_label_filing_is_no_grade(make_pdf: MakePdf, line: str, status: str) -> None:
    pdf = make_pdf([["能效标识备案信息", "规格型号 MX-160M4 三相异步电动机", "能效等级 1级（GB 18613-2020）", line]])
    assert clause(pdf, "motor", "6.3.3/motor-grade").status == status


@pytest.mark.parametrize(("line", "status"), [("证书状态 已吊销", "manual_review"), ("证书状态 有效", "pass")])
def test_a_revoked_certificate_of_a_ups(make_pdf: MakePdf, line: str, status: str) -> None:
    pdf = make_pdf([["节能产品认证证书", "产品名称 不间断电源 UPS-20K", "能效等级 1级（GB/T 14715-2017）", line]])
    assert clause(pdf, "ups", "6.3.2/ups-grade").status == status
