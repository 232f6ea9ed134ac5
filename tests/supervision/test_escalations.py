"""Escalations (约谈/通报/问责): recorded by the office, with who decided and why."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from zhenggai.ledger.models import Event
from zhenggai.supervision import services
from zhenggai.supervision.models import Escalation, Notification, SupervisionNotice

D = datetime.date


def escalate(user, demo_round, **values):
    values.setdefault("kind", Escalation.Kind.ADMONITION)
    values.setdefault("unit", None)
    values.setdefault("reason", "督办单逾期未回复，经书记专题会研究决定约谈法院主要负责人。")
    return services.escalate(user, demo_round["round"], today=D(2024, 4, 20), **values)


def test_escalating_a_notice_records_who_decided_and_why(
    a_notice, demo_round, office_clerk, leader, court_reporter
):
    escalation = escalate(office_clerk, demo_round, notice=a_notice, decided_by=leader)
    assert escalation.unit == a_notice.unit
    assert escalation.decided_by == leader and escalation.decided_on == D(2024, 4, 20)
    assert SupervisionNotice.objects.get().status == "escalated"
    event = Event.objects.get(kind=Event.Kind.ESCALATED)
    assert event.actor == office_clerk
    assert event.problem == demo_round["problems"]["court"]
    assert event.changes["decided_by"] == [None, "周书记"]
    assert event.changes["kind"] == [None, "约谈"]
    assert Notification.objects.filter(recipient=court_reporter, title="升级督办：约谈").exists()


def test_an_escalation_about_a_problem_alone_targets_its_lead_unit(demo_round, office_clerk, units):
    problem = demo_round["problems"]["police"]
    escalation = escalate(office_clerk, demo_round, problem=problem, kind="circular")
    assert escalation.unit == units["police"] and escalation.decided_by == office_clerk


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_reason_is_required(a_notice, demo_round, office_clerk, reason):
    with pytest.raises(ValidationError, match="请填写升级督办的事由"):
        escalate(office_clerk, demo_round, notice=a_notice, reason=reason)
    assert not Escalation.objects.exists()


def test_an_escalation_needs_a_notice_or_a_problem(demo_round, office_clerk, units):
    with pytest.raises(ValidationError, match="至少一项"):
        escalate(office_clerk, demo_round, unit=units["court"])


def test_the_decider_must_be_oneself_or_a_leader_of_the_office(
    a_notice, demo_round, office_clerk, court_reporter
):
    with pytest.raises(ValidationError, match="决定人"):
        escalate(office_clerk, demo_round, notice=a_notice, decided_by=court_reporter)


def test_a_decision_in_the_future_is_refused(a_notice, demo_round, office_clerk):
    with pytest.raises(ValidationError, match="不能晚于今天"):
        escalate(office_clerk, demo_round, notice=a_notice, decided_on=D(2024, 5, 1))


def test_an_unknown_kind_is_refused(a_notice, demo_round, office_clerk):
    with pytest.raises(ValidationError):
        escalate(office_clerk, demo_round, notice=a_notice, kind="firing")


def test_only_the_office_escalates(a_notice, demo_round, court_reporter):
    with pytest.raises(PermissionDenied):
        escalate(court_reporter, demo_round, notice=a_notice)


def test_the_escalation_form_records_and_returns_to_the_notice(
    client, a_notice, demo_round, office_clerk, leader, units
):
    client.force_login(office_clerk)
    url = reverse("supervision:escalation_create", args=[demo_round["round"].pk])
    form = client.get(url, {"notice": a_notice.pk}).context["form"]
    assert form.initial["unit"] == units["court"].pk
    assert {u.pk for u in form.fields["decided_by"].queryset} == {office_clerk.pk, leader.pk}
    today = form.initial["decided_on"]
    response = client.post(
        f"{url}?notice={a_notice.pk}",
        {
            "kind": "accountability",
            "unit": units["court"].pk,
            "decided_by": leader.pk,
            "decided_on": today.isoformat(),
            "reason": "经常委会研究，对相关责任人问责。",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("supervision:notice_detail", args=[a_notice.pk])
    page = client.get(response["Location"]).content.decode()
    assert "问责" in page and "经常委会研究" in page and "周书记" in page


def test_the_escalation_form_without_a_reason_explains_in_chinese(
    client, a_notice, demo_round, office_clerk, units
):
    client.force_login(office_clerk)
    url = reverse("supervision:escalation_create", args=[demo_round["round"].pk])
    response = client.post(
        f"{url}?notice={a_notice.pk}",
        {
            "kind": "admonition",
            "unit": units["court"].pk,
            "decided_by": office_clerk.pk,
            "decided_on": "2024-04-01",
            "reason": "",
        },
    )
    assert response.status_code == 200
    assert "这个字段是必填项" in response.content.decode()
    assert not Escalation.objects.exists()
