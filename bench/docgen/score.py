"""Scoring the reader against the truth: field precision/recall, clause verdicts, false passes."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docgen.build import AS_OF

log = logging.getLogger(__name__)
_INFORMATIVE = ("pass", "fail")


@dataclass
class Score:
    """Counts summed over documents; the misses kept by class for the report."""

    documents: int = 0
    unreadable: int = 0
    truth_fields: int = 0
    found: int = 0
    facts: int = 0
    correct_facts: int = 0
    clauses: int = 0
    clauses_right: int = 0
    false_passes: int = 0
    misses: Counter = field(default_factory=Counter)
    wrong: Counter = field(default_factory=Counter)
    verdict_misses: Counter = field(default_factory=Counter)
    false_pass_list: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        """The headline figures."""
        return {
            "documents": self.documents,
            "unreadable": self.unreadable,
            "field_precision": self.correct_facts / self.facts if self.facts else 1.0,
            "field_recall": self.found / self.truth_fields if self.truth_fields else 1.0,
            "verdict_accuracy": self.clauses_right / self.clauses if self.clauses else 1.0,
            "clauses": self.clauses,
            "false_passes": self.false_passes,
        }


def _matches(fact: Any, want: dict[str, Any]) -> bool:
    from checker.units import convert

    if want["nd"]:  # a non-detect, bare or below the detection limit its report states
        return bool(fact.qualifier == "nd" or (fact.qualifier == "lt" and fact.note.startswith("not detected")))
    if fact.qualifier and fact.qualifier != "":
        return False
    value = want["value"]
    if isinstance(value, (bool, str)):
        return bool(fact.value == value)
    if not isinstance(fact.value, (int, float)) or isinstance(fact.value, bool):
        return False
    try:
        got = (
            convert(float(fact.value), fact.unit or "", want["unit"])
            if want["unit"] or fact.unit
            else float(fact.value)
        )
    except Exception:  # noqa: BLE001 - a unit of another kind is a wrong reading
        return False
    return abs(got - float(value)) <= 1e-6 + 1e-4 * abs(float(value))


def _verdicts(facts: list[Any], truth: dict[str, Any], source: str) -> dict[str, str]:
    from checker.catalog.clauses import load_catalog
    from checker.engine.frame import records_to_batch
    from checker.engine.run import evaluate_batches
    from checker.inputs.records import ProductRecord

    record = ProductRecord(
        id=truth["model"], category=truth["category"], sources=[source], facts=facts, model=truth["model"]
    )
    catalog = load_catalog()
    report = evaluate_batches([records_to_batch([record], catalog)], [], AS_OF, catalog).report()
    return {c.id: c.status for c in report.products[0].clauses}


def score_document(path: Path, truth: dict[str, Any], score: Score) -> None:
    """Read one document and add its counts to ``score``."""
    from checker.inputs.documents import DocumentError, read_pdf

    score.documents += 1
    tag = f"{truth['family']}/{truth['lang']}/{'scan' if truth['scanned'] else truth.get('producer', '')}" \
          + (f"/turned{truth['turned']}" if truth.get("turned") else "")
    try:
        read = read_pdf(path)
        facts = list(read.facts)
    except DocumentError as exc:
        score.unreadable += 1
        log.info("%s unreadable: %s", path.name, exc)
        facts = []
    by_field: dict[str, list[Any]] = {}
    for fact in facts:
        by_field.setdefault(fact.field, []).append(fact)
    for name, want in truth["fields"].items():
        score.truth_fields += 1
        if any(_matches(f, want) for f in by_field.get(name, [])):
            score.found += 1
        else:
            score.misses[(truth["category"], name, tag)] += 1
    for fact in facts:
        if fact.field in ("model", "manufacturer"):
            continue
        score.facts += 1
        want = truth["fields"].get(fact.field)
        if want is not None and _matches(fact, want):
            score.correct_facts += 1
        else:
            score.wrong[(truth["category"], fact.field, tag)] += 1
            log.info("%s wrong fact %s=%r %s (%s)", path.name, fact.field, fact.value, fact.unit, fact.qualifier)
    got = _verdicts(facts, truth, str(path))
    for clause, expected in truth["verdicts"].items():
        status = got.get(clause, "missing")
        if status == "pass" and expected != "pass":
            score.false_passes += 1
            score.false_pass_list.append(f"{path.name} {clause}: read pass, truth {expected}")
        if expected in _INFORMATIVE:
            score.clauses += 1
            if status == expected:
                score.clauses_right += 1
            else:
                score.verdict_misses[(clause, expected, status, tag)] += 1
