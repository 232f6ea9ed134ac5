"""What each part of the outline is about: problems, their causes, measures, progress.

A node inherits its section's kind. Only a heading whose topic is a kind overrides it:
at the top level, a section heading naming one ("二、原因剖析"); below it, a heading or label
that is nothing but such a name ("整改措施：", "（二）具体表现"). So "（四）在落实巡视等监督整改
责任方面" under 存在的主要问题 stays a problem category although it contains 整改.

Outside any named section the item's own words decide (item_kind), and failing them the
document's genre: a feedback document's findings are problems, a plan's items measures. A
self-examination goes problems, causes, measures: an item says nothing takes the last kind
its predecessors said."""

import re

from zhenggai.reader.chinese import simplified
from zhenggai.reader.item_kind import item_kind
from zhenggai.reader.model import Genre, Kind, Node

# First match wins: a section on the causes of problems is about causes.
_SECTIONS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    ("other", re.compile("保障措施|组织保障|工作要求|总体要求|指导思想|基本原则|工作目标")),
    ("cause", re.compile("原因|剖析|根源")),
    ("progress", re.compile("进展|成效|已完成|整改情况|落实情况|完成情况|开展情况|推进情况")),
    ("problem", re.compile("问题|查摆|表现|不足|整改任务|任务清单")),
    ("measure", re.compile("措施|举措|努力方向|打算|下一?步|建议")),
)
_MODIFIERS = (
    "(?:下一?步|今后|存在的?|主要|具体|突出|深层次|产生的?|的|及|和|与|工作|整改|落实|问题"
    "|思想|巡视|巡察|反馈|自身|个人|查摆)*"
)
_LABEL_NOUNS: tuple[tuple[Kind, str], ...] = (
    ("cause", "原因|原因剖析|原因分析|剖析|根源|根源剖析"),
    ("progress", "进展|进展情况|整改情况|落实情况|完成情况|成效|工作成效|整改成效|已完成|开展情况"),
    ("problem", "问题|问题表现|表现|问题清单"),
    ("measure", "措施|举措|努力方向|方向|打算|建议|意见建议|任务|目标"),
)
_LABELS = tuple((kind, re.compile(f"{_MODIFIERS}(?:{nouns})")) for kind, nouns in _LABEL_NOUNS)
# Every label ends with one of its nouns' last characters; most titles are ruled out by that.
_LABEL_ENDINGS = frozenset(noun[-1] for _, nouns in _LABEL_NOUNS for noun in nouns.split("|"))
_SECTION_MAX = 30
_LABEL_MAX = 16
# "一、贯彻落实……方面" names a field where problems were found, whatever words it holds.
_FIELD = re.compile(r".*方面[：:]?")


_DEFAULTS: dict[Genre, Kind] = {
    "feedback": "problem",
    "plan": "measure",
    "speech": "measure",
    "progress": "progress",
    "self_examination": "problem",
    "other": "other",
}


def assign_kinds(roots: list[Node], genre: Genre = "other") -> None:
    # (node, the kind its section names, the kind an item saying nothing takes)
    stack: list[tuple[Node, Kind | None, Kind]] = [
        (node, None, _DEFAULTS[genre]) for node in reversed(roots)
    ]
    ordered = genre == "self_examination"
    phase = _DEFAULTS[genre]
    while stack:
        node, section, default = stack.pop()
        named = _own_kind(node, top=node.level == 1)
        if named:
            node.kind = section = named
        elif section:
            node.kind = section
        else:
            said = item_kind(node.marker, node.title, reports=genre == "progress")
            node.kind = said or (phase if ordered else default)
        if ordered and node.kind in ("problem", "cause", "measure"):
            phase = node.kind
        stack.extend((child, section, default) for child in reversed(node.children))


def names_section(node: Node) -> bool:
    """A heading that names its kind (存在的主要问题, 整改措施), not an item of that kind."""
    return _own_kind(node, top=node.level == 1) is not None


def label_kind(label: str) -> Kind | None:
    """The kind a heading or label names when it is only such a name, e.g. 下步整改措施."""
    label = label.strip().rstrip("：:")
    if len(label) > _LABEL_MAX:
        return None
    words = simplified(label)
    if not words or words[-1] not in _LABEL_ENDINGS:
        return None
    return next((kind for kind, pattern in _LABELS if pattern.fullmatch(words)), None)


def _own_kind(node: Node, top: bool) -> Kind | None:
    if node.family == "label":
        return label_kind(re.split("[：:]", node.text, maxsplit=1)[0])
    title = node.title
    if not top or len(title) > _SECTION_MAX:
        return label_kind(title)
    words = simplified(title)
    if _FIELD.fullmatch(words):
        return None
    return next((kind for kind, pattern in _SECTIONS if pattern.search(words)), None)
