"""pdfplumber tables, only for the pages that need them (labels found but no value read)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pdfplumber

from checker.documents.text import Cell, Row

log = logging.getLogger(__name__)


class TableReader:
    """Opens the PDF with pdfplumber on first use and extracts the tables of single pages."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._pdf: Any = None

    def rows(self, index: int) -> list[Row]:
        """Rows of every table on page ``index`` (0-based); cells keep their x positions."""
        if self._pdf is None:
            self._pdf = pdfplumber.open(self.path)
        page = self._pdf.pages[index]
        out: list[Row] = []
        try:
            tables = page.find_tables()
        except Exception as exc:  # pdfplumber raises many kinds on odd pages
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
