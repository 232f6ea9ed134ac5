"""Problems (问题): the problem list with the web ledger's filters, and claiming (认领)."""

import datetime

from django.db.models import prefetch_related_objects
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from zhenggai.api.filters import ProblemFilters, in_round, ledger_query
from zhenggai.api.refs import Ref, values_of
from zhenggai.api.schemas import (
    CategoryOut,
    Id,
    Input,
    Pagination,
    PersonRef,
    RoundRef,
    UnitRef,
    choice_of,
    number_of,
    text_of,
    versioned_partial_of,
)
from zhenggai.api.versions import edit_version
from zhenggai.ledger import policy, services
from zhenggai.ledger.models import Category, Claim, Person, Problem, Unit
from zhenggai.ledger.queries import filter_problems, problem_rows, today

router = Router(tags=["问题"])

REFS = {
    # Existence only: the service says when a category is from another round or a person
    # is not a leader, in the same words as the web form.
    "category": Ref(Category.objects.all(), "方面"),
    "lead_leader": Ref(Person.objects.all(), "牵头领导"),
    "lead_unit": Ref(Unit.objects.all(), "牵头单位"),
}


class ClaimOut(Schema):
    id: int
    person: PersonRef | None
    unit: UnitRef | None
    note: str
    claimed_at: datetime.datetime


class ProblemOut(Schema):
    id: int
    round: RoundRef
    category: CategoryOut
    number: int
    code: str
    title: str
    text: str
    manifestations: str
    source: str
    source_label: str
    is_key: bool
    lead_leader: PersonRef | None
    lead_unit: UnitRef | None
    status: str
    status_label: str
    light: str
    light_label: str
    closed_on: datetime.date | None
    claims: list[ClaimOut]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    version: int

    @staticmethod
    def resolve_source_label(obj):
        return obj.source_label

    @staticmethod
    def resolve_status_label(obj):
        return obj.get_status_display()

    @staticmethod
    def resolve_light_label(obj):
        return obj.get_light_display()

    @staticmethod
    def resolve_claims(obj):
        return obj.claims.all()


class ProblemIn(Input):
    category: Id
    number: number_of(Problem, "number") = None
    text: text_of(Problem, "text")
    manifestations: text_of(Problem, "manifestations") = None
    source: choice_of(Problem, "source") = None
    is_key: bool = None
    lead_leader: Id | None = None
    lead_unit: Id | None = None


ProblemPatch = versioned_partial_of(ProblemIn, "ProblemPatch")


class ClaimIn(Input):
    note: text_of(Claim, "note") = ""


CLAIMANTS = ["claims__person", "claims__unit"]


def _rows(queryset):
    return problem_rows(queryset).select_related("round").prefetch_related(*CLAIMANTS)


@router.get("/problems", response=list[ProblemOut], summary="问题清单")
@paginate(Pagination)
def list_problems(request, filters: Query[ProblemFilters]):
    user = request.auth
    problems = in_round(Problem.objects.visible_to(user), user, filters.round)
    return _rows(filter_problems(problems, ledger_query(user, filters), today()))


@router.get("/problems/{problem_id}", response=ProblemOut, summary="问题详情")
def get_problem(request, problem_id: int):
    problem = policy.get_problem_for(request.auth, problem_id)
    prefetch_related_objects([problem], *CLAIMANTS)
    return problem


@router.post("/rounds/{round_id}/problems", response={201: ProblemOut}, summary="新增问题")
def create_problem(request, round_id: int, payload: ProblemIn):
    round_ = policy.get_round_for(request.auth, round_id, write=True)
    return Status(201, services.create_problem(request.auth, round_, **values_of(payload, REFS)))


@router.patch("/problems/{problem_id}", response=ProblemOut, summary="修改问题")
def update_problem(request, problem_id: int, payload: ProblemPatch):
    problem = policy.get_problem_for(request.auth, problem_id, write=True)
    values = values_of(payload, REFS)
    version = edit_version(request, values)
    return services.update_problem(request.auth, problem, version=version, **values)


@router.post("/problems/{problem_id}/claim", response={201: ClaimOut}, summary="认领问题")
def claim_problem(request, problem_id: int, payload: ClaimIn | None = None):
    problem = policy.get_problem_for(request.auth, problem_id)
    note = payload.note if payload else ""
    return Status(201, services.claim_problem(request.auth, problem, note=note))
