"""`zhenggai tick`: lights as days pass, reminders once, overdue notices, the record."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from zhenggai.ledger.models import Event, InspectionRound, Measure
from zhenggai.supervision import daily, services
from zhenggai.supervision.models import Notification, Reminder, SupervisionNotice, TickRun

D = datetime.date


def tick(day) -> str:
    out = StringIO()
    call_command("tick", today=day, stdout=out)
    return out.getvalue()


def light_of(measure):
    measure.refresh_from_db()
    return measure.light, measure.light_reason


def test_a_measure_goes_green_then_yellow_then_red_as_days_pass(tracked):
    tick(D(2024, 4, 10))
    assert light_of(tracked) == ("green", "按期推进")
    tick(D(2024, 4, 24))  # 04-28 is a make-up working Sunday: five working days left
    assert light_of(tracked) == ("yellow", "距完成时限还剩5个工作日")
    tick(D(2024, 5, 6))
    assert light_of(tracked) == ("red", "已超过完成时限6天")
    assert tracked.problem.__class__.objects.get(pk=tracked.problem_id).light == "red"


def test_running_the_tick_twice_a_day_sends_each_reminder_once(tracked, mailbox):
    tick(D(2024, 4, 24))
    tick(D(2024, 4, 24))
    reminders = Reminder.objects.filter(measure=tracked)
    assert sorted(reminders.values_list("person__name", "reason")) == [
        ("周书记", "due_soon"),
        ("陈法官", "due_soon"),
    ]
    about = Notification.objects.filter(link__endswith=f"#measure-{tracked.pk}")
    assert about.count() == 2
    # The 市委 leader is asked to push the court on, not to do the court's task.
    bodies = {n.recipient.username: n.body for n in about}
    assert "请督促牵头单位抓紧办理" in bodies["leader"] and "请抓紧办理" not in bodies["leader"]
    assert "请抓紧办理" in bodies["court"]
    assert sorted(m.to[0] for m in mailbox.outbox) == ["chen@court.example", "zhou@zfw.example"]
    assert all(r.emailed for r in reminders)
    assert Event.objects.filter(kind=Event.Kind.REMINDED, measure=tracked).count() == 1


def test_a_reminder_is_not_repeated_within_the_reporting_rhythm(tracked):
    tick(D(2024, 4, 24))
    tick(D(2024, 4, 25))
    assert Reminder.objects.filter(measure=tracked).count() == 2


def test_a_persisting_warning_is_repeated_after_a_rhythm(tracked):
    InspectionRound.objects.filter(pk=tracked.round_id).update(rhythm_days_after=7)
    tick(D(2024, 5, 6))
    tick(D(2024, 5, 10))
    tick(D(2024, 5, 13))
    sent = Reminder.objects.filter(measure=tracked, person__name="陈法官")
    assert list(sent.order_by("sent_on").values_list("sent_on", "reason")) == [
        (D(2024, 5, 6), "overdue"),
        (D(2024, 5, 13), "overdue"),
    ]


def test_a_new_warning_reason_is_sent_at_once(tracked):
    tick(D(2024, 4, 24))
    tick(D(2024, 5, 6))
    assert set(Reminder.objects.values_list("reason", flat=True)) == {"due_soon", "overdue"}


def test_silence_follows_the_round_rhythm_in_and_after_the_concentrated_period(tracked):
    InspectionRound.objects.filter(pk=tracked.round_id).update(rhythm_days=7, rhythm_days_after=30)
    Measure.objects.filter(pk=tracked.pk).update(deadline=None, kind="ongoing")
    tick(D(2024, 4, 10))  # concentrated: 9 days > 7
    assert light_of(tracked) == ("yellow", "已9天未报送进展")
    tick(D(2024, 5, 20))  # after: 49 days > 30
    assert light_of(tracked)[0] == "yellow"
    Measure.objects.filter(pk=tracked.pk).update(last_reported_on=D(2024, 5, 1))
    tick(D(2024, 5, 20))  # after: 19 days <= 30
    assert light_of(tracked) == ("green", "未设完成时限")
    assert Reminder.objects.filter(reason="silent").exists()


def test_a_measure_never_reported_is_silent_counting_from_its_creation(tracked):
    created = timezone.localdate(tracked.created_at)
    Measure.objects.filter(pk=tracked.pk).update(last_reported_on=None, deadline=None)
    tick(created + datetime.timedelta(days=3))
    assert light_of(tracked)[0] == "green"
    tick(created + datetime.timedelta(days=61))
    assert light_of(tracked) == ("yellow", "已61天未报送进展")


def test_nobody_with_a_login_means_no_reminder_but_a_count(tracked):
    tracked.person_in_charge = None
    tracked.save()
    tracked.problem.lead_leader = None
    tracked.problem.save()
    summary = daily.run(D(2024, 5, 6))
    assert summary.reminders == 0
    assert summary.unreachable >= 1
    assert not Reminder.objects.exists()


def test_a_round_being_prepared_gets_lights_but_no_reminders(tracked):
    InspectionRound.objects.filter(pk=tracked.round_id).update(status="preparing")
    tick(D(2024, 5, 6))
    assert light_of(tracked)[0] == "red"
    assert not Reminder.objects.exists()


def test_an_unanswered_notice_turns_overdue_once_and_the_office_is_told(a_notice, office_clerk):
    deadline = a_notice.reply_deadline
    tick(deadline)
    assert SupervisionNotice.objects.get().status == "issued"
    tick(deadline + datetime.timedelta(days=1))
    tick(deadline + datetime.timedelta(days=2))
    assert SupervisionNotice.objects.get().status == "overdue"
    told = Notification.objects.filter(recipient=office_clerk, title__contains="逾期未回复")
    assert told.count() == 1
    # Once, on the timeline of each problem the notice cites, by the system.
    overdue = Event.objects.filter(kind=Event.Kind.NOTICE_OVERDUE)
    assert [(e.problem_id, e.actor_id) for e in overdue] == [
        (p.pk, None) for p in a_notice.problems.all()
    ]
    assert overdue[0].changes["notice"] == [None, a_notice.number]


def test_a_replied_notice_never_turns_overdue(a_notice, court_reporter):
    services.reply_notice(court_reporter, a_notice, "已完成整改。")
    tick(a_notice.reply_deadline + datetime.timedelta(days=5))
    assert SupervisionNotice.objects.get().status == "replied"


def test_a_closed_notice_is_never_marked_overdue_or_escalated(replied, office_clerk):
    services.close_notice(office_clerk, replied)
    for days in (1, 30, 365):
        tick(replied.reply_deadline + datetime.timedelta(days=days))
    assert SupervisionNotice.objects.get().status == "closed"
    assert not Notification.objects.filter(title__contains="逾期未回复").exists()


def test_a_returned_notice_turns_overdue_again_after_its_new_deadline(replied, office_clerk):
    tick(replied.reply_deadline + datetime.timedelta(days=1))
    services.return_reply(
        office_clerk, replied, "回复不具体。", reply_deadline=D(2024, 4, 19), today=D(2024, 4, 12)
    )
    tick(D(2024, 4, 19))
    assert SupervisionNotice.objects.get().status == "issued"
    tick(D(2024, 4, 20))
    assert SupervisionNotice.objects.get().status == "overdue"
    told = Notification.objects.filter(recipient=office_clerk, title__contains="逾期未回复")
    assert told.count() == 1


def test_each_run_is_recorded_with_its_summary(tracked):
    out = tick(D(2024, 5, 6))
    run = TickRun.objects.get()
    assert run.day == D(2024, 5, 6) and run.finished_at is not None
    # 陈法官 for the court's measure; 周书记 for it and for the problem's other, overdue one.
    assert run.summary["red"] == 4 and run.summary["reminders"] == 3
    assert out.count("\n") == 1
    assert "2024-05-06 每日任务完成" in out and "催办 3 人次" in out


def test_skip_if_done_skips_a_day_already_done(tracked):
    tick(D(2024, 5, 6))
    out = StringIO()
    call_command("tick", today=D(2024, 5, 6), skip_if_done=True, stdout=out)
    assert "跳过" in out.getvalue()
    assert TickRun.objects.count() == 1


@pytest.mark.parametrize("value", ["2024-13-01", "明天", ""])
def test_a_bad_date_is_refused_in_chinese(db, value):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("tick", "--today", value)


def test_a_broken_mail_server_does_not_stop_the_tick(tracked, settings, caplog):
    settings.MAILERS = {"default": {"OPTIONS": {"host": "127.0.0.1", "port": 1, "timeout": 1}}}
    summary = daily.run(D(2024, 5, 6))
    assert summary.reminders == 3 and summary.emails == 0
    assert not Reminder.objects.filter(emailed=True).exists()
    assert "无法连接邮件服务器" in caplog.text
