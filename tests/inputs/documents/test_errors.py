"""Unusable files give DocumentError with a one-line reason, never a traceback; page limit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from checker.inputs.documents import DocumentError, DocumentRead, read_pdf

MakePdf = Callable[..., Path]


def _error(path: Path) -> str:
    with pytest.raises(DocumentError) as info:
        read_pdf(path)
    message = str(info.value)
    assert "\n" not in message and message
    return message


def test_missing_file(tmp_path: Path) -> None:
    assert "not found" in _error(tmp_path / "nope.pdf")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    assert "empty" in _error(path)


def test_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "sheet.pdf"
    path.write_text("Model: X\nEfficiency 94 %\n", encoding="utf-8")
    assert "not a PDF" in _error(path)


def test_damaged_pdf(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    assert "PDF" in _error(path)


def test_truncated_pdf(make_pdf: MakePdf, tmp_path: Path) -> None:
    good = make_pdf([["Server", "PSU efficiency at 50 % load: 94.5 %"]] * 3)
    data = good.read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: len(data) // 3])
    try:
        doc = read_pdf(path)  # pdfium may recover part of a truncated file
    except DocumentError as exc:
        assert "\n" not in str(exc)
    else:
        assert isinstance(doc, DocumentRead)


def test_encrypted_pdf(make_pdf: MakePdf) -> None:
    path = make_pdf([["Server", "PSU efficiency at 50 % load: 94.5 %"]], encrypt="secret")
    try:
        doc = read_pdf(path)
    except DocumentError as exc:
        assert "encrypted" in str(exc)
    else:  # an owner-password-only file opens with an empty user password
        assert doc.pages == 1


def test_user_password_pdf(tmp_path: Path) -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("user", "owner", canPrint=0))
    c.drawString(50, 800, "PSU efficiency at 50 % load: 94.5 %")
    c.showPage()
    c.save()
    assert "encrypted" in _error(path)


def test_directory(tmp_path: Path) -> None:
    assert "directory" in _error(tmp_path)


def test_page_limit(make_pdf: MakePdf) -> None:
    path = make_pdf([["Server", f"PSU efficiency at 50 % load: 9{i}.5 %"] for i in range(4)])
    doc = read_pdf(path, "server", max_pages=2)
    assert doc.pages == 4
    assert sorted(float(str(f.value)) for f in doc.facts if f.field == "psu_efficiency_50") == [90.5, 91.5]
    assert any("page limit" in w for w in doc.warnings)


def test_document_read_is_strict(make_pdf: MakePdf) -> None:
    doc = read_pdf(make_pdf([["Server", "PSU efficiency at 50 % load: 94.5 %"]]), "server")
    with pytest.raises(ValueError):
        DocumentRead.model_validate({**doc.model_dump(), "extra": 1})
    assert doc.source.endswith(".pdf") and doc.ocr_used is False


def test_blank_page_without_any_ocr_engine(make_pdf: MakePdf, monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.inputs.documents import ocr

    monkeypatch.setattr(ocr, "tesseract_path", lambda: None)
    monkeypatch.setattr(ocr, "rapid_engine", lambda: None)
    path = make_pdf([[]])
    with pytest.raises(DocumentError, match=r"neither RapidOCR .* nor Tesseract"):
        read_pdf(path)
