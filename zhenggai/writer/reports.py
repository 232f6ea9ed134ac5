"""The two-month rectification report (per problem what was done, verified or not, the
mechanisms built, what remains) and the principal leader's report on organizing it; both
carry the signature block the principal leader signs."""

from collections.abc import Mapping

from zhenggai.writer.build import (
    Builder,
    book_titles,
    extension_text,
    figures_sentence,
    h2,
    round_fields,
    sentence,
    split_first,
    title_of,
)
from zhenggai.writer.model import (
    CategoryItem,
    Document,
    Figures,
    Finding,
    MeasureItem,
    PersonInfo,
    ProblemItem,
    RoundInfo,
)
from zhenggai.writer.official import format_date


def rectification_report(
    round_: RoundInfo,
    figures: Figures,
    categories: list[CategoryItem],
    principal: PersonInfo | None,
    texts: Mapping[str, str] | None = None,
) -> Document:
    build = Builder("report", round_fields(round_, **_person_fields(principal)), texts)
    build.fixed("addressee", "addressee")
    build.fixed("opening")
    build.section("h_overall")
    build.paragraphs("overall")
    build.add("body", figures_sentence(figures, round_.date), "整改工作总体情况")
    build.section("h_problems")
    for category in categories:
        build.add("h2", h2(category.number) + category.title, f"方面“{category.title}”")
        for number, problem in enumerate(category.problems, 1):
            _problem(build, number, problem)
    build.section("h_remaining")
    build.paragraphs("remaining")
    _sign(build, round_, principal)
    return build.document()


def leader_report(
    round_: RoundInfo,
    figures: Figures,
    led: list[ProblemItem],
    principal: PersonInfo | None,
    texts: Mapping[str, str] | None = None,
) -> Document:
    build = Builder("leader-report", round_fields(round_, **_person_fields(principal)), texts)
    build.fixed("addressee", "addressee")
    build.fixed("opening")
    build.section("h_duty")
    build.paragraphs("duty")
    build.section("h_supervision")
    pushed = [
        f"向责任单位下发督办单{figures.notices}份" if figures.notices else "",
        f"催办{figures.reminders}人次" if figures.reminders else "",
        f"对整改不力的单位约谈、通报、问责{figures.escalations}次" if figures.escalations else "",
        f"实地核查后销号的整改措施{figures.verifications_on_site}项"
        if figures.verifications_on_site
        else "",
    ]
    if any(pushed):
        text = "，".join(part for part in pushed if part)
        build.add("body", f"整改期间，{text}。", "督促检查情况")
    build.add("body", figures_sentence(figures, round_.date), "督促检查情况")
    build.section("h_led")
    if led:
        for number, problem in enumerate(led, 1):
            done = sum(1 for m in problem.measures if m.done)
            build.add(
                "body",
                f"{number}.{title_of(problem.text)}。该问题制定整改措施{len(problem.measures)}项，"
                f"已完成{done}项，目前{problem.status_label}。",
                f"问题 {problem.code}",
            )
    else:
        build.add("body", "本人未担任具体问题的牵头领导，整改工作由班子成员按分工牵头落实。")
    build.section("h_next")
    build.paragraphs("next")
    _sign(build, round_, principal)
    return build.document()


def _person_fields(person: PersonInfo | None) -> dict[str, str]:
    if person is None:
        return {}
    return {"姓名": person.name, "职务": person.title}


def _sign(build: Builder, round_: RoundInfo, principal: PersonInfo | None) -> None:
    build.fixed("closing", outside=True)
    if principal is None:
        build.missing("没有设定签署报告的主要负责人（在本轮“整改文书”页面设定）")
        build.signature(round_.issuer, on=round_.date)
    else:
        build.signature(round_.issuer, f"主要负责人：{principal.name}", on=round_.date)


def _problem(build: Builder, number: int, problem: ProblemItem) -> None:
    where = f"问题 {problem.code}"
    lead, rest = split_first(problem.text)
    build.add("body", rest, where, lead=f"{number}.{lead}", lead_style="h3")
    if not problem.measures:
        build.findings.append(Finding("no_measures", f"{where}没有整改措施"))
        return
    done = [m for m in problem.measures if m.done]
    closed = [m for m in problem.measures if m.closed]
    build.add(
        "body",
        f"整改情况：制定整改措施{len(problem.measures)}项，已完成{len(done)}项，"
        f"经核查销号{len(closed)}项。",
        where,
    )
    for index, measure in enumerate(problem.measures, 1):
        progress = (
            f"进展情况：{sentence(measure.progress)}" if measure.progress else "尚未报送进展。"
        )
        build.add(
            "body",
            f"（{index}）{sentence(measure.text)}{extension_text(measure)}{progress}"
            f"{_checked(measure)}",
            f"措施 {measure.code}",
        )
    if problem.mechanisms:
        build.add("body", f"建立长效机制：{book_titles(problem.mechanisms)}。", where)
    else:
        build.add("body", "建立长效机制：尚未建立。", where)
    remaining = [m for m in problem.measures if not m.done]
    if remaining:
        build.add("body", f"尚需持续推进：{_remaining(remaining)}", where)


def _checked(measure: MeasureItem) -> str:
    if measure.closed:
        outcome = "转入长期坚持" if measure.status_label == "长期坚持" else "已销号"
        return f"经{measure.verification or '核查'}，{outcome}。"
    if measure.done:
        return "已完成，待核查销号。"
    return ""


def _remaining(measures: list[MeasureItem]) -> str:
    dated = sorted(m.deadline for m in measures if m.deadline)
    text = f"{len(measures)}项措施尚未完成"
    if dated:
        text += f"，最晚完成时限为{format_date(dated[-1])}"
    if len(dated) < len(measures):
        text += "，其中长期坚持的措施按计划持续推进"
    return text + "。"
