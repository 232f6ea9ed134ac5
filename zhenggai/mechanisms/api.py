"""长效机制 and 举一反三 over HTTP, through the same services and scopes as the web pages.

Registering a mechanism and answering "not present" carry a file, so they take a multipart
form; everything else is JSON."""

import datetime
from typing import Literal

from django.db.models import Prefetch, prefetch_related_objects
from django.urls import reverse
from ninja import Field, File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import paginate

from zhenggai.api.refs import Ref, values_of
from zhenggai.api.schemas import (
    Id,
    Input,
    Pagination,
    ProblemRef,
    RoundRef,
    UnitRef,
    bounded_text,
    choice_of,
    text_of,
)
from zhenggai.ledger.models import Measure, Problem, Unit
from zhenggai.ledger.policy import get_problem_for, get_round_for
from zhenggai.mechanisms import policy, services
from zhenggai.mechanisms.models import GeneralizationAnswer, Mechanism
from zhenggai.mechanisms.queries import (
    REACH,
    STATE_LABELS,
    answer_rows,
    closed_without_mechanism,
    search_mechanisms,
    state_of,
    with_reach,
)

router = Router(tags=["长效机制"])

MAX_PROBLEMS = 200
MAX_UNITS = 1000
MAX_MEASURES = 10


# Mechanisms


class MechanismOut(Schema):
    id: int
    round: RoundRef | None
    name: str
    kind: str
    kind_label: str
    document_number: str
    issuing_unit: UnitRef
    issued_on: datetime.date
    description: str
    file_url: str | None = Field(None, description="文件下载地址（网页登录后可下载）")
    problems: list[ProblemRef] = Field(description="针对的问题中调用者可以查看的")
    created_at: datetime.datetime

    @staticmethod
    def resolve_kind_label(obj):
        return obj.get_kind_display()

    @staticmethod
    def resolve_file_url(obj):
        return reverse("mechanisms:mechanism_file", args=[obj.pk]) if obj.file else None

    @staticmethod
    def resolve_problems(obj):
        return obj.problems.all()


class MechanismIn(Input):
    name: text_of(Mechanism, "name")
    kind: choice_of(Mechanism, "kind")
    document_number: text_of(Mechanism, "document_number") = ""
    issuing_unit: Id
    issued_on: datetime.date
    description: text_of(Mechanism, "description") = ""
    problems: list[Id] = Field(..., min_length=1, max_length=MAX_PROBLEMS)


class LinkIn(Input):
    problem: Id


class MechanismFilters(Schema):
    q: bounded_text(100) = Field("", description="关键词：名称、文号、主要内容、制定单位")
    kind: choice_of(Mechanism, "kind") | None = Field(None, description="类别")


MECHANISM_REFS = {
    "issuing_unit": Ref(Unit.objects.all(), "制定单位"),
    "problems": Ref(Problem.objects.select_related("round__office", "lead_unit"), "问题", True),
}


def _with_visible_problems(user):
    problems = Problem.objects.visible_to(user).select_related("category").order_by("position")
    return Prefetch("problems", queryset=problems)


def _mechanism(user, pk):
    mechanism = policy.get_mechanism_for(user, pk)
    prefetch_related_objects([mechanism], _with_visible_problems(user))
    return mechanism


@router.get(
    "/rounds/{round_id}/mechanisms", response=list[MechanismOut], summary="本轮长效机制台账"
)
@paginate(Pagination)
def list_mechanisms(request, round_id: int, filters: Query[MechanismFilters]):
    user = request.auth
    round_ = get_round_for(user, round_id)
    mechanisms = policy.mechanisms_visible_to(user).filter(round=round_)
    return (
        search_mechanisms(mechanisms, filters.q, filters.kind or "")
        .select_related("round", "issuing_unit")
        .prefetch_related(_with_visible_problems(user))
    )


@router.post(
    "/rounds/{round_id}/mechanisms",
    response={201: MechanismOut},
    summary="登记长效机制（multipart 表单，可附文件）",
)
def register_mechanism(
    request, round_id: int, payload: Form[MechanismIn], file: File[UploadedFile] = None
):
    user = request.auth
    round_ = get_round_for(user, round_id)
    values = values_of(payload, MECHANISM_REFS)
    mechanism = services.register_mechanism(user, round_, **values, file=file)
    return Status(201, _mechanism(user, mechanism.pk))


@router.get("/mechanisms/{mechanism_id}", response=MechanismOut, summary="长效机制详情")
def get_mechanism(request, mechanism_id: int):
    return _mechanism(request.auth, mechanism_id)


@router.post(
    "/mechanisms/{mechanism_id}/problems",
    response={201: MechanismOut},
    summary="把长效机制关联到问题",
)
def link_problem(request, mechanism_id: int, payload: LinkIn):
    user = request.auth
    mechanism = policy.get_mechanism_for(user, mechanism_id, write=True)
    services.link_mechanism(user, mechanism, get_problem_for(user, payload.problem))
    return Status(201, _mechanism(user, mechanism.pk))


@router.delete(
    "/mechanisms/{mechanism_id}/problems/{problem_id}",
    response={204: None},
    summary="取消长效机制与问题的关联",
)
def unlink_problem(request, mechanism_id: int, problem_id: int):
    user = request.auth
    mechanism = policy.get_mechanism_for(user, mechanism_id, write=True)
    services.unlink_mechanism(user, mechanism, get_problem_for(user, problem_id))
    return Status(204, None)


@router.get(
    "/rounds/{round_id}/closed-without-mechanism",
    response=list[ProblemRef],
    summary="已销号但未建立长效机制的问题",
)
@paginate(Pagination)
def list_closed_without_mechanism(request, round_id: int):
    user = request.auth
    problems = Problem.objects.visible_to(user).filter(round=get_round_for(user, round_id))
    return closed_without_mechanism(problems).select_related("category").order_by("position")


# Generalization


class AnswerOut(Schema):
    id: int
    generalization: int = Field(alias="generalization_id")
    source: ProblemRef
    unit: UnitRef
    answer_deadline: datetime.date
    answer: str
    answer_label: str
    state: str
    state_label: str
    reasons: str
    evidence_url: str | None
    linked_problem: ProblemRef | None
    answered_at: datetime.datetime | None
    review: str
    review_label: str
    review_note: str

    @staticmethod
    def resolve_source(obj):
        return obj.generalization.source

    @staticmethod
    def resolve_answer_deadline(obj):
        return obj.generalization.answer_deadline

    @staticmethod
    def resolve_answer_label(obj):
        return obj.get_answer_display()

    @staticmethod
    def resolve_state(obj):
        return state_of(obj)

    @staticmethod
    def resolve_state_label(obj):
        return STATE_LABELS[state_of(obj)]

    @staticmethod
    def resolve_evidence_url(obj):
        return reverse("mechanisms:answer_evidence", args=[obj.pk]) if obj.evidence else None

    @staticmethod
    def resolve_review_label(obj):
        return obj.get_review_display()


class Reach(Schema):
    asked: int
    answered: int
    found: int
    accepted: int
    awaiting_review: int
    pending: int


class GeneralizationOut(Schema):
    id: int
    source: ProblemRef
    note: str
    answer_deadline: datetime.date
    asked_at: datetime.datetime
    reach: Reach
    answers: list[AnswerOut]

    @staticmethod
    def resolve_reach(obj):
        return {name: getattr(obj, name) for name in REACH}

    @staticmethod
    def resolve_answers(obj):
        return obj.answers.all()


class GeneralizeIn(Input):
    units: list[Id] = Field([], max_length=MAX_UNITS, description="逐个选择的单位")
    kind: choice_of(Unit, "kind") | None = Field(None, description="某一类单位全部")
    within: Id | None = Field(None, description="只在该单位下属范围内（需同时给出 kind）")
    note: bounded_text(2000) = ""
    answer_deadline: datetime.date | None = Field(None, description="默认为10个工作日后")


class GeneralizationFilters(Schema):
    round: Id | None = None
    problem: Id | None = None


class ProposedMeasure(Input):
    text: text_of(Measure, "text")
    kind: choice_of(Measure, "kind") = Measure.Kind.TIME_BOUND
    deadline: datetime.date | None = None
    deliverable: text_of(Measure, "deliverable") = ""


class FoundIn(Input):
    text: bounded_text(2000) = Field("", description="问题；默认与原问题相同")
    manifestations: bounded_text(20000, required=True)
    measures: list[ProposedMeasure] = Field(..., min_length=1, max_length=MAX_MEASURES)


class NotPresentIn(Input):
    reasons: bounded_text(5000, required=True)


class ReviewIn(Input):
    decision: Literal["accept", "reject"]
    note: bounded_text(500) = ""


class AnswerFilters(Schema):
    pending: bool = Field(False, description="只看待答复的")


def _generalizations(user):
    answers = answer_rows(GeneralizationAnswer.objects.order_by("unit__path"))
    generalizations = with_reach(policy.generalizations_visible_to(user))
    return generalizations.select_related("source__category").prefetch_related(
        Prefetch("answers", queryset=answers)
    )


def _generalization(user, pk):
    return _generalizations(user).get(pk=pk)


@router.post(
    "/problems/{problem_id}/generalizations",
    response={201: GeneralizationOut},
    summary="发起举一反三",
)
def ask(request, problem_id: int, payload: GeneralizeIn):
    user = request.auth
    problem = get_problem_for(user, problem_id)
    values = values_of(
        payload,
        {
            "units": Ref(Unit.objects.all(), "单位", many=True),
            "within": Ref(Unit.objects.all(), "范围单位"),
        },
    )
    values["kind"] = values.get("kind") or ""
    generalization = services.ask_generalization(user, problem, **values)
    return Status(201, _generalization(user, generalization.pk))


@router.get("/generalizations", response=list[GeneralizationOut], summary="举一反三（整改办）")
@paginate(Pagination)
def list_generalizations(request, filters: Query[GeneralizationFilters]):
    generalizations = _generalizations(request.auth)
    if filters.round is not None:
        generalizations = generalizations.filter(source__round_id=filters.round)
    if filters.problem is not None:
        generalizations = generalizations.filter(source_id=filters.problem)
    return generalizations.order_by("-pk")


@router.get("/generalization-answers", response=list[AnswerOut], summary="举一反三自查要求与答复")
@paginate(Pagination)
def list_answers(request, filters: Query[AnswerFilters]):
    answers = answer_rows(policy.answers_visible_to(request.auth))
    if filters.pending:
        answers = answers.filter(answer=GeneralizationAnswer.Answer.PENDING)
    return answers.order_by("generalization__answer_deadline", "pk")


@router.get("/generalization-answers/{answer_id}", response=AnswerOut, summary="一个单位的自查答复")
def get_answer(request, answer_id: int):
    return policy.get_answer_for(request.auth, answer_id)


@router.post(
    "/generalization-answers/{answer_id}/found",
    response=AnswerOut,
    summary="答复：存在同类问题（列入台账并提出措施）",
)
def answer_found(request, answer_id: int, payload: FoundIn):
    user = request.auth
    answer = policy.get_answer_for(user, answer_id)
    values = payload.model_dump()
    services.answer_found(user, answer, **values)
    return policy.get_answer_for(user, answer_id)


@router.post(
    "/generalization-answers/{answer_id}/not-present",
    response=AnswerOut,
    summary="答复：不存在同类问题（multipart 表单，可附佐证材料）",
)
def answer_not_present(
    request, answer_id: int, payload: Form[NotPresentIn], evidence: File[UploadedFile] = None
):
    user = request.auth
    answer = policy.get_answer_for(user, answer_id)
    services.answer_not_present(user, answer, reasons=payload.reasons, evidence=evidence)
    return policy.get_answer_for(user, answer_id)


@router.post(
    "/generalization-answers/{answer_id}/review",
    response=AnswerOut,
    summary="审核“不存在同类问题”的答复",
)
def review(request, answer_id: int, payload: ReviewIn):
    user = request.auth
    answer = policy.get_answer_for(user, answer_id)
    accept = payload.decision == "accept"
    services.review_answer(user, answer, accept=accept, note=payload.note)
    return policy.get_answer_for(user, answer_id)
