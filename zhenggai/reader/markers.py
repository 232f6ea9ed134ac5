"""Numbering markers as a reader sees them: 一、 （一） 1. （1） 1） ① 第一， 一是 首先 ● …

A family is one way of numbering. This module only recognizes markers; how families nest
is decided by the outline from the order in which they appear."""

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
# \d is any decimal digit, full-width ones included; int() reads them all.
_START = re.compile(
    rf"""\s*(?:
      (?P<cn_paren>[(（]\s*(?P<v_cn_paren>{CN})\s*[)）][、.．]?)
     |(?P<ar_paren>[(（]\s*(?P<v_ar_paren>\d{{1,2}})\s*[)）][、.．]?)
     |(?P<cn_dun>(?P<v_cn_dun>{CN})\s*[、.．])
     |(?P<di>第(?P<v_di>{CN})[，,、:：])
     |(?P<shi>(?P<v_shi>{CN})是)
     |(?P<ar_dot>(?P<v_ar_dot>\d{{1,2}})\s*[.．](?![\d.．]))
     |(?P<ar_dun>(?P<v_ar_dun>\d{{1,2}})\s*、)
     |(?P<ar_half>(?P<v_ar_half>\d{{1,2}})\s*[)）])
     |(?P<seq>(?P<v_seq>首先|其次|再次|最后|最後)(?:[，,、:：]|(?=[是要])))
     |(?P<bullet>[{_BULLETS}]\s*)
    )""",
    re.X,
)
# A marker starts with one of these; any other first character rules one out at once.
_FIRST = frozenset("一二三四五六七八九十(（第首其再最" + _BULLETS) | set(_ENCLOSED_CHARS)
_SEQUENCE_WORDS = {"首先": 1, "其次": 2, "再次": 3, "最后": 9, "最後": 9}


@dataclass(frozen=True)
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
    number = _value(match.group(f"v_{family}"))
    if not number:
        return None
    return _marker(text, family, number, stripped, match.end())


def _marker(text: str, family: str, value: int, start: int, end: int) -> Marker:
    return Marker(family, value, text[start:end].strip(), end, start)


@dataclass(frozen=True)
class InlineItem:
    marker: Marker
    text: str


# Enumerations inside one paragraph: "……。一是……；二是……；三是……". A member must follow the
# start or a punctuation mark, so 统一是 or 之一是 never count.
_INLINE = re.compile(
    rf"""(?P<shi>(?P<v_shi>{CN})是)
    |(?P<di>第(?P<v_di>{CN})[，,、：:])
    |(?P<ar_paren>[（(](?P<v_ar_paren>\d{{1,2}})[)）])
    |(?P<circle>(?P<v_circle>[①-⑳]))""",
    re.X,
)
_BEFORE_MEMBER = frozenset("。；;：:，,！!？?")
# A run has at least two members, so at least one follows a punctuation mark.
_ANY_LATER_MEMBER = re.compile(
    rf"[。；;：:，,！!？?]\s*(?:{CN}是|第{CN}[，,、：:]|[（(]\d{{1,2}}[)）]|[①-⑳])"
)


def split_inline(text: str, exclude: frozenset[str] = frozenset()) -> tuple[str, list[InlineItem]]:
    """Splits an enumeration running inside one paragraph into its members.

    Returns the text before the first member and the members in order; members of nested
    enumerations ("一是……：①……②……；二是……") follow their parent, so the outline nests them."""
    run = _first_run(text, exclude) if _ANY_LATER_MEMBER.search(text) else []
    if not run:
        return text, []
    items: list[InlineItem] = []
    bounds = [m.start for m in run[1:]] + [len(text)]
    for marker, bound in zip(run, bounds, strict=True):
        segment = text[marker.end : bound].strip().rstrip("；;，,")
        prefix, nested = split_inline(segment, exclude | {marker.family})
        items.append(InlineItem(marker, prefix.rstrip("；;，, ")))
        items.extend(nested)
    return text[: run[0].start], items


def _first_run(text: str, exclude: frozenset[str]) -> list[Marker]:
    """The earliest run 1, 2, 3 … of one family with at least two members."""
    runs: dict[str, list[Marker]] = {}
    best: list[Marker] = []
    for match in _INLINE.finditer(text):
        family = match.lastgroup
        if family is None or family in exclude:
            continue
        value = _value(match.group(f"v_{family}")) or 0
        run = runs.get(family, [])
        # Only a 1 or the next number of a run can matter; skip the rest cheaply.
        starts = value == 1 and len(run) < 2
        extends = bool(run) and value == run[-1].value + 1
        if not (starts or extends) or not _follows_punctuation(text, match.start()):
            continue
        if starts:
            run = runs[family] = []
        run.append(Marker(family, value, match[family], match.end(), match.start(family)))
        if len(run) >= 2 and (not best or run[0].start < best[0].start):
            best = run
    return best


def _follows_punctuation(text: str, start: int) -> bool:
    before = text[max(0, start - 8) : start].rstrip()
    return not before or before[-1] in _BEFORE_MEMBER


def _value(raw: str) -> int | None:
    if raw in _SEQUENCE_WORDS:
        return _SEQUENCE_WORDS[raw]
    if raw in _ENCLOSED_CHARS:
        return _ENCLOSED_CHARS[raw][1]
    if raw.isdecimal():
        return int(raw)
    return chinese_to_int(raw)
