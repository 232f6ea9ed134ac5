"""Hostile input on every supervision form: a Chinese message or a faithful save, never a 500."""

import pytest
from django.urls import reverse

from zhenggai.supervision.models import Escalation, SupervisionNotice

HOSTILE = [
    "<script>alert('x')</script>",
    "'; DROP TABLE supervision_supervisionnotice; --",
    "督办😀🚨" * 10,
    "\u202e反转",
]


@pytest.fixture
def office(client, office_clerk):
    client.force_login(office_clerk)
    return client


@pytest.mark.parametrize("text", HOSTILE)
def test_a_hostile_notice_is_saved_as_text_and_shown_escaped(office, demo_round, units, text):
    url = reverse("supervision:notice_create", args=[demo_round["round"].pk])
    response = office.post(url, {"unit": units["court"].pk, "content": text, "number": text[:50]})
    assert response.status_code == 302
    notice = SupervisionNotice.objects.get()
    assert notice.content == text
    page = office.get(reverse("supervision:notice_detail", args=[notice.pk])).content.decode()
    assert "<script>alert" not in page


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"content": "a\x00b"}, "空字符"),
        ({"content": "长" * 5001}, "5000"),
        ({"number": "号" * 51}, "50"),
        ({"unit": "abc"}, "选择一个有效的选项"),
        ({"unit": "99999999999999999999999"}, "选择一个有效的选项"),
        ({"reply_deadline": "2026-02-30"}, "有效的日期"),
        ({"problem_codes": "1-1" * 400}, "1000"),
        ({"problem_codes": "、".join(["1-1"] * 51)}, "最多引用 50 个问题"),
    ],
)
def test_bad_notice_input_gets_a_chinese_message(office, demo_round, units, values, message):
    url = reverse("supervision:notice_create", args=[demo_round["round"].pk])
    response = office.post(url, {"unit": units["court"].pk, "content": "请整改。", **values})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SupervisionNotice.objects.exists()


@pytest.mark.parametrize("reply", ["a\x00b", "长" * 5001])
def test_a_bad_reply_gets_a_chinese_message(client, a_notice, court_reporter, reply):
    client.force_login(court_reporter)
    response = client.post(
        reverse("supervision:notice_reply", args=[a_notice.pk]), {"reply": reply}
    )
    assert response.status_code == 200
    assert "空字符" in response.content.decode() or "5000" in response.content.decode()
    assert SupervisionNotice.objects.get().reply == ""


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"reason": "a\x00b"}, "空字符"),
        ({"kind": "firing"}, "选择一个有效的选项"),
        ({"decided_on": "昨天"}, "有效的日期"),
        ({"decided_by": "-1"}, "选择一个有效的选项"),
        ({"problem_code": "1-1 1-2"}, "只能填写一个问题编号"),
    ],
)
def test_bad_escalation_input_gets_a_chinese_message(
    office, a_notice, demo_round, units, office_clerk, values, message
):
    url = reverse("supervision:escalation_create", args=[demo_round["round"].pk])
    data = {
        "kind": "admonition",
        "unit": units["court"].pk,
        "decided_by": office_clerk.pk,
        "decided_on": "2024-04-01",
        "reason": "逾期未回复。",
        **values,
    }
    response = office.post(f"{url}?notice={a_notice.pk}", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Escalation.objects.exists()


@pytest.mark.parametrize(
    "params",
    [
        {"status": "<b>", "unit": "'; --"},
        {"page": "-1"},
        {"page": "99999999999999999999"},
        {"unit": "99999999999999999999999"},
    ],
)
def test_odd_list_parameters_are_ignored(office, demo_round, params):
    url = reverse("supervision:notice_list", args=[demo_round["round"].pk])
    assert office.get(url, params).status_code == 200


@pytest.mark.parametrize("query", ["?notice=abc&problem=1e9", "?notice=99999999999999999999"])
def test_odd_starting_points_for_an_escalation_are_ignored(office, demo_round, query):
    url = reverse("supervision:escalation_create", args=[demo_round["round"].pk])
    assert office.get(url + query).status_code == 200


def test_a_get_on_a_post_only_action_is_refused(office, a_notice):
    assert office.get(reverse("supervision:notice_reply", args=[a_notice.pk])).status_code == 405
