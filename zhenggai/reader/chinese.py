"""A simplified-character copy of traditional text, for matching keywords only: what the
reader stores and shows stays as written."""

from functools import cache, lru_cache

import opencc


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=8192)
def simplified(text: str) -> str:
    """Slow on long texts (a few µs a character): meant for headings and labels."""
    return str(_converter().convert(text))
