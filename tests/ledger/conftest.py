"""Fixtures the ledger's modules share."""

import pytest

from tests.factories import PersonFactory, UserFactory, grant
from zhenggai.authority.models import Role


@pytest.fixture
def colleague(units):
    """A second clerk of the 整改办: the committee's own members (like the leader fixture)
    answer for every measure of its tree and change none of its commitments."""
    user = UserFactory(username="colleague")
    PersonFactory(unit=units["office"], user=user, name="李干事")
    grant(user, Role.OFFICE, units["office"])
    return user
