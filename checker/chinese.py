"""One written form of Chinese for matching: Traditional (電源效率, 功率因數, 負載) and Japanese (効率, 目標値) forms of
a text folded to the Simplified forms the vocabulary and the catalog headers are written in.

OpenCC (``opencc``, its dictionaries inside the wheel) converts Japanese shinjitai to Traditional, then Traditional to
Simplified. Only texts with a CJK ideograph are converted, and a conversion that would change a text's length (a
phrase mapped to one of another length) is not taken, so positions in the folded text stay those of the characters.
Evidence always quotes the text as printed; this form is only what labels are looked for in.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_IDEOGRAPH = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Japanese forms OpenCC's shinjitai table leaves as they are, and the Simplified form they stand for
_LEFT = str.maketrans({"値": "值"})


@lru_cache(maxsize=1)
def _converters() -> tuple[Any, Any]:
    import opencc

    return opencc.OpenCC("jp2t"), opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """``text`` with its Traditional and Japanese characters in their Simplified forms, else unchanged."""
    if not _IDEOGRAPH.search(text):
        return text
    japanese, traditional = _converters()
    converted: str = traditional.convert(japanese.convert(text)).translate(_LEFT)
    return converted if len(converted) == len(text) else text
