"""CSV catalogs as spreadsheets really save them: GB18030 (Excel's "CSV" on a Chinese system), UTF-16 with a
BOM (Excel's "Unicode text", tab-separated), semicolons with decimal commas (a European locale), tabs.

Before, each was one error for the whole file ("cannot read as CSV", "binary data", "no category column").
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker.inputs.table_files import CsvDialect, csv_dialect
from checker.pipeline import audit

AS_OF = date(2026, 11, 20)
ROWS_ZH = "型号,类别,50%负载电源效率\nA,服务器,94.5\nB,服务器,93\n"


@pytest.mark.parametrize(("text", "encoding", "dialect"), [
    (ROWS_ZH, "gb18030", CsvDialect("gb18030", ",")),
    (ROWS_ZH, "gbk", CsvDialect("gb18030", ",")),
    (ROWS_ZH, "utf-8", CsvDialect("utf-8-sig", ",")),
    (ROWS_ZH, "utf-8-sig", CsvDialect("utf-8-sig", ",")),
    (ROWS_ZH.replace(",", "\t"), "utf-16", CsvDialect("utf-16", "\t")),
    ("型号;类别;50%负载电源效率\nA;服务器;94,5\nB;服务器;93\n", "utf-8", CsvDialect("utf-8-sig", ";")),
])
def test_spreadsheet_exports_are_read(tmp_path: Path, text: str, encoding: str, dialect: CsvDialect) -> None:
    path = tmp_path / "catalog.csv"
    path.write_bytes(text.encode(encoding))
    assert csv_dialect(path) == dialect
    report = audit([path], AS_OF).report()
    assert report.errors == []
    statuses = [{c.id: (c.status, c.value) for c in p.clauses}["6.2.1/psu-eff-50"] for p in report.products]
    assert [p.id for p in report.products] == ["A", "B"]
    assert statuses == [("pass", 94.5), ("fail", 93.0)]


def test_a_long_first_row_in_a_gbk_file_names_the_users_file(tmp_path: Path) -> None:
    """A mended file's errors name the user's file, not the private copy it was read from."""
    path = tmp_path / "catalog.csv"
    path.write_bytes("型号,类别,50%负载电源效率\nA,服务器,94,5\nB,,93\n".encode("gbk"))
    report = audit([path], AS_OF).report()
    assert [e.error for e in report.errors][:1] == ["line 2: 4 fields where the header has 3; row not read"]
    assert all("gdc-csv-" not in e.error for e in report.errors)


def test_a_separator_inside_quotes_does_not_count(tmp_path: Path) -> None:
    path = tmp_path / "catalog.csv"
    path.write_text('"model; name"\tcategory\nA\tserver\n', encoding="utf-8")
    assert csv_dialect(path) == CsvDialect("utf-8-sig", "\t")
