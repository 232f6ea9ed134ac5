"""Organizations, role assignments and verification groups (组织与角色). Anyone reads the
organizations it holds roles in, its own assignments and the groups of the rounds it sees; a
system administrator reads all of them and gives and takes roles, as in the admin."""

from typing import Literal

from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from zhenggai.api.refs import Ref, values_of
from zhenggai.api.schemas import Id, Input, Pagination, RoundRef, UnitRef, bounded_text, text_of
from zhenggai.authority import services
from zhenggai.authority.models import (
    ASSIGNED_ROLES,
    Organization,
    RoleAssignment,
    VerificationGroup,
)
from zhenggai.authority.roles import actor_of, is_system_administrator
from zhenggai.ledger.models import InspectionRound, Unit
from zhenggai.ledger.policy import get_visible, rounds_visible_to

router = Router(tags=["组织与角色"])

Username = bounded_text(150, required=True)
AssignedRole = Literal[*(value for value, _ in ASSIGNED_ROLES)]
REFS = {
    "organization": Ref(Organization.objects.all(), "组织"),
    "round": Ref(InspectionRound.objects.select_related("office__organization"), "轮次"),
    "unit": Ref(Unit.objects.select_related("organization"), "单位"),
}


class OrganizationOut(Schema):
    id: int
    name: str


class AssignmentOut(Schema):
    id: int
    user: str
    role: str
    role_label: str
    organization: OrganizationOut
    round: RoundRef | None
    unit: UnitRef | None

    @staticmethod
    def resolve_user(obj):
        return obj.user.get_username()

    @staticmethod
    def resolve_role_label(obj):
        return obj.get_role_display()


class AssignmentFilters(Schema):
    user: Username | None = Field(None, description="登录账号")
    role: AssignedRole | None = Field(None, description="角色")
    organization: Id | None = Field(None, description="组织")
    round: Id | None = Field(None, description="轮次")


class AssignmentIn(Input):
    """Without organization, it follows from the unit or the round."""

    user: Username
    role: AssignedRole
    organization: Id | None = None
    round: Id | None = None
    unit: Id | None = None


class VerificationGroupOut(Schema):
    id: int
    round: RoundRef
    name: str
    description: str
    members: list[str]

    @staticmethod
    def resolve_members(obj):
        return [user.get_username() for user in obj.members.all()]


class VerificationGroupIn(Input):
    round: Id
    name: text_of(VerificationGroup, "name")
    description: text_of(VerificationGroup, "description") = ""
    members: list[Username] = Field([], max_length=200)


class MemberIn(Input):
    user: Username


def _organizations(user):
    if is_system_administrator(user):
        return Organization.objects.all()
    return Organization.objects.filter(pk__in=sorted(actor_of(user).organization_ids))


def _assignments(user):
    assignments = RoleAssignment.objects.select_related("user", "organization", "round", "unit")
    return assignments if is_system_administrator(user) else assignments.filter(user=user)


def _groups(user):
    groups = VerificationGroup.objects.select_related("round").prefetch_related("members")
    if is_system_administrator(user):
        return groups
    return groups.filter(round__in=rounds_visible_to(user))


@router.get("/organizations", response=list[OrganizationOut], summary="组织列表")
@paginate(Pagination)
def list_organizations(request):
    return _organizations(request.auth)


@router.get("/organizations/{organization_id}", response=OrganizationOut, summary="组织详情")
def get_organization(request, organization_id: int):
    return get_visible(_organizations(request.auth), organization_id)


@router.get("/role-assignments", response=list[AssignmentOut], summary="角色分配列表")
@paginate(Pagination)
def list_assignments(request, filters: Query[AssignmentFilters]):
    assignments = _assignments(request.auth)
    if filters.user:
        assignments = assignments.filter(user__username=filters.user)
    for field in ("role", "organization", "round"):
        value = getattr(filters, field)
        if value is not None:
            assignments = assignments.filter(**{field: value})
    return assignments


@router.post("/role-assignments", response={201: AssignmentOut}, summary="分配角色（系统管理员）")
def assign_role(request, payload: AssignmentIn):
    values = values_of(payload, REFS)
    values["login"] = services.login_named(values.pop("user"))
    return Status(201, services.assign_role(request.auth, **values))


@router.delete(
    "/role-assignments/{assignment_id}", response={204: None}, summary="撤销角色（系统管理员）"
)
def revoke_role(request, assignment_id: int):
    assignment = get_visible(_assignments(request.auth), assignment_id)
    services.revoke_role(request.auth, assignment)
    return Status(204, None)


@router.get("/verification-groups", response=list[VerificationGroupOut], summary="核查组列表")
@paginate(Pagination)
def list_groups(request, round: Id | None = None):
    groups = _groups(request.auth)
    return groups if round is None else groups.filter(round_id=round)


@router.post(
    "/verification-groups", response={201: VerificationGroupOut}, summary="新建核查组（系统管理员）"
)
def create_group(request, payload: VerificationGroupIn):
    values = values_of(payload, {"round": REFS["round"]})
    values["members"] = [services.login_named(name) for name in values.get("members", [])]
    return Status(201, services.create_group(request.auth, **values))


@router.post(
    "/verification-groups/{group_id}/members",
    response=VerificationGroupOut,
    summary="加入核查人（系统管理员）",
)
def add_member(request, group_id: int, payload: MemberIn):
    group = get_visible(_groups(request.auth), group_id)
    return services.add_member(request.auth, group, services.login_named(payload.user))


@router.delete(
    "/verification-groups/{group_id}/members/{username}",
    response=VerificationGroupOut,
    summary="移出核查人（系统管理员）",
)
def remove_member(request, group_id: int, username: str):
    group = get_visible(_groups(request.auth), group_id)
    return services.remove_member(request.auth, group, services.login_named(username))
