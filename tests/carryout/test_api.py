"""Carrying measures out over HTTP: the same services and refusals as the web pages."""

import pytest
from django.test import Client

from tests.carryout.conftest import close, report
from tests.carryout.samples import PDF, PNG, upload
from zhenggai.api.models import ApiToken
from zhenggai.carryout.models import Evidence, ProgressReport, Verification
from zhenggai.ledger.models import Measure, Problem


@pytest.fixture
def api_as(db):
    def client_for(user) -> Client:
        _, raw = ApiToken.objects.issue(user, "测试")
        return Client(headers={"authorization": f"Bearer {raw}"})

    return client_for


def post_report(client, measure, **fields):
    data = {"as_of": "2023-10-20", "text": "已完成排查。", "status": "in_progress", **fields}
    return client.post(f"/api/measures/{measure.pk}/reports", data)


def test_a_unit_reports_with_files_and_gets_the_report_back(api_as, measures, court_reporter):
    response = post_report(
        api_as(court_reporter),
        measures["court"],
        percent="30",
        files=[upload("方案.pdf"), upload("照片.png", PNG)],
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status_label"] == "整改中" and body["percent"] == 30
    assert body["submitted_by"] == "陈法官"
    assert [e["name"] for e in body["evidence"]] == ["方案.pdf", "照片.png"]
    assert Measure.objects.get(pk=measures["court"].pk).status == "in_progress"


def test_a_bad_file_is_a_422_in_chinese_and_nothing_is_saved(api_as, measures, court_reporter):
    response = post_report(
        api_as(court_reporter), measures["court"], files=[upload("假.pdf", b"not a pdf")]
    )

    assert response.status_code == 422
    assert "“假.pdf”的内容不是PDF文件" in response.json()["errors"]["files"][0]
    assert not ProgressReport.objects.exists()


def test_a_cooperating_unit_cannot_declare_done_over_the_api(api_as, measures, police_reporter):
    response = post_report(api_as(police_reporter), measures["shared"], status="done_pending")

    assert response.status_code == 403
    assert "只有牵头单位或整改办可以报告“已完成”" in response.json()["detail"]


def test_another_units_measure_is_a_404(api_as, measures, police_reporter):
    assert post_report(api_as(police_reporter), measures["court"]).status_code == 404


def test_the_reports_are_listed_newest_first(api_as, measures, court_reporter):
    report(court_reporter, measures["court"], text="一")
    report(court_reporter, measures["court"], text="二")

    body = api_as(court_reporter).get(f"/api/measures/{measures['court'].pk}/reports").json()
    assert [item["text"] for item in body["items"]] == ["二", "一"]


def test_a_correction_must_name_a_report_of_the_measure(api_as, measures, court_reporter):
    other = report(court_reporter, measures["tribunal"])
    response = post_report(api_as(court_reporter), measures["court"], corrects=str(other.pk))
    assert response.status_code == 422
    assert response.json()["errors"] == {"corrects": ["只能更正本措施的进展报告。"]}


def test_the_office_verifies_and_closes_over_the_api(
    api_as, measures, court_reporter, office_clerk
):
    report(court_reporter, measures["court"], status="done_pending")
    data = {
        "methods": ["document_review", "on_site"],
        "verified_on": "2023-10-25",
        "findings": "实地核查属实。",
        "result": "pass",
        "files": [upload("核查.pdf")],
    }
    response = api_as(office_clerk).post(
        f"/api/measures/{measures['court'].pk}/verifications", data
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["method_labels"] == ["查阅资料", "实地核查"]
    assert body["verifier_unit"]["name"] == "整改办"
    assert Measure.objects.get(pk=measures["court"].pk).status == "closed"


def test_a_briefing_only_verification_is_a_422_with_the_reason(
    api_as, measures, court_reporter, office_clerk
):
    report(court_reporter, measures["court"], status="done_pending")
    data = {
        "methods": ["briefing"],
        "verified_on": "2023-10-25",
        "findings": "听取了汇报。",
        "result": "pass",
    }
    response = api_as(office_clerk).post(
        f"/api/measures/{measures['court'].pk}/verifications", data
    )

    assert response.status_code == 422
    assert "仅听取汇报不能作为销号依据" in response.json()["errors"]["methods"][0]
    assert not Verification.objects.exists()


def test_an_unknown_method_is_refused_by_the_schema(api_as, measures, court_reporter, office_clerk):
    report(court_reporter, measures["court"], status="done_pending")
    data = {"methods": ["guess"], "verified_on": "2023-10-25", "findings": "x", "result": "pass"}
    response = api_as(office_clerk).post(
        f"/api/measures/{measures['court'].pk}/verifications", data
    )
    assert response.status_code == 422
    assert "methods" in response.json()["errors"]


def test_the_office_checks_and_reopens_a_problem_as_a_rebound(
    api_as, demo_round, measures, court_reporter, office_clerk
):
    close(measures["tribunal"], court_reporter, office_clerk)
    problem = demo_round["problems"]["tribunal"]
    client = api_as(office_clerk)
    data = {
        "methods": ["spot_check"],
        "verified_on": "2023-10-25",
        "findings": "抽查属实。",
        "result": "pass",
    }
    assert client.post(f"/api/problems/{problem.pk}/verifications", data).status_code == 201
    assert len(client.get(f"/api/problems/{problem.pk}/verifications").json()) == 1

    response = client.post(
        f"/api/problems/{problem.pk}/reopen",
        {"reason": "同类问题再次出现。", "is_rebound": True},
        content_type="application/json",
    )

    assert response.status_code == 201
    assert response.json()["is_rebound"] and response.json()["previously_closed_on"] == "2023-10-23"
    assert Problem.objects.get(pk=problem.pk).status == "in_progress"


def test_a_unit_cannot_reopen_over_the_api(api_as, measures, court_reporter, office_clerk):
    close(measures["tribunal"], court_reporter, office_clerk)
    response = api_as(court_reporter).post(
        f"/api/measures/{measures['tribunal'].pk}/reopen",
        {"reason": "想再改改。"},
        content_type="application/json",
    )
    assert response.status_code == 403


def test_evidence_downloads_over_the_api_only_for_those_who_see_it(
    api_as, measures, court_reporter, police_reporter
):
    report(court_reporter, measures["court"], files=[upload("方案.pdf")])
    url = f"/api/evidence/{Evidence.objects.get().pk}"

    response = api_as(court_reporter).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment;")
    assert api_as(police_reporter).get(url).status_code == 404


def test_the_endpoints_are_documented(api_as, office_clerk):
    schema = api_as(office_clerk).get("/api/openapi.json").json()
    assert schema["paths"]["/api/measures/{measure_id}/reports"]["post"]["summary"] == (
        "报送进展（可附佐证材料）"
    )
    assert "/api/problems/{problem_id}/reopen" in schema["paths"]
