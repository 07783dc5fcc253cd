"""Batch outputs written as they go, in bounded memory: JSON (INTERFACE §4) and NDJSON, CSV, Excel,
HTML. Each works on the evaluated clause columns and builds full product reports a chunk at a time
(:mod:`checker.outputs.summary`); text output and single products stay in :mod:`checker.outputs.report`."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import BinaryIO, TextIO

from checker.engine.run import Evaluated
from checker.outputs.sink import open_binary, open_text

STREAMED = ("json", "ndjson", "csv", "xlsx", "html")


def write_stream(evaluated: Evaluated, fmt: str, out: Path | None, lang: str, detail: bool,
                 stdout: TextIO | None = None) -> None:
    """Write ``evaluated`` in ``fmt`` (one of :data:`STREAMED`) to ``out`` (gzip-compressed when its name ends in
    ``.gz``, :mod:`checker.outputs.sink`), or to ``stdout``."""
    if fmt in ("csv", "xlsx"):
        if out is not None:
            with open_binary(out) as sink:
                _write_bytes(evaluated, fmt, sink, lang, detail)
            return
        if fmt == "xlsx":
            raise ValueError("--format xlsx needs --out")
        target = stdout or sys.stdout
        target.flush()
        buffer = getattr(target, "buffer", None)
        if buffer is not None:
            _write_bytes(evaluated, fmt, buffer, lang, detail)
            buffer.flush()
        else:
            data = io.BytesIO()
            _write_bytes(evaluated, fmt, data, lang, detail)
            target.write(data.getvalue().decode("utf-8"))
        return
    if out is not None:
        with open_text(out) as stream:
            _write_text(evaluated, fmt, stream, lang, detail)
        return
    _write_text(evaluated, fmt, stdout or sys.stdout, lang, detail)


def _write_bytes(evaluated: Evaluated, fmt: str, sink: BinaryIO, lang: str, detail: bool) -> None:
    if fmt == "csv":
        from checker.outputs.csv_table import write_csv

        write_csv(evaluated, sink)
    else:
        from checker.outputs.xlsx import write_xlsx

        write_xlsx(evaluated, sink, lang, detail)


def _write_text(evaluated: Evaluated, fmt: str, stream: TextIO, lang: str, detail: bool) -> None:
    if fmt == "html":
        from checker.outputs.html import write_html

        write_html(evaluated, stream, lang, detail)
        return
    from checker.outputs.jsonl import write_json, write_ndjson

    (write_json if fmt == "json" else write_ndjson)(evaluated, stream)
