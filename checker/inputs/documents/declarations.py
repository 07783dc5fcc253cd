"""Declarations of conformity (INTERFACE §6): "less than 0.1 % by weight each of lead, mercury...",
"符合 GB/T 26572 要求", a RoHS table of "Maximum Limit (ppm)" values. A declaration restates a
limit; it is not a measurement, so it can never pass (or fail) a substance clause.

Before the document's clean-up, :func:`settle` looks at the readings of the substance fields
(``declarations.fields`` of vocabulary.yaml):

* a reading equal to the limit of its clause (1000 mg/kg = 0.1 %, 100 mg/kg = 0.01 %) restates the
  limit: a declaration when the document declares conformity, or the value is printed as a bound
  ("< 0.1 %") or in percent; otherwise doubtful (a person confirms it is a measurement);
* in a document that declares conformity, any other reading that was not read in a result column
  or after a result word, and is not a non-detect, is a figure of the declaration ("alloys
  containing 85 % lead" of an exemption list), not a test result;
* a field with a measurement keeps its measurements only; a field without one keeps one
  declaration (a limit-table row first, then a restated limit, then any figure), or gets one from
  a declaration sentence that covers it;
* every declaration note names the RoHS exemptions the document cites ("7(c)-I").

Facts whose note starts with "declaration" or "doubtful" make their clause manual_review.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from checker.catalog.clauses import load_catalog
from checker.inputs.documents.candidates import Candidate
from checker.inputs.documents.numbers import fold, fold_key
from checker.inputs.documents.vocabulary import DeclarationWords, Label, Labels, Vocabulary, any_label
from checker.models import Evidence, Fact
from checker.units import convert

NOTE = "declaration of conformity, not a measurement"
_QUOTE = 200  # characters of a declaration sentence quoted in the note
_JOIN_AFTER = re.compile(r"[,，、(\-]$")
_JOIN_BEFORE = re.compile(r"^[a-z(]")
_RUNS_ON = 40  # a line this long ending in a word runs on into the next (a short one is a title)
_SENTENCE_END = re.compile(r"(?<=[。；;!?！？])\s*|(?<=[a-z)\]%\d]\.)\s+(?=[A-Z(“\"])")


@dataclass(frozen=True)
class Declaration:
    """One declaration sentence: its page (1-based), its text as printed, the fields it covers."""

    page: int
    text: str
    fields: tuple[str, ...]
    named: tuple[str, ...] = ()  # the fields the sentence names (the others it covers as "RoHS")
    ocr: bool = False


@dataclass
class Declared:
    """What a document declares: its declaration sentences and the exemptions it cites."""

    sentences: list[Declaration] = field(default_factory=list)
    exemptions: list[str] = field(default_factory=list)
    mentions_exemptions: bool = False

    def sentence_for(self, name: str) -> Declaration | None:
        """The sentence to quote for field ``name``: the first that names it, else the first covering it."""
        named = next((s for s in self.sentences if name in s.named), None)
        return named or next((s for s in self.sentences if name in s.fields), None)

    def suffix(self) -> str:
        """The part of a declaration note that names the exemptions cited."""
        if self.exemptions:
            return "; the document cites RoHS exemption(s) " + ", ".join(self.exemptions)
        return "; the document mentions exemptions" if self.mentions_exemptions else ""


def _probed(labels: list[Label], key: str) -> bool:
    """True when the probe of one of ``labels`` is in ``key``: none can be found in a text without its probe
    (a probe holds no space, so it lies within one line of a page's folded text)."""
    return labels.may_occur(key) if isinstance(labels, Labels) else any(lab.probe in key for lab in labels)


def _found(labels: list[Label], key: str) -> bool:
    return any_label(labels, key)


def sentences(page_text: str) -> list[str]:
    """The sentences of a page's text (folded): lines joined where a sentence runs on (a line ending
    in a comma, a next line starting in lower case, a long line ending in a word), split at sentence
    ends."""
    paragraphs: list[str] = []
    for line in (fold(x) for x in page_text.splitlines()):
        if not line:
            continue
        if paragraphs and (_JOIN_AFTER.search(paragraphs[-1]) or _JOIN_BEFORE.match(line)
                           or (paragraphs[-1][-1:].islower() and len(paragraphs[-1]) >= _RUNS_ON)):
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
    return [s for p in paragraphs for s in _SENTENCE_END.split(p) if s.strip()]


def find(vocab: Vocabulary, page_texts: list[str], ocr_pages: set[int] | None = None) -> Declared:
    """Declaration sentences and cited exemptions of a document (``page_texts``: one per page)."""
    words = vocab.declarations
    declared = Declared()
    keys = [fold_key(text) for text in page_texts]
    for index, text in enumerate(page_texts):
        if not (_probed(words.phrases, keys[index]) and _probed(words.subjects, keys[index])):
            continue  # a declaration sentence holds a declaring phrase and a subject: this page has no sentence of one
        for sentence in sentences(text):
            named, covered, at = _covers(vocab, words, sentence)
            if covered:
                declared.sentences.append(Declaration(index + 1, _quote(sentence, at), covered, named,
                                                      index in (ocr_pages or set())))
    if not any(_probed(words.exemption_words, key) for key in keys):
        return declared  # no page names an exemption
    everything = fold("\n".join(page_texts))
    declared.mentions_exemptions = _found(words.exemption_words, everything.lower())
    if declared.mentions_exemptions:
        codes = (re.sub(r"\s+", "", m.group(0)) for m in words.exemption.finditer(everything))
        declared.exemptions = list(dict.fromkeys(codes))
    return declared


def _covers(vocab: Vocabulary, words: DeclarationWords,
            sentence: str) -> tuple[tuple[str, ...], tuple[str, ...], int]:
    """The substance fields a declaration sentence names, those it covers (one that names none covers
    them all) and where its declaring phrase starts. A declaration holds a declaring phrase and a
    subject (RoHS, GB/T 26572, homogeneous material...): "铅：不超过5 mg/kg" alone is a bound, not a
    declaration. Nothing when the sentence is not a declaration."""
    key = sentence.lower()
    at = min((m.start() for lab in words.phrases if lab.probe in key for m in lab.pattern.finditer(key)), default=-1)
    if at < 0 or not _found(words.subjects, key) or _found(words.nonconformity, key):
        return (), (), 0
    named = tuple(dict.fromkeys(h.rule.name for h in vocab.hits(key, None) if h.rule.name in words.fields))
    return named, named or words.fields, at


def _quote(sentence: str, at: int = 0) -> str:
    """``sentence``, or a window of it around position ``at`` (its declaring phrase) when it is long."""
    if len(sentence) <= _QUOTE:
        return sentence
    start = max(0, min(at - _QUOTE // 2, len(sentence) - _QUOTE))
    window = sentence[start:start + _QUOTE].strip()
    return ("…" if start else "") + window + ("…" if start + _QUOTE < len(sentence) else "")


@lru_cache(maxsize=1)
def _limits() -> dict[str, float]:
    """The mg/kg limit of each substance clause (catalogs/clauses), by field."""
    return {c.quantity: float(c.limit) for c in load_catalog().clauses
            if c.quantity and c.limit is not None and c.unit == "mg/kg" and c.op == "<="}


def settle(cands: list[Candidate], declared: Declared, vocab: Vocabulary, category: str | None,
           source: str) -> list[Candidate]:
    """The document's candidates with restated limits and declarations handled (see the module doc)."""
    fields = vocab.declarations.fields
    for cand in cands:
        if cand.field in fields and not cand.fact.note.startswith(NOTE):
            cand.fact = _reading(cand, declared)
    measured = {c.field for c in cands if c.field in fields and not c.fact.note.startswith(NOTE)}
    best: dict[str, Candidate] = {}
    for cand in sorted((c for c in cands if c.field in fields and c.field not in measured), key=_rank):
        if _rank(cand) < 2 or declared.sentence_for(cand.field) is None:
            best.setdefault(cand.field, cand)
    out = [c for c in cands if c.field not in fields or best.get(c.field) is c
           or (c.field in measured and not c.fact.note.startswith(NOTE))]
    for name in fields:
        sentence = declared.sentence_for(name)
        if name not in measured and name not in best and sentence and vocab.field_allowed(name, category):
            evidence = Evidence(source=source, page=sentence.page, text=sentence.text, ocr=sentence.ocr)
            out.append(Candidate(name, Fact(field=name, evidence=[evidence], note=f"{NOTE}: “{sentence.text}”")))
    for cand in out:
        if cand.fact.note.startswith(NOTE) and declared.suffix():
            cand.fact = cand.fact.model_copy(update={"note": cand.fact.note + declared.suffix()})
    return out


def _rank(cand: Candidate) -> int:
    """Which declaration of a field to show: a limit-table row, then a restated limit, then (after a
    declaration sentence covering the field) any other figure."""
    if "declaration" in cand.tags:
        return 0
    return 1 if "restates the limit" in cand.fact.note else 2


def _reading(cand: Candidate, declared: Declared) -> Fact:
    """A substance reading as it stands in this document: a restated limit, a figure of a declaration
    (not read in a result column or after a result word, not a non-detect), or a measurement."""
    fact = cand.fact
    text = _quote(fact.evidence[0].text if fact.evidence else "")
    limit = _at_limit(fact)
    if limit is not None:
        if declared.sentences or fact.qualifier or fact.unit == "%":
            return fact.model_copy(update={"note": f"{NOTE}: “{text}” restates the limit ({limit:g} mg/kg)"})
        return fact.model_copy(update={"note": f"doubtful: the value equals the limit ({limit:g} mg/kg); "
                                               "a restated limit rather than a measurement? confirm on the page"})
    if declared.sentences and "result" not in cand.tags and fact.qualifier != "nd":
        return fact.model_copy(update={"note": f"{NOTE}: “{text}” (a figure of a declaration, not a test result)"})
    return fact


def _at_limit(fact: Fact) -> float | None:
    """The limit of the fact's clause when the fact's value equals it (1000 mg/kg = 0.1 %), else None."""
    limit = _limits().get(fact.field)
    value = fact.value
    if limit is None or fact.qualifier not in ("", "lt", "le") or not isinstance(value, int | float) \
            or isinstance(value, bool):
        return None
    try:
        in_mg_kg = convert(float(value), fact.unit or "mg/kg", "mg/kg")
    except ValueError:
        return None
    return limit if math.isclose(in_mg_kg, limit, rel_tol=1e-9) else None
