"""The same actions over HTTP: the services' rules and Chinese refusals, as JSON."""

import re

import pytest

from tests.api.conftest import ApiClient
from tests.mechanisms.conftest import PDF, upload
from zhenggai.api.models import ApiToken
from zhenggai.ledger.models import Problem
from zhenggai.mechanisms.models import GeneralizationAnswer, Mechanism

CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def api_as(db):
    def as_user(user):
        _, raw = ApiToken.objects.issue(user, "测试")
        return ApiClient(raw)

    return as_user


def _mechanism(demo_round, units, **values):
    return {
        "name": "专题学习督查制度",
        "kind": "rule",
        "issuing_unit": units["court"].pk,
        "issued_on": "2023-11-01",
        "problems": [demo_round["problems"]["court"].pk, demo_round["problems"]["police"].pk],
    } | values


def test_the_office_registers_a_mechanism_with_a_file(api_as, office_clerk, demo_round, units):
    api = api_as(office_clerk)
    url = f"/api/rounds/{demo_round['round'].pk}/mechanisms"
    response = api.client.post(url, _mechanism(demo_round, units, file=upload("制度.pdf", PDF)))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["kind_label"] == "制度文件"
    assert [p["code"] for p in body["problems"]] == ["1-1", "1-3"]
    assert body["file_url"].endswith("/file/")
    listed = api.get(url, q="督查").json()
    assert listed["count"] == 1


def test_a_bad_file_is_refused_in_chinese_and_nothing_saved(
    api_as, office_clerk, demo_round, units
):
    api = api_as(office_clerk)
    url = f"/api/rounds/{demo_round['round'].pk}/mechanisms"
    response = api.client.post(url, _mechanism(demo_round, units, file=upload("制度.pdf", b"MZ")))
    assert response.status_code == 422
    assert response.json()["errors"]["file"] == ["“制度.pdf”是可执行程序，不予接收。"]
    assert not Mechanism.objects.exists()


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"issued_on": "2023-02-30"}, "issued_on"),
        ({"kind": "forever"}, "kind"),
        ({"problems": []}, "problems"),
        ({"name": "名" * 201}, "name"),
        ({"issuing_unit": 999999}, "issuing_unit"),
    ],
)
def test_bad_input_is_refused_in_chinese(api_as, office_clerk, demo_round, units, values, field):
    api = api_as(office_clerk)
    data = {k: v for k, v in _mechanism(demo_round, units, **values).items() if v != []}
    response = api.client.post(f"/api/rounds/{demo_round['round'].pk}/mechanisms", data)
    assert response.status_code == 422, response.content
    errors = response.json()["errors"]
    assert field in errors
    assert all(CHINESE.search(m) for m in errors[field])


def test_a_unit_links_only_problems_in_its_scope(api_as, court_reporter, demo_round, units):
    api = api_as(court_reporter)
    data = _mechanism(demo_round, units, problems=[demo_round["problems"]["court"].pk])
    created = api.client.post(f"/api/rounds/{demo_round['round'].pk}/mechanisms", data).json()
    response = api.post(
        f"/api/mechanisms/{created['id']}/problems",
        {"problem": demo_round["problems"]["tribunal"].pk},
    )
    assert response.status_code == 201
    response = api.post(
        f"/api/mechanisms/{created['id']}/problems",
        {"problem": demo_round["problems"]["police"].pk},
    )
    # A problem outside the court's scope is not found at all.
    assert response.status_code == 404
    assert CHINESE.search(response.json()["detail"])
    unlinked = api.client.delete(
        f"/api/mechanisms/{created['id']}/problems/{demo_round['problems']['tribunal'].pk}"
    )
    assert unlinked.status_code == 204


def test_generalization_over_the_api(
    api_as, office_clerk, tribunal_reporter, police_reporter, demo_round, units, second_tribunal
):
    office = api_as(office_clerk)
    source = demo_round["problems"]["court"]
    asked = office.post(f"/api/problems/{source.pk}/generalizations", {"kind": "tribunal"})
    assert asked.status_code == 201, asked.content
    assert asked.json()["reach"]["asked"] == 2

    tribunal = api_as(tribunal_reporter)
    inbox = tribunal.get("/api/generalization-answers", pending="true").json()
    assert [a["unit"]["name"] for a in inbox["items"]] == ["城东人民法庭"]
    assert api_as(police_reporter).get("/api/generalization-answers").json()["count"] == 0

    answer_id = inbox["items"][0]["id"]
    found = tribunal.post(
        f"/api/generalization-answers/{answer_id}/found",
        {
            "manifestations": "本庭专题学习仅传达文件。",
            "measures": [{"text": "每月集中学习", "deadline": "2030-06-30"}],
        },
    )
    assert found.status_code == 200, found.content
    assert found.json()["state"] == "found"
    linked = Problem.objects.get(pk=found.json()["linked_problem"]["id"])
    assert linked.lead_unit == units["tribunal"]

    other = GeneralizationAnswer.objects.get(unit=second_tribunal)
    refused = office.client.post(
        f"/api/generalization-answers/{other.pk}/not-present", {"reasons": "不存在。"}
    )
    assert refused.status_code == 403
    assert "不能代为答复" in refused.json()["detail"]

    listed = office.get("/api/generalizations", problem=source.pk).json()
    assert listed["items"][0]["reach"] == {
        "asked": 2,
        "answered": 1,
        "found": 1,
        "accepted": 0,
        "awaiting_review": 0,
        "pending": 1,
    }


def test_not_present_and_review_over_the_api(api_as, office_clerk, court_reporter, tribunal_answer):
    # The court answers for the tribunal below it.
    court = api_as(court_reporter)
    url = f"/api/generalization-answers/{tribunal_answer.pk}"
    missing = court.client.post(f"{url}/not-present", {"reasons": "  "})
    assert missing.status_code == 422
    assert missing.json()["errors"]["reasons"] == ["不能为空。"]
    answered = court.client.post(
        f"{url}/not-present", {"reasons": "经自查不存在。", "evidence": upload("报告.pdf", PDF)}
    )
    assert answered.status_code == 200, answered.content
    assert answered.json()["evidence_url"]

    office = api_as(office_clerk)
    rejected = office.post(f"{url}/review", {"decision": "reject"})
    assert rejected.status_code == 422
    assert "写明理由" in rejected.json()["errors"]["note"][0]
    accepted = office.post(f"{url}/review", {"decision": "accept", "note": "认可"})
    assert accepted.json()["state_label"] == "不存在（已认可）"


def test_found_needs_a_measure(api_as, tribunal_reporter, tribunal_answer):
    response = api_as(tribunal_reporter).post(
        f"/api/generalization-answers/{tribunal_answer.pk}/found",
        {"manifestations": "存在。", "measures": []},
    )
    assert response.status_code == 422
    assert "measures" in response.json()["errors"]


def test_closed_problems_without_mechanism_are_listed(api_as, office_clerk, demo_round):
    Problem.objects.filter(pk=demo_round["problems"]["police"].pk).update(status="closed")
    body = (
        api_as(office_clerk)
        .get(f"/api/rounds/{demo_round['round'].pk}/closed-without-mechanism")
        .json()
    )
    assert [p["code"] for p in body["items"]] == ["1-3"]


def test_the_endpoints_are_documented_in_chinese(client):
    schema = client.get("/api/openapi.json").json()
    operations = [
        op
        for path in schema["paths"].values()
        for op in path.values()
        if op["tags"] == ["长效机制"]
    ]
    assert len(operations) == 13
    assert all(CHINESE.search(op["summary"]) for op in operations)
