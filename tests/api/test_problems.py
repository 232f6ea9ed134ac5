"""The problem list with the web ledger's filters, problem edits and claims."""

import pytest

from tests.factories import CategoryFactory, MeasureFactory, PersonFactory, ProblemFactory
from zhenggai.ledger import services
from zhenggai.ledger.models import Claim, Event, InspectionRound, Measure


def _lead_units(response):
    assert response.status_code == 200, response.json()
    return sorted(item["lead_unit"]["name"] for item in response.json()["items"])


COURT, TRIBUNAL, POLICE = "临江市中级人民法院", "城东人民法庭", "临江市公安局"


def test_it_lists_only_the_problems_in_the_users_scope(demo_round, api_as, court_reporter):
    assert _lead_units(api_as(court_reporter).get("/api/problems")) == sorted([COURT, TRIBUNAL])


def test_it_filters_by_unit_including_sub_units(demo_round, api_as, leader, units):
    response = api_as(leader).get("/api/problems", unit=units["court"].pk)
    assert _lead_units(response) == sorted([COURT, TRIBUNAL])


def test_a_unit_filter_finds_the_problems_it_cooperates_on(demo_round, api_as, leader, units):
    assert _lead_units(api_as(leader).get("/api/problems", unit=units["station"].pk)) == [COURT]


def test_it_filters_by_lead_leader(demo_round, api_as, leader):
    problem = demo_round["problems"]["police"]
    problem.lead_leader = PersonFactory(is_leader=True, unit=problem.lead_unit)
    problem.save()
    assert _lead_units(api_as(leader).get("/api/problems", leader=problem.lead_leader.pk)) == [
        POLICE
    ]


def test_it_filters_by_measure_kind_and_deadline(demo_round, api_as, leader):
    Measure.objects.filter(lead_unit__name=POLICE).update(kind=Measure.Kind.IMMEDIATE)
    api = api_as(leader)
    assert _lead_units(api.get("/api/problems", kind="immediate")) == [POLICE]
    assert _lead_units(api.get("/api/problems", due_from="2024-01-01")) == [COURT]
    assert _lead_units(api.get("/api/problems", due_to="2023-12-31")) == sorted(
        [COURT, TRIBUNAL, POLICE]
    )


def test_it_filters_overdue_and_status(demo_round, api_as, leader):
    Measure.objects.filter(lead_unit__name=TRIBUNAL).update(status="done_pending")
    api = api_as(leader)
    assert _lead_units(api.get("/api/problems", overdue="true")) == sorted([COURT, POLICE])
    assert _lead_units(api.get("/api/problems", status="not_started")) == sorted(
        [COURT, TRIBUNAL, POLICE]
    )


def test_it_searches_the_problem_text(demo_round, api_as, leader):
    problem = demo_round["problems"]["tribunal"]
    problem.text = "诉讼服务中心窗口推诿扯皮。"
    problem.save()
    assert _lead_units(api_as(leader).get("/api/problems", q="窗口 推诿")) == [TRIBUNAL]


def test_it_sorts_by_latest_update(demo_round, api_as, leader):
    demo_round["problems"]["tribunal"].save()
    items = api_as(leader).get("/api/problems", sort="-updated").json()["items"]
    assert items[0]["lead_unit"]["name"] == TRIBUNAL


def test_it_refuses_an_unknown_sort_listing_the_choices(demo_round, api_as, leader):
    response = api_as(leader).get("/api/problems", sort="deadline")
    assert response.status_code == 422
    assert response.json()["errors"]["sort"] == [
        "不是可选的值，可选：'code'、'status'、'-updated'。"
    ]


def test_it_refuses_a_date_range_that_ends_before_it_starts(demo_round, api_as, leader):
    response = api_as(leader).get("/api/problems", due_from="2024-02-01", due_to="2024-01-01")
    assert response.json()["errors"] == {"due_to": ["结束日期不能早于开始日期。"]}


def test_it_refuses_a_filter_on_a_category_the_user_cannot_see(demo_round, api_as, court_reporter):
    hidden = CategoryFactory()
    response = api_as(court_reporter).get("/api/problems", category=hidden.pk)
    assert response.status_code == 422
    assert response.json()["errors"] == {"category": [f"所选方面不存在：编号 {hidden.pk}。"]}


def test_it_paginates_with_a_count(demo_round, api_as, leader):
    body = api_as(leader).get("/api/problems", limit=2, offset=2).json()
    assert body["count"] == 3 and len(body["items"]) == 1


def test_it_refuses_a_page_larger_than_the_maximum(demo_round, api_as, leader):
    response = api_as(leader).get("/api/problems", limit=10_000)
    assert response.json()["errors"] == {"limit": ["不能大于 200。"]}


def test_it_answers_404_for_a_problem_out_of_scope(demo_round, api_as, tribunal_reporter):
    problem = demo_round["problems"]["police"]
    assert api_as(tribunal_reporter).get(f"/api/problems/{problem.pk}").status_code == 404


def test_it_shows_a_problem_with_its_code_and_labels(demo_round, api_as, court_reporter):
    problem = demo_round["problems"]["court"]
    body = api_as(court_reporter).get(f"/api/problems/{problem.pk}").json()
    assert body["code"] == "1-1"
    assert body["status_label"] == "未启动" and body["source_label"] == "巡视反馈"
    assert body["category"]["title"] == "贯彻落实党中央决策部署方面"


def test_a_xuncha_rounds_problem_comes_from_its_own_feedback(demo_round, api_as, court_reporter):
    InspectionRound.objects.filter(pk=demo_round["round"].pk).update(kind="xuncha")
    problem = demo_round["problems"]["court"]
    body = api_as(court_reporter).get(f"/api/problems/{problem.pk}").json()
    listed = api_as(court_reporter).get("/api/problems").json()["items"]
    assert body["source_label"] == "巡察反馈"
    assert {item["source_label"] for item in listed} <= {
        "巡察反馈",
        "自查发现",
        "征求意见",
        "批评意见",
        "回头看",
    }


def test_the_office_adds_a_problem_and_it_is_recorded(demo_round, api_as, office_clerk, units):
    round_ = demo_round["round"]
    payload = {
        "category": demo_round["category"].pk,
        "text": "政法队伍教育整顿成果巩固不够。",
        "lead_unit": units["police"].pk,
    }
    response = api_as(office_clerk).post(f"/api/rounds/{round_.pk}/problems", payload)
    assert response.status_code == 201, response.json()
    assert response.json()["code"] == "1-4"
    assert Event.objects.filter(
        kind=Event.Kind.PROBLEM_CREATED, problem_id=response.json()["id"]
    ).exists()


def test_it_refuses_a_problem_from_a_unit_user(demo_round, api_as, court_reporter):
    payload = {"category": demo_round["category"].pk, "text": "问题。"}
    response = api_as(court_reporter).post(
        f"/api/rounds/{demo_round['round'].pk}/problems", payload
    )
    assert response.status_code == 403


def test_it_refuses_a_category_of_another_round(demo_round, api_as, office_clerk):
    payload = {"category": CategoryFactory().pk, "text": "问题。"}
    response = api_as(office_clerk).post(f"/api/rounds/{demo_round['round'].pk}/problems", payload)
    assert response.json()["errors"] == {"category": ["所选方面不属于本轮次。"]}


def test_it_refuses_a_lead_leader_who_is_not_a_leader(demo_round, api_as, office_clerk, units):
    person = PersonFactory(unit=units["court"])
    path = f"/api/problems/{demo_round['problems']['court'].pk}"
    response = api_as(office_clerk).patch(path, {"lead_leader": person.pk, "version": 1})
    assert response.json()["errors"] == {"lead_leader": ["牵头领导必须是领导班子成员。"]}


def test_it_refuses_an_unknown_lead_unit(demo_round, api_as, office_clerk):
    path = f"/api/problems/{demo_round['problems']['court'].pk}"
    response = api_as(office_clerk).patch(path, {"lead_unit": 999_999})
    assert response.status_code == 422
    assert response.json()["errors"] == {"lead_unit": ["所选牵头单位不存在：编号 999999。"]}


def test_the_office_edits_a_problem_and_it_is_recorded(demo_round, api_as, office_clerk):
    problem = demo_round["problems"]["court"]
    payload = {"is_key": True, "version": problem.version}
    response = api_as(office_clerk).patch(f"/api/problems/{problem.pk}", payload)
    assert response.status_code == 200 and response.json()["is_key"] is True
    event = Event.objects.get(kind=Event.Kind.PROBLEM_UPDATED, problem=problem)
    assert event.changes == {"is_key": [False, True]} and event.actor == office_clerk


def test_a_unit_user_claims_a_problem_once(demo_round, api_as, court_reporter):
    api = api_as(court_reporter)
    path = f"/api/problems/{demo_round['problems']['court'].pk}/claim"
    response = api.post(path, {"note": "由审管办牵头落实"})
    assert response.status_code == 201
    assert response.json()["person"]["name"] == "陈法官"
    assert response.json()["unit"]["name"] == COURT
    assert Event.objects.filter(kind=Event.Kind.CLAIMED).count() == 1
    again = api.post(path)
    assert again.status_code == 403
    assert again.json()["detail"] == "您已经认领过这个问题。"


def test_a_claim_needs_no_body(demo_round, api_as, tribunal_reporter):
    path = f"/api/problems/{demo_round['problems']['tribunal'].pk}/claim"
    assert api_as(tribunal_reporter).client.generic("POST", path).status_code == 201


def test_a_problem_shows_its_claims(demo_round, api_as, court_reporter, leader):
    problem = demo_round["problems"]["court"]
    services.claim_problem(court_reporter, problem)
    claims = api_as(leader).get(f"/api/problems/{problem.pk}").json()["claims"]
    assert [c["person"]["name"] for c in claims] == ["陈法官"]


def test_it_answers_404_to_a_claim_out_of_scope(demo_round, api_as, tribunal_reporter):
    path = f"/api/problems/{demo_round['problems']['police'].pk}/claim"
    assert api_as(tribunal_reporter).post(path).status_code == 404
    assert not Claim.objects.exists()


@pytest.mark.parametrize("rows", [3, 30])
def test_a_list_takes_the_same_few_queries_however_long(
    rows, demo_round, api_as, leader, units, django_assert_max_num_queries
):
    for _ in range(rows):
        problem = ProblemFactory(
            category=demo_round["category"],
            lead_unit=units["court"],
            lead_leader=PersonFactory(is_leader=True, unit=units["court"]),
        )
        MeasureFactory(
            problem=problem, lead_unit=units["court"], cooperating_units=[units["station"]]
        )
        services.claim_problem(leader, problem)
    api = api_as(leader)
    # token, its last use, the user's unit, count, page, claims, their persons and units
    with django_assert_max_num_queries(8):
        assert api.get("/api/problems", limit=200).json()["count"] == rows + 3
