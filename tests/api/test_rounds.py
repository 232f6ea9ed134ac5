"""Rounds and their categories through the API."""

from zhenggai.ledger.models import Event, InspectionRound

NEW_ROUND = {
    "name": "市委第二巡察组巡察反馈意见整改",
    "kind": "xuncha",
    "team": "市委第二巡察组",
    "organization": "中共临江市公安局委员会",
    "feedback_date": "2024-04-30",
}


def test_it_lists_the_rounds_a_unit_takes_part_in(demo_round, api_as, tribunal_reporter):
    body = api_as(tribunal_reporter).get("/api/rounds").json()
    assert body["count"] == 1
    assert body["items"][0]["name"] == demo_round["round"].name
    assert body["items"][0]["status_label"] == "集中整改"


def test_it_hides_the_rounds_of_a_user_without_a_unit(demo_round, api_as, outsider):
    assert api_as(outsider).get("/api/rounds").json() == {"items": [], "count": 0}


def test_it_answers_404_for_a_round_out_of_scope(demo_round, api_as, outsider):
    response = api_as(outsider).get(f"/api/rounds/{demo_round['round'].pk}")
    assert response.status_code == 404
    assert response.json() == {"detail": "没有找到该记录，或您无权查看。"}


def test_it_answers_404_for_an_id_too_large_for_the_database(demo_round, api_as, leader):
    assert api_as(leader).get(f"/api/rounds/{10**30}").status_code == 404


def test_the_office_creates_a_round_with_computed_deadlines(api_as, office_clerk, units):
    response = api_as(office_clerk).post("/api/rounds", NEW_ROUND | {"office": units["office"].pk})
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["kind_label"] == "巡察"
    assert body["rectification_deadline"] == "2024-07-01"  # 2024-06-30 is a Sunday
    assert Event.objects.filter(kind=Event.Kind.ROUND_CREATED, round_id=body["id"]).exists()


def test_it_refuses_a_round_from_a_court_user_with_the_reason(api_as, court_reporter, units):
    response = api_as(court_reporter).post(
        "/api/rounds", NEW_ROUND | {"office": units["office"].pk}
    )
    assert response.status_code == 403
    assert response.json()["detail"] == "只有整改办（督查室）的用户可以新建轮次。"


def test_it_refuses_a_court_as_the_office_of_a_round(api_as, office_clerk, units):
    response = api_as(office_clerk).post("/api/rounds", NEW_ROUND | {"office": units["court"].pk})
    assert response.status_code == 422
    assert "整改牵头单位" in response.json()["errors"]["office"][0]


def test_it_refuses_an_invalid_date_in_chinese(api_as, office_clerk, units):
    payload = NEW_ROUND | {"office": units["office"].pk, "feedback_date": "2023-02-30"}
    response = api_as(office_clerk).post("/api/rounds", payload)
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "feedback_date": ["应为有效日期，格式为 YYYY-MM-DD，例如 2024-03-31。"]
    }


def test_it_names_every_missing_field(api_as, office_clerk):
    errors = api_as(office_clerk).post("/api/rounds", {}).json()["errors"]
    assert set(errors) == {"name", "team", "organization", "office", "feedback_date"}
    assert errors["name"] == ["必须填写此项。"]


def test_it_passes_on_the_services_checks_per_field(demo_round, api_as, leader):
    round_ = demo_round["round"]
    payload = {"report_deadline": "2023-01-01", "version": round_.version}
    response = api_as(leader).patch(f"/api/rounds/{round_.pk}", payload)
    assert response.status_code == 422
    assert response.json()["errors"] == {"report_deadline": ["期限不能早于反馈日期。"]}


def test_the_office_updates_only_the_fields_sent(demo_round, api_as, office_clerk):
    round_ = demo_round["round"]
    payload = {"status": "ongoing", "version": round_.version}
    response = api_as(office_clerk).patch(f"/api/rounds/{round_.pk}", payload)
    assert response.status_code == 200
    round_.refresh_from_db()
    assert round_.status == InspectionRound.Status.ONGOING and round_.team == "省委第三巡视组"
    event = Event.objects.get(kind=Event.Kind.ROUND_UPDATED)
    assert event.changes == {"status": ["concentrated", "ongoing"]}


def test_it_refuses_an_explicit_null_for_a_required_field(demo_round, api_as, office_clerk):
    response = api_as(office_clerk).patch(f"/api/rounds/{demo_round['round'].pk}", {"name": None})
    assert response.status_code == 422
    assert response.json()["errors"] == {"name": ["应为文本。"]}


def test_it_refuses_an_unknown_field(demo_round, api_as, office_clerk):
    response = api_as(office_clerk).patch(f"/api/rounds/{demo_round['round'].pk}", {"nmae": "x"})
    assert response.json()["errors"] == {"nmae": ["不支持此字段，请检查字段名。"]}


def test_a_court_user_may_read_but_not_change_the_round(demo_round, api_as, court_reporter):
    api = api_as(court_reporter)
    path = f"/api/rounds/{demo_round['round'].pk}"
    assert api.get(path).status_code == 200
    response = api.patch(path, {"status": "finished"})
    assert response.status_code == 403
    assert response.json()["detail"] == "只有本轮整改牵头单位的用户可以修改轮次和问题清单。"


def test_it_lists_the_categories_of_a_round(demo_round, api_as, police_reporter):
    body = api_as(police_reporter).get(f"/api/rounds/{demo_round['round'].pk}/categories").json()
    assert body["items"] == [
        {"id": demo_round["category"].pk, "number": 1, "title": "贯彻落实党中央决策部署方面"}
    ]


def test_the_office_adds_a_category_numbered_after_the_last(demo_round, api_as, office_clerk):
    path = f"/api/rounds/{demo_round['round'].pk}/categories"
    response = api_as(office_clerk).post(path, {"title": "全面从严治党方面"})
    assert response.status_code == 201
    assert response.json()["number"] == 2


def test_it_refuses_a_category_number_already_taken(demo_round, api_as, office_clerk):
    path = f"/api/rounds/{demo_round['round'].pk}/categories"
    response = api_as(office_clerk).post(path, {"title": "重复", "number": 1})
    assert response.status_code == 422
    assert response.json()["errors"]["__all__"] == ["本轮已有相同序号的方面。"]
