"""Text from input is data: shown as written in every output, never run as a formula, markup or a
terminal control sequence (issue 14).

* :func:`printable` — any text made safe to encode and to show: a file name that is not UTF-8
  (surrogate escapes) and control characters become visible escapes (``\\x1b``, ``\\x0b``).
* :func:`terminal` — for a line of text output: also carriage returns, line and page breaks inside
  a field, so a product id cannot rewrite or hide a line.
* :func:`spreadsheet` — for a CSV or XLSX cell: also a leading ``= + - @`` (OWASP CSV injection)
  is neutralised with a leading apostrophe.
* :func:`markdown` — for Streamlit's markdown-rendering calls: every markdown and HTML special
  character escaped, so an id cannot load an image or show a link.
"""

from __future__ import annotations

import re
from typing import Any

# C0 controls but tab and newline, DEL and C1 controls; and the Unicode line/paragraph separators and
# bidirectional overrides that can reorder what a reader sees.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")  # a file name that is not UTF-8, read with surrogate escapes
_LINE_BREAKS = re.compile("[\r\n\t]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$&])")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with surrogate escapes (undecodable file names) and control characters made visible."""
    if _SURROGATE.search(text):
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return _CONTROL.sub(_escape, text)


def terminal(text: str) -> str:
    """One field of a text line: :func:`printable`, and breaks that would start or rewrite a line escaped."""
    return _LINE_BREAKS.sub(_escape, printable(text))


def spreadsheet(value: Any) -> Any:
    """A cell for CSV or XLSX: text made :func:`printable`, a formula trigger neutralised ("'=..."); numbers,
    None and booleans unchanged."""
    if not isinstance(value, str):
        return value
    text = printable(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def markdown(text: str) -> str:
    """Text for ``st.markdown``, ``st.subheader``, ``st.caption``, ``st.warning`` ...: shown as written."""
    return _MARKDOWN.sub(r"\\\1", terminal(text))


def printable_tree(value: Any) -> Any:
    """A JSON-like tree (dicts, lists, strings) with every key and string made :func:`printable`."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {printable(str(k)): printable_tree(v) for k, v in value.items()}
    if isinstance(value, list):
        return [printable_tree(v) for v in value]
    return value
