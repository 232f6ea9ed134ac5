"""Deadlines as ledgers write them: real dates, 2023年12月底, 2024年3月 (the month's end),
上半年, 第一季度, and words that give a measure's kind instead of a date (长期坚持)."""

import calendar
import datetime
import re
from dataclasses import dataclass

from zhenggai.reader.model import MeasureKind
from zhenggai.reader.numerals import chinese_to_int

_DATE = re.compile(
    r"""(?P<y>(?:19|20)\d{2})\s*(?:年|[.\-/．])\s*
    (?:(?P<m>1[0-2]|0?[1-9])\s*(?:月份?|[.\-/．])?\s*
        (?:(?P<d>3[01]|[12]\d|0?[1-9])(?!\d)\s*[日号]?|(?P<part>上旬|中旬|下旬|初|中|底|末))?
      |(?P<half>上半年|下半年|年底|年末|底|末)
      |第?(?P<q>[一二三四1-4])季度
    )?""",
    re.X,
)
_QUARTERS = {"一": 3, "二": 6, "三": 9, "四": 12, "1": 3, "2": 6, "3": 9, "4": 12}
_PARTS = {"上旬": 10, "初": 10, "中旬": 20, "中": 20}
# In a deadline cell a word alone is enough; in a measure's prose only the fixed terms count
# (长期未解决的问题 is no ongoing measure).
_KIND_CELL: tuple[tuple[MeasureKind, re.Pattern[str]], ...] = (
    ("ongoing", re.compile("长期|常态化|持续")),
    ("immediate", re.compile("立行立改|立即|即知即改|立知立改|马上")),
    ("time_bound", re.compile("限期")),
)
_KIND_TEXT: tuple[tuple[MeasureKind, re.Pattern[str]], ...] = (
    ("ongoing", re.compile("长期坚持|长期执行|常态化推进|常态化开展")),
    ("immediate", re.compile("立行立改|即知即改|立知立改")),
    ("time_bound", re.compile("限期整改|限期完成")),
)
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# Official documents write dates in Chinese numerals: 二〇二四年三月三十一日.
_CHINESE_DATE = re.compile(
    r"(?P<y>[〇○零一二三四五六七八九]{4})\s*年"
    r"(?:\s*(?P<m>十[一二]?|[一二三四五六七八九])\s*月"
    r"(?:\s*(?P<d>[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号])?)?"
)
_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "00012345678" + "9")


@dataclass(frozen=True)
class Deadline:
    date: datetime.date | None
    kind: MeasureKind | None


def parse_deadline(cell: str) -> Deadline:
    """A deadline cell: 2024年3月 means the end of March, 2024年 the end of that year."""
    text = arabic(cell)
    match = next((m for m in _DATE.finditer(text)), None)
    return Deadline(_date(match) if match else None, _kind(text, _KIND_CELL))


def find_deadline(text: str) -> Deadline:
    """A deadline inside a measure's prose: a year alone (2024年全市……) is not one."""
    text = arabic(text)
    match = next((m for m in _DATE.finditer(text) if m["m"] or m["half"] or m["q"]), None)
    return Deadline(_date(match) if match else None, _kind(text, _KIND_TEXT))


def arabic(text: str) -> str:
    """Dates with their numbers in Arabic digits: ２０２４ and 二〇二四年三月 become 2024 and
    2024年3月."""
    text = text.translate(_DIGITS)
    if "年" not in text:
        return text
    return _CHINESE_DATE.sub(_date_in_digits, text)


def _date_in_digits(match: re.Match[str]) -> str:
    out = match["y"].translate(_YEAR_DIGITS) + "年"
    if match["m"]:
        out += f"{chinese_to_int(match['m'])}月"
    if match["d"]:
        out += f"{chinese_to_int(match['d'])}日"
    return out


def _kind(
    text: str, patterns: tuple[tuple[MeasureKind, re.Pattern[str]], ...]
) -> MeasureKind | None:
    return next((kind for kind, pattern in patterns if pattern.search(text)), None)


def _date(match: re.Match[str]) -> datetime.date | None:
    year = int(match["y"])
    if match["q"]:
        return _month_end(year, _QUARTERS[match["q"]])
    if match["half"]:
        return _month_end(year, 6 if match["half"] == "上半年" else 12)
    if not match["m"]:
        return datetime.date(year, 12, 31)
    month = int(match["m"])
    if match["d"]:
        try:
            return datetime.date(year, month, int(match["d"]))
        except ValueError:
            return None
    day = _PARTS.get(match["part"] or "")
    return datetime.date(year, month, day) if day else _month_end(year, month)


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])
