"""Documents in Traditional Chinese (Taiwan and Hong Kong makers) and Japanese forms (効率, 目標値) are read as the
Simplified ones are: the labels, load words, qualifiers and bounds of the vocabulary are matched in one written form
(checker.chinese). Red-team round 7 (tradzh): "電源效率（50%負載）：94.8%" was missing evidence, "（模擬值）",
"設計目標值", "目標値" and "不低於 90%" passed or failed as measurements."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checker.chinese import simplified
from checker.pipeline import check

MakePdf = Callable[..., Path]


@pytest.mark.parametrize(("text", "expected"), [
    ("電源供應器 轉換效率 功率因數 負載", "电源供应器 转换效率 功率因数 负载"), ("電源効率 目標値", "电源效率 目标值"),
    ("电源效率 94.5%", "电源效率 94.5%"), ("Efficiency 94.5 %", "Efficiency 94.5 %"), ("", ""),
])
def test_simplified(text: str, expected: str) -> None:
    assert simplified(text) == expected


def _statuses(path: Path) -> dict[str, str]:
    report = check([path], date(2026, 1, 1), category="server").report()
    assert not report.errors, report.errors
    return {c.id: c.status for c in report.products[0].clauses if c.id.startswith("6.2.1/psu-")}


@pytest.mark.parametrize(("lines", "eff_50", "pf_50"), [
    (["伺服器 RX-1 電源規格", "電源效率（50%負載）：94.8%", "功率因數（50%負載）：0.985"], "pass", "pass"),
    (["伺服器 RX-1 電源規格", "電源效率（50%負載）：93.6%", "功率因數（50%負載）：0.985"], "fail", "pass"),
    (["サーバー RX-1 電源仕様", "電源効率（50%負載）：94.8％", "功率因數（50%負載）：0.985"], "pass", "pass"),
    (["伺服器 RX-1 電源規格", "Efficiency at 50% load：94.7%（模擬值）", "功率因數（50%負載）：0.985"],
     "manual_review", "pass"),
    (["伺服器 RX-1 電源規格", "Efficiency (at 50% load): 94.5 % (目標値)", "功率因數（50%負載）：0.985"],
     "manual_review", "pass"),
    # a bound: "不低於 93%" proves nothing against ≥ 94 % (red-team P07 failed on "不低於 90%"); "不低於 95%" proves it
    (["伺服器 RX-1 電源規格", "電源效率（50%負載）：不低於 93%", "功率因數（50%負載）：0.985"],
     "manual_review", "pass"),
    (["伺服器 RX-1 電源規格", "電源效率（50%負載）：不低於 95%", "功率因數（50%負載）：0.985"], "pass", "pass"),
])
def test_traditional_and_japanese_forms(make_pdf: MakePdf, lines: list[str], eff_50: str, pf_50: str) -> None:
    got = _statuses(make_pdf([lines], col_width=300))
    assert (got["6.2.1/psu-eff-50"], got["6.2.1/psu-pf-50"]) == (eff_50, pf_50)


def test_a_traditional_catalog_header(tmp_path: Path) -> None:
    """A catalog exported by a Taiwanese platform: "50%負載效率" is the same column as "50%负载效率"."""
    from tests.catalog_audits import audit_results

    (tmp_path / "tw.csv").write_text("型號,類別,50%負載效率\nTW-1,server,94.6\nTW-2,server,93.1\n", encoding="utf-8")
    products, _ = audit_results(tmp_path / "tw.csv", date(2026, 1, 1))
    assert [(pid, clauses["6.2.1/psu-eff-50"].status) for pid, clauses in products] == [("TW-1", "pass"),
                                                                                        ("TW-2", "fail")]


@pytest.mark.parametrize(("note", "status"), [
    ("本表數據引用自同系列機型 RX-2380 之測試報告，本機型未另行測試。", "manual_review"),
    ("本型号未单独检测，数据取自同系列 RX-2380。", "manual_review"),
    ("Note: this model has not been tested separately; figures are those of the RX-2380.", "manual_review"),
    ("本机型已按 GB/T 9813.3 完成测试。", "pass"),  # the control: a note that says it was tested
])
def test_a_document_of_another_models_figures(make_pdf: MakePdf, note: str, status: str) -> None:
    """A note anywhere in the document saying its figures are another model's (red-team round 7, Q05: passed)."""
    got = _statuses(make_pdf([["伺服器 RX-2440 電源效率", note, "Efficiency at 50% load: 94.8 %"]], col_width=400))
    assert got["6.2.1/psu-eff-50"] == status


@pytest.mark.parametrize(("title", "category"), [
    ("伺服器 Server RX-1120 電源測試報告", "server"), ("儲存系統 Storage System ST-2", "storage"),
    ("防火牆 NF-200 規格", "firewall"), ("交換器 SW-48 規格", "switch"),
    ("OceanVault 5300 V7 Unified Storage - Datasheet", "storage"),  # round 8 bids, T01: no category told
    ("AF-500 All-Flash Array datasheet", "storage"),
])
def test_taiwans_product_words(make_pdf: MakePdf, title: str, category: str) -> None:
    """伺服器 and 儲存系統 name the product as 服务器 and 存储系统 do (red-team round 7, S01/S26/P19: exit 2)."""
    report = check([make_pdf([[title, "電源效率（50%負載）：94.8%"]])], date(2026, 1, 1)).report()
    assert not report.errors, report.errors
    assert report.products[0].category == category
