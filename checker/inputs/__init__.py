"""Inputs → facts and frames: the guard, records, product tables, column mappings, documents, parallel reading."""
