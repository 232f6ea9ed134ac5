"""The roles tests/conftest.py does not name: a leader who is only a leader, a verifier of
the 纪委监委's group for the demo round, an observer of the organization and the system
administrator; and another organization with an office and a round of its own. world is the
authorization matrix's (world.py), built once per module that asks for it."""

import pytest
from django.db import transaction
from django.test import override_settings

from tests.api.conftest import api_as  # noqa: F401 -- the API's clients with a token
from tests.authority import world as made
from tests.factories import (
    MeasureFactory,
    PersonFactory,
    ProblemFactory,
    RoundFactory,
    UnitFactory,
    UserFactory,
    VerificationGroupFactory,
    grant,
)
from zhenggai.authority.models import Role, RoleAssignment
from zhenggai.ledger.models import Unit


@pytest.fixture
def plain_leader(units):
    user = UserFactory(username="deputy")
    PersonFactory(unit=units["committee"], user=user, name="吴副书记", is_leader=True)
    grant(user, Role.LEADER, units["committee"])
    return user


@pytest.fixture
def verifier(demo_round, units):
    user = UserFactory(username="inspector")
    PersonFactory(unit=units["committee"], user=user, name="郑核查员")
    VerificationGroupFactory(round=demo_round["round"], name="市纪委监委核查组", members=[user])
    return user


@pytest.fixture
def observer(units):
    user = UserFactory(username="observer")
    RoleAssignment.objects.create(
        user=user, role=Role.OBSERVER, organization=units["committee"].organization
    )
    return user


@pytest.fixture
def admin(db):
    return UserFactory(username="root", is_staff=True, is_superuser=True)


@pytest.fixture
def elsewhere(db):
    """Another organization on the same server: its committee, court, a leader and a judge,
    its office clerk and a round of its own."""
    committee = UnitFactory(name="江南市委政法委", kind=Unit.Kind.COMMITTEE)
    court = UnitFactory(name="江南市人民法院", kind=Unit.Kind.COURT, parent=committee)
    clerk = UserFactory(username="jiangnan-office")
    PersonFactory(unit=committee, user=clerk, name="江南文书")
    grant(clerk, Role.OFFICE, committee)
    round_ = RoundFactory(office=committee, name="江南市委巡察反馈意见整改")
    problem = ProblemFactory(round=round_, lead_unit=court, text="江南的问题：案件积压")
    return {
        "committee": committee,
        "court": court,
        "leader": PersonFactory(unit=committee, name="江南书记", is_leader=True),
        "judge": PersonFactory(unit=court, name="江南法官"),
        "clerk": clerk,
        "round": round_,
        "problem": problem,
        "measure": MeasureFactory(problem=problem, lead_unit=court),
    }


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once for the module, in a transaction rolled back at its end; every test runs
    in a savepoint inside it."""
    media = tmp_path_factory.mktemp("media")
    quick = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=quick, MEDIA_ROOT=media):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield made.build() | {"media": media}
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
