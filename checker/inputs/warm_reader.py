"""Imported by a document worker (by the forkserver, before it forks them) ahead of the first document: the
reader's modules, its compiled vocabulary and the input limits, built once and shared by every worker."""

from __future__ import annotations

import checker.inputs.document_records
import checker.inputs.documents  # noqa: F401
from checker.inputs.documents.vocabulary import load_vocabulary
from checker.inputs.guard import get_limits

load_vocabulary()
get_limits()
