"""Every list of problems and measures shows its lights (a problem the worst of its
measures'), and the lists filter by light."""

import re

import pytest
from django.urls import reverse

from tests.factories import ProblemFactory
from zhenggai.ledger.models import Measure, Problem


@pytest.fixture
def lit(demo_round, leader):
    """The court's first measure and problem red, everything else green; the leader leads the
    court's problem."""
    problems = demo_round["problems"]
    Measure.objects.filter(round=demo_round["round"]).update(light="green")
    Measure.objects.filter(problem=problems["court"], number=1).update(light="red")
    Problem.objects.filter(round=demo_round["round"]).update(light="green")
    Problem.objects.filter(pk=problems["court"].pk).update(light="red", lead_leader=leader.person)
    return demo_round


def _page(client, user, url, **params) -> str:
    client.force_login(user)
    return client.get(url, params).content.decode()


LIGHT = re.compile(r'class="light light-\w+">([^<]+)<')


def _lights(page: str) -> list[str]:
    return LIGHT.findall(page)


def test_the_task_list_shows_each_measures_light(client, lit, office_clerk):
    url = reverse("ledger:ledger", args=[lit["round"].pk])
    page = _page(client, office_clerk, url, view="measures")
    assert "<th>亮灯</th>" in page
    assert sorted(_lights(page)) == ["红灯", "绿灯", "绿灯", "绿灯"]


def test_the_problem_list_shows_the_worst_light_and_none_without_measures(
    client, lit, office_clerk
):
    ProblemFactory(round=lit["round"], category=lit["category"], number=9, lead_unit=None)
    url = reverse("ledger:ledger", args=[lit["round"].pk])
    page = _page(client, office_clerk, url, view="problems")
    assert sorted(_lights(page)) == ["红灯", "绿灯", "绿灯"]  # 1-9 has no measure: no light
    assert 'title="没有整改措施">—' in page


def test_the_responsibility_list_shows_lights(client, lit, office_clerk):
    url = reverse("ledger:ledger", args=[lit["round"].pk])
    page = _page(client, office_clerk, url, view="responsibility")
    assert sorted(_lights(page)) == ["红灯", "绿灯", "绿灯", "绿灯"]


def test_the_ledger_filters_by_light(client, lit, office_clerk):
    url = reverse("ledger:ledger", args=[lit["round"].pk])
    page = _page(client, office_clerk, url, view="measures", light="red")
    assert "共 1 条" in page and _lights(page) == ["红灯"]


def test_the_unit_page_shows_lights_and_filters_by_them(client, lit, units, court_reporter):
    url = reverse("ledger:unit_detail", args=[units["court"].pk])
    page = _page(client, court_reporter, url)
    assert "红灯" in _lights(page) and "绿灯" in _lights(page)
    red = _page(client, court_reporter, url, light="red")
    # The red problem and its red measure; the green ones are left out.
    assert _lights(red) == ["红灯", "红灯"]


def test_the_leader_page_filters_by_light(client, lit, leader):
    url = reverse("ledger:person_detail", args=[leader.person.pk])
    assert _lights(_page(client, leader, url)) == ["红灯"]
    assert _lights(_page(client, leader, url, light="green")) == []
