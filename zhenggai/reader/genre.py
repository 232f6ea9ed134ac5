"""What kind of document this is, and the words that say so.

The genre gives the kind of items that no section heading names: a feedback document lists
problems, a plan or a speech measures, a circular progress, a self-examination problems, then
causes, then measures. The title decides when it names a genre; otherwise the body's words
are counted, and the genre most often named wins."""

import re
from collections import Counter

from zhenggai.reader.chinese import simplified
from zhenggai.reader.model import Genre, Paragraph, ReadWarning

LABELS: dict[Genre, str] = {
    "feedback": "巡视巡察反馈",
    "plan": "整改方案",
    "speech": "讲话或表态发言",
    "progress": "整改情况通报或报告",
    "self_examination": "对照检查或发言提纲",
    "other": "其他",
}
# First match wins in a title: "巡察反馈意见整改情况的通报" is a circular, not feedback.
_TITLE: tuple[tuple[Genre, re.Pattern[str]], ...] = (
    (
        "progress",
        re.compile(
            r"整改(?:工作)?(?:落实)?(?:进展)?(?:情况|进展)的?(?:通报|报告|汇报|公示|公告)?"
            r"|(?:通报|公布).{0,20}整改|整改.{0,10}(?:通报|公示)|整改成效|整改工作报告"
        ),
    ),
    (
        "self_examination",
        re.compile(r"对照检查|检视剖析|发言提纲|剖析材料|查摆|检视问题|自查(?:自纠)?报告"),
    ),
    ("plan", re.compile(r"方案|任务清单|问题清单|整改台账|整改措施|实施意见")),
    # At a feedback meeting the inspected unit answers (表态); the team's speech is feedback,
    # a speech at a meeting on rectifying what was fed back is a speech.
    ("speech", re.compile(r"表态|整改.{0,12}(?:会议?|大会)?上的(?:讲话|发言)|点评")),
    ("feedback", re.compile(r"反馈|巡[视察].{0,12}(?:情况|意见)")),
    ("speech", re.compile(r"讲话|致辞|发言|动员会|部署会|推进会|调度会|督导会|动员大会")),
)
# Words of the body that point to a genre, each counted once per paragraph.
_BODY: tuple[tuple[Genre, re.Pattern[str]], ...] = (
    (
        "progress",
        re.compile(
            r"已(?:全部)?(?:完成|整改|办结)|整改完成|完成整改|已制定|已建立|已出台|整改率"
            r"|回头看|成效评估|专项督查|整改(?:工作)?情况"
        ),
    ),
    ("self_examination", re.compile(r"对照检查|查摆|剖析|自身存在|本人|我(?:自己)?(?:在|对)|自查")),
    ("plan", re.compile(r"责任单位|责任领导|完成时限|整改时限|整改目标|牵头单位")),
    (
        "speech",
        re.compile(r"同志们|我们要|我讲|几点意见|讲话|表态|主持会议|会议(?:强调|要求|指出)"),
    ),
    ("feedback", re.compile(r"巡[视察]组.{0,12}(?:反馈|指出|发现)|反馈(?:会|意见)|反馈了")),
)
_BODY_CHARS = 20_000
_HEAD = 40
# The body decides only with several hits, and the title's genre beats it.
_BODY_MIN = 2


def decide_genre(
    title: str, title_line: int | None, body: list[Paragraph]
) -> tuple[Genre, list[ReadWarning]]:
    found = _named(title)
    if found:
        genre, said = found
        message = f"标题含“{said}”，判断为{LABELS[genre]}"
        return genre, [ReadWarning("genre_title", message, title_line, said)]
    # A page copied whole runs its title into the first line ("……动员会上的讲话同志们：").
    head = body[0] if body and not title else None
    found = _named(head.text[:_HEAD]) if head else None
    if head and found:
        genre, said = found
        message = f"开头含“{said}”，判断为{LABELS[genre]}"
        return genre, [ReadWarning("genre_title", message, head.line, said)]
    return _from_body(body)


def _named(title: str) -> tuple[Genre, str] | None:
    words = simplified(title)
    for genre, pattern in _TITLE:
        found = pattern.search(words)
        if found:
            return genre, title[found.start() : found.end()]
    return None


def _from_body(body: list[Paragraph]) -> tuple[Genre, list[ReadWarning]]:
    hits: Counter[Genre] = Counter()
    first: dict[Genre, tuple[int, str]] = {}
    seen = 0
    for paragraph in body:
        if seen > _BODY_CHARS:
            break
        seen += len(paragraph.text)
        for genre, pattern in _BODY:
            found = pattern.search(paragraph.text)
            if found:
                hits[genre] += 1
                first.setdefault(genre, (paragraph.line, found[0]))
    if not hits:
        return "other", []
    genre, count = hits.most_common(1)[0]
    if count < _BODY_MIN:
        return "other", []
    line, said = first[genre]
    message = f"正文 {count} 段含“{said}”等词语，判断为{LABELS[genre]}"
    return genre, [ReadWarning("genre_words", message, line, said)]
