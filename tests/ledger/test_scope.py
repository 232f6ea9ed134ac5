"""What each named user sees of the demo round (policy.visible_to)."""

from zhenggai.ledger import policy
from zhenggai.ledger.models import Measure, Problem


def _lead_unit_names(queryset):
    return sorted({m.lead_unit.name for m in queryset.select_related("lead_unit")})


def test_the_office_sees_every_measure_of_its_round(demo_round, office_clerk):
    assert Measure.objects.visible_to(office_clerk).count() == 4


def test_the_court_sees_its_own_and_its_tribunals_measures(demo_round, court_reporter):
    visible = Measure.objects.visible_to(court_reporter)
    assert _lead_unit_names(visible) == sorted(["城东人民法庭", "临江市中级人民法院"])


def test_a_tribunal_sees_only_its_own_measures(demo_round, tribunal_reporter):
    assert _lead_unit_names(Measure.objects.visible_to(tribunal_reporter)) == ["城东人民法庭"]


def test_the_police_see_a_court_measure_they_cooperate_on(demo_round, police_reporter):
    visible = Measure.objects.visible_to(police_reporter)
    assert demo_round["shared"] in visible
    assert visible.count() == 2


def test_the_police_see_the_court_problem_they_cooperate_on_but_not_the_tribunals(
    demo_round, police_reporter
):
    problems = Problem.objects.visible_to(police_reporter)
    assert demo_round["problems"]["court"] in problems
    assert demo_round["problems"]["tribunal"] not in problems


def test_a_user_without_a_unit_sees_nothing(demo_round, outsider):
    assert not Measure.objects.visible_to(outsider).exists()
    assert not Problem.objects.visible_to(outsider).exists()
    assert not policy.rounds_visible_to(outsider).exists()


def test_a_unit_sees_the_round_it_works_on(demo_round, tribunal_reporter):
    assert list(policy.rounds_visible_to(tribunal_reporter)) == [demo_round["round"]]


def test_scoping_is_one_query_whatever_the_unit(
    demo_round, court_reporter, django_assert_num_queries
):
    policy.actor_of(court_reporter)
    with django_assert_num_queries(1):
        list(Measure.objects.visible_to(court_reporter))
