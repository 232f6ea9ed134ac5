"""POST /api/notices/{id}/close and /return: the office closes a replied notice or sends the
reply back, with the web's rules and Chinese messages."""

import datetime

import pytest
from django.utils import timezone

from zhenggai.supervision import services
from zhenggai.supervision.models import SupervisionNotice


@pytest.fixture
def replied(demo_round, units, office_clerk, court_reporter):
    notice = services.issue_notice(
        office_clerk,
        demo_round["round"],
        unit=units["court"],
        content="请说明审判监督整改进度。",
        problems=[demo_round["problems"]["court"]],
    )
    return services.reply_notice(court_reporter, notice, "已修订制度。")


def test_the_office_closes_a_replied_notice(api_as, replied, office_clerk):
    response = api_as(office_clerk).post(f"/api/notices/{replied.pk}/close", {"note": "整改到位。"})
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == "closed" and body["status_label"] == "已办结"
    assert body["closed_by"] == "王文书" and body["closed_at"]
    assert body["closing_note"] == "整改到位。"


def test_the_note_may_be_left_out(api_as, replied, office_clerk):
    response = api_as(office_clerk).post(f"/api/notices/{replied.pk}/close")
    assert response.status_code == 200 and response.json()["closing_note"] == ""


def test_closing_twice_is_refused(api_as, replied, office_clerk):
    client = api_as(office_clerk)
    client.post(f"/api/notices/{replied.pk}/close")
    again = client.post(f"/api/notices/{replied.pk}/close")
    assert again.status_code == 422
    assert again.json()["errors"]["__all__"] == ["该督办单已办结，不能再办结。"]


def test_a_unit_cannot_close(api_as, replied, court_reporter):
    response = api_as(court_reporter).post(f"/api/notices/{replied.pk}/close")
    assert response.status_code == 403 and "整改牵头单位" in response.json()["detail"]
    assert SupervisionNotice.objects.get().status == "replied"


def test_an_unanswered_notice_cannot_be_closed(api_as, replied, office_clerk):
    SupervisionNotice.objects.filter(pk=replied.pk).update(status="issued", reply="")
    response = api_as(office_clerk).post(f"/api/notices/{replied.pk}/close")
    assert response.status_code == 422
    assert "尚未回复" in response.json()["errors"]["__all__"][0]


def test_the_office_returns_a_reply_with_a_new_deadline(api_as, replied, office_clerk):
    deadline = timezone.localdate() + datetime.timedelta(days=10)
    response = api_as(office_clerk).post(
        f"/api/notices/{replied.pk}/return",
        {"reason": "未说明完成时限。", "reply_deadline": deadline.isoformat()},
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == "issued" and body["reply"] == "" and body["replied_by"] is None
    assert body["reply_deadline"] == deadline.isoformat()


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ({"reason": " "}, "reason", "不能为空"),
        ({}, "reason", "必须填写此项"),
        ({"reason": "x" * 2001}, "reason", "不能超过 2000 个字符"),
        ({"reason": "不具体", "reply_deadline": "2020-01-01"}, "reply_deadline", "不能早于今天"),
        ({"reason": "不具体", "colour": "red"}, "colour", "不支持此字段"),
    ],
)
def test_bad_return_input_is_explained_per_field(
    api_as, replied, office_clerk, payload, field, message
):
    response = api_as(office_clerk).post(f"/api/notices/{replied.pk}/return", payload)
    assert response.status_code == 422
    assert message in " ".join(response.json()["errors"][field])
    assert SupervisionNotice.objects.get().status == "replied"


def test_a_unit_cannot_return_a_reply(api_as, replied, court_reporter):
    response = api_as(court_reporter).post(f"/api/notices/{replied.pk}/return", {"reason": "x"})
    assert response.status_code == 403


def test_a_notice_out_of_scope_is_not_found(api_as, replied, police_reporter):
    client = api_as(police_reporter)
    assert client.post(f"/api/notices/{replied.pk}/close").status_code == 404
    assert client.post(f"/api/notices/{replied.pk}/return", {"reason": "x"}).status_code == 404


def test_the_schema_lists_both_endpoints(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert paths["/api/notices/{notice_id}/close"]["post"]["summary"] == "办结督办单"
    assert paths["/api/notices/{notice_id}/return"]["post"]["summary"] == "退回督办回复"
