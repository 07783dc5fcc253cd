"""Document reader: PDF data sheets and test reports → facts with evidence.

Public API::

    from checker.inputs.documents import read_pdf, DocumentRead, DocumentError
"""

from checker.inputs.documents.errors import DocumentError
from checker.inputs.documents.reader import DocumentRead, read_pdf

__all__ = ["DocumentError", "DocumentRead", "read_pdf"]


def clear_caches() -> None:
    """Forget the string caches of the number and row parsers (benchmarks start cold with it)."""
    from checker.inputs.documents.numbers import fold, fold_key, unit_of
    from checker.inputs.documents.rowparse import cell_key

    for cached in (fold, fold_key, unit_of, cell_key):
        cached.cache_clear()
