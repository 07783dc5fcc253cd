"""A catalog's cooling capacity in refrigeration tons (red-team round 7, cooling: e02, 'cooling_capacity
[ton_of_refrigeration]' was refused and the grade left missing): converted by pint, 400 RT = 1407 kW."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.catalog_audits import audit_results

HEADER = "model,manufacturer,category,cooling_type,chiller_type,condenser_cooling,cooling_capacity [{unit}],cop,iplv\n"


@pytest.mark.parametrize("unit", ["ton_of_refrigeration", "RT", "TR", "冷吨", "refrigeration_ton"])
@pytest.mark.parametrize(("row", "status"), [("RT-400,M,cooling,chiller,comfort,water,400,6.30,8.30", "fail"),
                                             ("RT-450,M,cooling,chiller,comfort,water,450,6.50,8.60", "pass")])
def test_capacity_in_refrigeration_tons(tmp_path: Path, unit: str, row: str, status: str) -> None:
    path = tmp_path / "rt.csv"
    path.write_text(HEADER.format(unit=unit) + row + "\n", encoding="utf-8")
    products, errors = audit_results(path, date(2026, 12, 1))
    assert not errors
    assert products[0][1]["6.3.1.1/chiller-grade"].status == status
