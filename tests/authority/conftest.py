"""The roles tests/conftest.py does not name: a leader who is only a leader, a verifier of
the 纪委监委's group for the demo round, an observer of the organization and the system
administrator."""

import pytest

from tests.api.conftest import api_as  # noqa: F401 -- the API's clients with a token
from tests.factories import PersonFactory, UserFactory, VerificationGroupFactory, grant
from zhenggai.authority.models import Role, RoleAssignment


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
