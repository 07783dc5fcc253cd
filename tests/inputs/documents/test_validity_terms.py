"""A document's validity printed as a term from its issue date (red-team round 6: "证书有效期 三年（自发证日期起）"
beside "发证日期 2021年05月10日", "Validity 3 years from the date of issue", "有效期 自签发之日起一年"): its
end is worked out and treated as a printed end date. An issue date missing, unreadable or given twice differently
changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checker.pipeline import check
from tests.inputs.documents.conftest import facts_of

MakePdf = Callable[..., Path]
AS_OF = date(2026, 1, 1)
CERT = ["节能产品认证证书", "产品名称和型号 台式微型计算机 BM-D500", "依据标准 GB 28380-2012", "能效等级 1级"]
CERT_EN = ["Certificate - Energy Efficiency (GB 28380)", "Product Desktop computer Kestrel K8",
           "Energy efficiency grade Grade 1"]
NOISE = ["噪声检测报告", "样品 台式微型计算机 QS-D260", "空闲状态 声功率级 35 dB(A)", "工作状态 声功率级 40 dB(A)"]


def _status(path: Path, clause: str) -> str:
    report = check([path], AS_OF, category="desktop").report()
    assert not report.errors, report.errors
    return next(c.status for c in report.products[0].clauses if c.id == clause)


@pytest.mark.parametrize(("lines", "clause", "expected"), [
    # a term run out before the as-of date: the document is no longer valid
    ([*CERT, "发证日期 2021年05月10日", "证书有效期 三年（自发证日期起）"], "6.2.2/pc-energy-grade", "manual_review"),
    ([*CERT_EN, "Date of issue 2022-02-15", "Validity 3 years from the date of issue"], "6.2.2/pc-energy-grade",
     "manual_review"),
    ([*NOISE[:2], "签发日期 2023-03-01", "有效期 自签发之日起一年", *NOISE[2:]], "6.2.2/desktop-noise-idle",
     "manual_review"),
    ([*CERT_EN, "This certificate is valid for 36 months from the date of issue.", "Issue date: 1 March 2022"],
     "6.2.2/pc-energy-grade", "manual_review"),
    # a term still running, or one that cannot be worked out, changes nothing
    ([*CERT, "发证日期 2025年05月10日", "证书有效期 三年（自发证日期起）"], "6.2.2/pc-energy-grade", "pass"),
    ([*CERT_EN, "Validity 3 years from the date of issue"], "6.2.2/pc-energy-grade", "pass"),
    ([*CERT, "发证日期 见封面", "证书有效期 三年（自发证日期起）"], "6.2.2/pc-energy-grade", "pass"),
    ([*CERT, "发证日期 2021年05月10日", "签发日期 2025年01月10日", "证书有效期 三年"], "6.2.2/pc-energy-grade", "pass"),
    ([*CERT, "发证日期 2021年05月10日", "Warranty 3 years"], "6.2.2/pc-energy-grade", "pass"),
    # a printed end date is the end, whatever the term
    ([*CERT, "发证日期 2021年05月10日", "证书有效期 五年，有效期至 2026-05-09"], "6.2.2/pc-energy-grade", "pass"),
], ids=["zh-3-years", "en-3-years", "zh-one-year", "en-36-months", "still-running", "no-issue-date",
        "unreadable-issue-date", "two-issue-dates", "warranty", "printed-end"])
def test_a_validity_term_from_the_issue_date(make_pdf: MakePdf, lines: list[str], clause: str,
                                             expected: str) -> None:
    assert _status(make_pdf([lines]), clause) == expected


@pytest.mark.parametrize(("issued", "term", "until"), [
    ("发证日期 2021年05月10日", "证书有效期 三年（自发证日期起）", "2024-05-09"),
    ("签发日期 2023-03-01", "有效期 自签发之日起一年", "2024-02-29"),
    ("Date of issue 2022-02-15", "Valid for 18 months", "2023-08-14"),
    ("Date of issue 31 August 2023", "Validity: six months from the date of issue", "2024-02-28"),
], ids=["three-years", "leap-day", "months", "short-month"])
def test_a_terms_end_is_the_day_before_its_anniversary(make_pdf: MakePdf, issued: str, term: str, until: str) -> None:
    facts = facts_of(make_pdf([[*CERT, issued, term]]), "desktop")
    assert [f.value for f in facts["valid_until"]] == [until]
