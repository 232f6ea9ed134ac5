"""The office's manual reminder (催办) from a measure's card."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from zhenggai.ledger.models import Event, Measure
from zhenggai.supervision import services
from zhenggai.supervision.models import Notification, Reminder


def test_the_office_reminds_the_person_in_charge_and_the_lead_leader(
    tracked, office_clerk, court_reporter, leader, mailbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sent = services.remind(office_clerk, tracked, note="请于本周五前报送进展。")
    assert {r.person.name for r in sent} == {"陈法官", "周书记"}
    assert all(r.reason == "manual" and r.sent_by == office_clerk for r in sent)
    assert Notification.objects.filter(recipient__in=[court_reporter, leader]).count() == 2
    assert "请于本周五前报送进展" in Notification.objects.first().body
    assert len(mailbox.outbox) == 2 and all(r.emailed for r in Reminder.objects.all())
    event = Event.objects.get(kind=Event.Kind.REMINDED)
    assert event.actor == office_clerk and event.measure == tracked


def test_a_second_manual_reminder_the_same_day_is_refused(tracked, office_clerk):
    services.remind(office_clerk, tracked)
    with pytest.raises(ValidationError, match="今天已经催办过"):
        services.remind(office_clerk, tracked)
    assert Reminder.objects.count() == 2


def test_a_measure_nobody_can_be_reached_for_is_explained(demo_round, office_clerk):
    measure = demo_round["problems"]["police"].measures.get()
    with pytest.raises(ValidationError, match="没有登录账号"):
        services.remind(office_clerk, measure)


def test_a_finished_measure_is_not_reminded(tracked, office_clerk):
    Measure.objects.filter(pk=tracked.pk).update(status="closed")
    tracked.refresh_from_db()
    with pytest.raises(PermissionDenied, match="已销号，无需催办"):
        services.remind(office_clerk, tracked)


def test_a_unit_cannot_remind(tracked, court_reporter):
    with pytest.raises(PermissionDenied, match="整改牵头单位"):
        services.remind(court_reporter, tracked)


def test_the_remind_button_answers_htmx_with_the_updated_panel(client, tracked, office_clerk):
    client.force_login(office_clerk)
    url = reverse("supervision:measure_remind", args=[tracked.pk])
    response = client.post(url, {"note": ""}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert f'id="supervision-{tracked.pk}"' in body and "已催办 1-1.1（2 人）" in body
    again = client.post(url, {"note": ""}, headers={"HX-Request": "true"}).content.decode()
    assert "今天已经催办过该措施" in again


def test_the_remind_button_without_htmx_redirects_with_a_message(client, tracked, office_clerk):
    client.force_login(office_clerk)
    url = reverse("supervision:measure_remind", args=[tracked.pk])
    response = client.post(url, {"note": "长" * 501}, follow=True)
    assert "催办说明不能超过500字" in response.content.decode()
    assert not Reminder.objects.exists()


@pytest.mark.parametrize(("role", "status"), [("court_reporter", 403), ("police_reporter", 404)])
def test_units_get_no_remind_button_and_cannot_post_one(client, request, tracked, role, status):
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("supervision:measure_remind", args=[tracked.pk]))
    assert response.status_code == status


def test_the_problem_page_shows_lights_and_the_button_to_the_office_only(
    client, tracked, office_clerk, court_reporter
):
    url = reverse("ledger:problem_detail", args=[tracked.problem_id])
    client.force_login(office_clerk)
    page = client.get(url).content.decode()
    assert "light light-" in page and ">催办</button>" in page and "下发督办单" in page
    client.force_login(court_reporter)
    page = client.get(url).content.decode()
    assert "light light-" in page and ">催办</button>" not in page and "下发督办单" not in page


def _problem_page(client, user, measure) -> str:
    client.force_login(user)
    return client.get(reverse("ledger:problem_detail", args=[measure.problem_id])).content.decode()


def test_the_office_is_told_before_the_click_whom_a_reminder_reaches(client, tracked, office_clerk):
    page = _problem_page(client, office_clerk, tracked)
    assert "催办将发给：责任人 陈法官、牵头领导 周书记" in page


def test_a_measure_without_a_person_or_leader_falls_back_to_the_units_reporters(
    client, demo_round, office_clerk, police_reporter
):
    measure = demo_round["problems"]["police"].measures.get()
    page = _problem_page(client, office_clerk, measure)
    assert "催办将发给：牵头单位填报人 赵警官（责任人和牵头领导没有登录账号）" in page
    sent = services.remind(office_clerk, measure)
    assert [r.person.name for r in sent] == ["赵警官"]
    # Worded for whoever does the task, not for a leader pushing it on.
    assert "请抓紧办理" in Notification.objects.get(recipient=police_reporter).body


def test_a_measure_nobody_can_be_reached_for_says_so_instead_of_offering_the_button(
    client, demo_round, office_clerk
):
    page = _problem_page(client, office_clerk, demo_round["problems"]["police"].measures.get())
    assert "都没有登录账号，无法在系统中催办" in page and ">催办</button>" not in page
