"""Impossible numbers printed in a PDF are read and shown, and give manual_review with the reason
(never a pass, never silently dropped as missing evidence). Regression for the session-1 gap
where "104 %" was dropped and the clause said missing_evidence."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checker.pipeline import check

MakePdf = Callable[..., Path]


def _statuses(path: Path) -> dict[str, tuple[str, str]]:
    report = check([path], date(2026, 1, 1)).report()
    assert not report.errors, report.errors
    product = report.products[0]
    return {r.id: (r.status, r.note) for r in product.clauses}


@pytest.mark.parametrize(("row", "clause"), [
    (("50% load efficiency", "104%"), "6.2.1/psu-eff-50"),
    (("Power factor at 50% load", "1.3"), "6.2.1/psu-pf-50"),
    (("20% load efficiency", "0%"), "6.2.1/psu-eff-20"),
])
def test_impossible_value_is_manual_review(make_pdf: MakePdf, row: tuple[str, str], clause: str) -> None:
    path = make_pdf([["Server data sheet", ("Product type", "Rack server"), ("Model", "JX-1"), row]])
    status, reason = _statuses(path)[clause]
    assert status == "manual_review", (status, reason)
    assert reason


def test_plausible_neighbour_still_reads(make_pdf: MakePdf) -> None:
    path = make_pdf([["Server data sheet", ("Product type", "Rack server"), ("Model", "JX-1"),
                      ("50% load efficiency", "94.5%")]])
    assert _statuses(path)["6.2.1/psu-eff-50"][0] == "pass"
