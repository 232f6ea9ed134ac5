"""The verify page says, before any typing, who may close the measure and, for a user who may
not, why, in the words of that user's case: a unit's reporter, a measure not yet reported
done, whoever reported its latest progress, the office inside the responsible units, an office
login without a unit, a verification group member who reports for the unit. The one who may
gets the form."""

import pytest
from django.urls import reverse

from tests.carryout.conftest import report
from tests.factories import MeasureFactory, UserFactory, VerificationGroupFactory, grant
from zhenggai.authority.models import Role
from zhenggai.rules.closeout import NO_UNIT, REPORTED_IT, REPORTS_FOR, SAME_UNIT

FORM = "提交核查结论"


@pytest.fixture
def measures(demo_round, units, leader, court_reporter):
    """The court's measure reported done by the court, the committee's by its secretary,
    the court's second one still in progress."""
    court = demo_round["problems"]["court"].measures.get(number=1)
    report(court_reporter, court, status="done_pending")
    committee = MeasureFactory(
        problem=demo_round["problems"]["court"], number=5, lead_unit=units["committee"]
    )
    report(leader, committee, status="done_pending")
    return {
        "court": court,
        "committee": committee,
        "open": MeasureFactory(
            problem=demo_round["problems"]["court"], number=6, lead_unit=units["court"]
        ),
    }


def fixture(name):
    return lambda request, units, measure: request.getfixturevalue(name)


def office_reported_it(request, units, measure):
    clerk = request.getfixturevalue("office_clerk")
    report(clerk, measure, status="done_pending")
    return clerk


def unitless_clerk(request, units, measure):
    user = UserFactory(username="clerk-without-person")
    grant(user, Role.OFFICE, units["office"])
    return user


def court_reporter_in_the_group(request, units, measure):
    user = UserFactory(username="court-inspector")
    grant(user, Role.REPORTER, units["court"])
    VerificationGroupFactory(round=measure.round, name="督查室", members=[user])
    return user


CASES = {
    "reporter": (fixture("court_reporter"), "court", "只有本轮整改办或核查组可以核查销号。"),
    "not_done": (fixture("office_clerk"), "open", "只有“已完成待核查”的措施可以核查。"),
    "reported_it": (office_reported_it, "open", REPORTED_IT),
    "same_unit": (fixture("office_clerk"), "committee", SAME_UNIT),
    "no_unit": (unitless_clerk, "court", NO_UNIT),
    "reports_for": (court_reporter_in_the_group, "court", REPORTS_FOR),
}


@pytest.mark.parametrize("case", CASES)
def test_a_user_who_may_not_is_told_why_and_who_may(client, request, measures, units, case):
    who, which, reason = CASES[case]
    measure = measures[which]
    client.force_login(who(request, units, measure))
    response = client.get(reverse("carryout:measure_verify", args=[measure.pk]))
    assert response.status_code == 403
    page = response.content.decode()
    assert reason in page
    assert "谁可以核查销号" in page
    assert f"本轮整改办中不属于牵头单位（{measure.lead_unit.name}）" in page
    assert "报送该措施最近一次进展的人、牵头单位和配合单位的填报人不能核查" in page
    assert FORM not in page


def test_without_a_group_the_page_says_one_is_needed(client, measures, office_clerk):
    client.force_login(office_clerk)
    page = client.get(
        reverse("carryout:measure_verify", args=[measures["committee"].pk])
    ).content.decode()
    assert "本轮尚未设立核查组" in page and SAME_UNIT in page


def test_the_group_is_named_with_its_members_and_may_verify(client, measures, demo_round, units):
    inspector = UserFactory(username="jiwei")
    VerificationGroupFactory(
        round=demo_round["round"], name="市纪委监委核查组", members=[inspector]
    )
    client.force_login(inspector)
    response = client.get(reverse("carryout:measure_verify", args=[measures["committee"].pk]))
    page = response.content.decode()
    assert response.status_code == 200 and FORM in page
    assert "市纪委监委核查组（jiwei），可核查任何单位的措施" in page
    assert "本轮尚未设立核查组" not in page
