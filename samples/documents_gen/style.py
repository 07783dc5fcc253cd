"""Page geometry, fonts and number styles of the sample documents."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont

CJK = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(CJK))

PAGE_W, PAGE_H = A4
MARGIN = 56.0
TOP = PAGE_H - 70.0
BOTTOM = 64.0
TEXT_W = PAGE_W - 2 * MARGIN

Value = float | int | str | bool

_FULL = str.maketrans("0123456789.,%", "０１２３４５６７８９．，％")


@dataclass(frozen=True)
class NumStyle:
    """How a document prints numbers.

    ``comma``: decimal comma ("105,8"); ``full``: full-width digits and ％ (Chinese documents);
    ``fraction``: efficiencies as fractions ("0.942"); ``thousands``: grouping ("1,250 kW");
    ``pct_space``: a space before "%".
    """

    comma: bool = False
    full: bool = False
    fraction: bool = False
    thousands: bool = False
    pct_space: bool = False

    def num(self, x: float, nd: int) -> str:
        """Format a plain number with ``nd`` decimals."""
        s = f"{x:,.{nd}f}" if self.thousands else f"{x:.{nd}f}"
        if self.comma:
            s = s.replace(".", ",")
        return s.translate(_FULL) if self.full else s

    def pct(self, x: float, nd: int = 1, efficiency: bool = False) -> str:
        """Format a percentage (or a fraction, for efficiencies when ``fraction`` is set)."""
        if efficiency and self.fraction:
            return self.num(x / 100.0, nd + 2)
        sep = " " if self.pct_space else ""
        return self.num(x, nd) + sep + ("％" if self.full else "%")


PLAIN = NumStyle()

# The number styles the corpus plan names (samples/documents_plan.yaml, key ``style``).
STYLES: dict[str, NumStyle] = {
    "plain": PLAIN,
    "pct_space": NumStyle(pct_space=True),
    "full": NumStyle(full=True),
    "fraction": NumStyle(fraction=True),
    "thousands": NumStyle(thousands=True),
    "comma": NumStyle(comma=True),
}
