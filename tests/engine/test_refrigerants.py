"""6.3.1.2 ODP from the refrigerant a record names (red-team round 7, cooling: d13, c26, c29, c30, e03).

Refrigerants are named as documents print them (R22, R-22, HCFC-22, "HCFC-22（R22）", "R717（氨）"), blends by their
listed components or with their mass shares written out; several refrigerants named decide only where they agree;
a refrigerant the data does not hold, or holds at low confidence, never passes."""

from __future__ import annotations

import pytest


def _odp(clauses, refrigerant: str, **more: object):
    record = {"category": "cooling", "cooling_type": "chiller", "refrigerant": refrigerant, **more}
    return clauses(record)["6.3.1.2/odp"]


@pytest.mark.parametrize(("refrigerant", "status"), [
    # spellings of one refrigerant
    ("HCFC-22", "fail"), ("hcfc 22", "fail"), ("HCFC-22（R22）", "fail"), ("R22 制冷剂", "fail"),
    ("HCFC-123 (R123)", "fail"), ("HFC-134a", "pass"), ("R717（氨）", "pass"), ("R-1234ze(E)", "pass"),
    ("HFO-1234yf", "pass"),
    # single substances added from Montreal Protocol Annex C / WMO 2022
    ("R141b", "fail"), ("R124", "fail"), ("R718", "pass"), ("R600a", "pass"),
    # blends listed by their components: an HCFC or CFC blend fails, an HFC/HFO blend passes
    ("R402A", "fail"), ("R408A", "fail"), ("R409A", "fail"), ("R502", "fail"), ("R500", "fail"),
    ("R404A", "pass"), ("R507A", "pass"), ("R448A", "pass"), ("R452B", "pass"), ("R454B", "pass"),
    # blends written with their mass shares
    ("R32/R125 (50/50)", "pass"), ("R22/R152a/R124 (53/13/34)", "fail"), ("R134a/R1234yf（44/56）", "pass"),
])
def test_refrigerant_spellings_and_blends(clauses, refrigerant: str, status: str) -> None:
    assert _odp(clauses, refrigerant).status == status


@pytest.mark.parametrize(("refrigerant", "status"), [
    ("R22（可选 R407C）", "manual_review"),      # an option with and without ozone depletion
    ("R410A or R22", "manual_review"),
    ("R407C（可选 R410A）", "pass"),             # every option has ODP 0
    ("R22 / R123 optional", "fail"),             # every option depletes ozone
    ("R1224yd(Z)", "manual_review"),             # low-confidence value: never a verdict
    ("R466A", "missing_evidence"),               # not in the data: no ODP without a declared one
    ("R22 (optional R9999X)", "manual_review"),  # one option unknown
])
def test_several_or_unknown_refrigerants_never_pass_on_a_guess(clauses, refrigerant: str, status: str) -> None:
    assert _odp(clauses, refrigerant).status == status


@pytest.mark.parametrize(("refrigerant", "status"), [
    ("R410A 环保冷媒（替代传统 R22，ODP=0）", "pass"),  # R22 is what it replaces (round-3 power, cool05: a regression)
    ("R410A, replaces R22", "pass"),
    ("R32 instead of R22", "pass"),
    ("R22 替代品：R410A", "manual_review"),  # "the substitute: R410A" beside R22: which one, a person decides
    ("R22（可替代为 R410A）", "manual_review"),
])
def test_a_refrigerant_it_replaces_is_not_its_own(clauses, refrigerant: str, status: str) -> None:
    assert _odp(clauses, refrigerant).status == status


def test_a_declared_zero_beside_an_hcfc_is_for_a_person(clauses) -> None:
    assert _odp(clauses, "HCFC-22", odp=0).status == "manual_review"


def test_blend_shares_that_do_not_add_up_are_not_a_blend(clauses) -> None:
    """(50/40) is no composition: the two named refrigerants disagree, for a person."""
    assert _odp(clauses, "R22/R32 (50/40)").status == "manual_review"
