"""A company's name is not the product's category: "Sanyuan Cable" makes switches, "… Power Supply Co." servers
(issue #13: a switch datasheet by a maker called "… Cable" was read as a cable, and none of its values)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from checker.inputs.documents import read_pdf

MakePdf = Callable[..., Path]


@pytest.mark.parametrize(("maker", "title", "category"), [
    ("Sanyuan Cable", "NX-4027G2 Switch", "switch"),
    ("Sanyuan Cable Co., Ltd.", "NX-4027G2 Ethernet Switch", "switch"),
    ("三元电缆有限公司", "NX-4027G2 交换机", "switch"),
])
def test_the_makers_name_does_not_set_the_category(make_pdf: MakePdf, maker: str, title: str, category: str) -> None:
    path = make_pdf([[maker, title, "Model: NX-4027G2", f"Manufacturer: {maker}", "Port type: fixed-port",
                      ("Maximum throughput", "56 Gbit/s")]])
    doc = read_pdf(path)
    assert doc.category == category
    assert [f.value for f in doc.facts if f.field == "max_throughput"] == [56.0]


def test_a_cable_by_a_cable_maker_is_still_a_cable(make_pdf: MakePdf) -> None:
    path = make_pdf([["Sanyuan Cable", "ZC-YJV 3x50 Power cable", "Model: ZC-YJV 3x50", "Manufacturer: Sanyuan Cable",
                      ("Fluorine content", "0.05 %")]])
    assert read_pdf(path).category == "cable"


@pytest.mark.parametrize("model", ["CE8069A", "NX4839Pro"])
def test_the_noun_after_the_model_names_the_category(make_pdf: MakePdf, model: str) -> None:
    """No "Manufacturer:" line to tell the maker's name from the product: "CE8069A switch" says what it is."""
    path = make_pdf([["Sanyuan Cable", f"Sanyuan Cable {model}",
                      f"The {model} switch from Sanyuan Cable is built for data centres.",
                      "Maximum throughput is 56 Gb/s. Port type: fixed-port."]])
    doc = read_pdf(path)
    assert (doc.category, doc.model) == ("switch", model)
    assert [f.value for f in doc.facts if f.field == "max_throughput"] == [56.0]


def test_two_nouns_after_the_model_decide_nothing(make_pdf: MakePdf) -> None:
    """"UX-100 switch cable": the words after the model name two categories; the document's words decide."""
    path = make_pdf([["UX-100 switch cable", "Power cable for data centres, flame retardant (阻燃) cable.",
                      "Fluorine content: 0.05 %"]])
    assert read_pdf(path).category == "cable"


@pytest.mark.parametrize(("title", "category"), [
    ("Cisco ASR 920 Series Aggregation Services Router", None),
    ("NE40E 路由器", None),
    ("Cisco Catalyst 6500 Series Switch (with a router module)", "switch"),
])
def test_a_router_is_not_a_firewall(make_pdf: MakePdf, title: str, category: str | None) -> None:
    """Cisco's ASR 920 router datasheet (routes L2VPN and L3VPN, "ips" and "vpn" weigh for a firewall) was read as a
    firewall: a router is no product of the standard, so its category cannot be told (--category decides)."""
    path = make_pdf([[title, "Model: RT-920", "Supports L2VPN, L3VPN, MPLS and IPsec VPN", "VPN scale: 4000"]])
    assert read_pdf(path).category == category


@pytest.mark.parametrize(("lines", "category"), [
    (["Sanyuan Cable", "Sanyuan Cable CE-5055", "The CE-5055 switch from Sanyuan Cable is built for data centres."],
     "switch"),
    (["Sanyuan Cable", "Sanyuan Cable CE-5055", "Power cable for data centres, 3 x 50 mm²."], "cable"),
])
def test_the_noun_after_an_unlabelled_model(make_pdf: MakePdf, lines: list[str], category: str) -> None:
    """Seed 20261207: a brochure naming its model only in the title and "The CE-5055 switch from Sanyuan Cable …"
    was read as a cable (the maker's name) and gave no value; the noun after a model-like token of the first lines
    names the product."""
    path = make_pdf([[*lines, "Maximum throughput is 56.0Gbit/s."]])
    assert read_pdf(path).category == category
