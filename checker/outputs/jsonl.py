"""The JSON report (INTERFACE.md §4), written one product at a time, and NDJSON (one product a line).

The streamed document is the one :func:`checker.outputs.report.to_json` builds in memory, byte for byte:
the skeleton is that of an empty report, each product is serialised alone and indented into it.
"""

from __future__ import annotations

import json
import re
import uuid
from typing import Any, TextIO

from pydantic_core import to_json

from checker.engine.explain import Explainer
from checker.engine.run import Evaluated
from checker.models import InputError, InputWarning, Report
from checker.outputs.safe_text import printable_tree
from checker.outputs.summary import product_dicts

_SLOT = '"products": []'
_INDENT = "    "


def _safe_json(model: Report | InputError | InputWarning | dict[str, Any], indent: int | None) -> str:
    """A model, or a model's plain data, as JSON (pydantic's serialiser either way, so the bytes are the
    same); text that cannot be encoded (a name that is not UTF-8) is written escaped."""
    try:
        if isinstance(model, dict):
            return to_json(model, indent=indent).decode("utf-8")
        return model.model_dump_json(indent=indent)
    except (ValueError, UnicodeError):
        data = printable_tree(model if isinstance(model, dict) else model.model_dump(mode="python"))
        if indent is None:
            return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        return json.dumps(data, ensure_ascii=False, indent=indent)


class _ProductText:
    """Products as JSON text, the clause objects products share (:class:`checker.engine.explain.Explainer`) serialised
    once: each stands in the product as a marker string (a random nonce: no input text can hold it) that is
    replaced by the clause's text, indented as pydantic would have indented it there."""

    def __init__(self, shared: set[int], indent: int | None) -> None:
        self.shared = shared
        self.indent = indent
        self.nonce = uuid.uuid4().hex
        self.pattern = re.compile(f'"@{self.nonce}@(\\d+)"')
        self.marks: dict[int, str] = {}
        self.texts: list[str] = []

    def __call__(self, product: dict[str, Any]) -> str:
        clauses = product["clauses"]
        if not any(id(c) in self.shared for c in clauses):
            return _safe_json(product, self.indent)
        marked = {**product, "clauses": [self._mark(c) if id(c) in self.shared else c for c in clauses]}
        try:
            text = to_json(marked, indent=self.indent).decode("utf-8")
        except (ValueError, UnicodeError):
            return _safe_json(product, self.indent)
        return self.pattern.sub(lambda found: self.texts[int(found[1])], text)

    def _mark(self, clause: dict[str, Any]) -> str:
        mark = self.marks.get(id(clause))
        if mark is None:
            text = _safe_json(clause, self.indent)
            if self.indent:  # a clause object sits two levels into a product
                text = text.replace("\n", "\n" + " " * (2 * self.indent))
            self.texts.append(text)
            mark = self.marks[id(clause)] = f"@{self.nonce}@{len(self.texts) - 1}"
        return mark


def write_json(evaluated: Evaluated, stream: TextIO) -> None:
    """The §4 report on ``stream``, products streamed."""
    skeleton = _safe_json(Report(as_of=evaluated.as_of.isoformat(), errors=evaluated.errors,
                                 warnings=evaluated.warnings), 2)
    head, _, tail = skeleton.partition(_SLOT)
    if not len(evaluated.batch.frame):
        stream.write(skeleton + "\n")
        return
    stream.write(head + '"products": [\n')
    first = True
    explainer = Explainer(evaluated.columns, evaluated.batch, evaluated.catalog)
    as_text = _ProductText(explainer.shared_ids, 2)
    for product in product_dicts(evaluated, explainer=explainer):
        text = as_text(product).replace("\n", "\n" + _INDENT)
        stream.write(("" if first else ",\n") + _INDENT + text)
        first = False
    stream.write("\n  ]" + tail + "\n")


def write_ndjson(evaluated: Evaluated, stream: TextIO) -> None:
    """One JSON object a line: each product (its §4 object), then each unusable input as
    ``{"source": ..., "error": ...}`` and each warning as ``{"source": ..., "warning": ...}``."""
    explainer = Explainer(evaluated.columns, evaluated.batch, evaluated.catalog)
    as_text = _ProductText(explainer.shared_ids, None)
    for product in product_dicts(evaluated, explainer=explainer):
        stream.write(as_text(product) + "\n")
    for error in evaluated.errors:
        stream.write(_safe_json(error, None) + "\n")
    for warning in evaluated.warnings:
        stream.write(_safe_json(warning, None) + "\n")
