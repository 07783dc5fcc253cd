"""A document's own limit or requirement (a 标准要求 / 技术要求 / 限值 / limit / threshold / requirement
column or row) is never read as the product's value; the result column is (issue #11 item 3)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from checker.inputs.documents import read_pdf
from checker.models import Fact

MakePdf = Callable[..., Path]


def facts_of(path: Path, category: str) -> dict[str, list[Fact]]:
    out: dict[str, list[Fact]] = {}
    for fact in read_pdf(path, category).facts:
        out.setdefault(fact.field, []).append(fact)
    return out


def readings(facts: dict[str, list[Fact]], field: str) -> list[tuple[object, str]]:
    return [(f.value, f.qualifier) for f in facts.get(field, [])]


@pytest.mark.parametrize("header", [("检测项目", "限值", "检测结果"), ("检测项目", "标准要求", "检验结果"),
                                    ("Test item", "Limit", "Result"), ("Test item", "Max. allowed", "Measured"),
                                    ("Substance", "Threshold (mg/kg)", "Result (mg/kg)"),
                                    ("检测项目", "规定值", "实测值"),
                                    ("Test item", "Permissible limit", "Test result")])
def test_limit_column_is_not_the_value(make_pdf: MakePdf, header: tuple[str, str, str]) -> None:
    path = make_pdf([["Desktop computer test report", header, ("Lead (Pb)", "1000", "12"),
                      ("Cadmium (Cd)", "100", "ND")]], col_width=150)
    facts = facts_of(path, "desktop")
    assert readings(facts, "pb") == [(12.0, "")]
    assert readings(facts, "cd") == [(None, "nd")]


def test_result_column_before_the_limit_column(make_pdf: MakePdf) -> None:
    path = make_pdf([["Desktop computer test report", ("Test item", "Result", "Limit"),
                      ("Lead (Pb)", "5 mg/kg", "1000 mg/kg"), ("Cadmium (Cd)", "ND", "100 mg/kg")]], col_width=150)
    facts = facts_of(path, "desktop")
    assert readings(facts, "pb") == [(5.0, "")] and readings(facts, "cd") == [(None, "nd")]


@pytest.mark.parametrize("label", ["Limit", "限值", "Requirement", "技术要求", "Max. allowed"])
def test_limit_row_is_not_the_value(make_pdf: MakePdf, label: str) -> None:
    path = make_pdf([["Desktop computer test report", ("Item", "Pb", "Hg", "Cd"), (label, "1000", "1000", "100"),
                      ("Result", "5", "ND", "2")]], col_width=110)
    facts = facts_of(path, "desktop")
    assert readings(facts, "pb") == [(5.0, "")]
    assert readings(facts, "hg") == [(None, "nd")]
    assert readings(facts, "cd") == [(2.0, "")]


@pytest.mark.parametrize(("label", "order"), [("Requirement", "after"), ("技术要求", "before")])
def test_requirement_row_of_a_load_table(make_pdf: MakePdf, label: str, order: str) -> None:
    rows: list[object] = [("Efficiency", "90.2%", "93.5%", "91.0%")]
    limit = (label, "88%", "94%", "91%")
    rows = [*rows, limit] if order == "after" else [limit, *rows]
    path = make_pdf([["Rack server", ("Load", "20%", "50%", "100%"), *rows]], col_width=100)
    facts = facts_of(path, "server")
    assert readings(facts, "psu_efficiency_50") == [(93.5, "")]
    assert readings(facts, "psu_efficiency_20") == [(90.2, "")]


@pytest.mark.parametrize(("line", "field", "expected"), [
    ("电源效率要求≥94%，实测93.1%（50%负载）", "psu_efficiency_50", [(93.1, "")]),
    ("Lead (Pb): limit 1000 mg/kg, measured 5 mg/kg", "pb", [(5.0, "")]),
    ("铅(Pb)限值：1000 mg/kg", "pb", []),
    ("The limit for mercury (Hg) is 1000 mg/kg.", "hg", []),
    ("Mercury (Hg): threshold 0.1 %", "hg", []),
    ("Lead (Pb)  MDL 2 mg/kg", "pb", []),
])
def test_limit_words_in_a_line(make_pdf: MakePdf, line: str, field: str, expected: list[tuple[float, str]]) -> None:
    category = "server" if field.startswith("psu") else "desktop"
    facts = facts_of(make_pdf([["Test report", line]]), category)
    assert readings(facts, field) == expected


def test_a_prose_cell_is_not_a_column_header(make_pdf: MakePdf) -> None:
    """Regression (scanned SGS cover page): "Conclusion : | ... the results of Cadmium," was taken for a
    header whose second column is cadmium, and every number below it (phone numbers, postcodes) for Cd."""
    prose = "Based on the performed tests on submitted sample(s), the results of Cadmium,"
    path = make_pdf([["Test report", ("Conclusion :", prose),
                      "Lead, Mercury comply with the limits as set by RoHS Directive (EU) 2015/863.",
                      ("Address", "No. 889 Yishan Road, Shanghai 200233"), ("Tel", "61402553")]], col_width=90)
    facts = facts_of(path, "desktop")
    assert not [f for f in facts.get("cd", []) if f.value is not None]


# -- column roles: a value only from the result column; a blank or dash result gives none ----------------

_ROLE_TABLES = [
    ("cooling", ("Test", "Permissible limit", "Test result", "Conclusion"),
     ("Energy efficiency grade (GB 19577)", "Grade 1 or better"), "Grade 1"),
    ("cooling", ("Item", "Requirement", "Result", "Verdict"), ("Energy efficiency grade (GB 19577)", "Grade 1"),
     "Grade 1"),
    ("fan", ("检验项目", "标准要求", "检验结果", "单项结论"), ("能效等级（GB 19761）", "2级"), "2级"),
]


@pytest.mark.parametrize(("category", "header", "row", "result"), _ROLE_TABLES)
@pytest.mark.parametrize("blank", ["", "——", "/", "see annex", "见附表"])
@pytest.mark.parametrize("col_width", [120.0, 200.0])
def test_blank_result_never_takes_the_limit_cell(make_pdf: MakePdf, category: str, header: tuple[str, ...],
                                                  row: tuple[str, str], result: str, blank: str,
                                                  col_width: float) -> None:
    """A narrow label column makes the line reader merge the label with the limit cell: still no value."""
    path = make_pdf([[f"{category} test report", header, (*row, blank, "Fail")]], col_width=col_width)
    assert readings(facts_of(path, category), "energy_grade") == []


@pytest.mark.parametrize(("category", "header", "row", "result"), _ROLE_TABLES)
@pytest.mark.parametrize("col_width", [120.0, 200.0])
def test_result_column_is_read_beside_a_limit(make_pdf: MakePdf, category: str, header: tuple[str, ...],
                                              row: tuple[str, str], result: str, col_width: float) -> None:
    path = make_pdf([[f"{category} test report", header, (*row, result, "Pass")]], col_width=col_width)
    assert [v for v, _ in readings(facts_of(path, category), "energy_grade")] == [float(result.strip("Grade 级"))]


@pytest.mark.parametrize("line", ["PSU efficiency at 50% load (requirement ≥ 90%): 92.5%",
                                  "50%负载电源效率（标准要求≥90%）：92.5%", "50%负载电源效率（限值90%）：92.5%"])
def test_limit_in_brackets_of_the_label_leaves_the_value(make_pdf: MakePdf, line: str) -> None:
    """The requirement stated in brackets with its own number is the bracket's; the value after is the product's."""
    facts = facts_of(make_pdf([["Ethernet switch specification", line]]), "switch")
    assert readings(facts, "psu_efficiency_50") == [(92.5, "")]


@pytest.mark.parametrize("line", ["PSU efficiency at 50% load (requirement): 90%", "50%负载电源效率（标准要求）：90%",
                                  "PSU efficiency at 50% load requirement (≥): 90%"])
def test_limit_word_without_its_own_number_names_the_value(make_pdf: MakePdf, line: str) -> None:
    facts = facts_of(make_pdf([["Ethernet switch specification", line]]), "switch")
    assert all(value is None or qualifier for value, qualifier in readings(facts, "psu_efficiency_50"))


def test_a_header_printed_over_two_rows_keeps_its_limit_columns(make_pdf: MakePdf) -> None:
    """Issue 13 (unseen lab report, seed 9001): cells centred vertically put "Limit | MDL | Result" on one row and
    "Substance | Conclusion" on the next; the second row continues the header instead of replacing it, so the
    limit (1000) and the detection limit (8) are not read as results."""
    path = make_pdf([["Server test report", ("", "Limit", "MDL", "Result", ""), ("Substance", "", "", "", "Conclusion"),
                      ("Lead (Pb)", "1000", "8", "ND", "Pass"), ("Mercury (Hg)", "1000", "2", "106", "Pass")]],
                    col_width=110)
    facts = facts_of(path, "server")
    assert readings(facts, "pb") == [(8.0, "lt")]  # not detected: below the MDL column's 8
    assert readings(facts, "hg") == [(106.0, "")]


def test_a_next_tables_header_right_under_a_header_replaces_it(make_pdf: MakePdf) -> None:
    """The report's "序号 | 检验项目 | 标准要求 | 检验结果 | 单项结论" header with no row of its own, then a load
    table's header on the same grid: the second is a new header (its efficiency and power-factor columns are read)."""
    path = make_pdf([["服务器检验报告", ("序号", "检验项目", "标准要求", "检验结果", "单项结论"),
                      ("负载率", "输入功率(W)", "输出功率(W)", "效率(%)", "功率因数"),
                      ("20%", "354.8", "320.0", "90.2", "0.901"), ("50%", "854.7", "800.0", "93.6", "0.891")]],
                    col_width=100)
    facts = facts_of(path, "server")
    assert readings(facts, "psu_efficiency_20") == [(90.2, "")]
    assert readings(facts, "psu_power_factor_50") == [(0.891, "")]


@pytest.mark.parametrize("line", ["包装材料含镉、铅、汞、六价铬等重金属合计不得超过100ppm。",
                                  "包裝材料含镉、鉛、汞、六價鉻等重金屬合計不可超過100ppm，其中塑膠鎘含量不可超過5ppm",
                                  "Packaging: lead, mercury, cadmium and hexavalent chromium must not exceed 100 ppm."])
def test_a_requirement_sentence_is_the_documents_limit(make_pdf: MakePdf, line: str) -> None:
    """A procedure's "must not exceed 100 ppm" (simplified, traditional, English) is a limit it sets, never a
    product's mercury content (which would pass ≤ 1000 ppm): the scanned zh_TW procedure of ../shared."""
    facts = facts_of(make_pdf([["Environmental procedure", line]]), "server")
    assert all(f.value is None for name in ("pb", "hg", "cd", "cr6") for f in facts.get(name, []))


@pytest.mark.parametrize("line", [
    "Lead (Pb): 0.09 % (threshold)", "Lead (Pb): 500 ppm (internal limit)", "Lead (Pb) 500 ppm (customer requirement)",
    "Lead (Pb): 500 ppm permitted", "Lead (Pb): 500 ppm (MCV)", "铅(Pb)：500 mg/kg（管控值）",
    "铅(Pb)：500 mg/kg（企业内控标准）", "铅(Pb)：500 ppm（允许值）", "铅(Pb)：500 mg/kg（客户要求）",
])
def test_a_limit_word_after_the_number_makes_it_a_limit(make_pdf: MakePdf, line: str) -> None:
    """A supplier's stricter limit is no measurement of the product: "0.09 % (threshold)" passed Pb ≤ 1000 mg/kg."""
    facts = facts_of(make_pdf([["Server material composition", line]]), "server")
    assert [f for f in facts.get("pb", []) if f.value is not None and not f.note] == []


@pytest.mark.parametrize(("line", "value"), [
    ("Lead (Pb): 12 mg/kg (limit 1000 mg/kg)", 12.0),  # the limit word has a number of its own
    ("Lead (Pb): 12 mg/kg (measured)", 12.0),
])
def test_a_limit_word_with_its_own_number_leaves_the_reading(make_pdf: MakePdf, line: str, value: float) -> None:
    facts = facts_of(make_pdf([["Server test report", line]]), "server")
    assert [f.value for f in facts["pb"]] == [value]
