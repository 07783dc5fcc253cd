"""Issue #11 (6): ``check`` is for ONE product; ``audit`` gives every product of a file its own report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker.cli import main
from checker.pipeline import audit, check

AS_OF = date(2026, 11, 20)
ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "samples" / "documents"
GOOD = "{id: GOOD, category: server, psu_efficiency_50: 96}"
BAD = "{id: BAD, category: server, psu_efficiency_50: 91}"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    code = main(list(argv))
    return code, capsys.readouterr().err.strip().splitlines()


@pytest.mark.parametrize(("name", "text"), [
    ("list.yaml", f"- {GOOD}\n- {BAD}\n"),
    ("wrapped.yaml", f"products: [{GOOD}, {BAD}]\n"),
    ("list.json", '[{"id": "GOOD", "category": "server"}, {"id": "BAD", "category": "server"}]'),
])
def test_check_refuses_a_file_of_several_products(tmp_path: Path, name: str, text: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, name, text)
    evaluated = check([path], AS_OF)
    assert len(evaluated.batch.frame) == 0
    assert len(evaluated.errors) == 1 and "GOOD" in evaluated.errors[0].error and "BAD" in evaluated.errors[0].error
    for fmt in ("json", "text"):
        code, err = _cli(capsys, "check", str(path), "--format", fmt)
        assert code == 2 and len(err) == 1 and "holds 2 products (GOOD, BAD)" in err[0]


def test_check_refuses_a_multi_product_file_even_beside_a_good_one(tmp_path: Path) -> None:
    several = _write(tmp_path, "list.yaml", f"- {GOOD}\n- {BAD}\n")
    one = _write(tmp_path, "one.yaml", GOOD + "\n")
    evaluated = check([one, several], AS_OF)
    assert len(evaluated.batch.frame) == 0 and "holds 2 products" in evaluated.errors[0].error


@pytest.mark.parametrize(("first", "second", "what"), [
    ("{id: A1, category: server, psu_efficiency_50: 96}", "{id: B2, category: server, psu_efficiency_20: 96}", "ids"),
    ("{model: M-1, category: server, psu_efficiency_50: 96}", "{model: M-2, category: server}", "models"),
    ("{id: A1, model: M-1, category: server}", "{id: A1, model: M-9, category: server}", "models"),
    ("{id: A1, category: server, psu_efficiency_50: 96}", "{id: A1, category: storage}", "categories"),
])
def test_check_refuses_files_of_different_products(tmp_path: Path, first: str, second: str, what: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    a, b = _write(tmp_path, "a.yaml", first + "\n"), _write(tmp_path, "b.yaml", second + "\n")
    evaluated = check([a, b], AS_OF)
    assert len(evaluated.batch.frame) == 0
    assert len(evaluated.errors) == 1 and f"({what} differ)" in evaluated.errors[0].error
    assert str(a) in evaluated.errors[0].error and str(b) in evaluated.errors[0].error
    code, err = _cli(capsys, "check", str(a), str(b), "--format", "json")
    assert code == 2 and len(err) == 1


@pytest.mark.parametrize(("first", "second"), [
    ("{id: A1, category: server, psu_efficiency_50: 96}", "{id: A1, category: server, psu_efficiency_20: 96}"),
    ("{model: SR-2U X8, category: server, psu_efficiency_50: 96}", "{model: sr2u-x8, category: server}"),
    ("{id: A1, category: server, psu_efficiency_50: 96}", "{model: SR-2U, category: server}"),
    ("{id: A1, category: server, psu_efficiency_50: 96}", "{category: server, psu_efficiency_20: 96}"),
])
def test_check_pools_files_of_one_product(tmp_path: Path, first: str, second: str) -> None:
    a, b = _write(tmp_path, "a.yaml", first + "\n"), _write(tmp_path, "b.yaml", second + "\n")
    evaluated = check([a, b], AS_OF)
    assert evaluated.errors == [] and len(evaluated.batch.frame) == 1
    product = evaluated.report().products[0]
    assert product.sources == [str(a), str(b)]
    assert {c.id: c.status for c in product.clauses}["6.2.1/psu-eff-50"] == "pass"


def test_check_of_a_pass_record_and_another_products_pdf_is_refused() -> None:
    record = ROOT / "samples" / "records" / "server-SR2U.yaml"
    evaluated = check([record, DOCS / "server-sr2288-datasheet.pdf"], AS_OF)
    assert len(evaluated.batch.frame) == 0 and "SR-2U-X8" in evaluated.errors[0].error
    assert "SR2288-V7" in evaluated.errors[0].error


def test_check_of_two_documents_of_one_product_still_works() -> None:
    paths = [DOCS / "server-sr2288-datasheet.pdf", DOCS / "server-sr2288-report-20p.pdf"]
    evaluated = check(paths, AS_OF)
    assert evaluated.errors == [] and len(evaluated.batch.frame) == 1
    product = evaluated.report().products[0]
    assert product.id == "SR2288-V7" and product.sources == [str(p) for p in paths]


def test_check_of_two_documents_of_different_products_is_refused() -> None:
    evaluated = check([DOCS / "server-sr2288-datasheet.pdf", DOCS / "server-ht4100-kv.pdf"], AS_OF)
    assert len(evaluated.batch.frame) == 0
    assert "SR2288-V7" in evaluated.errors[0].error and "HT4100-G3" in evaluated.errors[0].error


def test_audit_gives_each_product_of_a_file_its_own_report(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    listed = _write(tmp_path, "list.yaml", f"- {GOOD}\n- {BAD}\n")
    wrapped = _write(tmp_path, "wrapped.json", '{"products": [{"id": "W1", "category": "server"}, '
                                                '{"id": "W2", "category": "switch"}, {"id": "W3", "category": "ups"}]}')
    evaluated = audit([listed, wrapped], AS_OF)
    products = evaluated.report().products
    assert [(p.id, p.category) for p in products] == [("GOOD", "server"), ("BAD", "server"), ("W1", "server"),
                                                      ("W2", "switch"), ("W3", "ups")]
    assert evaluated.errors == []
    assert {p.id: p.verdict for p in products}["BAD"] == "fail"
    code, _ = _cli(capsys, "audit", str(listed), str(wrapped), "--format", "json")
    assert code == 1


def test_audit_subfolder_of_two_products_is_an_error_not_a_pooled_product(tmp_path: Path) -> None:
    folder = tmp_path / "batch" / "one-product"
    folder.mkdir(parents=True)
    _write(folder, "a.yaml", "{id: A1, category: server, psu_efficiency_50: 96}\n")
    _write(folder, "b.yaml", "{id: B2, category: server, psu_efficiency_20: 96}\n")
    _write(tmp_path / "batch", "c.yaml", "{id: C3, category: server}\n")
    evaluated = audit([tmp_path / "batch"], AS_OF)
    assert [p.id for p in evaluated.report().products] == ["C3"]
    assert len(evaluated.errors) == 1 and "A1" in evaluated.errors[0].error and "B2" in evaluated.errors[0].error


@pytest.mark.parametrize(("bad_name", "bad_text"), [("notes.md", "# notes\n"), ("broken.pdf", "%PDF-1.7 broken"),
                                                    ("empty.yaml", "")])
def test_a_product_lists_only_the_files_it_was_read_from(tmp_path: Path, bad_name: str, bad_text: str) -> None:
    """A sub-folder's unreadable file is in the errors alone, not among the sources of the product beside it."""
    folder = tmp_path / "bid"
    folder.mkdir()
    good = _write(folder, "a.yaml", GOOD + "\n")
    bad = _write(folder, bad_name, bad_text)
    for evaluated in (audit([folder], AS_OF), check([good, bad], AS_OF)):
        report = evaluated.report()
        assert [p.sources for p in report.products] == [[str(good)]]
        assert [e.source for e in report.errors] == [str(bad)]



@pytest.mark.parametrize(("spec_model", "refused"), [("OptiPlex 7010 Tower", True), ("OptiPlex 7010 Micro", False)])
def test_a_file_that_names_no_category_is_the_products(tmp_path: Path, spec_model: str, refused: bool) -> None:
    """A spec sheet that says no category is read as its product's (the report's): its model is then compared, so
    a report of another model does not pass the bid's clauses alone (red-team false pass, session 13)."""
    from tests.inputs.documents.conftest import build_pdf

    spec = build_pdf(tmp_path / "spec.pdf", [[f"Model: {spec_model}", "Intel Core i7, 16 GB"]])
    report = build_pdf(tmp_path / "report.pdf", [["台式微型计算机检验报告", "型号规格 Model: OptiPlex 7010 Micro",
                                                  ("产品可再生利用率", "82.7%")]], col_width=200)
    result = check([spec, report], AS_OF).report()
    assert bool(result.errors) is refused
    assert (not result.products) is refused


@pytest.mark.parametrize(("spec_title", "refused"), [
    ("Dell PowerEdge R760 — Technical Specifications", True),  # a sibling of the report's R760xs, never R760xs
    ("Dell PowerEdge R760xs — Technical Specifications", False),
    ("80 PLUS test report of a 1400 W power supply", False),  # names no sibling: a component's report
])
def test_a_spec_sheet_naming_a_sibling_model(tmp_path: Path, spec_title: str, refused: bool) -> None:
    from tests.inputs.documents.conftest import build_pdf

    spec = build_pdf(tmp_path / "spec.pdf", [[spec_title, "2U two-socket rack server", ("PSU efficiency at 50% load",
                                                                                          "94.5%")]], col_width=200)
    report = build_pdf(tmp_path / "report.pdf", [["机架式服务器检验报告", "型号规格 PowerEdge R760xs (E88S)",
                                                  ("产品可再生利用率", "85.6%")]], col_width=200)
    result = check([spec, report], AS_OF, category="server").report()
    assert bool(result.errors) is refused


@pytest.mark.parametrize(("one", "other", "same"), [
    ("HKC S2716Q", "S2716Q", True), ("拯救者 Y9000P 2024", "Y9000P", True), ("SR-200 Pro", "SR-200", False),
    ("X1 Carbon Gen 12", "X1 Carbon Gen 11", False), ("SR-2000", "SR-200", False),
])
def test_same_name_with_a_brand_or_a_year(one: str, other: str, same: bool) -> None:
    from checker.inputs.products import same_name

    assert same_name(one, other) is same


@pytest.mark.parametrize(("model", "mentions", "sibling"), [
    ("JT-R8 rack server", "电源模块效率测试报告 适用整机 jt r 8 服务器", None),  # the model read with its description
    ("KS-R8 G6 rack server", "适用整机 ks r 8 g 5 服务器", "ks r 8 g 5"),
    ("PowerEdge R760xs", "dell poweredge r 760 technical specifications", "poweredge r 760 technical"),
])
def test_a_model_read_with_its_description(model: str, mentions: str, sibling: str | None) -> None:
    """A model read with lower-case words after it ("JT-R8 rack server") is that model: a report naming "JT-R8 服务器"
    names it (red-team round 6: an honest bid package was refused as two products)."""
    from checker.inputs.products import sibling_named

    assert sibling_named(model, mentions) == sibling


@pytest.mark.parametrize(("component", "category", "main"), [
    (["外部电源适配器 能效检测报告摘要", "适配器型号 AD-2412C", "平均效率实测 84.6 %"], "firewall",
     ["SOHO 桌面型防火墙 TD-FW100D", "端口 固定端口 5×GE", "供电方式 外置电源适配器 12V/2A（无内置电源）",
      "吞吐量（64 字节 IPv4） 0.9 Gbps", "整机功耗 14 W"]),
    (["排放符合性", "柴油机型号 KD-12V135，已取得 GB 20891-2014 第四阶段型式核准。"], "generator",
     ["柴油发电机组检验报告", "型号规格 Model KG-500GF", "额定功率（常用 PRP） 500 kW",
      "额定工况燃油消耗率 212 g/(kW·h)"]),
])
def test_a_components_page_beside_the_product(tmp_path: Path, component: list[str], category: str,
                                              main: list[str]) -> None:
    """A page naming a part's model ("适配器型号", "柴油机型号") is no other product's: the bid package is one product
    (red-team round 5: two honest packages were refused as different products). The firewall's next line ("端口")
    does not make it a switch either."""
    from tests.inputs.documents.conftest import build_pdf

    files = [build_pdf(tmp_path / "main.pdf", [main]), build_pdf(tmp_path / "part.pdf", [component])]
    result = check(files, AS_OF).report()
    assert not result.errors
    assert [product.category for product in result.products] == [category]


def test_the_noun_after_a_model_is_read_whole(tmp_path: Path) -> None:
    """"The FX-60S is a desktop firewall with an integrated switch": 'desktop' describes the firewall; the words after
    the model are read to the end of the word they reach, so 'firewall' is not cut to 'fi' (session 15: a firewall
    was judged as a desktop PC once the next line was no longer read as the model's noun)."""
    from tests.inputs.documents.conftest import build_pdf

    pdf = build_pdf(tmp_path / "fw.pdf", [["FX-60S Secure SD-Branch Firewall",
                                           "The FX-60S is a desktop firewall with an integrated 8-port GE switch.",
                                           ("Item", "FX-60S"), ("Firewall throughput (IPv4, 64-byte)", "1.5 Gbps"),
                                           ("Port type", "Fixed")]], col_width=220)
    assert [product.category for product in check([pdf], AS_OF).report().products] == ["firewall"]
