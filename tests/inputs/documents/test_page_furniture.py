"""Red-team round 6 (header/footer): a value printed in a page's running header or footer is no measurement.

A marketing footer ("© 2024 Xirui. PSU efficiency 94 % at 20 % load. Page 1") or header ("绿色数据中心 | PUE 1.25")
passed clauses; such lines are left out of what values are read from, with a warning. The controls: a table that runs
close to the bottom of the page at its usual spacing, and a table whose header row is the first line of a page, are
still read; the body's value beside a footer is the one used.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from checker.inputs.documents import read_pdf
from checker.pipeline import check

from .conftest import facts_of

AS_OF = date(2026, 11, 20)
WIDTH, HEIGHT = A4
FOOTER = "© 2024 Xirui Computing.  PSU efficiency 96 % at 50 % load, 95 % at full load.  Page {p}"


def _sheet(path: Path, pages: list[list[str]], *, header: str = "", footer: str = "", size: float = 10,
           start: float = HEIGHT - 80, pitch: float = 18) -> Path:
    """Pages of body lines from ``start`` down at ``pitch``, with a running ``header`` (baseline 35 pt below the top)
    and ``footer`` (30 pt above the bottom) in 8 pt grey; ``{p}`` is the page number."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for number, lines in enumerate(pages, start=1):
        c.setFont("STSong-Light", 8)
        c.setFillColorRGB(0.4, 0.4, 0.4)
        if header:
            c.drawString(50, HEIGHT - 35, header.replace("{p}", str(number)))
        if footer:
            c.drawString(50, 30, footer.replace("{p}", str(number)))
        c.setFillColorRGB(0, 0, 0)
        c.setFont("STSong-Light", size)
        for k, line in enumerate(lines):
            c.drawString(50, start - k * pitch, line)
        c.showPage()
    c.save()
    return path


def _status(path: Path, clause: str, category: str, as_of: date = AS_OF) -> tuple[str, object, list[str]]:
    evaluated = check([path], as_of, category)
    assert evaluated.errors == [], evaluated.errors
    result = next(c for c in evaluated.report().products[0].clauses if c.id == clause)
    return result.status, result.value, [w.warning for w in evaluated.warnings]


def test_a_value_in_a_running_footer_is_not_evidence(tmp_path: Path) -> None:
    body = [["XR-760 rack server overview", "Model: XR-760", "For PSU efficiency data contact your account manager."],
            ["Storage: up to 24 x 2.5 inch NVMe drives."]]
    path = _sheet(tmp_path / "footer.pdf", body, footer=FOOTER)
    status, _, warnings = _status(path, "6.2.1/psu-eff-50", "server")
    assert status == "missing_evidence"
    assert any(w.startswith("page 1: a value in the page's running header or footer") and "96 %" in w
               for w in warnings), warnings


def test_a_value_in_a_running_header_of_one_page_is_not_evidence(tmp_path: Path) -> None:
    body = [["东数西算 某枢纽节点数据中心 简介", "类别：数据中心", "年均电能比处于行业领先水平，第三方测试报告另附。"]]
    path = _sheet(tmp_path / "header.pdf", body, header="绿色数据中心 | PUE 1.25 | WUE 0.9 L/kWh")
    assert "pue" not in facts_of(path, "datacenter")
    assert any("PUE 1.25" in w for w in read_pdf(path, "datacenter").warnings)


def test_the_body_value_beside_a_footer_is_read(tmp_path: Path) -> None:
    body = [["XR-760 rack server test report", "PSU efficiency at 50% load: 91.0%"]]
    path = _sheet(tmp_path / "both.pdf", body, footer=FOOTER)
    assert _status(path, "6.2.1/psu-eff-50", "server")[:2] == ("fail", 91.0)


def test_a_table_running_close_to_the_bottom_is_read_and_the_footer_under_it_is_not(tmp_path: Path) -> None:
    filler = [f"Note {k}: configuration line of the test set-up." for k in range(36)]
    rows = ["PSU efficiency at 20% load: 93.1%", "PSU efficiency at 50% load: 91.0%"]  # the last at 42 pt
    path = _sheet(tmp_path / "bottom.pdf", [filler + rows], footer=FOOTER, start=HEIGHT - 60, pitch=20)
    assert [f.value for f in facts_of(path, "server")["psu_efficiency_50"]] == [91.0]
    assert _status(path, "6.2.1/psu-eff-50", "server")[:2] == ("fail", 91.0)


def test_a_table_whose_first_row_is_the_top_line_of_a_page_is_read(tmp_path: Path) -> None:
    first = ["XR-760 rack server test report", "Results on the next page."]
    rows = ["PSU efficiency at 50% load: 91.0%", "PSU efficiency at 20% load: 93.1%", "Tested by the XR lab."]
    path = _sheet(tmp_path / "top.pdf", [first, rows], footer=FOOTER, start=HEIGHT - 30)
    assert _status(path, "6.2.1/psu-eff-50", "server")[:2] == ("fail", 91.0)
