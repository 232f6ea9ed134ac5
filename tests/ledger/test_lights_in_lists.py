"""Every list of problems and measures shows its lights (a problem the worst of its
measures'), and the lists filter by light."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ProblemFactory
from zhenggai.ledger.models import Measure, Problem
from zhenggai.mechanisms import services as mechanisms
from zhenggai.supervision import services as supervision


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


def test_a_closed_measure_and_problem_show_no_light(client, lit, office_clerk):
    Measure.objects.filter(problem=lit["problems"]["court"]).update(status="closed")
    Problem.objects.filter(pk=lit["problems"]["court"].pk).update(status="closed")
    url = reverse("ledger:ledger", args=[lit["round"].pk])
    measures = _page(client, office_clerk, url, view="measures")
    assert sorted(_lights(measures)) == ["绿灯", "绿灯"]
    assert measures.count('<span class="muted">已销号</span>') == 2
    problems = _page(client, office_clerk, url, view="problems")
    assert sorted(_lights(problems)) == ["绿灯", "绿灯"]
    assert '<span class="muted">已销号</span>' in problems


def test_the_ledger_filters_by_light(client, lit, office_clerk):
    url = reverse("ledger:ledger", args=[lit["round"].pk])
    page = _page(client, office_clerk, url, view="measures", light="red")
    assert "共 1 条" in page and _lights(page) == ["红灯"]


def test_the_green_tab_leaves_out_what_is_closed(client, lit, units, office_clerk, court_reporter):
    # Closed items show 已销号, not 绿灯: no green tab or figure lists them.
    Measure.objects.filter(problem=lit["problems"]["tribunal"]).update(status="closed")
    Problem.objects.filter(pk=lit["problems"]["tribunal"].pk).update(status="closed")
    ledger = reverse("ledger:ledger", args=[lit["round"].pk])
    assert "共 2 条" in _page(client, office_clerk, ledger, view="measures", light="green")
    assert "共 1 条" in _page(client, office_clerk, ledger, view="problems", light="green")
    url = reverse("ledger:unit_detail", args=[units["court"].pk])
    unit = _page(client, court_reporter, url)
    green = _page(client, court_reporter, url, light="green")
    assert "已销号" in unit and "已销号" not in green


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


def test_the_home_pages_nearest_measures_show_their_lights(client, lit, court_reporter):
    page = _page(client, court_reporter, reverse("ledger:home"))
    assert sorted(_lights(page)) == ["红灯", "绿灯", "绿灯"]


def test_a_notice_and_a_mechanism_show_the_lights_of_their_problems(
    client, lit, office_clerk, units
):
    problem, round_ = lit["problems"]["court"], lit["round"]
    on = timezone.localdate() + datetime.timedelta(days=10)
    notice = supervision.issue_notice(
        office_clerk,
        round_,
        unit=problem.lead_unit,
        content="请书面回复。",
        problems=[problem],
        reply_deadline=on,
        number="督〔2026〕9号",
    )
    rule = mechanisms.register_mechanism(
        office_clerk,
        round_,
        name="涉诉信访终结备案制度",
        kind="rule",
        issuing_unit=units["committee"],
        issued_on=timezone.localdate(),
        problems=[problem],
    )
    for url in (
        reverse("supervision:notice_detail", args=[notice.pk]),
        reverse("mechanisms:mechanism_detail", args=[rule.pk]),
    ):
        assert _lights(_page(client, office_clerk, url)) == ["红灯"], url


def test_a_leaders_materials_page_shows_the_lights_of_its_problems(client, lit, leader):
    url = reverse("documents:materials", args=[lit["round"].pk, leader.person.pk])
    assert _lights(_page(client, leader, url)) == ["红灯"]
