"""A filled-in form's text fields are read as a viewer shows them (form_fields.py).

Regression: a bidder's response form printing "PSU efficiency at 50% load: [ 91% ]" in a text field gave no value
(missing evidence): the value lies in a widget annotation, not in the page's text. A field that shows nothing (hidden,
no view, outside the page) gives nothing, and a value is what the field's appearance draws, not what it stores.
"""

from __future__ import annotations

import ctypes
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from checker.pipeline import check

R = pdfium.raw


def _form(path: Path, value: str, *, x: float = 200, lines: tuple[str, ...] = ("PSU efficiency at 50% load:",)) -> Path:
    page = canvas.Canvas(str(path), pagesize=A4)
    page.setFont("Helvetica", 10)
    page.drawString(50, 800, "2U rack server R-200 - bidder response form")
    for number, line in enumerate(lines):
        page.drawString(50, 760 - 30 * number, line)
    page.acroForm.textfield(name="eff50", value=value, x=x, y=755, width=80, height=16, borderWidth=0, fontSize=10)
    page.showPage()
    page.save()
    return path


def _edit_widget(path: Path, edit: str) -> Path:
    """``path`` with its one widget edited in place: "hidden" sets the hidden flag, "stored" stores "96%" as the value
    while the appearance still draws the original."""
    document = pdfium.PdfDocument(str(path))
    page = document[0]
    annot = R.FPDFPage_GetAnnot(page.raw, 0)
    if edit == "hidden":
        R.FPDFAnnot_SetFlags(annot, R.FPDFAnnot_GetFlags(annot) | 0x2)
    else:
        text = "96%".encode("utf-16-le") + b"\x00\x00"
        R.FPDFAnnot_SetStringValue(annot, b"V", ctypes.cast(ctypes.c_char_p(text), ctypes.POINTER(R.FPDF_WCHAR)))
    R.FPDFPage_CloseAnnot(annot)
    out = path.with_name(f"{edit}.pdf")
    document.save(str(out))
    page.close()
    document.close()
    return out


def _efficiency(path: Path) -> tuple[str, float | None]:
    report = check([path], date(2026, 1, 1), category="server").report()
    clause = next(c for c in report.products[0].clauses if c.id == "6.2.1/psu-eff-50")
    return clause.status, clause.value


@pytest.mark.parametrize(("value", "expected"), [("91%", ("fail", 91.0)), ("96%", ("pass", 96.0))])
def test_a_filled_field_is_read_beside_its_label(tmp_path: Path, value: str, expected: tuple[str, float]) -> None:
    assert _efficiency(_form(tmp_path / "f.pdf", value)) == expected


def test_a_hidden_field_gives_nothing(tmp_path: Path) -> None:
    assert _efficiency(_edit_widget(_form(tmp_path / "f.pdf", "96%"), "hidden")) == ("missing_evidence", None)


def test_what_the_field_draws_is_read_not_what_it_stores(tmp_path: Path) -> None:
    """The field stores "96%" (/V) while its appearance, which a viewer shows, draws "91%": 91 % is read."""
    assert _efficiency(_edit_widget(_form(tmp_path / "f.pdf", "91%"), "stored")) == ("fail", 91.0)


def test_a_field_outside_the_page_gives_nothing(tmp_path: Path) -> None:
    assert _efficiency(_form(tmp_path / "f.pdf", "96%", x=700)) == ("missing_evidence", None)
