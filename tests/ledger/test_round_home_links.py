"""Every figure on a round's home page links to a ledger list of exactly as many rows."""

import pytest
from django.urls import reverse

from tests.dashboard.conftest import build_known_round, ledger_count, ledger_links
from tests.factories import PersonFactory, UserFactory, VerificationGroupFactory, grant
from zhenggai.authority.models import Role


@pytest.fixture
def known_round(units, office_clerk, leader):
    """The dashboard's round, whose every figure is known."""
    chief = PersonFactory(unit=units["police"], name="刘局长", is_leader=True)
    return build_known_round(units, office_clerk, leader.person, chief)


@pytest.fixture
def verifier(known_round):
    user = UserFactory(username="jiwei")
    VerificationGroupFactory(round=known_round["round"], members=[user])
    return user


@pytest.fixture
def observer(known_round):
    user = UserFactory(username="observer")
    grant(user, Role.OBSERVER, round=known_round["round"])
    return user


@pytest.mark.parametrize(
    "user", ["office_clerk", "court_reporter", "leader", "verifier", "observer"]
)
def test_each_figure_on_the_round_home_lists_as_many_rows(client, known_round, user, request):
    client.force_login(request.getfixturevalue(user))
    response = client.get(reverse("ledger:round_home", args=[known_round["round"].pk]))
    links = ledger_links(response)
    assert len(links) == 6
    listed = {href: ledger_count(client.get(href)) for href, _ in links}
    assert {href: shown for href, shown in links} == listed


def test_measures_done_counts_those_closed_too(client, known_round, office_clerk):
    client.force_login(office_clerk)
    response = client.get(reverse("ledger:round_home", args=[known_round["round"].pk]))
    done = {href for href, _ in ledger_links(response) if "stage=done" in href}
    assert len(done) == 1
