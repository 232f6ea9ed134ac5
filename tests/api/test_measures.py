"""The task list (measures) with filters, and measure edits."""

import pytest

from tests.factories import MeasureFactory, PersonFactory
from zhenggai.ledger.models import Event, Measure, Problem

COURT, TRIBUNAL, POLICE = "临江市中级人民法院", "城东人民法庭", "临江市公安局"


def _lead_units(response):
    assert response.status_code == 200, response.json()
    return sorted(item["lead_unit"]["name"] for item in response.json()["items"])


def test_the_court_sees_its_own_and_its_tribunals_measures(demo_round, api_as, court_reporter):
    assert _lead_units(api_as(court_reporter).get("/api/measures")) == sorted(
        [COURT, COURT, TRIBUNAL]
    )


def test_it_lists_only_the_units_own_measures(demo_round, api_as, tribunal_reporter):
    assert _lead_units(api_as(tribunal_reporter).get("/api/measures")) == [TRIBUNAL]


def test_the_police_see_the_court_measure_they_cooperate_on(demo_round, api_as, police_reporter):
    assert _lead_units(api_as(police_reporter).get("/api/measures")) == sorted([COURT, POLICE])


def test_it_answers_404_for_a_measure_out_of_scope(measures, api_as, court_reporter):
    response = api_as(court_reporter).get(f"/api/measures/{measures['police'].pk}")
    assert response.status_code == 404
    assert response.json() == {"detail": "没有找到该记录，或您无权查看。"}


def test_it_shows_a_measure_with_labels_and_cooperating_units(measures, api_as, police_reporter):
    body = api_as(police_reporter).get(f"/api/measures/{measures['shared'].pk}").json()
    assert body["code"] == "1-1.2"
    assert body["kind_label"] == "限期整改" and body["status_label"] == "未启动"
    stored = Measure.objects.get(pk=measures["shared"].pk)
    assert (body["light"], body["light_label"]) == (stored.light, stored.get_light_display())
    assert [u["name"] for u in body["cooperating_units"]] == ["江北派出所"]
    assert body["problem"]["code"] == "1-1"


def test_it_filters_measures_like_the_ledger(demo_round, measures, api_as, leader, units):
    api = api_as(leader)
    assert _lead_units(api.get("/api/measures", unit=units["police"].pk)) == sorted([COURT, POLICE])
    assert _lead_units(api.get("/api/measures", due_from="2024-01-01")) == [COURT]
    problem = demo_round["problems"]["tribunal"].pk
    assert _lead_units(api.get("/api/measures", problem=problem)) == [TRIBUNAL]
    assert _lead_units(api.get("/api/measures", q="不存在的词")) == []


def test_it_sorts_measures_by_deadline(demo_round, api_as, leader):
    items = api_as(leader).get("/api/measures", sort="-deadline").json()["items"]
    assert items[0]["deadline"] == "2024-03-31"


def test_a_unit_assigns_its_person_in_charge_and_it_is_recorded(
    measures, api_as, tribunal_reporter, units
):
    measure = measures["tribunal"]
    clerk = PersonFactory(unit=units["tribunal"], name="许书记员")
    payload = {"person_in_charge": clerk.pk, "version": 1}
    response = api_as(tribunal_reporter).patch(f"/api/measures/{measure.pk}", payload)
    assert response.status_code == 200, response.json()
    event = Event.objects.get(kind=Event.Kind.MEASURE_UPDATED, measure=measure)
    assert event.changes["person_in_charge"] == [None, "许书记员"]


def test_the_office_edits_a_measure_and_the_problem_follows(measures, api_as, office_clerk):
    measure = measures["tribunal"]
    payload = {"status": "in_progress", "deliverable": "整改工作台账", "version": 1}
    response = api_as(office_clerk).patch(f"/api/measures/{measure.pk}", payload)
    assert response.status_code == 200, response.json()
    event = Event.objects.get(kind=Event.Kind.MEASURE_UPDATED, measure=measure)
    assert event.changes["status"] == ["not_started", "in_progress"]
    assert Problem.objects.get(pk=measure.problem_id).status == "in_progress"


def test_it_refuses_an_edit_by_a_cooperating_unit_with_the_reason(
    measures, api_as, police_reporter
):
    response = api_as(police_reporter).patch(
        f"/api/measures/{measures['shared'].pk}", {"status": "closed"}
    )
    assert response.status_code == 403
    assert response.json()["detail"] == "只有整改牵头单位或该措施的牵头单位可以修改措施。"


def test_it_refuses_to_edit_a_closed_measure(measures, api_as, office_clerk):
    Measure.objects.filter(pk=measures["court"].pk).update(status="closed")
    response = api_as(office_clerk).patch(f"/api/measures/{measures['court'].pk}", {"text": "改"})
    assert response.status_code == 403
    assert "已销号" in response.json()["detail"]


def test_it_sets_the_cooperating_units(measures, api_as, office_clerk, units):
    measure = measures["police"]
    payload = {"cooperating_units": [units["court"].pk, units["tribunal"].pk], "version": 1}
    body = api_as(office_clerk).patch(f"/api/measures/{measure.pk}", payload).json()
    assert sorted(u["name"] for u in body["cooperating_units"]) == sorted([COURT, TRIBUNAL])


def test_it_refuses_the_lead_unit_as_a_cooperating_unit(demo_round, api_as, office_clerk, units):
    measure = demo_round["shared"]
    payload = {"cooperating_units": [units["court"].pk, units["police"].pk], "version": 1}
    response = api_as(office_clerk).patch(f"/api/measures/{measure.pk}", payload)
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "cooperating_units": [
            f"“{COURT}”是本措施的牵头单位，不能同时作为配合单位，请从配合单位中去掉。"
        ]
    }
    assert [u.name for u in measure.cooperating_units.all()] == ["江北派出所"]


def test_it_names_the_unknown_cooperating_units(measures, api_as, office_clerk, units):
    payload = {"cooperating_units": [units["court"].pk, 888_888, 999_999]}
    response = api_as(office_clerk).patch(f"/api/measures/{measures['police'].pk}", payload)
    assert response.json()["errors"] == {
        "cooperating_units": ["所选配合单位不存在：编号 888888、999999。"]
    }


def test_the_office_adds_a_measure_led_by_the_problems_unit(demo_round, api_as, office_clerk):
    problem = demo_round["problems"]["police"]
    payload = {"text": "开展执法规范化专项检查", "deadline": "2024-06-30", "kind": "time_bound"}
    response = api_as(office_clerk).post(f"/api/problems/{problem.pk}/measures", payload)
    assert response.status_code == 201, response.json()
    assert response.json()["lead_unit"]["name"] == POLICE
    assert response.json()["code"] == "1-3.2"
    assert Event.objects.filter(kind=Event.Kind.MEASURE_CREATED, problem=problem).exists()


def test_it_requires_a_deadline_for_a_time_bound_measure(demo_round, api_as, office_clerk):
    problem = demo_round["problems"]["police"]
    response = api_as(office_clerk).post(f"/api/problems/{problem.pk}/measures", {"text": "措施"})
    assert response.json()["errors"] == {"deadline": ["立行立改和限期整改的措施必须填写完成时限。"]}


def test_a_unit_user_may_not_add_measures(demo_round, api_as, court_reporter):
    problem = demo_round["problems"]["court"]
    payload = {"text": "措施", "deadline": "2024-06-30"}
    assert (
        api_as(court_reporter).post(f"/api/problems/{problem.pk}/measures", payload).status_code
        == 403
    )


@pytest.mark.parametrize("rows", [3, 30])
def test_a_measure_list_takes_the_same_few_queries_however_long(
    rows, demo_round, api_as, court_reporter, units, django_assert_max_num_queries
):
    for _ in range(rows):
        MeasureFactory(
            problem=demo_round["problems"]["court"],
            lead_unit=units["tribunal"],
            person_in_charge=PersonFactory(unit=units["tribunal"]),
            cooperating_units=[units["station"], units["police"]],
        )
    api = api_as(court_reporter)
    # token, its last use, the user's unit, count, page, cooperating units
    with django_assert_max_num_queries(6):
        assert api.get("/api/measures", limit=200, overdue="true").json()["count"] == rows + 3
