"""Each person's home page (工作台): what waits for them, and every figure links to a list
that shows the same count."""

import datetime
import html
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    PASSWORD,
    MeasureFactory,
    ProblemFactory,
    UserFactory,
    VerificationGroupFactory,
    grant,
)
from zhenggai.authority.models import Role
from zhenggai.ledger.home import home_sections
from zhenggai.ledger.models import Measure, Problem
from zhenggai.mechanisms import services as mechanisms
from zhenggai.requests import services as requests
from zhenggai.supervision import services as supervision
from zhenggai.supervision.models import SupervisionNotice

SHOWN = re.compile(r"共 (\d+) [条件]|待(?:我|他人)?审批 (\d+) 份|答复（(\d+)）")


@pytest.fixture
def busy_round(demo_round, units, office_clerk, leader, court_reporter):
    """Work waiting for each person: a returned court measure, a notice to the court, another
    to the police gone overdue, an extension asked, and the leader's problems lit."""
    round_ = demo_round["round"]
    problems = demo_round["problems"]
    Measure.objects.filter(pk=demo_round["shared"].pk).update(status="returned")
    Measure.objects.filter(problem=problems["police"]).update(status="done_pending")
    on = timezone.localdate() + datetime.timedelta(days=10)
    for number, unit in (("1", units["court"]), ("2", units["police"])):
        supervision.issue_notice(
            office_clerk,
            round_,
            unit=unit,
            content="请于期限内书面回复整改情况。",
            problems=[],
            reply_deadline=on,
            number=f"督〔2026〕{number}号",
        )
    SupervisionNotice.objects.filter(unit=units["police"]).update(status="overdue")
    # The court replies to its notice: the office is to close it or return it.
    supervision.issue_notice(
        office_clerk,
        round_,
        unit=units["court"],
        content="请书面说明学习计划落实情况。",
        problems=[],
        reply_deadline=on,
        number="督〔2026〕3号",
    )
    supervision.reply_notice(
        court_reporter, SupervisionNotice.objects.get(number="督〔2026〕3号"), "已书面说明。"
    )
    # The court says it has no such problem as the police's: the office is to review that.
    # The tribunal has yet to answer.
    asked = mechanisms.ask_generalization(
        office_clerk, problems["police"], units=[units["court"], units["tribunal"]]
    )
    mechanisms.answer_not_present(
        court_reporter,
        asked.answers.get(unit=units["court"]),
        reasons="本院已自查，不存在同类问题。",
    )
    measure = problems["court"].measures.get(number=1)
    requests.ask_extension(
        court_reporter, measure, new_deadline=on, reason="需协调财政追加经费，原定时限内无法完成。"
    )
    # Lights last: every service above recomputes them.
    Measure.objects.filter(round=round_).update(light="green")
    Measure.objects.filter(problem=problems["court"], number=1).update(light="red")
    Problem.objects.filter(round=round_).update(lead_leader=leader.person)
    Problem.objects.filter(round=round_).update(light="green")
    Problem.objects.filter(pk=problems["court"].pk).update(light="red")
    Problem.objects.filter(pk=problems["tribunal"].pk).update(light="yellow")
    return demo_round


@pytest.fixture
def verifier(busy_round):
    user = UserFactory(username="jiwei")
    VerificationGroupFactory(round=busy_round["round"], name="市纪委监委核查组", members=[user])
    return user


@pytest.fixture
def deputy(busy_round, units):
    """A leader of the committee who approves the round's requests but does not run it."""
    user = UserFactory(username="deputy")
    grant(user, Role.LEADER, units["committee"])
    return user


@pytest.fixture
def office_asked(busy_round, units, office_clerk):
    """The 整改办 asked about a measure it leads itself: the approving leaders decide, or a
    clerk outside the 整改办, of whom there is none."""
    measure = MeasureFactory(
        problem=busy_round["problems"]["police"], number=2, lead_unit=units["office"]
    )
    on = datetime.date.today() + datetime.timedelta(days=20)
    requests.ask_extension(office_clerk, measure, new_deadline=on, reason="需等上级文件下发。")
    return busy_round


def _figures(user) -> dict[str, int]:
    return {f.label: f.count for s in home_sections(user) for f in s.figures}


def test_a_reporter_sees_its_units_work(busy_round, court_reporter):
    figures = _figures(court_reporter)
    # The court's two measures and its tribunal's, all past their deadlines.
    assert figures == {
        "待报送": 3,
        "已超期": 3,
        "待回复督办单": 1,
        "待整改（退回）": 1,
        "举一反三待答复": 1,
    }


def test_the_office_sees_what_waits_for_it(busy_round, office_clerk):
    figures = _figures(office_clerk)
    assert figures == {
        "待核查": 1,
        "待我审批": 1,
        "待他人审批": 0,
        "超期": 3,
        "督办单逾期": 1,
        "督办单待办结": 1,
        "举一反三待审核": 1,
    }


def test_a_verifier_sees_what_waits_to_be_verified(busy_round, verifier):
    assert _figures(verifier) == {"待核查": 1}


def test_a_leader_sees_its_problems_by_light(busy_round, leader):
    figures = _figures(leader)
    assert figures["红灯问题"] == 1 and figures["黄灯问题"] == 1 and figures["绿灯问题"] == 1
    assert figures["红灯措施"] == 1


def test_a_leader_who_approves_sees_what_waits_for_its_decision(busy_round, deputy):
    assert _figures(deputy) == {"待我审批": 1}


@pytest.mark.parametrize(
    ("who", "mine", "others"),
    # Not the request one asked, nor one about a measure of one's own unit; the approving
    # leaders decide both.
    [("office_clerk", 1, 1), ("colleague", 1, 1), ("leader", 2, 0)],
)
def test_the_office_counts_what_waits_for_its_own_decision_apart(
    office_asked, request, who, mine, others
):
    figures = _figures(request.getfixturevalue(who))
    assert (figures["待我审批"], figures["待他人审批"]) == (mine, others)


def test_a_deciding_leader_counts_both(office_asked, deputy):
    assert _figures(deputy)["待我审批"] == 2


TILE = re.compile(r'<a class="tile[^"]*" href="([^"]+)"><strong>(\d+)</strong><span>([^<]+)<')


@pytest.mark.parametrize(
    "who", ["court_reporter", "office_clerk", "colleague", "leader", "verifier", "deputy"]
)
def test_every_figure_links_to_a_list_of_as_many_rows(office_asked, client, request, who):
    user = request.getfixturevalue(who)
    client.force_login(user)
    # The figures as the page shows them, each followed as a person would.
    tiles = TILE.findall(client.get(reverse("ledger:home")).content.decode())
    assert len(tiles) == len([f for s in home_sections(user) for f in s.figures])
    for href, count, label in tiles:
        page = client.get(html.unescape(href)).content.decode()
        shown = SHOWN.search(page)
        assert shown, href
        assert next(n for n in shown.groups() if n) == count, (label, href)


def test_the_home_page_is_where_a_login_lands(busy_round, client, court_reporter):
    response = client.post(reverse("login"), {"username": "court", "password": PASSWORD})
    assert response.url == reverse("ledger:home")
    page = client.get(response.url).content.decode()
    assert "本单位待办" in page and "待回复督办单" in page


def test_a_person_with_no_role_is_told_nothing_waits(client, outsider):
    client.force_login(outsider)
    page = client.get(reverse("ledger:home")).content.decode()
    assert "目前没有等您处理的事项。您的账号还没有分配角色，请联系系统管理员。" in page
    assert reverse("ledger:round_list") not in page


def test_an_administrator_without_roles_is_sent_to_the_admin_and_shown_no_round(busy_round, client):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    page = client.get(reverse("ledger:home")).content.decode()
    assert "您是系统管理员，负责账号和基础数据" in page
    assert f'href="{reverse("admin:index")}"' in page
    assert busy_round["round"].name not in page and "目前没有等您处理的事项" not in page


def test_the_home_page_costs_few_queries(busy_round, client, leader, django_assert_max_num_queries):
    client.force_login(leader)
    with django_assert_max_num_queries(15):
        client.get(reverse("ledger:home"))


def test_the_unit_pages_figures_link_to_as_many_rows(busy_round, client, court_reporter, units):
    later = timezone.localdate() + datetime.timedelta(days=30)
    Measure.objects.filter(pk=busy_round["shared"].pk).update(deadline=later)
    client.force_login(court_reporter)
    page = client.get(reverse("ledger:unit_detail", args=[units["court"].pk])).content.decode()
    tiles = re.findall(r'<a class="tile[^"]*" href="([^"]+)"><strong>(\d+)</strong>', page)
    # The court's two measures and the tribunal's; one of them not yet due.
    assert [shown for _, shown in tiles] == ["3", "2"]
    for href, shown in tiles:
        listed = client.get(reverse("ledger:unit_detail", args=[units["court"].pk]) + href)
        assert f"共 {shown} 条" in listed.content.decode(), href


def test_an_observer_with_nothing_waiting_is_led_to_the_rounds_it_reads(busy_round, client):
    observer = UserFactory(username="observer")
    grant(observer, Role.OBSERVER, round=busy_round["round"])
    client.force_login(observer)
    page = client.get(reverse("ledger:home")).content.decode()
    assert "目前没有等您处理的事项" in page and "可查看的轮次" in page
    dashboard = reverse("dashboard:round_dashboard", args=[busy_round["round"].pk])
    assert f'href="{dashboard}"' in page


def test_a_problem_without_measures_counts_under_no_light(busy_round, client, leader):
    ProblemFactory(
        round=busy_round["round"],
        category=busy_round["category"],
        number=9,
        lead_unit=None,
        lead_leader=leader.person,
    )
    green = next(f for s in home_sections(leader) for f in s.figures if f.label == "绿灯问题")
    assert green.count == 1
    client.force_login(leader)
    assert "共 1 条" in client.get(green.url).content.decode()


def test_the_answers_figure_lists_its_own_rounds_only(busy_round, client, court_reporter):
    client.force_login(court_reporter)
    inbox = reverse("mechanisms:inbox")
    own = client.get(inbox, {"round": busy_round["round"].pk}).content.decode()
    other = client.get(inbox, {"round": busy_round["round"].pk + 1}).content.decode()
    assert "待答复（1）" in own and "待答复（0）" in other
