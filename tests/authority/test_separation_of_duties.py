"""Whoever did the work does not close it: the reporter of a measure's latest progress never
verifies it, a verifier sits outside the responsible units unless it belongs to the round's
verification group (核查组), which may close any unit's measure, the committee's own
included; the verify page says beforehand who may verify and why this user may not."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tests.carryout.conftest import report, verify
from tests.factories import MeasureFactory, UserFactory
from zhenggai.ledger.models import Measure
from zhenggai.rules.closeout import REPORTED_IT, SAME_UNIT


@pytest.fixture
def committee_measure(demo_round, units, leader):
    """A measure the committee leads itself, reported done by its secretary."""
    measure = MeasureFactory(
        problem=demo_round["problems"]["court"], number=5, lead_unit=units["committee"]
    )
    report(leader, measure, status="done_pending")
    return measure


def status_of(measure) -> str:
    return Measure.objects.get(pk=measure.pk).status


def test_the_office_may_not_close_the_committees_own_measure(committee_measure, office_clerk):
    with pytest.raises(ValidationError) as refused:
        verify(office_clerk, committee_measure)
    assert refused.value.messages == [SAME_UNIT]
    assert status_of(committee_measure) == "done_pending"


def test_the_verification_group_closes_the_committees_own_measure(committee_measure, verifier):
    verification = verify(verifier, committee_measure)
    assert status_of(committee_measure) == "closed"
    assert verification.verifier == verifier


def test_the_office_may_not_report_a_units_work_done_and_then_close_it(demo_round, office_clerk):
    measure = demo_round["problems"]["court"].measures.get(number=1)
    report(office_clerk, measure, status="done_pending")
    with pytest.raises(ValidationError) as refused:
        verify(office_clerk, measure)
    assert refused.value.messages == [REPORTED_IT]
    assert status_of(measure) == "done_pending"


def test_the_group_closes_what_the_office_reported(demo_round, office_clerk, verifier):
    measure = demo_round["problems"]["court"].measures.get(number=1)
    report(office_clerk, measure, status="done_pending")
    verify(verifier, measure)
    assert status_of(measure) == "closed"


def test_a_system_administrator_closes_nothing(demo_round, court_reporter):
    measure = demo_round["problems"]["court"].measures.get(number=1)
    report(court_reporter, measure, status="done_pending")
    root = UserFactory(username="root", is_staff=True, is_superuser=True)
    with pytest.raises(PermissionDenied, match="只有本轮整改办或核查组可以核查销号。"):
        verify(root, measure)


def test_the_api_lets_the_group_close_the_committees_measure(
    api_as, committee_measure, verifier, office_clerk
):
    url = f"/api/measures/{committee_measure.pk}/verifications"
    form = {
        "methods": ["document_review", "on_site"],
        "verified_on": "2023-10-23",
        "findings": "查阅会议记录，实地查看。",
        "result": "pass",
    }
    refused = api_as(office_clerk).client.post(url, form)
    assert refused.status_code == 422
    assert refused.json()["errors"]["__all__"] == [SAME_UNIT]
    assert api_as(verifier).client.post(url, form).status_code == 201
    assert status_of(committee_measure) == "closed"


# The verify page


def test_the_verify_page_says_who_may_close_and_why_this_user_may_not(
    client, committee_measure, office_clerk, verifier
):
    client.force_login(office_clerk)
    response = client.get(reverse("carryout:measure_verify", args=[committee_measure.pk]))
    assert response.status_code == 403
    page = response.content.decode()
    assert "谁可以核查销号" in page
    assert "市纪委监委核查组（郑核查员），可核查任何单位的措施" in page
    assert SAME_UNIT in page
    assert "提交核查结论" not in page


def test_the_verify_page_offers_the_form_to_the_group(client, committee_measure, verifier):
    client.force_login(verifier)
    response = client.get(reverse("carryout:measure_verify", args=[committee_measure.pk]))
    assert response.status_code == 200
    assert "提交核查结论" in response.content.decode()


def test_the_verify_page_refuses_the_reporter_of_the_latest_progress(
    client, demo_round, office_clerk
):
    measure = demo_round["problems"]["court"].measures.get(number=1)
    report(office_clerk, measure, status="done_pending")
    client.force_login(office_clerk)
    response = client.get(reverse("carryout:measure_verify", args=[measure.pk]))
    assert response.status_code == 403
    assert REPORTED_IT in response.content.decode()
