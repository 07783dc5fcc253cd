"""Catalog rows as platforms and ERP exports write them (red-team round 4, catalogs): a tolerance in a cell, a model
written once over its options' rows, one model on two sheets, a period in Excel serial days or NaT, a switch's device
class in the only category column, a sheet named for its category, thousands grouped by spaces."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from workbooks import write_workbook

from checker.pipeline import audit

AS_OF = date(2026, 11, 20)


def _products(path: Path) -> dict[str, dict[str, str]]:
    report = audit([path], AS_OF).report()
    return {p.id: {c.id: c.status for c in p.clauses} for p in report.products}


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "c.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("cell", "status"), [("94±1%", "manual_review"), ("93.8±1%", "manual_review"),
                                              ("94 +/- 1 %", "manual_review"), ("94.0", "pass")])
def test_a_tolerance_is_no_value(tmp_path: Path, cell: str, status: str) -> None:
    path = _csv(tmp_path, f"型号,类别,50%负载效率\nTL-1,服务器,{cell}\n")
    assert _products(path)["TL-1"]["6.2.1/psu-eff-50"] == status


def test_rows_under_a_model_written_once_are_that_model_s(tmp_path: Path) -> None:
    path = _csv(tmp_path, "型号,类别,电源模块,50%负载效率\nCT-1,服务器,800W,94.5\n,,1600W,93.4\n"
                          "CT-2,服务器,800W,94.5\n")
    products = audit([path], AS_OF).report().products
    assert [p.id for p in products] == ["CT-1", "CT-1", "CT-2"]
    statuses = [next(c.status for c in p.clauses if c.id == "6.2.1/psu-eff-50") for p in products]
    assert statuses == ["manual_review", "manual_review", "pass"]




def test_one_model_on_two_sheets_is_compared(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "w.xlsx", {
        "汇总": [["型号", "类别", "psu_efficiency_50"], ["SUM-1", "服务器", 94], ["SUM-2", "服务器", 95]],
        "服务器明细": [["型号", "类别", "psu_efficiency_50"], ["SUM-1", "服务器", 93.6], ["SUM-2", "服务器", 95]]})
    products = audit([path], AS_OF).report().products
    status = {p.id: next(c.status for c in p.clauses if c.id == "6.2.1/psu-eff-50") for p in products}
    assert status["汇总/SUM-1"] == status["服务器明细/SUM-1"] == "manual_review"
    assert status["汇总/SUM-2"] == "pass"


def test_sheets_named_for_their_category_and_a_device_class_column(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "w.xlsx", {
        "交换机": [["型号", "设备类别", "端口形态"], ["CE6881", "数据中心", "固定端口"], ["S5735", "接入", "固定端口"]],
        "服务器": [["型号", "50%负载效率"], ["TS-200", 93.0]]})
    products = audit([path], AS_OF).report().products
    assert {p.id: p.category for p in products} == {"交换机/CE6881": "switch", "交换机/S5735": "switch",
                                                   "服务器/TS-200": "server"}


def test_a_period_in_serial_days_and_a_blank_one(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "d.xlsx", {"数据中心": [
        ["数据中心名称", "类别", "PUE(实测年均)", "统计期起", "统计期止"],
        ["DC-1", "数据中心", 1.35, 45292, 45657]]})  # 2024-01-01 .. 2024-12-31: the 2024 limit, 1.4
    assert _products(path)["DC-1"]["5.1/pue"] == "pass"
    frame = pd.DataFrame({"model": ["P-1", "P-2"], "category": ["datacenter", "datacenter"], "pue": [1.35, 1.35],
                          "period_start": pd.to_datetime(["2024-01-01", None]),
                          "period_end": pd.to_datetime(["2024-12-31", None])})
    parquet = tmp_path / "d.parquet"
    frame.to_parquet(parquet)
    statuses = _products(parquet)  # a blank (NaT) end no longer stops the audit
    assert statuses["P-1"]["5.1/pue"] == "pass" and statuses["P-2"]["5.1/pue"] == "fail"


def test_thousands_grouped_by_a_space(tmp_path: Path) -> None:
    path = _csv(tmp_path, "型号,类别,最大吞吐量(Mbps),0%负载功耗(W),10%/30%负载功耗(W),100%负载功耗(W),设备类别\n"
                          "SW-1,交换机,176 000,38,42,60,接入\n")
    assert _products(path)["SW-1"]["6.2.3/teer"] in ("pass", "fail")


def test_a_hidden_sheet_s_values_go_to_a_person(tmp_path: Path) -> None:
    path = tmp_path / "h.xlsx"
    book = openpyxl.Workbook()
    shown = book.active
    shown.title = "服务器"
    for row in (["型号", "类别", "psu_efficiency_50"], ["HS-1", "服务器", 93.0]):
        shown.append(row)
    hidden = book.create_sheet("服务器(旧版)")
    for row in (["型号", "类别", "psu_efficiency_50"], ["HS-2", "服务器", 95.0]):
        hidden.append(row)
    hidden.sheet_state = "hidden"
    book.save(path)
    products = {p.id: {c.id: c.status for c in p.clauses} for p in audit([path], AS_OF).report().products}
    assert products["服务器(旧版)/HS-2"]["6.2.1/psu-eff-50"] == "manual_review"
    assert products["服务器/HS-1"]["6.2.1/psu-eff-50"] == "fail"
