"""Which roles a login holds where: the one function set the policy modules ask.

A login holds roles by assignment (zhenggai.authority.models.RoleAssignment), over a whole
organization or over one round:
- office (整改办) runs the rounds whose office is its unit or below it, or the one round it
  is assigned to: it sees all of them and builds and carries the ledger;
- leader (领导) follows what its unit's tree answers for and the problems it leads, and may be
  asked to approve;
- reporter (单位填报人) sees and reports what its unit's tree answers for;
- verifier (核查人) is a member of a round's verification group (VerificationGroup, not an
  assignment): it sees the whole round and may verify any measure of it;
- observer (观察员) reads a whole round, or every round of an organization, and changes
  nothing.
A unit of kind office (整改办) acts for the unit it belongs to, so an office clerk's tree is
that of its committee. A system administrator (Django's staff or superuser) manages accounts
and base data in the admin; being one gives no role over any round, and nothing here asks
whether a login is one: only is_system_administrator() does, for the administration itself.

Everything here works on the Actor that actor_of() loads once per request, in one query, and
keeps on the user; nothing here queries again."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from zhenggai.authority.models import Role
from zhenggai.ledger.models import Person, Unit

# The roles whose unit's tree the user sees the work of; and those that act for it (report,
# answer a notice or a generalization, register its mechanisms).
SEEING_UNIT_ROLES = frozenset({Role.OFFICE, Role.LEADER, Role.REPORTER})
ACTING_UNIT_ROLES = frozenset({Role.OFFICE, Role.REPORTER})
# The roles that see every item of the rounds they cover.
WHOLE_ROUND_ROLES = frozenset({Role.OFFICE, Role.VERIFIER, Role.OBSERVER})


def scope_path(unit: Unit) -> str:
    """The tree a unit's users act for: a 整改办 works for the unit it belongs to."""
    if unit.kind == Unit.Kind.OFFICE and unit.parent_id:
        return unit.path.rsplit("/", 2)[0] + "/"
    return unit.path


def _scope_path(path: str, kind: str, parent_id: int | None) -> str:
    return scope_path(Unit(path=path, kind=kind, parent_id=parent_id))


@dataclass(frozen=True)
class Grant:
    """One role assignment as the policy reads it."""

    role: Role
    organization_id: int
    round_id: int | None
    path: str | None  # the tree of the unit it acts for (see scope_path)

    def covers(self, round_) -> bool:
        """The grant holds in this round (whose office must be loaded)."""
        if self.round_id is not None:
            return self.round_id == round_.pk
        return round_.office.organization_id == self.organization_id

    def runs(self, round_) -> bool:
        if self.role != Role.OFFICE:
            return False
        if self.round_id is not None:
            return self.round_id == round_.pk
        return self.path is not None and round_.office.path.startswith(self.path)


@dataclass(frozen=True)
class Actor:
    """What the policy needs to know about a user, resolved once per request."""

    user_id: int | None
    person_id: int | None
    unit_path: str | None  # the person's own unit, not a tree: verification asks where it sits
    grants: tuple[Grant, ...]
    # The units whose commitments the user answers for (ledger.policy.answerable_for): its
    # person's unit; for a login without a person, the units its roles are given for, so
    # that leaving the person out does not free a login from the rule.
    own_paths: tuple[str, ...] = ()

    def holding(self, *roles: Role) -> list[Grant]:
        return [grant for grant in self.grants if grant.role in roles]

    def roles_in(self, round_) -> frozenset[Role]:
        """Every role the user holds in the round; office only where it runs it."""
        roles = {grant.role for grant in self.grants if grant.covers(round_)}
        if Role.OFFICE in roles and not self.runs(round_):
            roles.discard(Role.OFFICE)
        return frozenset(roles)

    def runs(self, round_) -> bool:
        return any(grant.runs(round_) for grant in self.grants)

    def approves(self, round_) -> bool:
        """A leader of the round: assigned to it, or to the tree that holds its office (the
        committee's secretary over the rounds of its 整改办)."""
        return any(
            grant.round_id == round_.pk
            if grant.round_id
            else bool(grant.path) and round_.office.path.startswith(grant.path)
            for grant in self.holding(Role.LEADER)
        )

    def sees_whole(self, round_) -> bool:
        """Whether every item of the round is visible to the user."""
        return self.runs(round_) or any(
            grant.covers(round_) for grant in self.holding(Role.VERIFIER, Role.OBSERVER)
        )

    def verifies(self, round_) -> bool:
        """A member of one of the round's verification groups."""
        return any(grant.round_id == round_.pk for grant in self.holding(Role.VERIFIER))

    def paths_in(self, round_, roles=SEEING_UNIT_ROLES) -> list[str]:
        """The trees the user sees (or, with ACTING_UNIT_ROLES, acts for) in the round."""
        return sorted(
            {
                grant.path
                for grant in self.grants
                if grant.role in roles and grant.path and grant.covers(round_)
            }
        )

    def paths(self, roles=SEEING_UNIT_ROLES) -> dict[int | None, list[str]]:
        """The same in every round at once: round id (None for every round of the grant's
        organization) → trees."""
        by_round: dict[int | None, set[str]] = {}
        for grant in self.grants:
            if grant.role in roles and grant.path:
                by_round.setdefault(grant.round_id, set()).add(grant.path)
        return {round_id: sorted(paths) for round_id, paths in by_round.items()}

    @property
    def leads(self) -> bool:
        """A leader who may be lead leader of problems, which it then follows."""
        return self.person_id is not None and bool(self.holding(Role.LEADER))

    @property
    def organization_ids(self) -> frozenset[int]:
        return frozenset(grant.organization_id for grant in self.grants)


ANONYMOUS = Actor(None, None, None, ())

PERSON_FIELDS = [f.attname for f in Person._meta.concrete_fields]
ASSIGNMENT_FIELDS = [
    "role_assignments__role",
    "role_assignments__organization_id",
    "role_assignments__round_id",
    "role_assignments__unit__path",
    "role_assignments__unit__kind",
    "role_assignments__unit__parent_id",
]
GROUP_FIELDS = [
    "verification_groups__round_id",
    "verification_groups__round__office__organization_id",
]


def is_system_administrator(user) -> bool:
    """The administrator of accounts and base data (Django's staff or superuser): the admin,
    the whole audit trail, the installation's own template. No content power comes with it."""
    return bool(user.is_authenticated and user.is_active and (user.is_staff or user.is_superuser))


def actor_of(user) -> Actor:
    """The user's person, role assignments and verification groups, in one query (a row per
    assignment and group), kept on the user for the rest of the request."""
    cached = getattr(user, "_zhenggai_actor", None)
    if cached is not None:
        return cached
    if not user.is_authenticated:
        return ANONYMOUS
    person_fields = [f"person__{name}" for name in PERSON_FIELDS]
    rows = list(
        get_user_model()
        .objects.filter(pk=user.pk)
        .values_list(*person_fields, "person__unit__path", *ASSIGNMENT_FIELDS, *GROUP_FIELDS)
        .order_by()
    )
    person = _person(user, rows[0][: len(PERSON_FIELDS)] if rows else None)
    grants: dict[Grant, None] = {}
    assigned: dict[str, None] = {}
    for row in rows:
        role, organization, round_id, path, kind, parent, group_round, group_organization = row[
            len(PERSON_FIELDS) + 1 :
        ]
        if role:
            tree = _scope_path(path, kind, parent) if path else None
            grants[Grant(Role(role), organization, round_id, tree)] = None
            if path:
                assigned[path] = None
        if group_round:
            grants[Grant(Role.VERIFIER, group_organization, group_round, None)] = None
    unit_path = rows[0][len(PERSON_FIELDS)] if rows and person else None
    own = (unit_path,) if unit_path else () if person else tuple(assigned)
    actor = Actor(user.pk, person and person.pk, unit_path, tuple(grants), own)
    user._zhenggai_actor = actor
    return actor


def _person(user, values) -> Person | None:
    """The user's person from the same row, so that pages reading user.person cost nothing
    more."""
    if not values or values[0] is None:
        # Remembered as absent: the reverse accessor then raises without asking again.
        user._state.fields_cache["person"] = None
        return None
    person = Person.from_db(user._state.db or "default", PERSON_FIELDS, values)
    user.person = person
    return person
