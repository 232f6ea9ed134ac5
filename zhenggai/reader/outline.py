"""The outline: numbered headings and items, nested as a reader understands them.

Nesting follows the order in which marker families appear, not a fixed table: a document
going 一、 → 1. → （1） nests that way, one going （一） → 一是 nests that way. A family seen
again closes everything opened after it and continues at its own level; a family not open
yet starts a level below the current one. Headings given only by a style (and list levels
whose numbers are not a known marker) are the exception: they nest by their level number."""

import re
from dataclasses import dataclass, replace
from functools import cache
from itertools import islice

from zhenggai.reader.inline import HEADINGS, line_starts, split_inline
from zhenggai.reader.kinds import is_heading, label_kind
from zhenggai.reader.markers import Marker, recognize
from zhenggai.reader.model import Node, Paragraph, ReadWarning

TITLE_MAX = 200
_CHAPTER_MAX = 30
# Each starts with a look-ahead at one character set, which lets the engine skip ahead.
_TITLE_END = re.compile(r"(?=[。！？!?：:\s])(?:[。！？!?：:]|\s{2,}|\s(?=第\s*\d+\s*页))")
_WRAP_SPACE = re.compile(r"(?<=[^\x00-\x7f])\s(?=[^\x00-\x7f])")
_TITLE_OR_BREAK = re.compile(
    r"(?=[。！？!?：:\s])(?:[。！？!?：:]|\s{2,}|\s(?=第\s*\d+\s*页)"
    r"|(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f]))"
)
_ANY_SPACE = re.compile(r"\s")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_WRAP_SAMPLE = 200
# One wrap space per this many Chinese characters or more often: a wrapped text.
_WRAP_EVERY = 60
# "1 目的": a chapter numbered without a dot, known as one by the 1.1 headings below it.
_CHAPTER = re.compile(r"(\d{1,2})\s+(?=[^\d\s.．%])")
_LABEL = re.compile(r"\s*([^：:，,。；;\s]{2,10})\s*[：:]")
_RANKED = re.compile(r"(h|list)(\d+)")
# Words with which a speech closes; after the last item they are not part of that item.
_CLOSING = re.compile(
    r"(?:下一步工作中|在今后的?工作中|今后工作中|以上|总之|请同志们|同志们|请各位|我将以|我们将以"
    r"|欢迎|联系电话|来信地址|电子邮箱|邮政编码)"
)


# Not frozen, though never changed: a frozen dataclass is several times slower to make, and
# the outline makes one for every line.
@dataclass(slots=True)
class _Piece:
    # None: text that continues the node above it.
    family: str | None
    marker: str
    value: int
    text: str
    line: int
    # The first member of a run inside a paragraph that opens with plain words of its own
    # ("会议要求，一要……"): those words are a new paragraph, not more of the item above.
    after_words: bool = False
    lead: str = ""


def build_outline(
    paragraphs: list[Paragraph], max_depth: int
) -> tuple[list[Node], list[ReadWarning]]:
    starts = [recognize(paragraph.text) for paragraph in paragraphs]
    ahead = line_starts(starts)
    wrapped = is_wrapped(paragraphs)
    chapters = any(family == "dec2" for family, _ in ahead)
    pieces = [
        piece
        for paragraph, start in zip(paragraphs, starts, strict=True)
        for piece in _pieces(paragraph, start, ahead, chapters)
    ]
    roots, nodes, warnings = _tree(_led_in(_confirm_sequences(pieces)), max_depth)
    _drop_closing_words(roots)
    for node in nodes:
        node.title = title_of(node.text, wrapped)
    return roots, warnings


def title_of(text: str, wrapped: bool = True) -> str:
    """A heading's text, or an item's text up to its first full stop or colon. Two spaces
    inside a line stand for a line break the copy lost, and so does one space between two
    characters, unless the text is wrapped: then one space is what a wrapped line left."""
    first = text.split("\n", 1)[0]
    end = (_TITLE_END if wrapped else _TITLE_OR_BREAK).search(first, 0, TITLE_MAX + 1)
    title = first[: end.start()] if end else first[:TITLE_MAX]
    title = title.strip().rstrip("：:；;，,").strip()
    return _WRAP_SPACE.sub("", title) if _ANY_SPACE.search(title) else title


def is_wrapped(paragraphs: list[Paragraph]) -> bool:
    """Text whose lines were joined with a space where the page wrapped them: such spaces
    come every few dozen characters, where a lost paragraph break comes every few hundred."""
    sample = "".join(p.text for p in paragraphs[:_WRAP_SAMPLE])
    cjk = len(_CJK.findall(sample))
    return cjk > 0 and len(_WRAP_SPACE.findall(sample)) * _WRAP_EVERY > cjk


def _pieces(
    paragraph: Paragraph, start: Marker | None, ahead: set[tuple[str, int]], chapters: bool
) -> list[_Piece]:
    line = paragraph.line
    if paragraph.table_row:
        return [_Piece(None, "", 0, paragraph.text, line)]
    chapter = _CHAPTER.match(paragraph.text) if chapters else None
    if chapter and len(paragraph.text) <= _CHAPTER_MAX:
        return [_Piece("dec1", chapter[1], int(chapter[1]), paragraph.text[chapter.end() :], line)]
    prefix, items = split_inline(paragraph.text, ahead=ahead)
    if not items:
        return [_head(paragraph, prefix, start)]
    head = _head(paragraph, prefix, start) if prefix.strip() else None
    inline = []
    # The words before a run lead into it: the paragraph's own, or the item's that the run
    # stands in ("一、……有几个特点。首先，……其次，……").
    leads: dict[str, str] = {}
    lead = head.text if head else ""
    for i, item in enumerate(items):
        family = item.marker.family
        if family not in leads:
            # A heading (一、 1.1) names its own topic; words lead into enumerations only.
            leads[family] = "" if family in HEADINGS else items[i - 1].text if i else lead
        inline.append(
            _Piece(
                family,
                item.marker.text,
                item.marker.value,
                item.text,
                line,
                after_words=i == 0 and head is not None and head.family is None,
                lead=leads[family],
            )
        )
    return [head, *inline] if head else inline


def _head(paragraph: Paragraph, text: str, start: Marker | None) -> _Piece:
    """The piece for the text a paragraph starts with (all of it, or the words before a run
    inside it); `start` is the marker the whole paragraph starts with."""
    line = paragraph.line
    if paragraph.list_marker:
        shown = paragraph.list_marker
        found = recognize(shown)
        if found and found.family == "bullet":
            return _Piece(None, "", 0, text[len(shown) :].strip(), line)
        if found and found.end >= len(shown):
            return _Piece(found.family, shown, found.value, text[len(shown) :].strip(), line)
        return _Piece(f"list{paragraph.list_level}", shown, 0, text[len(shown) :].strip(), line)
    found = start if start is None or start.end <= len(text) else recognize(text)
    # Bullets are a web page's decoration, not numbering: their lines are plain text.
    if found and found.family == "bullet":
        return _Piece(None, "", 0, text[found.end :].strip(), line)
    if found:
        return _Piece(found.family, found.text, found.value, text[found.end :].strip(), line)
    if paragraph.heading_level:
        return _Piece(f"h{paragraph.heading_level}", "", 0, text, line)
    label = _LABEL.match(text)
    if label and label_kind(label[1]):
        return _Piece("label", "", 0, text, line)
    return _Piece(None, "", 0, text, line)


def _confirm_sequences(pieces: list[_Piece]) -> list[_Piece]:
    """首先 … 其次 … 最后 enumerate only when they come as a run; a lone 最后 that opens a
    closing paragraph is text. A run ends where a family that was open before it returns."""
    seen: set[str] = set()
    guard: set[str] = set()
    in_run = False
    out = []
    for i, piece in enumerate(pieces):
        if piece.family == "seq":
            if piece.value == 1:
                guard = seen - {"seq"}
                in_run = _run_follows(pieces, i, guard)
            if not in_run:
                piece = replace(piece, family=None, text=piece.marker + piece.text)
        elif piece.family in guard:
            in_run = False
        if piece.family:
            seen.add(piece.family)
        out.append(piece)
    return out


def _run_follows(pieces: list[_Piece], start: int, guard: set[str]) -> bool:
    for piece in islice(pieces, start + 1, None):
        if piece.family == "seq":
            return piece.value > 1
        if piece.family in guard:
            return False
    return False


def _led_in(pieces: list[_Piece]) -> list[_Piece]:
    """A paragraph that ends with a colon leads into the run the next paragraph starts
    ("有三个特点：" then 一是…… 二是……): its words lead every member, as they do inline."""
    lead = ""
    family: str | None = None
    outer: set[str] = set()
    seen: set[str] = set()
    for i, piece in enumerate(pieces):
        if piece.family is None:
            text = piece.text.rstrip()
            if family is None:
                lead = text if text.endswith(("：", ":")) else ""
            continue
        if lead and family is None and piece.value == 1 and piece.family not in HEADINGS:
            family, outer = piece.family, set(seen)
        elif family and (piece.family in outer or (piece.family == family and piece.value == 1)):
            lead, family = "", None
        if family and piece.family == family and not piece.lead:
            pieces[i] = replace(piece, lead=lead)
        elif family is None:
            lead = ""
        seen.add(piece.family)
    return pieces


# A node still open in the tree, with the texts gathered for it so far.
_Open = tuple[Node, list[str]]


def _tree(pieces: list[_Piece], max_depth: int) -> tuple[list[Node], list[Node], list[ReadWarning]]:
    """The roots, and every node in document order (parents before children)."""
    roots: list[Node] = []
    # Each node with the texts gathered for it. They are joined once at the end: joining a
    # long run of paragraphs one by one is quadratic. Keeping each list beside its node spares
    # a lookup per paragraph (issue 13's speed).
    stack: list[_Open] = []
    made: list[_Open] = []
    warnings: list[ReadWarning] = []
    for piece in pieces:
        if piece.family is None:
            if stack and piece.text:
                stack[-1][1].append(piece.text)
            continue
        cut = _open_index(stack, piece.family)
        if cut is None and piece.after_words:
            # Under an item that said its piece, the new paragraph's run is no part of it.
            while stack and not is_heading(_draft_node(*stack[-1])):
                stack.pop()
        if cut is not None:
            del stack[cut:]
        elif len(stack) >= max_depth:
            stack.pop()
            if not warnings:
                message = f"第 {piece.line} 段起编号层级超过 {max_depth} 层，更深的层级按同级处理"
                warnings.append(ReadWarning("too_deep", message, piece.line, piece.marker))
        node = Node(piece.marker, piece.family, len(stack) + 1, piece.line, "", lead=piece.lead)
        (stack[-1][0].children if stack else roots).append(node)
        opened = (node, [piece.text] if piece.text else [])
        stack.append(opened)
        made.append(opened)
    for node, texts in made:
        node.text = "\n".join(texts)
    return roots, [node for node, _ in made], warnings


def _draft_node(node: Node, texts: list[str]) -> Node:
    """The node with the text gathered so far, as is_heading reads it."""
    return replace(node, text=texts[0] if texts else "", children=[])


def _open_index(stack: list[_Open], family: str) -> int | None:
    """Where an open level of this family sits, if one does."""
    ranked = _rank(family)
    for i, (node, _) in enumerate(stack):
        if node.family == family:
            return i
        if ranked:
            other = _rank(node.family)
            if other and other[0] == ranked[0] and other[1] >= ranked[1]:
                return i
    return None


@cache
def _rank(family: str) -> tuple[str, int] | None:
    """("h", 2) for a Heading 2, ("list", 3) for the third level of a Word list."""
    match = _RANKED.fullmatch(family)
    return (match[1], int(match[2])) if match else None


def _drop_closing_words(roots: list[Node]) -> None:
    if not roots:
        return
    last = roots[-1]
    while last.children:
        last = last.children[-1]
    paragraphs = last.text.split("\n")
    for i, paragraph in enumerate(paragraphs[1:], 1):
        if _CLOSING.match(paragraph):
            last.text = "\n".join(paragraphs[:i])
            return
