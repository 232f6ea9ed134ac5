"""Read-side questions about mechanisms and generalizations. Lists start from the scoped
querysets of policy.py; the dashboard counts closed_without_mechanism() the same way the
page lists it."""

from django.db.models import Count, Exists, OuterRef, Q

from zhenggai.authority.models import Role
from zhenggai.authority.roles import ACTING_UNIT_ROLES, actor_of
from zhenggai.ledger.models import Unit
from zhenggai.ledger.policy import any_of, supervises
from zhenggai.mechanisms.models import GeneralizationAnswer, Mechanism
from zhenggai.rules.status import ProblemStatus

Answer = GeneralizationAnswer.Answer
Review = GeneralizationAnswer.Review


def closed_without_mechanism(problems):
    """The closed-out problems among `problems` that no mechanism is linked to."""
    linked = Mechanism.problems.through.objects.filter(problem=OuterRef("pk"))
    return problems.filter(status=ProblemStatus.CLOSED).exclude(Exists(linked))


def search_mechanisms(mechanisms, words: str = "", kind: str = ""):
    if kind:
        mechanisms = mechanisms.filter(kind=kind)
    for word in words.split():
        mechanisms = mechanisms.filter(
            Q(name__icontains=word)
            | Q(document_number__icontains=word)
            | Q(description__icontains=word)
            | Q(issuing_unit__name__icontains=word)
        )
    return mechanisms.order_by("-issued_on", "-pk")


def linkable_problems(user, round_):
    """The problems of the round the user may link a mechanism to."""
    problems = round_.problems.select_related("category").order_by("position")
    if supervises(user, round_):
        return problems
    return problems.filter(_in_trees("lead_unit__", _acting(user, round_)))


def issuing_units(user, round_):
    """The units whose mechanisms the user may register: any of the round's organization for
    its office, otherwise the trees it acts for."""
    units = Unit.objects.filter(organization_id=round_.office.organization_id)
    if supervises(user, round_):
        return units
    return units.filter(_in_trees("", _acting(user, round_)))


def _acting(user, round_) -> list[str]:
    return actor_of(user).paths_in(round_, ACTING_UNIT_ROLES)


def _in_trees(prefix: str, paths: list[str]) -> Q:
    return any_of([Q(**{f"{prefix}path__startswith": path}) for path in paths])


# Generalization

# How far a generalization reached, counted over its answers. A rejected "not present" goes
# back to pending: the unit must answer again.
REACH = {
    "asked": Count("answers"),
    "answered": Count("answers", filter=~Q(answers__answer=Answer.PENDING)),
    "found": Count("answers", filter=Q(answers__answer=Answer.FOUND)),
    "accepted": Count(
        "answers",
        filter=Q(answers__answer=Answer.NOT_PRESENT, answers__review=Review.ACCEPTED),
    ),
    "awaiting_review": Count(
        "answers",
        filter=Q(answers__answer=Answer.NOT_PRESENT, answers__review=Review.PENDING),
    ),
    "pending": Count("answers", filter=Q(answers__answer=Answer.PENDING)),
}
STATE_LABELS = {
    "found": "存在同类问题",
    "accepted": "不存在（已认可）",
    "awaiting_review": "不存在（待审核）",
    "rejected": "未获认可，待重新答复",
    "pending": "待答复",
}


def answer_rows(answers):
    """Answers with what their rows show: the problem asked about, the unit, the new problem."""
    return answers.select_related(
        "generalization__source__category", "unit", "linked_problem__category"
    )


def with_reach(generalizations):
    """Each generalization with one count per REACH entry, in one grouped query."""
    return generalizations.annotate(**REACH)


def total_reach(generalizations) -> dict:
    return {name: sum(getattr(g, name) for g in generalizations) for name in REACH}


def state_of(answer: GeneralizationAnswer) -> str:
    """One answer's place in REACH, told apart a little finer for its row."""
    if answer.answer == Answer.FOUND:
        return "found"
    if answer.answer == Answer.NOT_PRESENT:
        return "accepted" if answer.review == Review.ACCEPTED else "awaiting_review"
    return "rejected" if answer.review == Review.REJECTED else "pending"


def askable_units(user, round_):
    """Units the office may ask: below the user, but neither an office nor the round's
    office or a unit above it, whose users run the round and cannot answer to it."""
    office_path = round_.office.path
    above_office = [office_path[: i + 1] for i, c in enumerate(office_path) if c == "/"]
    units = Unit.objects.exclude(kind=Unit.Kind.OFFICE).exclude(path__in=above_office)
    units = units.filter(organization_id=round_.office.organization_id)
    return units.filter(_in_trees("", actor_of(user).paths_in(round_, {Role.OFFICE})))
