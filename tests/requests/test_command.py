"""`zhenggai requests` lists the requests a user sees and lets the office decide one."""

import io

import pytest
from django.core.management import CommandError, call_command

from tests.factories import MeasureFactory
from tests.requests.conftest import ask, ask_change, in_days
from zhenggai.ledger.models import Measure


def run(*args) -> str:
    out = io.StringIO()
    call_command("requests", *args, stdout=out)
    return out.getvalue()


def test_it_lists_what_waits(measure, court_reporter, office_clerk):
    extension = ask(court_reporter, measure, days=30)
    change = ask_change(court_reporter, measure, text="按季度学习。")

    lines = run("--user", "office").splitlines()

    assert lines[-1] == "共 2 份申请，其中待审批 2 份（待本人审批 2 份）。"
    assert any(
        line.startswith(f"E{extension.pk}\t待审批\t1-1.1\t临江市中级人民法院\t陈法官")
        and f"延至 {in_days(30):%Y-%m-%d}（申请时 2023-12-31）" in line
        for line in lines
    )
    assert any(line.startswith(f"C{change.pk}\t") and "变更：整改措施" in line for line in lines)


def test_mine_lists_only_what_the_user_may_decide(units, measure, court_reporter, office_clerk):
    # The 整改办 asked about a measure it leads itself: not the clerk's to decide.
    own = ask(
        office_clerk, MeasureFactory(problem=measure.problem, number=3, lead_unit=units["office"])
    )
    extension = ask(court_reporter, measure, days=30)

    lines = run("--user", "office", "--mine").splitlines()

    assert [line.split("\t")[0] for line in lines[:-1]] == [f"E{extension.pk}"]
    everything = run("--user", "office")
    assert f"E{own.pk}" in everything
    # Two wait, one of them for the clerk; the court that asked decides neither.
    assert everything.splitlines()[-1] == "共 2 份申请，其中待审批 2 份（待本人审批 1 份）。"
    assert run("--user", "court").splitlines()[-1].endswith("（待本人审批 0 份）。")


def test_the_office_approves_and_refuses(measure, measures, court_reporter, office_clerk):
    extension = ask(court_reporter, measure, days=30)
    refused = ask(court_reporter, measures["shared"], days=30)

    assert run("--user", "office", "--approve", f"e{extension.pk}").startswith(
        f"E{extension.pk}：已批准。"
    )
    assert Measure.objects.get(pk=measure.pk).original_deadline.isoformat() == "2023-12-31"
    with pytest.raises(CommandError, match="请填写不予批准的理由。"):
        run("--user", "office", "--refuse", f"E{refused.pk}")
    run("--user", "office", "--refuse", f"E{refused.pk}", "--note", "不同意。")
    assert run("--user", "office").splitlines() == [
        "共 0 份申请，其中待审批 0 份（待本人审批 0 份）。"
    ]
    assert "共 2 份申请" in run("--user", "office", "--all")


def test_a_request_is_listed_with_the_local_day_it_was_asked(
    measure, court_reporter, office_clerk, edge_of_the_day
):
    extension = ask(court_reporter, measure, days=30)
    (line,) = [line for line in run("--user", "office").splitlines() if line[0] == "E"]
    assert line.startswith(
        f"E{extension.pk}\t待审批\t1-1.1\t临江市中级人民法院\t陈法官 2026-12-07\t"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--user", "nobody"], "没有找到启用的用户“nobody”。"),
        (["--user", "office", "--approve", "X1"], "申请编号“X1”不对"),
        (["--user", "office", "--round", "999999"], "没有找到编号为 999999 的轮次"),
        (
            ["--user", "court", "--approve", "E1"],
            "只有本轮整改办或审批领导可以审批延期申请。",
        ),
    ],
)
def test_mistakes_are_explained(measure, court_reporter, office_clerk, args, message):
    ask(court_reporter, measure)
    args = [a.replace("E1", f"E{measure.extensionrequests.get().pk}") for a in args]
    with pytest.raises(CommandError, match=message):
        run(*args)
