"""The one exception the document reader raises."""


class DocumentError(Exception):
    """A file that cannot be read as a document; the message is one line for the user."""
