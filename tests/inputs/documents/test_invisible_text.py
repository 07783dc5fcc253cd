"""Issue #11 (7): text nobody can see on the printed page is not evidence, and the report says so.

Each fixture prints an honest "PSU efficiency at 50% load: 91.0%" (fails 6.2.1/psu-eff-50,
>= 94 %) and hides a better "96%" one way or another: the clause must fail on 91.0, never pass
or conflict on the hidden value, and a warning must name the page and what was hidden.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from checker.cli import main
from checker.inputs.documents import DocumentError, read_pdf
from checker.inputs.documents.pdf_tables import TableReader
from checker.inputs.documents.visibility import HiddenText
from tests.inputs.documents.conftest import server_clause

AS_OF = date(2026, 11, 20)
EFF50 = "6.2.1/psu-eff-50"
HONEST = "PSU efficiency at 50% load: 91.0%"
BETTER = "PSU efficiency at 50% load: 96%"
REPO = Path(__file__).resolve().parents[3]
SCANS = REPO / "samples" / "documents"
REAL_SCAN = (REPO / ".." / "shared" / "realdata" / "rohs" / "test_reports"
             / "SGS_SHAEC2210695901_Paralight_display_LED_cover_page_scanned.pdf").resolve()


def _hide(c: canvas.Canvas, style: str) -> None:
    """Draw BETTER at y=680 so that it cannot be seen, in ``style``."""
    c.saveState()
    text = c.beginText(72, 680)
    text.setFont("Helvetica", 11)
    if style in ("mode3", "mode7"):
        text.setTextRenderMode(int(style[-1]))
    elif style == "white":
        text.setFillColorRGB(1, 1, 1)
    elif style == "white-cmyk":
        text.setFillColorCMYK(0, 0, 0, 0)
    elif style == "tiny":
        text.setFont("Helvetica", 0.5)
    elif style == "offpage":
        text.setTextOrigin(620, 680)
    elif style == "below":
        text.setTextOrigin(72, -40)
    elif style == "transparent":
        c.setFillAlpha(0)
    elif style == "same-as-box":
        c.setFillColorRGB(0.1, 0.2, 0.6)
        c.rect(60, 675, 300, 18, fill=1, stroke=0)
        text.setFillColorRGB(0.1, 0.2, 0.6)
    elif style == "white-on-white-box":
        c.setFillColorRGB(1, 1, 1)
        c.rect(60, 675, 300, 18, fill=1, stroke=0)
        text.setFillColorRGB(1, 1, 1)
    elif style == "scaled-tiny":
        c.translate(72, 680)
        c.scale(0.05, 0.05)
        text = c.beginText(0, 0)
        text.setFont("Helvetica", 11)
    text.textLine(BETTER)
    c.drawText(text)
    if style == "covered":
        c.setFillColorRGB(1, 1, 1)
        c.rect(60, 675, 300, 18, fill=1, stroke=0)
    c.restoreState()


def _sheet(path: Path, style: str | None, *, honest: bool = True, crop: bool = False) -> Path:
    """A one-page server PSU sheet: the honest value printed, the better one hidden in ``style``."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    if crop:
        c.setCropBox((0, 100, 595, 842))
    c.setFont("Helvetica", 11)
    c.drawString(72, 760, "Rack server SR-9 power supply test report")
    if honest:
        c.drawString(72, 700, HONEST)
    if style == "cropped":
        c.drawString(72, 60, BETTER)  # on the media box, below the crop box
    elif style is not None:
        _hide(c, style)
    c.showPage()
    c.save()
    return path


def _clause(path: Path, clause: str = EFF50) -> tuple[str, object, list[str]]:
    return server_clause(path, AS_OF, clause)


STYLES = ["mode3", "mode7", "white", "white-cmyk", "tiny", "scaled-tiny", "offpage", "below", "transparent",
          "same-as-box", "white-on-white-box", "covered"]


@pytest.mark.parametrize("style", STYLES)
def test_hidden_better_value_is_not_evidence(tmp_path: Path, style: str) -> None:
    status, value, warnings = _clause(_sheet(tmp_path / f"{style}.pdf", style))
    assert (status, value) == ("fail", 91.0)
    assert any(w.startswith("page 1: text not used as evidence") and "96%" in w for w in warnings), warnings


def test_text_outside_the_crop_box_is_not_evidence(tmp_path: Path) -> None:
    status, value, warnings = _clause(_sheet(tmp_path / "crop.pdf", "cropped", crop=True))
    assert (status, value) == ("fail", 91.0)
    assert any("outside the page" in w and "96%" in w for w in warnings)


@pytest.mark.parametrize("style", ["mode3", "white", "tiny", "offpage", "covered"])
def test_a_hidden_value_alone_is_missing_evidence_not_a_pass(tmp_path: Path, style: str) -> None:
    status, _, warnings = _clause(_sheet(tmp_path / f"{style}.pdf", style, honest=False))
    assert status == "missing_evidence"
    assert any("96%" in w for w in warnings)


def test_without_hidden_text_there_is_no_warning(tmp_path: Path) -> None:
    status, value, warnings = _clause(_sheet(tmp_path / "plain.pdf", None))
    assert (status, value, warnings) == ("fail", 91.0, [])


def _visible_variants(path: Path) -> Path:
    """Printed text that only looks unusual: white on a dark banner, scaled up in a form, grey."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica", 11)
    c.drawString(72, 760, "Rack server SR-9 power supply test report")
    c.setFillColorRGB(0.1, 0.2, 0.6)
    c.rect(60, 695, 300, 18, fill=1, stroke=0)
    c.setFillColorRGB(1, 1, 1)
    c.drawString(72, 700, "PSU efficiency at 50% load: 96.0%")
    c.beginForm("F1")
    c.setFillColorRGB(0.5, 0.5, 0.5)
    c.setFont("Helvetica", 6)
    c.drawString(0, 0, "PSU efficiency at 20% load: 92.0%")
    c.endForm()
    c.saveState()
    c.translate(72, 640)
    c.scale(2, 2)
    c.doForm("F1")
    c.restoreState()
    c.showPage()
    c.save()
    return path


def test_printed_text_in_unusual_colours_and_forms_is_still_read(tmp_path: Path) -> None:
    path = _visible_variants(tmp_path / "visible.pdf")
    status, value, warnings = _clause(path)
    assert (status, value, warnings) == ("pass", 96.0, [])
    assert _clause(path, "6.2.1/psu-eff-20")[:2] == ("pass", 92.0)


def test_the_warning_reaches_every_report_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _sheet(tmp_path / "white.pdf", "white")
    assert main(["check", str(path), "--category", "server", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["warnings"] == [{"source": str(path), "warning": "page 1: text not used as evidence because it "
                                   "cannot be seen (white on white: 'PSU efficiency at 50% load: 96%')"}]
    main(["check", str(path), "--category", "server", "--format", "text"])
    assert f"warning: {path}: page 1: text not used as evidence" in capsys.readouterr().out
    main(["check", str(path), "--category", "server", "--format", "html"])
    assert "<h2>Warnings</h2>" in capsys.readouterr().out
    main(["audit", str(path), "--category", "server", "--format", "json"])
    assert json.loads(capsys.readouterr().out)["warnings"][0]["source"] == str(path)


def test_the_sample_documents_hide_nothing() -> None:
    for path in sorted(SCANS.glob("*.pdf")):
        if "scan" not in path.name:
            assert not [w for w in read_pdf(path, ocr=False).warnings if "cannot be seen" in w], path.name


# ---- pdfplumber tables (the fallback for pages whose lines gave nothing) -----------------------

def _table_page(path: Path) -> Path:
    """A ruled two-column table; the value cell holds a printed 91.0% and an invisible 96%."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica", 11)
    for y in (700, 720, 740):
        c.line(60, y, 460, y)
    for x in (60, 300, 460):
        c.line(x, 700, x, 740)
    c.drawString(66, 726, "Load")
    c.drawString(306, 726, "Efficiency")
    c.drawString(66, 706, "50%")
    c.drawString(306, 706, "91.0%")
    hidden = c.beginText(380, 706)
    hidden.setFont("Helvetica", 11)
    hidden.setTextRenderMode(3)
    hidden.textLine("96%")
    c.drawText(hidden)
    c.showPage()
    c.save()
    return path


def _hidden_of(path: Path) -> HiddenText:
    from checker.inputs.documents.text import PdfText

    text = PdfText(pdfium.PdfDocument(str(path)))
    try:
        text.read_page(0, lambda _text: True)
        return text.hidden[0]
    finally:
        text.close()


def test_tables_leave_the_hidden_characters_out(tmp_path: Path) -> None:
    path = _table_page(tmp_path / "table.pdf")
    hidden = _hidden_of(path)
    reader = TableReader(path)
    try:
        cells = [c.text for row in reader.rows(0, hidden) for c in row.cells]
        plain = [c.text for row in reader.rows(0) for c in row.cells]
    finally:
        reader.close()
    assert "91.0%" in cells and not any("96" in cell for cell in cells)
    assert any("96" in cell for cell in plain)  # pdfplumber alone would have read it
    assert reader.warnings == []


def test_tables_are_not_read_when_the_characters_do_not_match(tmp_path: Path) -> None:
    path = _table_page(tmp_path / "table.pdf")
    hidden = _hidden_of(path)
    hidden.text = hidden.text.replace("91.0", "91.5")
    reader = TableReader(path)
    try:
        assert reader.rows(0, hidden) == []
    finally:
        reader.close()
    assert reader.warnings and reader.warnings[0].startswith("page 1: tables not read")


# ---- scanned pages with an invisible OCR layer ---------------------------------------------------

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")


def _with_ocr_layer(scan: Path, out: Path, layer: Callable[[int], str] | None = None, *, under: bool = False) -> Path:
    """``scan`` (image-only pages) with an invisible text layer: tesseract's own (a scanner's OCR
    PDF) or, with ``layer``, a render-mode-3 text of our choosing over the image (``under``: an
    ordinary text drawn first, hidden by the image drawn over it)."""
    document = pdfium.PdfDocument(str(scan))
    c = canvas.Canvas(str(out), pagesize=A4, invariant=1)
    try:
        for index in range(len(document)):
            image = out.with_suffix(f".{index}.png")
            document[index].render(scale=200 / 72).to_pil().save(image)
            if layer is None:
                subprocess.run(["tesseract", str(image), str(out.with_suffix(f".{index}")), "pdf"],
                               check=True, capture_output=True, timeout=120)
                continue
            if not under:
                c.drawImage(str(image), 0, 0, *A4)
            text = c.beginText(60, 700)
            text.setFont("Helvetica", 10)
            text.setTextRenderMode(0 if under else 3)
            for line in layer(index).splitlines():
                text.textLine(line)
            c.drawText(text)
            if under:
                c.drawImage(str(image), 0, 0, *A4)
            c.showPage()
    finally:
        document.close()
    if layer is None:
        return _join([out.with_suffix(f".{i}.pdf") for i in range(index + 1)], out)
    c.save()
    return out


def _join(parts: list[Path], out: Path) -> Path:
    joined = pdfium.PdfDocument.new()
    for part in parts:
        source = pdfium.PdfDocument(str(part))
        joined.import_pages(source)
        source.close()
    joined.save(str(out))
    joined.close()
    return out


def _facts(path: Path) -> dict[str, tuple[object, bool]]:
    read = read_pdf(path)
    return {f.field: (f.value, all(e.ocr for e in f.evidence)) for f in read.facts}


RP36 = SCANS / "pdu-rp36-kv-scan.pdf"


@pytest.fixture(scope="module")
def rp36_facts() -> dict[str, tuple[object, bool]]:
    """The facts OCR reads from the image-only sample scan."""
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract not installed")
    return _facts(RP36)


@needs_tesseract
@pytest.mark.slow
def test_a_scanners_ocr_layer_is_set_aside_and_the_page_read_by_ocr(
        tmp_path: Path, rp36_facts: dict[str, tuple[object, bool]]) -> None:
    layered = _with_ocr_layer(RP36, tmp_path / "layered.pdf")
    read = read_pdf(layered)
    assert read.ocr_used
    assert read.warnings == ["page 1: invisible text layer (a scanner's OCR or hidden text) not used; "
                             "read as a scanned page"]
    facts = {f.field: (f.value, all(e.ocr for e in f.evidence)) for f in read.facts}
    assert facts == rp36_facts and rp36_facts and all(ocr for _, ocr in facts.values())


@needs_tesseract
@pytest.mark.parametrize("under", [False, True], ids=["mode-3-over-image", "under-the-image"])
@pytest.mark.slow
def test_a_lying_ocr_layer_over_a_scan_is_not_evidence(
        tmp_path: Path, rp36_facts: dict[str, tuple[object, bool]], under: bool) -> None:
    lie = "PDU self-consumption (all outlets on, no load): 0.5 W\nOutlets: 48"
    layered = _with_ocr_layer(RP36, tmp_path / "lying.pdf", lambda _page: lie, under=under)
    assert _facts(layered) == rp36_facts


def test_the_real_scanned_report_with_an_ocr_layer_counts_as_scanned(tmp_path: Path) -> None:
    """The SGS cover page (a real scan) under an invisible text layer is still a scan to OCR: with
    OCR off it is refused as one, never read from its layer."""
    if not REAL_SCAN.exists():
        pytest.skip("realdata not present")
    layered = _with_ocr_layer(REAL_SCAN, tmp_path / "sgs.pdf", lambda _page: "Cd 2 mg/kg\nPb ND\nModel SGS-1")
    with pytest.raises(DocumentError, match="scanned PDF"):
        read_pdf(layered, ocr=False)
