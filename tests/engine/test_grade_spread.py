"""Tables that give a chiller different grades (GB 19577-2024 Table 1 on IPLV, Table 2 on COPc): where even the best
of them misses the requirement the clause fails; where one meets it, a person decides (red-team round 7, cooling,
E-ABOVE528: 528.5 kW, IPLV 7.8 (grade 2), COP 5.8 (grade 3) was manual_review 'because the grades differ')."""

from __future__ import annotations

import pytest

COMFORT_WATER = {"category": "cooling", "cooling_type": "chiller", "chiller_type": "comfort",
                 "condenser_cooling": "water"}


@pytest.mark.parametrize(("capacity", "iplv", "cop", "status"), [
    (528.5, 7.8, 5.8, "fail"),           # grades 2 and 3: neither is grade 1
    (900, 7.6, 6.05, "fail"),            # both tables give grade 2
    (900, 8.2, 6.05, "manual_review"),   # grade 1 on IPLV, grade 2 on COP: a person decides which table
    (900, 7.6, 6.3, "manual_review"),    # grade 2 on IPLV, grade 1 on COP
    (1406, 8.72, 6.52, "pass"),          # both grade 1
])
def test_best_grade_that_misses_the_limit_fails(clauses, capacity: float, iplv: float, cop: float,
                                                status: str) -> None:
    record = {**COMFORT_WATER, "cooling_capacity": capacity, "iplv": iplv, "cop": cop}
    assert clauses(record)["6.3.1.1/chiller-grade"].status == status


def test_a_declared_grade_beside_tables_that_differ_stays_for_a_person(clauses) -> None:
    record = {**COMFORT_WATER, "cooling_capacity": 528.5, "iplv": 7.8, "cop": 5.8, "energy_grade": 2}
    assert clauses(record)["6.3.1.1/chiller-grade"].status == "manual_review"
