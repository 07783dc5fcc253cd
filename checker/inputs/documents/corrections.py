"""A document that carries a correction notice: its printed values may not be the ones that hold.

A test report's errata page ("更正说明", "勘误页", "报告更正通知单", "Errata", "Corrigendum") corrects values by their
item number ("表1 序号 3 的检测结果更正为 93.81%"), their place ("第1页第4行数值更正为 1.43") or a bare digit ("等级数字
'1' 为笔误，应为 '2'"), without the field's label the reader would need to know which value it replaces. Which values
it changes is for a person: every value of such a document is doubtful, with the notice named
(``correction_notices`` of catalogs/vocabulary.yaml). "Power factor correction" names none of the words.
"""

from __future__ import annotations

from checker.inputs.documents.numbers import fold_key
from checker.inputs.documents.vocabulary import Label, any_label
from checker.models import DOUBT_PREFIXES, Fact


def correction_notice(words: list[Label], page_texts: list[str]) -> str | None:
    """Where the document's first correction notice is ("p.2: 勘误页"), or None when it carries none."""
    for number, text in enumerate(page_texts, start=1):
        for line in text.splitlines():
            if any_label(words, fold_key(line)):
                line = " ".join(line.split())
                return f"p.{number}: {line if len(line) <= 60 else line[:59] + '…'}"
    return None


def doubt_corrected(facts: list[Fact], where: str) -> list[Fact]:
    """``facts`` of a document whose correction notice is at ``where``, each doubtful (one already doubtful, or a
    declaration, keeps its own note first)."""
    doubt = f"doubtful: the document carries a correction notice ({where}); which values it changes is for a person"
    out = []
    for fact in facts:
        notes = [fact.note, doubt] if fact.note.startswith(DOUBT_PREFIXES) else [doubt, fact.note]
        out.append(fact.model_copy(update={"note": "; ".join(note for note in notes if note)}))
    return out
