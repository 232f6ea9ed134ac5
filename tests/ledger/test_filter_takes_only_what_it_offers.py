"""The ledger's filter offers a user's own leaders, units and categories, named as everywhere
else, and takes only those: a leader the user's problems do not name is refused with the
reason, and the list stays unfiltered."""

import pytest
from django.urls import reverse

from tests.factories import PersonFactory
from zhenggai.ledger.models import Problem


@pytest.fixture
def chiefs(demo_round, units):
    court = PersonFactory(unit=units["court"], name="陈院长", title="院长", is_leader=True)
    police = PersonFactory(unit=units["police"], name="刘局长", is_leader=True)
    problems = demo_round["problems"]
    Problem.objects.filter(pk=problems["court"].pk).update(lead_leader=court)
    Problem.objects.filter(pk=problems["police"].pk).update(lead_leader=police)
    return {"court": court, "police": police}


def _list(client, user, round_, **params) -> str:
    client.force_login(user)
    url = reverse("ledger:ledger", args=[round_.pk])
    return client.get(url, {"view": "problems", **params}).content.decode()


def test_the_choices_name_leaders_units_and_categories_as_everywhere(
    client, court_reporter, demo_round, chiefs
):
    page = _list(client, court_reporter, demo_round["round"])
    assert f'<option value="{chiefs["court"].pk}">陈院长（院长）</option>' in page
    assert "刘局长" not in page  # the police's problem is not the court's to see
    assert f'<option value="{demo_round["category"].pk}">1. 贯彻落实党中央决策部署方面' in page


def test_a_leader_the_user_sees_filters_and_another_is_refused(
    client, court_reporter, demo_round, chiefs
):
    court = chiefs["court"].pk
    filtered = _list(client, court_reporter, demo_round["round"], leader=court)
    assert f'<option value="{court}" selected>陈院长（院长）</option>' in filtered
    assert "选择一个有效的选项" not in filtered
    refused = _list(client, court_reporter, demo_round["round"], leader=chiefs["police"].pk)
    assert "选择一个有效的选项" in refused
    assert "刘局长" not in refused
