"""Switch and firewall documents as network vendors and labs write them (red-team round 6)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checker.pipeline import check

MakePdf = Callable[..., Path]


def _clause(paths: list[Path], category: str, clause: str) -> tuple[str, float | None]:
    report = check(paths, date(2026, 1, 1), category=category).report()
    found = next(c for c in report.products[0].clauses if c.id == clause)
    return found.status, found.value


@pytest.mark.parametrize(("power_line", "status"), [
    (("Measured power at 64-byte full throughput", "168 W"), "manual_review"),  # above the datasheet's maximum
    (("满吞吐量时整机功耗", "140 W"), "pass"),  # a control: passes on the old code too
])
def test_a_measured_power_beside_a_maximum(make_pdf: MakePdf, power_line: tuple[str, str], status: str) -> None:
    """The power measured at full throughput is the firewall's power; above the datasheet's "max." it is a conflict,
    not a pass on the maximum (150 W / 6 Gbps = 25 W/Gbps)."""
    pdf = make_pdf([["SG-3700 Firewall - test summary", ("Firewall throughput (IPv4, 64-byte, RFC 2544)", "6 Gbps"),
                     ("Max. power consumption (datasheet)", "150 W"), power_line, ("Port type", "Fixed")]],
                   col_width=260)
    assert _clause([pdf], "firewall", "6.2.4/power-per-throughput")[0] == status


@pytest.mark.parametrize(("throughput", "status"), [("1 200 Mbps", "pass"), ("1.1 Gbps", "manual_review")])
def test_thousands_set_apart_by_a_space(make_pdf: MakePdf, throughput: str, status: str) -> None:
    """"1 200 Mbps" is 1.2 Gbps (30 W / 1.2 Gbps = 25 W/Gbps), not 200 Mbps (150 W/Gbps, a wrong fail)."""
    pdf = make_pdf([["FX-12 Firewall datasheet", ("Firewall throughput (IPv4, 64-byte)", throughput),
                     ("Max. power consumption", "30 W"), ("Port type", "Fixed")]], col_width=260)
    assert _clause([pdf], "firewall", "6.2.4/power-per-throughput")[0] == status


@pytest.mark.parametrize(("device_class", "loads", "status"), [
    ("Data Center", (0, 10, 100), "manual_review"),  # no power at the 30 % Appendix E weighs for a data-centre switch
    ("Access", (0, 50, 100), "manual_review"),  # ATIS-0600015-2009's loads
    ("Access", (0, 10, 100), "pass"),
    ("Data Center", (0, 10, 30, 100), "pass"),
])
def test_a_printed_teer_beside_other_loads(make_pdf: MakePdf, device_class: str, loads: tuple[int, ...],
                                           status: str) -> None:
    """A TEER printed beside power readings at other loads than Appendix E's is not Appendix E's TEER."""
    powers = {0: 150.0, 10: 160.0, 30: 175.0, 50: 190.0, 100: 260.0}
    rows = [("Model", "NS-2600-24T"), ("Port type", "Fixed"), ("Device class", device_class),
            ("Maximum throughput Td", "60 Gbps"), *((f"P({load} %)", f"{powers[load]} W") for load in loads),
            ("TEER", "355 Mbps/W")]
    pdf = make_pdf([["TEER measurement report", *rows]], col_width=200)
    assert _clause([pdf], "switch", "6.2.3/teer")[0] == status
