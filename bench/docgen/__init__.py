"""A seeded generator of unseen spec sheets and lab reports, with the truth beside each document.

Layout families are modelled on real document types (a Chinese lab report's result table, a vendor
datasheet with key:value lines and spec tables, a brochure's prose), not on the reader's sample set
(``samples/make_documents.py``). Each document is drawn from a seed: product values, phrasings
(zh/en), units and number formats, the production path (reportlab, or HTML printed by headless
Chromium) and, for some, a scanned and degraded copy of every page.

    from docgen import generate
    truths = generate(out_dir, count=20, seed=7)
"""

from docgen.build import generate

__all__ = ["generate"]
