"""The lead unit asks to change its measure's text, kind or deliverable; the office sees the
measure now beside what is asked and decides; an approval is an edit of the measure recorded
with before and after."""

import pytest
from django.core.exceptions import ValidationError

from tests.requests.conftest import ask_change, in_days
from zhenggai.ledger.models import Event, Measure
from zhenggai.requests import services
from zhenggai.supervision.models import Notification

NEW_TEXT = "制定专题学习计划，每季度开展一次集中学习并考核。"


def test_a_change_is_asked_with_what_it_would_change(measure, court_reporter, office_clerk):
    request = ask_change(court_reporter, measure, text=NEW_TEXT, kind="ongoing")

    assert services.proposal(request) == {
        "text": [measure.text, NEW_TEXT],
        "kind": ["time_bound", "ongoing"],
    }
    event = Event.objects.get(kind=Event.Kind.CHANGE_ASKED)
    assert event.changes["proposed"][1] == services.proposal(request)
    assert Notification.objects.get(recipient=office_clerk).body.startswith(
        "陈法官申请变更整改措施、类型。"
    )
    assert Measure.objects.get(pk=measure.pk).text == measure.text


def test_an_approval_applies_it_through_the_ledger(measure, court_reporter, office_clerk):
    request = ask_change(court_reporter, measure, text=NEW_TEXT, deliverable="考核通报")

    services.approve(office_clerk, request, version=1)

    saved = Measure.objects.get(pk=measure.pk)
    assert (saved.text, saved.deliverable, saved.kind, saved.version) == (
        NEW_TEXT,
        "考核通报",
        "time_bound",
        2,
    )
    event = Event.objects.get(kind=Event.Kind.CHANGE_APPROVED)
    assert event.changes["text"] == [measure.text, NEW_TEXT]
    assert event.changes["deliverable"] == ["学习计划、会议记录", "考核通报"]
    assert event.actor == office_clerk and event.version == 2


def test_nothing_to_change_is_refused(measure, court_reporter):
    with pytest.raises(ValidationError) as refused:
        ask_change(court_reporter, measure)
    assert refused.value.messages == ["变更后的措施与现在完全相同，请修改要变更的内容。"]


def test_a_deadline_in_force_moves_only_by_extension(measure, court_reporter):
    with pytest.raises(ValidationError) as refused:
        ask_change(court_reporter, measure, text=NEW_TEXT, deadline=in_days(30))
    assert refused.value.message_dict == {
        "deadline": ["完成时限请通过延期申请调整，变更申请中不要填写。"]
    }


def test_an_ongoing_measure_made_time_bound_needs_a_deadline(measure, court_reporter, office_clerk):
    Measure.objects.filter(pk=measure.pk).update(kind="ongoing", deadline=None)
    measure = Measure.objects.get(pk=measure.pk)
    with pytest.raises(ValidationError) as refused:
        ask_change(court_reporter, measure, kind="time_bound")
    assert refused.value.message_dict == {
        "deadline": ["改为立行立改或限期整改的措施必须填写完成时限。"]
    }

    request = ask_change(court_reporter, measure, kind="time_bound", deadline=in_days(90))
    services.approve(office_clerk, request, version=1)
    saved = Measure.objects.get(pk=measure.pk)
    assert (saved.kind, saved.deadline, saved.original_deadline) == (
        "time_bound",
        in_days(90),
        None,
    )


def test_one_open_change_per_measure_beside_an_extension(measure, court_reporter):
    from tests.requests.conftest import ask

    ask_change(court_reporter, measure, text=NEW_TEXT)
    ask(court_reporter, measure)
    with pytest.raises(ValidationError) as refused:
        ask_change(court_reporter, measure, text="又一次变更。")
    assert refused.value.messages == ["该措施已有一份待审批的变更申请，请等待整改办审批或先撤回。"]
