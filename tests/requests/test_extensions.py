"""The lead unit asks to move a deadline with a reason; the office approves or refuses with a
reason. The committed deadline stays on the measure beside the approved one, lights and
overdue counts follow the approved date, everything is on the timeline and the people
concerned are told."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.conftest import LOCAL_DAY
from tests.factories import MeasureFactory, PersonFactory, UserFactory, grant
from tests.requests.conftest import ask, in_days
from zhenggai.authority.models import Role
from zhenggai.ledger.models import Event, Measure
from zhenggai.ledger.versions import StaleEdit
from zhenggai.requests import services
from zhenggai.requests.models import ExtensionRequest
from zhenggai.supervision.models import Notification

COMMITTED = datetime.date(2023, 12, 31)


def test_the_lead_unit_asks_and_the_measure_does_not_move_yet(measure, court_reporter):
    request = ask(court_reporter, measure, days=60)

    assert (request.status, request.current_deadline, request.new_deadline) == (
        "pending",
        COMMITTED,
        in_days(60),
    )
    saved = Measure.objects.get(pk=measure.pk)
    assert (saved.deadline, saved.original_deadline, saved.version) == (COMMITTED, None, 1)
    event = Event.objects.get(kind=Event.Kind.EXTENSION_ASKED)
    assert event.measure == measure and event.actor == court_reporter and event.version is None
    assert event.changes["asked_deadline"] == ["2023-12-31", in_days(60).isoformat()]
    assert event.changes["reason"][1] == "需协调市财政追加经费，原定时限内无法完成。"


def test_the_office_is_told_of_a_request(measure, court_reporter, office_clerk, leader):
    request = ask(court_reporter, measure)

    notice = Notification.objects.get(recipient=office_clerk)
    assert notice.title == "延期申请：措施 1-1.1（临江市中级人民法院）"
    assert "陈法官申请将完成时限由 2023-12-31 延至" in notice.body
    assert notice.link == f"/extensions/{request.pk}/"
    assert not Notification.objects.filter(recipient__in=[leader, court_reporter]).exists()


def test_an_approval_moves_the_deadline_and_keeps_the_committed_one(
    measure, court_reporter, office_clerk
):
    request = ask(court_reporter, measure, days=60)

    services.approve(office_clerk, request, version=1, note="同意，请抓紧推进。")

    saved = Measure.objects.get(pk=measure.pk)
    assert (saved.deadline, saved.original_deadline, saved.version) == (in_days(60), COMMITTED, 2)
    assert saved.light == "green"
    request.refresh_from_db()
    assert (request.status, request.decided_by, request.decision_note) == (
        "approved",
        office_clerk,
        "同意，请抓紧推进。",
    )
    event = Event.objects.get(kind=Event.Kind.EXTENSION_APPROVED)
    assert event.version == 2
    assert event.changes["deadline"] == ["2023-12-31", in_days(60).isoformat()]
    assert event.changes["original_deadline"] == [None, "2023-12-31"]
    assert event.changes["request"] == [None, request.pk]


def test_a_second_extension_keeps_the_first_committed_deadline(
    measure, court_reporter, office_clerk
):
    services.approve(office_clerk, ask(court_reporter, measure, days=30), version=1)
    services.approve(office_clerk, ask(court_reporter, measure, days=90), version=2)

    saved = Measure.objects.get(pk=measure.pk)
    assert (saved.deadline, saved.original_deadline) == (in_days(90), COMMITTED)


def test_the_unit_is_told_of_the_decision(measure, court_reporter, tribunal_reporter, office_clerk):
    request = ask(court_reporter, measure)
    services.refuse(office_clerk, request, note="经费已落实，不予延期。")

    notice = Notification.objects.get(recipient=court_reporter)
    assert notice.title == "延期申请：措施 1-1.1（临江市中级人民法院） 不予批准"
    assert notice.body == "王文书不予批准。意见：经费已落实，不予延期。"
    assert not Notification.objects.filter(recipient=tribunal_reporter).exists()


def test_a_refusal_needs_a_reason_and_leaves_the_measure_alone(
    measure, court_reporter, office_clerk
):
    request = ask(court_reporter, measure)
    with pytest.raises(ValidationError) as refused:
        services.refuse(office_clerk, request, note="   ")
    assert refused.value.message_dict == {"note": ["请填写不予批准的理由。"]}

    services.refuse(office_clerk, request, note="经费已落实，不予延期。")
    event = Event.objects.get(kind=Event.Kind.EXTENSION_REFUSED)
    assert event.changes["reason"] == [None, "经费已落实，不予延期。"]
    assert Measure.objects.get(pk=measure.pk).deadline == COMMITTED


def test_one_open_request_per_measure(measure, court_reporter, office_clerk):
    first = ask(court_reporter, measure)
    with pytest.raises(ValidationError) as refused:
        ask(court_reporter, measure, days=90)
    assert refused.value.messages == ["该措施已有一份待审批的延期申请，请等待整改办审批或先撤回。"]

    services.refuse(office_clerk, first, note="不同意。")
    assert ask(court_reporter, measure, days=90).new_deadline == in_days(90)


def test_the_unit_may_withdraw_its_open_request(measure, court_reporter, office_clerk):
    request = ask(court_reporter, measure)
    services.withdraw(court_reporter, request)

    assert ExtensionRequest.objects.get().status == "withdrawn"
    assert Event.objects.filter(kind=Event.Kind.EXTENSION_WITHDRAWN).exists()
    with pytest.raises(PermissionDenied) as refused:
        services.approve(office_clerk, request, version=1)
    assert str(refused.value) == "该延期申请已撤回，不能再审批。"


@pytest.mark.parametrize(
    ("who", "reason"),
    [
        ("police_reporter", "只有该措施牵头单位的填报人可以提出延期申请。"),
        ("office_clerk", "只有该措施牵头单位的填报人可以提出延期申请。"),
    ],
)
def test_only_the_lead_unit_asks(request, measure, who, reason):
    with pytest.raises(PermissionDenied) as refused:
        ask(request.getfixturevalue(who), measure)
    assert str(refused.value) == reason


def test_only_the_office_decides_and_not_on_its_own_request(
    measures, court_reporter, office_clerk, leader
):
    request = ask(court_reporter, measures["court"])
    with pytest.raises(PermissionDenied) as refused:
        services.approve(court_reporter, request, version=1)
    assert str(refused.value) == "只有本轮整改办或审批领导可以审批延期申请。"

    services.approve(leader, request, version=1)
    assert Measure.objects.get(pk=request.measure_id).deadline == request.new_deadline


def test_nobody_decides_on_their_own_request(units, demo_round, office_clerk, leader):
    """The clerk also reports for the committee, which leads a measure of its own."""
    grant(office_clerk, Role.REPORTER, units["committee"])
    own = MeasureFactory(
        problem=demo_round["problems"]["court"], number=3, lead_unit=units["committee"]
    )
    request = ask(office_clerk, own)
    with pytest.raises(PermissionDenied) as refused:
        services.approve(office_clerk, request, version=1)
    assert str(refused.value) == "不能审批自己提出的延期申请，请由整改办其他同志审批。"
    services.approve(leader, request, version=1)


def test_the_rounds_approving_leader_decides_too(measure, units, court_reporter):
    secretary = UserFactory(username="secretary")
    PersonFactory(unit=units["committee"], user=secretary, name="吴副书记", is_leader=True)
    grant(secretary, Role.LEADER, units["committee"])
    request = ask(court_reporter, measure)

    services.refuse(secretary, request, note="请按原时限完成。")
    assert ExtensionRequest.objects.get().decided_by == secretary


def test_a_closed_or_ongoing_measure_is_not_extended(measure, court_reporter):
    Measure.objects.filter(pk=measure.pk).update(status="closed")
    with pytest.raises(PermissionDenied) as refused:
        ask(court_reporter, Measure.objects.get(pk=measure.pk))
    assert "已销号" in str(refused.value)

    Measure.objects.filter(pk=measure.pk).update(
        status="in_progress", kind="ongoing", deadline=None
    )
    with pytest.raises(PermissionDenied) as refused:
        ask(court_reporter, Measure.objects.get(pk=measure.pk))
    assert str(refused.value) == "该措施没有完成时限（长期坚持），无需申请延期。"


def test_an_approval_on_a_measure_changed_since_is_refused_as_stale(
    measure, court_reporter, office_clerk, leader
):
    from zhenggai.ledger import services as ledger

    request = ask(court_reporter, measure)
    ledger.update_measure(office_clerk, measure, deliverable="专题学习记录", version=1)

    with pytest.raises(StaleEdit) as refused:
        services.approve(leader, request, version=1)

    assert refused.value.changes[0].actor == "王文书"
    assert ExtensionRequest.objects.get().status == "pending"
    assert Measure.objects.get(pk=measure.pk).deadline == COMMITTED
    services.approve(leader, request, version=2)
    assert ExtensionRequest.objects.get().status == "approved"


def test_today_is_the_local_day_early_and_late_in_it(measure, court_reporter, edge_of_the_day):
    with pytest.raises(ValidationError) as refused:
        ask(court_reporter, measure, days=-1)
    assert refused.value.message_dict == {
        "new_deadline": ["新的完成时限不能早于今天（2026-12-07）。"]
    }
    assert ask(court_reporter, measure, days=0).new_deadline == LOCAL_DAY
