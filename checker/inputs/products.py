"""Files of one product: a ``check`` call or an audit sub-folder becomes one product, never one pooled
from several; the audit's inputs become batches in order.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from checker.catalog.clauses import Catalog
from checker.engine.frame import Batch
from checker.errors import UnusableInput
from checker.inputs.across_files import same_model_across_files
from checker.inputs.document_records import NO_CATEGORY
from checker.inputs.files import TABLE_TYPES, InputProblem, load_batch, read_records, records_batch
from checker.inputs.guard import guard_file
from checker.inputs.parallel import Outcome
from checker.inputs.records import ProductRecord
from checker.models import InputError, InputWarning


class SeveralProducts(InputProblem):
    """A file given as one product's evidence that holds several products."""



def merge_records(records: list[ProductRecord], sources: list[str]) -> ProductRecord:
    """All records given to ``check`` describe one product: their facts are pooled.

    Records that name different products (ids, models or categories that differ) are an
    InputProblem naming both: pooling them would judge one product on another's data.
    """
    same_product(records)
    facts = [list(record.facts) for record in records]
    if len(records) > 1:
        from checker.inputs.documents.psu_ratings import tested_not_offered  # documents' readers: only for several

        tested_not_offered([record.psu_ratings for record in records], facts)
    named = next((r.declared_id for r in records if r.declared_id), None)
    model = next((r.model for r in records if r.model), None)
    return ProductRecord(id=named or model or records[0].id, category=records[0].category, sources=sources,
                         facts=[fact for file_facts in facts for fact in file_facts], declared_id=named, model=model,
                         warnings=[text for r in records for text in r.warnings])



def same_product(records: Sequence[ProductRecord]) -> None:
    """Raise InputProblem when the records name two products (different category, id or model), or when a document
    that names no model names a sibling of another file's model and never that model (:func:`sibling_named`)."""
    _siblings(records)
    for what, name_of in (("categories", lambda r: r.category), ("ids", lambda r: r.declared_id),
                          ("models", lambda r: r.model)):
        named = [(record, name_of(record)) for record in records if name_of(record)]
        first = named[0] if named else None
        other = next(((r, n) for r, n in named if first and not same_name(n, first[1])), None)
        if first and other:
            shown = " and ".join(f"{r.id} ({r.category}, {r.sources[0] if r.sources else '?'})"
                                 for r in (first[0], other[0]))
            raise InputProblem(f"the files describe different products ({what} differ): {shown}; "
                               "`checker check` is for one product, use `checker audit` for several")



def _siblings(records: Sequence[ProductRecord]) -> None:
    named = next((record for record in records if record.model), None)
    if named is None or named.model is None:
        return
    for record in records:
        if record.model or not record.mentions:
            continue
        sibling = sibling_named(named.model, record.mentions)
        if sibling is not None:
            where = record.sources[0] if record.sources else record.id
            raise InputProblem(f"the files describe different products: {where} names '{sibling}', never "
                               f"{named.model} ({named.sources[0] if named.sources else named.id}); `checker check` "
                               "is for one product, use `checker audit` for several")


def sibling_named(model: str, mentions: str) -> str | None:
    """The name of a sibling of ``model`` that a document's first pages (``mentions``, folded name parts) give
    without ever giving ``model`` itself ("PowerEdge R760" for "PowerEdge R760xs", "DL380 Gen11" for "DL380 Gen10
    Plus"), else None. Its bracketed part ("(E88S)", a type code) is not needed."""
    printed = name_parts(re.sub(r"[(（][^)）]*[)）]?", " ", model))
    while printed and _description_word(printed[-1]):  # "JT-R8 rack server": the model read with its description
        printed.pop()
    parts = [part.casefold() for part in printed]
    text = mentions.split()
    if len(parts) < 2 or not any(part.isdigit() for part in parts) or not text:
        return None
    size = len(parts)
    if any(text[i:i + size] == parts for i in range(len(text) - size + 1)):
        return None
    for i in range(len(text)):
        matched = 0
        while matched < size and i + matched < len(text) and text[i + matched] == parts[matched]:
            matched += 1
        if 2 <= matched < size and any(part.isdigit() for part in parts[:matched]) and i + matched < len(text):
            return " ".join(text[i:i + matched + 1])
    return None


def name_parts(name: str | None) -> list[str]:
    """A product name's parts as printed: runs of letters and runs of digits ("CE6881-48S6CQ": CE 6881 48 S 6 CQ)."""
    return re.findall(r"[^\W\d_]+|\d+", str(name))


def same_name(one: str | None, other: str | None) -> bool:
    """True when two names name one product: the same parts (case, spaces and punctuation do not count:
    "SR200" and "sr-200"), or the parts of one followed by lower-case words in the other ("SR-200" and "SR-200
    rack server", a model read with its description). A capital, a digit or any other part more is another
    product ("SR-200 Pro", "SR-200X8", "SR-2000", "CE6881-48S6CQ"). A brand or series word before the model
    ("HKC S2716Q", "拯救者 Y9000P") and a year after it ("Y9000P 2024") name it too."""
    first, second = name_parts(one), name_parts(other)
    shorter, longer = sorted((first, second), key=len)
    if not shorter:
        return False
    folded, wanted = [p.casefold() for p in longer], [p.casefold() for p in shorter]
    size = len(wanted)
    for start in range(len(folded) - size + 1):
        if folded[start:start + size] != wanted or not all(part.isalpha() for part in longer[:start]):
            continue
        if start and not any(part.isdigit() for part in shorter):
            continue  # "Pro" before a name without digits is no brand of it
        if all(_description_word(part) for part in longer[start + size:]):
            return True
    return False


def _description_word(part: str) -> bool:
    """A lower-case word ("rack", "server") or a year after a model's name: its description, not another model's."""
    return bool((part.isalpha() and part.islower() and len(part) >= 3) or _YEAR.fullmatch(part))


_YEAR = re.compile(r"(?:19|20)\d{2}")



def product_batch(paths: Sequence[Path], catalog: Catalog, category: str | None,
                  errors: list[InputError], documents: Mapping[Path, Outcome] | None = None,
                  warnings: list[InputWarning] | None = None) -> Batch | None:
    """The files of ONE product (a ``check`` call or an audit sub-folder) as a one-row batch.

    A file holding several products, or files naming different products, is an error, never a
    product pooled from several. The product's sources are the files it was read from: a file that
    could not be read is in ``errors`` only.
    """
    records: list[ProductRecord] = []
    read: list[str] = []
    several = False
    unsaid: list[tuple[Path, str]] = []  # documents that do not say their category, read again as the product's
    for path in paths:
        try:
            found = one_product_records(path, category, documents)
        except UnusableInput as exc:
            if category is None and NO_CATEGORY in str(exc):
                unsaid.append((path, str(exc)))
                continue
            errors.append(InputError(source=str(path), error=str(exc)))
            several = several or isinstance(exc, SeveralProducts)
            continue
        records.extend(found)
        read.extend([str(path)] if found else [])
    shared = {record.category for record in records}
    for path, problem in unsaid:
        try:  # one product's files: a spec sheet that names no category is the report's product's
            found = one_product_records(path, next(iter(shared)), None) if len(shared) == 1 else []
        except UnusableInput as exc:
            problem, found = str(exc), []
        if not found:
            errors.append(InputError(source=str(path), error=problem))
        records.extend(found)
        read.extend([str(path)] if found else [])
    if not records or several:
        return None
    try:
        return records_batch([merge_records(records, read)], catalog, warnings)
    except InputProblem as exc:
        errors.append(InputError(source=", ".join(str(p) for p in paths), error=str(exc)))
    return None



def one_product_records(path: Path, category: str | None, documents: Mapping[Path, Outcome] | None
                        ) -> list[ProductRecord]:
    """The records of one file given as evidence for one product; a file of several products is an InputProblem."""
    if path.suffix.lower() in TABLE_TYPES:
        raise InputProblem(f"{path}: a catalog holds many products; use `checker audit`")
    if not path.exists() and not path.is_symlink():
        raise InputProblem(f"{path}: no such file")
    if documents is None or path not in documents:  # a PDF read ahead was guarded by its reader (read_one)
        guard_file(path)
    found = read_records(path, category, documents)
    if len(found) > 1:
        ids = ", ".join(record.id for record in found[:5]) + (", ..." if len(found) > 5 else "")
        raise SeveralProducts(f"{path}: holds {len(found)} products ({ids}); the files of one product may hold "
                           "only that product, use `checker audit` for several")
    return found



def input_batches(inputs: Sequence[Path | list[Path]], catalog: Catalog, category: str | None,
                  errors: list[InputError], documents: Mapping[Path, Outcome],
                  warnings: list[InputWarning] | None = None) -> list[Batch]:
    """The audit inputs as batches, in order; consecutive PDFs already read make one batch.

    What the readers left out on purpose is added to ``warnings``."""
    batches: list[Batch] = []
    read_ahead: list[ProductRecord] = []
    for item in inputs:
        if isinstance(item, Path) and item in documents:
            outcome = documents[item]
            if isinstance(outcome, str):
                errors.append(InputError(source=str(item), error=outcome))
            else:
                read_ahead.append(outcome)
            continue
        if read_ahead:
            batches.append(records_batch(read_ahead, catalog, warnings))
            read_ahead = []
        if isinstance(item, list):
            batch = product_batch(item, catalog, category, errors, documents, warnings)
        else:
            batch = load_batch(item, catalog, category, errors, documents, warnings)
        if batch is not None:
            batches.append(batch)
    if read_ahead:
        batches.append(records_batch(read_ahead, catalog, warnings))
    same_model_across_files(batches, catalog)
    return batches
