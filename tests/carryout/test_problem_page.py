"""The problem page shows, in each measure's card, the latest report with its evidence and the
buttons each user may press; below the measures, the problem's own check and reopenings."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.carryout.conftest import close, report, verify
from tests.carryout.samples import upload
from tests.factories import MeasureFactory
from zhenggai.carryout import services
from zhenggai.ledger.models import Problem


def page(client, user, problem) -> str:
    client.force_login(user)
    response = client.get(reverse("ledger:problem_detail", args=[problem.pk]))
    assert response.status_code == 200
    return response.content.decode()


def card(html: str, measure) -> str:
    start = html.index(f'id="measure-{measure.pk}"')
    return html[start : html.index("</article>", start)]


def test_a_card_shows_the_latest_report_with_its_evidence(
    client, demo_round, measures, court_reporter
):
    report(court_reporter, measures["court"], text="第一次报送。")
    report(
        court_reporter,
        measures["court"],
        text="已完成专题学习计划。",
        percent=60,
        files=[upload("学习计划.pdf")],
    )

    html = card(page(client, court_reporter, demo_round["problems"]["court"]), measures["court"])
    assert "最新进展：截至 2023-10-20 · 整改中 · 完成 60% · 陈法官" in html
    assert "已完成专题学习计划。" in html and "第一次报送" not in html
    assert "附件：学习计划.pdf" in html
    assert "进展记录（2）" in html


def test_the_lead_unit_sees_report_but_not_verify(client, demo_round, measures, court_reporter):
    html = card(page(client, court_reporter, demo_round["problems"]["court"]), measures["court"])
    assert "报送进展" in html and "核查</a>" not in html and "尚未报送进展" in html


def test_the_office_sees_verify_once_the_measure_waits_for_it(
    client, demo_round, measures, court_reporter, office_clerk
):
    report(court_reporter, measures["court"], status="done_pending")

    html = card(page(client, office_clerk, demo_round["problems"]["court"]), measures["court"])
    assert reverse("carryout:measure_verify", args=[measures["court"].pk]) in html


def test_a_returned_measure_shows_why(client, demo_round, measures, court_reporter, office_clerk):
    report(court_reporter, measures["court"], status="done_pending")
    verify(office_clerk, measures["court"], result="fail", findings="缺少签到表。")

    html = card(page(client, court_reporter, demo_round["problems"]["court"]), measures["court"])
    assert "核查退回" in html and "缺少签到表。" in html


def test_a_closed_measure_shows_how_it_was_verified_and_offers_reopening_to_the_office(
    client, demo_round, measures, court_reporter, office_clerk
):
    close(measures["tribunal"], court_reporter, office_clerk)

    html = page(client, office_clerk, demo_round["problems"]["tribunal"])
    assert "经查阅资料、实地核查，核查通过，2023-10-23 销号" in card(html, measures["tribunal"])
    assert "重新打开</a>" in card(html, measures["tribunal"])
    assert "问题于 2023-10-23 销号" in html
    assert reverse("carryout:problem_verify", args=[demo_round["problems"]["tribunal"].pk]) in html


def test_the_problem_panel_shows_the_last_rebound(
    client, demo_round, measures, court_reporter, office_clerk
):
    close(measures["tribunal"], court_reporter, office_clerk)
    problem = Problem.objects.get(pk=demo_round["problems"]["tribunal"].pk)
    services.reopen_problem(office_clerk, problem, "群众再次反映立案难。", is_rebound=True)

    html = page(client, office_clerk, problem)
    assert "最近一次变异反弹：群众再次反映立案难。（原销号日期 2023-10-23）" in html
    assert reverse("carryout:problem_history", args=[problem.pk]) in html


def test_the_timeline_tells_who_did_what_to_which_measure(
    client, demo_round, measures, court_reporter, office_clerk
):
    report(court_reporter, measures["court"], status="done_pending")
    verify(office_clerk, measures["court"], result="fail", findings="缺少签到表。")

    html = page(client, office_clerk, demo_round["problems"]["court"])
    timeline = html[html.index('id="timeline"') :]
    assert "陈法官 提交进展 措施 1-1.1" in timeline
    assert "王文书 核查未通过（退回） 措施 1-1.1：缺少签到表。" in timeline


def queries(client, problem) -> list[str]:
    with CaptureQueriesContext(connection) as context:
        response = client.get(reverse("ledger:problem_detail", args=[problem.pk]))
    assert response.status_code == 200
    return [query["sql"] for query in context.captured_queries]


def carry_out(sqls: list[str]) -> list[str]:
    return [sql for sql in sqls if "carryout_" in sql]


def add_reported_measures(problem, units, reporter, verifier, numbers):
    for number in numbers:
        measure = MeasureFactory(
            problem=problem,
            number=number,
            lead_unit=units["court"],
            cooperating_units=[units["station"], units["tribunal"]],
        )
        report(reporter, measure, files=[upload("a.pdf"), upload("b.pdf")])
        report(reporter, measure, status="done_pending")
        if number % 2:
            verify(verifier, measure, result="fail", findings="材料不全。")


def test_the_page_asks_nothing_about_carry_out_while_nothing_is_reported(
    client, demo_round, office_clerk
):
    client.force_login(office_clerk)
    assert carry_out(queries(client, demo_round["problems"]["court"])) == []


def test_one_query_brings_every_report_check_and_file_and_the_count_stays_flat(
    client, demo_round, units, court_reporter, office_clerk
):
    problem = demo_round["problems"]["court"]
    client.force_login(office_clerk)
    add_reported_measures(problem, units, court_reporter, office_clerk, range(3, 5))
    few = queries(client, problem)
    add_reported_measures(problem, units, court_reporter, office_clerk, range(5, 30))
    many = queries(client, problem)

    assert len(carry_out(many)) == 1
    assert len(many) == len(few)
    page = client.get(reverse("ledger:problem_detail", args=[problem.pk])).content.decode()
    assert page.count("最新进展") == 27
