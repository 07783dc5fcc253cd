"""Interface strings in Chinese and English — the data is ``catalogs/i18n/{zh,en}.yaml``.

``t(key, lang)`` looks a string up (:func:`checker.catalog.messages.message`); a missing key falls back to
the key itself so a typo shows on screen instead of crashing the page.
"""

from __future__ import annotations

from checker.catalog.messages import LANGS, Lang, message, strings

__all__ = [
    "LANGS",
    "LANG_NAMES",
    "NOISE_LABELS",
    "STRINGS",
    "VERDICT_ICONS",
    "Lang",
    "section_key",
    "section_title",
    "status_label",
    "t",
    "verdict_label",
]

LANG_NAMES: dict[str, str] = {"zh": "中文", "en": "English"}
VERDICT_ICONS: dict[str, str] = {"pass": "green", "fail": "red", "incomplete": "orange"}
STRINGS: dict[str, dict[str, str]] = {key: {lang: strings(lang).get(key, "") for lang in LANGS}
                                      for key in strings("en")}
NOISE_LABELS: dict[str, dict[str, str]] = {lang: {side: message(f"side.{side}", lang)
                                                  for side in ("front", "back", "left", "right")}
                                           for lang in LANGS}
SECTION_KEYS: tuple[str, ...] = tuple(key.removeprefix("section.") for key in strings("en")
                                      if key.startswith("section."))


def t(key: str, lang: str, **values: object) -> str:
    """The string ``key`` in ``lang`` (zh or en), formatted with ``values``; the key itself if unknown."""
    return message(key, lang, **values)


def status_label(status: str, lang: str) -> str:
    """A clause status for people (符合 / pass ...)."""
    return message(f"status.{status}", lang) if f"status.{status}" in strings("en") else status


def verdict_label(verdict: str, lang: str) -> str:
    """A product verdict for people (不符合 / fail ...)."""
    return message(f"verdict.{verdict}", lang) if f"verdict.{verdict}" in strings("en") else verdict


def section_key(section: str) -> str:
    """The heading a clause section belongs under: the longest known section key that prefixes it."""
    best = section.split(".")[0]
    for key in SECTION_KEYS:
        if (section == key or section.startswith(key + ".")) and len(key) > len(best):
            best = key
    return best


def section_title(key: str, lang: str) -> str:
    """The heading of a section key (the key itself if unknown)."""
    name = f"section.{key}"
    return message(name, lang) if name in strings("en") else key
