"""PATCH names the version it was made on, in the body or in If-Match: a change made on an
older version is a 409 that says who changed what since; a change that names none is a 428."""

import pytest

from zhenggai.ledger import services
from zhenggai.ledger.models import Measure, Problem


@pytest.fixture
def measure(measures):
    return measures["court"]


def test_reading_gives_the_version(measure, demo_round, api_as, leader):
    api = api_as(leader)
    assert api.get(f"/api/measures/{measure.pk}").json()["version"] == 1
    assert api.get(f"/api/problems/{measure.problem_id}").json()["version"] == 1
    assert api.get(f"/api/rounds/{demo_round['round'].pk}").json()["version"] == 1


def test_a_change_on_the_current_version_is_saved_and_moves_it_on(measure, api_as, office_clerk):
    response = api_as(office_clerk).patch(
        f"/api/measures/{measure.pk}", {"deliverable": "审判管理通报", "version": 1}
    )

    assert response.status_code == 200
    assert (response.json()["deliverable"], response.json()["version"]) == ("审判管理通报", 2)


def test_a_change_on_an_older_version_is_a_409_with_what_changed(measure, api_as, office_clerk):
    services.update_measure(office_clerk, measure, deliverable="审判管理通报", version=1)

    # The same clerk in another window: the committee's leader changes none of its commitments.
    response = api_as(office_clerk).patch(
        f"/api/measures/{measure.pk}", {"text": "另起炉灶", "version": 1}
    )

    assert response.status_code == 409
    body = response.json()
    assert body["detail"] == "您打开这个措施之后，王文书修改了它，您的修改没有保存。"
    assert (body["version"], body["your_version"]) == (2, 1)
    [change] = body["changes"]
    assert (change["actor"], change["event"], change["version"]) == ("王文书", "修改措施", 2)
    assert change["at"].endswith("Z")
    assert change["fields"] == [
        {
            "field": "deliverable",
            "label": "成果形式",
            "before": "学习计划、会议记录",
            "after": "审判管理通报",
        }
    ]
    assert Measure.objects.get(pk=measure.pk).text == measure.text


@pytest.mark.parametrize("header", ['"1"', "1", 'W/"1"'])
def test_if_match_carries_the_version(measure, api_as, office_clerk, header):
    api = api_as(office_clerk)
    response = api.client.patch(
        f"/api/measures/{measure.pk}",
        {"deliverable": "整改台账"},
        content_type="application/json",
        headers={"If-Match": header},
    )
    assert response.status_code == 200

    response = api.client.patch(
        f"/api/measures/{measure.pk}",
        {"deliverable": "又一次"},
        content_type="application/json",
        headers={"If-Match": header},
    )
    assert response.status_code == 409


def test_if_match_star_overwrites_whatever_the_version(measure, api_as, office_clerk):
    services.update_measure(office_clerk, measure, deliverable="审判管理通报", version=1)

    response = api_as(office_clerk).client.patch(
        f"/api/measures/{measure.pk}",
        {"deliverable": "整改台账"},
        content_type="application/json",
        headers={"If-Match": "*"},
    )

    assert response.status_code == 200 and response.json()["version"] == 3


def test_a_change_without_a_version_is_a_428_in_chinese(demo_round, measure, api_as, leader):
    api = api_as(leader)
    for path in (
        f"/api/measures/{measure.pk}",
        f"/api/problems/{measure.problem_id}",
        f"/api/rounds/{demo_round['round'].pk}",
    ):
        response = api.patch(path, {"status": "in_progress"} if "measures" in path else {})
        assert response.status_code == 428, path
        assert response.json()["detail"].startswith("请提供修改所依据的版本号")
    assert Measure.objects.get(pk=measure.pk).status == "not_started"


@pytest.mark.parametrize(
    ("header", "status", "detail"),
    [
        ("seven", 400, "请求头 If-Match 应为版本号"),
        ('"2"', 400, "请求内容中的 version 与请求头 If-Match 不一致。"),
    ],
)
def test_a_garbled_or_contradicting_if_match_is_refused(
    measure, api_as, office_clerk, header, status, detail
):
    response = api_as(office_clerk).client.patch(
        f"/api/measures/{measure.pk}",
        {"text": "新措施", "version": 1},
        content_type="application/json",
        headers={"If-Match": header},
    )
    assert response.status_code == status
    assert response.json()["detail"].startswith(detail)


@pytest.mark.parametrize("version", [0, -1, "一", True, 2**31, 1.5])
def test_a_version_that_is_not_a_version_is_a_422(measure, api_as, office_clerk, version):
    response = api_as(office_clerk).patch(
        f"/api/measures/{measure.pk}", {"text": "新措施", "version": version}
    )
    assert response.status_code == 422 and list(response.json()["errors"]) == ["version"]


def test_a_stale_problem_change_names_the_problem(demo_round, api_as, office_clerk, leader):
    problem = demo_round["problems"]["police"]
    services.update_problem(leader, problem, is_key=True, version=1)

    response = api_as(office_clerk).patch(
        f"/api/problems/{problem.pk}", {"text": "问题重述。", "version": 1}
    )

    assert response.status_code == 409
    assert response.json()["changes"][0]["fields"][0]["after"] == "是"
    assert Problem.objects.get(pk=problem.pk).text != "问题重述。"
