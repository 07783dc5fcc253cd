"""Issue 12: the reader fills the scope fields a sheet states (端口形式, 燃料类型)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from checker.pipeline import check

AS_OF = date(2026, 11, 20)


def _pdf(path: Path, lines: list[str]) -> Path:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    page = canvas.Canvas(str(path))
    page.setFont("STSong-Light", 11)
    for number, line in enumerate(lines):
        page.drawString(60, 780 - 20 * number, line)
    page.save()
    return path


@pytest.mark.parametrize(("line", "status"), [("端口形式：固定端口", "missing_evidence"),
                                              ("端口形式：机框式", "not_applicable"),
                                              ("Form factor: modular chassis", "not_applicable"),
                                              ("Port type: fixed-port", "missing_evidence")])
def test_port_type_read_from_a_sheet(tmp_path: Path, line: str, status: str) -> None:
    path = _pdf(tmp_path / "switch.pdf", ["以太网交换机 产品技术规格", "设备类别：接入", line, "最大吞吐量：176 Gbps"])
    product = check([path], AS_OF, "switch").report().products[0]
    teer = {c.id: c for c in product.clauses}["6.2.3/teer"]
    assert teer.status == status, teer.note
    assert "port type not stated" not in teer.note


@pytest.mark.parametrize(("line", "low"), [("燃料类型：柴油", "251.1"), ("Fuel type: gasoline", "223.2")])
def test_fuel_type_read_from_a_sheet(tmp_path: Path, line: str, low: str) -> None:
    path = _pdf(tmp_path / "gen.pdf", ["发电机组 技术数据", line, "额定功率：200 kW", "满载燃油消耗量：62 L/h"])
    product = check([path], AS_OF, "generator").report().products[0]
    fuel = {c.id: c for c in product.clauses}["6.3.5/fuel-consumption"]
    assert low in fuel.note
