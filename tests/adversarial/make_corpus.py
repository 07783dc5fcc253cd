"""Build the adversarial corpus (issue 7): broken, hostile, huge and junk inputs, each with its outcome.

    python tests/adversarial/make_corpus.py OUT_DIR

writes every case into ``OUT_DIR`` and ``OUT_DIR/manifest.json``; :func:`build` does the same for
the tests. A case says what a correct checker does with the file: ``expect: error`` with a text
the one-line error must contain (and optionally environment overrides of the limits, or
``no_ocr`` to run without Tesseract), or ``expect: product`` with clause statuses.
"""

from __future__ import annotations

import io
import json
import shutil
import sys
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
SERVER_PDF = SAMPLES / "documents" / "server-ht4100-kv.pdf"
SERVER_RECORD = SAMPLES / "records" / "server-SR2U.yaml"
HEADER = ("model,manufacturer,category,psu_efficiency_20,psu_efficiency_50,psu_efficiency_100,"
          "psu_power_factor_20,psu_power_factor_50,psu_power_factor_100,recyclability")

Case = dict[str, Any]


def kv_pdf(path: Path, lines: list[str], *, pages: int = 1, size: tuple[float, float] = (595.0, 842.0),
           encrypt: str | None = None) -> None:
    """A text PDF of ``key: value`` lines (reportlab), like the samples' kv layout."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=size, encrypt=encrypt)
    for page in range(pages):
        y = size[1] - 60
        for line in lines if page == 0 else [f"Appendix page {page + 1}"]:
            pdf.drawString(50, y, line)
            y -= 16
        pdf.showPage()
    pdf.save()


def image_pdf(path: Path) -> None:
    """A PDF whose only page is a picture of text (no text layer): a scan."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (1200, 400), 255)
    draw = ImageDraw.Draw(image)
    for row, line in enumerate(SERVER_LINES[:6]):
        draw.text((40, 30 + 50 * row), line, fill=0)
    pdf = canvas.Canvas(str(path), pagesize=(595.0, 842.0))
    pdf.drawImage(ImageReader(image), 20, 500, width=560, height=186)
    pdf.showPage()
    pdf.save()


SERVER_LINES = [
    "Hetu Systems | 2U rack server",
    "2U rack server - Technical Specification",
    "Model: HT4100-G3",
    "Manufacturer: Hetu Systems",
    "Recyclability rate (GB/T 32355.2): 81.3%",
    "Power supply rating: 1300 W",
    "PSU efficiency at 20% load: 91.0%",
    "Power factor at 20% load: 0.957",
    "PSU efficiency at 50% load: {eff50}",
    "Power factor at 50% load: {pf50}",
    "PSU efficiency at 100% load: 92.0%",
    "Power factor at 100% load: 0.99",
]


def server_lines(eff50: str = "94.3%", pf50: str = "0.981", extra: list[str] | None = None) -> list[str]:
    """The kv server sheet with the 50 % load values replaced (and extra lines appended)."""
    return [line.format(eff50=eff50, pf50=pf50) for line in SERVER_LINES] + (extra or [])


def _zip(members: dict[str, bytes], level: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=level) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _billion_laughs(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + f"\nid: BOMB\ncategory: server\nmodel: *a{levels - 1}\n"


def _write(out: Path, name: str, data: bytes | str) -> Path:
    path = out / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def flate_pdf(inflated: int, layers: int = 1) -> bytes:
    """A one-page PDF whose content stream is ``inflated`` zero bytes, Flate-compressed ``layers`` times."""
    import zlib

    packer = zlib.compressobj(9)
    body = b"".join(packer.compress(bytes(1 << 20)) for _ in range(inflated >> 20)) + packer.flush()
    for _ in range(layers - 1):
        body = zlib.compress(body, 9)
    filters = " ".join(["/FlateDecode"] * layers)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length %d /Filter [%s] >>\nstream\n" % (len(body), filters.encode()) + body + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _error(match: str, **extra: Any) -> Case:
    return {"expect": "error", "match": match, **extra}


def _product(statuses: dict[str, str], **extra: Any) -> Case:
    return {"expect": "product", "statuses": statuses, **extra}


def broken_files(out: Path) -> dict[str, Case]:
    """Files that are not what they say, damaged, empty, encrypted, too big, or of the wrong type."""
    pdf = SERVER_PDF.read_bytes()
    cases: dict[str, Case] = {}
    _write(out, "html-named.pdf", "<!DOCTYPE html><html><body>Spec sheet</body></html>")
    cases["html-named.pdf"] = _error("not a PDF: the content is an HTML page")
    _write(out, "zip-named.pdf", _zip({"spec.txt": b"efficiency 96%"}))
    cases["zip-named.pdf"] = _error("not a PDF: the content is a ZIP archive")
    _write(out, "png-named.pdf", b"\x89PNG\r\n\x1a\n" + bytes(200))
    cases["png-named.pdf"] = _error("not a PDF: the content is a PNG image")
    _write(out, "empty.pdf", b"")
    cases["empty.pdf"] = _error("empty file (0 bytes)")
    _write(out, "empty.yaml", b"")
    cases["empty.yaml"] = _error("empty file (0 bytes)")
    _write(out, "truncated.pdf", pdf[: len(pdf) // 3])
    cases["truncated.pdf"] = _error("damaged or truncated PDF")
    _write(out, "garbage-body.pdf", b"%PDF-1.7\n" + b"\x00garbage\xff" * 500)
    cases["garbage-body.pdf"] = _error("PDF")
    kv_pdf(out / "encrypted.pdf", server_lines(), encrypt="secret")
    cases["encrypted.pdf"] = _error("encrypted PDF")
    image_pdf(out / "image-only.pdf")
    cases["image-only.pdf"] = _error("neither RapidOCR", no_ocr=True)
    _write(out, "padded-large.pdf", pdf + b"\n%" + b"x" * 120_000 + b"\n")
    cases["padded-large.pdf"] = _error("file too large", env={"GDC_MAX_FILE_MB": "0.1"})
    kv_pdf(out / "many-pages.pdf", server_lines(), pages=12)
    cases["many-pages.pdf"] = _error("too many pages (12", env={"GDC_MAX_PAGES": "10"})
    kv_pdf(out / "huge-page.pdf", server_lines(), size=(20000.0, 20000.0))
    cases["huge-page.pdf"] = _error("absurd size")
    kv_pdf(out / "many-objects.pdf", server_lines(), pages=30)
    cases["many-objects.pdf"] = _error("too many PDF objects", env={"GDC_MAX_PDF_OBJECTS": "20"})
    _write(out, "spec.docx", _zip({"word/document.xml": b"<w:document/>"}))
    cases["spec.docx"] = _error("unsupported file type .docx")
    _write(out, "setup.exe", b"MZ\x90\x00" + bytes(100))
    cases["setup.exe"] = _error("unsupported file type .exe")
    _write(out, "no-suffix", "id: X\ncategory: server\n")
    cases["no-suffix"] = _error("unsupported file type (none)")
    _write(out, "image.csv", b"\x89PNG\r\n\x1a\n" + bytes(64))
    cases["image.csv"] = _error("not a CSV text file: the content is a PNG image")
    _write(out, "binary.yaml", b"id: X\x00\x01\x02category: server\n")
    cases["binary.yaml"] = _error("not a YAML text file")
    _write(out, "text.parquet", "model,category\nA,server\n")
    cases["text.parquet"] = _error("not a Parquet file")
    _write(out, "text.xlsx", "model,category\nA,server\n")
    cases["text.xlsx"] = _error("not an XLSX workbook")
    _write(out, "damaged.xlsx", b"PK\x03\x04" + b"\x00" * 300)
    cases["damaged.xlsx"] = _error("damaged XLSX workbook")
    bomb = {"[Content_Types].xml": b"<Types/>", "xl/worksheets/sheet1.xml": bytes(30 * 10**6)}
    _write(out, "zip-bomb.xlsx", _zip(bomb))
    cases["zip-bomb.xlsx"] = _error("ZIP bomb")
    _write(out, "inflates-big.xlsx", _zip({"xl/sharedStrings.xml": b"<sst>" + b"a" * 3_000_000 + b"</sst>"}))
    cases["inflates-big.xlsx"] = _error("workbook inflates to", env={"GDC_MAX_UNCOMPRESSED_MB": "1"})
    _write(out, "pdf-flate-bomb.pdf", flate_pdf(30 << 20))
    cases["pdf-flate-bomb.pdf"] = _error("decompression bomb", env={"GDC_MAX_PDF_INFLATED_MB": "10"})
    _write(out, "pdf-nested-flate-bomb.pdf", flate_pdf(30 << 20, layers=2))
    cases["pdf-nested-flate-bomb.pdf"] = _error("decompression bomb", env={"GDC_MAX_PDF_INFLATED_MB": "10"})
    _write(out, "not-utf8.yaml", "id: X\ncategory: server\nmodel: 服务器\n".encode("gb18030"))
    cases["not-utf8.yaml"] = _error("not a valid YAML record file")
    return cases


def hostile_records(out: Path) -> dict[str, Case]:
    """Malformed, deeply nested and code-carrying JSON/YAML, and a catalog with a broken row."""
    cases: dict[str, Case] = {}
    _write(out, "malformed.json", '{"id": "X", "category": "server", ')
    cases["malformed.json"] = _error("not a valid JSON record file")
    _write(out, "malformed.yaml", "id: X\ncategory: [server\n  psu: :\n")
    cases["malformed.yaml"] = _error("not a valid YAML record file")
    _write(out, "billion-laughs.yaml", _billion_laughs())
    cases["billion-laughs.yaml"] = _error("YAML expands to too many values")
    _write(out, "deep.json", "[" * 100_000 + "]" * 100_000)
    cases["deep.json"] = _error("JSON nested too deeply")
    _write(out, "deep-string-brackets.json", json.dumps({"id": "S", "category": "server", "model": "[" * 500}))
    cases["deep-string-brackets.json"] = _product({"6.2.1/psu-eff-50": "missing_evidence"})
    _write(out, "deep.yaml", "[" * 5000 + "]" * 5000)
    cases["deep.yaml"] = _error("YAML nested too deeply")
    _write(out, "deep-block.yaml", "".join("  " * level + f"k{level}:\n" for level in range(80)) + "  " * 80 + "v\n")
    cases["deep-block.yaml"] = _error("YAML nested too deeply")
    _write(out, "recursive-alias.yaml", "a: &a [*a]\nid: R\ncategory: server\n")
    cases["recursive-alias.yaml"] = _error("YAML nested too deeply")  # a cycle: refused, never a hang
    marker = out / "PWNED"
    _write(out, "python-object.yaml", f'!!python/object/apply:os.system ["touch {marker}"]\n')
    cases["python-object.yaml"] = _error("could not determine a constructor", marker=str(marker))
    _write(out, "python-name.yaml", "id: !!python/name:os.system X\ncategory: server\n")
    cases["python-name.yaml"] = _error("could not determine a constructor")
    _write(out, "big-record.json", json.dumps({"id": "B", "category": "server", "model": "x" * 20_000}))
    cases["big-record.json"] = _error("record file too large", env={"GDC_MAX_RECORD_MB": "0.01"})
    _write(out, "not-a-record.json", "[1, 2, 3]")
    cases["not-a-record.json"] = _error("expected a record mapping")
    _write(out, "ragged.csv", HEADER + "\nGOOD-1,V,server,90,94,91,0.95,0.95,0.95,80\n"
           "BROKEN,V,server,90,94,91,0.95,0.95,0.95,80,99,extra\n"
           "GOOD-2,V,server,92,95,92,0.96,0.96,0.96,82\n")
    cases["ragged.csv"] = {"expect": "rows", "match": "line 3: 12 fields where the header has 10",
                           "products": {"GOOD-1": "incomplete", "GOOD-2": "incomplete"}}
    _write(out, "junk-cells.csv", HEADER + "\nJ-1,V,server,90,abc,91,0.95,0.95,0.95,80\n")
    cases["junk-cells.csv"] = _product({"6.2.1/psu-eff-50": "manual_review"}, note="row 2")
    return cases


def junk_values(out: Path) -> dict[str, Case]:
    """Impossible numbers, wrong unit kinds and contradictions: never a pass (records, catalogs, PDFs)."""
    cases: dict[str, Case] = {}
    base = SERVER_RECORD.read_text(encoding="utf-8")

    def record(name: str, replace: str, by: str, statuses: dict[str, str]) -> None:
        assert replace in base, replace
        _write(out, name, base.replace(replace, by))
        cases[name] = _product(statuses)

    eff = 'psu_efficiency_50: {value: 93.8, unit: "%", source: SR-2U-X8-report.pdf, page: 3, text: "50%  93.8%  0.991"}'
    pf = 'psu_power_factor_50: {value: 0.991, source: SR-2U-X8-report.pdf, page: 3, text: "50%  93.8%  0.991"}'
    record("record-eff-over-100.yaml", eff, "psu_efficiency_50: 104.5", {"6.2.1/psu-eff-50": "manual_review"})
    record("record-pf-over-1.yaml", pf, "psu_power_factor_50: 1.3", {"6.2.1/psu-pf-50": "manual_review"})
    record("record-fraction-for-percent.yaml", eff, "psu_efficiency_50: 0.95", {"6.2.1/psu-eff-50": "manual_review"})
    record("record-eff-in-watts.yaml", eff, 'psu_efficiency_50: "95 W"', {"6.2.1/psu-eff-50": "manual_review"})
    record("record-conflict.yaml", eff, "psu_efficiency_50: [{value: 95.0, unit: '%'}, {value: 91.0, unit: '%'}]",
           {"6.2.1/psu-eff-50": "manual_review"})
    record("record-negative.yaml", "recyclability: \"86.5 %\"", "recyclability: -80",
           {"6.2.1/recyclability": "manual_review"})
    record("record-nan.yaml", "recyclability: \"86.5 %\"", "recyclability: .nan",
           {"6.2.1/recyclability": "manual_review"})
    record("record-inf.yaml", "recyclability: \"86.5 %\"", "recyclability: .inf",
           {"6.2.1/recyclability": "manual_review"})
    switch = (SAMPLES / "records" / "switch-SW48.yaml").read_text(encoding="utf-8")
    assert 'noise_lwad: "5.6 B"' in switch
    _write(out, "record-switch-dba-for-bels.yaml", switch.replace('noise_lwad: "5.6 B"', 'noise_lwad: "56 dB(A)"'))
    cases["record-switch-dba-for-bels.yaml"] = _product({"6.2.3/noise-attended": "manual_review",
                                                         "6.2.3/noise-unattended": "manual_review"})
    rows = {
        "csv-eff-over-100.csv": ("SR,V,server,90,104,91,0.95,0.95,0.95,80", {"6.2.1/psu-eff-50": "manual_review"}),
        "csv-pf-over-1.csv": ("SR,V,server,90,94,91,0.95,1.2,0.95,80", {"6.2.1/psu-pf-50": "manual_review"}),
        "csv-fraction-for-percent.csv": ("SR,V,server,0.93,0.95,0.92,0.97,0.99,0.99,81",
                                         {"6.2.1/psu-eff-20": "manual_review", "6.2.1/psu-eff-50": "manual_review"}),
        "csv-percent-for-pf.csv": ("SR,V,server,90,94,91,95,95,95,80", {"6.2.1/psu-pf-50": "manual_review"}),
        "csv-watts-for-percent.csv": ("SR,V,server,90,95 W,91,0.95,0.95,0.95,80",
                                      {"6.2.1/psu-eff-50": "manual_review"}),
        "csv-negative.csv": ("SR,V,server,90,94,91,0.95,0.95,0.95,-80", {"6.2.1/recyclability": "manual_review"}),
        "csv-inf.csv": ("SR,V,server,90,inf,91,0.95,0.95,0.95,80", {"6.2.1/psu-eff-50": "manual_review"}),
        "csv-nan-word.csv": ("SR,V,server,90,NaN,91,0.95,0.95,0.95,80", {"6.2.1/psu-eff-50": "missing_evidence"}),
    }
    for name, (row, statuses) in rows.items():
        _write(out, name, HEADER + "\n" + row + "\n")
        cases[name] = _product(statuses)
    # the same header twice, two values that each pass: a contradiction, never a pass
    _write(out, "duplicate-columns-conflict.csv", HEADER + ",psu_efficiency_50\nDUP,V,server,90,94.5,91,0.95,0.95,0.95,"
           "80,96.1\n")
    cases["duplicate-columns-conflict.csv"] = _product({"6.2.1/psu-eff-50": "manual_review"})
    kv_pdf(out / "pdf-control.pdf", server_lines())
    cases["pdf-control.pdf"] = _product({"6.2.1/psu-eff-50": "pass", "6.2.1/psu-pf-50": "pass"})
    kv_pdf(out / "pdf-eff-over-100.pdf", server_lines(eff50="104.3%"))
    cases["pdf-eff-over-100.pdf"] = _product({"6.2.1/psu-eff-50": "manual_review"})
    kv_pdf(out / "pdf-pf-over-1.pdf", server_lines(pf50="1.31"))
    cases["pdf-pf-over-1.pdf"] = _product({"6.2.1/psu-pf-50": "manual_review"})
    kv_pdf(out / "pdf-conflict.pdf", server_lines(extra=["PSU efficiency at 50% load: 91.2%"]))
    cases["pdf-conflict.pdf"] = _product({"6.2.1/psu-eff-50": "manual_review"})
    kv_pdf(out / "pdf-eff-in-watts.pdf", server_lines(eff50="95 W"))
    cases["pdf-eff-in-watts.pdf"] = _product({"6.2.1/psu-eff-50": "manual_review"}, accept=["missing_evidence"])
    return cases


def names_inside_inputs(out: Path) -> dict[str, Case]:
    """Ids and folder names that look like paths: used as labels only, never to make a file."""
    cases: dict[str, Case] = {}
    _write(out, "path-ids.csv", HEADER + "\n../../escape-1,V,server,90,94,91,0.95,0.95,0.95,80\n"
           "/tmp/escape-2,V,server,90,94,91,0.95,0.95,0.95,80\n")
    cases["path-ids.csv"] = {"expect": "rows", "match": "",
                             "products": {"../../escape-1": "incomplete", "/tmp/escape-2": "incomplete"}}
    folder = out / "..product; rm -rf ~"
    shutil.copy(SERVER_RECORD, _write(out, "..product; rm -rf ~/.keep", "").parent / "record.yaml")
    (folder / ".keep").unlink()
    cases["..product; rm -rf ~"] = {"expect": "rows", "match": "", "products": {"SR-2U-X8": None}}
    return cases


def build(out: Path) -> dict[str, Case]:
    """Write every case into ``out`` and return the manifest (also written as manifest.json)."""
    out.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, Case] = {}
    for part in (broken_files, hostile_records, junk_values, names_inside_inputs):
        manifest.update(part(out))
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    return manifest


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "adversarial" / "out"
    built = build(target)
    sys.stdout.write(f"{len(built)} cases in {target}\n")
