"""A small fuzz run in CI (issue 7): mutated samples never crash the audit, never pass falsely.

The full run is ``python bench/fuzz.py`` (10,000 cases); this runs a few hundred, and a
hypothesis property on the catalog path against the harness's own limit table.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
import fuzz  # noqa: E402

from checker.pipeline import audit  # noqa: E402

HEADER = list(fuzz.HAND_LIMITS)


@pytest.mark.slow
def test_seeded_fuzz_300_cases() -> None:
    """300 seeded mutations of CSV rows, records and PDFs: no crash, no false pass, nothing lost."""
    result = fuzz.run(300, seed=11, pdf_share=0.02)
    assert result["cases"] == 300
    assert result["crashes"] == 0, result["crash_examples"]
    assert result["false_passes"] == 0, result["false_pass_examples"]
    assert result["lost_inputs"] == 0, result["lost_examples"]


cell = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.decimals(min_value=-200, max_value=200, places=3).map(str),
    st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\r\n\",\x00"), max_size=8),
    st.sampled_from(["94 %", "0.95", "95 W", "56 dB(A)", "ND", "<95", "94,5", "", "1e400"]),
)


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(column=st.sampled_from(HEADER), value=cell)
@pytest.mark.slow
def test_catalog_cell_property(column: str, value: str) -> None:
    """Any single cell in a server row: the clause passes only if the harness's own table agrees."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "c.csv"
        path.write_text(f"model,category,{column}\nP,server,\"{value}\"\n", encoding="utf-8")
        report = audit([path], date(2026, 11, 20)).report()
    assert len(report.products) + len(report.errors) >= 1
    for product in report.products:
        clause = next(c for c in product.clauses if c.id == fuzz.HAND_LIMITS[column][0])
        assert not (clause.status == "pass" and fuzz.violates(column, value)), (value, clause)
