"""Documents given as one product's evidence that name different models are refused, not pooled.

Regression: a test report naming its sample "Sample model: SR-900" passed SR-200's PSU clauses beside SR-200's
datasheet: the report's model label was not read, so the two were pooled as one product.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checker.inputs.products import same_name
from checker.pipeline import check

AS_OF = date(2026, 11, 20)


def _sheet(make_pdf: Callable[..., Path], name: str, model_line: str) -> Path:
    return make_pdf([["PSU efficiency test report", model_line, "Manufacturer: Acme",
                      ("Load", "Efficiency", "Power factor"), ("50%", "94.8%", "0.98")]], name=name)


@pytest.mark.parametrize("model_line", ["Sample model: SR-900", "样品型号：SR-900", "Model tested: SR-900",
                                        "受检样品型号  SR-900", "Model: SR-900"])
def test_a_report_of_another_model_is_refused(make_pdf: Callable[..., Path], model_line: str) -> None:
    spec = _sheet(make_pdf, "spec.pdf", "Model: SR-200 rack server")
    report = _sheet(make_pdf, "report.pdf", model_line)
    result = check([spec, report], AS_OF, category="server").report()
    assert result.products == [] and "models differ" in result.errors[0].error


@pytest.mark.parametrize(("one", "other"), [("SR-200 rack server", "SR-200"), ("SR200", "sr-200")])
def test_one_models_names_are_pooled(make_pdf: Callable[..., Path], one: str, other: str) -> None:
    spec = _sheet(make_pdf, "spec.pdf", f"Model: {one}")
    report = _sheet(make_pdf, "report.pdf", f"Sample model: {other}")
    result = check([spec, report], AS_OF, category="server").report()
    assert result.errors == [] and len(result.products) == 1


@pytest.mark.parametrize(("one", "other", "same"), [
    ("SR-200", "SR-2000", False), ("SR-200", "SR-210", False), ("SR-200", "SR-200 rack server", True),
    ("SR200", "SR-200", True), ("SR-200", "SR-200 Pro", False), ("SR-200", "SR-200X8", False),
    ("CE6881", "CE6881-48S6CQ", False), ("S5735-L48T4S", "S5735-L24T4S", False),
    ("PowerEdge R740", "poweredge r740", True),
])
def test_same_name(one: str, other: str, same: bool) -> None:
    assert same_name(one, other) is same and same_name(other, one) is same
