"""What each part of the outline is about: problems, their causes, measures, progress.

A node inherits its section's kind. Only a heading whose topic is a kind overrides it, at
any level ("二、原因剖析", "4.2风险成因分析", "（二）具体表现"), or a label ("整改措施："), or the
words leading into a run ("会议要求，一要……", or a paragraph "有三个特点：" before 一是……).
A field ("（四）在落实巡视等监督整改责任方面") or an action ("着力解决……突出问题") names no
topic, whatever words it holds.

Outside any named section the item's own words decide (item_kind), and failing them the
document's genre: a feedback document's findings are problems, a plan's items measures. A
self-examination goes problems, causes, measures: an item says nothing takes the last kind
its predecessors said."""

import re
from collections import Counter

from zhenggai.reader.chinese import simplified
from zhenggai.reader.item_kind import is_action, item_kind
from zhenggai.reader.model import Genre, Kind, Node

# First match wins: a section on the causes of problems is about causes.
# Context (背景, 意义, 风险 …) is neither a problem nor a measure.
_SECTIONS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    (
        "other",
        re.compile(
            "背景|意义|目的|基本情况|概况|引言|结语|结论|展望|指导思想|总体要求|工作要求|原则"
            "|目标|理论|依据|风险|资源|时间|规划|预期效果|保障$|保障措施|保障机制|保障体系"
            "|组织领导|评价|特点|议程"
        ),
    ),
    ("cause", re.compile("原因|剖析|根源|成因|问题分析")),
    ("progress", re.compile("进展|成效|已完成|整改情况|落实情况|完成情况|开展情况|推进情况")),
    ("problem", re.compile("问题|查摆|表现|不足|差距|短板|整改任务|任务清单")),
    ("measure", re.compile("措施|举措|对策|建议|努力方向|整改方向|打算|下一?步|路径")),
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
_CLAUSE = re.compile(r"[。！？!?；;，,]")
_LEAD_MAX = 24
_REQUIRING = re.compile(r"要求|强调|希望|提出|表态")
_HEADING_MAX = 60
_SENTENCE_END = re.compile(r"[。！？!?]")
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
    # (node, the kind its section names, the kind its run's members say, its own words')
    stack: list[tuple[Node, Kind | None, Kind | None, Kind | None]] = [
        (node, None, run, said) for node, run, said in reversed(_runs(roots))
    ]
    ordered = genre == "self_examination"
    phase = _DEFAULTS[genre]
    leads: dict[str, Kind | None] = {}
    while stack:
        node, section, run, said = stack.pop()
        named = _own_kind(node) or _lead_kind_once(node.lead, leads)
        if named:
            node.kind = section = named
        elif section:
            node.kind = section
        else:
            # A self-examination's sections come in order; elsewhere the run decides.
            node.kind = said or (phase if ordered else run or _DEFAULTS[genre])
        if ordered and node.kind in ("problem", "cause", "measure"):
            phase = node.kind
        # Most nodes are items without children: spare reading a run that is not there.
        if not node.children:
            continue
        # Within a named section nobody's words matter: spare reading them.
        children = [(c, None, None) for c in node.children] if section else _runs(node.children)
        stack.extend((child, section, vote, own) for child, vote, own in reversed(children))


def _runs(nodes: list[Node]) -> list[tuple[Node, Kind | None, Kind | None]]:
    """Each node with what most members of its run say, and what its own words say: a
    member whose words say nothing (2.4 个人准备 among steps to take) is what its run is."""
    votes: dict[str, Counter[Kind]] = {}
    said = [item_kind(node.marker, node.title) for node in nodes]
    for node, kind in zip(nodes, said, strict=True):
        if kind:
            votes.setdefault(node.family, Counter())[kind] += 1
    return [
        (node, votes[node.family].most_common(1)[0][0] if node.family in votes else None, kind)
        for node, kind in zip(nodes, said, strict=True)
    ]


def _lead_kind_once(lead: str, read: dict[str, Kind | None]) -> Kind | None:
    """lead_kind, read once per lead: every member of a run inside a paragraph has the same."""
    if lead not in read:
        read[lead] = lead_kind(lead)
    return read[lead]


def lead_kind(lead: str) -> Kind | None:
    """The words that lead into a run inside a paragraph act as its heading: 发现的主要问题：
    一是…… (problems), 会议要求，一要…… (measures), 有三个特点：一是…… (other)."""
    if not lead:
        return None
    clause = _CLAUSE.split(lead.rstrip("：:，,。 "))[-1][-_LEAD_MAX:]
    if _REQUIRING.search(clause):
        return "measure"
    words = simplified(clause)
    return next((kind for kind, pattern in _SECTIONS if pattern.search(words)), None)


def names_section(node: Node) -> bool:
    """A heading that names its kind (存在的主要问题, 整改措施), not an item of that kind."""
    return _own_kind(node) is not None


def label_kind(label: str) -> Kind | None:
    """The kind a heading or label names when it is only such a name, e.g. 下步整改措施."""
    label = label.strip().rstrip("：:")
    if len(label) > _LABEL_MAX:
        return None
    words = simplified(label)
    if not words or words[-1] not in _LABEL_ENDINGS:
        return None
    return next((kind for kind, pattern in _LABELS if pattern.fullmatch(words)), None)


def _own_kind(node: Node) -> Kind | None:
    if node.family == "label":
        return label_kind(re.split("[：:]", node.text, maxsplit=1)[0])
    title = node.title
    if not is_heading(node) or len(title) > _SECTION_MAX:
        return label_kind(title)
    return topic_kind(title)


def topic_kind(words: str) -> Kind | None:
    """The kind a heading's topic names: 问题产生的原因, 4.2风险成因分析. A field (……方面)
    or an action (聚焦问题，立整立改) names none."""
    words = simplified(words)
    if _FIELD.fullmatch(words) or is_action(words):
        return None
    return next((kind for kind, pattern in _SECTIONS if pattern.search(words)), None)


def is_heading(node: Node) -> bool:
    """A heading names what follows; an item says something in sentences."""
    first = node.text.split("\n", 1)[0]
    return len(first) <= _HEADING_MAX and not _SENTENCE_END.search(first)
