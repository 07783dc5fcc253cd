"""The public entry: :func:`read_pdf` reads one PDF into a :class:`DocumentRead`.

Pipeline: open with pypdfium2 → fast text of every page (≤ ``max_pages``) → OCR of pages with
no text layer → category/model detection → for pages whose text mentions a vocabulary label,
rows rebuilt from glyph boxes → generator rating tables, then the generic extractor → pdfplumber
tables only on relevant pages where the lines yielded nothing → document-level clean-up →
declarations of conformity and restated limits (:mod:`checker.inputs.documents.declarations`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
from pydantic import BaseModel, ConfigDict, Field

from checker.catalog.clauses import load_catalog
from checker.inputs.documents import declarations, fonts
from checker.inputs.documents.candidates import Candidate, Emitter, at_page_distance, finalize
from checker.inputs.documents.columns import attach_wrapped_fragments, merge_wrapped_lines, split_merged_cells
from checker.inputs.documents.conditions import apply_conditions
from checker.inputs.documents.corrections import correction_notice, doubt_corrected
from checker.inputs.documents.detect import (
    battery_sample,
    battery_statement,
    detect_category,
    detect_manufacturer,
    detect_model,
)
from checker.inputs.documents.detection import below_stated_limit
from checker.inputs.documents.errors import DocumentError
from checker.inputs.documents.extract import Extractor
from checker.inputs.documents.flow import carry_unfinished_sentences
from checker.inputs.documents.generator import generator_candidates
from checker.inputs.documents.grades import implied_scope
from checker.inputs.documents.numbers import fold_key
from checker.inputs.documents.ocr import MISSING_MESSAGE, ocr_available, ocr_page
from checker.inputs.documents.pdf_tables import TableReader
from checker.inputs.documents.periods import doubt_other_vintage, period_pages
from checker.inputs.documents.psu_ratings import named_ratings
from checker.inputs.documents.ratings import one_rating
from checker.inputs.documents.teer_loads import doubt_other_loads
from checker.inputs.documents.text import PdfText, Row
from checker.inputs.documents.unit_statements import apply_unit_statements
from checker.inputs.documents.visibility import HiddenText
from checker.inputs.documents.vocabulary import Vocabulary, load_vocabulary
from checker.inputs.products import name_parts
from checker.models import Evidence, Fact

log = logging.getLogger(__name__)

_DETECT_PAGES = 3


class DocumentRead(BaseModel):
    """What was read from one document."""

    model_config = ConfigDict(extra="forbid")

    source: str
    category: str | None = None
    model: str | None = None
    manufacturer: str | None = None
    pages: int = 0
    ocr_used: bool = False
    facts: list[Fact] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    mentions: str = ""  # the first pages' names, folded (:func:`checker.inputs.products.name_parts`), space-joined
    psu_ratings: list[tuple[float, Evidence]] = Field(default_factory=list)  # power supplies named by rated power


def _open(path: Path) -> pdfium.PdfDocument:
    if not path.exists():
        raise DocumentError(f"file not found: {path}")
    if path.is_dir():
        raise DocumentError(f"is a directory, not a PDF: {path}")
    size = path.stat().st_size
    if size == 0:
        raise DocumentError("empty file (0 bytes)")
    with path.open("rb") as handle:
        head = handle.read(1024)
    if b"%PDF-" not in head:
        raise DocumentError("not a PDF (no %PDF- header)")
    try:
        document = pdfium.PdfDocument(str(path))
        if document.get_formtype() != pdfium.raw.FORMTYPE_NONE:
            document.init_forms()  # before any page is loaded: the values of a filled-in form are read (text.py)
        return document
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise DocumentError("encrypted PDF (password required)") from exc
        raise DocumentError(f"damaged or truncated PDF ({str(exc).splitlines()[0][:120]})") from exc
    except Exception as exc:  # pdfium wrappers may raise others on broken input
        raise DocumentError(f"unreadable PDF ({type(exc).__name__})") from exc


def read_pdf(path: str | Path, category: str | None = None, *, ocr: bool = True, max_pages: int = 300) -> DocumentRead:
    """Read the PDF at ``path`` into facts with evidence.

    ``category`` (a category id of catalogs/fields.yaml) overrides detection. ``ocr=False`` skips
    OCR of scanned pages. Only the first ``max_pages`` pages are read (a warning says so).
    Raises :class:`DocumentError` with a one-line reason for files that cannot be read.
    """
    source = str(path)
    file = Path(path)
    fonts.forget_pending()
    document = _open(file)
    text = PdfText(document)
    tables = TableReader(file)
    try:
        return _read(text, tables, source, category, ocr=ocr, max_pages=max_pages)
    except DocumentError:
        raise
    except Exception as exc:  # never a traceback for a bad file
        log.debug("reading %s failed", source, exc_info=True)
        raise DocumentError(f"could not read PDF: {type(exc).__name__}: {str(exc)[:120]}") from exc
    finally:
        tables.close()
        text.close()


@dataclass
class _Pages:
    """What the first pass over the pages found: each page's text, rows of the pages that need them,
    which pages are scanned and which mention a label of the vocabulary."""

    texts: list[str] = field(default_factory=list)
    rows: dict[int, list[Row]] = field(default_factory=dict)
    scanned: list[int] = field(default_factory=list)
    relevant: list[int] = field(default_factory=list)
    ocr_used: bool = False


def _read_pages(text: PdfText, vocab: Vocabulary, count: int, warnings: list[str]) -> _Pages:
    """Text of every page, rows of the first pages and of those that mention a label; a damaged page is
    skipped with a warning."""
    pages = _Pages()
    for i in range(count):
        mentions: list[bool] = []

        def wants(page_text: str, i: int = i, mentions: list[bool] = mentions) -> bool:
            mentions.append(vocab.relevant(fold_key(page_text)))
            return i < 2 or mentions[0]

        try:
            page_text, chars, page_rows = text.read_page(i, wants, whole=i < _DETECT_PAGES)
        except Exception as exc:  # noqa: BLE001 - a damaged page: skip it, keep the rest
            warnings.append(f"page {i + 1} could not be read ({type(exc).__name__})")
            pages.texts.append("")
            continue
        pages.texts.append(page_text)
        if chars == 0 or _ocr_layer_page(text.hidden.get(i), chars):
            pages.scanned.append(i)
        if page_rows is not None:
            pages.rows[i] = page_rows
            if mentions and mentions[0]:
                pages.relevant.append(i)
    return pages


def _ocr_scanned(text: PdfText, vocab: Vocabulary, pages: _Pages, count: int, ocr: bool,
                 warnings: list[str]) -> None:
    """Read the scanned pages by OCR where an engine is installed (and OCR is on); a document that is all
    scans and cannot be read is a :class:`DocumentError`."""
    if not pages.scanned:
        return
    usable = ocr and ocr_available()
    if not usable:
        if len(pages.scanned) == count:
            raise DocumentError(MISSING_MESSAGE if ocr else "scanned PDF (no text layer) and OCR is turned off")
        warnings.append(f"{len(pages.scanned)} page(s) without a text layer not read: "
                        + (MISSING_MESSAGE if ocr else "OCR is turned off"))
        return
    for i in pages.scanned:
        try:
            pages.rows[i] = ocr_page(text.document, i)
        except RuntimeError as exc:
            warnings.append(str(exc))
            continue
        pages.ocr_used = True
        pages.texts[i] = "\n".join(r.text for r in pages.rows[i])
        if vocab.relevant(fold_key(pages.texts[i])):
            pages.relevant.append(i)
    pages.relevant.sort()


def _candidates(text: PdfText, tables: TableReader, vocab: Vocabulary, pages: _Pages, source: str,
                category: str | None, extractor: Extractor, warnings: list[str]) -> list[Candidate]:
    """Candidates of every relevant page: generator rating tables, then the generic extractor, then
    pdfplumber's tables of a text page where labels were found but no value read. A page's running header and
    footer are left out (:mod:`checker.inputs.documents.furniture`), with a warning where they name a field."""
    emitter = Emitter(vocab, source, category)
    unused = Extractor(vocab, source, category)
    cands: list[Candidate] = []
    for i in pages.relevant:
        page_rows = _rebuilt(_body(text, vocab, pages, i, unused, warnings))
        found: list[Candidate] = []
        if category in (None, "generator"):
            found.extend(generator_candidates(vocab, page_rows, emitter))
        found.extend(extractor.block(page_rows))
        if not found and extractor.unresolved and i not in pages.scanned:
            found.extend(extractor.block(tables.rows(i, text.hidden.get(i))))
        cands.extend(at_page_distance(vocab, page_rows, found))
    return cands + extractor.validity.candidates(emitter, cands)


def _body(text: PdfText, vocab: Vocabulary, pages: _Pages, index: int, unused: Extractor,
          warnings: list[str]) -> list[Row]:
    """The rows of page ``index`` without its running header and footer (a scanned page's are all kept: OCR rows
    are in pixels); those ``unused`` (an extractor of their own) reads a value from are named in a warning."""
    rows = pages.rows.get(index, [])
    if index in pages.scanned:
        return rows
    furniture = vocab.furniture.lines(rows, text.heights.get(index, 0.0))
    for row in furniture:
        if any(not isinstance(c.fact.value, str) for c in unused.block([row])):  # a kind it names is no value
            warnings.append(f"page {index + 1}: a value in the page's running header or footer is no evidence, "
                            f"not used: {_quoted(row.text)}")
    left_out = {id(row) for row in furniture}
    return [row for row in rows if id(row) not in left_out]


def _quoted(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _scope_of_grades(cands: list[Candidate], category: str | None) -> list[Candidate]:
    """The scope facts the standards named beside the document's grades imply (:func:`grades.implied_scope`)."""
    out = []
    for cand in cands:
        if cand.field != "energy_grade" or not cand.fact.evidence:
            continue
        for field_id, value in implied_scope(cand.fact.evidence[0].text, category).items():
            note = f"the grade's standard is {field_id.replace('_', ' ')} {value}'s"
            out.append(Candidate(field_id, cand.fact.model_copy(update={"field": field_id, "value": value, "unit": "",
                                                                          "qualifier": "", "note": note})))
    return out


def _as_battery(cands: list[Candidate], vocab: Vocabulary, sample: str, *, holds: bool = True) -> list[Candidate]:
    """The candidates of a report whose sample is a battery, or read under the battery's heading: its lead, mercury and
    cadmium are the battery's (``battery_samples`` of the vocabulary); its other substances are not read (they are no
    material of the product's own that 6.1.11 asks for). ``holds``: the report's sample is the battery, so the product
    holds it (a heading's readings say so only once they survive the clean-up: :func:`_holds_battery`)."""
    out = []
    for cand in cands:
        field_id = vocab.battery_fields.get(cand.field, cand.field)
        if not field_id:
            continue
        if field_id != cand.field:
            what = f"the sample is a battery ({sample})" if holds else f"read under the battery's heading ({sample})"
            note = "; ".join(filter(None, [what, cand.fact.note]))
            cand = Candidate(field_id, cand.fact.model_copy(update={"field": field_id, "note": note}), cand.load,
                             cand.tags)
        out.append(cand)
    if holds and any(cand.field in vocab.battery_fields.values() for cand in out) \
            and all(c.field != "has_battery" for c in out):
        first = next(c for c in out if c.field in vocab.battery_fields.values())
        evidence = first.fact.evidence  # a battery's report for the product: the product holds that battery
        out.append(Candidate("has_battery", Fact(field="has_battery", value=True, evidence=evidence,
                                                 note=f"a battery's report is given for it ({sample})")))
    return out


def _battery_parts(cands: list[Candidate], vocab: Vocabulary, sample: str | None) -> list[Candidate]:
    """``cands`` with those read under a heading of the document's part about a battery (:attr:`Candidate.part`,
    "Part A – Battery (Li-ion pack …)") as the battery's (:func:`_as_battery`), and where the report's ``sample`` is a
    battery, those under no heading too; those under another part's heading ("Part B – Homogeneous materials") as
    they are."""
    if sample is None and not any(c.part for c in cands):
        return cands
    out = [c for c in cands if c.part == "" or (c.part is None and sample is None)]
    parts = dict.fromkeys(c.part or sample for c in cands if c.part or (c.part is None and sample is not None))
    for part in parts:
        out.extend(_as_battery([c for c in cands if (c.part or sample) == part and c.part != ""], vocab, str(part),
                               holds=part == sample))
    return out


def _holds_battery(facts: list[Fact], vocab: Vocabulary) -> list[Fact]:
    """has_battery true where the document reports a battery's metals under the battery's heading and says nothing
    else of it (read after the clean-up: a bare number dropped there, "mm Hg" under "BATTERY SYSTEM", says nothing)."""
    metals = [f for f in facts if f.field in vocab.battery_fields.values()]
    if not metals or any(f.field == "has_battery" for f in facts):
        return []
    return [Fact(field="has_battery", value=True, evidence=metals[0].evidence,
                 note="the document reports the battery's metals under the battery's heading")]


def _battery_statements(vocab: Vocabulary, rows: dict[int, list[Row]], source: str,
                        category: str | None) -> list[Candidate]:
    """has_battery from the document's lines about the product's battery (:func:`detect.battery_statement`): false
    where one says it holds none (not for a category that always holds one), true where one says it was not tested."""
    always = load_catalog().category_defaults.get(category or "", {}).get("has_battery") is True
    out = []
    for page in sorted(rows):
        for row in rows[page]:
            said = battery_statement(vocab, row)
            if said is None or (said is False and always):
                continue
            note = "the document says the product holds no battery" if said is False else \
                "the document names the product's battery and says it was not tested there"
            evidence = [Evidence(source=source, page=row.page, text=row.text, ocr=row.ocr)]
            out.append(Candidate("has_battery", Fact(field="has_battery", value=said, evidence=evidence, note=note)))
    return out


def _rebuilt(rows: list[Row]) -> list[Row]:
    """A page's lines rebuilt into table rows and sentences (:mod:`checker.inputs.documents.columns`, ``flow``): a
    wrapped cell's lines joined to their row, cells merged across columns split, sentences carried over line ends."""
    rows = attach_wrapped_fragments(split_merged_cells(merge_wrapped_lines(rows)))
    return carry_unfinished_sentences(rows)


def _read(text: PdfText, tables: TableReader, source: str, category: str | None, *, ocr: bool,
          max_pages: int) -> DocumentRead:
    vocab = load_vocabulary()
    total = len(text)
    if total == 0:
        raise DocumentError("PDF has no pages")
    warnings: list[str] = []
    count = min(total, max(1, max_pages))
    if count < total:
        warnings.append(f"only the first {count} of {total} pages were read (page limit)")
    pages = _read_pages(text, vocab, count, warnings)
    _ocr_scanned(text, vocab, pages, count, ocr, warnings)
    page_texts, rows, scanned, ocr_used = pages.texts, pages.rows, pages.scanned, pages.ocr_used
    head_rows = [r for i in range(min(2, count)) for r in rows.get(i, [])]
    head_text = "\n".join(page_texts[:_DETECT_PAGES])
    maker = detect_manufacturer(vocab, head_rows, head_text)
    model = detect_model(vocab, head_rows)
    detected = detect_category(vocab, head_text, head_rows, maker, model)
    if category is None:
        category = detected
    extractor = Extractor(vocab, source, category)
    extractor.models = [model] if model else []  # the document's own, before any other its pages name
    pages.relevant = sorted(pages.relevant + period_pages(vocab, page_texts, sorted(rows), pages.relevant, category))
    cands = apply_conditions(vocab.conditions, page_texts,
                             _candidates(text, tables, vocab, pages, source, category, extractor, warnings))
    below_stated_limit(cands, page_texts, vocab.detection_limit)
    doubt_other_vintage(cands, page_texts)
    apply_unit_statements(cands, page_texts, vocab.unit_statements)
    device_class = next((str(c.fact.value) for c in cands if c.field == "device_class"), None)
    doubt_other_loads(cands, page_texts, vocab, device_class)
    declared = declarations.find(vocab, page_texts, set(scanned) if ocr_used else set())
    cands = one_rating(declarations.settle(cands, declared, vocab, category, source), vocab)
    battery = battery_sample(vocab, head_rows)
    cands = _battery_parts(cands, vocab, battery)
    cands.extend(_battery_statements(vocab, rows, source, category))
    cands.extend(_scope_of_grades(cands, category))
    facts, more = finalize(cands, vocab, category, device_class)
    facts.extend(_holds_battery(facts, vocab))
    notice = correction_notice(vocab.correction_words, page_texts)
    if notice is not None and facts:
        facts = doubt_corrected(facts, notice)
        warnings.append(f"a correction notice ({notice}): every value of the document goes to a person")
    warnings.extend(hidden_warnings(text.hidden, scanned))
    warnings.extend(tables.warnings)
    warnings.extend(dict.fromkeys(extractor.unread))
    warnings.extend(more)
    if not facts:
        warnings.append("no facts found")
    return DocumentRead(source=source, category=category, model=model,
                        manufacturer=maker,
                        pages=total, ocr_used=ocr_used, facts=facts, warnings=warnings,
                        mentions=" ".join(part.casefold() for part in name_parts(head_text)),
                        psu_ratings=named_ratings(page_texts, source))


def _ocr_layer_page(hidden: HiddenText | None, visible: int) -> bool:
    """A scanned page with an invisible OCR layer (render mode 3 over the image, or text under it),
    read by OCR like any scan: most of its text is hidden (a stamp or a page number may be printed)."""
    return hidden is not None and hidden.images and len(hidden.chars) > visible


def hidden_warnings(hidden: dict[int, HiddenText], scanned: list[int]) -> list[str]:
    """One line per page whose invisible text was left out; scanned pages' OCR layers in one line."""
    layers = [i + 1 for i in sorted(hidden) if i in scanned]
    lines = [hidden[i].warning() for i in sorted(hidden) if i not in scanned]
    if layers:
        pages = ", ".join(str(page) for page in layers)
        lines.insert(0, f"page{'s' if len(layers) > 1 else ''} {pages}: invisible text layer (a scanner's OCR or "
                        "hidden text) not used; read as a scanned page")
    return lines
