"""Numbering markers as a reader sees them: 一、 （一） 1. 1.1 （1） 1） ① 第一， 一是 一要 首先 ● …

A family is one way of numbering. This module only recognizes markers; how families nest
is decided by the outline from the order in which they appear. 一是 and 一要 are one family:
a speaker who starts 一是要 goes on 二要, 三要."""

import re
from dataclasses import dataclass

from zhenggai.reader.numerals import chinese_to_int

CN = "[一二三四五六七八九十]{1,3}"
_ENCLOSED = (
    # Single characters that carry a whole marker: ⑴ is (1), ⒈ is 1., ㈠ is (一).
    [(chr(0x2474 + i), "ar_paren", i + 1) for i in range(20)]
    + [(chr(0x2488 + i), "ar_dot", i + 1) for i in range(20)]
    + [(chr(0x3220 + i), "cn_paren", i + 1) for i in range(10)]
    + [(chr(0x2460 + i), "circle", i + 1) for i in range(20)]
    + [(chr(0x3251 + i), "circle", i + 21) for i in range(15)]
    + [(chr(0x32B1 + i), "circle", i + 36) for i in range(15)]
)
_ENCLOSED_CHARS = {char: (family, value) for char, family, value in _ENCLOSED}
_BULLETS = "●•▪■◆◇□➢►√✓"
# A decimal heading is followed by its words, not by a unit: 3.2万个 and 42.3% are figures;
# 个人 (personal) is a word, so 2.4 个人准备 is a heading.
UNITLESS = (
    r"(?!\s*(?:个(?!人)|[万亿千百十%％‰倍元米吨亩人户件项次家所座条台辆天年月日号周岁度分秒]))"
)
# \d is any decimal digit, full-width ones included; int() reads them all.
_START = re.compile(
    rf"""\s*(?:
      (?P<cn_paren>[(（]\s*(?P<v_cn_paren>{CN})\s*[)）][、.．]?)
     |(?P<ar_paren>[(（]\s*(?P<v_ar_paren>\d{{1,2}})\s*[)）][、.．]?)
     |(?P<cn_dun>(?P<v_cn_dun>{CN})\s*[、.．](?!\s*{CN}\s*、))
     |(?P<di>第(?P<v_di>{CN})点?[，,、:：])
     |(?P<shi>(?P<v_shi>{CN})[是要](?!求|素|点|件|闻|害|务|员|案|领|么))
     |(?P<dec>(?P<v_dec>\d{{1,2}}(?:[.．]\d{{1,2}}){{1,3}})(?![\d.．]){UNITLESS})
     |(?P<ar_dot>(?P<v_ar_dot>\d{{1,2}})\s*[.．](?![\d.．]))
     |(?P<ar_dun>(?P<v_ar_dun>\d{{1,2}})\s*、(?!\s*\d{{1,2}}\s*、))
     |(?P<ar_half>(?P<v_ar_half>\d{{1,2}})\s*[)）])
     |(?P<seq>(?P<v_seq>首先|其次|再次|最后|最後)(?:[，,、:：]|(?=[是要])))
     |(?P<bullet>[{_BULLETS}]\s*)
    )""",
    re.X,
)
# A marker starts with one of these; any other first character rules one out at once.
_FIRST = frozenset("一二三四五六七八九十(（第首其再最" + _BULLETS) | set(_ENCLOSED_CHARS)
LAST = 9
_SEQUENCE_WORDS = {"首先": 1, "其次": 2, "再次": 3, "最后": LAST, "最後": LAST}


# Not frozen, though never changed: a frozen dataclass is several times slower to make, and
# the reader makes one for every line that starts with a marker. Hashable all the same.
@dataclass(slots=True, unsafe_hash=True)
class Marker:
    family: str
    value: int
    text: str
    # Where the content after the marker starts.
    end: int
    start: int = 0


def recognize(text: str) -> Marker | None:
    """The marker a paragraph starts with, if any."""
    head = text[:24]
    first = head.lstrip()[:1]
    if not first or not (first in _FIRST or first.isdecimal()):
        return None
    stripped = len(head) - len(head.lstrip())
    if first in _ENCLOSED_CHARS:
        family, value = _ENCLOSED_CHARS[first]
        return _marker(text, family, value, stripped, stripped + 1)
    match = _START.match(head)
    if match is None or match.lastgroup is None:
        return None
    family = match.lastgroup
    if family == "bullet":
        return _marker(text, family, 0, stripped, match.end())
    if family == "dec":
        parts = decimal_parts(match["v_dec"])
        return _marker(text, f"dec{len(parts)}", parts[-1], stripped, match.end())
    number = value_of(match.group(f"v_{family}"))
    if not number:
        return None
    return _marker(text, family, number, stripped, match.end())


def _marker(text: str, family: str, value: int, start: int, end: int) -> Marker:
    return Marker(family, value, text[start:end].strip(), end, start)


def decimal_parts(raw: str) -> tuple[int, ...]:
    """1.2 → (1, 2); ４．１ → (4, 1)."""
    return tuple(int(part) for part in raw.replace("．", ".").split("."))


def value_of(raw: str) -> int | None:
    if raw in _SEQUENCE_WORDS:
        return _SEQUENCE_WORDS[raw]
    if raw in _ENCLOSED_CHARS:
        return _ENCLOSED_CHARS[raw][1]
    if raw.isdecimal():
        return int(raw)
    return chinese_to_int(raw)
