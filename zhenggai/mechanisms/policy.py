"""Who may see and change mechanisms and generalizations, built on the ledger's policy.

Mechanisms: the round's office registers any mechanism and links it to any problem of the
round. A unit registers the mechanisms that it (or a unit below it) issued, and links them
only to problems that it (or a unit below it) leads. A mechanism is visible to the round's
office, to the issuing unit and the units above it, and to whoever sees a problem it is
linked to.

Generalization (举一反三): only the round's office asks. Each asked unit answers for itself:
its own users and those of the units above it may answer, the office may not answer in its
place. An answer is visible to the office and to the asked unit (and the units above it),
never to the other asked units."""

from django.db.models import Exists, OuterRef, Q

from zhenggai.authority.roles import ACTING_UNIT_ROLES, actor_of
from zhenggai.ledger.models import Problem
from zhenggai.ledger.policy import (
    acts_for,
    foreign_references,
    get_visible,
    problem_scope,
    require,
    rows_by_unit,
    rows_of_whole_rounds,
    run_rounds,
    supervises,
)
from zhenggai.mechanisms.models import Generalization, GeneralizationAnswer, Mechanism

Answer = GeneralizationAnswer.Answer
Review = GeneralizationAnswer.Review


def covers(user, unit, round_) -> bool:
    """The unit is one the user acts for in the round, or one below it."""
    return acts_for(user, unit, round_)


# Scopes


def mechanism_scope(user) -> Q:
    linked_visible = Problem.objects.filter(problem_scope(user), mechanisms=OuterRef("pk"))
    return (
        rows_of_whole_rounds(user) | rows_by_unit(user, "issuing_unit") | Q(Exists(linked_visible))
    )


def mechanisms_visible_to(user):
    return Mechanism.objects.filter(mechanism_scope(user))


def answer_scope(user) -> Q:
    round_field = "generalization__source__round"
    return rows_of_whole_rounds(user, round_field) | rows_by_unit(user, "unit", round_field)


def answers_visible_to(user):
    return GeneralizationAnswer.objects.filter(answer_scope(user))


def generalizations_visible_to(user):
    """A generalization as a whole (every unit's answer) is the office's to see."""
    return Generalization.objects.filter(source__round__in=run_rounds(user))


# Permissions: (allowed, reason).


def can_register_mechanism(user, round_) -> tuple[bool, str]:
    if supervises(user, round_):
        return True, ""
    if not actor_of(user).paths_in(round_, ACTING_UNIT_ROLES):
        return False, "只有本轮的整改办和责任单位可以登记长效机制。"
    return True, ""


def can_issue_as(user, round_, issuing_unit) -> tuple[bool, str]:
    if foreign_references(round_, issuing_unit=issuing_unit):
        return False, "制定单位不属于本轮整改所在的组织。"
    if supervises(user, round_) or covers(user, issuing_unit, round_):
        return True, ""
    return False, "只能登记本单位（含下级单位）制定的长效机制。"


def can_manage_mechanism(user, mechanism: Mechanism) -> tuple[bool, str]:
    """Linking and unlinking at all; which problems is can_link's question."""
    if mechanism.round is not None and supervises(user, mechanism.round):
        return True, ""
    if mechanism.round is not None and covers(user, mechanism.issuing_unit, mechanism.round):
        return True, ""
    return False, "只有整改办或制定该机制的单位可以调整它关联的问题。"


def can_link(user, mechanism: Mechanism, problem: Problem) -> tuple[bool, str]:
    if supervises(user, problem.round):
        return True, ""
    round_ = problem.round
    if covers(user, mechanism.issuing_unit, round_) and covers(user, problem.lead_unit, round_):
        return True, ""
    return False, "只能把本单位制定的长效机制关联到本单位牵头的问题。"


def can_ask(user, problem: Problem) -> tuple[bool, str]:
    if supervises(user, problem.round):
        return True, ""
    return False, "只有本轮整改牵头单位（整改办）可以发起举一反三。"


def can_answer(user, answer: GeneralizationAnswer) -> tuple[bool, str]:
    if supervises(user, answer.generalization.source.round):
        return False, "举一反三由被要求自查的单位自己答复，整改办不能代为答复。"
    if not covers(user, answer.unit, answer.generalization.source.round):
        return False, "只有被要求自查的单位可以答复。"
    if answer.answer == Answer.FOUND:
        return False, "本单位已答复存在同类问题，并已列入整改台账。"
    if answer.answer == Answer.NOT_PRESENT:
        if answer.review == Review.ACCEPTED:
            return False, "整改办已认可本单位“不存在同类问题”的答复。"
        return False, "本单位已经答复，正在等待整改办审核。"
    return True, ""


def can_review(user, answer: GeneralizationAnswer) -> tuple[bool, str]:
    if not supervises(user, answer.generalization.source.round):
        return False, "只有整改办可以审核举一反三答复。"
    if answer.answer != Answer.NOT_PRESENT or answer.review != Review.PENDING:
        return False, "只有待审核的“不存在同类问题”答复可以审核。"
    return True, ""


# Lookups: outside the scope is a 404, a refused write is a 403 with the reason.


def get_mechanism_for(user, pk, write: bool = False) -> Mechanism:
    queryset = mechanisms_visible_to(user).select_related(
        "round__office", "issuing_unit", "created_by__person"
    )
    mechanism = get_visible(queryset, pk)
    if write:
        require(can_manage_mechanism(user, mechanism))
    return mechanism


def get_answer_for(user, pk) -> GeneralizationAnswer:
    queryset = answers_visible_to(user).select_related(
        "generalization__source__round__office",
        "generalization__source__category",
        "generalization__asked_by",
        "unit",
        "linked_problem__category",
        "answered_by",
        "reviewed_by",
    )
    return get_visible(queryset, pk)
