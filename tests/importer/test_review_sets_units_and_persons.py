"""In the same pass as the text, the review sets a problem's lead unit and 重点 flag, and a
measure's lead unit, cooperating units and person in charge, all from the round's
organization; the person in charge only from the lead unit's tree."""

import pytest
from django.urls import reverse

from tests.factories import PersonFactory, UnitFactory
from tests.importer.test_apply_writes_the_ledger import fill_the_missing_deadlines
from zhenggai.importer import drafts, services
from zhenggai.ledger.models import Measure, Problem

pytestmark = pytest.mark.django_db


def save(client, batch, key, **fields):
    data = {f"{key}-{name}": value for name, value in fields.items()}
    return client.post(reverse("importer:item", args=[batch.pk, key]), data, HTTP_HX_REQUEST="true")


def item(batch, key):
    batch.refresh_from_db()
    return drafts.find(batch.draft, key)[1]


def measure_fields(units, **fields):
    return (
        {"accepted": "on", "text": "建立执法监督联席会议制度", "deadline": "2024-06-30"}
        | {"lead_unit": units["court"].pk}
        | fields
    )


def test_units_named_in_the_text_are_proposed_as_lead_and_cooperating(draft, units, round_):
    first, fix_it = item(draft, "m1"), item(draft, "m3")
    assert first["lead_unit"] == units["court"].pk
    assert first["cooperating_units"] == [units["police"].pk]
    assert fix_it["lead_unit"] == units["station"].pk
    assert fix_it["cooperating_units"] == [] and fix_it["person_in_charge"] is None

    text = "一、整改任务\n（一）作风方面\n1．学习不深。\n整改措施：①制定计划；②开展研讨。\n"
    batch = services.upload(draft.uploaded_by, round_, "方案.txt", text.encode())
    assert batch.draft["categories"][0]["problems"][0]["measures"][0]["lead_unit"] == (
        round_.office_id
    )


def test_the_review_offers_as_person_in_charge_only_the_lead_units_tree(
    office, draft, units, court_reporter, tribunal_reporter, police_reporter
):
    page = office.get(draft.get_absolute_url()).content.decode()
    person_field = page.split('id="person-m1"')[1].split("</select>")[0]
    assert "陈法官·临江市中级人民法院" in person_field
    assert "林庭长·城东人民法庭" in person_field
    assert "赵警官" not in person_field
    assert "原文：临江市公安局" in page  # what the document named as cooperating


def test_units_persons_and_the_key_flag_picked_in_one_pass_reach_the_ledger(
    office, draft, units, tribunal_reporter
):
    cooperating = [units["police"].pk, units["station"].pk]
    save(office, draft, "p1", accepted="on", text="执法司法监督闭环没有形成",
         lead_unit=units["court"].pk, is_key="on")  # fmt: skip
    save(office, draft, "m1", **measure_fields(units, cooperating_units=cooperating,
         person_in_charge=tribunal_reporter.person.pk))  # fmt: skip
    fill_the_missing_deadlines(draft.uploaded_by, draft)

    services.apply(draft.uploaded_by, draft)

    problem = Problem.objects.get(text="执法司法监督闭环没有形成")
    assert (problem.lead_unit, problem.is_key) == (units["court"], True)
    measure = Measure.objects.get(text="建立执法监督联席会议制度")
    assert measure.person_in_charge == tribunal_reporter.person
    assert {u.name for u in measure.cooperating_units.all()} == {"临江市公安局", "江北派出所"}


def test_a_person_outside_the_lead_units_tree_is_refused(office, draft, units, police_reporter):
    response = save(
        office, draft, "m1", **measure_fields(units, person_in_charge=police_reporter.person.pk)
    )
    assert "责任人只能从本措施牵头单位及其下级单位中选择" in response.content.decode()
    assert item(draft, "m1")["person_in_charge"] is None


def test_a_new_lead_unit_lets_go_of_the_person_in_charge_and_offers_its_own(
    office, draft, units, court_reporter, police_reporter
):
    save(office, draft, "m1", **measure_fields(units, person_in_charge=court_reporter.person.pk))
    response = save(
        office,
        draft,
        "m1",
        **measure_fields(
            units, lead_unit=units["police"].pk, person_in_charge=court_reporter.person.pk
        ),
    )
    page = response.content.decode()
    assert "已保存" in page
    assert 'id="person-m1" hx-swap-oob="innerHTML"' in page
    assert "赵警官·临江市公安局" in page and "陈法官" not in page
    assert item(draft, "m1")["person_in_charge"] is None


def test_a_unit_or_person_of_another_organization_cannot_be_picked(office, draft, units):
    elsewhere = UnitFactory(name="外市公安局")
    stranger = PersonFactory(unit=elsewhere, name="外市民警")
    response = save(office, draft, "m1", **measure_fields(units, cooperating_units=[elsewhere.pk]))
    assert "不在可用的选项中" in (response.content.decode())
    with pytest.raises(services.ValidationError) as refused:
        services.save_item(
            draft.uploaded_by, draft, "m1", lead_unit=elsewhere.pk, person_in_charge=stranger.pk
        )
    assert set(refused.value.message_dict) == {"lead_unit", "person_in_charge"}
    assert item(draft, "m1")["cooperating_units"] == [units["police"].pk]
