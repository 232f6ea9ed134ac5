"""A simplified-character copy of traditional text, for matching keywords only: what the
reader stores and shows stays as written."""

from functools import cache, lru_cache

import opencc


@cache
def _converter() -> opencc.OpenCC:
    converter = opencc.OpenCC("t2s")
    converter.convert("")  # reads its dictionaries
    return converter


@cache
def _traditional() -> frozenset[str]:
    """Characters of which every text the conversion changes holds one: each character it
    converts on its own, and the last character of each phrase it converts that has none of
    those (a phrase is converted only where the whole of it is present)."""
    keys = [
        key for group in _converter()._dict_chain_data for _, _, words in group for key in words
    ]
    singles = {key for key in keys if len(key) == 1}
    return frozenset(singles | {key[-1] for key in keys if singles.isdisjoint(key)})


def simplified(text: str) -> str:
    """Meant for headings and labels: a conversion costs about a tenth of a millisecond even
    for a short text, so text of simplified characters (most of what the reader sees, a
    document of 800,000 items among it) is its own copy without one."""
    if _traditional().isdisjoint(text):
        return text
    return _converted(text)


@lru_cache(maxsize=8192)
def _converted(text: str) -> str:
    return str(_converter().convert(text))
