"""The standard's calculators as a library and as ``checker calc``."""
