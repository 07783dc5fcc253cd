"""The checker's exceptions: one root, a small hierarchy, each message one line for the user.

- :class:`CheckerError`: anything the checker refuses, with a one-line reason.
  - :class:`UnusableInput`: an input (record, table, document, limits) that cannot be used; the
    pipeline turns it into an error line of the report and goes on with the other inputs.
    Subclasses live with the code that raises them: ``inputs.records.RecordError``,
    ``inputs.table_files.TableError``, ``inputs.guard.LimitError``, ``inputs.files.InputProblem``,
    ``inputs.documents.DocumentError``, ``dc.record.DataCentreRecordError``.
  - :class:`UsageError`: a command line that cannot be carried out (exit code 2): ``inputs.mapping.MappingError``
    (a column mapping that cannot be used), ``compare.CompareError`` (no bidder folders).
  - ``inputs.values.ValueTextError`` (a cell that is not a value) and ``inputs.pdfstreams.InflateBudgetExceeded``
    stay inside the readers: each becomes a reason on the value or the file.
  - :class:`DistributedError`: the Dask engine cannot run (not installed, no scheduler).
- :class:`DocumentTimeout` is a ``BaseException`` on purpose, outside the hierarchy: a PDF library's
  ``except Exception`` must not swallow the per-document time limit.
"""

from __future__ import annotations


class CheckerError(Exception):
    """Root of the checker's errors; the message is one line for the user."""


class UnusableInput(CheckerError):
    """An input that cannot be used: reported as an error line, the other inputs go on."""


class UsageError(CheckerError):
    """A command line that cannot be carried out (exit code 2)."""


class DistributedError(CheckerError, RuntimeError):
    """The Dask engine cannot run: not installed, or the scheduler cannot be reached."""


class DocumentTimeout(BaseException):
    """A document took longer than its time limit (raised from a signal handler)."""
