"""Closing a supervision notice (办结): the round's office does it, only once the unit has
replied and only once; the unit is told, and the cited problems' timelines show it."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from zhenggai.ledger.models import Event
from zhenggai.supervision import services
from zhenggai.supervision.models import Notification, SupervisionNotice


def close_url(notice) -> str:
    return reverse("supervision:notice_close", args=[notice.pk])


def test_the_office_closes_a_replied_notice_and_the_unit_is_told(
    replied, office_clerk, court_reporter, demo_round
):
    services.close_notice(office_clerk, replied, "  整改到位，同意办结。 ")
    notice = SupervisionNotice.objects.get()
    assert notice.get_status_display() == "已办结"
    assert notice.closed_by == office_clerk and notice.closed_at is not None
    assert notice.closing_note == "整改到位，同意办结。"
    told = Notification.objects.get(recipient=court_reporter, title__contains="已办结")
    assert "办结意见：整改到位，同意办结。" in told.body
    event = Event.objects.get(kind=Event.Kind.NOTICE_CLOSED)
    assert event.problem == demo_round["problems"]["court"]
    assert event.changes["status"] == ["replied", "closed"]


def test_a_notice_citing_no_problem_is_closed_on_the_rounds_record(
    demo_round, units, office_clerk, court_reporter
):
    notice = services.issue_notice(
        office_clerk, demo_round["round"], unit=units["court"], content="请整改。"
    )
    services.reply_notice(court_reporter, notice, "已整改。")
    services.close_notice(office_clerk, notice)
    event = Event.objects.get(kind=Event.Kind.NOTICE_CLOSED)
    assert event.problem is None and event.round == demo_round["round"]
    assert "note" not in event.changes


def test_an_escalated_notice_with_a_reply_can_be_closed(replied, demo_round, office_clerk):
    services.escalate(
        office_clerk,
        demo_round["round"],
        kind="admonition",
        notice=replied,
        reason="回复敷衍，约谈主要负责人。",
    )
    assert services.close_notice(office_clerk, replied).status == "closed"


def test_a_unit_cannot_close_its_own_notice(replied, court_reporter):
    with pytest.raises(PermissionDenied, match="整改牵头单位"):
        services.close_notice(court_reporter, replied)
    assert SupervisionNotice.objects.get().status == "replied"


@pytest.mark.parametrize("status", ["issued", "overdue", "escalated"])
def test_a_notice_without_a_reply_cannot_be_closed(a_notice, office_clerk, status):
    SupervisionNotice.objects.filter(pk=a_notice.pk).update(status=status)
    with pytest.raises(ValidationError, match="被督办单位尚未回复，不能办结。"):
        services.close_notice(office_clerk, a_notice)
    assert SupervisionNotice.objects.get().closed_at is None


def test_a_closed_notice_cannot_be_closed_again(replied, office_clerk):
    services.close_notice(office_clerk, replied)
    with pytest.raises(ValidationError, match="该督办单已办结，不能再办结。"):
        services.close_notice(office_clerk, replied, "再办结一次")
    assert SupervisionNotice.objects.get().closing_note == ""
    assert Event.objects.filter(kind=Event.Kind.NOTICE_CLOSED).count() == 1


def test_an_escalation_about_a_closed_notice_leaves_it_closed(replied, demo_round, office_clerk):
    services.close_notice(office_clerk, replied)
    services.escalate(
        office_clerk, demo_round["round"], kind="circular", notice=replied, reason="通报批评。"
    )
    assert SupervisionNotice.objects.get().status == "closed"


def test_the_office_sees_the_close_form_once_the_unit_has_replied(
    client, a_notice, office_clerk, court_reporter
):
    client.force_login(office_clerk)
    url = reverse("supervision:notice_detail", args=[a_notice.pk])
    assert "办结或退回" not in client.get(url).content.decode()
    services.reply_notice(court_reporter, a_notice, "已整改。")
    page = client.get(url).content.decode()
    assert "办结或退回" in page and "办结意见" in page


def test_the_unit_does_not_see_the_close_form(client, replied, court_reporter):
    client.force_login(court_reporter)
    url = reverse("supervision:notice_detail", args=[replied.pk])
    page = client.get(url).content.decode()
    assert "已回复" in page and "办结或退回" not in page


def test_closing_from_the_page_shows_who_closed_it_and_the_note(client, replied, office_clerk):
    client.force_login(office_clerk)
    response = client.post(close_url(replied), {"note": "整改到位，同意办结。"}, follow=True)
    page = response.content.decode()
    assert f"已办结督办单 {replied.number}。" in page
    assert '<span class="notice-status notice-closed">已办结</span>' in page
    assert "王文书 于" in page and "整改到位，同意办结。" in page
    assert "办结或退回" not in page


def test_a_unit_posting_to_close_is_told_why_not(client, replied, court_reporter):
    client.force_login(court_reporter)
    response = client.post(close_url(replied), {"note": ""}, follow=True)
    assert "只有本轮整改牵头单位" in response.content.decode()
    assert SupervisionNotice.objects.get().status == "replied"


def test_closing_an_unanswered_notice_from_the_page_shows_why_not(client, a_notice, office_clerk):
    client.force_login(office_clerk)
    response = client.post(close_url(a_notice), {"note": ""})
    assert response.status_code == 200
    assert "被督办单位尚未回复，不能办结。" in response.content.decode()
    assert SupervisionNotice.objects.get().status == "issued"


def test_someone_who_cannot_see_the_notice_gets_a_404(client, replied, police_reporter):
    client.force_login(police_reporter)
    assert client.post(close_url(replied)).status_code == 404


def test_closing_takes_a_post(client, replied, office_clerk):
    client.force_login(office_clerk)
    assert client.get(close_url(replied)).status_code == 405


def test_the_problems_timeline_shows_the_closing(client, replied, office_clerk, demo_round):
    services.close_notice(office_clerk, replied)
    client.force_login(office_clerk)
    problem = demo_round["problems"]["court"]
    page = client.get(reverse("ledger:problem_detail", args=[problem.pk])).content.decode()
    assert "王文书 办结督办单" in page
