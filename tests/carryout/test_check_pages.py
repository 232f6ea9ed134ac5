"""The verification and reopening forms: what the office sees and what a refusal says."""

import pytest
from django.urls import reverse

from tests.carryout.conftest import close, report
from tests.carryout.samples import PNG, upload
from zhenggai.carryout.models import Reopening, Verification
from zhenggai.ledger.models import Measure, Problem


@pytest.fixture
def as_office(client, office_clerk):
    client.force_login(office_clerk)
    return client


@pytest.fixture
def pending(measures, court_reporter):
    report(court_reporter, measures["court"], status="done_pending")
    return measures["court"]


def post_check(client, url, **data):
    values = {
        "methods": ["document_review", "on_site"],
        "verified_on": "2023-10-25",
        "findings": "实地查看了学习台账。",
        "result": "pass",
    }
    values.update(data)
    return client.post(url, values)


def test_the_office_verifies_on_site_with_a_photo_and_the_measure_closes(as_office, pending):
    url = reverse("carryout:measure_verify", args=[pending.pk])
    response = post_check(as_office, url, files=[upload("现场.png", PNG)])

    assert response.status_code == 302
    assert Measure.objects.get(pk=pending.pk).status == "closed"
    assert Verification.objects.get().evidence.count() == 1


def test_a_briefing_only_check_is_refused_with_the_reason_and_nothing_saved(as_office, pending):
    url = reverse("carryout:measure_verify", args=[pending.pk])
    response = post_check(as_office, url, methods=["briefing"])

    assert response.status_code == 200
    assert "仅听取汇报不能作为销号依据" in response.content.decode()
    assert not Verification.objects.exists()
    assert Measure.objects.get(pk=pending.pk).status == "done_pending"


def test_no_method_chosen_is_explained(as_office, pending):
    url = reverse("carryout:measure_verify", args=[pending.pk])
    response = post_check(as_office, url, methods=[])
    assert "请至少选择一种核查方式。" in response.content.decode()


def test_a_unit_is_told_who_may_verify_instead_of_the_form(client, pending, court_reporter):
    client.force_login(court_reporter)
    response = client.get(reverse("carryout:measure_verify", args=[pending.pk]))
    assert response.status_code == 403
    page = response.content.decode()
    assert "只有本轮整改办或核查组可以核查销号" in page
    assert "谁可以核查销号" in page and "提交核查结论" not in page


def test_a_failed_check_says_so(as_office, pending):
    url = reverse("carryout:measure_verify", args=[pending.pk])
    post_check(as_office, url, result="fail", findings="缺少签到表。")

    page = as_office.get(reverse("ledger:problem_detail", args=[pending.problem_id]))
    assert "核查未通过，已退回重改。" in page.content.decode()


def test_the_office_checks_a_closed_problem_as_a_whole(
    as_office, demo_round, measures, court_reporter, office_clerk
):
    close(measures["tribunal"], court_reporter, office_clerk)
    problem = demo_round["problems"]["tribunal"]

    response = post_check(as_office, reverse("carryout:problem_verify", args=[problem.pk]))

    assert response.status_code == 302
    assert Verification.objects.filter(problem=problem).exists()


def test_an_open_problem_is_not_yet_checked_as_a_whole_and_the_page_says_why(as_office, demo_round):
    problem = demo_round["problems"]["court"]
    response = as_office.get(reverse("carryout:problem_verify", args=[problem.pk]))
    assert response.status_code == 403
    page = response.content.decode()
    # Not yet, rather than no right: the reason and the measures still open.
    assert "无权操作" not in page and "问题整体核查" in page
    assert "问题的全部整改措施销号后，才能对问题进行整体核查。" in page
    assert f"尚未销号的措施：{problem.code}.1、{problem.code}.2。" in page
    assert "提交核查结论" not in page


def test_the_office_marks_a_rebound_and_the_history_shows_it(
    as_office, demo_round, measures, court_reporter, office_clerk
):
    close(measures["tribunal"], court_reporter, office_clerk)
    problem = demo_round["problems"]["tribunal"]
    url = reverse("carryout:problem_reopen", args=[problem.pk])

    response = as_office.post(url, {"reason": "同类问题再次出现。", "is_rebound": "on"})

    assert response.status_code == 302
    assert Reopening.objects.get().is_rebound
    assert Problem.objects.get(pk=problem.pk).status == "in_progress"
    history = as_office.get(reverse("carryout:problem_history", args=[problem.pk]))
    html = history.content.decode()
    assert "变异反弹" in html and "同类问题再次出现。" in html and "原销号日期 2023-10-23" in html


def test_reopening_without_a_reason_is_refused(as_office, measures, court_reporter, office_clerk):
    close(measures["tribunal"], court_reporter, office_clerk)
    url = reverse("carryout:measure_reopen", args=[measures["tribunal"].pk])
    response = as_office.post(url, {"reason": ""})
    assert response.status_code == 200
    assert not Reopening.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"verified_on": "not-a-date"},
        {"verified_on": "99999-01-01"},
        {"methods": ["nonsense"]},
        {"result": "<script>"},
        {"findings": "x" * 6000},
        {"findings": "\x00"},
    ],
)
def test_hostile_input_to_the_check_form_gets_a_message_not_an_error(as_office, pending, data):
    response = post_check(as_office, reverse("carryout:measure_verify", args=[pending.pk]), **data)
    assert response.status_code == 200
    assert not Verification.objects.exists()


def test_an_open_problem_is_not_yet_reopened_and_the_page_says_why(as_office, demo_round):
    response = as_office.get(
        reverse("carryout:problem_reopen", args=[demo_round["problems"]["court"].pk])
    )
    assert response.status_code == 403
    page = response.content.decode()
    assert "重新打开问题" in page and "只有已销号的问题可以重新打开。" in page
    assert "无权操作" not in page


def test_the_form_proposes_the_local_day(edge_of_the_day, client, office_clerk, pending):
    client.force_login(office_clerk)
    page = client.get(reverse("carryout:measure_verify", args=[pending.pk])).content.decode()
    assert 'name="verified_on" value="2026-12-07"' in page
