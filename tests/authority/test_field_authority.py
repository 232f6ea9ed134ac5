"""Who may set which field of a round, a problem and a measure (zhenggai.authority.fields),
role by role, through the API and the edit page: the office sets everything; the lead unit
assigns only a measure's person in charge; a cooperating unit, a leader, a verifier, an
observer and a system administrator set nothing."""

import re

import pytest
from django.urls import reverse

from tests.factories import CategoryFactory, PersonFactory
from zhenggai.authority.fields import TABLE
from zhenggai.ledger.forms import MeasureForm, ProblemForm, RoundForm
from zhenggai.ledger.models import InspectionRound, Measure, Problem

MEASURE_FIELDS = list(TABLE["measure"])
API = {InspectionRound: "rounds", Problem: "problems", Measure: "measures"}


@pytest.fixture
def measure(demo_round):
    """The court leads it, the police station cooperates on it."""
    return demo_round["shared"]


def new_values(units) -> dict:
    clerk = PersonFactory(unit=units["tribunal"], name="许书记员")
    return {
        "number": 9,
        "text": "按季度开展专题学习并通报结果",
        "kind": "immediate",
        "deadline": "2099-12-31",
        "deliverable": "专题学习通报",
        "status": "in_progress",
        "lead_unit": units["police"].pk,
        "cooperating_units": [units["tribunal"].pk],
        "person_in_charge": clerk.pk,
    }


def patched(api, item, values) -> dict[str, int]:
    """The answer to a PATCH of each field of the round, problem or measure alone, whatever the
    version."""
    answers = {}
    for field, value in values.items():
        response = api.client.patch(
            f"/api/{API[type(item)]}/{item.pk}",
            {field: value},
            content_type="application/json",
            headers={"If-Match": "*"},
        )
        answers[field] = response.status_code
        if response.status_code == 403:
            assert re.search("无权|只有", response.json()["detail"]), response.json()
    return answers


def test_the_table_covers_every_field_of_the_edit_forms():
    for kind, form in (("round", RoundForm), ("problem", ProblemForm), ("measure", MeasureForm)):
        assert set(form._meta.fields) <= set(TABLE[kind]), kind


def test_the_office_sets_every_field(measure, units, api_as, office_clerk):
    answers = patched(api_as(office_clerk), measure, new_values(units))
    assert answers == dict.fromkeys(MEASURE_FIELDS, 200)
    saved = Measure.objects.get(pk=measure.pk)
    assert (str(saved.deadline), saved.lead_unit, saved.kind) == (
        "2099-12-31",
        units["police"],
        "immediate",
    )


def test_the_lead_unit_assigns_only_its_person_in_charge(measure, units, api_as, court_reporter):
    answers = patched(api_as(court_reporter), measure, new_values(units))
    assert answers == dict.fromkeys(MEASURE_FIELDS, 403) | {"person_in_charge": 200}
    saved = Measure.objects.get(pk=measure.pk)
    assert (saved.deadline, saved.text) == (measure.deadline, measure.text)
    assert saved.person_in_charge.name == "许书记员"


def test_the_lead_unit_is_told_to_ask_for_an_extension(measure, api_as, court_reporter):
    response = api_as(court_reporter).patch(
        f"/api/measures/{measure.pk}", {"deadline": "9999-12-31", "version": 1}
    )
    assert response.status_code == 403
    assert response.json()["detail"] == (
        "您无权修改“完成时限”：这些内容由本轮整改办确定。如需调整完成时限，请提出延期申请，"
        "由整改办审批。"
    )


def test_a_field_sent_back_unchanged_is_no_attempt_to_set_it(measure, api_as, court_reporter):
    payload = {"deadline": str(measure.deadline), "text": measure.text, "version": 1}
    response = api_as(court_reporter).patch(f"/api/measures/{measure.pk}", payload)
    assert response.status_code == 200


def test_the_lead_unit_picks_its_person_in_charge_from_its_own_tree(
    measure, units, api_as, court_reporter
):
    stranger = PersonFactory(unit=units["police"], name="外单位民警")
    response = api_as(court_reporter).patch(
        f"/api/measures/{measure.pk}", {"person_in_charge": stranger.pk, "version": 1}
    )
    assert response.status_code == 422
    assert response.json()["errors"]["person_in_charge"] == [
        "责任人只能从本措施牵头单位及其下级单位中选择。"
    ]


@pytest.mark.parametrize(
    "role,status",
    [
        ("police_reporter", 403),  # a cooperating unit
        ("plain_leader", 403),
        ("verifier", 403),
        ("observer", 403),
        ("tribunal_reporter", 404),  # below the lead unit: does not see the measure
        ("outsider", 404),
        ("admin", 404),  # a superuser without roles
    ],
)
def test_everyone_else_sets_nothing(request, measure, units, api_as, role, status):
    user = request.getfixturevalue(role)
    answers = patched(api_as(user), measure, new_values(units))
    assert answers == dict.fromkeys(MEASURE_FIELDS, status)
    assert Measure.objects.get(pk=measure.pk).version == measure.version


# The edit page


def form_fields(page: str) -> set[str]:
    names = set(re.findall(r'name="([a-z_]+)"', page))
    return names & set(MEASURE_FIELDS)


def test_the_office_page_offers_every_field(client, measure, office_clerk):
    client.force_login(office_clerk)
    page = client.get(reverse("ledger:measure_edit", args=[measure.pk])).content.decode()
    assert form_fields(page) == set(MeasureForm._meta.fields)
    assert "这里只能指定本单位的责任人" not in page


def test_the_lead_unit_page_offers_its_person_in_charge_only(
    client, measure, units, court_reporter
):
    PersonFactory(unit=units["police"], name="外单位民警")
    PersonFactory(unit=units["tribunal"], name="许书记员")
    client.force_login(court_reporter)
    page = client.get(reverse("ledger:measure_edit", args=[measure.pk])).content.decode()
    assert form_fields(page) == {"person_in_charge"}
    assert "这里只能指定本单位的责任人" in page and "延期申请" in page
    assert "许书记员" in page and "外单位民警" not in page


PAGE_FIELDS = MeasureForm._meta.fields  # the number is given when a measure is added


@pytest.mark.parametrize("field", [f for f in PAGE_FIELDS if f != "person_in_charge"])
def test_the_lead_unit_page_refuses_each_posted_commitment(
    client, measure, units, court_reporter, field
):
    """Posted beside its person in charge, which alone it may set: the page answers 403 with
    the reason and saves nothing, as the API does."""
    client.force_login(court_reporter)
    values = new_values(units)
    response = client.post(
        reverse("ledger:measure_edit", args=[measure.pk]),
        {field: values[field], "person_in_charge": values["person_in_charge"], "version": 1},
    )
    assert response.status_code == 403
    assert "这些内容由本轮整改办确定" in response.content.decode()
    assert Measure.objects.get(pk=measure.pk).version == measure.version


def test_the_lead_unit_page_sets_its_person_in_charge(client, measure, units, court_reporter):
    client.force_login(court_reporter)
    clerk = new_values(units)["person_in_charge"]
    url = reverse("ledger:measure_edit", args=[measure.pk])
    response = client.post(url, {"person_in_charge": clerk, "version": measure.version})
    assert response.status_code == 302
    saved = Measure.objects.get(pk=measure.pk)
    assert (saved.deadline, saved.text) == (measure.deadline, measure.text)
    assert saved.person_in_charge.name == "许书记员"


def test_the_lead_unit_page_takes_commitments_sent_back_unchanged(
    client, measure, units, court_reporter
):
    client.force_login(court_reporter)
    clerk = new_values(units)["person_in_charge"]
    unchanged = {
        "text": measure.text,
        "kind": measure.kind,
        "deadline": str(measure.deadline),
        "deliverable": measure.deliverable,
        "status": measure.status,
        "lead_unit": measure.lead_unit_id,
        "cooperating_units": [u.pk for u in measure.cooperating_units.all()],
    }
    response = client.post(
        reverse("ledger:measure_edit", args=[measure.pk]),
        {**unchanged, "person_in_charge": clerk, "version": measure.version},
    )
    assert response.status_code == 302
    assert Measure.objects.get(pk=measure.pk).person_in_charge.name == "许书记员"


def test_the_office_page_sets_every_field(client, measure, units, office_clerk):
    client.force_login(office_clerk)
    values = {name: new_values(units)[name] for name in PAGE_FIELDS}
    response = client.post(
        reverse("ledger:measure_edit", args=[measure.pk]), {**values, "version": measure.version}
    )
    assert response.status_code == 302
    units_set = values.pop("cooperating_units")
    assert saved_values(measure, list(values)) == values
    saved = Measure.objects.get(pk=measure.pk)
    assert [unit.pk for unit in saved.cooperating_units.all()] == units_set


@pytest.mark.parametrize(
    "role,status",
    [
        ("police_reporter", 403),
        ("plain_leader", 403),
        ("verifier", 403),
        ("observer", 403),
        ("admin", 404),
    ],
)
def test_the_page_refuses_everyone_else(client, request, measure, units, role, status):
    client.force_login(request.getfixturevalue(role))
    url = reverse("ledger:measure_edit", args=[measure.pk])
    assert client.get(url).status_code == status
    posted = client.post(url, {**new_values(units), "version": measure.version})
    assert posted.status_code == status
    assert Measure.objects.get(pk=measure.pk).version == measure.version


# Rounds and problems: the office alone sets any of their fields.

ROUND_FIELDS = list(TABLE["round"])
PROBLEM_FIELDS = list(TABLE["problem"])


@pytest.fixture
def problem(demo_round):
    """The court leads it; the police station cooperates on one of its measures."""
    return demo_round["problems"]["court"]


def round_values(units) -> dict:
    return {
        "name": "省委第三巡视组反馈意见整改（修订）",
        "kind": "special",
        "team": "省委第五巡视组",
        "organization": "中共临江市委政法委员会机关",
        "visit_start": "2023-06-01",
        "visit_end": "2023-07-15",
        "feedback_date": "2023-09-30",
        "rectification_deadline": "2023-12-29",
        "report_deadline": "2024-01-05",
        "status": "ongoing",
        "rhythm_days": 14,
        "rhythm_days_after": 60,
        "due_soon_workdays": 3,
        "onsite_required_for_key": True,
        "office": units["office"].pk,
    }


def problem_values(problem, units) -> dict:
    category = CategoryFactory(round=problem.round, number=2, title="全面从严治党方面")
    chief = PersonFactory(unit=units["police"], name="赵局长", is_leader=True)
    return {
        "category": category.pk,
        "number": 9,
        "text": "执法监督问题整改不彻底，同类问题反复出现。",
        "manifestations": "案件评查发现的问题未逐案整改。",
        "source": "self_found",
        "is_key": True,
        "lead_leader": chief.pk,
        "lead_unit": units["police"].pk,
    }


def form_data(values: dict) -> dict:
    return {name: "on" if value is True else value for name, value in values.items()}


def saved_values(item, names) -> dict:
    """The item's fields as the API takes them: a reference by id, a date as ISO text."""
    item = type(item).objects.get(pk=item.pk)
    values = {name: item.serializable_value(name) for name in names}
    return {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in values.items()}


def test_the_office_sets_every_round_and_problem_field(
    problem, units, api_as, client, office_clerk
):
    round_ = problem.round
    rounds, problems = round_values(units), problem_values(problem, units)
    api = api_as(office_clerk)
    assert patched(api, round_, rounds) == dict.fromkeys(ROUND_FIELDS, 200)
    assert patched(api, problem, problems) == dict.fromkeys(PROBLEM_FIELDS, 200)
    assert saved_values(round_, ROUND_FIELDS) == rounds
    assert saved_values(problem, PROBLEM_FIELDS) == problems

    client.force_login(office_clerk)
    for name, item, form in (("round", round_, RoundForm), ("problem", problem, ProblemForm)):
        page = client.get(reverse(f"ledger:{name}_edit", args=[item.pk])).content.decode()
        assert set(re.findall(r'name="([a-z_]+)"', page)) >= set(form._meta.fields), name


@pytest.mark.parametrize(
    "role,status",
    [
        ("court_reporter", 403),  # the problem's lead unit
        ("police_reporter", 403),  # a cooperating unit
        ("plain_leader", 403),
        ("verifier", 403),
        ("observer", 403),
        ("admin", 404),  # a superuser without roles sees neither
    ],
)
def test_everyone_else_sets_no_round_or_problem_field(
    request, problem, units, api_as, client, role, status
):
    round_ = problem.round
    user = request.getfixturevalue(role)
    rounds, problems = round_values(units), problem_values(problem, units)
    api = api_as(user)
    assert patched(api, round_, rounds) == dict.fromkeys(ROUND_FIELDS, status)
    assert patched(api, problem, problems) == dict.fromkeys(PROBLEM_FIELDS, status)

    client.force_login(user)
    for name, item, values in (("round", round_, rounds), ("problem", problem, problems)):
        url = reverse(f"ledger:{name}_edit", args=[item.pk])
        assert client.get(url).status_code == status, name
        posted = client.post(url, {**form_data(values), "version": item.version})
        assert posted.status_code == status, name
    assert InspectionRound.objects.get(pk=round_.pk).version == round_.version
    assert Problem.objects.get(pk=problem.pk).version == problem.version


def test_the_office_pages_set_every_round_and_problem_field(problem, units, client, office_clerk):
    round_ = problem.round
    client.force_login(office_clerk)
    for name, item, values, form in (
        ("round", round_, round_values(units), RoundForm),
        ("problem", problem, problem_values(problem, units), ProblemForm),
    ):
        posted = {k: v for k, v in values.items() if k in form._meta.fields}
        url = reverse(f"ledger:{name}_edit", args=[item.pk])
        response = client.post(url, {**form_data(posted), "version": item.version})
        assert response.status_code == 302, (name, response.content.decode()[-2000:])
        assert saved_values(item, list(posted)) == posted, name
