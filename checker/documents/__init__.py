"""Document reader: PDF data sheets and test reports → facts with evidence.

Public API::

    from checker.documents import read_pdf, DocumentRead, DocumentError
"""

from checker.documents.errors import DocumentError
from checker.documents.reader import DocumentRead, read_pdf

__all__ = ["DocumentError", "DocumentRead", "read_pdf"]
