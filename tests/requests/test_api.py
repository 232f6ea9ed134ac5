"""Requests over HTTP: create, list, show, approve, refuse, withdraw, with the pages' rules and
Chinese refusals; an approval names the measure's version like any change of it."""

import pytest

from tests.requests.conftest import ask, in_days
from zhenggai.ledger import services as ledger
from zhenggai.ledger.models import Measure


def test_the_unit_asks_and_reads_its_request(measure, api_as, court_reporter):
    api = api_as(court_reporter)
    response = api.post(
        f"/api/measures/{measure.pk}/extension-requests",
        {"new_deadline": in_days(30).isoformat(), "reason": "经费待批复。"},
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["status"], body["status_label"], body["asked_by"]) == (
        "pending",
        "待审批",
        "陈法官",
    )
    assert (body["current_deadline"], body["new_deadline"]) == (
        "2023-12-31",
        in_days(30).isoformat(),
    )
    assert body["measure"]["version"] == 1 and body["measure"]["original_deadline"] is None
    listed = api.get("/api/extension-requests", status="pending").json()
    assert [item["id"] for item in listed["items"]] == [body["id"]]
    assert api.get(f"/api/extension-requests/{body['id']}").json()["reason"] == "经费待批复。"


def test_the_office_approves_on_the_measures_version(measure, api_as, court_reporter, office_clerk):
    request = ask(court_reporter, measure, days=30)
    api = api_as(office_clerk)

    missing = api.post(f"/api/extension-requests/{request.pk}/approve", {"note": "同意。"})
    assert missing.status_code == 428

    response = api.post(
        f"/api/extension-requests/{request.pk}/approve", {"note": "同意。", "version": 1}
    )

    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["status"], body["decided_by"], body["decision_note"]) == (
        "approved",
        "王文书",
        "同意。",
    )
    assert body["measure"]["deadline"] == in_days(30).isoformat()
    assert body["measure"]["original_deadline"] == "2023-12-31"
    measure_out = api.get(f"/api/measures/{measure.pk}").json()
    assert (measure_out["deadline"], measure_out["original_deadline"]) == (
        in_days(30).isoformat(),
        "2023-12-31",
    )


def test_an_approval_on_an_older_version_is_a_409(
    measure, api_as, court_reporter, office_clerk, leader
):
    request = ask(court_reporter, measure)
    ledger.update_measure(office_clerk, measure, deliverable="专题学习记录", version=1)

    response = api_as(leader).client.post(
        f"/api/extension-requests/{request.pk}/approve",
        {},
        content_type="application/json",
        headers={"If-Match": '"1"'},
    )

    assert response.status_code == 409
    assert response.json()["changes"][0]["actor"] == "王文书"
    assert Measure.objects.get(pk=measure.pk).original_deadline is None


def test_a_refusal_needs_a_reason(measure, api_as, court_reporter, office_clerk):
    request = ask(court_reporter, measure)
    api = api_as(office_clerk)

    empty = api.post(f"/api/extension-requests/{request.pk}/refuse", {"note": "  "})
    assert empty.status_code == 422 and empty.json()["errors"] == {"note": ["不能为空。"]}

    response = api.post(f"/api/extension-requests/{request.pk}/refuse", {"note": "不同意。"})
    assert response.json()["status_label"] == "不予批准"


def test_a_change_is_asked_with_only_what_changes(measure, api_as, court_reporter, office_clerk):
    response = api_as(court_reporter).post(
        f"/api/measures/{measure.pk}/change-requests",
        {"kind": "ongoing", "reason": "该项工作需长期坚持。"},
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["kind"], body["kind_label"], body["text"]) == ("ongoing", "长期坚持", measure.text)
    approved = api_as(office_clerk).post(
        f"/api/change-requests/{body['id']}/approve", {"version": 1}
    )
    assert approved.json()["measure"]["kind_label"] == "长期坚持"


def test_the_unit_withdraws(measure, api_as, court_reporter):
    request = ask(court_reporter, measure)
    response = api_as(court_reporter).post(f"/api/extension-requests/{request.pk}/withdraw")
    assert response.json()["status"] == "withdrawn"


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ({"new_deadline": "2024-02-30"}, "new_deadline", "应为有效日期"),
        ({"new_deadline": "9999-12-31"}, "new_deadline", "一次延期不能超过一年"),
        ({"new_deadline": "2023-06-30"}, "new_deadline", "新的完成时限应晚于现在的完成时限"),
        ({"reason": ""}, "reason", "不能为空。"),
        ({"reason": "理" * 2001}, "reason", "不能超过 2000 个字符。"),
        ({"reason": "带\x00空字符"}, "reason", "不能包含空字符"),
        ({"colour": "red"}, "colour", "不支持此字段"),
    ],
)
def test_bad_input_is_refused_in_chinese(measure, api_as, court_reporter, payload, field, message):
    body = {"new_deadline": in_days(30).isoformat(), "reason": "经费待批复。", **payload}
    response = api_as(court_reporter).post(f"/api/measures/{measure.pk}/extension-requests", body)

    assert response.status_code == 422
    assert response.json()["errors"][field][0].startswith(message)


def test_who_may_do_what(measures, api_as, court_reporter, police_reporter, office_clerk):
    request = ask(court_reporter, measures["court"])
    police = api_as(police_reporter)

    assert police.get(f"/api/extension-requests/{request.pk}").status_code == 404
    assert police.get("/api/extension-requests").json()["count"] == 0
    shared = police.post(
        f"/api/measures/{measures['shared'].pk}/extension-requests",
        {"new_deadline": in_days(30).isoformat(), "reason": "配合单位也想延期。"},
    )
    assert shared.status_code == 403
    assert shared.json()["detail"] == "只有该措施牵头单位的填报人可以提出延期申请。"
    own = api_as(court_reporter).post(
        f"/api/extension-requests/{request.pk}/approve", {"version": 1}
    )
    assert own.status_code == 403
    assert api_as(office_clerk).get("/api/extension-requests").json()["count"] == 1
