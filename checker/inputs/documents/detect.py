"""Category, model and manufacturer detection from a document's first pages."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from checker.inputs.documents.numbers import fold, fold_key
from checker.inputs.documents.text import Row
from checker.inputs.documents.vocabulary import Label, Vocabulary, any_label

_MIN_SCORE = 3.0
_MODEL_TOKEN = re.compile(r"(?<![A-Za-z0-9])[A-Z]{1,5}-?\d{1,5}[A-Z][A-Za-z0-9-]*(?![A-Za-z0-9])")  # NX4839Pro
# without a labelled model, tokens of the first lines that may name one ("CE-5055", "S5735"), to read the noun after
# them ("the CE-5055 switch from …"): "Sanyuan Cable CE-5055" is named by "switch", not by an "RS232 cable" further on
# a signing service's envelope or a document's id ("DocuSign Envelope ID: CE6CFC3B-581B-4D54-83DD-78FDF6B88F4D")
_GUID = re.compile(r"[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}", re.IGNORECASE)
_MODEL_LIKE = re.compile(r"(?<![a-z0-9./-])[a-z]{1,5}-?\d{3,5}[a-z0-9-]*(?![a-z0-9])")
_MODEL_LIKE_MAX = 6
_MODEL_LIKE_ROWS = 5
_VALUE_RE = re.compile(r"^[\s:：]*([A-Za-z0-9][A-Za-z0-9 ._/+\-()]{1,40})")


_PATTERNS: dict[int, dict[str, list[tuple[str, re.Pattern[str], float]]]] = {}


def _keyword_patterns(vocab: Vocabulary) -> dict[str, list[tuple[str, re.Pattern[str], float]]]:
    cached = _PATTERNS.get(id(vocab))
    if cached is None:
        cached = {}
        for category, words in vocab.categories.items():
            cached[category] = [
                (word, re.compile(re.escape(word) if not re.fullmatch(r"[a-z0-9 +\-]+", word)
                                  else r"(?<![a-z0-9])" + re.escape(word) + r"(?![a-z0-9])"), weight)
                for word, weight in words.items()]
        _PATTERNS[id(vocab)] = cached
    return cached


def detect_category(vocab: Vocabulary, text: str, title_rows: list[Row] | None = None,
                    maker: str | None = None, model: str | None = None) -> str | None:
    """The category named right after the ``model``'s name ("CE8069A switch", "HS-819E服务器") when one is; else
    the one whose product noun the first line holds alone; else the category whose keywords score highest in
    ``text`` (title and 样品名称 lines count three times), or None when nothing scores at least 3. The
    ``maker``'s name is not counted: a company called "Sanyuan Cable" or "… Power Supply Co." makes switches and
    servers too."""
    without = _without(maker)

    def unnamed(key: str) -> str:
        return _descriptions_out(vocab, without(key))

    key = unnamed(fold_key(text))
    title = " ".join(fold_key(r.text) for r in (title_rows or [])[:_MODEL_LIKE_ROWS])
    named = _after_model(key, model) if model else " ".join(
        _after_model(key, token) for token in dict.fromkeys(_MODEL_LIKE.findall(title)[:_MODEL_LIKE_MAX]))
    boost = ""
    for row in title_rows or []:
        rkey = unnamed(fold_key(row.text))
        if any(lab.pattern.search(rkey) for lab in vocab.identity["sample"]):
            boost += " " + rkey
    boost += " " + " ".join(unnamed(fold_key(r.text)) for r in (title_rows or [])[:3])
    scores: dict[str, float] = {}
    for category, words in _keyword_patterns(vocab).items():
        score = 0.0
        for word, pattern, weight in words:
            if word in key:
                score += weight * min(len(pattern.findall(key)), 5)
            if word in boost:
                score += 2 * weight * min(len(pattern.findall(boost)), 2)
        scores[category] = score
    nouns = {category for category, words in _keyword_patterns(vocab).items()  # a unit ("400 kVA") is no noun
             if any(weight >= _NAMING_WORD and word in named and pattern.search(named)
                    for word, pattern, weight in words)}
    if len(nouns) == 1:  # the document says what the model is: "CE8069A switch", "HS-819E服务器"
        return _covered(nouns.pop())
    titled = _title_noun(vocab, unnamed(fold_key(title_rows[0].text)) if title_rows else "")
    if titled is not None:  # its title does: "NGF-3000 Next-Generation Firewall" over a switch module's words
        return _covered(titled)
    best = max(scores, key=lambda c: scores[c]) if scores else None
    return _covered(best) if best is not None and scores[best] >= _MIN_SCORE else None


_NAMING_WORD = 2  # a keyword of weight 1 is a feature or a unit ("kVA", "端口", "head"): after a model it names nothing
_PRODUCT_NOUN = 5  # a keyword this heavy names a product ("firewall", "以太网交换机"), not a feature ("switch")
_NOUN = 4  # a keyword this heavy may name the product ("notebook", "server"): it wins over a parenthesis after it
_BEFORE_PARENTHESIS = 24  # characters before a parenthesis in which the noun it describes is looked for
_PARENTHESIS = re.compile(r"\(([^()\n]*)\)")
_DESCRIBED: dict[int, re.Pattern[str]] = {}


def _described(vocab: Vocabulary) -> re.Pattern[str]:
    """A product noun followed by a word of ``category_descriptions`` ("desktop replacement", "台式机替代型")."""
    cached = _DESCRIBED.get(id(vocab))
    if cached is None:
        nouns = sorted({w for words in vocab.categories.values() for w, weight in words.items()
                        if weight >= _PRODUCT_NOUN}, key=len, reverse=True)
        words = sorted(vocab.category_descriptions, key=len, reverse=True)
        cached = re.compile(r"(?<![a-z0-9])(?:" + "|".join(re.escape(n) for n in nouns) + r")[\s-]*(?:"
                            + "|".join(re.escape(w) for w in words) + r")(?![a-z])")
        _DESCRIBED[id(vocab)] = cached
    return cached


def _named_categories(vocab: Vocabulary, text: str) -> set[str]:
    """The categories whose nouns (keywords of weight ``_NOUN`` or more) the folded ``text`` holds."""
    return {category for category, words in _keyword_patterns(vocab).items()
            if any(weight >= _NOUN and word in text and pattern.search(text) for word, pattern, weight in words)}


def _descriptions_out(vocab: Vocabulary, key: str) -> str:
    """The folded ``key`` without what describes its product by another one: a product noun followed by a word of
    ``category_descriptions`` ("desktop replacement notebook"), and a parenthesis that names only other categories
    than the noun just before it ("notebook computer (17.3-inch, replaces a desktop)")."""
    key = _described(vocab).sub(lambda m: " " * len(m.group()), key)

    def blank(m: re.Match[str]) -> str:
        before = key[max(0, m.start() - _BEFORE_PARENTHESIS):m.start()].rsplit("\n", 1)[-1]
        outside = _named_categories(vocab, before)
        inside = _named_categories(vocab, m.group(1))
        return " " * len(m.group()) if outside and inside and not inside & outside else m.group()

    return _PARENTHESIS.sub(blank, key)


def _title_noun(vocab: Vocabulary, title: str) -> str | None:
    """The one category whose product noun the document's first line holds, else None."""
    found = {category for category, words in _keyword_patterns(vocab).items()
             if any(weight >= _PRODUCT_NOUN and word in title and pattern.search(title)
                    for word, pattern, weight in words)}
    return found.pop() if len(found) == 1 else None


def _covered(category: str) -> str | None:
    """``category``, or None for the products the standard does not cover (the vocabulary's ``_not_covered``)."""
    return None if category.startswith("_") else category


_AFTER_MODEL = 16  # characters after a model's name that say what it is, and the rest of a word they cut
_WORDS_AFTER = re.compile(rf"[\s\S]{{0,{_AFTER_MODEL}}}[a-z]*")  # "is a desktop fi" is "is a desktop firewall"


def _after_model(key: str, model: str | None) -> str:
    """The words that follow each mention of ``model`` on its line of the folded ``key`` ("ce8069a switch from …"):
    the next line's "端口" says nothing of what the model is."""
    name = fold_key(model or "").strip()
    if len(name) < 3:
        return ""
    return " ".join(_words_after(key, m.end()) for m in re.finditer(re.escape(name), key))


def _words_after(key: str, at: int) -> str:
    """The words at ``key[at:]`` on their line, cut after about :data:`_AFTER_MODEL` characters (not within a word)."""
    found = _WORDS_AFTER.match(key, at)
    return found.group(0).split("\n", 1)[0] if found else ""


def _without(maker: str | None) -> Callable[[str], str]:
    """A function that blanks the folded ``maker`` name out of a folded text (none: the text as it is)."""
    name = fold_key(maker or "").strip()
    if len(name) < 3:
        return lambda key: key
    return lambda key: key.replace(name, " ")


def _labelled(rows: list[Row], labels: list[Label]) -> str | None:
    """The value after the first of ``labels`` (the vocabulary's identity labels, longest first: "model tested"
    before "model") that starts a cell of ``rows``, else None."""
    for row in rows:
        for i, cell in enumerate(row.cells):
            key = fold_key(cell.text)
            for lab in labels:
                m = lab.pattern.match(key)
                if not m:
                    continue
                rest = _after_label(fold(cell.text)[m.end():].strip(" :：/"), labels)
                if not rest and i + 1 < len(row.cells):
                    rest = fold(row.cells[i + 1].text).strip(" :：")
                rest = re.split(r"\s{2,}|\s\|\s", rest)[0].strip()
                if rest and len(rest) <= 60:
                    return rest
    return None


def _after_label(rest: str, labels: list[Label]) -> str:
    """``rest``, the text after a label, without the same label in the other language ("型号规格 Model HX-D5100",
    "制造商 / Manufacturer: …")."""
    key = fold_key(rest)
    again = next((m for m in (lab.pattern.match(key) for lab in labels) if m), None)
    return rest[again.end():].strip(" :：/") if again else rest


def labelled_model(vocab: Vocabulary, row: Row) -> str | None:
    """The model a line of its own names ("样品型号：TX-200K", "Model | SR-200"), else None: a row of two cells at
    most, so that a table's "Model | A | B" header is none."""
    if len(row.cells) > 2:
        return None
    value = _labelled([row], vocab.identity["model"])
    if value is None:
        return None
    m = _VALUE_RE.match(value)
    value = m.group(1).strip() if m else value
    return value if re.search(r"\d", value) else None


def detect_model(vocab: Vocabulary, rows: list[Row]) -> str | None:
    """The model from a "型号规格 / Model:" line (label cell then value)."""
    value = _labelled(rows, vocab.identity["model"])
    if value is not None:
        m = _VALUE_RE.match(value)
        value = m.group(1).strip() if m else value
        if re.search(r"\d", value) and not re.search(r"\d\s*hz\b", value, re.IGNORECASE):
            return value
    for row in rows[:10]:
        text = fold(row.text)
        for m in _MODEL_TOKEN.finditer(text):
            if not _GUID.fullmatch(m.group(0)) and not vocab.part_model.search(fold_key(text[:m.start()])):
                return m.group(0)
    return None


def detect_manufacturer(vocab: Vocabulary, rows: list[Row], text: str) -> str | None:
    """The manufacturer from a labelled line, else the known brand named most often."""
    value = _labelled(rows, vocab.identity["manufacturer"])
    if value:
        return value
    counts: Counter[str] = Counter()
    for brand in vocab.brands:
        pattern = r"(?<![A-Za-z])" + re.escape(brand) + r"(?![A-Za-z])"
        n = len(re.findall(pattern, text))
        if n:
            counts[brand] = n
    return counts.most_common(1)[0][0] if counts else None


# a part the sample contains, in brackets: "台式微型计算机（含主板 CMOS 纽扣电池）", "Desktop (with coin cell)"
_CONTAINED = re.compile(r"[(（]\s*(?:含|包含|内含|带|附|with|incl|including|contains?)[^)）]*[)）]?")


def battery_sample(vocab: Vocabulary, rows: list[Row]) -> str | None:
    """The sample line of a test report whose sample is a battery ("样品名称 锂离子电池组", "Sample Description Li-ion
    battery pack") or its title ("电池有害物质检测摘要", "Coin Cell Test Summary"), else None. A line that only says the
    product holds a battery ("Battery: CR2032 coin cell on the mainboard"), or that the battery was not tested or that
    there is none, makes no sample of it: the report's table is the product's materials."""
    for index, row in enumerate(rows):
        key = _CONTAINED.sub(" ", fold_key(row.text))
        if not any_label(vocab.battery_samples, key) or battery_statement(vocab, row) is not None:
            continue
        sample = any(lab.pattern.match(key) for lab in vocab.identity["sample"])
        titled = index < _TITLE_ROWS and _TEST_WORDS.search(key) is not None  # "电池有害物质检测摘要", "Coin Cell Test"
        if sample or titled:
            return row.text.strip()
    return None


def battery_statement(vocab: Vocabulary, row: Row) -> bool | None:
    """What ``row`` says of the product's battery where it names one: False where it says the product holds none
    ("The product contains no battery (不含电池)"), True where it says the document did not test it ("CR2032 coin cell –
    not tested in this report", "本报告未对电池进行检测": the product holds one); else None."""
    key = fold_key(row.text)
    if not any_label(vocab.battery_samples, key):
        return None
    if any_label(vocab.battery_absent, key):
        return False
    return True if any_label(vocab.battery_not_tested, key) else None


def battery_heading(vocab: Vocabulary, row: Row) -> bool | None:
    """What a heading ``row`` (a line of one cell, or a section number and one cell) says of the part the rows under it
    are about: True for the battery ("Part A – Battery (Li-ion pack L23D3P73)", "二、电池检测结果"), False for another
    part ("Part B – Homogeneous materials", "样品 2：外壳"), None for no part, or for the battery and another subject
    ("有害物质及电池重金属含量"), or no heading."""
    cells = [cell.text for cell in row.cells if cell.text.strip()]
    if len(cells) == 2 and _SECTION_NUMBER.fullmatch(cells[0].strip()):
        cells = cells[1:]
    if len(cells) != 1 or len(cells[0].split()) > _HEADING_WORDS:
        return None
    key = fold_key(cells[0])
    if any_label(vocab.battery_samples, key):
        joined = any_label(vocab.battery_joined, key) and (any_label(vocab.declarations.subjects, key)
                                                         or any_label(vocab.part_words, key))
        return None if joined or battery_statement(vocab, row) is not None else True
    return False if any_label(vocab.part_words, key) else None


_SECTION_NUMBER = re.compile(r"(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[A-Za-z][.)]|\(?[a-zA-Z0-9]{1,2}\)"
                             r"|[一二三四五六七八九十]+[、.])")
_HEADING_WORDS = 14  # a heading is short; a sentence naming a battery is no heading


_TITLE_ROWS = 3
_TEST_WORDS = re.compile(r"检测|测试|检验|(?<![a-z])(?:test|tests|report|summary|analysis)(?![a-z])")
