"""PAH tables of a PC's parts (red-team round 6): a printed sum of the 15 PAHs that the individual values printed for
the same parts contradict (a miscount, a dash that is no non-detect, one part's sum) does not pass; a unit in the
column headers ("µg/kg") is applied; a compound's own letters ("Benzo[b]fluoranthene") are no unit."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import pytest

from checker.pipeline import check
from tests.inputs.documents.conftest import facts_of

MakePdf = Callable[..., Path]
PAHS = ["Naphthalene", "Phenanthrene", "Anthracene", "Fluoranthene", "Pyrene", "Benzo[a]anthracene", "Chrysene",
        "Benzo[b]fluoranthene", "Benzo[k]fluoranthene", "Benzo[j]fluoranthene", "Benzo[e]pyrene", "Benzo[a]pyrene",
        "Dibenzo[a,h]anthracene", "Indeno[1,2,3-cd]pyrene", "Benzo[g,h,i]perylene"]
CORD = {"Naphthalene": "38.0", "Phenanthrene": "9.6", "Fluoranthene": "2.9", "Pyrene": "4.1", "Benzo[a]pyrene": "0.6"}
HEAD = ["TEST REPORT SGT-PAH-260520-03", "Sample Desktop computer T5 Tower: housing, power cord"]


def _table(values: dict[str, str], names: Sequence[str] = PAHS, *, unit: str = "") -> list[tuple[str, ...]]:
    """A two-part PAH table: the housing not detected, the power cord with ``values`` (else not detected)."""
    header = ("Parameter", f"LOQ{unit}", f"Housing{unit}", f"Power cord{unit}")
    loq = "50" if unit else "0.2"
    return [header, *((name, loq, "n.d.", values.get(name, "n.d.")) for name in names)]


def _statuses(path: Path) -> tuple[str, str]:
    report = check([path], date(2026, 1, 1), category="desktop").report()
    assert not report.errors, report.errors
    by_id = {c.id: c.status for c in report.products[0].clauses}
    return by_id["6.2.2/pah15"], by_id["6.2.2/bap"]


@pytest.mark.parametrize(("rows", "expected"), [
    # the printed sum disagrees with the values printed for the same part (they add to 55.2)
    ([*_table(CORD), ("Sum of 15 PAHs", "", "n.d.", "45.2")], "manual_review"),
    # a dash is no non-detect: the cord's sum is not given, and its values add to 55.2
    ([*_table(CORD), ("Sum of 15 PAHs", "", "n.d.", "—"), "— = not calculated"], "manual_review"),
    # the housing's sum is not the product's, beside the cord's values
    (["Sum of 15 PAHs (housing): n.d.", *_table(CORD)], "manual_review"),
    # with fewer than the 15 printed, a sum below what they add to is no more the product's
    ([*_table(CORD, PAHS[:10]), ("Sum of 15 PAHs", "", "n.d.", "12.0")], "manual_review"),
    # honest: a sum that agrees with its parts, a table of non-detects
    ([*_table(CORD), ("Sum of 15 PAHs", "", "n.d.", "55.2")], "fail"),
    ([*_table({"Naphthalene": "8.0", "Pyrene": "1.5"}), ("Sum of 15 PAHs", "", "n.d.", "9.5")], "pass"),
    ([*_table({}), ("Sum of 15 PAHs", "", "n.d.", "n.d.")], "pass"),
], ids=["miscounted", "dash", "one-part", "partial-table", "agrees-over", "agrees", "all-nd"])
def test_a_pah_sum_its_parts_contradict_does_not_pass(make_pdf: MakePdf, rows: list, expected: str) -> None:
    assert _statuses(make_pdf([[*HEAD, *rows]]))[0] == expected


@pytest.mark.parametrize(("loq", "expected"), [("5", "manual_review"), ("0.2", "pass")], ids=["loq-5", "loq-0.2"])
def test_a_sum_of_non_detects_lies_up_to_their_limits(make_pdf: MakePdf, loq: str, expected: str) -> None:
    """15 × "< 5" with no sum printed is somewhere from 0 to 75 mg/kg: no pass of ≤ 50 (15 × "< 0.2" is)."""
    rows = [("Parameter", "LOQ", "Housing", "Keycaps"), *((name, loq, f"< {loq}", f"< {loq}") for name in PAHS)]
    assert _statuses(make_pdf([[*HEAD, *rows]]))[0] == expected


@pytest.mark.parametrize(("cord", "total", "expected"), [
    ({"Naphthalene": "5200", "Benzo[a]pyrene": "850"}, "6050", ("pass", "pass")),
    ({"Naphthalene": "52000", "Benzo[a]pyrene": "850"}, "52850", ("fail", "pass")),
    ({"Naphthalene": "5200", "Benzo[a]pyrene": "25000"}, "30200", ("pass", "fail")),
], ids=["below", "sum-over", "bap-over"])
def test_a_column_headers_unit_is_applied(make_pdf: MakePdf, cord: dict[str, str], total: str,
                                          expected: tuple[str, str]) -> None:
    rows = [*_table(cord, unit=" (µg/kg)"), ("Sum of 15 PAHs (µg/kg)", "", "< 50", total)]
    assert _statuses(make_pdf([[*HEAD, "Analytical report – PAH (results in µg/kg)", *rows]])) == expected


@pytest.mark.parametrize("name", ["Benzo[b]fluoranthene", "苯并(b)荧蒽"])
def test_a_compounds_letter_is_no_unit(make_pdf: MakePdf, name: str) -> None:
    rows = [("Parameter", "LOQ", "Result"), ("Naphthalene", "0.2", "1.0"), (name, "0.2", "3.5"),
            ("Pyrene", "0.2", "n.d.")]
    facts = facts_of(make_pdf([[*HEAD, *rows]]), "desktop")
    assert (3.5, "mg/kg") in [(f.value, f.unit) for f in facts["pah_benzo_b_fluoranthene"]]
