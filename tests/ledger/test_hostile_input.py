"""Hostile strings in every form: a Chinese message or a faithful save, never a 500."""

import pytest
from django.urls import reverse

from zhenggai.ledger.models import InspectionRound, Problem

HOSTILE = [
    "<script>alert('x')</script>",
    "'; DROP TABLE ledger_problem; --",
    "整改😀🚨" * 10,
    "\u202e反转\u0000空字符",
]


@pytest.fixture
def office(client, office_clerk):
    client.force_login(office_clerk)
    return client


@pytest.mark.parametrize("text", HOSTILE)
def test_a_hostile_problem_text_is_saved_as_text_and_shown_escaped(office, demo_round, text):
    url = reverse("ledger:problem_create", args=[demo_round["round"].pk])
    response = office.post(
        url, {"category": demo_round["category"].pk, "text": text, "source": "feedback"}
    )
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        problem = Problem.objects.latest("pk")
        page = office.get(reverse("ledger:problem_detail", args=[problem.pk])).content.decode()
        assert "<script>alert" not in page
    else:
        assert "空字符" in response.content.decode() or "errorlist" in response.content.decode()


def test_a_hundred_thousand_characters_are_refused_with_a_limit(office, demo_round):
    url = reverse("ledger:problem_create", args=[demo_round["round"].pk])
    response = office.post(
        url, {"category": demo_round["category"].pk, "text": "长" * 100_000, "source": "feedback"}
    )
    assert response.status_code == 200
    assert "不超过 2000 字符" in response.content.decode()


@pytest.mark.parametrize("bad_date", ["2023-02-30", "2023-13-01", "明天", "9999-99-99"])
def test_a_date_that_does_not_exist_is_explained(office, units, bad_date):
    response = office.post(
        reverse("ledger:round_create"),
        {
            "name": "轮次",
            "kind": "xunshi",
            "team": "组",
            "organization": "政法委",
            "office": units["committee"].pk,
            "feedback_date": bad_date,
            "status": "concentrated",
        },
    )
    assert response.status_code == 200
    assert "输入一个有效的日期" in response.content.decode()
    assert not InspectionRound.objects.exists()


def test_an_unknown_choice_is_explained(office, demo_round):
    problem = demo_round["problems"]["court"]
    measure = problem.measures.get(number=1)
    response = office.post(
        reverse("ledger:measure_edit", args=[measure.pk]),
        {
            "text": "措施",
            "kind": "forever",
            "deadline": "2024-01-01",
            "status": "not_started",
            "lead_unit": measure.lead_unit_id,
        },
    )
    assert response.status_code == 200
    assert "选择一个有效的选项" in response.content.decode()


def test_a_non_numeric_id_in_a_filter_is_ignored_with_a_message(office, demo_round):
    url = reverse("ledger:ledger", args=[demo_round["round"].pk])
    response = office.get(url, {"unit": "1 OR 1=1", "page": "-5"})
    assert response.status_code == 200
    assert "选择一个有效的选项" in response.content.decode()


def test_a_huge_form_is_refused_with_a_chinese_page_and_nothing_lost(office, demo_round, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    problem = demo_round["problems"]["court"]
    url = reverse("ledger:problem_edit", args=[problem.pk])
    response = office.post(url, {"text": "大" * 5000, "category": demo_round["category"].pk})
    assert response.status_code == 400
    assert "过大" in response.content.decode()
    assert Problem.objects.get(pk=problem.pk).text == problem.text
