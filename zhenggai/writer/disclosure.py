"""双公开: the progress circular, in an in-Party version with every problem and a public version
without those the office withheld (state secrets, cases under investigation …). The public
version lists what it left out and why in `omitted`, for the office's eyes only."""

from collections.abc import Mapping

from zhenggai.writer.build import (
    Builder,
    book_titles,
    figures_sentence,
    h2,
    round_fields,
    sentence,
    title_of,
)
from zhenggai.writer.model import CategoryItem, Document, Figures, ProblemItem, RoundInfo


def disclosure(
    round_: RoundInfo,
    figures: Figures,
    categories: list[CategoryItem],
    public: bool,
    texts: Mapping[str, str] | None = None,
) -> Document:
    kind = "disclosure-public" if public else "disclosure-internal"
    build = Builder(kind, round_fields(round_), texts)
    build.fixed("opening")
    build.section("h_overall")
    build.paragraphs("overall")
    build.add("body", figures_sentence(figures, round_.date), "整改工作总体情况")
    build.section("h_problems")
    omitted = []
    number = 0
    for category in categories:
        shown = [p for p in category.problems if not (public and p.withheld)]
        omitted += [
            f"问题 {p.code}“{title_of(p.text, 20)}”（{p.withheld}）"
            for p in category.problems
            if public and p.withheld
        ]
        if not shown:
            continue
        number += 1
        build.add("h2", h2(number) + category.title, f"方面“{category.title}”")
        for index, problem in enumerate(shown, 1):
            _problem(build, index, problem)
    build.fixed("closing", outside=True)
    build.signature(round_.issuer, on=round_.date)
    return build.document(omitted)


def _problem(build: Builder, number: int, problem: ProblemItem) -> None:
    where = f"问题 {problem.code}"
    # Quotation marks inside quotation marks become single ones.
    named = title_of(problem.text).replace("“", "‘").replace("”", "’")
    lead = f"{number}.关于“{named}”的问题。"
    total = len(problem.measures)
    done = sum(1 for m in problem.measures if m.done)
    if problem.closed:
        state = f"已完成整改。制定的{total}项整改措施已全部落实并经核查销号。"
    elif total:
        state = f"正在整改。制定整改措施{total}项，已完成{done}项，其余按计划推进。"
    else:
        state = "正在研究制定整改措施。"
    latest = [m.progress for m in problem.measures if m.progress]
    if latest:
        state += sentence(latest[-1])
    if problem.mechanisms:
        state += f"建立完善{book_titles(problem.mechanisms)}等制度机制。"
    build.add("body", state, where, lead=lead, lead_style="h3")
