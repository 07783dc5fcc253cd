"""The corpus plan: which documents to generate, read from ``samples/documents_plan.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .style import STYLES, NumStyle

PLAN_YAML = Path(__file__).resolve().parents[1] / "documents_plan.yaml"


@dataclass(frozen=True)
class PlanEntry:
    """One document of the corpus plan."""

    stem: str
    category: str
    layout: str
    language: str
    style: NumStyle
    scanned: bool
    spec: dict[str, Any]


def load_plan(path: Path = PLAN_YAML) -> list[PlanEntry]:
    """The corpus plan, in generation order; a style is named by a key of ``STYLES``."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        PlanEntry(
            e["stem"],
            e["category"],
            e["layout"],
            e["language"],
            STYLES[e["style"]],
            e.get("scanned", False),
            e["spec"],
        )
        for e in entries
    ]
