"""The standard as data: the clause catalog, the field vocabulary, grade tables, the words people read,
and where the files are."""
