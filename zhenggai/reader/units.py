"""Names of units, found in a measure's text or split from a ledger cell."""

import re
from functools import lru_cache

# The political-legal system's usual names; callers may pass their own round's units.
KNOWN_UNITS = (
    "市委政法委",
    "政法委",
    "市中级人民法院",
    "中级人民法院",
    "人民法院",
    "市法院",
    "法院",
    "市人民检察院",
    "人民检察院",
    "市检察院",
    "检察院",
    "市公安局",
    "公安局",
    "市司法局",
    "司法局",
    "派出所",
    "司法所",
    "人民法庭",
    "基层法庭",
    "市纪委监委",
    "纪委监委",
    "市委组织部",
    "组织部",
    "市委宣传部",
    "宣传部",
    "网信办",
    "信访局",
    "综治中心",
)
_SEPARATORS = re.compile(r"[、，,；;/／\s]+")


def find_units(text: str, known: tuple[str, ...] = KNOWN_UNITS) -> list[str]:
    """Known unit names in order of appearance, the longest name where names overlap."""
    return list(dict.fromkeys(_pattern(known).findall(text)))


def split_units(cell: str) -> list[str]:
    return [name for name in _SEPARATORS.split(cell.strip()) if name]


@lru_cache(maxsize=16)
def _pattern(known: tuple[str, ...]) -> re.Pattern[str]:
    names = sorted(known, key=len, reverse=True)
    return re.compile("|".join(re.escape(name) for name in names) or "(?!)")
