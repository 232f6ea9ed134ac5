"""The dashboard across every round the user may see."""

from django.urls import reverse

from tests.dashboard.conftest import figures_table, ledger_count, ledger_links, page, tile
from tests.factories import CategoryFactory, MeasureFactory, ProblemFactory, RoundFactory


def test_it_adds_up_the_rounds_and_lists_each(client, known_round, units, office_clerk):
    second = RoundFactory(office=units["committee"], name="市委第二巡察组反馈意见整改")
    problem = ProblemFactory(category=CategoryFactory(round=second), lead_unit=units["police"])
    MeasureFactory(problem=problem, lead_unit=units["station"], status="in_progress")
    client.force_login(office_clerk)
    response = client.get(reverse("dashboard:dashboard"))
    assert tile(response, "total") == 8
    assert tile(response, "problems") == 5
    rounds = figures_table(response, "rounds")
    assert rounds["省委第五巡视组反馈意见整改"][0] == 7
    assert rounds["市委第二巡察组反馈意见整改"][0] == 1


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
    second = RoundFactory(office=units["committee"], name="市委第二巡察组反馈意见整改")
    problem = ProblemFactory(category=CategoryFactory(round=second), lead_unit=units["police"])
    MeasureFactory(problem=problem, lead_unit=units["station"], status="in_progress")
    client.force_login(office_clerk)
    url = reverse("dashboard:dashboard")

    by_unit = figures_table(client.get(url), "units")
    assert by_unit["临江市中级人民法院"][0] == 4
    assert by_unit["临江市公安局"][0] == 4  # three in the first round, one in the second
    drilled = figures_table(client.get(url, {"unit": units["police"].pk}), "units")
    assert drilled["临江市公安局（合计）"][0] == 4
    assert drilled["江北派出所"][0] == 3  # m4 and m7 of the first round, one of the second
