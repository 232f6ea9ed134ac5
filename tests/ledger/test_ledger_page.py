"""The ledger's three views with filters, search, sorting and pagination."""

import datetime

import pytest
from django.urls import reverse

from tests.conftest import LOCAL_DAY
from tests.factories import MeasureFactory, PersonFactory, ProblemFactory
from zhenggai.ledger.models import Claim, Measure


@pytest.fixture
def office(client, office_clerk):
    client.force_login(office_clerk)
    return client


def _get(client, demo_round, **params):
    url = reverse("ledger:ledger", args=[demo_round["round"].pk])
    return client.get(url, params)


def test_it_lists_problems_with_their_codes(office, demo_round):
    page = _get(office, demo_round).content.decode()
    assert "1-1" in page and "1-2" in page and "1-3" in page
    assert "共 3 条" in page


def test_it_filters_by_unit_including_sub_units(office, demo_round, units):
    page = _get(office, demo_round, view="measures", unit=units["court"].pk).content.decode()
    assert "共 3 条" in page  # two court measures and the tribunal's


def test_a_unit_filter_finds_measures_the_unit_only_cooperates_on(office, demo_round, units):
    page = _get(office, demo_round, view="measures", unit=units["station"].pk).content.decode()
    assert "共 1 条" in page
    assert "1-1.2" in page


def test_it_filters_overdue_measures(office, demo_round):
    problem = demo_round["problems"]["police"]
    MeasureFactory(
        problem=problem, number=2, lead_unit=problem.lead_unit, deadline=None, kind="ongoing"
    )
    done = problem.measures.get(number=1)
    done.status = "closed"
    done.save()
    page = _get(office, demo_round, view="measures", overdue="on").content.decode()
    assert "共 3 条" in page  # the past deadlines of the other three, not the closed one
    assert "超期" in page


def test_a_deadline_of_yesterday_is_overdue_one_of_today_is_not(
    edge_of_the_day, office, demo_round
):
    court = demo_round["problems"]["court"].measures.get(number=1)
    Measure.objects.exclude(pk=court.pk).update(deadline=LOCAL_DAY)
    Measure.objects.filter(pk=court.pk).update(deadline=LOCAL_DAY - datetime.timedelta(days=1))
    page = _get(office, demo_round, view="measures", overdue="on").content.decode()
    assert "共 1 条" in page and "1-1.1" in page
    page = _get(office, demo_round, view="measures").content.decode()
    assert page.count('<span class="badge red">超期</span>') == 1


def test_it_filters_by_deadline_window(office, demo_round):
    page = _get(
        office, demo_round, view="measures", due_from="2024-01-01", due_to="2024-12-31"
    ).content.decode()
    assert "共 1 条" in page


def test_it_searches_the_text_of_problems(office, demo_round):
    problem = demo_round["problems"]["tribunal"]
    problem.text = "诉讼服务中心窗口推诿群众。"
    problem.save()
    page = _get(office, demo_round, q="诉讼服务 推诿").content.decode()
    assert "共 1 条" in page
    assert "诉讼服务中心窗口推诿群众" in page


def test_the_responsibility_view_shows_cooperating_units(office, demo_round):
    page = _get(office, demo_round, view="responsibility").content.decode()
    assert "江北派出所" in page


def test_it_sorts_measures_by_deadline(office, demo_round):
    page = _get(office, demo_round, view="measures", sort="-deadline").content.decode()
    assert page.index("2024-03-31") < page.index("2023-12-31")


def test_an_invalid_date_in_the_url_is_explained_not_an_error(office, demo_round):
    response = _get(office, demo_round, view="measures", due_from="2023-02-30")
    assert response.status_code == 200
    assert "有效的日期" in response.content.decode()


def test_a_reversed_window_is_explained(office, demo_round):
    response = _get(office, demo_round, due_from="2024-02-01", due_to="2024-01-01")
    assert "结束日期不能早于开始日期" in response.content.decode()


def test_paging_keeps_the_filters(office, demo_round):
    category = demo_round["category"]
    for number in range(4, 60):
        ProblemFactory(round=category.round, category=category, number=number)
    page2 = _get(office, demo_round, view="problems", q="问题", page=2).content.decode()
    assert "第 2/2 页" in page2
    assert "q=%E9%97%AE%E9%A2%98&amp;page=1" in page2


def test_an_htmx_request_gets_only_the_results(office, demo_round):
    url = reverse("ledger:ledger", args=[demo_round["round"].pk])
    response = office.get(url, {"view": "measures"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="results"')
    assert "<html" not in body


@pytest.mark.parametrize("view", ["problems", "measures", "responsibility"])
def test_the_number_of_queries_does_not_grow_with_rows(
    office, demo_round, view, django_assert_max_num_queries
):
    category = demo_round["category"]
    for number in range(4, 40):
        problem = ProblemFactory(round=category.round, category=category, number=number)
        MeasureFactory(problem=problem, number=1, deadline=datetime.date(2023, 10, 1))
    with django_assert_max_num_queries(15):
        response = _get(office, demo_round, view=view)
    assert response.status_code == 200


@pytest.mark.parametrize("sort", ["deadline", "-deadline"])
def test_measures_without_a_deadline_sort_last_either_way(office, demo_round, sort):
    problem = demo_round["problems"]["police"]
    MeasureFactory(
        problem=problem, number=2, lead_unit=problem.lead_unit, deadline=None, kind="ongoing"
    )
    page = _get(office, demo_round, view="measures", sort=sort).content.decode()
    assert page.index("1-3.2") > max(page.index("1-1.1"), page.index("1-1.2"), page.index("1-2.1"))


def test_the_problem_list_s_queries_do_not_grow_with_its_claims(
    office, office_clerk, demo_round, units, django_assert_max_num_queries
):
    claimants = []
    for key, problem in demo_round["problems"].items():
        person = PersonFactory(unit=units[key], is_leader=True)
        claimants += [person.name, units[key].name]
        for claimant in ({"person": person}, {}):
            Claim.objects.create(
                problem=problem, unit=units[key], claimed_by=office_clerk, **claimant
            )
    with django_assert_max_num_queries(15):
        page = _get(office, demo_round).content.decode()
    assert page.count("已认领") == 6
    # A person's claim names the person; a unit's, the unit.
    assert all(f"{name}已认领" in page for name in claimants)


def test_a_unit_s_problem_list_counts_only_the_measures_it_sees(
    client, office, police_reporter, demo_round
):
    assert "0/2" in _get(office, demo_round).content.decode()  # the court's problem
    client.force_login(police_reporter)
    page = _get(client, demo_round).content.decode()
    # The court's problem shows the one measure the police station cooperates on.
    assert "1-1" in page and "0/2" not in page
    assert page.count("0/1") == 2
