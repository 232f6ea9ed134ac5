"""Enumerations running inside one paragraph, split into their members.

"会议要求，一要……；二要……" "……：（1）……；（2）……" and whole outlines pasted on one line
("【提纲】一、……(一)……(二)……二、……", a table of contents glued to the body). A member is
a marker that continues a run (1, 2, 3 … of one family; a run cut off may start at 2), at
the start of the text, after a punctuation mark or after a space (a line break the copy
lost). Heading markers (一、 （一） 1.1) need no punctuation before them: on a line that
holds a whole outline, headings follow their titles directly. Every member has words of its
own, so 一、二、三等奖 and 1、2、3月 are no run. A run that starts again at 1 (another
speaker) is read as a new run of the same family, at the same level. A heading may also
stand alone: 一、 after a full stop or a colon, or a heading whose next number starts a
later paragraph."""

import re
from collections.abc import Iterable, Iterator, Set
from dataclasses import dataclass

from zhenggai.reader.markers import (
    CN,
    LAST,
    UNITLESS,
    Marker,
    decimal_parts,
    value_of,
)

# The look-ahead lets the engine rule out most characters with one test instead of trying
# every alternative at every place.
_CANDIDATE = re.compile(
    rf"""(?=[一二三四五六七八九十第（(①-⑳\d首其再最])
    (?:(?P<shi>(?P<v_shi>{CN})[是要](?!求|素|点|件|闻|害|务|员|案|领|么|否|非))
    |(?P<di>第(?P<v_di>{CN})点?[，,、：:])
    |(?P<cn_paren>[（(]\s*(?P<v_cn_paren>{CN})\s*[)）])
    |(?P<ar_paren>[（(]\s*(?P<v_ar_paren>\d{{1,2}})\s*[)）])
    |(?P<circle>(?P<v_circle>[①-⑳]))
    |(?P<dec>(?<![\d.．])(?P<v_dec>\d{{1,2}}(?:[.．]\d{{1,2}}){{1,3}})(?![\d.．]){UNITLESS})
    |(?P<ar_dot>(?<![\d.．A-Za-z])(?P<v_ar_dot>\d{{1,2}})[.．](?!\d){UNITLESS})
    |(?P<ar_dun>(?<!\d)(?P<v_ar_dun>\d{{1,2}})、)
    |(?P<cn_dun>(?P<v_cn_dun>{CN})\s*、)
    |(?P<seq>(?P<v_seq>首先|其次|再次|最后)[，,、：:]))""",
    re.X,
)
# Families whose members may follow a title directly, without punctuation.
HEADINGS = frozenset({"cn_dun", "cn_paren", "dec2", "dec3", "dec4"})
_AFTER_PUNCTUATION = frozenset("。；;：:，,！!？?")
# Characters that make a word with the numeral after them: 统一、 周一、 其一、 第一、.
_WORD_BEFORE = frozenset("统唯之同万逐单划专不归合均纯第整周期初每其星礼十百千零〇两几")
# Before a bracketed number these mean a reference (第（一）项), not a member.
_REFERENCE_BEFORE = frozenset("第按照款项条")
_MIN_WORDS = 2
# What a lone heading may follow inside a paragraph: the end of a sentence or a colon.
_CLOSED = frozenset("。：:！!？?")
_NUMBER_NEXT = re.compile(rf"\s*(?:{CN}|\d)")
# No member of a run says more than this before the next one.
_MAX_GAP = 3000


# Cheap tests that rule out most paragraphs before the full scan. Each pattern starts with a
# character set, which lets the regular expression engine skip ahead.
_LATER_MEMBER = re.compile(
    rf"[。；;：:，,！!？?\s]\s*(?:{CN}[是要]|第{CN}|[（(]|[①-⑳]|\d|其次|再次|最后)"
)
_HEADING_MARK = re.compile(rf"(?=[一二三四五六七八九十（(\d])(?:{CN}\s*、|[（(]\s*{CN}|\d[.．]\d)")
# Every member starts with one of these (as _CANDIDATE's look-ahead says): most paragraphs
# hold none after their own marker, and one scan for them rules out everything else.
_MEMBER_START = re.compile(r"[一二三四五六七八九十第（(①-⑳\d首其再最]")


@dataclass(frozen=True)
class InlineItem:
    marker: Marker
    text: str


def split_inline(
    text: str,
    exclude: frozenset[str] = frozenset(),
    ahead: Set[tuple[str, int]] = frozenset(),
) -> tuple[str, list[InlineItem]]:
    """The text before the first member and the members in order; members of nested
    enumerations ("一是……：①……②……；二是……") follow their parent, so the outline nests them.

    `ahead` holds the (family, value) of markers that start paragraphs: a heading glued to
    the words before it ("……工作方案一、背景") is one when the paragraphs go on with 二、."""
    # A run needs a member after the start; only inside a member may one stand at the start.
    if not _MEMBER_START.search(text, 0 if exclude else 1):
        return text, []
    run, again = _first_run(text, exclude, 0) if _may_hold_a_run(text) else ([], None)
    if not run:
        run = _lone_heading(text, exclude, ahead)
    if not run:
        return text, []
    lead = text[: run[0].start]
    items: list[InlineItem] = []
    # A heading may stand before the run: "一、……特点。首先，……其次，……"
    heading = _lone_heading(lead, exclude, ahead) if lead.strip() else []
    if heading:
        items.append(InlineItem(heading[0], _clean(lead[heading[0].end :])))
        lead = lead[: heading[0].start]
    # Numbers seen so far: "1.1……1.2……二、……2.1……" goes on with 2.1 although it stands alone.
    seen = set(ahead)
    while run:
        end = len(text) if again is None else again
        bounds = [m.start for m in run[1:]] + [end]
        for marker, bound in zip(run, bounds, strict=True):
            segment = text[marker.end : bound].strip().rstrip("；;，,")
            own, nested = split_inline(segment, exclude | {marker.family}, seen)
            items.append(InlineItem(marker, _clean(own)))
            items.extend(nested)
            seen.update((item.marker.family, item.marker.value) for item in nested)
        # The run starts again (another speaker, another list): same family, same level.
        run, again = _first_run(text, exclude, again) if again is not None else ([], None)
    return lead, items


def _clean(text: str) -> str:
    return text.strip().rstrip("；;，, ")


def line_starts(markers: Iterable[Marker | None]) -> set[tuple[str, int]]:
    """(family, value) of every marker that starts a paragraph."""
    return {(marker.family, marker.value) for marker in markers if marker}


def may_hold_a_heading(text: str) -> bool:
    """Whether a heading marker stands anywhere after the start (a cheap test)."""
    return _HEADING_MARK.search(text, 1) is not None


def _lone_heading(text: str, exclude: frozenset[str], ahead: Set[tuple[str, int]]) -> list[Marker]:
    """A single heading inside a paragraph: 一、 after a full stop or a colon ("郑重表态：
    一、……" "我讲三点意见。一、……"), or a heading glued to words whose next number
    starts a later paragraph."""
    if not (exclude or may_hold_a_heading(text)):
        return []
    for marker, order in candidates(text, exclude):
        # At the start of a paragraph the outline reads the marker; inside a member's words
        # (exclude is set) the start is where a lone heading stands.
        if marker.family not in HEADINGS or not (marker.start or exclude):
            continue
        before = text[max(0, marker.start - 8) : marker.start].rstrip()
        after = text[marker.end : marker.end + 4]
        if not _has_words(after, 0, len(after)) or _NUMBER_NEXT.match(after):
            continue
        if (marker.family, order[-1] + 1) in ahead:
            return [marker]
        if marker.family == "cn_dun" and order == (1,) and before[-1:] in _CLOSED:
            return [marker]
    return []


def _may_hold_a_run(text: str) -> bool:
    if _LATER_MEMBER.search(text):
        return True
    first = _HEADING_MARK.search(text)
    return first is not None and _HEADING_MARK.search(text, first.end()) is not None


def candidates(
    text: str, exclude: frozenset[str] = frozenset(), pos: int = 0
) -> Iterator[tuple[Marker, tuple]]:
    """Every marker that may be a member, with its place in its family's order."""
    for match in _CANDIDATE.finditer(text, pos):
        kind = match.lastgroup
        if kind is None or kind in exclude:
            continue
        raw = match[f"v_{kind}"]
        if kind == "dec":
            order: tuple[int, ...] = decimal_parts(raw)
            family = f"dec{len(order)}"
        else:
            order = (value_of(raw) or 0,)
            family = kind
        start = match.start(kind)
        if family in exclude or not order[-1] or not _fits_before(text, start, family):
            continue
        yield Marker(family, order[-1], match[kind], match.end(), start), order


def _first_run(text: str, exclude: frozenset[str], pos: int) -> tuple[list[Marker], int | None]:
    """The earliest run of one family with at least two members, and where that family
    starts again at 1 after it, if it does."""
    runs: dict[str, list[Marker]] = {}
    orders: dict[str, tuple] = {}
    best: list[Marker] = []
    for marker, order in candidates(text, exclude, pos):
        if best and marker.start > best[-1].end + _MAX_GAP:
            break
        family = marker.family
        restarts = best and family == best[0].family and order == (1,)
        if restarts and _has_words(text, best[-1].end, marker.start):
            return best, marker.start
        run = runs.get(family, [])
        extends = bool(run) and _follows(orders[family], order)
        starts = order[-1] in (1, 2) and len(run) < 2 and not extends
        if not (starts or extends) or (starts and order[-1] == 2 and run):
            continue
        if run and not _has_words(text, run[-1].end, marker.start):
            continue
        if starts:
            run = runs[family] = []
        run.append(marker)
        orders[family] = order
        # The run is kept by reference: it goes on growing after it became the best.
        if len(run) >= 2 and (not best or run[0].start < best[0].start):
            best = run
    return best, None


def _follows(before: tuple, after: tuple) -> bool:
    """2 follows 1; 1.3 follows 1.2, and 2.1 follows 1.x; 最后 (9) follows any."""
    if after == (LAST,):
        return True
    if len(before) != len(after):
        return False
    if after[:-1] == before[:-1]:
        return after[-1] == before[-1] + 1
    return len(after) > 1 and after[-1] == 1 and after[-2] == before[-2] + 1


def _fits_before(text: str, start: int, family: str) -> bool:
    before = text[max(0, start - 8) : start].rstrip()
    if not before:
        return start < 8 or not text[:start].strip()
    last = before[-1]
    if family in ("cn_paren", "ar_paren") and last in _REFERENCE_BEFORE:
        return False
    # Whitespace after a word or a mark stands for a line break the copy lost.
    if last in _AFTER_PUNCTUATION or text[start - 1].isspace():
        return True
    if family not in HEADINGS:
        return False
    return not (family == "cn_dun" and last in _WORD_BEFORE)


_WORDS = re.compile(r"[\w\u4e00-\u9fff]")


def _has_words(text: str, start: int, end: int) -> bool:
    for _ in range(_MIN_WORDS):
        found = _WORDS.search(text, start, end)
        if found is None:
            return False
        start = found.end()
    return True
