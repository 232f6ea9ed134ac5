"""The dashboard across every round the user may see."""

from django.urls import reverse

from tests.dashboard.conftest import (
    days_ago,
    figures_table,
    ledger_count,
    ledger_links,
    page,
    tile,
)
from tests.factories import CategoryFactory, MeasureFactory, ProblemFactory, RoundFactory

SECOND_ROUND = "市委第二巡察组反馈意见整改"


def second_round(units, **fields):
    """A second round of the same office, and a problem of it that the police lead."""
    round_ = RoundFactory(office=units["committee"], name=SECOND_ROUND, **fields)
    problem = ProblemFactory(category=CategoryFactory(round=round_), lead_unit=units["police"])
    return round_, problem


def test_it_adds_up_the_rounds_and_lists_each(client, known_round, units, office_clerk):
    _, problem = second_round(units)
    MeasureFactory(problem=problem, lead_unit=units["station"], status="in_progress")
    client.force_login(office_clerk)
    response = client.get(reverse("dashboard:dashboard"))
    assert tile(response, "total") == 8
    assert tile(response, "problems") == 5
    rounds = figures_table(response, "rounds")
    assert rounds["省委第五巡视组反馈意见整改"][0] == 7
    assert rounds[SECOND_ROUND][0] == 1


def test_across_rounds_the_tiles_point_to_the_table_of_rounds(client, known_round, office_clerk):
    client.force_login(office_clerk)
    doc = page(client.get(reverse("dashboard:dashboard")))
    assert doc.xpath('//a[@id="tile-overdue"]/@href') == ["#rounds"]


def test_each_round_s_figures_list_exactly_their_items(client, known_round, court_reporter):
    client.force_login(court_reporter)
    links = ledger_links(client.get(reverse("dashboard:dashboard")))
    assert len(links) > 10
    assert {href: shown for href, shown in links} == {
        href: ledger_count(client.get(href)) for href, _ in links
    }


def test_pressure_by_level_adds_up_across_rounds(client, known_round, office_clerk):
    client.force_login(office_clerk)
    levels = figures_table(client.get(reverse("dashboard:dashboard")), "levels")
    assert levels == {
        "第2级": [3, 3, 100, 0, 0, 2, 66.7],
        "第3级": [4, 3, 75, 3, 75, 2, 50],
    }


def test_units_add_up_their_measures_of_every_round_and_drill_down(
    client, known_round, units, office_clerk
):
    _, problem = second_round(units)
    MeasureFactory(problem=problem, lead_unit=units["station"], status="in_progress")
    client.force_login(office_clerk)
    url = reverse("dashboard:dashboard")

    by_unit = figures_table(client.get(url), "units")
    assert by_unit["临江市中级人民法院"][0] == 4
    assert by_unit["临江市公安局"][0] == 4  # three in the first round, one in the second
    drilled = figures_table(client.get(url, {"unit": units["police"].pk}), "units")
    assert drilled["临江市公安局（合计）"][0] == 4
    assert drilled["江北派出所"][0] == 3  # m4 and m7 of the first round, one of the second


def test_the_burn_down_counts_each_round_from_its_own_feedback(
    client, known_round, units, office_clerk
):
    # A second round fed back 30 days ago: one measure still open, one closed 10 days ago.
    _, problem = second_round(units, feedback_date=days_ago(30))
    MeasureFactory(problem=problem, lead_unit=units["station"], status="in_progress")
    closed = {"status": "closed", "closed_on": days_ago(10)}
    MeasureFactory(problem=problem, number=2, lead_unit=units["police"], **closed)
    client.force_login(office_clerk)
    trend = figures_table(client.get(reverse("dashboard:dashboard")), "trend")
    # Weekly from 90 days ago, then today. The first round's seven from 90 days ago (m1
    # closed 20 days ago; m5, m6 and m7 this week); the second's two from 30 days ago, one
    # closed 10 days ago.
    assert list(trend.values()) == [[7]] * 9 + [[9]] + [[8]] * 2 + [[7]] + [[4]]


def test_silence_keeps_each_round_s_own_rhythm(client, known_round, units, office_clerk):
    # A report 10 days old: on time in the known round, whose rhythm is 30 days (there m2, m4
    # and m6 are silent), late in a second round that asks for one every 7 days.
    second, problem = second_round(units, rhythm_days=7, rhythm_days_after=7)
    for round_problem in (known_round["problems"][1], problem):
        MeasureFactory(
            problem=round_problem,
            number=9,
            lead_unit=units["station"],
            status="in_progress",
            last_reported_on=days_ago(10),
        )
    client.force_login(office_clerk)
    response = client.get(reverse("dashboard:dashboard"))
    assert tile(response, "silent") == 4
    silent = {
        href.split("/ledger/")[0]: shown
        for href, shown in ledger_links(response)
        if "flag=silent" in href
    }
    first, second_url = (f"/rounds/{r.pk}" for r in (known_round["round"], second))
    assert (silent[first], silent[second_url]) == (3, 1)
