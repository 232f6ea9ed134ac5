"""Sending a reply back (退回): the round's office finds a reply not good enough; the notice is
the unit's to answer again by a new deadline, and the reply sent back stays on record."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from zhenggai.ledger.models import Event
from zhenggai.supervision import services
from zhenggai.supervision.models import Notification, SupervisionNotice

D = datetime.date
MONDAY = D(2024, 4, 8)


def send_back(user, notice, reason="未说明完成时限和责任人。", **values):
    values.setdefault("today", MONDAY)
    return services.return_reply(user, notice, reason, **values)


def return_url(notice) -> str:
    return reverse("supervision:notice_return", args=[notice.pk])


def test_the_office_returns_a_reply_and_the_unit_is_told(
    replied, office_clerk, court_reporter, demo_round
):
    notice = send_back(office_clerk, replied, "  未说明完成时限和责任人。 ")
    assert notice.get_status_display() == "已下发"
    assert (notice.reply, notice.replied_by, notice.replied_at) == ("", None, None)
    # Five working days from Monday 2024-04-08.
    assert notice.reply_deadline == D(2024, 4, 15)
    told = Notification.objects.get(recipient=court_reporter, title__contains="被退回")
    assert "退回理由：未说明完成时限和责任人。" in told.body
    assert "请于2024-04-15前在系统中重新回复" in told.body


def test_the_reply_sent_back_is_kept_on_the_cited_problems_timeline(
    replied, office_clerk, demo_round
):
    send_back(office_clerk, replied)
    event = Event.objects.get(kind=Event.Kind.NOTICE_RETURNED)
    assert event.problem == demo_round["problems"]["court"]
    assert event.changes["reply"] == ["已修订审判监督制度，4月底前全面施行。", None]
    assert event.changes["reason"] == [None, "未说明完成时限和责任人。"]
    assert event.changes["replied_by"] == ["陈法官", None]
    assert event.changes["status"] == ["replied", "issued"]


def test_the_unit_answers_again_and_the_office_can_close(replied, office_clerk, court_reporter):
    send_back(office_clerk, replied)
    services.reply_notice(court_reporter, replied, "补充：由分管副院长负责，4月30日前完成。")
    notice = services.close_notice(office_clerk, replied)
    assert notice.status == "closed" and notice.reply.startswith("补充")


def test_a_chosen_deadline_is_kept(replied, office_clerk):
    assert send_back(office_clerk, replied, reply_deadline=MONDAY).reply_deadline == MONDAY


def test_a_deadline_before_today_is_refused(replied, office_clerk):
    with pytest.raises(ValidationError, match="回复期限不能早于今天"):
        send_back(office_clerk, replied, reply_deadline=D(2024, 4, 7))
    assert SupervisionNotice.objects.get().status == "replied"


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_reason_is_required(replied, office_clerk, reason):
    with pytest.raises(ValidationError, match="请填写退回理由。"):
        send_back(office_clerk, replied, reason)
    assert SupervisionNotice.objects.get().reply


def test_a_unit_cannot_return_a_reply(replied, court_reporter):
    with pytest.raises(PermissionDenied, match="整改牵头单位"):
        send_back(court_reporter, replied)


def test_a_notice_without_a_reply_cannot_be_returned(a_notice, office_clerk):
    with pytest.raises(ValidationError, match="被督办单位尚未回复，不能退回。"):
        send_back(office_clerk, a_notice)


def test_a_closed_notice_cannot_be_returned(replied, office_clerk):
    services.close_notice(office_clerk, replied)
    with pytest.raises(ValidationError, match="该督办单已办结，不能再退回。"):
        send_back(office_clerk, replied)
    assert SupervisionNotice.objects.get().status == "closed"


def test_the_unit_sees_why_its_reply_came_back_and_answers_again(
    client, replied, office_clerk, court_reporter
):
    client.force_login(office_clerk)
    response = client.post(
        return_url(replied),
        {"reason": "未说明完成时限和责任人。", "reply_deadline": "2099-01-04"},
        follow=True,
    )
    assert f"已退回督办单 {replied.number} 的回复，新的回复期限为 2099-01-04。" in (
        response.content.decode()
    )
    client.force_login(court_reporter)
    url = reverse("supervision:notice_detail", args=[replied.pk])
    page = client.get(url).content.decode()
    assert "退回记录" in page and "未说明完成时限和责任人。" in page
    assert "被退回的回复（陈法官）" in page and "4月底前全面施行" in page
    assert "提交回复" in page and "2099-01-04" in page


def test_the_return_form_asks_for_a_reason_and_keeps_the_reply(client, replied, office_clerk):
    client.force_login(office_clerk)
    response = client.post(return_url(replied), {"reason": "", "reply_deadline": ""})
    assert response.status_code == 200
    assert "这个字段是必填项" in response.content.decode()
    assert SupervisionNotice.objects.get().status == "replied"


def test_the_return_form_explains_a_past_deadline(client, replied, office_clerk):
    client.force_login(office_clerk)
    response = client.post(
        return_url(replied), {"reason": "不具体", "reply_deadline": "2020-01-01"}
    )
    assert "回复期限不能早于今天。" in response.content.decode()


def test_a_unit_posting_to_return_is_told_why_not(client, replied, court_reporter):
    client.force_login(court_reporter)
    response = client.post(return_url(replied), {"reason": "自己退回"}, follow=True)
    assert "只有本轮整改牵头单位" in response.content.decode()
    assert SupervisionNotice.objects.get().status == "replied"


def test_each_return_is_listed_once_whatever_the_problems_cited(
    client, demo_round, units, office_clerk, court_reporter
):
    problems = demo_round["problems"]
    notice = services.issue_notice(
        office_clerk,
        demo_round["round"],
        unit=units["court"],
        content="请说明两个问题的整改进度。",
        problems=[problems["court"], problems["tribunal"]],
    )
    for reply, reason in [("第一次回复", "第一次退回理由"), ("第二次回复", "第二次退回理由")]:
        services.reply_notice(court_reporter, notice, reply)
        services.return_reply(office_clerk, notice, reason)
    assert Event.objects.filter(kind=Event.Kind.NOTICE_RETURNED).count() == 4
    client.force_login(office_clerk)
    url = reverse("supervision:notice_detail", args=[notice.pk])
    page = client.get(url).content.decode()
    assert page.count("被退回的回复") == 2
    assert page.index("第二次退回理由") < page.index("第一次退回理由")
