"""pdfplumber tables, only for the pages that need them (labels found but no value read)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from checker.inputs.documents.text import Cell, Row
from checker.inputs.documents.visibility import HiddenText

log = logging.getLogger(__name__)


class TableReader:
    """Opens the PDF with pdfplumber on first use and extracts the tables of single pages."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._pdf: Any = None
        self.warnings: list[str] = []

    def rows(self, index: int, hidden: HiddenText | None = None) -> list[Row]:
        """Rows of every table on page ``index`` (0-based); cells keep their x positions.

        ``hidden``: the page's characters nobody can see (pdfium's reading); they are left out of
        the tables too, or, where pdfplumber's characters cannot be matched with pdfium's one for
        one, the page's tables are not read (a warning in ``warnings``).
        """
        if self._pdf is None:
            import pdfplumber  # here: most documents need no table of pdfplumber's, and it takes 60 ms to import

            self._pdf = pdfplumber.open(self.path)
        page = self._pdf.pages[index]
        if hidden is not None:
            page = visible_only(page, hidden)
            if page is None:
                self.warnings.append(f"page {index + 1}: tables not read, their invisible text could not be "
                                     "told apart from the visible text")
                return []
        out: list[Row] = []
        try:
            tables = page.find_tables()
        except Exception as exc:  # noqa: BLE001 - pdfplumber raises many kinds on odd pages
            log.warning("pdfplumber could not read tables on page %d: %s", index + 1, exc)
            return out
        for table in tables:
            texts = table.extract()
            for row_obj, row_texts in zip(table.rows, texts, strict=False):
                cells = [Cell(" ".join(str(text).split()), float(box[0]), float(box[2]))
                         for box, text in zip(row_obj.cells, row_texts, strict=False)
                         if box is not None and text is not None and str(text).strip()]
                if cells:
                    out.append(Row(cells, index + 1, origin="table", top=float(row_obj.bbox[1])))
        page.flush_cache()
        return out

    def close(self) -> None:
        """Close the pdfplumber document if it was opened."""
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None


def visible_only(page: Any, hidden: HiddenText) -> Any | None:
    """The pdfplumber page without the characters pdfium found hidden, matched one for one in
    content order (pdfplumber cannot tell a render mode); None when the two do not match."""
    chars = [char for char in page.chars if str(char.get("text", "")).strip()]
    sequence = hidden.sequence()
    if len(chars) != len(sequence) or any(c["text"] != s for c, (s, _) in zip(chars, sequence, strict=True)):
        log.info("page %d: pdfplumber and pdfium characters differ; tables not read", hidden.page)
        return None
    drop = {id(char) for char, (_, unseen) in zip(chars, sequence, strict=True) if unseen}
    return page.filter(lambda obj: id(obj) not in drop)
