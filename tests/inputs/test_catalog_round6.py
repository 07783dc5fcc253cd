"""Catalogs of red-team round 6: one model typed several ways ("SR-WS1 ", "ＳＲ-ＷＳ1", "sr-ws1"), floating-point noise
at a limit (79.99999999999999), values a note row or a remarks column calls typical or borrowed, validity dates written
the European, American or English way, and fractions under a percent field's header with no unit. Each gave a false
pass or a wrong fail before."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker.models import ClauseResult
from tests.catalog_audits import audit_results
from tests.catalog_audits import write_text as write

AS_OF = date(2025, 6, 1)


def results(path: Path) -> tuple[list[tuple[str, dict[str, ClauseResult]]], list[str]]:
    return audit_results(path, AS_OF)


def statuses(path: Path, clause: str) -> list[tuple[str, str]]:
    products, _ = results(path)
    return [(pid, clauses[clause].status) for pid, clauses in products]


def test_one_model_typed_several_ways_is_compared(tmp_path: Path) -> None:
    """Hostile: one model's rows typed with a trailing space, full-width letters, a no-break space or in lower case
    disagree. Honest: "SR-WS10" is not "SR-WS1", and rows typed differently that agree still pass."""
    csv = ("model,category,psu_efficiency_50\nSR-WS1,server,94.6\nSR-WS1 ,server,93.1\n"
           "SR-WS2,server,94.6\n\uff33\uff32-\uff37\uff33\uff12,server,93.1\n"
           "SR-WS3,server,94.6\nsr-ws3\u00a0,server,93.1\n"
           "SR-WS4,server,94.6\nSR-WS40,server,93.1\nSR-WS5,server,94.6\nsr-ws5 ,server,94.6\n")
    products, errors = results(write(tmp_path, csv))
    assert not errors
    clauses = [clauses["6.2.1/psu-eff-50"] for _, clauses in products]
    assert [clause.status for clause in clauses] == ["manual_review"] * 6 + ["pass", "fail", "pass", "pass"]
    assert all("conflicting values" in (clause.note or "") for clause in clauses[:6])


NOISY = {"psu_efficiency_50": 93.99999999999999, "psu_power_factor_50": 0.9499999999999998,
         "recyclability": 79.99999999999999}  # means a platform computed: 94, 0.95, 80 to 16 digits
HAIR_UNDER = {"psu_efficiency_50": 93.9999999996, "psu_power_factor_50": 0.9499999999, "recyclability": 79.999999999}
NOISE_CLAUSES = ("6.2.1/psu-eff-50", "6.2.1/psu-pf-50", "6.2.1/recyclability")


def _noise_file(tmp_path: Path, kind: str) -> Path:
    """The noisy row and a row a hair under each limit (honest: it fails), as Parquet, XLSX or JSON records."""
    rows = [{"model": "FN-1", "category": "server", **NOISY}, {"model": "FN-2", "category": "server", **HAIR_UNDER}]
    if kind == "parquet":
        import pandas as pd

        path = tmp_path / "noise.parquet"
        pd.DataFrame(rows).to_parquet(path)
        return path
    if kind == "xlsx":
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(list(rows[0]))
        for row in rows:
            sheet.append(list(row.values()))
        path = tmp_path / "noise.xlsx"
        book.save(path)
        return path
    import json

    path = tmp_path / "noise.json"
    path.write_text(json.dumps([{"id": row["model"], **row} for row in rows]), encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["parquet", "xlsx", "json"])
def test_floating_point_noise_at_a_limit(tmp_path: Path, kind: str) -> None:
    """Hostile: 93.99999999999999 (a mean of 93.0, 93.7, 94.6, 94.7) is 94 and meets ≥ 94, on every path alike.
    Honest: 93.9999999996, a value a person could print, still fails."""
    products, errors = results(_noise_file(tmp_path, kind))
    assert not errors
    got = {pid: [clauses[clause].status for clause in NOISE_CLAUSES] for pid, clauses in products}
    assert got == {"FN-1": ["pass"] * 3, "FN-2": ["fail"] * 3}


PSU = ("6.2.1/psu-eff-20", "6.2.1/psu-eff-50", "6.2.1/psu-eff-100", "6.2.1/psu-pf-20", "6.2.1/psu-pf-50",
       "6.2.1/psu-pf-100")
SERVER_HEADER = ("model,category,psu_efficiency_20,psu_efficiency_50,psu_efficiency_100,psu_power_factor_20,"
                 "psu_power_factor_50,psu_power_factor_100,recyclability")
SERVER_VALUES = "server,92.2,94.9,92.0,0.97,0.99,0.99,84.4"


@pytest.mark.parametrize(("note", "doubted"), [
    ("注：以上电源效率、功率因数均为厂商典型值（typical），未经第三方检测。", PSU),  # hostile: the PSU values only
    ("Note: all values are typical unless otherwise noted", (*PSU, "6.2.1/recyclability")),  # names no field: all
    ("注：数据来源于 CQC 检测报告 No. 2024-0117", ()),  # honest: a note, no product, nothing doubted
])
def test_a_note_row_under_the_table(tmp_path: Path, note: str, doubted: tuple[str, ...]) -> None:
    csv = f"{SERVER_HEADER}\nTS860G3,{SERVER_VALUES}\nTS460G3,{SERVER_VALUES}\n,,,,,,,,\n\"{note}\",,,,,,,,\n"
    products, errors = results(write(tmp_path, csv))
    assert not errors  # the note is no junk product
    assert [pid for pid, _ in products] == ["TS860G3", "TS460G3"]
    for _, clauses in products:
        for clause in (*PSU, "6.2.1/recyclability"):
            assert clauses[clause].status == ("manual_review" if clause in doubted else "pass"), clause
        if doubted:
            assert note[:12] in (clauses[doubted[0]].note or "")


def test_a_remarks_column(tmp_path: Path) -> None:
    """Hostile: a typical value, another model's figure, a value pending retest. Honest: a report number, 实测."""
    csv = (f"{SERVER_HEADER},备注\n"
           f"RM1,{SERVER_VALUES},电源效率为典型值\n"
           f"RM2,{SERVER_VALUES},数据引用自同系列 SR-RM0 检测报告，本型号未测\n"
           f"RM3,{SERVER_VALUES},50%负载效率待复测\n"
           f"RM4,{SERVER_VALUES},CQC 检测报告 No. 2024-0117\n"
           f"RM5,{SERVER_VALUES},实测\n"
           f"RM6,{SERVER_VALUES},含2个电源模块\n")
    products, errors = results(write(tmp_path, csv))
    assert not errors  # the 备注 column is read, not reported unused
    got = {pid: {clause for clause in (*PSU, "6.2.1/recyclability") if clauses[clause].status == "manual_review"}
           for pid, clauses in products}
    efficiencies = {"6.2.1/psu-eff-20", "6.2.1/psu-eff-50", "6.2.1/psu-eff-100"}
    assert got == {"RM1": efficiencies, "RM2": {*PSU, "6.2.1/recyclability"}, "RM3": {"6.2.1/psu-eff-50"},
                   "RM4": set(), "RM5": set(), "RM6": set()}
    assert "典型值" in (dict(products)["RM1"]["6.2.1/psu-eff-50"].note or "")


def test_validity_dates_written_other_ways(tmp_path: Path) -> None:
    """Hostile: certificates expired 2023-12-31 written 31/12/2023, 12/31/2023, 31.12.2023, "Dec 31, 2023", 2023-12
    (its last day), and an ambiguous 01/02/2030 (1 February or 2 January?). Honest: the same forms, still valid."""
    dates = ["31/12/2023", "12/31/2023", "31.12.2023", "Dec 31, 2023", "2023-12", "01/02/2030",
             "31/12/2030", "12/31/2030", "31.12.2030", "Dec 31, 2030", "2030-12", "02/02/2030"]
    rows = "".join(f'V{index},server,94.6,"{text}"\n' for index, text in enumerate(dates))
    products, errors = results(write(tmp_path, "model,category,psu_efficiency_50,valid_until\n" + rows))
    assert not errors
    clauses = [clauses["6.2.1/psu-eff-50"] for _, clauses in products]
    assert [clause.status for clause in clauses] == ["manual_review"] * 6 + ["pass"] * 6
    assert all("valid until 2023-12-31" in (clause.note or "") for clause in clauses[:5])
    assert "ambiguous date '01/02/2030'" in (clauses[5].note or "")


@pytest.mark.parametrize(("csv", "clause"), [
    ("model,category,power_distribution,concealed_ventilated_space,smoke_transmittance\n"
     "C1,cable,true,true,0.72\nC2,cable,true,true,0.55\nC3,cable,true,true,72\nC4,cable,true,true,55\n",
     "6.3.6/smoke-transmittance"),
    ("model,category,recycled_plastic_share,plastic_mass [g]\n"
     "P1,desktop,0.035,1500\nP2,desktop,0.012,1500\nP3,desktop,3.5,1500\nP4,desktop,0,1500\n",
     "6.2.2/recycled-plastic"),
])
def test_a_fraction_where_a_percentage_is_due(tmp_path: Path, csv: str, clause: str) -> None:
    """Hostile: 0.72 and 0.035 under a header with no unit (72 % and 3.5 % as fractions) failed. Honest: 72, 55,
    3.5 and a zero are read as the percentages they are."""
    products, errors = results(write(tmp_path, csv))
    assert not errors
    got = [clauses[clause].status for _, clauses in products]
    assert got[:2] == ["manual_review", "manual_review"]
    assert "fraction of one" in (products[0][1][clause].note or "")
    assert got[2:] == ["pass", "fail"]


def test_a_fraction_in_a_record_goes_to_a_person_too(tmp_path: Path) -> None:
    """The record path reads the same field the same way: 0.72 is no smoke transmittance of 0.72 %."""
    import json

    records = [{"id": "C1", "category": "cable", "power_distribution": True, "concealed_ventilated_space": True,
                "smoke_transmittance": 0.72},
               {"id": "C2", "category": "cable", "power_distribution": True, "concealed_ventilated_space": True,
                "smoke_transmittance": 72}]
    path = tmp_path / "cables.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    products, _ = results(path)
    assert [clauses["6.3.6/smoke-transmittance"].status for _, clauses in products] == ["manual_review", "pass"]


def test_a_note_about_marked_values(tmp_path: Path) -> None:
    """"注：带*者为厂商估算值" is about the rows with a '*' only (red-team catalogs round 2 re-score: every row of the
    file, honest ones too, went to a person)."""
    csv = (f"{SERVER_HEADER}\nTS860G3,{SERVER_VALUES}\nTS460G3,{SERVER_VALUES.replace('94.9', '94.9*', 1)}\n"
           "注：带*者为厂商估算值，非检测值。,,,,,,,,\n")
    products, errors = results(write(tmp_path, csv))
    assert not errors
    statuses = {pid: clauses["6.2.1/psu-eff-50"].status for pid, clauses in products}
    assert statuses == {"TS860G3": "pass", "TS460G3": "manual_review"}


@pytest.mark.parametrize(("name", "text", "row"), [
    ("excel.csv", "sep=;\nmodel;category;psu_efficiency_50\nSX-1;server;94,5\n", "row 3"),  # Excel's separator line
    ("export.tsv", "model\tcategory\tpsu_efficiency_50\nSX-1\tserver\t94.5\n", "row 2"),
])
def test_separator_line_and_tab_separated_files(tmp_path: Path, name: str, text: str, row: str) -> None:
    """A "sep=;" first line names the separator (it had been read as the header: "no category column"), and a .tsv
    export is a catalog (it was refused as an unsupported type); rows are numbered as the file's lines."""
    products, errors = results(write(tmp_path, text, name))
    assert not errors
    (pid, clauses), = products
    assert (pid, clauses["6.2.1/psu-eff-50"].status) == ("SX-1", "pass")
    assert clauses["6.2.1/psu-eff-50"].evidence[0].text.startswith(row)


def test_title_lines_and_blank_rows_of_a_csv(tmp_path: Path) -> None:
    """A CSV export's title line and blank line above the header are passed over (the file had been refused: "no
    category column"), and rows of blank cells (",,,,") are no products of the model above them (they had turned an
    honest catalog incomplete); rows keep the file's line numbers."""
    text = ("XX市政府采购 数据中心设备清单（导出时间：2024-05-01）\n\nmodel,category,psu_efficiency_50\n"
            "WA-1,server,94.9\n,,\n,,\nWA-2,server,94.6\n")
    products, errors = results(write(tmp_path, text))
    assert not errors
    assert [(pid, clauses["6.2.1/psu-eff-50"].status) for pid, clauses in products] == [("WA-1", "pass"),
                                                                                       ("WA-2", "pass")]
    assert products[1][1]["6.2.1/psu-eff-50"].evidence[0].text.startswith("row 7")
