"""PDF builders for the document-reader tests (reportlab, CJK via STSong-Light)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from checker.inputs.documents import read_pdf
from checker.models import Fact

REPO = Path(__file__).resolve().parents[3]
REAL = (REPO / ".." / "shared" / "realdata").resolve()

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))

# A page is a list of rows; a row is a string (one line) or a sequence of cells (a table row,
# cells 130 pt apart, first cell at x=50).
Page = Sequence[str | Sequence[str]]


def build_pdf(path: Path, pages: Sequence[Page], *, font_size: int = 10, col_width: float = 130.0,
              encrypt: str | None = None) -> Path:
    """Write ``pages`` to ``path`` and return it."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1, encrypt=encrypt)
    for page in pages:
        y = 800.0
        for row in page:
            cells = [row] if isinstance(row, str) else list(row)
            for i, cell in enumerate(cells):
                c.setFont("STSong-Light", font_size)
                c.drawString(50 + i * col_width, y, cell)
            y -= font_size * 1.8
        c.showPage()
    c.save()
    return path


@pytest.fixture
def make_pdf(tmp_path: Path) -> Callable[..., Path]:
    """Factory: make_pdf(pages, name="doc.pdf", **kw) → path of a new PDF."""
    counter = {"n": 0}

    def _make(pages: Sequence[Page], name: str | None = None, **kw: object) -> Path:
        counter["n"] += 1
        return build_pdf(tmp_path / (name or f"doc{counter['n']}.pdf"), pages, **kw)  # type: ignore[arg-type]

    return _make


def facts_of(path: Path, category: str | None = None) -> dict[str, list[Fact]]:
    """The facts the reader finds in ``path``, by field."""
    out: dict[str, list[Fact]] = {}
    for fact in read_pdf(path, category).facts:
        out.setdefault(fact.field, []).append(fact)
    return out


def raw_pdf(path: Path, content: str, *, layer: str | None = None) -> Path:
    """A one-page PDF (A4, Helvetica as /F1) whose page content is ``content`` as written; ``layer`` ("ON" or "OFF")
    adds an optional-content group /oc1 in that default state, for ``/OC /oc1 BDC ... EMC``."""
    catalog = "<< /Type /Catalog /Pages 2 0 R"
    if layer is not None:
        catalog += f" /OCProperties << /OCGs [5 0 R] /D << /Order [5 0 R] /{layer} [5 0 R] >> >>"
    objects = [
        catalog + " >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> "
        "/Properties << /oc1 5 0 R >> >> /Contents 6 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Type /OCG /Name (Layer) >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
    ]
    out, offsets = b"%PDF-1.5\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    table = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{table}\n%%EOF\n".encode()
    path.write_bytes(out)
    return path


def server_clause(path: Path, as_of: date, clause: str) -> tuple[str, object, list[str]]:
    """``checker check`` of one server document: the clause's status and value, and the reader's warnings (the
    document must be read without an error)."""
    from checker.pipeline import check

    evaluated = check([path], as_of, "server")
    assert evaluated.errors == [], evaluated.errors
    result = next(c for c in evaluated.report().products[0].clauses if c.id == clause)
    return result.status, result.value, [w.warning for w in evaluated.warnings]
