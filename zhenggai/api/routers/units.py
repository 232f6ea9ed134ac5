"""Units (单位): the organization tree. Everyone may read the units in their scope; only a
system administrator with the admin's permission adds units, as in the admin."""

from django.core.exceptions import PermissionDenied
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from zhenggai.api.refs import Ref, values_of
from zhenggai.api.schemas import Id, Input, Pagination, UnitRef, bounded_text, choice_of, text_of
from zhenggai.authority.roles import is_system_administrator
from zhenggai.ledger import policy, services
from zhenggai.ledger.models import Unit
from zhenggai.ledger.policy import units_visible_to

router = Router(tags=["单位"])

NAME_LENGTH = Unit._meta.get_field("name").max_length
REFS = {"parent": Ref(Unit.objects.all(), "上级单位")}


class UnitOut(Schema):
    id: int
    name: str
    kind: str
    kind_label: str
    parent: UnitRef | None
    depth: int

    @staticmethod
    def resolve_kind_label(obj):
        return obj.get_kind_display()


class UnitFilters(Schema):
    parent: Id | None = Field(None, description="上级单位（只列直接下级）")
    kind: choice_of(Unit, "kind") | None = Field(None, description="类别")
    q: bounded_text(NAME_LENGTH) = Field("", description="名称包含")


class UnitIn(Input):
    name: text_of(Unit, "name")
    kind: choice_of(Unit, "kind") = None
    parent: Id | None = None


@router.get("/units", response=list[UnitOut], summary="单位列表")
@paginate(Pagination)
def list_units(request, filters: Query[UnitFilters]):
    units = units_visible_to(request.auth).select_related("parent")
    if filters.parent is not None:
        units = units.filter(parent_id=filters.parent)
    if filters.kind:
        units = units.filter(kind=filters.kind)
    if filters.q:
        units = units.filter(name__icontains=filters.q)
    return units


@router.get("/units/{unit_id}", response=UnitOut, summary="单位详情")
def get_unit(request, unit_id: int):
    return policy.get_unit_for(request.auth, unit_id)


@router.post("/units", response={201: UnitOut}, summary="新增单位（系统管理员）")
def create_unit(request, payload: UnitIn):
    user = request.auth
    if not (is_system_administrator(user) and user.has_perm("ledger.add_unit")):
        raise PermissionDenied("只有系统管理员可以新增单位。")
    return Status(201, services.create_unit(**values_of(payload, REFS)))
