"""Catalogs as procurement platforms and ERP exports write them (red-team findings of session 13): rows of one model
that disagree, a struck-through (withdrawn) cell, a statistics period written in Chinese or unreadable, enum values,
grades and pole counts in words, category words and headers of Chinese platforms. Each gave a false pass, a wrong
fail or a lost row before."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font

from checker.models import ClauseResult
from tests.catalog_audits import audit_results
from tests.catalog_audits import write_text as write

AS_OF = date(2026, 12, 7)


def results(path: Path) -> tuple[list[tuple[str, dict[str, ClauseResult]]], list[str]]:
    return audit_results(path, AS_OF)


def test_rows_of_one_model_that_disagree(tmp_path: Path) -> None:
    csv = ("model,category,psu_efficiency_50\nDX-200,server,94.6\nDX-200,server,93.4\n"
           "DX-300,server,94.6\nDX-300,server,94.6\n")
    products, errors = results(write(tmp_path, csv))
    assert not errors
    got = [(pid, clauses["6.2.1/psu-eff-50"].status) for pid, clauses in products]
    assert got == [("DX-200", "manual_review"), ("DX-200", "manual_review"), ("DX-300", "pass"), ("DX-300", "pass")]


def test_struck_through_cell(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["model", "category", "psu_efficiency_50"])
    sheet.append(["HD-3", "server", 94.9])
    sheet.append(["HD-4", "server", 94.9])
    sheet["C2"].font = Font(strike=True)
    path = tmp_path / "struck.xlsx"
    book.save(path)
    products, _ = results(path)
    assert [clauses["6.2.1/psu-eff-50"].status for _, clauses in products] == ["manual_review", "pass"]


@pytest.mark.parametrize(("end", "status", "limit"), [("2024年12月31日", "pass", 1.4), ("2024/12/31", "pass", 1.4),
                                                      ("2024年12月", "manual_review", None), ("", "fail", 1.3)])
def test_statistics_period(tmp_path: Path, end: str, status: str, limit: float | None) -> None:
    csv = f"model,category,period_start,period_end,pue\nD1,datacenter,2024年1月1日,{end},1.35\n"
    products, _ = results(write(tmp_path, csv))
    got = products[0][1]["5.1/pue"]
    assert got.status == status
    if limit is not None:
        assert got.limit == limit


def test_enum_words(tmp_path: Path) -> None:
    csv = ("model,category,port_type,deployment,fw_throughput,volume\nF1,firewall,框式,无人值守,10,20\n"
           "F2,firewall,固定端口,有人值守,10,20\n")
    products, errors = results(write(tmp_path, csv))
    assert not errors
    (_, modular), (_, fixed) = products
    assert modular["6.2.4/volume"].status == "not_applicable"
    assert modular["6.2.4/noise-attended"].status == "not_applicable"
    assert fixed["6.2.4/volume"].status == "fail"


@pytest.mark.parametrize(("grade", "status"), [("一级", "pass"), ("Ⅰ级", "pass"), ("1级能效", "pass"), ("二级", "fail"),
                                               ("Level 2", "fail")])
def test_grade_words(tmp_path: Path, grade: str, status: str) -> None:
    products, _ = results(write(tmp_path, f"model,category,energy_grade\nU1,ups,{grade}\n"))
    assert products[0][1]["6.3.2/ups-grade"].status == status


@pytest.mark.parametrize("poles", ["4", "4极", "四极"])
def test_pole_words(tmp_path: Path, poles: str) -> None:
    """11 kW, 4 poles, 93.6 %: grade 2 worked out, the declared grade 1 is for a person."""
    csv = f"model,category,energy_grade,rated_power,poles,rated_efficiency\nM1,motor,1,11,{poles},93.6\n"
    products, _ = results(write(tmp_path, csv))
    assert products[0][1]["6.3.3/motor-grade"].status == "manual_review"


def test_category_words_and_header(tmp_path: Path) -> None:
    products, errors = results(write(tmp_path, "model,品目,psu_efficiency_50\nA,机架式服务器,95\nB,Rack Server,93\n"))
    assert not errors
    assert [(pid, clauses["6.2.1/psu-eff-50"].status) for pid, clauses in products] == [("A", "pass"), ("B", "fail")]


def test_platform_headers_for_model_and_scope(tmp_path: Path) -> None:
    """型号规格 names the model; 配电线路 / 敷设于隐蔽通风空间 and 端口形态 the clauses' scope."""
    cable = ("型号规格,类别,配电线路,敷设于隐蔽通风空间,烟气最小透光率\nWDZ-BYJ-2.5,电线电缆,否,否,40%\n"
             "WDZ-YJY-4x50,电线电缆,是,是,40%\n")
    products, errors = results(write(tmp_path, cable))
    assert not errors
    assert [(pid, c["6.3.6/smoke-transmittance"].status) for pid, c in products] == [
        ("WDZ-BYJ-2.5", "not_applicable"), ("WDZ-YJY-4x50", "fail")]
    firewall = "型号,类别,端口形态,fw_throughput,volume\nFW-X9000,firewall,框式,400,219\n"
    products, _ = results(write(tmp_path, firewall, "fw.csv"))
    assert products[0][1]["6.2.4/volume"].status == "not_applicable"


def test_hidden_rows_and_columns(tmp_path: Path) -> None:
    """Rows and columns a workbook hides are no evidence (red-team catalogs round 2: a hidden row's 94.6 passed)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["model", "category", "psu_efficiency_50", "psu_efficiency_20 (%)"])
    sheet.append(["HR-1", "server", 94.6, 92.0])
    sheet.append(["HR-2", "server", 94.6, 92.0])
    sheet.append(["HR-3", "server", 94.6, 92.0])
    sheet.row_dimensions[3].hidden = True
    sheet.column_dimensions["D"].hidden = True
    path = tmp_path / "hidden.xlsx"
    book.save(path)
    products, errors = results(path)
    got = [(pid, clauses["6.2.1/psu-eff-50"].status, clauses["6.2.1/psu-eff-20"].status) for pid, clauses in products]
    assert got == [("HR-1", "pass", "missing_evidence"), ("HR-2", "manual_review", "missing_evidence"),
                   ("HR-3", "pass", "missing_evidence")]
    assert "hides" in products[1][1]["6.2.1/psu-eff-50"].note
    assert any("a column the workbook hides" in error for error in errors)


# (cell, comment) → the statuses of psu-eff-50 and psu-eff-20 of CM-1 and CM-2
_COMMENTED = [
    ("C2", "典型值（typical），引用自同系列 CM-0，本型号未测", [("manual_review", "pass"), ("pass", "pass")]),
    ("C2", "已核对 2024-05", [("pass", "pass"), ("pass", "pass")]),  # a comment that qualifies nothing
    ("D3", "estimated, not measured", [("pass", "pass"), ("pass", "manual_review")]),  # on another field's cell
    ("A2", "本型号数据引用自同系列 CM-0", [("manual_review", "manual_review"), ("pass", "pass")]),  # the model's cell
    ("C1", "厂商典型值", [("manual_review", "pass"), ("manual_review", "pass")]),  # the header: the column
]


@pytest.mark.parametrize(("cell", "comment", "expected"), _COMMENTED)
def test_cell_comments(tmp_path: Path, cell: str, comment: str, expected: list[tuple[str, str]]) -> None:
    """A cell comment (Excel's note) that qualifies a value makes it doubtful (red-team catalogs round 6, c55: the
    only qualifier of a 94.6 was the comment '典型值…本型号未测', and it passed)."""
    from openpyxl.comments import Comment

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["model", "category", "psu_efficiency_50", "psu_efficiency_20"])
    sheet.append(["CM-1", "server", 94.6, 92.0])
    sheet.append(["CM-2", "server", 94.6, 92.0])
    sheet[cell].comment = Comment(comment, "auditor")
    path = tmp_path / "commented.xlsx"
    book.save(path)
    products, errors = results(path)
    assert not errors
    got = [(clauses["6.2.1/psu-eff-50"].status, clauses["6.2.1/psu-eff-20"].status) for _, clauses in products]
    assert got == expected
    if "manual_review" in got[0]:
        clauses = products[0][1]
        doubted = clauses["6.2.1/psu-eff-50" if got[0][0] == "manual_review" else "6.2.1/psu-eff-20"]
        assert "the comment on cell" in doubted.note


@pytest.mark.parametrize(("lab_value", "status"), [("93.1", "manual_review"), ("94.6", "pass")])
def test_one_model_in_two_files_of_an_audit(tmp_path: Path, lab_value: str, status: str) -> None:
    """A vendor's catalog and a lab's spot-check of the same model that disagree go to a person, in both files
    (red-team catalogs round 6, c70: the vendor's row passed beside the lab's fail)."""
    write(tmp_path, "model,category,psu_efficiency_50\nFC-1,server,94.6\nFC-2,server,95.0\n", "vendor.csv")
    write(tmp_path, f"型号,类别,50%负载效率\nfc-1 ,server,{lab_value}\n", "lab.csv")
    products, errors = results(tmp_path)
    assert not errors
    got = sorted((pid.strip().upper(), clauses["6.2.1/psu-eff-50"].status) for pid, clauses in products)
    assert got == [("FC-1", status), ("FC-1", status), ("FC-2", "pass")]


@pytest.mark.parametrize(("header", "cell", "remark", "status"), [
    ("证书有效期", "2022-12-31", "", "manual_review"),  # a platform's name for the validity column
    ("证书有效期", "2027-06-30", "", "pass"),
    ("有效期至", "2027-06-30", "节能认证证书已于2022年底到期", "manual_review"),  # the remark says it expired
    ("有效期至", "2027-06-30", "certificate expired in 2023", "manual_review"),
    ("有效期至", "2027-06-30", "证书有效", "pass"),
])
def test_an_expired_certificate_in_a_price_list(tmp_path: Path, header: str, cell: str, remark: str,
                                                status: str) -> None:
    """A UPS price list whose certificate has lapsed (red-team round 8 facility catalogs, U04: '证书有效期
    2022-12-31' was an unrecognised column and '节能认证证书已于2022年底到期' was passed over, and grade 1 passed)."""
    products, _ = results(write(tmp_path, f"型号,产品类别,能效等级,{header},备注\nU-1,UPS,1级,{cell},{remark}\n"))
    assert products[0][1]["6.3.2/ups-grade"].status == status


@pytest.mark.parametrize(("front", "maximum", "status"), [
    ("", "≤105", "pass"),  # the maximum's own bound proves ≤ 110 (800 kW) although the direction columns are blank
    ("", "≤112", "manual_review"),
    ("104", "104", "pass"),
    ("", "104", "pass"),
])
def test_a_maximum_noise_bound_beside_blank_directions(tmp_path: Path, front: str, maximum: str, status: str) -> None:
    """A generator list with the four direction columns left blank and the maximum printed as a bound (red-team round
    8 facility catalogs, H05: '≤105' was missing evidence, the blank directions' maximum written over it)."""
    csv = ("model,category,rated_power [kW],noise_front [dBA],noise_max [dBA]\n"
           f"G-1,generator,800,{front},{maximum}\n")
    products, _ = results(write(tmp_path, csv))
    assert products[0][1]["6.3.5/noise"].status == status


@pytest.mark.parametrize(("header", "status"), [
    ("氟含量 cable_fluorine [%]", "pass"),  # both languages name the field
    ("烟气最小透光率 实测值 smoke_transmittance [%]", None),
    ("设计值 cable_fluorine [%]", "missing_evidence"),  # a design value: one language alone decides nothing
    ("氟含量 smoke_transmittance [%]", "missing_evidence"),  # the two name different fields
])
def test_bilingual_headers(tmp_path: Path, header: str, status: str | None) -> None:
    """Headers a platform writes in both languages (red-team round 8 facility catalogs, J01-J07: every fluorine and
    smoke value was missed)."""
    csv = f"型号规格 model,category,配电线路 power_distribution,{header}\nC-1,cable,no,0.02\n"
    products, _ = results(write(tmp_path, csv))
    assert products[0][0] == "C-1"
    if status is not None:
        assert products[0][1]["6.1.5/cable-fluorine"].status == status
