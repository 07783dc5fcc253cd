"""The mutation harness in CI (issue 11, "No pass on a guess"): correct inputs, meaning-changing mutations.

``bench/mutate.py`` builds correct records, catalog rows and small zh/en PDFs, applies one mutation of a named
class (a bound on the wrong side, ND on a grade, a zero denominator, a duplicate key, ...) and runs the real
pipeline; the oracle is the harness's own limit table and "the mutated input does not prove the requirement,
so the clause must not pass". The full run is ``python bench/mutate.py --cases 10000``; this runs 30 cases per
class on a seed picked once for CI and never used while developing the harness (do not tune on it).

A class that still shows false passes is marked ``xfail(strict=False)`` until its fix lands: remove its entry
from NOT_FIXED when the product is fixed, and the test then guards the fix.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
import mutate  # noqa: E402

CI_SEED = 61017  # picked once; the harness was developed on seeds 1-9; never tune the harness on this one
CASES = 30 * len(mutate.CLASSES)

# Classes with false passes on the product as of this commit (issue 11); the lead removes them as fixes land.
NOT_FIXED = {
}


def _class(name: str) -> Any:
    if name in NOT_FIXED:
        return pytest.param(name, marks=pytest.mark.xfail(strict=False, reason=f"issue 11: {name} not fixed yet: "
                                                                                 f"{NOT_FIXED[name]}"))
    return name


pytestmark = pytest.mark.slow  # the harness runs every mutation class once (~20 s)


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    return mutate.run(CASES, CI_SEED, cli=0, controls=1)


@pytest.mark.parametrize("name", [_class(name) for name in mutate.CLASSES])
def test_no_mutated_clause_passes(result: dict[str, Any], name: str) -> None:
    """No case of the class passes a clause its mutated input does not prove."""
    figures = result["classes"][name]
    assert figures["cases"] == 30
    assert figures["false_passes"] == 0, figures["examples"][:3]


def test_no_crash_and_every_input_accounted_for(result: dict[str, Any]) -> None:
    """Every mutated input ends up as a product or an error; no exception escapes the pipeline."""
    assert result["cases"] == CASES
    assert result["crashes"] == 0, result["crash_examples"][:3]
    assert result["lost_inputs"] == 0, result["lost_examples"][:3]


def test_the_harness_is_not_vacuous(result: dict[str, Any]) -> None:
    """In every class the honest version of some input passes: the mutations hit paths that can pass at all."""
    for name, figures in result["classes"].items():
        assert figures["controls"] > 0, name
        assert figures["controls_passed"] > 0, (name, figures["vacuous_keys"][:5])


def test_through_the_command() -> None:
    """One case per class through ``python -m checker audit/check --format json``: no traceback, nothing lost,
    and no false pass in a class marked fixed."""
    small = mutate.run(len(mutate.CLASSES), CI_SEED + 1, cli=1, controls=0)
    assert small["crashes"] == 0, small["crash_examples"][:2]
    assert small["lost_inputs"] == 0, small["lost_examples"][:2]
    for name, figures in small["classes"].items():
        assert figures["cli"]["cases"] == 1, name
        if name not in NOT_FIXED:
            assert figures["cli"]["false_passes"] == 0, (name, figures["examples"][:2])
