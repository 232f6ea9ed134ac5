"""Extension and change requests over HTTP: the lead unit asks, whoever decides for the round
approves or refuses, the unit may withdraw. The same services and rules as the web pages;
an approval names the version of the measure it was decided on (body "version" or If-Match,
as a PATCH of the measure does: zhenggai.api.versions), and a measure changed since is a 409.
Mounted by zhenggai/api/urls.py like the other routers."""

import datetime

from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from zhenggai.api.schemas import (
    Input,
    Pagination,
    RoundRef,
    UnitRef,
    Version,
    bounded_text,
    choice_of,
)
from zhenggai.api.versions import edit_version
from zhenggai.ledger import policy as ledger_policy
from zhenggai.ledger.models import Measure
from zhenggai.ledger.versions import actor_name
from zhenggai.requests import policy, services
from zhenggai.requests.models import REASON_LENGTH, ChangeRequest, ExtensionRequest
from zhenggai.requests.queries import RELATED

router = Router(tags=["延期和变更申请"])


class MeasureNow(Schema):
    """The measure as it is now, with the version an approval is decided on."""

    id: int
    code: str
    text: str
    kind: str
    kind_label: str
    deadline: datetime.date | None
    original_deadline: datetime.date | None
    deliverable: str
    lead_unit: UnitRef
    version: int

    @staticmethod
    def resolve_kind_label(obj):
        return obj.get_kind_display()


class RequestOut(Schema):
    id: int
    round: RoundRef
    measure: MeasureNow
    status: str
    status_label: str
    reason: str
    asked_by: str
    asked_at: datetime.datetime
    decided_by: str | None
    decided_at: datetime.datetime | None
    decision_note: str

    @staticmethod
    def resolve_status_label(obj):
        return obj.get_status_display()

    @staticmethod
    def resolve_asked_by(obj):
        return actor_name(obj.asked_by)

    @staticmethod
    def resolve_decided_by(obj):
        return actor_name(obj.decided_by) if obj.decided_by_id else None


class ExtensionOut(RequestOut):
    current_deadline: datetime.date = Field(description="申请时的完成时限")
    new_deadline: datetime.date = Field(description="申请延至")


class ChangeOut(RequestOut):
    text: str = Field(description="变更后的整改措施")
    kind: str
    kind_label: str
    deliverable: str
    deadline: datetime.date | None = Field(description="变更后的完成时限（仅原为长期坚持时）")

    @staticmethod
    def resolve_kind_label(obj):
        return obj.get_kind_display()


class ExtensionIn(Input):
    new_deadline: datetime.date = Field(
        description="申请延至：晚于现在的完成时限，不早于今天，至多延一年"
    )
    reason: bounded_text(REASON_LENGTH, required=True) = Field(description="申请延期的理由")


class ChangeIn(Input):
    """The measure as the unit would have it; fields left out stay as they are."""

    text: bounded_text(Measure._meta.get_field("text").max_length, required=True) = None
    kind: choice_of(Measure, "kind") = None
    deliverable: bounded_text(Measure._meta.get_field("deliverable").max_length) = None
    deadline: datetime.date | None = Field(
        None, description="仅当措施原为长期坚持、改为须有时限的类型时填写"
    )
    reason: bounded_text(REASON_LENGTH, required=True) = Field(description="申请变更的理由")


class ApprovalIn(Input):
    note: bounded_text(REASON_LENGTH) = Field("", description="审批意见（可不填）")
    version: Version | None = Field(
        None, description="批准所依据的措施版本号（措施的 version）；也可用请求头 If-Match"
    )


class RefusalIn(Input):
    note: bounded_text(REASON_LENGTH, required=True) = Field(description="不予批准的理由")


class RequestFilters(Schema):
    round: int | None = Field(None, ge=1, description="轮次编号")
    measure: int | None = Field(None, ge=1, description="措施编号")
    status: choice_of(ExtensionRequest, "status") | None = Field(None, description="状态")
    waiting: bool = Field(
        False, description="只列出等待本人审批的（网页上的“待我审批”）：本人可以审批的待审批申请"
    )


def _list(model, user, filters: RequestFilters):
    rows = policy.requests_visible_to(model, user)
    rounds = ledger_policy.rounds_visible_to(user).select_related("office")
    if filters.round is not None:
        rows = rows.filter(round_id=filters.round)
        rounds = rounds.filter(pk=filters.round)
    if filters.measure is not None:
        rows = rows.filter(measure_id=filters.measure)
    if filters.status:
        rows = rows.filter(status=filters.status)
    if filters.waiting:
        rows = rows.filter(policy.deciding_q(user, list(rounds)))
    return rows.select_related(*RELATED).order_by("-asked_at", "-pk")


def _routes(model, plural: str, out, ask_in, ask):
    noun = policy.NOUNS[model]

    ids = plural.replace("-", "_")

    @router.get(f"/{plural}", response=list[out], summary=f"{noun}列表", operation_id=f"list_{ids}")
    @paginate(Pagination)
    def list_requests(request, filters: Query[RequestFilters]):
        return _list(model, request.auth, filters)

    @router.get(
        f"/{plural}/{{request_id}}", response=out, summary=f"{noun}详情", operation_id=f"get_{ids}"
    )
    def get_request(request, request_id: int):
        return policy.get_request_for(model, request.auth, request_id)

    @router.post(
        f"/measures/{{measure_id}}/{plural}",
        response={201: out},
        summary=f"提出{noun}",
        operation_id=f"create_{ids}",
    )
    def create_request(request, measure_id: int, payload: ask_in):
        measure = ledger_policy.get_measure_for(request.auth, measure_id)
        made = ask(request.auth, measure, payload.model_dump(exclude_unset=True))
        return Status(201, policy.get_request_for(model, request.auth, made.pk))

    @router.post(
        f"/{plural}/{{request_id}}/approve",
        response=out,
        summary=f"批准{noun}",
        operation_id=f"approve_{ids}",
    )
    def approve(request, request_id: int, payload: ApprovalIn):
        found = policy.get_request_for(model, request.auth, request_id)
        values = payload.model_dump(exclude_unset=True)
        version = edit_version(request, values)
        services.approve(request.auth, found, version=version, note=values.get("note", ""))
        return policy.get_request_for(model, request.auth, request_id)

    @router.post(
        f"/{plural}/{{request_id}}/refuse",
        response=out,
        summary=f"不予批准{noun}",
        operation_id=f"refuse_{ids}",
    )
    def refuse(request, request_id: int, payload: RefusalIn):
        found = policy.get_request_for(model, request.auth, request_id)
        services.refuse(request.auth, found, note=payload.note)
        return policy.get_request_for(model, request.auth, request_id)

    @router.post(
        f"/{plural}/{{request_id}}/withdraw",
        response=out,
        summary=f"撤回{noun}",
        operation_id=f"withdraw_{ids}",
    )
    def withdraw(request, request_id: int):
        found = policy.get_request_for(model, request.auth, request_id)
        services.withdraw(request.auth, found)
        return policy.get_request_for(model, request.auth, request_id)


def _ask_change(user, measure, values):
    values = {
        "text": measure.text,
        "kind": measure.kind,
        "deliverable": measure.deliverable,
        **values,
    }
    return services.ask_change(user, measure, **values)


_routes(
    ExtensionRequest,
    "extension-requests",
    ExtensionOut,
    ExtensionIn,
    lambda user, measure, values: services.ask_extension(user, measure, **values),
)
_routes(ChangeRequest, "change-requests", ChangeOut, ChangeIn, _ask_change)
