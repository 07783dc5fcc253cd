"""Every string a person reads is in both languages: zh text output holds no English words, en text
output no Chinese (ids, units, standard numbers and quoted evidence aside); numbers for display."""

from __future__ import annotations

import html
import io
import json
import re
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from language_checks import HAN, QUOTED, english_words

from checker.catalog.clauses import load_catalog
from checker.catalog.messages import message, note, strings
from checker.compare import Comparison, compare
from checker.compare import to_html as compare_html
from checker.compare import to_text as compare_text
from checker.compare import to_xlsx as compare_xlsx
from checker.dc.render import to_html as dc_html
from checker.dc.render import to_json as dc_json
from checker.dc.render import to_text as dc_text
from checker.dc.render import write_xlsx
from checker.engine.run import Evaluated
from checker.models import Report
from checker.outputs.display import num
from checker.outputs.report import summary_text, to_html, to_text, to_xlsx, write_output
from checker.pipeline import audit, check
from checker.ui import datacentre
from checker.ui.datacentre import grade_bytes

ROOT = Path(__file__).resolve().parents[2]
RECORDS = sorted((ROOT / "samples" / "records").glob("*.yaml"))
DC_RECORDS = sorted((ROOT / "samples" / "datacenter").glob("*.yaml"))
AS_OF = date(2026, 11, 20)


def _text(path: Path, lang: str) -> str:
    report = check([path], AS_OF).report()
    return to_text(report, load_catalog(), lang)


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.stem)
def test_zh_text_has_no_english(path: Path) -> None:
    report = check([path], AS_OF).report()
    ids = {p.id for p in report.products}
    lines = [line for line in _text(path, "zh").splitlines()
             if not line.strip().startswith("↳") and line.split("  ")[0] not in ids]
    found = {w for line in lines for w in english_words(line)}
    assert not found, f"English words in zh output: {sorted(found)}"


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.stem)
def test_en_text_has_no_chinese(path: Path) -> None:
    lines = [line for line in _text(path, "en").splitlines() if not line.strip().startswith("↳")]
    found = [line for line in lines if HAN.search(line)]
    assert not found, f"Chinese in en output: {found[:3]}"


def _dc_words(path: Path, lang: str) -> list[str]:
    report = grade_bytes(path.read_bytes(), AS_OF)
    lines = [datacentre.headline(report, lang), *datacentre.grade_bands(lang),
             *datacentre.what_if_sentences(report, lang), *datacentre.reasons(report, lang),
             *(text for _, text in datacentre.checklist(report, lang))]
    for frame in (datacentre.split_frame(report, lang), datacentre.emissions_frame(report, lang),
                  datacentre.items_frame(report, lang)):
        lines.extend(str(c) for c in frame.columns)
        lines.extend(str(v) for v in frame.to_numpy().ravel())
    return lines


@pytest.mark.parametrize("path", DC_RECORDS, ids=lambda p: p.stem)
def test_data_centre_report_in_each_language(path: Path) -> None:
    found = {w for line in _dc_words(path, "zh") for w in english_words(line)}
    assert not found, f"English words in the zh data-centre report: {sorted(found)}"
    chinese = [line for line in _dc_words(path, "en") if HAN.search(line)]
    assert not chinese, f"Chinese in the en data-centre report: {chinese[:3]}"


def test_allow_list_does_not_hide_words() -> None:
    assert english_words("不适用：has_battery 不为“是”") == []
    assert english_words("需人工核查：the test report") == ["the", "test", "report"]


def test_both_languages_have_the_same_keys() -> None:
    assert set(strings("zh")) == set(strings("en"))
    assert all(strings("zh")[k].strip() and strings("en")[k].strip() for k in strings("en"))


def test_message_formats_and_falls_back_to_key() -> None:
    assert message("txt.n_todo", "zh", n=11) == "另有 11 项需人工核查"
    assert message("no.such.key", "zh") == "no.such.key"


def test_notes_are_translated_and_raw_true_is_not_shown() -> None:
    assert note("does not apply: has_battery is not True", "zh") == "不适用：has_battery 不为“是”"
    assert "True" not in note("does not apply: has_battery is not True", "en")
    assert note("something new", "zh") == "something new"  # unknown text is kept, not lost


def test_headline_puts_the_decision_first() -> None:
    text = _text(ROOT / "samples" / "records" / "server-SR2U.yaml", "zh")
    assert text.splitlines()[2].strip().startswith("不符合")
    assert "需人工核查" in text.splitlines()[2]
    en = _text(ROOT / "samples" / "records" / "server-SR2U.yaml", "en")
    assert en.splitlines()[2].strip().startswith("FAIL — ")


@pytest.mark.parametrize(("value", "against", "shown"), [
    (193.928, None, "193.9"), (101.2, None, "101.2"), (53060.0, None, "53060"),
    (1.178, None, "1.18"), (0.012345, None, "0.0123"), (40.0725, None, "40.1"),
    (86.66817766, None, "86.7"), (0.962, None, "0.962"),
    (1000.0, None, "1000"), (89.96, 90.0, "89.96"), (89.96, None, "90"),
    (9.996, 10.0, "9.996"), (90.0, 90.0, "90"), (0.0, None, "0"),
])
def test_num_significant_digits(value: float, against: float | None, shown: str) -> None:
    assert num(value, against) == shown


def test_num_never_rounds_onto_the_limit() -> None:
    for value in (94.0001, 93.99996, 0.9499, 1000.4):
        limit = round(value)
        assert float(num(value, float(limit))) != limit or value == limit


def test_input_errors_in_the_reader_s_language() -> None:
    error = "x.pdf: cannot tell the product category from the document; give --category"
    assert note(error, "zh") == "x.pdf：无法从文件判断产品类别；请用 --category 指定产品类别"
    assert note(error, "en") == error


# ---------------------------------------------------------------- every format of every command


GOLDEN = sorted((ROOT / "samples" / "documents" / "golden").glob("*.json"))


def _scrub(text: str, report: Report) -> str:
    """``text`` without what came from input: product ids, file names, the evidence lines it quotes."""
    found = {p.id for p in report.products} | {s for p in report.products for s in p.sources}
    found |= {e.source for e in report.errors}
    found |= {piece for p in report.products for c in p.clauses for e in c.evidence for piece in (e.source, e.text)}
    for piece in sorted((f for f in found if f), key=len, reverse=True):
        text = text.replace(piece, " ")
    return QUOTED.sub(" ", text)


def _html_lines(page: str) -> list[str]:
    page = re.sub(r"<style.*?</style>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "\n", page)).splitlines()


def _xlsx_lines(data: bytes) -> list[str]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [*book.sheetnames, *(str(cell) for sheet in book for row in sheet.iter_rows(values_only=True)
                                for cell in row if isinstance(cell, str))]


def _wrong_language(lines: list[str], lang: str) -> list[str]:
    """English words in zh lines, or lines holding Chinese in en (ids, units and quoted evidence aside)."""
    if lang == "zh":
        return sorted({w for line in lines for w in english_words(line)})
    return [line.strip()[:80] for line in lines if HAN.search(line)]


def _check_formats(report: Report, lang: str) -> dict[str, list[str]]:
    catalog = load_catalog()
    return {"text": [line for line in _scrub(to_text(report, catalog, lang), report).splitlines()
                     if not line.strip().startswith("↳")],
            "html": [_scrub(line, report) for line in _html_lines(to_html(report, catalog, lang))],
            "xlsx": _xlsx_lines(to_xlsx(report, catalog, lang))}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", RECORDS[:4] + [path if number % 8 == 0 else pytest.param(path, marks=pytest.mark.slow)
                                                  for number, path in enumerate(GOLDEN)], ids=lambda p: p.stem)
def test_check_in_every_format_speaks_one_language(path: Path, lang: str) -> None:
    report = (Report.model_validate_json(path.read_text(encoding="utf-8")) if path.suffix == ".json"
              else check([path], AS_OF).report())
    for fmt, lines in _check_formats(report, lang).items():
        if fmt == "xlsx":  # cells of input (ids, sources, evidence) are whole cells: drop them
            lines = [_scrub(line, report) for line in lines]
        assert not _wrong_language(lines, lang), f"{fmt}: {_wrong_language(lines, lang)[:8]}"


@pytest.fixture(scope="module")
def audited() -> Evaluated:
    return audit([ROOT / "samples" / "records", ROOT / "samples" / "catalogs"], AS_OF)


@pytest.mark.slow  # every output format of a whole audit, twice: CI runs it (issue 17, a default run under 2 minutes)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_audit_in_every_format_speaks_one_language(audited: Evaluated, lang: str, tmp_path: Path) -> None:
    report = audited.report()
    xlsx = tmp_path / "audit.xlsx"
    assert write_output(audited, "xlsx", xlsx, lang, True) is None
    formats = {"text": (write_output(audited, "text", None, lang, True) or "").splitlines(),
               "summary": summary_text(audited, lang).splitlines(),
               "html": _html_lines(write_output(audited, "html", None, lang, True) or ""),
               "xlsx": _xlsx_lines(xlsx.read_bytes())}
    for fmt, lines in formats.items():
        lines = [_scrub(line, report) for line in lines if not line.strip().startswith("↳")]
        assert not _wrong_language(lines, lang), f"{fmt}: {_wrong_language(lines, lang)[:8]}"
    # the contract's formats keep their codes whatever the language
    table = write_output(audited, "csv", None, lang, False) or ""
    assert table.startswith('"id","category","verdict"') and "manual_review" in table


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", DC_RECORDS, ids=lambda p: p.stem)
def test_dc_in_every_format_speaks_one_language(path: Path, lang: str, tmp_path: Path) -> None:
    report = grade_bytes(path.read_bytes(), AS_OF)
    write_xlsx(report, tmp_path / "dc.xlsx", lang)
    name = str(report.get("name") or "")
    formats = {"text": dc_text(report, lang).splitlines()[1:],  # the first line is the record's id and name
               "html": _html_lines(dc_html(report, lang)), "xlsx": _xlsx_lines((tmp_path / "dc.xlsx").read_bytes())}
    for fmt, lines in formats.items():
        lines = [QUOTED.sub(" ", line.replace(name, " ").replace(report["datacenter"], " ")) for line in lines]
        assert not _wrong_language(lines, lang), f"{fmt}: {_wrong_language(lines, lang)[:8]}"
    assert json.loads(dc_json(report)) == report  # the JSON is the report, whatever the language


@pytest.fixture(scope="module")
def tender() -> Comparison:
    return compare(ROOT / "samples" / "tender", AS_OF)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_compare_in_every_format_speaks_one_language(tender: Comparison, lang: str) -> None:
    catalog = load_catalog()
    names = sorted({b.bidder for b in tender.bids} | {b.product.id for b in tender.bids if b.product}, key=len,
                   reverse=True)

    def clean(line: str) -> str:
        for name in names:
            line = line.replace(name, " ")
        return line

    formats = {"text": compare_text(tender, lang).splitlines(),
               "html": _html_lines(compare_html(tender, catalog, lang)),
               "xlsx": _xlsx_lines(compare_xlsx(tender, catalog, lang))}
    for fmt, lines in formats.items():
        lines = [clean(line) for line in lines]
        assert not _wrong_language(lines, lang), f"{fmt}: {_wrong_language(lines, lang)[:8]}"


def test_the_language_check_can_fail() -> None:
    assert _wrong_language(["结论：pass"], "zh") == ["pass"]
    assert _wrong_language(["verdict: 符合"], "en") == ["verdict: 符合"]
    assert _wrong_language(_html_lines("<p>a person must check</p>"), "zh") == ["check", "must", "person"]


def test_notes_with_semicolons_inside_stay_one_note() -> None:
    text = "port type not stated; the clause is applied as to a fixed-port product (固定端口)"
    assert note(text, "zh") == "未说明端口形式，按固定端口产品判定"
    assert note(text, "en") == "port type not stated; the clause is applied as to a fixed-port product"
    two = "a person must check: 设备和服务情况清单 (list of equipment and services); checked against the national " \
          "phase-out catalogues"
    assert note(two, "zh") == "需人工核查：设备和服务情况清单；对照国家淘汰目录核查"
    assert note("no usable value for Lead (Pb), max. in homogeneous material", "zh") == "铅(Pb) 无可用数值"


@pytest.mark.parametrize("argv", [
    ["check", "no-such-file.pdf"], ["check", "samples/records/server-SR2U.yaml", "--as-of", "yesterday"],
    ["audit", "samples/records", "--workers", "0"], ["compare", "no-such-folder"],
    ["dc", "samples/datacenter/dc-excellent.yaml", "--format", "xlsx"],
])
def test_command_line_errors_in_the_reader_s_language(argv: list[str], capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.cli import main

    monkeypatch.chdir(ROOT)
    said = {}
    for lang in ("zh", "en"):
        assert main([*argv, "--lang", lang]) == 2
        said[lang] = capsys.readouterr().err.strip()
        assert said[lang].count("\n") == 0 and said[lang].startswith("checker")
    flags = re.compile(r"--[\w-]+(?: (?:xlsx|html|json|text))?|YYYY-MM-DD|'[^']*'|\S+\.(?:pdf|yaml)\b"
                       r"|no-such-\w+|checker( dc)?:")  # the options, the names given and the program's name
    assert not english_words(flags.sub(" ", said["zh"])), said["zh"]
    assert not HAN.search(said["en"]) and said["zh"] != said["en"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_clause_list_in_one_language(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    from checker.cli import main

    assert main(["clauses", "--lang", lang]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) >= len(load_catalog().clauses)
    assert not _wrong_language(lines, lang), _wrong_language(lines, lang)[:8]
