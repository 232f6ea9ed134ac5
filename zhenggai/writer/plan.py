"""整改方案: the ledger in document form, per problem its measures, who answers and by when."""

from collections.abc import Mapping

from zhenggai.writer.build import Builder, h2, round_fields, split_first, units_text
from zhenggai.writer.model import CategoryItem, Document, Finding, ProblemItem, RoundInfo


def rectification_plan(
    round_: RoundInfo, categories: list[CategoryItem], texts: Mapping[str, str] | None = None
) -> Document:
    build = Builder("plan", round_fields(round_), texts)
    build.fixed("opening")
    build.section("h_requirements")
    build.paragraphs("requirements")
    build.section("h_tasks")
    for category in categories:
        build.add("h2", h2(category.number) + category.title, f"方面“{category.title}”")
        for number, problem in enumerate(category.problems, 1):
            _problem(build, number, problem)
    build.section("h_safeguards")
    build.paragraphs("safeguards")
    build.signature(round_.issuer, on=round_.date)
    if not categories:
        build.missing("本轮还没有问题，整改任务部分是空的")
    return build.document()


def _problem(build: Builder, number: int, problem: ProblemItem) -> None:
    where = f"问题 {problem.code}"
    lead, rest = split_first(problem.text)
    build.add("body", rest, where, lead=f"{number}.{lead}", lead_style="h3")
    if problem.lead_leader:
        build.add("body", f"责任领导：{problem.lead_leader}", where)
    if not problem.measures:
        build.findings.append(Finding("no_measures", f"{where}没有整改措施"))
        return
    build.add("body", "整改措施：", where)
    for index, measure in enumerate(problem.measures, 1):
        text = measure.text.rstrip("。；;")
        build.add("body", f"（{index}）{text}。（{units_text(measure)}）", f"措施 {measure.code}")
