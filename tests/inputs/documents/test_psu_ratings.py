"""A bid's power supply and the one its PSU report tested (red-team round 3, x09: the configuration offers
2 × 1400 W supplies, the report tests a 550 W one, and six PSU clauses passed on the 550 W supply's readings)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checker.inputs.documents.psu_ratings import named_ratings
from checker.pipeline import check

MakePdf = Callable[..., Path]
PSU_CLAUSES = [f"6.2.1/psu-{kind}-{load}" for kind in ("eff", "pf") for load in (20, 50, 100)]


def _report(rated: str) -> list[str | tuple[str, ...]]:
    return ["电源模块效率测试报告", "适用整机：JT-R8 服务器", f"被测电源：JT-PSU-X（{rated} 铂金）",
            "输入：220Vac 50Hz", ("负载率", "效率(%)", "功率因数"), ("20%", "91.0", "0.96"), ("50%", "94.1", "0.98"),
            ("100%", "91.2", "0.99")]


def _statuses(paths: list[Path]) -> dict[str, tuple[str, str]]:
    report = check(paths, date(2026, 1, 1), category="server").report()
    return {c.id: (c.status, c.note or "") for c in report.products[0].clauses if c.id in PSU_CLAUSES}


@pytest.mark.parametrize(("configuration", "rated", "doubted"), [
    (["投标产品配置清单", "产品：机架式服务器 JT-R8", "电源选配：550W / 800W / 1400W 铂金电源可选",
      "本次投标配置：2 × 1400W 铂金电源（1+1 冗余）"], "550W", True),
    (["Bid configuration", "Model: JT-R8 rack server", "Power supply: 2 x 1600 W Titanium (1+1)"], "800 W", True),
    (["投标产品配置清单", "产品：机架式服务器 JT-R8", "本次投标配置：2 × 1400W 铂金电源（1+1 冗余）"], "1400W", False),
    # a list of options names no offered supply; power drawn names no supply's rating
    (["投标产品配置清单", "产品：机架式服务器 JT-R8", "电源：550W / 800W / 1400W 铂金电源可选", "整机最大功耗：650 W"],
     "550W", False),
    (["Model: JT-R8 rack server", "Power supply: 800 W or 1600 W Platinum", "Power supply consumption: 450 W typical"],
     "800 W", False),
])
def test_tested_supply_against_the_offered_one(make_pdf: MakePdf, configuration: list[str], rated: str,
                                               doubted: bool) -> None:
    got = _statuses([make_pdf([configuration], name="config.pdf"), make_pdf([_report(rated)], name="psu.pdf")])
    assert set(got) == set(PSU_CLAUSES)
    if doubted:
        assert {status for status, _ in got.values()} == {"manual_review"}
        assert all("power supply" in note and "offers" in note for _, note in got.values())
    else:
        assert {status for status, _ in got.values()} == {"pass"}


def test_a_report_naming_no_rating_is_not_doubted(make_pdf: MakePdf) -> None:
    report = [line for line in _report("550W") if not str(line).startswith("被测电源")]
    configuration = ["产品：机架式服务器 JT-R8", "本次投标配置：2 × 1400W 铂金电源"]
    got = _statuses([make_pdf([configuration], name="config.pdf"), make_pdf([report], name="psu.pdf")])
    assert {status for status, _ in got.values()} == {"pass"}


@pytest.mark.parametrize(("line", "watts"), [
    ("被测电源：JT-PSU-550P（550W 铂金）", 550.0), ("Power supply: 2 x 1.6 kW Titanium", 1600.0),
    ("额定输出功率 800 W", 800.0), ("电源：550W / 800W 可选", None), ("电源功耗 650W", None),
    ("Power supply efficiency at 50 % load: 94.1 %", None), ("电源输入：220 V", None), ("PSU fan: 40 W", None),
])
def test_lines_naming_a_rating(line: str, watts: float | None) -> None:
    found = named_ratings([line], "doc.pdf")
    assert [rating for rating, _ in found] == ([watts] if watts is not None else [])
