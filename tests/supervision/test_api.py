"""The supervision endpoints of the HTTP API: same rules and messages as the web pages."""

import pytest
from django.urls import reverse

from tests.api.conftest import ApiClient
from zhenggai.api.models import ApiToken
from zhenggai.supervision.models import Escalation, Notification, Reminder, SupervisionNotice


@pytest.fixture
def api_as(db):
    def as_user(user) -> ApiClient:
        return ApiClient(ApiToken.objects.issue(user, "测试")[1])

    return as_user


def test_the_office_issues_a_notice(api_as, office_clerk, demo_round, units):
    round_ = demo_round["round"]
    response = api_as(office_clerk).post(
        f"/api/rounds/{round_.pk}/notices",
        {
            "unit": units["court"].pk,
            "content": "请说明整改进度滞后的原因。",
            "problems": [demo_round["problems"]["court"].pk],
        },
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["number"].startswith("督办〔") and body["status_label"] == "已下发"
    assert body["unit"]["name"] == "临江市中级人民法院"
    assert [p["code"] for p in body["problems"]] == ["1-1"]
    assert body["issued_by"] == "王文书"


def test_a_unit_cannot_issue_a_notice(api_as, court_reporter, demo_round, units):
    response = api_as(court_reporter).post(
        f"/api/rounds/{demo_round['round'].pk}/notices",
        {"unit": units["tribunal"].pk, "content": "x"},
    )
    assert response.status_code == 403
    assert "整改牵头单位" in response.json()["detail"]


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ({"content": ""}, "content", "不能为空"),
        ({"unit": 999999}, "unit", "所选被督办单位不存在"),
        ({"problems": [999999]}, "problems", "所选问题不存在"),
        ({"reply_deadline": "2020-01-01"}, "reply_deadline", "不能早于下发日期"),
        ({"reply_deadline": "明天"}, "reply_deadline", "YYYY-MM-DD"),
        ({"content": "a\x00b"}, "content", "空字符"),
        ({"colour": "red"}, "colour", "不支持此字段"),
    ],
)
def test_bad_notice_input_is_explained_per_field(
    api_as, office_clerk, demo_round, units, payload, field, message
):
    body = {"unit": units["court"].pk, "content": "请整改。", **payload}
    response = api_as(office_clerk).post(f"/api/rounds/{demo_round['round'].pk}/notices", body)
    assert response.status_code == 422
    assert message in " ".join(response.json()["errors"][field])
    assert not SupervisionNotice.objects.exists()


def test_notices_are_listed_in_the_callers_scope(
    api_as, a_notice, court_reporter, police_reporter, tribunal_reporter
):
    assert api_as(court_reporter).get("/api/notices").json()["count"] == 1
    assert api_as(tribunal_reporter).get("/api/notices").json()["count"] == 0
    assert api_as(police_reporter).get(f"/api/notices/{a_notice.pk}").status_code == 404


def test_notices_filter_by_status(api_as, a_notice, office_clerk):
    client = api_as(office_clerk)
    assert client.get("/api/notices", status="issued").json()["count"] == 1
    assert client.get("/api/notices", status="replied").json()["count"] == 0
    assert client.get("/api/notices", status="bogus").status_code == 422


def test_the_unit_replies(api_as, a_notice, court_reporter):
    response = api_as(court_reporter).post(
        f"/api/notices/{a_notice.pk}/reply", {"reply": "已完成整改。"}
    )
    assert response.status_code == 200
    assert response.json()["status"] == "replied" and response.json()["replied_by"] == "陈法官"
    again = api_as(court_reporter).post(f"/api/notices/{a_notice.pk}/reply", {"reply": "再答"})
    assert again.status_code == 403 and "已经回复过" in again.json()["detail"]


def test_the_office_records_an_escalation(api_as, a_notice, office_clerk, leader, demo_round):
    response = api_as(office_clerk).post(
        f"/api/rounds/{demo_round['round'].pk}/escalations",
        {
            "kind": "admonition",
            "notice": a_notice.pk,
            "decided_by": leader.pk,
            "reason": "逾期未回复，书记决定约谈。",
        },
    )
    assert response.status_code == 201, response.json()
    assert response.json()["decided_by"] == "周书记" and response.json()["kind_label"] == "约谈"
    listed = api_as(office_clerk).get("/api/escalations").json()
    assert listed["count"] == 1 and listed["items"][0]["notice"] == a_notice.pk


def test_an_escalation_without_a_reason_is_refused(api_as, a_notice, office_clerk, demo_round):
    response = api_as(office_clerk).post(
        f"/api/rounds/{demo_round['round'].pk}/escalations",
        {"kind": "circular", "notice": a_notice.pk, "reason": " "},
    )
    assert response.status_code == 422 and "reason" in response.json()["errors"]
    assert not Escalation.objects.exists()


def test_notifications_are_the_callers_and_can_be_marked_read(api_as, a_notice, court_reporter):
    client = api_as(court_reporter)
    listed = client.get("/api/notifications", unread="true").json()
    assert listed["count"] == 1
    note = listed["items"][0]
    assert note["link"] == reverse("supervision:notice_detail", args=[a_notice.pk])
    read = client.post(f"/api/notifications/{note['id']}/read")
    assert read.status_code == 200 and read.json()["read_at"]
    assert client.post("/api/notifications/read-all").json() == {"count": 0}


def test_someone_elses_notification_is_not_found(api_as, a_notice, police_reporter):
    theirs = Notification.objects.get()
    response = api_as(police_reporter).post(f"/api/notifications/{theirs.pk}/read")
    assert response.status_code == 404


def test_the_office_reminds_through_the_api(api_as, tracked, office_clerk):
    response = api_as(office_clerk).post(f"/api/measures/{tracked.pk}/reminders", {"note": ""})
    assert response.status_code == 201
    assert sorted(r["person"] for r in response.json()) == ["周书记", "陈法官"]
    again = api_as(office_clerk).post(f"/api/measures/{tracked.pk}/reminders", {})
    assert again.status_code == 422 and "今天已经催办过" in str(again.json())
    assert Reminder.objects.count() == 2


def test_a_unit_cannot_remind_through_the_api(api_as, tracked, court_reporter):
    response = api_as(court_reporter).post(f"/api/measures/{tracked.pk}/reminders", {})
    assert response.status_code == 403


def test_the_main_api_mounts_the_supervision_router():
    assert reverse("api:list_notices") == "/api/notices"
