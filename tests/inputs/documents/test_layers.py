"""Text in a layer (optional content) the document shows switched off is never evidence (layers.py).

Regression: "PSU efficiency at 50% load: 96%" inside BDC /OC ... EMC of a layer the default configuration lists as
OFF (not shown, not printed, still in the text layer) passed 6.2.1/psu-eff-50.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker.pipeline import check

from .conftest import raw_pdf

CONTENT = ("BT /F1 10 Tf 50 800 Td (2U rack server R-200) Tj ET\n"
           "/OC /oc1 BDC\nBT /F1 10 Tf 50 760 Td (PSU efficiency at 50% load: 96%) Tj ET\nEMC")


@pytest.mark.parametrize(("state", "expected"), [("OFF", ("missing_evidence", None)), ("ON", ("pass", 96.0))])
def test_text_of_a_layer_switched_off_is_no_evidence(tmp_path: Path, state: str,
                                                     expected: tuple[str, float | None]) -> None:
    report = check([raw_pdf(tmp_path / "s.pdf", CONTENT, layer=state)], date(2026, 1, 1), category="server").report()
    clause = next(c for c in report.products[0].clauses if c.id == "6.2.1/psu-eff-50")
    assert (clause.status, clause.value) == expected
    switched_off = any("switched off" in w.warning for w in report.warnings)
    assert switched_off is (state == "OFF")
