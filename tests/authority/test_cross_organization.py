"""Nothing crosses organizations: a round's office, a problem's lead unit and lead leader, a
measure's lead and cooperating units and person in charge, a notice's addressee and the
problems it cites, a mechanism's issuing unit all belong to the round's organization. The
services refuse the rest, so the API, the pages, the command line and the importer alike;
the pages offer only what may be chosen."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from zhenggai.ledger import services
from zhenggai.ledger.models import InspectionRound, Measure, Problem
from zhenggai.supervision.models import SupervisionNotice

FOREIGN = "所选内容不属于本轮整改所在的组织，不能选择。"


@pytest.fixture
def measure(demo_round):
    return demo_round["problems"]["court"].measures.get(number=1)


@pytest.mark.parametrize(
    "field,value",
    [
        ("lead_unit", lambda e: e["court"].pk),
        ("cooperating_units", lambda e: [e["court"].pk]),
        ("person_in_charge", lambda e: e["judge"].pk),
    ],
)
def test_a_measure_may_not_point_to_another_organization(
    api_as, office_clerk, measure, elsewhere, field, value
):
    response = api_as(office_clerk).patch(
        f"/api/measures/{measure.pk}", {field: value(elsewhere), "version": 1}
    )
    assert response.status_code == 422
    assert response.json()["errors"][field] == [FOREIGN]
    assert Measure.objects.get(pk=measure.pk).version == 1


def test_a_new_measure_may_not_be_led_from_another_organization(
    api_as, office_clerk, demo_round, elsewhere
):
    problem = demo_round["problems"]["court"]
    response = api_as(office_clerk).post(
        f"/api/problems/{problem.pk}/measures",
        {"text": "跨组织的措施", "deadline": "2024-06-30", "lead_unit": elsewhere["court"].pk},
    )
    assert response.status_code == 422
    assert response.json()["errors"]["lead_unit"] == [FOREIGN]


@pytest.mark.parametrize(
    "field,value",
    [("lead_unit", lambda e: e["court"].pk), ("lead_leader", lambda e: e["leader"].pk)],
)
def test_a_problem_may_not_point_to_another_organization(
    api_as, office_clerk, demo_round, elsewhere, field, value
):
    round_ = demo_round["round"]
    payload = {"category": demo_round["category"].pk, "text": "问题", field: value(elsewhere)}
    response = api_as(office_clerk).post(f"/api/rounds/{round_.pk}/problems", payload)
    assert response.status_code == 422
    assert response.json()["errors"][field] == [FOREIGN]
    assert not Problem.objects.filter(text="问题").exists()


def test_an_office_may_not_create_a_round_run_by_another_organization(
    api_as, office_clerk, elsewhere
):
    payload = {
        "name": "借别人的名义",
        "team": "省委第一巡视组",
        "organization": "江南市委",
        "office": elsewhere["committee"].pk,
        "feedback_date": "2024-03-01",
    }
    response = api_as(office_clerk).post("/api/rounds", payload)
    assert response.status_code == 422
    assert "只能选择本单位或其下级单位" in response.json()["errors"]["office"][0]
    assert not InspectionRound.objects.filter(name="借别人的名义").exists()


def test_a_round_may_not_move_to_another_organization(api_as, office_clerk, demo_round, elsewhere):
    round_ = demo_round["round"]
    response = api_as(office_clerk).patch(
        f"/api/rounds/{round_.pk}", {"office": elsewhere["committee"].pk, "version": 1}
    )
    assert response.status_code == 422
    assert InspectionRound.objects.get(pk=round_.pk).office == round_.office


def test_a_notice_goes_to_a_unit_of_the_round_only(api_as, office_clerk, demo_round, elsewhere):
    response = api_as(office_clerk).post(
        f"/api/rounds/{demo_round['round'].pk}/notices",
        {"unit": elsewhere["court"].pk, "content": "请说明进度。"},
    )
    assert response.status_code == 422
    assert response.json()["errors"]["unit"] == [FOREIGN]
    assert not SupervisionNotice.objects.exists()


def test_a_notice_cites_only_problems_its_unit_answers_for(api_as, office_clerk, demo_round, units):
    police_problem = demo_round["problems"]["police"]
    response = api_as(office_clerk).post(
        f"/api/rounds/{demo_round['round'].pk}/notices",
        {"unit": units["court"].pk, "content": "请说明进度。", "problems": [police_problem.pk]},
    )
    assert response.status_code == 422
    assert response.json()["errors"]["problems"] == [
        f"问题 {police_problem.code} 不由被督办单位（或其下级单位）负责，不能在督办单中引用。"
    ]


def test_another_organizations_problem_is_not_found_for_a_notice(
    api_as, office_clerk, demo_round, units, elsewhere
):
    response = api_as(office_clerk).post(
        f"/api/rounds/{demo_round['round'].pk}/notices",
        {"unit": units["court"].pk, "content": "请说明。", "problems": [elsewhere["problem"].pk]},
    )
    assert response.status_code == 422
    assert "不存在" in response.json()["errors"]["problems"][0]


def test_a_mechanism_is_not_issued_by_another_organization(
    api_as, office_clerk, demo_round, elsewhere
):
    response = api_as(office_clerk).client.post(
        f"/api/rounds/{demo_round['round'].pk}/mechanisms",
        {
            "name": "案件质量评查办法",
            "kind": "rule",
            "issuing_unit": elsewhere["court"].pk,
            "issued_on": "2023-11-01",
            "problems": [demo_round["problems"]["court"].pk],
        },
    )
    assert response.status_code == 403
    assert "制定单位不属于本轮整改所在的组织" in response.json()["detail"]


def test_the_services_refuse_it_for_the_command_line_and_the_importer(
    office_clerk, demo_round, elsewhere
):
    with pytest.raises(ValidationError) as refused:
        services.create_measure(
            office_clerk,
            demo_round["problems"]["court"],
            text="导入的措施",
            deadline="2024-06-30",
            lead_unit=elsewhere["court"],
        )
    assert refused.value.message_dict == {"lead_unit": [FOREIGN]}


def test_the_other_organizations_office_sees_none_of_this_round(
    api_as, demo_round, elsewhere, measure
):
    api = api_as(elsewhere["clerk"])
    assert api.get(f"/api/measures/{measure.pk}").status_code == 404
    assert api.get(f"/api/rounds/{demo_round['round'].pk}").status_code == 404
    names = {row["name"] for row in api.get("/api/units").json()["items"]}
    assert names == {"江南市委政法委", "江南市人民法院"}


# The pages offer only what may be chosen


def options(page: str, name: str) -> set[str]:
    select = re.search(rf'<select name="{name}".*?</select>', page, re.S).group(0)
    return set(re.findall(r"<option[^>]*>([^<]+)</option>", select)) - {"请选择", "---------"}


def test_the_measure_form_lists_only_the_rounds_organization(
    client, office_clerk, measure, elsewhere
):
    client.force_login(office_clerk)
    page = client.get(reverse("ledger:measure_edit", args=[measure.pk])).content.decode()
    for name in ("lead_unit", "cooperating_units", "person_in_charge"):
        assert not any(option.startswith("江南") for option in options(page, name)), name
    assert "临江市公安局" in options(page, "lead_unit")


def test_a_posted_unit_of_another_organization_is_refused_on_the_page(
    client, office_clerk, measure, elsewhere
):
    client.force_login(office_clerk)
    url = reverse("ledger:measure_edit", args=[measure.pk])
    data = {
        "text": measure.text,
        "kind": measure.kind,
        "deadline": "2024-06-30",
        "deliverable": measure.deliverable,
        "status": measure.status,
        "lead_unit": elsewhere["court"].pk,
        "version": 1,
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "选择一个有效的选项" in response.content.decode()
    assert Measure.objects.get(pk=measure.pk).lead_unit == measure.lead_unit


def test_the_problem_and_round_forms_list_only_the_organization(
    client, office_clerk, demo_round, elsewhere
):
    client.force_login(office_clerk)
    problem = demo_round["problems"]["court"]
    page = client.get(reverse("ledger:problem_edit", args=[problem.pk])).content.decode()
    assert not any(
        o.startswith("江南") for o in options(page, "lead_unit") | options(page, "lead_leader")
    )
    page = client.get(reverse("ledger:round_create")).content.decode()
    assert options(page, "office") == {"临江市委政法委", "整改办"}


def test_the_notice_form_lists_only_the_organization(client, office_clerk, demo_round, elsewhere):
    client.force_login(office_clerk)
    url = reverse("supervision:notice_create", args=[demo_round["round"].pk])
    page = client.get(url).content.decode()
    assert "临江市公安局" in options(page, "unit")
    assert not any(o.startswith("江南") for o in options(page, "unit"))
