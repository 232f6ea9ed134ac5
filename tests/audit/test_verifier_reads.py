"""The discipline inspectors who verify a round (its verification group, 核查组) read the
audit trail of that round's data, whoever changed it and however: the ledger's edits, the
units' reports, the tick. Not another round's, nor accounts, units and persons."""

import datetime

import pytest
from django.urls import reverse

from tests.carryout.conftest import AS_OF, report
from tests.factories import (
    MeasureFactory,
    PersonFactory,
    RoundFactory,
    UserFactory,
    VerificationGroupFactory,
)
from zhenggai.audit import context
from zhenggai.ledger import services

pytestmark = pytest.mark.django_db
URL = reverse("audit:entry_list")


@pytest.fixture
def inspector(demo_round):
    user = UserFactory(username="jiwei")
    VerificationGroupFactory(round=demo_round["round"], members=[user])
    return user


def as_web(user, action):
    token = context.set_source(context.Source("web", "10.0.0.9", user=user))
    try:
        return action()
    finally:
        context.reset_source(token)


def test_a_verifier_reads_the_entries_about_its_rounds_data(
    client, demo_round, inspector, office_clerk, court_reporter, units
):
    measure = demo_round["problems"]["court"].measures.get(number=1)
    as_web(
        office_clerk,
        lambda: services.update_measure(
            office_clerk, measure, version=measure.version, deadline=datetime.date(2031, 1, 15)
        ),
    )
    as_web(court_reporter, lambda: report(court_reporter, measure, text="法院报送的本轮进展"))
    elsewhere = MeasureFactory(round=RoundFactory(), deadline=datetime.date(2031, 2, 20))
    elsewhere.deliverable = "别的轮次的成果"
    elsewhere.save()
    PersonFactory(unit=units["station"], name="新来的民警")

    client.force_login(inspector)
    page = client.get(URL).content.decode()

    assert "2031-01-15" in page and "整改办" in page
    assert "法院报送的本轮进展" in page and str(AS_OF) in page
    assert "别的轮次的成果" not in page and "新来的民警" not in page
    assert 'href="/audit/"' in client.get("/").content.decode()


def test_a_verifier_of_another_round_reads_none_of_it(client, demo_round, office_clerk):
    stranger = UserFactory(username="other-inspector")
    VerificationGroupFactory(members=[stranger])
    measure = demo_round["problems"]["court"].measures.get(number=1)
    services.update_measure(
        office_clerk, measure, version=measure.version, deadline=datetime.date(2031, 1, 15)
    )

    client.force_login(stranger)

    assert "2031-01-15" not in client.get(URL).content.decode()
