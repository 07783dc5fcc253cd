"""PSU sheets of European and Korean makers: their words for efficiency, power factor, load and power supply
(Wirkungsgrad bei 50 % Last, rendement à 50 % de charge, 부하 / 효율 / 역률, Netzteil) are the vocabulary's labels, and
decimal commas are read (red-team round 7, tradzh S21-S25, W07, F05: every clause was missing evidence)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checker.pipeline import check

MakePdf = Callable[..., Path]


def _statuses(path: Path, category: str | None = None) -> tuple[str, dict[str, str]]:
    report = check([path], date(2026, 1, 1), category=category).report()
    assert not report.errors, report.errors
    product = report.products[0]
    return product.category, {c.id: c.status for c in product.clauses}


@pytest.mark.parametrize(("lines", "eff_50", "pf_50"), [
    (["Rack-Server RZ-2400 - Technisches Datenblatt", "Wirkungsgrad bei 50 % Last: 94,6 %",
      "Leistungsfaktor bei 50 % Last: 0,98"], "pass", "pass"),
    (["Rack-Server RZ-2400 - Technisches Datenblatt", "Wirkungsgrad bei 50 % Last: 93,6 %",
      "Leistungsfaktor bei 50 % Last: 0,98"], "fail", "pass"),
    (["Serveur rack SR-480 - Fiche technique", "Rendement a 50 % de charge : 93,8 %",
      "Facteur de puissance a 50 % de charge : 0,98"], "fail", "pass"),
    (["서버 (Server) HS-R5300 전원공급장치 시험성적서", ("부하", "효율 (%)", "역률"), ("50 %", "94.3", "0.982")],
     "pass", "pass"),
])
def test_european_and_korean_psu_words(make_pdf: MakePdf, lines: list[object], eff_50: str, pf_50: str) -> None:
    category, got = _statuses(make_pdf([lines], col_width=250))
    assert category == "server"
    assert (got["6.2.1/psu-eff-50"], got["6.2.1/psu-pf-50"]) == (eff_50, pf_50)


def test_a_german_switch_sheet_names_its_supply(make_pdf: MakePdf) -> None:
    """"Netzteil: single output (12 V)" is the single-output supply of Table 4 (W07: all eight PSU clauses missing)."""
    _, got = _statuses(make_pdf([["Ethernet-Switch NS-4852 - Datenblatt", "Netzteil: single output (12 V)",
                                  "Wirkungsgrad bei 50 % Last: 92,5 %"]], col_width=250), "switch")
    assert (got["6.2.3/single-psu-eff-50"], got["6.2.3/multi-psu-eff-50"]) == ("pass", "not_applicable")


@pytest.mark.parametrize(("line", "internal", "external"), [
    ("電源 Power supply：外接式電源變壓器 External power adapter 12 V / 5 A (60 W)", "not_applicable", "manual_review"),
    ("电源：外置电源适配器 12V 5A", "not_applicable", "manual_review"),
    ("Power supply: internal, 150 W AC", "missing_evidence", "not_applicable"),
    ("电源：内置 AC 电源", "missing_evidence", "not_applicable"),
    ("电源：2 × 150 W", "missing_evidence", "manual_review"),  # says neither: both apply
])
def test_a_firewalls_supply_named_in_words(make_pdf: MakePdf, line: str, internal: str, external: str) -> None:
    """An external adapter takes the firewall out of the internal-PSU clauses and into GB 20943's (red-team round 7
    F08 and round 6 F14: the internal-PSU clauses were missing evidence)."""
    _, got = _statuses(make_pdf([["桌面防火墙 NF-60E（固定端口）", line]], col_width=400), "firewall")
    assert (got["6.2.4/psu-eff-50"], got["6.2.4/external-psu"]) == (internal, external)
