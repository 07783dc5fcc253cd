"""The JSON report (INTERFACE.md §4), written one product at a time, and NDJSON (one product a line).

The streamed document is the one :func:`checker.report.to_json` builds in memory, byte for byte:
the skeleton is that of an empty report, each product is serialised alone and indented into it.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from pydantic_core import to_json

from checker.models import InputError, InputWarning, Report
from checker.outputs.summary import product_dicts
from checker.pipeline import Evaluated
from checker.safe_text import printable_tree

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
    for product in product_dicts(evaluated):
        text = _safe_json(product, 2).replace("\n", "\n" + _INDENT)
        stream.write(("" if first else ",\n") + _INDENT + text)
        first = False
    stream.write("\n  ]" + tail + "\n")


def write_ndjson(evaluated: Evaluated, stream: TextIO) -> None:
    """One JSON object a line: each product (its §4 object), then each unusable input as
    ``{"source": ..., "error": ...}`` and each warning as ``{"source": ..., "warning": ...}``."""
    for product in product_dicts(evaluated):
        stream.write(_safe_json(product, None) + "\n")
    for error in evaluated.errors:
        stream.write(_safe_json(error, None) + "\n")
    for warning in evaluated.warnings:
        stream.write(_safe_json(warning, None) + "\n")
