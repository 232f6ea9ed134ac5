"""Word's automatic list numbering (numbering.xml), rendered the way Word shows it.

Numbers that exist only here, not in the text, are what a reader sees on screen ("一、",
"（一）", "1."), so the outline must see them too."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from xml.etree import ElementTree as ET

from zhenggai.reader import numerals
from zhenggai.reader.ooxml import W, to_int, val

LEVELS = 9


def _chinese_counting(n: int) -> str:
    # Word's chineseCounting agrees with the thousand variant below 100 (十, 十一, 二十一);
    # beyond that it writes digits one by one.
    return numerals.counting(n) if n < 100 else numerals.digit_by_digit(n)


FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": numerals.fullwidth,
    "decimalFullWidth2": numerals.fullwidth,
    "decimalHalfWidth": str,
    "decimalEnclosedCircle": numerals.circled,
    "decimalEnclosedCircleChinese": numerals.circled,
    "decimalEnclosedParen": lambda n: chr(0x2474 + n - 1) if 1 <= n <= 20 else f"({n})",
    "decimalEnclosedFullstop": lambda n: chr(0x2488 + n - 1) if 1 <= n <= 20 else f"{n}.",
    "upperRoman": numerals.roman,
    "lowerRoman": lambda n: numerals.roman(n).lower(),
    "upperLetter": numerals.letters,
    "lowerLetter": lambda n: numerals.letters(n).lower(),
    "chineseCounting": _chinese_counting,
    "chineseCountingThousand": numerals.counting,
    "taiwaneseCounting": _chinese_counting,
    "taiwaneseCountingThousand": numerals.counting,
    "japaneseCounting": _chinese_counting,
    "ideographDigital": numerals.digit_by_digit,
    "taiwaneseDigital": numerals.digit_by_digit,
    "chineseLegalSimplified": lambda n: numerals.counting(n, numerals.LEGAL_SIMPLIFIED, "拾佰仟"),
    "ideographLegalTraditional": lambda n: numerals.counting(
        n, numerals.LEGAL_TRADITIONAL, "拾佰仟"
    ),
    "ideographTraditional": lambda n: numerals.cyclic(n, "甲乙丙丁戊己庚辛壬癸"),
    "ideographZodiac": lambda n: numerals.cyclic(n, "子丑寅卯辰巳午未申酉戌亥"),
    "none": lambda n: "",
}


@dataclass(frozen=True)
class Level:
    fmt: str = "decimal"
    text: str = ""
    start: int = 1
    # The level (1-based) after which this one starts again; 0 means it never does.
    restart: int | None = None
    legal: bool = False


@dataclass
class _List:
    abstract: str
    levels: dict[int, Level] = field(default_factory=dict)
    start_overrides: dict[int, int] = field(default_factory=dict)


class Numbering:
    """Numbers paragraphs in document order, as Word counts them."""

    def __init__(self, abstracts: dict[str, dict[int, Level]], lists: dict[str, _List]):
        self._abstracts = abstracts
        self._lists = lists
        # Word counts per abstract list: two list instances of one definition share a sequence
        # unless one of them restarts it.
        self._counters: dict[str, list[int | None]] = {}
        self._started: set[str] = set()

    @classmethod
    def parse(cls, root: ET.Element | None) -> Numbering:
        if root is None:
            return cls({}, {})
        abstracts = {
            element.get(f"{W}abstractNumId", ""): _levels(element)
            for element in root.iter(f"{W}abstractNum")
        }
        lists = {}
        for element in root.iter(f"{W}num"):
            abstract = val(element.find(f"{W}abstractNumId")) or ""
            entry = _List(abstract)
            for override in element.iter(f"{W}lvlOverride"):
                ilvl = to_int(override.get(f"{W}ilvl"), 0)
                start = to_int(val(override.find(f"{W}startOverride")), 0)
                if start:
                    entry.start_overrides[ilvl] = start
                level = override.find(f"{W}lvl")
                if level is not None:
                    entry.levels[ilvl] = _level(level)
            lists[element.get(f"{W}numId", "")] = entry
        return cls(abstracts, lists)

    def number(self, num_id: str, ilvl: int) -> str | None:
        """The marker Word shows for the next paragraph of this list at this level."""
        entry = self._lists.get(num_id)
        if entry is None or not 0 <= ilvl < LEVELS:
            return None
        levels = self._abstracts.get(entry.abstract, {}) | entry.levels
        level = levels.get(ilvl, Level())
        counters = self._counters.setdefault(entry.abstract, [None] * LEVELS)
        if num_id not in self._started:
            self._started.add(num_id)
            for overridden, start in entry.start_overrides.items():
                if 0 <= overridden < LEVELS:
                    counters[overridden] = start - 1
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, LEVELS):
            restart = levels.get(deeper, Level()).restart
            if ilvl < (deeper if restart is None else restart):
                counters[deeper] = None
        return _render(level, levels, counters)


def _render(level: Level, levels: dict[int, Level], counters: list[int | None]) -> str:
    out = []
    text = level.text
    i = 0
    while i < len(text):
        if text[i] == "%" and i + 1 < len(text) and text[i + 1] in "123456789":
            ref = int(text[i + 1]) - 1
            ref_level = levels.get(ref, Level())
            value = counters[ref] if counters[ref] is not None else ref_level.start
            fmt = "decimal" if level.legal else ref_level.fmt
            out.append(FORMATS.get(fmt, str)(value or 0))
            i += 2
        else:
            out.append(text[i])
            i += 1
    # Symbol-font bullets live in the private use area; show them as the bullet they draw.
    return "".join("•" if "\ue000" <= char <= "\uf8ff" else char for char in out).strip()


def _levels(abstract: ET.Element) -> dict[int, Level]:
    return {to_int(lvl.get(f"{W}ilvl"), 0): _level(lvl) for lvl in abstract.findall(f"{W}lvl")}


def _level(element: ET.Element) -> Level:
    level = Level(
        fmt=val(element.find(f"{W}numFmt")) or "decimal",
        text=val(element.find(f"{W}lvlText")) or "",
        start=to_int(val(element.find(f"{W}start")), 1),
        legal=element.find(f"{W}isLgl") is not None,
    )
    restart = element.find(f"{W}lvlRestart")
    return replace(level, restart=to_int(val(restart), 0)) if restart is not None else level
