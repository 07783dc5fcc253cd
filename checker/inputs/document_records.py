"""PDF documents → product records, through :mod:`checker.inputs.documents` (the reader)."""

from __future__ import annotations

from pathlib import Path

from checker.inputs.guard import get_limits
from checker.inputs.records import ProductRecord, RecordError

NO_CATEGORY = "cannot tell the product category from the document; give --category"


class NoCategory(RecordError):
    """A document that does not say what product it is about (read alone; with the other files of its product it
    is read as theirs)."""


def pdf_record(path: Path, category: str | None) -> ProductRecord:
    """Read one PDF into a product record; unusable documents raise RecordError (one line)."""
    from checker.inputs.documents import DocumentError, read_pdf

    try:
        document = read_pdf(path, category, max_pages=get_limits().max_pages)
    except DocumentError as exc:
        raise RecordError(f"{path}: {exc}") from None
    if document.category is None:
        raise NoCategory(f"{path}: {NO_CATEGORY}")
    product_id = document.model or path.stem
    return ProductRecord(id=product_id, category=document.category, sources=[str(path)], facts=document.facts,
                         model=document.model, warnings=document.warnings, mentions=document.mentions,
                         psu_ratings=document.psu_ratings)
