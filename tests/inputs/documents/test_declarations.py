"""Declarations of conformity are not measurements (issue #11 item 4, INTERFACE §6): a RoHS declaration's
limit table ("Mercury (Hg) | 1000 ppm (0.1 weight %)"), its prose ("less than 0.1 % by weight each of
lead, mercury...", "符合 GB/T 26572 要求") and a value that only restates the limit make the substance
clauses manual_review quoting the declaration (and the exemptions it cites), never a pass at margin 0.
A test report's measured results are still read, also when its conclusion says it complies.

The real declarations are read from ../shared/realdata (never copied into the repository)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from checker.inputs.documents import read_pdf, reader
from checker.inputs.documents.ocr import tesseract_path
from checker.models import ClauseResult, Fact
from checker.pipeline import check

from .conftest import REAL

MakePdf = Callable[..., Path]
DECLARATIONS = REAL / "rohs" / "declarations"
TEXT_DECLARATIONS = ["TI_RoHS_statement_szzq088p.pdf", "Lumex_ITW_RoHS_REACH_CoC_2022.pdf",
                     "Nexperia_RoHS_CoC_2022.pdf", "TE_CRGCQ0603_statement_of_compliance_exemption_7c-I.pdf",
                     "Molex_0010897041_RoHS_CoC.pdf"]
SCANNED = [DECLARATIONS / "Alpha_Corp_environmental_procedure_zh_TW_scanned.pdf",
           REAL / "rohs" / "test_reports" / "SGS_SHAEC2210695901_Paralight_display_LED_cover_page_scanned.pdf"]
SUBSTANCES = ["6.1.11/pb", "6.1.11/hg", "6.1.11/cd", "6.1.11/cr6"]
NOTE = "declaration of conformity, not a measurement"
needs_real = pytest.mark.skipif(not DECLARATIONS.exists(), reason="shared real data not present")


def clauses(paths: list[Path], category: str) -> dict[str, ClauseResult]:
    report = check(paths, date(2026, 1, 1), category=category).report()
    assert not report.errors, report.errors
    return {c.id: c for p in report.products for c in p.clauses}


def decided_on_a_number(results: dict[str, ClauseResult]) -> dict[str, tuple[str, Any]]:
    """Substance, battery and backlight clauses that pass or fail."""
    return {i: (c.status, c.value) for i, c in results.items()
            if i.startswith(("6.1.11/", "6.1.10/", "6.1.4")) and c.status in ("pass", "fail")}


@pytest.fixture(scope="module", autouse=True)
def _ocr_once() -> Iterator[None]:
    """Each scanned page is recognised once for the whole module (the reader is run per category)."""
    original = reader.ocr_page
    cache: dict[tuple[str, int], Any] = {}

    def cached(document: Any, index: int) -> Any:
        key = (str(getattr(document, "_input", id(document))), index)
        if key not in cache:
            cache[key] = original(document, index)
        return cache[key]

    reader.ocr_page = cached  # type: ignore[assignment]
    yield
    reader.ocr_page = original  # type: ignore[assignment]


# ------------------------------------------------------------------------------- real declarations
@needs_real
@pytest.mark.parametrize("category", ["server", "monitor", "laptop", "desktop", "switch"])
@pytest.mark.parametrize("name", TEXT_DECLARATIONS)
def test_real_declaration_is_manual_review(name: str, category: str) -> None:
    results = clauses([DECLARATIONS / name], category)
    assert decided_on_a_number(results) == {}
    for clause in SUBSTANCES:
        assert results[clause].status == "manual_review", (clause, results[clause])
        assert results[clause].note.startswith(NOTE), (clause, results[clause].note)


@needs_real
@pytest.mark.parametrize(("name", "codes"), [
    ("TE_CRGCQ0603_statement_of_compliance_exemption_7c-I.pdf", ["7(c)-I"]),
    ("Nexperia_RoHS_CoC_2022.pdf", ["7(a)", "7(c)-I"]),
    ("TI_RoHS_statement_szzq088p.pdf", ["7(a)", "7(c)-i", "15(a)"]),
])
def test_real_declaration_names_its_exemptions(name: str, codes: list[str]) -> None:
    note = clauses([DECLARATIONS / name], "server")["6.1.11/pb"].note
    assert all(code in note for code in codes), note


@needs_real
def test_real_limit_table_is_quoted() -> None:
    note = clauses([DECLARATIONS / "Lumex_ITW_RoHS_REACH_CoC_2022.pdf"], "server")["6.1.11/hg"].note
    assert "Mercury (Hg)" in note and "Maximum Limit" in note


@needs_real
@pytest.mark.parametrize("category", ["server", "monitor", "laptop", "desktop", "switch"])
@pytest.mark.parametrize("path", SCANNED, ids=lambda p: p.name[:12])
@pytest.mark.slow
def test_scanned_declaration_and_report_cover_decide_nothing(path: Path, category: str) -> None:
    if not path.exists():
        pytest.skip("shared real data not present")
    if tesseract_path() is None:
        pytest.skip("tesseract is not installed")
    results = clauses([path], category)
    assert decided_on_a_number(results) == {}


@needs_real
def test_scanned_procedure_test_method_is_not_mercury() -> None:
    """Regression: "Hg | EPA 3052 & IEC 62321" failed 6.1.11/hg at 3052 mg/kg."""
    if tesseract_path() is None:
        pytest.skip("tesseract is not installed")
    facts = read_pdf(SCANNED[0], "server").facts
    assert not [f for f in facts if f.field == "hg" and f.value == 3052.0]


# ------------------------------------------------------------------------------- the family, synthetic
def facts_of(path: Path, category: str = "desktop") -> dict[str, list[Fact]]:
    out: dict[str, list[Fact]] = {}
    for fact in read_pdf(path, category).facts:
        out.setdefault(fact.field, []).append(fact)
    return out


def declared(facts: dict[str, list[Fact]], field: str) -> bool:
    return bool(facts.get(field)) and all(f.note.startswith(NOTE) for f in facts[field])


@pytest.mark.parametrize("header", [("Substance", "Maximum Limit (ppm)"),
                                    ("RoHS Restricted Substance", "Allowable Limit"),
                                    ("Substance", "Threshold"), ("有害物质", "限量要求")])
def test_limit_table_without_results_is_a_declaration(make_pdf: MakePdf, header: tuple[str, str]) -> None:
    path = make_pdf([["Declaration of Conformity to EU RoHS", header, ("Lead (Pb)", "1000"), ("Cadmium (Cd)", "100"),
                      ("Mercury (Hg)", "0.1% (1000ppm)"), ("Hexavalent chromium (Cr6+)", "1000 ppm (0.1 weight %)")]],
                    col_width=200)
    facts = facts_of(path)
    assert all(declared(facts, f) for f in ("pb", "hg", "cd", "cr6")), facts
    assert all(f.value is None for f in facts["pb"])


@pytest.mark.parametrize("text", [
    "Homogeneous materials of parts that are compliant have less than 0.1% by weight each of lead, mercury, "
    "hexavalent chromium, and 0.01% by weight of cadmium.",
    "Our products do not contain restricted substances above the maximum threshold values of RoHS.",
    "本产品中铅、汞、镉、六价铬的含量符合 GB/T 26572 要求。",
    "The part numbers have a maximum concentration of 0.1% by weight in homogenous materials for lead, "
    "hexavalent chromium, mercury, and 0.01% for cadmium, or qualify for an exemption.",
])
def test_declaration_prose(make_pdf: MakePdf, text: str) -> None:
    facts = facts_of(make_pdf([["RoHS Certificate of Compliance", text]]))
    assert all(declared(facts, f) for f in ("pb", "hg", "cd", "cr6")), facts


def test_declaration_clause_is_manual_review_not_a_pass(make_pdf: MakePdf) -> None:
    path = make_pdf([["RoHS Certificate of Compliance", "Model: X1",
                      "Parts have less than 0.1% by weight each of lead, mercury, hexavalent chromium,",
                      "and 0.01% by weight of cadmium, or qualify for exemption 7(c)-I."]])
    results = clauses([path], "desktop")
    for clause in SUBSTANCES:
        assert results[clause].status == "manual_review"
        assert results[clause].note.startswith(NOTE)
    assert "7(c)-I" in results["6.1.11/pb"].note


@pytest.mark.parametrize(("line", "prefix"), [
    ("Mercury (Hg): < 0.1 %", NOTE),  # a bound at the limit restates it
    ("Mercury (Hg): ≤ 1000 mg/kg", NOTE),
    ("Mercury (Hg): 0.1 %", NOTE),
    ("Mercury (Hg): 1000 mg/kg", "doubtful"),  # at the limit, with no declaration: a person confirms
])
def test_value_at_the_limit_is_not_a_measurement(make_pdf: MakePdf, line: str, prefix: str) -> None:
    facts = facts_of(make_pdf([["Desktop computer", line, ("六价铬", "未检出")]]))
    assert facts["hg"][0].note.startswith(prefix)


def test_test_report_results_are_read_despite_its_conclusion(make_pdf: MakePdf) -> None:
    path = make_pdf([["台式微型计算机检验报告", "检验结论：铅、汞、镉、六价铬的含量符合 GB/T 26572 要求。",
                      ("检测项目", "检出限", "检测结果", "限值"), ("铅(Pb)", "2", "12", "1000"),
                      ("汞(Hg)", "2", "未检出", "1000"), ("镉(Cd)", "2", "3", "100"),
                      ("六价铬(Cr(VI))", "2", "未检出", "1000")]], col_width=110)
    facts = facts_of(path)
    assert [(f.value, f.note) for f in facts["pb"]] == [(12.0, "unit not printed next to the value; mg/kg assumed")]
    assert [(f.qualifier, f.value) for f in facts["hg"]] == [("lt", 2.0)]  # below the 检出限 column's 2
    assert [f.value for f in facts["cd"]] == [3.0]
    results = clauses([path], "desktop")
    assert {c: results[c].status for c in SUBSTANCES} == dict.fromkeys(SUBSTANCES, "pass")


def test_plain_measurement_without_declaration_is_read(make_pdf: MakePdf) -> None:
    facts = facts_of(make_pdf([["Desktop computer", "Lead (Pb): 12 mg/kg", ("六价铬", "未检出")]]))
    assert [(f.value, f.note) for f in facts["pb"]] == [(12.0, "")]


def test_exemption_figures_are_not_lead_readings(make_pdf: MakePdf) -> None:
    """A declaration's exemption list ("lead-based alloys containing 85 % lead", "7(c)-I") holds no reading."""
    path = make_pdf([["RoHS statement", "Products do not contain restricted substances above the RoHS thresholds.",
                      ("Exemption", "Description"),
                      ("7(a)", "Lead in high melting temperature type solders containing 85% by weight or more lead"),
                      ("7(c)-I", "Lead in glass or ceramic other than dielectric ceramic in capacitors")]],
                    col_width=60)
    facts = facts_of(path)
    assert declared(facts, "pb") and all(f.value is None for f in facts["pb"])
    assert "7(a)" in facts["pb"][0].note and "7(c)-I" in facts["pb"][0].note
