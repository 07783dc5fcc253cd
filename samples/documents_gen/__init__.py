"""The generator of the sample vendor documents (run it with ``python samples/make_documents.py``).

Modules, in the order the data flows:

* ``plan`` - the corpus plan, read from ``samples/documents_plan.yaml``;
* ``builders_ict``, ``builders_plant`` - a plan entry's spec to a ``product.Product``;
* ``layouts``, ``report`` - a product drawn onto a ``doc.Doc`` (pieces shared in ``parts``,
  number styles and page geometry in ``style``);
* ``judge`` - the hand-written limits that set each value's ``expect`` (independent of catalogs/);
* ``render`` - each document rendered (and scanned), the PDFs and ``truth.json`` written.
"""
