"""A leader's documents for the special meeting: the personal speech outline (个人发言提纲) and
the self-examination material (对照检查材料), built from the problems the leader claimed or
leads, grouped by category and counted 一是、二是 …, then the causes and the leader's own
measures, in the structure such outlines have: 一、问题 二、原因剖析 三、整改措施."""

import datetime
from collections.abc import Mapping

from zhenggai.writer.build import Builder, h2, item, round_fields, split_first
from zhenggai.writer.model import CategoryItem, Document, PersonInfo, ProblemItem, RoundInfo


def speech_outline(
    round_: RoundInfo,
    person: PersonInfo,
    categories: list[CategoryItem],
    causes: list[str],
    measures: list[str],
    texts: Mapping[str, str] | None = None,
) -> Document:
    build = _begin("outline", round_, person, categories, texts)
    for number, category in enumerate(categories, 1):
        build.add("h2", h2(number) + category.title, f"方面“{category.title}”")
        for index, problem in enumerate(category.problems, 1):
            _problem(build, index, problem)
    _end(build, causes, measures)
    return build.document()


def self_examination(
    round_: RoundInfo,
    person: PersonInfo,
    categories: list[CategoryItem],
    causes: list[str],
    measures: list[str],
    texts: Mapping[str, str] | None = None,
    on: datetime.date | None = None,
) -> Document:
    build = _begin("self-examination", round_, person, categories, texts)
    for number, category in enumerate(categories, 1):
        build.add("h2", h2(number) + category.title, f"方面“{category.title}”")
        for index, problem in enumerate(category.problems, 1):
            _problem(build, index, problem)
            _progress(build, problem)
    _end(build, causes, measures)
    build.signature(person.name, on=on or round_.date)
    return build.document()


def _begin(kind, round_, person, categories, texts) -> Builder:
    fields = round_fields(round_, 姓名=person.name, 职务=person.title)
    build = Builder(kind, fields, texts)
    build.fixed("opening")
    build.section("h_problems")
    if not categories:
        build.missing(f"{person.name}在本轮没有认领或牵头的问题")
    return build


def _problem(build: Builder, number: int, problem: ProblemItem) -> None:
    lead, rest = split_first(problem.text)
    details = "".join(line.strip() for line in problem.manifestations.splitlines())
    build.add("body", rest + details, f"问题 {problem.code}", lead=item(number) + lead)


def _progress(build: Builder, problem: ProblemItem) -> None:
    total = len(problem.measures)
    done = sum(1 for m in problem.measures if m.done)
    if total:
        text = (
            f"整改进展：该问题制定整改措施{total}项，已完成{done}项，目前{problem.status_label}。"
        )
    else:
        text = "整改进展：该问题尚未制定整改措施。"
    build.add("body", text, f"问题 {problem.code}")


def _end(build: Builder, causes: list[str], measures: list[str]) -> None:
    for key, items in (("h_causes", causes), ("h_measures", measures)):
        build.section(key)
        for number, text in enumerate(items, 1):
            lead, rest = split_first(text)
            build.add(
                "body",
                rest,
                f"{build.text(key)}第{number}条",
                lead=h2(number) + lead,
                lead_style="h2",
            )
    build.fixed("closing", outside=True)
