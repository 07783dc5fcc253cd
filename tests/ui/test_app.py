"""The Streamlit app driven headless with ``streamlit.testing.v1.AppTest``, and its helpers in ``checker.ui``.

AppTest cannot upload files, so the Check, Batch and Data-centre pages are driven through their
sample pickers (the same code path after the bytes are read).
"""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("streamlit")
from streamlit.testing.v1 import AppTest

from checker.catalog.clauses import load_catalog
from checker.models import Report
from checker.outputs.display import num
from checker.outputs.safe_text import markdown as md
from checker.ui import calcs, results
from checker.ui.evidence import evidence_image, number_pattern
from checker.ui.i18n import STRINGS, section_key, t
from checker.ui.uploads import Upload, read_sample, safe_uploads, sanitise_name, staged

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
SERVER_RECORD = "samples/records/server-SR2U.yaml"
DC_SAMPLE = "samples/datacenter/dc-excellent.yaml"


@pytest.fixture
def app() -> AppTest:
    """A fresh app session, first run done."""
    test = AppTest.from_file(APP, default_timeout=60)
    test.run()
    assert not test.exception
    return test


def goto(at: AppTest, page: str) -> AppTest:
    """Switch page through the sidebar widget."""
    at.sidebar.radio(key="page").set_value(page).run()
    assert not at.exception, at.exception
    return at


def markdown_text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def frame_with(at: AppTest, column: str, value: str, also: str | None = None) -> pd.DataFrame:
    """The first dataframe on screen whose ``column`` holds ``value`` (and which has column ``also``)."""
    for element in [*at.dataframe, *at.table]:
        frame = element.value
        if also is not None and also not in frame.columns:
            continue
        if column in frame.columns and (frame[column].astype(str) == value).any():
            return frame
    raise AssertionError(f"no table with {column} = {value}")


# ---------------------------------------------------------------- pages


def test_sidebar_lists_pages_and_switches_language(app: AppTest) -> None:
    pages = app.sidebar.radio(key="page")
    assert list(pages.options) == [t(f"page_{p}", "zh") for p in ("check", "calc", "batch")] + ["投标对比"] + [
        t(f"page_{p}", "zh") for p in ("catalog", "dc")]
    app.sidebar.radio(key="lang").set_value("en").run()
    assert next(iter(app.sidebar.radio(key="page").options)) == "Check a product"
    assert app.header[0].value == "Check a product"


def test_check_sample_record_fails_on_psu_eff_50(app: AppTest) -> None:
    app.radio(key="check_source").set_value("sample").run()
    app.selectbox(key="check_sample").set_value(SERVER_RECORD).run()
    assert not app.exception
    assert "不符合，1 项不符合，另有 11 项需人工核查" in markdown_text(app)
    assert "(fail)" not in markdown_text(app)  # the verdict written once
    table = frame_with(app, t("col_id", "zh"), "6.2.1/psu-eff-50")
    row = table[table[t("col_id", "zh")] == "6.2.1/psu-eff-50"].iloc[0]
    assert row[t("col_status", "zh")] == "不符合"
    assert row[t("col_value", "zh")] == "93.8 %"
    assert row[t("col_limit", "zh")] == "≥ 94 %"
    assert row[t("col_margin", "zh")] == "-0.2"
    # grouped by section, the failing clause's evidence offered first, the buyer's to-do listed
    assert "**6.2.1 服务器及存储设备（表 2）**" in markdown_text(app)
    assert app.selectbox(key="check_0_evidence").value == "6.2.1/psu-eff-50"
    assert any("50%  93.8%  0.991" in c.value for c in app.code)
    assert t("todo", "zh") in markdown_text(app)
    assert "**第三方认证证书（如中国环境标志）**：6.1.1, 6.1.2" in markdown_text(app)
    labels = [getattr(b, "label", None) for b in app.get("download_button")]
    assert labels == [t("download_xlsx", "zh"), t("download_json", "zh"), t("download_html", "zh")]


def test_check_in_english_and_other_as_of(app: AppTest) -> None:
    app.sidebar.radio(key="lang").set_value("en").run()
    app.sidebar.date_input(key="as_of").set_value(date(2024, 1, 1)).run()
    app.radio(key="check_source").set_value("sample").run()
    app.selectbox(key="check_sample").set_value(SERVER_RECORD).run()
    assert "FAIL — 1 clause(s) fail" in markdown_text(app)
    table = frame_with(app, "Clause", "6.2.1/psu-eff-50")
    assert table.loc[table["Clause"] == "6.2.1/psu-eff-50", "Status"].iloc[0] == "fail"


@pytest.mark.slow
def test_check_sample_pdf_shows_evidence_image(app: AppTest) -> None:
    app.radio(key="check_source").set_value("sample").run()
    app.selectbox(key="check_sample").set_value("samples/documents/server-kx5200-prose.pdf").run()
    assert not app.exception
    text = markdown_text(app)
    assert any(f"### :{c}[{t('verdict.' + v, 'zh')}" in text
               for v, c in (("pass", "green"), ("fail", "red"), ("incomplete", "orange")))
    if app.code:  # the chosen clause has evidence read from the PDF: its page region is drawn, once a page
        assert 1 <= len(app.get("image")) <= len(app.code)
        assert md("server-kx5200-prose.pdf") in text  # shown escaped, as plain text


def test_check_form_for_a_server(app: AppTest) -> None:
    app.radio(key="check_source").set_value("form").run()
    app.selectbox(key="form_category").set_value("server").run()
    for name, value in (("psu_efficiency_20", 91.0), ("psu_efficiency_50", 93.0), ("psu_efficiency_100", 92.0)):
        app.number_input(key=f"f_server_{name}").set_value(value)
    submit = next(b for b in app.button if b.label == t("form_submit", "zh"))
    submit.click().run()
    assert not app.exception
    assert ":red[不符合" in markdown_text(app)
    table = frame_with(app, t("col_id", "zh"), "6.2.1/psu-eff-50")
    statuses = dict(zip(table[t("col_id", "zh")], table[t("col_status", "zh")], strict=True))
    assert statuses["6.2.1/psu-eff-50"] == "不符合"
    assert statuses["6.2.1/psu-eff-20"] == "符合"


def test_calculators_teer_and_firewall(app: AppTest) -> None:
    goto(app, "calc")
    teer = next(m for m in app.metric if m.label == t("teer_value", "zh"))
    # README example: access class, 26 Gbps, 38.5 / 38.9 / 39.4 W → 26000 / 38.9 = 668.209 Mbps/W
    assert teer.value == "668.2"  # as people write it (checker.outputs.display.num)
    app.text_input(key="teer_td").set_value("10 Gbps")
    app.text_input(key="teer_p2").set_value("40").run()
    teer = next(m for m in app.metric if m.label == t("teer_value", "zh"))
    assert teer.value == num(10000 / (0.1 * 38.5 + 0.8 * 40 + 0.1 * 39.4))
    teer_table = frame_with(app, t("col_id", "zh"), "6.2.3/teer")
    assert teer_table[t("col_status", "zh")].iloc[0] == "不符合"  # 251.3 < 300
    # firewall defaults: 15 Gbps, 390 W → 26 W/Gbps against 23 in the 10G~20G tier
    tier = next(m for m in app.metric if m.label == t("tier", "zh"))
    assert tier.value == "10G 以上~20G"
    fw = frame_with(app, t("col_id", "zh"), "6.2.4/power-per-throughput")
    status = dict(zip(fw[t("col_id", "zh")], fw[t("col_status", "zh")], strict=True))
    assert status["6.2.4/power-per-throughput"] == "不符合"
    assert status["6.2.4/volume"] == "符合"
    # generator: 400 kW, 91.8 L/h → band 250 < P ≤ 600; max noise 101.2 dB(A)
    band = next(m for m in app.metric if m.label == t("band", "zh"))
    assert band.value == "250 < P ≤ 600"
    gen = frame_with(app, t("col_id", "zh"), "6.3.5/noise")
    assert gen.loc[gen[t("col_id", "zh")] == "6.3.5/noise", t("col_value", "zh")].iloc[0] == "101.2 dB(A)"


def test_calculator_bad_input_is_one_line(app: AppTest) -> None:
    goto(app, "calc")
    app.text_input(key="teer_td").set_value("lots").run()
    assert not app.exception
    assert any("lots" in e.value for e in app.error)


def test_batch_catalog_sample(app: AppTest) -> None:
    goto(app, "batch")
    app.radio(key="batch_source").set_value("sample").run()
    app.selectbox(key="batch_sample").set_value("samples/catalogs/servers.csv").run()
    assert not app.exception
    metrics = {m.label: m.value for m in app.metric}
    expected = pd.read_csv(ROOT / "samples/catalogs/servers.csv")
    assert metrics[t("products_total", "zh")] == str(len(expected))
    verdicts = [int(metrics[label]) for label in ("符合", "不符合", "证据不全")]
    assert sum(verdicts) == len(expected)
    assert len(app.get("arrow_vega_lite_chart")) + len(app.get("vega_lite_chart")) >= 1
    table = frame_with(app, t("col_product", "zh"), expected["model"].iloc[0], also=t("verdict", "zh"))
    assert set(table[t("verdict", "zh")]) <= {"符合", "不符合", "证据不全"}  # in words, not codes
    assert len(table) == len(expected)


def test_batch_records_folder_filters(app: AppTest) -> None:
    goto(app, "batch")
    app.radio(key="batch_source").set_value("sample").run()
    app.selectbox(key="batch_sample").set_value("samples/records/").run()
    assert not app.exception
    records = len(list((ROOT / "samples/records").glob("*.yaml")))
    assert {m.label: m.value for m in app.metric}[t("products_total", "zh")] == str(records)
    app.multiselect(key="batch_f_verdict").set_value(["fail"]).run()
    product, verdict = t("col_product", "zh"), t("verdict", "zh")
    table = frame_with(app, product, "SR-2U-X8", also=verdict)
    assert set(table[verdict]) == {"不符合"}
    assert "6.2.1/psu-eff-50" in table.loc[table[product] == "SR-2U-X8", t("failed_clauses", "zh")].iloc[0]
    worst = next(d.value for d in app.dataframe if t("failed_count", "zh") in d.value.columns)
    counts = worst[t("failed_count", "zh")].tolist()
    assert counts == sorted(counts, reverse=True) and counts[0] >= 1


def test_clause_catalog_lists_teer(app: AppTest) -> None:
    goto(app, "catalog")
    table = frame_with(app, t("col_id", "zh"), "6.2.3/teer")
    row = table[table[t("col_id", "zh")] == "6.2.3/teer"].iloc[0]
    assert row[t("col_limit", "zh")] == "≥ 300 Mbps/W"
    assert "TEER" in row[t("col_requirement", "zh")]
    assert len(table) == len(load_catalog().clauses)
    app.selectbox(key="catalog_category").set_value("switch").run()
    table = frame_with(app, t("col_id", "zh"), "6.2.3/teer")
    assert "6.2.1/psu-eff-50" not in set(table[t("col_id", "zh")])


def test_data_centre_grades_excellent(app: AppTest) -> None:
    goto(app, "dc")
    app.radio(key="dc_source").set_value("sample").run()
    app.selectbox(key="dc_sample").set_value(DC_SAMPLE).run()
    assert not app.exception
    assert "等级：:green[优秀级（总分 87\\.2） — 暂定]" in markdown_text(app)
    assert "- " + md("将 PUE 降到 1.178 或以下（其他不变）") in markdown_text(app)  # rounded down, never up
    assert ":green[:material/check_circle:] " + md(
        "碳抵消比例 S_DC 大于 20%：86.7 %，限值 > 20 %") in markdown_text(app)
    assert "pue_auto_metering" not in markdown_text(app)
    expected = json.loads((ROOT / "samples/datacenter/dc-pue-over-limit.expected.json").read_text("utf-8"))
    app.selectbox(key="dc_sample").set_value("samples/datacenter/dc-pue-over-limit.yaml").run()
    assert f"等级：:red[{expected['grade']}（总分" in markdown_text(app)
    assert ":red[:material/cancel:]" in markdown_text(app)


# ---------------------------------------------------------------- helpers


@pytest.mark.parametrize(("raw", "safe"), [
    ("../../etc/passwd", "passwd"),
    ("C:\\Users\\x\\报告 2024.PDF", "报告_2024.pdf"),
    ("..", "upload"),
    (".bashrc", "bashrc"),
    ("a/b/../c.yaml", "c.yaml"),
    ("spec\x00sheet.pdf", "specsheet.pdf"),
    ("", "upload"),
])
def test_sanitise_name(raw: str, safe: str) -> None:
    assert sanitise_name(raw) == safe


def test_safe_uploads_are_unique() -> None:
    names = [u.name for u in safe_uploads([Upload("a.pdf", b""), Upload("../a.pdf", b""), Upload("A.PDF", b"")])]
    assert names == ["a.pdf", "a-2.pdf", "A-3.pdf"]


def test_staged_folder_is_always_removed() -> None:
    with pytest.raises(RuntimeError), staged([Upload("x.pdf", b"%PDF")]) as (root, paths):
        assert paths[0].read_bytes() == b"%PDF" and paths[0].parent == root
        kept = root
        raise RuntimeError("boom")
    assert not kept.exists()


def test_uploaded_sources_never_show_the_temporary_folder() -> None:
    data = (ROOT / SERVER_RECORD).read_bytes()
    report = results.check_uploads([Upload("../../server record.yaml", data)], date.today())
    assert report.products[0].sources == ["server_record.yaml"]
    broken = results.audit_uploads([Upload("bad.pdf", b"not a pdf")], date.today())
    assert broken.errors and all("gdc-upload-" not in e.source + e.error for e in broken.errors)


def test_number_pattern_matches_printed_forms() -> None:
    import re

    pattern = re.compile(number_pattern(93.8))
    assert pattern.search("效率 93.8%") and pattern.search("９３．８％") and pattern.search("93.80 %")
    assert not pattern.search("193.8") and not pattern.search("93.85")
    assert re.search(number_pattern(94.0), "94 %") and not re.search(number_pattern(94.0), "94.5")


def test_evidence_image_highlights_value() -> None:
    pdf = ROOT / "samples/documents/server-kx5200-prose.pdf"
    report = results.check_uploads([Upload(pdf.name, pdf.read_bytes())], date.today())
    found = [(c, c.evidence[0]) for c in report.products[0].clauses if c.evidence and c.evidence[0].page]
    if not found:
        pytest.skip("the document reader returned no evidence for this sample yet")
    clause, where = found[0]
    image = evidence_image(pdf.read_bytes(), where.page or 1, where.text, clause.value)
    assert image is not None and image.png.startswith(b"\x89PNG") and image.line_found
    assert evidence_image(b"not a pdf", 1, "x", 1.0) is None
    assert evidence_image(pdf.read_bytes(), 99, "x", 1.0) is None


def test_downloads_colour_status_cells() -> None:
    from openpyxl import load_workbook

    report = results.check_uploads(read_sample(ROOT, SERVER_RECORD, (".yaml",)), date.today())
    files = results.downloads(report, load_catalog(), "zh")
    assert Report.model_validate_json(files["json"][0]).products[0].verdict == "fail"
    assert b"<table>" in files["html"][0]
    book = load_workbook(io.BytesIO(files["xlsx"][0]))
    assert book.sheetnames[:2] == [t("xl.sheet_summary", "zh"), t("xl.sheet_clauses", "zh")]
    fills = {row[3].value: row[3].fill.fgColor.rgb for row in book.worksheets[1].iter_rows(min_row=2)}
    assert fills[t("status.fail", "zh")].endswith("FFC7CE")


def test_calcs_recycled_plastic_respects_exclusions() -> None:
    parts = pd.DataFrame([{"part": "housing", "plastic_g": 800.0, "recycled_g": 40.0, "excluded": False},
                          {"part": "PCB", "plastic_g": 200.0, "recycled_g": 100.0, "excluded": True}])
    result = calcs.recycled_plastic(parts, "desktop", date.today())
    assert result.figures["plastic_g"] == 800.0 and result.figures["share"] == pytest.approx(5.0)
    assert [c.status for c in result.clauses] == ["pass"]


def test_calcs_recyclability_table() -> None:
    table = pd.DataFrame([{"mass_g": 8000.0, "rate": 95.0}, {"mass_g": 2000.0, "rate": 40.0}])
    result = calcs.recyclability(table, "", "server", date.today())
    assert result.figures["rate"] == pytest.approx(84.0)
    assert result.clauses[0].id == "6.2.1/recyclability" and result.clauses[0].status == "pass"


def test_strings_have_both_languages() -> None:
    assert all(set(entry) == {"zh", "en"} for entry in STRINGS.values())
    assert section_key("6.1.10") == "6.1" and section_key("6.2.3") == "6.2.3" and section_key("4.1") == "4"
    assert section_key("6.3.1.1") == "6.3.1"
