"""Measures (整改措施): the task list with the web ledger's filters."""

import datetime

from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from zhenggai.api.filters import MeasureFilters, in_round, ledger_query
from zhenggai.api.refs import Ref, values_of
from zhenggai.api.schemas import (
    Id,
    Input,
    Pagination,
    PersonRef,
    ProblemRef,
    RoundRef,
    UnitRef,
    choice_of,
    number_of,
    text_of,
    versioned_partial_of,
)
from zhenggai.api.versions import edit_version
from zhenggai.ledger import policy, services
from zhenggai.ledger.models import Measure, Person, Unit
from zhenggai.ledger.queries import filter_measures, measure_rows, today

router = Router(tags=["整改措施"])

MAX_COOPERATING = 50
REFS = {
    "lead_unit": Ref(Unit.objects.all(), "牵头单位"),
    "cooperating_units": Ref(Unit.objects.all(), "配合单位", many=True),
    "person_in_charge": Ref(Person.objects.all(), "责任人"),
}


class MeasureOut(Schema):
    id: int
    round: RoundRef
    problem: ProblemRef
    number: int
    code: str
    text: str
    kind: str
    kind_label: str
    deadline: datetime.date | None
    original_deadline: datetime.date | None = Field(
        description="原定完成时限：经批准延期后保留的原承诺时限；未延期为 null"
    )
    deliverable: str
    status: str
    status_label: str
    light: str
    light_label: str
    light_reason: str
    last_reported_on: datetime.date | None
    closed_on: datetime.date | None
    lead_unit: UnitRef
    cooperating_units: list[UnitRef]
    person_in_charge: PersonRef | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    version: int

    @staticmethod
    def resolve_kind_label(obj):
        return obj.get_kind_display()

    @staticmethod
    def resolve_status_label(obj):
        return obj.get_status_display()

    @staticmethod
    def resolve_light_label(obj):
        return obj.get_light_display()

    @staticmethod
    def resolve_cooperating_units(obj):
        return obj.cooperating_units.all()


class MeasureIn(Input):
    """Without lead_unit the problem's lead unit leads the measure."""

    number: number_of(Measure, "number") = None
    text: text_of(Measure, "text")
    kind: choice_of(Measure, "kind") = None
    deadline: datetime.date | None = None
    deliverable: text_of(Measure, "deliverable") = None
    status: choice_of(Measure, "status") = None
    lead_unit: Id = None
    cooperating_units: list[Id] = Field(None, max_length=MAX_COOPERATING)
    person_in_charge: Id | None = None


MeasurePatch = versioned_partial_of(MeasureIn, "MeasurePatch")


def _rows(queryset):
    return measure_rows(queryset).select_related("round")


@router.get("/measures", response=list[MeasureOut], summary="任务清单（措施列表）")
@paginate(Pagination)
def list_measures(request, filters: Query[MeasureFilters]):
    user = request.auth
    measures = in_round(Measure.objects.visible_to(user), user, filters.round)
    if filters.problem is not None:
        measures = measures.filter(problem_id=filters.problem)
    return _rows(filter_measures(measures, ledger_query(user, filters), today()))


@router.get("/measures/{measure_id}", response=MeasureOut, summary="措施详情")
def get_measure(request, measure_id: int):
    return policy.get_measure_for(request.auth, measure_id)


@router.post("/problems/{problem_id}/measures", response={201: MeasureOut}, summary="新增措施")
def create_measure(request, problem_id: int, payload: MeasureIn):
    problem = policy.get_problem_for(request.auth, problem_id, write=True)
    return Status(201, services.create_measure(request.auth, problem, **values_of(payload, REFS)))


@router.patch("/measures/{measure_id}", response=MeasureOut, summary="修改措施")
def update_measure(request, measure_id: int, payload: MeasurePatch):
    measure = policy.get_measure_for(request.auth, measure_id, write=True)
    values = values_of(payload, REFS)
    version = edit_version(request, values)
    return services.update_measure(request.auth, measure, version=version, **values)
