"""Workbooks written for tests: one sheet per name, its rows appended as given."""

from __future__ import annotations

from pathlib import Path

import openpyxl


def write_workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """An XLSX at ``path`` with a sheet per name of ``sheets`` holding its rows; returns ``path``."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path
