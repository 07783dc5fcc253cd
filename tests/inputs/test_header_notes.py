"""Catalog headers as platforms and ERPs write them: a title block above the header, notes in the brackets, qualifier
words beside the name, Min / Max / Typ columns, a unit after a space, two category columns (red-team catalogs,
session 14). Each header's column is used as the field it names, or not used with its reason, and the file's other
columns are always read."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from checker.pipeline import audit

AS_OF = date(2026, 11, 20)


def _statuses(evaluated, row: int = 0) -> dict[str, str]:
    product = evaluated.report().products[row]
    return {c.id: c.status for c in product.clauses}


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "c.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _errors(evaluated) -> str:
    return " | ".join(error.error for error in evaluated.errors)


def test_a_title_block_above_the_header_is_not_the_header(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2026年度XX省政府集中采购 服务器产品技术参数汇总表"])
    sheet.append(["填报单位：华数科技有限公司      填报日期：2026年10月15日"])
    sheet.append(["序号", "产品型号", "产品类别", "电源效率(50%负载) [%]", "功率因数(50%负载)"])
    sheet.append([1, "HS-1", "服务器", 93.5, 0.96])
    sheet.append([2, "HS-2", "服务器", 94.5, 0.96])
    path = tmp_path / "t.xlsx"
    book.save(path)
    evaluated = audit([path], AS_OF)
    products = evaluated.report().products
    assert [p.id for p in products] == ["HS-1", "HS-2"]
    assert _statuses(evaluated, 0)["6.2.1/psu-eff-50"] == "fail"
    assert _statuses(evaluated, 1)["6.2.1/psu-eff-50"] == "pass"
    assert _statuses(evaluated, 1)["6.2.1/psu-pf-50"] == "pass"


def test_a_csv_title_line_above_the_header(tmp_path: Path) -> None:
    path = _csv(tmp_path, "政采云 商品参数导出  导出时间：2026-11-30,,,\n"
                          "商品型号,品目,空闲噪声(dB(A)),工作噪声(dB(A))\nNB-1,便携式计算机,28.7,40.5\n")
    statuses = _statuses(audit([path], AS_OF))
    assert statuses["6.2.2/laptop-noise-idle"] == "pass"
    assert statuses["6.2.2/laptop-noise-work"] == "fail"


_DC = ("datacenter", "统计期开始,统计期结束", "2025-01-01,2025-12-31")
_SERVER = ("server", "品牌", "X")
_FIREWALL = ("firewall", "功耗(W),端口形态", "150,固定端口")


@pytest.mark.parametrize(("header", "cell", "clause", "status", "row"), [
    ("IPv4吞吐量(64字节, Gbps)", "20", "6.2.4/power-per-throughput", "pass", _FIREWALL),
    ("PUE(实测年均)", "1.28", "5.1/pue", "pass", _DC),
    ("WUE (m³/MWh)", "1.6", "5.3/wue", "pass", _DC),
    ("WUE (m³/MWh)", "2.6", "5.3/wue", "fail", _DC),
    ("20%负载效率 实测值(%)", "90.5", "6.2.1/psu-eff-20", "pass", _SERVER),
    ("电源效率(20%负载) [%]", "89.5", "6.2.1/psu-eff-20", "fail", _SERVER),
    ("半载效率(%)", "93.9", "6.2.1/psu-eff-50", "fail", _SERVER),
    ("空闲噪声 dB(A)", "41", "6.2.2/desktop-noise-idle", "fail", ("desktop", "品牌", "X")),
    ("Efficiency 50% load min. (%)", "94.3", "6.2.1/psu-eff-50", "pass", _SERVER),  # a guaranteed minimum
    ("Efficiency 50% load max. (%)", "93.0", "6.2.1/psu-eff-50", "fail", _SERVER),  # at most 93: below 94
    ("Efficiency 50% load max. (%)", "95.0", "6.2.1/psu-eff-50", "manual_review", _SERVER),
])
def test_a_header_note_that_says_what_the_clause_means_is_read(tmp_path: Path, header: str, cell: str,
                                                               clause: str, status: str,
                                                               row: tuple[str, str, str]) -> None:
    category, extra_header, extra_cell = row
    path = _csv(tmp_path, f"型号,类别,{extra_header},{header}\nM-1,{category},{extra_cell},{cell}\n")
    evaluated = audit([path], AS_OF)
    assert _statuses(evaluated)[clause] == status, _errors(evaluated)


@pytest.mark.parametrize(("header", "why"), [
    ("50%负载效率 标准要求", "limits or requirements"),
    ("Efficiency 50% load typ. (%)", "typical"),
    ("psu_efficiency_50 (old PSU)", "neither a unit nor a condition"),
    ("50%负载效率(%)(旧版电源)", "a previous test's, batch's or version's figure"),
    ("PUE(设计值)", "statistics period"),
    ("Efficiency 50% load min. (%) (design target)", ""),
])
def test_a_column_whose_header_says_it_is_not_the_measured_value_is_not_used(tmp_path: Path, header: str,
                                                                               why: str) -> None:
    """A limit, typical, design or unexplained column never passes the clause; the other columns are still read."""
    category = "datacenter" if header.startswith("PUE") else "server"
    path = _csv(tmp_path, f"型号,类别,{header},可再生利用率\nM-1,{category},99,85\n")
    evaluated = audit([path], AS_OF)
    statuses = _statuses(evaluated)
    clause = "5.1/pue" if category == "datacenter" else "6.2.1/psu-eff-50"
    assert statuses[clause] != "pass"
    assert why in _errors(evaluated)
    if category == "server":
        assert statuses["6.2.1/recyclability"] == "pass"  # the file is read, not refused


def test_two_category_columns_one_the_switch_device_class(tmp_path: Path) -> None:
    path = _csv(tmp_path, "型号,类别,设备类别,端口形态\nSW-1,以太网交换机,数据中心,固定端口\n"
                          "SW-2,以太网交换机,接入,固定端口\n")
    evaluated = audit([path], AS_OF)
    products = evaluated.report().products
    assert [(p.id, p.category) for p in products] == [("SW-1", "switch"), ("SW-2", "switch")]
    assert "unknown category" not in _errors(evaluated)
