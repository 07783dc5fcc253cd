"""An image of the page region an evidence line was read from, with the value highlighted.

The line is found on the page with :meth:`pdfplumber.page.Page.search` (its words in order, any
spacing between them); the crop is the full page width around that line; the value inside it is
boxed with ``draw_rect``. When the line cannot be found (a scanned page, or a value rebuilt from a
table), the value alone is searched; failing that the whole page is shown without a box.
"""

from __future__ import annotations

import io
import logging
import math
import re
from dataclasses import dataclass
from typing import Any

import pdfplumber

log = logging.getLogger(__name__)

RESOLUTION = 110
MARGIN = 36.0  # points above and below the matched line
HIGHLIGHT_FILL = (255, 230, 0, 90)
HIGHLIGHT_STROKE = (220, 0, 0)
LINE_STROKE = (0, 90, 200)


@dataclass(frozen=True)
class EvidenceImage:
    """A PNG of the page region and what was matched: ``line`` and ``value`` boxes found or not."""

    png: bytes
    line_found: bool
    value_found: bool


def _char(ch: str) -> str:
    """A regex for one character that also accepts its full-width / half-width twin (９ for 9, ． for .)."""
    code = ord(ch)
    if 0x21 <= code <= 0x7E:
        twin = chr(code + 0xFEE0)
    elif 0xFF01 <= code <= 0xFF5E:
        twin = chr(code - 0xFEE0)
    else:
        return re.escape(ch)
    return f"[{re.escape(ch)}{re.escape(twin)}]"


DIGIT = r"[0-9０-９]"
POINT = r"[.,．，]"


def number_pattern(value: float) -> str:
    """A regex for ``value`` as printed (``93.8``, ``93.80``, ``９３．８``, ``94``/``94.0``), not inside
    another number."""
    if not math.isfinite(value):
        return r"(?!x)x"
    text = f"{value:.10g}"
    if "e" in text:
        text = f"{value:f}".rstrip("0").rstrip(".")
    body = "".join(POINT if ch == "." else _char(ch) for ch in text)
    body += f"(?:{POINT}[0０]+)?" if "." not in text else "[0０]*"
    return rf"(?<!{DIGIT}|{POINT}){body}(?!{DIGIT}|{POINT}{DIGIT})"


def line_pattern(text: str) -> str | None:
    """A regex for an evidence line: its characters in order, any (or no) spacing between them."""
    chars = [_char(ch) for ch in text if not ch.isspace()]
    return r"\s*".join(chars) if chars else None


def _search(page: Any, pattern: str | None) -> list[dict[str, Any]]:
    if not pattern:
        return []
    try:
        return list(page.search(pattern, regex=True, case=False))
    except (re.error, ValueError, IndexError) as exc:  # pdfplumber may reject unusual patterns
        log.debug("search %r failed: %s", pattern, exc)
        return []


def _box(match: dict[str, Any]) -> tuple[float, float, float, float]:
    return float(match["x0"]), float(match["top"]), float(match["x1"]), float(match["bottom"])


def _render(page: Any, crop: tuple[float, float, float, float] | None, boxes: list[tuple[tuple[float, float, float,
            float], bool]], resolution: int) -> bytes:
    region = page.crop(crop, strict=False) if crop else page
    image = region.to_image(resolution=resolution)
    for box, is_value in boxes:
        if is_value:
            image.draw_rect(box, fill=HIGHLIGHT_FILL, stroke=HIGHLIGHT_STROKE, stroke_width=2)
        else:
            image.draw_rect(box, fill=(0, 0, 0, 0), stroke=LINE_STROKE, stroke_width=1)
    buffer = io.BytesIO()
    image.annotated.save(buffer, format="PNG")
    return buffer.getvalue()


def evidence_image(pdf: bytes, page_number: int, text: str, value: float | str | None,
                   resolution: int = RESOLUTION) -> EvidenceImage | None:
    """The region of page ``page_number`` (1-based) of ``pdf`` holding ``text``, ``value`` boxed.

    Returns None when the PDF cannot be opened or has no such page.
    """
    try:
        document = pdfplumber.open(io.BytesIO(pdf))
    except Exception as exc:  # noqa: BLE001 - any unreadable PDF just has no picture
        log.info("cannot open evidence PDF: %s", exc)
        return None
    with document:
        if not 1 <= page_number <= len(document.pages):
            return None
        page = document.pages[page_number - 1]
        value_re = number_pattern(float(value)) if isinstance(value, int | float) else (
            re.escape(str(value)) if value not in (None, "") else None)
        lines = _search(page, line_pattern(text))
        if lines:
            line = _box(lines[0])
            crop = (0.0, max(0.0, line[1] - MARGIN), float(page.width), min(float(page.height), line[3] + MARGIN))
            inside = [m for m in _search(page, value_re) if _within(_box(m), line)]
            boxes = [(line, False)] + [(_box(m), True) for m in inside[:1]]
            return EvidenceImage(_render(page, crop, boxes, resolution), True, bool(inside))
        values = _search(page, value_re)
        if len(values) == 1:
            box = _box(values[0])
            crop = (0.0, max(0.0, box[1] - 2 * MARGIN), float(page.width), min(float(page.height), box[3] + 2 * MARGIN))
            return EvidenceImage(_render(page, crop, [(box, True)], resolution), False, True)
        return EvidenceImage(_render(page, None, [], resolution), False, False)


def _within(inner: tuple[float, float, float, float], outer: tuple[float, float, float, float]) -> bool:
    slack = 1.0
    return (inner[0] >= outer[0] - slack and inner[2] <= outer[2] + slack and inner[1] >= outer[1] - slack
            and inner[3] <= outer[3] + slack)
