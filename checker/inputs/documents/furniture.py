"""A page's running header and footer, which are no measurement of the product.

Publishers print the same lines at the top and bottom of every page: a title, a slogan, a copyright, the page
number, and a marketing figure now and then ("© 2024 Xirui. PSU efficiency 94 % at 20 % load. Page 1"). A line
is taken for one (``page_furniture`` of catalogs/vocabulary.yaml) when it lies wholly in the top or bottom
``band`` of the page (a share of its height) and either stands apart from the page's body, by a gap of at least
``gap`` times its own height between it and the next line towards the middle (the lines between it and the edge
go with it), or names a page number or a copyright (``markers``) with only such lines between it and the edge. The
gap is what tells a footer from a table that runs close to the bottom: a table's last rows follow each other at
their usual spacing. A page whose lines all lie in the band has no body, and so no header or footer. The reader
leaves these lines out of the rows values are read from (:mod:`checker.inputs.documents.reader`); category and
model detection still see them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import takewhile
from typing import Any

from checker.inputs.documents.numbers import fold_key
from checker.inputs.documents.text import Row


@dataclass(frozen=True)
class Furniture:
    """How a running header or footer is told from the page's body (``page_furniture`` of vocabulary.yaml)."""

    band: float  # the share of the page's height, at the top and at the bottom, a header or footer lies in
    gap: float  # the least gap to the body, in the line's own heights, that sets a line in the band apart
    markers: re.Pattern[str]  # a page number or a copyright, in folded text

    def lines(self, rows: list[Row], height: float) -> list[Row]:
        """The rows of a page ``height`` points high that are its running header or footer."""
        if height <= 0 or not rows:
            return []
        ordered = sorted(rows, key=lambda row: row.top)
        top = self._edge(ordered, lambda row: row.top + row.height <= self.band * height,
                         lambda row, inner: inner.top - (row.top + row.height))
        bottom = self._edge(ordered[::-1], lambda row: row.top >= (1 - self.band) * height,
                            lambda row, inner: row.top - (inner.top + inner.height))
        return top + [row for row in bottom if all(row is not other for other in top)]

    def _edge(self, ordered: list[Row], inside: Callable[[Row], bool],
              gap: Callable[[Row, Row], float]) -> list[Row]:
        """The furniture among the rows from one edge of the page inwards (``ordered`` from that edge): every row in
        the band up to the last one set apart from the next row inwards, then those of the band naming a page or a
        copyright that follow on from them (or from the edge). A page whose rows all lie in the band (a note of two
        lines) has none."""
        edge = list(takewhile(inside, ordered))
        if len(edge) == len(ordered):
            return []  # a page all in the band has no body to be apart from
        end = 0
        for k, row in enumerate(edge):
            if gap(row, ordered[k + 1]) >= self.gap * max(row.height, 1.0):
                end = k + 1
        marked = list(takewhile(lambda row: self.markers.search(fold_key(row.text)) is not None, edge[end:]))
        return edge[:end + len(marked)]


def load_furniture(spec: dict[str, Any]) -> Furniture:
    """``page_furniture`` of catalogs/vocabulary.yaml, compiled."""
    markers = "|".join(f"(?:{pattern})" for pattern in spec["markers"])
    return Furniture(float(spec["band"]), float(spec["gap"]), re.compile(markers, re.IGNORECASE))
