"""Persons (人员): leaders and staff of the units in the caller's scope."""

from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from zhenggai.api.refs import Ref
from zhenggai.api.schemas import Id, Pagination, UnitRef, bounded_text
from zhenggai.authority.roles import actor_of, is_system_administrator
from zhenggai.ledger import policy
from zhenggai.ledger.models import Person
from zhenggai.ledger.policy import persons_visible_to, units_visible_to

router = Router(tags=["人员"])

NAME_LENGTH = Person._meta.get_field("name").max_length


class PersonOut(Schema):
    id: int
    name: str
    title: str
    unit: UnitRef
    is_leader: bool


class PersonFilters(Schema):
    unit: Id | None = Field(None, description="所在单位（含下级单位）")
    is_leader: bool | None = Field(None, description="是否领导班子成员")
    q: bounded_text(NAME_LENGTH) = Field("", description="姓名包含")


class RoleOut(Schema):
    role: str = Field(description="office, leader, reporter, verifier 或 observer")
    name: str = Field(description="角色的中文名称")
    organization: int = Field(description="所在组织")
    round: int | None = Field(description="只在这一轮次；为空时在该组织的每一轮次")


class MeOut(Schema):
    username: str
    is_system_administrator: bool = Field(
        description="系统管理员：管理账号和基础数据，不涉及整改内容"
    )
    roles: list[RoleOut]
    person: PersonOut | None


@router.get("/persons", response=list[PersonOut], summary="人员列表")
@paginate(Pagination)
def list_persons(request, filters: Query[PersonFilters]):
    persons = persons_visible_to(request.auth).select_related("unit")
    if filters.unit is not None:
        unit = Ref(units_visible_to(request.auth), "单位").resolve("unit", filters.unit)
        persons = persons.filter(unit__path__startswith=unit.path)
    if filters.is_leader is not None:
        persons = persons.filter(is_leader=filters.is_leader)
    if filters.q:
        persons = persons.filter(name__icontains=filters.q)
    return persons


@router.get("/persons/{person_id}", response=PersonOut, summary="人员详情")
def get_person(request, person_id: int):
    return policy.get_person_for(request.auth, person_id)


@router.get("/me", response=MeOut, summary="当前用户", tags=["认证"])
def me(request):
    user = request.auth
    person = Person.objects.select_related("unit").filter(user=user).first()
    roles = [
        {
            "role": grant.role.value,
            "name": grant.role.label,
            "organization": grant.organization_id,
            "round": grant.round_id,
        }
        for grant in actor_of(user).grants
    ]
    return {
        "username": user.get_username(),
        "is_system_administrator": is_system_administrator(user),
        "roles": roles,
        "person": person,
    }
