"""The one exception the document reader raises."""

from checker.errors import UnusableInput


class DocumentError(UnusableInput):
    """A file that cannot be read as a document; the message is one line for the user."""
