"""The JSON report (INTERFACE.md §4), written one product at a time, and NDJSON (one product a line).

The streamed document is the one :func:`checker.outputs.report.to_json` builds in memory, byte for byte:
the skeleton is that of an empty report, each product is serialised alone and indented into it.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from collections.abc import Iterator
from typing import Any, BinaryIO, TextIO, cast

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from pydantic_core import to_json

from checker.engine.explain import Explainer
from checker.engine.run import Evaluated
from checker.models import InputError, InputWarning, Report
from checker.outputs.background import Background
from checker.outputs.joining import joined_bytes
from checker.outputs.json_columns import BLOCK, ProductColumns
from checker.outputs.safe_text import printable_tree
from checker.outputs.summary import Shown, chunks, product_dicts

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
    """Products as JSON bytes in the report's layout: the product's own fields indented (pydantic's ``indent``),
    each clause object on one line of its own, compact (§4's example; a line to grep, ``"status":"fail"``).
    Each clause stands in the product as a marker string (a random nonce: no input text can hold it) that
    is replaced by the clause's text; the clause objects products share
    (:class:`checker.engine.explain.Explainer`) are serialised once. ``margin`` indents every line but the
    first (a product inside the report's list)."""

    def __init__(self, shared: set[int], indent: int | None, margin: str = "") -> None:
        self.shared = shared
        self.indent = indent
        self.margin = ("\n" + margin).encode() if margin else b""
        self.nonce = uuid.uuid4().hex
        self.pattern = re.compile(f'"@{self.nonce}@(o?)(\\d+)"'.encode())
        self.marks: dict[int, str] = {}
        self.texts: list[bytes] = []

    def __call__(self, product: dict[str, Any]) -> bytes:
        own: list[bytes] = []
        clauses = [self._mark(c) if id(c) in self.shared else self._own(c, own) for c in product["clauses"]]
        marked = {**product, "clauses": clauses}
        try:
            data = to_json(marked, indent=self.indent)
        except (ValueError, UnicodeError):  # a product field that cannot be encoded: shown escaped
            data = to_json(printable_tree(marked), indent=self.indent)
        data = data.replace(b"\n", self.margin) if self.margin else data
        return self.pattern.sub(lambda found: (own if found[1] else self.texts)[int(found[2])], data)

    def _own(self, clause: dict[str, Any], own: list[bytes]) -> str:
        own.append(_safe_json(clause, None).encode("utf-8"))
        return f"@{self.nonce}@o{len(own) - 1}"

    def _mark(self, clause: dict[str, Any]) -> str:
        mark = self.marks.get(id(clause))
        if mark is None:
            self.texts.append(_safe_json(clause, None).encode("utf-8"))
            mark = self.marks[id(clause)] = f"@{self.nonce}@{len(self.texts) - 1}"
        return mark


class _Writer:
    """Writes UTF-8 bytes to ``stream``: to its byte buffer where it has one (no decoding and encoding again of
    a report that may run to gigabytes; no newline translation on this platform), from a thread of its own
    while the next block is built (:class:`~checker.outputs.background.Background`, at most :data:`_QUEUED`
    blocks behind); else as text, here."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        buffer = getattr(stream, "buffer", None)
        self.background: Background | None = None
        if buffer is not None and os.linesep == "\n":
            stream.flush()
            self.background = Background(cast(BinaryIO, buffer).write, "report-writer", _QUEUED)

    def __call__(self, data: bytes | memoryview) -> None:
        if self.background is None:
            self.stream.write(bytes(data).decode("utf-8"))
        else:
            self.background.put(data)

    def close(self) -> None:
        """Wait for what is queued to be written (raising what writing it raised), then flush."""
        if self.background is not None:
            background, self.background = self.background, None
            background.join()
        _flush(self.stream)

    def __enter__(self) -> _Writer:
        return self

    def __exit__(self, kind: object, *_: object) -> None:
        if kind is None:
            self.close()
        elif self.background is not None:  # an error while building: stop the thread, keep the error
            self.background.stop(abandon=True)


_QUEUED = 2  # blocks waiting to be written: memory stays bounded


def _around(report: Report) -> tuple[str, str, str]:
    """The JSON of ``report`` without its products (an empty report), and its text before and after the products."""
    skeleton = _safe_json(report.model_copy(update={"products": []}), 2)
    head, _, tail = skeleton.partition(_SLOT)
    return skeleton, head, tail


def report_json(report: Report) -> str:
    """The §4 report as :func:`write_json` streams it, from a report in memory (a product, the app's download)."""
    skeleton, head, tail = _around(report)
    if not report.products:
        return skeleton + "\n"
    as_text = _ProductText(set(), 2, _INDENT)
    body = ",\n".join(_INDENT + as_text(product.model_dump()).decode("utf-8") for product in report.products)
    return head + '"products": [\n' + body + "\n  ]" + tail + "\n"


def write_json(evaluated: Evaluated, stream: TextIO) -> None:
    """The §4 report on ``stream``, products streamed."""
    skeleton, head, tail = _around(Report(as_of=evaluated.as_of.isoformat(), errors=evaluated.errors,
                                          warnings=evaluated.warnings))
    if not len(evaluated.batch.frame):
        stream.write(skeleton + "\n")
        return
    with _Writer(stream) as write:
        write((head + '"products": [\n').encode("utf-8"))
        first = True
        for texts in _products(evaluated, 2, _INDENT, ",\n" + _INDENT, ""):
            write(joined_bytes(texts)[2:] if first else joined_bytes(texts))  # the first product has no comma before it
            first = False
        write(("\n  ]" + tail + "\n").encode("utf-8"))


def write_ndjson(evaluated: Evaluated, stream: TextIO) -> None:
    """One JSON object a line: each product (its §4 object), then each unusable input as
    ``{"source": ..., "error": ...}`` and each warning as ``{"source": ..., "warning": ...}``."""
    with _Writer(stream) as write:
        for texts in _products(evaluated, None, "", "", "\n"):
            write(joined_bytes(texts))
        for error in evaluated.errors:
            write((_safe_json(error, None) + "\n").encode("utf-8"))
        for warning in evaluated.warnings:
            write((_safe_json(warning, None) + "\n").encode("utf-8"))


def _products(evaluated: Evaluated, indent: int | None, margin: str, before: str, after: str
              ) -> Iterator[pa.Array]:
    """The products' texts (each line after the first led by ``margin``), each between ``before`` and ``after``,
    a block at a time: built column-wise
    (:class:`checker.outputs.json_columns.ProductColumns`), the rows it leaves and a batch shown without its
    folder (the app) one product at a time (:class:`_ProductText`); the same bytes either way."""
    explainer = Explainer(evaluated.columns, evaluated.batch, evaluated.catalog)
    as_text = _ProductText(explainer.shared_ids, indent, margin)
    rows = len(evaluated.batch.frame)
    if isinstance(evaluated, Shown) or not ProductColumns.usable(explainer):
        for block in chunks(rows, BLOCK):
            yield pa.array([before + as_text(p).decode("utf-8") + after
                            for p in product_dicts(evaluated, block, explainer)], pa.string())
        return
    columns = ProductColumns(explainer, indent, margin, before, after)
    for block in chunks(rows, BLOCK):
        texts, left = columns.block(block)
        if left:
            mask = np.zeros(len(block), dtype=bool)
            mask[left] = True
            done = [before + as_text(explainer.product(block.start + at)).decode("utf-8") + after for at in left]
            texts = pc.replace_with_mask(texts, pa.array(mask), pa.array(done, pa.string()))
        yield texts


def _flush(stream: TextIO) -> None:
    """Flush what went to the byte buffer, so text written to ``stream`` afterwards comes after it."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        buffer.flush()
