"""Inspection rounds and their categories (方面)."""

import datetime

from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from zhenggai.api.refs import Ref, values_of
from zhenggai.api.schemas import (
    CategoryOut,
    Id,
    Input,
    Pagination,
    UnitRef,
    choice_of,
    number_of,
    text_of,
    versioned_partial_of,
)
from zhenggai.api.versions import edit_version
from zhenggai.ledger import policy, services
from zhenggai.ledger.models import Category, InspectionRound, Unit

router = Router(tags=["巡视轮次"])

REFS = {
    # The web form offers the same units: only an office or a committee runs a round.
    "office": Ref(
        Unit.objects.filter(kind__in=[Unit.Kind.OFFICE, Unit.Kind.COMMITTEE]),
        "整改牵头单位（须为整改办或党委/政法委）",
    )
}


def _default(name: str):
    return InspectionRound._meta.get_field(name).default


class RoundOut(Schema):
    id: int
    name: str
    kind: str
    kind_label: str
    team: str
    organization: str
    office: UnitRef
    visit_start: datetime.date | None
    visit_end: datetime.date | None
    feedback_date: datetime.date
    rectification_deadline: datetime.date
    report_deadline: datetime.date
    status: str
    status_label: str
    rhythm_days: int
    rhythm_days_after: int
    due_soon_workdays: int
    onsite_required_for_key: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    version: int

    @staticmethod
    def resolve_kind_label(obj):
        return obj.get_kind_display()

    @staticmethod
    def resolve_status_label(obj):
        return obj.get_status_display()


class RoundIn(Input):
    """Omitted optional fields take the model's defaults; empty deadlines are computed."""

    name: text_of(InspectionRound, "name")
    kind: choice_of(InspectionRound, "kind") = None
    team: text_of(InspectionRound, "team")
    organization: text_of(InspectionRound, "organization")
    office: Id
    visit_start: datetime.date | None = None
    visit_end: datetime.date | None = None
    feedback_date: datetime.date
    rectification_deadline: datetime.date | None = None
    report_deadline: datetime.date | None = None
    status: choice_of(InspectionRound, "status") = None
    # 督办设置; a change recomputes the round's traffic lights at once.
    rhythm_days: number_of(InspectionRound, "rhythm_days") = Field(
        None,
        description="集中整改期报送周期（天）：超过这么多天未报送进展的措施亮黄灯"
        f"，默认 {_default('rhythm_days')}",
    )
    rhythm_days_after: number_of(InspectionRound, "rhythm_days_after") = Field(
        None,
        description="常态化整改期报送周期（天），集中整改期限之后适用"
        f"，默认 {_default('rhythm_days_after')}",
    )
    due_soon_workdays: number_of(InspectionRound, "due_soon_workdays") = Field(
        None,
        description="临期预警（工作日）：距完成时限不足这么多个工作日时亮黄灯"
        f"，默认 {_default('due_soon_workdays')}",
    )
    onsite_required_for_key: bool = Field(
        None,
        description="重点问题的措施销号前是否必须经过实地核查"
        f"，默认 {str(_default('onsite_required_for_key')).lower()}",
    )


RoundPatch = versioned_partial_of(RoundIn, "RoundPatch")


class CategoryIn(Input):
    title: text_of(Category, "title")
    number: number_of(Category, "number") = None


@router.get("/rounds", response=list[RoundOut], summary="轮次列表")
@paginate(Pagination)
def list_rounds(request):
    return policy.rounds_visible_to(request.auth).select_related("office")


@router.get("/rounds/{round_id}", response=RoundOut, summary="轮次详情")
def get_round(request, round_id: int):
    return policy.get_round_for(request.auth, round_id)


@router.post("/rounds", response={201: RoundOut}, summary="新建轮次")
def create_round(request, payload: RoundIn):
    return Status(201, services.create_round(request.auth, **values_of(payload, REFS)))


@router.patch("/rounds/{round_id}", response=RoundOut, summary="修改轮次")
def update_round(request, round_id: int, payload: RoundPatch):
    round_ = policy.get_round_for(request.auth, round_id, write=True)
    values = values_of(payload, REFS)
    version = edit_version(request, values)
    return services.update_round(request.auth, round_, version=version, **values)


@router.get("/rounds/{round_id}/categories", response=list[CategoryOut], summary="方面列表")
@paginate(Pagination)
def list_categories(request, round_id: int):
    return policy.get_round_for(request.auth, round_id).categories.all()


@router.post("/rounds/{round_id}/categories", response={201: CategoryOut}, summary="新增方面")
def create_category(request, round_id: int, payload: CategoryIn):
    round_ = policy.get_round_for(request.auth, round_id, write=True)
    values = payload.model_dump(exclude_unset=True)
    return Status(201, services.create_category(request.auth, round_, **values))
