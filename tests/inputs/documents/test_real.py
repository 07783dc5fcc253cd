"""Real documents from /work/shared/realdata: the 50 Cummins sheets, Cat DE33GC, the scanned SGS page."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from checker.inputs.documents import read_pdf
from checker.inputs.documents.ocr import tesseract_path

from .conftest import REAL

GENERATORS = REAL / "generator"
TRUTH_CSV = GENERATORS / "cummins_datasheets_TRUTH_extracted.csv"
SGS = REAL / "rohs" / "test_reports" / "SGS_SHAEC2210695901_Paralight_display_LED_cover_page_scanned.pdf"


def _truth_rows() -> list[dict[str, str]]:
    if not TRUTH_CSV.exists():
        return []
    with TRUTH_CSV.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.skipif(not TRUTH_CSV.exists(), reason="shared real data not present")
@pytest.mark.parametrize("row", _truth_rows(), ids=lambda r: r["file"])
def test_cummins_rated_power_and_full_load_fuel(row: dict[str, str]) -> None:
    doc = read_pdf(GENERATORS / "cummins_cat_datasheets" / row["file"])
    assert doc.category == "generator"
    prime_fuel = row["fuel_Lph_prime_25_50_75_100"].split()
    prime = bool(prime_fuel) and prime_fuel[-1] != "N.A."  # C1250D5A prints prime fuel "N.A."
    rating = "prime" if prime else "standby"
    kw = float(row["prime_kWe"] if prime else row["standby_kWe"])
    fuel = float((prime_fuel if prime else row["fuel_Lph_standby_25_50_75_100"].split())[-1])
    facts = {f.field: f for f in doc.facts}
    assert [f.value for f in doc.facts if f.field == "rated_power"] == [kw]
    assert facts["rated_power"].unit == "kW"
    assert [f.value for f in doc.facts if f.field == "rating_type"] == [rating]
    assert [f.value for f in doc.facts if f.field == "fuel_flow_100"] == [fuel]
    assert facts["fuel_flow_100"].unit in ("L/h", "L/hr")
    assert rating in facts["rated_power"].note
    assert facts["rated_power"].evidence[0].page is not None


@pytest.mark.skipif(not GENERATORS.exists(), reason="shared real data not present")
def test_cummins_decimal_comma_sound_power() -> None:
    doc = read_pdf(GENERATORS / "cummins_cat_datasheets" / "cummins-c2000d5-pb-data-sheet.pdf")
    lwa = [f for f in doc.facts if f.field == "sound_power_lwa"]
    assert [(f.value, f.unit) for f in lwa] == [(105.8, "dB(A)")]
    assert not [f for f in doc.facts if f.field.startswith("noise_")]  # LpA at 1 m is not a direction


@pytest.mark.skipif(not GENERATORS.exists(), reason="shared real data not present")
def test_cat_de33gc_fifty_hertz_column() -> None:
    doc = read_pdf(GENERATORS / "cummins_cat_datasheets" / "DE33GC.pdf")
    assert doc.model == "DE33GC"
    assert [(f.value, f.unit) for f in doc.facts if f.field == "rated_power"] == [(26.4, "kW")]
    assert [f.value for f in doc.facts if f.field == "fuel_flow_100"] == [7.9]


@pytest.mark.skipif(not SGS.exists(), reason="shared real data not present")
@pytest.mark.slow
def test_scanned_sgs_cover_page_ocr() -> None:
    if tesseract_path() is None:
        pytest.skip("tesseract is not installed")
    doc = read_pdf(SGS)
    assert doc.ocr_used
    assert doc.pages == 1
    import pypdfium2 as pdfium

    from checker.inputs.documents.ocr import ocr_page

    document = pdfium.PdfDocument(str(SGS))
    try:
        rows = ocr_page(document, 0)
    finally:
        document.close()
    text = "\n".join(r.text for r in rows)
    assert "SHAEC2210695901" in text.replace(" ", "")
    assert all(r.ocr for r in rows)


@pytest.mark.skipif(not SGS.exists(), reason="shared real data not present")
def test_scanned_without_any_ocr_engine_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.inputs.documents import DocumentError, ocr

    monkeypatch.setattr(ocr, "tesseract_path", lambda: None)
    monkeypatch.setattr(ocr, "rapid_engine", lambda: None)
    with pytest.raises(DocumentError, match="scanned PDF needs OCR: neither RapidOCR"):
        read_pdf(SGS)


@pytest.mark.skipif(not SGS.exists(), reason="shared real data not present")
@pytest.mark.slow
def test_scanned_page_is_read_with_rapidocr_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 13: RapidOCR (models inside its wheel) reads a scan where Tesseract is not installed."""
    from checker.inputs.documents import ocr

    if ocr.rapid_engine() is None:
        pytest.skip("rapidocr is not installed")
    monkeypatch.setattr(ocr, "tesseract_path", lambda: None)
    doc = read_pdf(SGS)
    assert doc.ocr_used and doc.facts


def test_real_data_path_is_resolved_relative_to_repo() -> None:
    assert Path(__file__).parents[3].joinpath("..", "shared").resolve() == REAL.parent


@pytest.mark.parametrize("name", ["cummins-c110d5q-data-sheet.pdf", "cummins-c22d5q-data-sheet.pdf"])
def test_cummins_q_sheet_noise_read_where_printed(name: str) -> None:
    """Issue 13: the Q sheets print LwA and one LpA at 1 m (and 7 m): LwA is read as sound power (not the
    Appendix H quantity), the 1 m figure as one figure without direction, the 7 m figure not at all."""
    path = GENERATORS / "cummins_cat_datasheets" / name
    if not path.exists():
        pytest.skip("shared real data not present")
    facts = read_pdf(path).facts
    assert [f.value for f in facts if f.field == "noise_1m"] in ([79.0], [77.0])
    assert [f.value for f in facts if f.field == "sound_power_lwa"] in ([97.0], [94.0], [94.0, 96.0])
    assert not [f for f in facts if f.field.startswith("noise_") and f.value in (68.0, 65.0)]
