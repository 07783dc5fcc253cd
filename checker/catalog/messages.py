"""Every string a person reads, in Chinese and English, loaded from ``catalogs/i18n/{zh,en}.yaml``.

``message(key, lang, **values)`` looks a string up and formats it; an unknown key comes back as the
key itself, so a typo shows on screen instead of crashing a page. Both files must hold the same keys
(tests/test_i18n.py checks it).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Literal

from checker.catalog.files import read_yaml

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")


@cache
def strings(lang: str) -> dict[str, str]:
    """All strings of one language (``zh`` or ``en``; anything else reads as ``en``)."""
    name = "zh" if lang == "zh" else "en"
    data = read_yaml(f"i18n/{name}.yaml") or {}
    return {str(k): str(v) for k, v in data.items()}


def message(key: str, lang: str, **values: object) -> str:
    """The string ``key`` in ``lang``, formatted with ``values``; the key itself if unknown."""
    text = strings(lang).get(key)
    if text is None:
        text = strings("en").get(key, key)
    return text.format(**values) if values else text


def has(key: str) -> bool:
    """Whether ``key`` is a known string."""
    return key in strings("en")


@cache
def note_patterns(lang: str) -> list[tuple[re.Pattern[str], str]]:
    """The engine's notes (written in English in the JSON) → the words of ``lang``, as data.

    ``catalogs/i18n/notes.yaml`` lists a regular expression over a note part and its rendering in
    each language (``{1}``, ``{2}`` … are the captured groups, themselves translated).
    """
    data = read_yaml("i18n/notes.yaml") or []
    name = "zh" if lang == "zh" else "en"
    return [(re.compile(entry["en"] if "match" not in entry else entry["match"]), entry.get(name, "{0}"))
            for entry in data]


_HAN_ASIDE = re.compile(r"\s*\([^()]*[\u4e00-\u9fff][^()]*\)")  # "(固定端口)" beside English words


@cache
def catalog_phrases(lang: str) -> dict[str, str]:
    """Phrases of the clause catalog the notes quote — band-table titles, what was assumed or must be asked
    (``title_en``/``assumed_en``/``ask_en``) → their words in ``lang``."""
    from checker.catalog.clauses import load_catalog

    catalog = load_catalog()
    phrases = {table.title_en: table.title_zh if lang == "zh" else table.title_en
               for table in catalog.band_tables.values()}
    for clause in catalog.clauses:
        for condition in clause.applies_when:
            for en, zh in ((condition.assumed_en, condition.assumed_zh), (condition.ask_en, condition.ask_zh)):
                if en:
                    phrases[en] = zh if lang == "zh" and zh else _HAN_ASIDE.sub("", en)
    return phrases


@lru_cache(maxsize=65_536)  # a batch repeats the same notes: each is worked out once
def note(text: str, lang: str) -> str:
    """A note in ``lang``: each ``; ``-separated part translated by :func:`note_patterns` (as is if none fits)."""
    if not text:
        return text
    joiner = "；" if lang == "zh" else "; "
    glue = "\x00"  # a phrase of the catalog with "; " inside stays one part
    for phrase in catalog_phrases(lang):
        if "; " in phrase and phrase in text:
            text = text.replace(phrase, phrase.replace("; ", glue))
    parts = [part.strip().replace(glue, "; ") for part in text.split("; ") if part.strip()]
    text = text.replace(glue, "; ")
    whole = any(pattern.fullmatch(text.strip()) for pattern, _ in note_patterns(lang))
    if whole and not all(_known_part(part) for part in parts):  # one note with "; " inside it
        return _part(text.strip(), lang)
    return joiner.join(_part(part, lang) for part in parts)


def _known_part(part: str) -> bool:
    """Whether ``part`` is one of the notes the patterns know."""
    return part in catalog_phrases("en") or any(pattern.fullmatch(part) for pattern, _ in note_patterns("en"))


def known(text: str) -> bool:
    """Whether every ``; ``-separated part of ``text`` is one of the engine's notes (not input quoted as is)."""
    patterns = [pattern for pattern, _ in note_patterns("en")]
    return any(p.fullmatch(text.strip()) for p in patterns) or all(
        any(p.fullmatch(part.strip()) for p in patterns) for part in text.split("; ") if part.strip())


@cache
def field_labels(lang: str) -> dict[str, str]:
    """A field's English label (as the engine's notes name it) → its label in ``lang`` (catalogs/fields.yaml)."""
    from checker.catalog.fields import load_fields
    from checker.catalog.files import catalog_dir

    fields, _ = load_fields(catalog_dir())
    return {spec.label_en: (spec.label_zh if lang == "zh" else spec.label_en) for spec in fields.values()}


def _part(part: str, lang: str) -> str:
    for pattern, template in note_patterns(lang):
        found = pattern.fullmatch(part)
        if found:
            groups = [found.group(0), *(note(g, lang) if g else "" for g in found.groups())]
            return template.format(*groups)
    return catalog_phrases(lang).get(part) or field_labels(lang).get(part, part)
