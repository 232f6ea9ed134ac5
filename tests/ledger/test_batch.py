"""Batch work on the task list: the office ticks measures and reminds them all, sets their
cooperating units, person in charge or deadline, or issues one notice about them; tried on
fifty measures at once."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import MeasureFactory, PersonFactory
from zhenggai.ledger.batch import shared_tree
from zhenggai.ledger.models import Event, Measure, Problem
from zhenggai.supervision.models import Notification, Reminder, SupervisionNotice

FIFTY = 50


@pytest.fixture
def fifty(demo_round, units):
    problem = demo_round["problems"]["court"]
    made = [
        MeasureFactory(problem=problem, number=n, lead_unit=units["court"])
        for n in range(3, 3 + FIFTY)
    ]
    return made


def _batch(client, user, round_, measures, **data):
    client.force_login(user)
    url = reverse("ledger:measure_batch", args=[round_.pk])
    data = {"measures": [m.pk for m in measures], "query": "view=measures", **data}
    response = client.post(url, data, follow=True)
    return response, response.content.decode()


def test_fifty_reminders_fall_back_to_the_units_reporter(
    client, demo_round, fifty, office_clerk, court_reporter
):
    response, page = _batch(client, office_clerk, demo_round["round"], fifty, action="remind")
    assert response.redirect_chain[-1][0].endswith("?view=measures")
    assert "催办：已处理 50 项" in page
    # Nobody in charge and no lead leader: the court's reporter is reminded of each.
    assert Reminder.objects.filter(person__user=court_reporter).count() == FIFTY
    body = Notification.objects.filter(recipient=court_reporter).first().body
    assert "请抓紧办理" in body


def test_a_lead_leader_is_asked_to_push_the_unit_on(
    client, demo_round, fifty, office_clerk, leader
):
    Problem.objects.filter(pk=demo_round["problems"]["court"].pk).update(lead_leader=leader.person)
    _batch(client, office_clerk, demo_round["round"], fifty[:2], action="remind")
    body = Notification.objects.filter(recipient=leader).first().body
    assert "请督促牵头单位抓紧办理" in body and "请抓紧办理" not in body


def test_fifty_deadlines_are_set_at_once(client, demo_round, fifty, office_clerk):
    new = timezone.localdate() + datetime.timedelta(days=60)
    _, page = _batch(
        client, office_clerk, demo_round["round"], fifty, action="deadline", deadline=new
    )
    assert "设置完成时限：已处理 50 项" in page
    assert set(
        Measure.objects.filter(pk__in=[m.pk for m in fifty]).values_list("deadline", flat=True)
    ) == {new}
    assert Event.objects.filter(kind=Event.Kind.MEASURE_UPDATED).count() == FIFTY


def test_person_in_charge_and_cooperating_units_are_set_at_once(
    client, demo_round, fifty, office_clerk, units
):
    judge = PersonFactory(unit=units["court"], name="吴法官")
    round_ = demo_round["round"]
    _batch(client, office_clerk, round_, fifty, action="person", person_in_charge=judge.pk)
    _batch(
        client,
        office_clerk,
        round_,
        fifty,
        action="cooperating",
        cooperating_units=[units["police"].pk, units["station"].pk],
    )
    for measure in Measure.objects.filter(pk__in=[m.pk for m in fifty]):
        assert measure.person_in_charge == judge
        assert set(measure.cooperating_units.all()) == {units["police"], units["station"]}


def test_one_notice_about_the_measures_of_one_unit(client, demo_round, fifty, office_clerk):
    _, page = _batch(
        client, office_clerk, demo_round["round"], fifty, action="notice", content="请限期整改。"
    )
    notice = SupervisionNotice.objects.get()
    assert notice.unit == fifty[0].lead_unit
    assert list(notice.problems.all()) == [demo_round["problems"]["court"]]
    assert f"已处理 1 项（{notice.number}）" in page


def test_one_notice_cannot_go_to_two_units(client, demo_round, fifty, office_clerk):
    police = demo_round["problems"]["police"].measures.get()
    _, page = _batch(
        client,
        office_clerk,
        demo_round["round"],
        [fifty[0], police],
        action="notice",
        content="请限期整改。",
    )
    assert "牵头单位不止一个" in page
    assert not SupervisionNotice.objects.exists()


def test_a_refused_measure_does_not_stop_the_others(client, demo_round, fifty, office_clerk):
    Measure.objects.filter(pk=fifty[0].pk).update(status="closed")
    new = timezone.localdate() + datetime.timedelta(days=60)
    _, page = _batch(
        client, office_clerk, demo_round["round"], fifty, action="deadline", deadline=new
    )
    assert "已处理 49 项" in page
    assert f"1 项未处理。{fifty[0].code}：该措施已销号" in page


def test_only_the_office_works_in_batches(client, demo_round, fifty, court_reporter):
    client.force_login(court_reporter)
    url = reverse("ledger:measure_batch", args=[demo_round["round"].pk])
    response = client.post(url, {"action": "remind", "measures": [fifty[0].pk]})
    assert response.status_code == 403
    ledger = client.get(
        reverse("ledger:ledger", args=[demo_round["round"].pk]), {"view": "measures"}
    )
    assert 'id="batch"' not in ledger.content.decode()


def test_the_office_sees_a_box_per_row_and_the_form_on_opening(
    client, demo_round, fifty, office_clerk
):
    client.force_login(office_clerk)
    url = reverse("ledger:ledger", args=[demo_round["round"].pk])
    page = client.get(url, {"view": "measures"}).content.decode()
    assert page.count('name="measures"') == 50
    # The form, with every person of the organization to choose from, loads when opened.
    form = client.get(reverse("ledger:measure_batch", args=[demo_round["round"].pk]))
    assert 'id="batch"' in form.content.decode()
    # Whom a batch 催办 reaches is said before it is sent.
    assert "两者都没有登录账号的，发给牵头单位的填报人" in form.content.decode()


def test_the_shared_tree_is_the_deepest_unit_above_every_lead_unit():
    assert shared_tree(["000001/000007/", "000001/000007/000002/"]) == "000001/000007/"
    assert shared_tree(["000001/000007/", "000001/000071/"]) == "000001/"
    assert shared_tree([]) == ""


def test_the_person_picker_offers_the_ticked_measures_units_only(
    client, demo_round, fifty, office_clerk, units
):
    PersonFactory(unit=units["tribunal"], name="陈庭长")
    PersonFactory(unit=units["station"], name="赵所长")
    client.force_login(office_clerk)
    url = reverse("ledger:measure_batch", args=[demo_round["round"].pk])
    court_only = client.get(url, {"measures": [fifty[0].pk, fifty[1].pk]}).content.decode()
    assert "陈庭长" in court_only and "赵所长" not in court_only
    police = demo_round["problems"]["police"].measures.get()
    both = client.get(url, {"measures": [fifty[0].pk, police.pk]}).content.decode()
    assert "陈庭长" in both and "赵所长" in both


def test_a_person_outside_the_ticked_measures_units_is_refused(
    client, demo_round, fifty, office_clerk, units
):
    officer = PersonFactory(unit=units["station"], name="赵所长")
    _, page = _batch(
        client,
        office_clerk,
        demo_round["round"],
        fifty,
        action="person",
        person_in_charge=officer.pk,
    )
    assert "责任人须是所勾选措施牵头单位（或其共同上级单位）的人员" in page
    assert not Measure.objects.filter(person_in_charge=officer).exists()
