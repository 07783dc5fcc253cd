"""App-side helpers for the Streamlit face (``app.py``) that are not widgets.

* :mod:`checker.ui.i18n` — the interface strings in Chinese and English, as data;
* :mod:`checker.ui.uploads` — safe file names, staging uploads in a temporary directory that is always removed;
* :mod:`checker.ui.evidence` — a page image cropped around an evidence line with the value highlighted;
* :mod:`checker.ui.results` — running checks and audits on staged inputs, and shaping reports into tables;
* :mod:`checker.ui.calcs` — the calculators page's inputs → :mod:`checker.calc.api` (figures, verdicts by the engine);
* :mod:`checker.ui.datacentre` — T/CA305 grading of an uploaded data-centre record.

No rule or threshold of the standard lives here: limits come from ``catalogs/`` through the library.
"""
