"""Why an energy grade read from a row may not be the grade a clause of the product's category means.

A grade is a grade of one edition of one product's standard, of one product:

- an edition other than the newest in catalogs/grades ("能效等级：1级（GB 18613-2012）": grade 1 of 2012 is about
  grade 2 of 2020);
- another product's grading standard ("能效等级：1级（GB 21520）" on a desktop: the monitors' standard; the clauses of
  catalogs/clauses name each category's own);
- another part's grade (``grade_of_other_parts`` of catalogs/vocabulary.yaml: "显示器能效等级" on a desktop, the
  motor's grade on a pump's sheet).

Each makes the reading doubtful, for a person.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.catalog.clauses import load_catalog
from checker.catalog.grade_tables import load_grade_editions
from checker.inputs.documents.numbers import fold_key
from checker.inputs.documents.vocabulary import Vocabulary, any_label

_STANDARD = re.compile(r"\bgb\s*(?:/\s*t\s*)?(\d{4,5})(?![\d.])")
# any Chinese standard a grade row may name: GB, and the trade standards (YD/T telecom, JB/T machinery, SJ/T, QB/T…)
_ANY_STANDARD = re.compile(r"\b(gb|yd|jb|sj|qb|gb/z|jg|cecs|t/ca|t/cec)\s*(?:/\s*t\s*)?(\d{3,5})(?![\d.])")


def grade_doubt(vocab: Vocabulary, row_text: str, category: str | None) -> str | None:
    """Why the grade in ``row_text`` may not be the product's grade under its standard, else None."""
    key = fold_key(row_text)
    return (_superseded_edition(key, vocab.grade_editions) or _enterprise_standard(key) or _foreign_scheme(key)
            or _other_standard(key, category) or _other_part(vocab, key, category))


@lru_cache(maxsize=1)
def _foreign_schemes() -> tuple[re.Pattern[str], ...]:
    from checker.catalog.files import read_yaml

    return tuple(re.compile(p) for p in read_yaml("vocabulary.yaml").get("foreign_grade_schemes", []))


def _foreign_scheme(key: str) -> str | None:
    """A grade of a foreign scheme ("Tier 1 (EU 548/2014 Ecodesign)"): not the national grading standard's."""
    found = next((m for pattern in _foreign_schemes() if (m := pattern.search(key))), None)
    return f"a grade or class of a foreign scheme ({found.group(0)}), not of the national grading standard" \
        if found else None


def _superseded_edition(key: str, editions: dict[str, str]) -> str | None:
    for standard, newest in {**editions, **_newest_editions()}.items():
        number = re.escape(fold_key(standard)).replace(r"\ ", r"\s*")
        for found in re.finditer(number + r"\s*[-‐—–]\s*((?:19|20)\d{2})(?!\d)", key):
            if found.group(1) != newest:
                return (f"graded under {standard}-{found.group(1)}; the edition in force is {standard}-{newest}, "
                        "whose grades differ")
    return None


_ENTERPRISE = re.compile(r"(?<![a-z])q\s*/\s*[a-z0-9]{1,10}\s*[\d.]+(?:\s*[-‐—–]\s*(?:19|20)\d{2})?")


def _enterprise_standard(key: str) -> str | None:
    """A grade under an enterprise standard ("Q/LX 02-2012"): the company's own grading, not the national one."""
    found = _ENTERPRISE.search(key)
    return f"graded under an enterprise standard ({found.group(0).upper()}), not the national grading standard" \
        if found else None


def _other_standard(key: str, category: str | None) -> str | None:
    """A grade row naming a standard that is not one of the category's grading standards: another product's
    ("GB 21520" on a desktop, "GB 24850" the televisions'), or a trade standard ("YD/T 2165" telecom UPS)."""
    own = _grading_standards().get(category or "", frozenset())
    if not own:
        return None
    for found in _ANY_STANDARD.finditer(key):
        prefix, number = found.group(1), found.group(2)
        if prefix == "gb" and number in own:
            continue
        owners = sorted(c for c, numbers in _grading_standards().items() if number in numbers and prefix == "gb")
        whose = (f"the standard of another product ({', '.join(owners)})" if owners
                 else "not this product's grading standard")
        mine = ", ".join(f"GB {n}" for n in sorted(own))
        return f"graded under {found.group(0).upper()}, {whose}; a {category}'s grade is under {mine}"
    return None


def _other_part(vocab: Vocabulary, key: str, category: str | None) -> str | None:
    part = next((label for label in vocab.grade_of_other_parts.get(category or "", []) if any_label([label], key)),
                None)
    return f"the grade of another part ({part.text}), not the {category}'s own" if part else None


@lru_cache(maxsize=1)
def _grading_standards() -> dict[str, frozenset[str]]:
    """Each category's grading standards, by number ("desktop" → {"28380"}), from its grade clauses."""
    out: dict[str, set[str]] = {}
    for clause in load_catalog().clauses:
        if clause.quantity != "energy_grade":
            continue
        numbers = set(_STANDARD.findall(fold_key(" ".join((clause.method_zh, clause.title_en, clause.title_zh)))))
        for category in clause.categories:
            out.setdefault(category, set()).update(numbers)
    return {category: frozenset(numbers) for category, numbers in out.items()}


@lru_cache(maxsize=1)
def _newest_editions() -> dict[str, str]:
    """The newest edition of each grading standard in catalogs/grades ("GB 18613" → "2020")."""
    newest: dict[str, str] = {}
    for edition in load_grade_editions():
        newest[edition.standard] = max(newest.get(edition.standard, ""), edition.edition)
    return newest


def implied_scope(row_text: str, category: str | None) -> dict[str, str]:
    """The scope a grade row's standard implies where the category grades several kinds of product under their own
    standards ("能效等级 1级（GB 19576-2019）" on a cooling unit: a unitary air conditioner's grade, so cooling_type is
    unitary_ac): a document that calls the unit a chiller then conflicts, for a person, instead of passing the
    chiller's clause on the unitary standard's grade."""
    implied: dict[str, set[str]] = {}
    for number in set(_STANDARD.findall(fold_key(row_text))):
        for field, value in _scope_of_standard(category or "").get(number, ()):
            implied.setdefault(field, set()).add(value)
    return {field: values.pop() for field, values in implied.items() if len(values) == 1}


@lru_cache(maxsize=32)
def _scope_of_standard(category: str) -> dict[str, tuple[tuple[str, str], ...]]:
    """For each grading standard of ``category``'s clauses that apply to one kind (``applies_when`` a field equal to
    a value): that (field, value)."""
    out: dict[str, set[tuple[str, str]]] = {}
    for clause in load_catalog().clauses:
        if clause.quantity != "energy_grade" or category not in clause.categories:
            continue
        kinds = [(c.field, str(c.equals)) for c in clause.applies_when if isinstance(c.equals, str)]
        if len(kinds) != 1:
            continue
        for number in _STANDARD.findall(fold_key(" ".join((clause.method_zh, clause.title_en, clause.title_zh)))):
            out.setdefault(number, set()).add(kinds[0])
    return {number: tuple(sorted(kinds)) for number, kinds in out.items()}
