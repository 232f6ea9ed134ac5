"""Two people edit the same item: every edit names the version it was made on, and the later
of two edits made on one version is refused with who changed what since, so that nobody
overwrites another's work without seeing it."""

import datetime

import pytest

from zhenggai.carryout import services as carryout
from zhenggai.ledger import services
from zhenggai.ledger.models import Event, InspectionRound, Measure, Problem
from zhenggai.ledger.versions import StaleEdit


@pytest.fixture
def measure(demo_round):
    return demo_round["problems"]["court"].measures.get(number=1)


def test_an_edit_on_the_current_version_moves_it_on(measure, office_clerk):
    services.update_measure(office_clerk, measure, deliverable="审判管理通报", version=1)

    assert Measure.objects.get(pk=measure.pk).version == 2
    assert Event.objects.get(kind=Event.Kind.MEASURE_UPDATED).version == 2


def test_a_second_edit_on_the_same_version_is_refused_with_who_changed_what(
    measure, office_clerk, colleague
):
    services.update_measure(
        office_clerk, Measure.objects.get(pk=measure.pk), deliverable="审判管理通报", version=1
    )

    with pytest.raises(StaleEdit) as refused:
        services.update_measure(colleague, measure, text="另起炉灶", version=1)

    error = refused.value
    assert error.message == "您打开这个措施之后，王文书修改了它，您的修改没有保存。"
    [change] = error.changes
    assert (change.actor, change.event, change.version) == ("王文书", "修改措施", 2)
    assert [(f.label, f.after) for f in change.fields] == [("成果形式", "审判管理通报")]
    saved = Measure.objects.get(pk=measure.pk)
    assert (saved.text, saved.version) == (measure.text, 2)
    assert Event.objects.filter(kind=Event.Kind.MEASURE_UPDATED).count() == 1


def test_a_refusal_shows_values_as_people_read_them(measure, office_clerk):
    services.update_measure(
        office_clerk, measure, kind="immediate", deadline=datetime.date(2024, 1, 31), version=1
    )

    with pytest.raises(StaleEdit) as refused:
        services.update_measure(office_clerk, measure, text="晚了一步", version=1)

    fields = {f.label: (f.before, f.after) for f in refused.value.changes[0].fields}
    assert fields == {"类型": ("限期整改", "立行立改"), "完成时限": ("2023-12-31", "2024-01-31")}


def test_an_edit_that_changes_nothing_keeps_the_version(measure, office_clerk, colleague):
    services.update_measure(office_clerk, measure, text=measure.text, version=1)
    services.update_measure(colleague, measure, deliverable="整改台账", version=1)

    assert Measure.objects.get(pk=measure.pk).version == 2


def test_a_report_that_moves_the_status_makes_a_new_version(measure, court_reporter, leader):
    carryout.submit_report(
        court_reporter,
        measure,
        as_of=datetime.date(2023, 10, 9),
        text="已制定学习计划。",
        status="in_progress",
    )

    with pytest.raises(StaleEdit) as refused:
        services.update_measure(leader, measure, status="not_started", version=1)

    [change] = refused.value.changes
    assert (change.actor, change.event) == ("陈法官", "提交进展")
    assert [(f.label, f.after) for f in change.fields] == [("整改状态", "整改中")]
    assert Measure.objects.get(pk=measure.pk).status == "in_progress"


def test_a_report_that_keeps_the_status_keeps_the_version(measure, court_reporter):
    for day in (9, 16):
        carryout.submit_report(
            court_reporter,
            measure,
            as_of=datetime.date(2023, 10, day),
            text="按计划推进。",
            status="in_progress",
        )

    assert Measure.objects.get(pk=measure.pk).version == 2


def test_problems_and_rounds_refuse_stale_edits_too(demo_round, office_clerk, leader):
    problem = demo_round["problems"]["police"]
    services.update_problem(leader, problem, is_key=True, version=1)
    with pytest.raises(StaleEdit) as refused:
        services.update_problem(office_clerk, problem, text="问题重述。", version=1)
    assert refused.value.changes[0].fields[0].label == "重点问题"
    assert refused.value.changes[0].fields[0].after == "是"
    assert Problem.objects.get(pk=problem.pk).text != "问题重述。"

    round_ = demo_round["round"]
    services.update_round(leader, round_, rhythm_days=14, version=1)
    with pytest.raises(StaleEdit) as refused:
        services.update_round(office_clerk, round_, rhythm_days=10, version=1)
    assert "周书记" in refused.value.message
    assert InspectionRound.objects.get(pk=round_.pk).rhythm_days == 14


def test_a_version_from_nowhere_is_refused_with_the_current_one(measure, office_clerk):
    with pytest.raises(StaleEdit) as refused:
        services.update_measure(office_clerk, measure, text="新措施", version=42)

    assert refused.value.changes == []
    assert refused.value.message == (
        "这个措施已经不是您打开时的版本（第 42 版，现为第 1 版），您的修改没有保存。"
    )


def test_no_version_overwrites_whatever_is_there(measure, office_clerk, colleague):
    services.update_measure(office_clerk, measure, deliverable="审判管理通报", version=1)
    services.update_measure(colleague, measure, deliverable="整改台账", version=None)

    saved = Measure.objects.get(pk=measure.pk)
    assert (saved.deliverable, saved.version) == ("整改台账", 3)
