"""Who may write which document, built on zhenggai.ledger.policy and supervision's.

- The Excel ledger: whoever sees the round, with exactly the rows the ledger page shows them.
- The round's documents (plan, report, leader-report, the two disclosures) and what they are
  made of (texts, template, signer, problems withheld from the public): the round's office.
- A leader's speech outline and self-examination material, and the causes and own measures in
  them: that leader and the round's office.
- A supervision notice: whoever may see the notice (the round's office, the addressed unit).

Permissions are plain functions that return (allowed, reason in Chinese)."""

from django.db.models import Exists, OuterRef, Q

from zhenggai.ledger.models import Claim, InspectionRound, Person, Problem
from zhenggai.ledger.policy import (
    actor_of,
    get_person_for,
    require,
    rounds_visible_to,
    supervises,
)

ROUND_KINDS = ("plan", "report", "leader-report", "disclosure-internal", "disclosure-public")
PERSON_KINDS = ("outline", "self-examination")
NOTICE_KINDS = ("notice",)
KINDS = ("ledger", *ROUND_KINDS, "notice", *PERSON_KINDS)


def can_write_round_documents(user, round_: InspectionRound) -> tuple[bool, str]:
    if supervises(user, round_):
        return True, ""
    return False, "整改方案、整改报告和公开通报由本轮整改牵头单位（整改办）生成和设置。"


def can_write_for(user, round_: InspectionRound, person: Person) -> tuple[bool, str]:
    """A leader's own material: the leader, and the office that helps prepare it."""
    if actor_of(user).person_id == person.pk or supervises(user, round_):
        return True, ""
    return False, "个人发言提纲和对照检查材料只有本人和本轮整改办可以查看、编辑和导出。"


def material_rounds(user, person: Person) -> list[InspectionRound]:
    """The rounds in which the person leads or claimed a problem and the user may prepare the
    person's material."""
    # EXISTS per round, each an index lookup; a join through every problem would not be.
    leads = Problem.objects.filter(round=OuterRef("pk"), lead_leader=person)
    claimed = Claim.objects.filter(problem__round=OuterRef("pk"), person=person)
    rounds = rounds_visible_to(user).filter(Q(Exists(leads)) | Q(Exists(claimed)))
    rounds = rounds.select_related("office").order_by("-feedback_date", "-pk")
    return [r for r in rounds if can_write_for(user, r, person)[0]]


def get_person_in_round(user, round_: InspectionRound, person_pk) -> Person:
    """The person whose material it is: visible to the user (404 otherwise), and the user is
    that person or runs the round (403 otherwise)."""
    person = get_person_for(user, person_pk)
    require(can_write_for(user, round_, person))
    return person
