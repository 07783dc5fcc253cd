"""Text in a layer (optional content) the document shows switched off is never evidence (layers.py).

Regression: "PSU efficiency at 50% load: 96%" inside BDC /OC ... EMC of a layer the default configuration lists as
OFF (not shown, not printed, still in the text layer) passed 6.2.1/psu-eff-50.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker.pipeline import check

CONTENT = ("BT /F1 10 Tf 50 800 Td (2U rack server R-200) Tj ET\n"
           "/OC /oc1 BDC\nBT /F1 10 Tf 50 760 Td (PSU efficiency at 50% load: 96%) Tj ET\nEMC")


def _layered_pdf(path: Path, state: str) -> Path:
    """A one-page PDF whose efficiency line is in the layer "oc1", ``state`` ("ON" or "OFF") by default."""
    objects = [
        f"<< /Type /Catalog /Pages 2 0 R /OCProperties << /OCGs [5 0 R] /D << /Order [5 0 R] /{state} [5 0 R] >> >> >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> "
        "/Properties << /oc1 5 0 R >> >> /Contents 6 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Type /OCG /Name (Layer) >>",
        f"<< /Length {len(CONTENT)} >>\nstream\n{CONTENT}\nendstream",
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


@pytest.mark.parametrize(("state", "expected"), [("OFF", ("missing_evidence", None)), ("ON", ("pass", 96.0))])
def test_text_of_a_layer_switched_off_is_no_evidence(tmp_path: Path, state: str,
                                                     expected: tuple[str, float | None]) -> None:
    report = check([_layered_pdf(tmp_path / "s.pdf", state)], date(2026, 1, 1), category="server").report()
    clause = next(c for c in report.products[0].clauses if c.id == "6.2.1/psu-eff-50")
    assert (clause.status, clause.value) == expected
    switched_off = any("switched off" in w.warning for w in report.warnings)
    assert switched_off is (state == "OFF")
