"""An annotation laid over printed text hides it: the characters beneath are no evidence."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

from checker.pipeline import check

MakePdf = Callable[..., Path]
R = pdfium.raw
VALUE_BOX = (158.0, 778.0, 190.0, 790.0)  # "96%" of the second line of build_pdf's page (left, bottom, right, top)


def _annotated(path: Path, subtype: int, *, fill: bool, box: tuple[float, float, float, float] = VALUE_BOX) -> Path:
    """``path`` with one annotation of ``subtype`` over ``box`` (black, filled or not), saved beside it."""
    pdf = pdfium.PdfDocument(str(path))
    page = pdf[0]
    annot = R.FPDFPage_CreateAnnot(page.raw, subtype)
    R.FPDFAnnot_SetRect(annot, R.FS_RECTF(box[0], box[3], box[2], box[1]))
    R.FPDFAnnot_SetColor(annot, R.FPDFANNOT_COLORTYPE_Color, 0, 0, 0, 255)
    if fill:
        R.FPDFAnnot_SetColor(annot, R.FPDFANNOT_COLORTYPE_InteriorColor, 0, 0, 0, 255)
    R.FPDFPage_CloseAnnot(annot)
    out = path.with_name(path.stem + "-annotated.pdf")
    pdf.save(str(out))
    page.close()
    pdf.close()
    return out


def _check(path: Path) -> tuple[str, list[str]]:
    report = check([path], date(2026, 1, 1), category="server").report()
    status = next(c.status for c in report.products[0].clauses if c.id == "6.2.1/psu-eff-50")
    return status, [w.warning for w in report.warnings]


def test_a_value_under_a_filled_box_is_no_evidence(make_pdf: MakePdf) -> None:
    """Bug: "96%" under a black square annotation (an unapplied redaction) passed 6.2.1."""
    path = _annotated(make_pdf([["2U rack server R-200", "PSU efficiency at 50% load: 96%"]]), R.FPDF_ANNOT_SQUARE,
                      fill=True)
    status, warnings = _check(path)
    assert status == "missing_evidence"
    assert any("under an annotation drawn over it" in w and "96%" in w for w in warnings)


@pytest.mark.parametrize(("subtype", "fill"), [(R.FPDF_ANNOT_SQUARE, False), (R.FPDF_ANNOT_HIGHLIGHT, False)],
                         ids=["outline-only", "highlight"])
def test_an_annotation_that_leaves_the_text_readable(make_pdf: MakePdf, subtype: int, fill: bool) -> None:
    path = _annotated(make_pdf([["2U rack server R-200", "PSU efficiency at 50% load: 96%"]]), subtype, fill=fill)
    assert _check(path)[0] == "pass"


def test_a_box_beside_the_text_hides_nothing(make_pdf: MakePdf) -> None:
    path = _annotated(make_pdf([["2U rack server R-200", "PSU efficiency at 50% load: 96%"]]), R.FPDF_ANNOT_SQUARE,
                      fill=True, box=(300.0, 700.0, 360.0, 720.0))
    assert _check(path) == ("pass", [])


def _cover_text(path: Path, text: str) -> Path:
    """``path`` with a filled black square annotation over where its first page prints ``text``."""
    pdf = pdfium.PdfDocument(str(path))
    page = pdf[0]
    textpage = page.get_textpage()
    start = textpage.get_text_range().rfind(text)
    boxes = [textpage.get_charbox(start + k) for k in range(len(text))]
    textpage.close()
    page.close()
    pdf.close()
    box = (min(b[0] for b in boxes) - 1, min(b[1] for b in boxes) - 1, max(b[2] for b in boxes) + 1,
           max(b[3] for b in boxes) + 1)
    return _annotated(path, R.FPDF_ANNOT_SQUARE, fill=True, box=box)


@pytest.mark.parametrize("value", ["91.0%", "96%", "1.00"])
def test_every_glyph_under_the_box_is_hidden(make_pdf: MakePdf, value: str) -> None:
    """Bug: of "91.0%" under a box, the thin "1" and "." were judged visible on their own and read as a value."""
    path = _cover_text(make_pdf([["2U rack server R-200", f"PSU efficiency at 50% load: {value}"]]), value)
    assert _check(path)[0] == "missing_evidence"


def _pb_report(path: Path, draw: Callable[[Any, float], None]) -> tuple[str, list[str]]:
    """A RoHS report page whose last line starts "Lead (Pb): " and goes on as ``draw(canvas, x)`` draws it; the
    status of 6.1.11/pb and the report's warnings."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(50, 800, "2U rack server R-200")
    pdf.drawString(50, 780, "Test report (RoHS)")
    pdf.drawString(50, 760, "Lead (Pb): ")
    draw(pdf, 50 + pdf.stringWidth("Lead (Pb): ", "Helvetica", 10))
    pdf.save()
    report = check([path], date(2026, 1, 1), category="server").report()
    status = next(c.status for c in report.products[0].clauses if c.id == "6.1.11/pb")
    return status, [w.warning for w in report.warnings]


def test_a_number_part_of_which_is_hidden_is_no_number(tmp_path: Path) -> None:
    """"1200 mg/kg" with its "1" drawn white on white: the visible "200" is no reading (it passed Pb ≤ 1000)."""
    def draw(pdf: Any, x: float) -> None:
        pdf.setFillColorRGB(1, 1, 1)
        pdf.drawString(x, 760, "1")
        pdf.setFillColorRGB(0, 0, 0)
        pdf.drawString(x + pdf.stringWidth("1", "Helvetica", 10), 760, "200 mg/kg")

    status, warnings = _pb_report(tmp_path / "partly-hidden.pdf", draw)
    assert status != "pass"
    assert any("cannot be seen" in w for w in warnings)


def test_a_digit_under_a_white_box_drawn_over_it(tmp_path: Path) -> None:
    """"1500 mg/kg" with a white rectangle drawn over its "1" (page content, not an annotation): the visible "500" is
    no reading (it passed Pb ≤ 1000 mg/kg)."""
    def draw(pdf: Any, x: float) -> None:
        pdf.drawString(x, 760, "1500 mg/kg")
        pdf.setFillColorRGB(1, 1, 1)
        pdf.rect(x - 0.5, 757, pdf.stringWidth("1", "Helvetica", 10) + 1, 12, stroke=0, fill=1)

    status, warnings = _pb_report(tmp_path / "white-box.pdf", draw)
    assert status != "pass"
    assert any("covered by a shape drawn over it" in w for w in warnings)
