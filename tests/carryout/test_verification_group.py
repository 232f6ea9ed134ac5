"""A verification records the whole verification group (核查组) that checked, and its page
shows what the unit submitted: the latest report with its evidence, then the earlier ones."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.carryout.conftest import AS_OF, report, verify
from tests.carryout.samples import PDF, upload
from tests.factories import PersonFactory, UserFactory, VerificationGroupFactory
from zhenggai.carryout.models import Verification


def _member(units, username, name):
    user = UserFactory(username=username)
    PersonFactory(unit=units["committee"], user=user, name=name)
    return user


@pytest.fixture
def inspectors(units):
    return [_member(units, "jiwei1", "钱检查"), _member(units, "jiwei2", "孙检查")]


@pytest.fixture
def group(demo_round, office_clerk, inspectors):
    """The round's 督查室 group: the office clerk, who verifies, and two inspectors."""
    members = [office_clerk, *inspectors]
    return VerificationGroupFactory(round=demo_round["round"], name="督查室", members=members)


@pytest.fixture
def pending(measures, court_reporter):
    report(court_reporter, measures["court"], text="已印发学习计划。")
    report(
        court_reporter,
        measures["court"],
        status="done_pending",
        as_of=AS_OF + datetime.timedelta(days=1),
        text="已召开两次集中学习，学习记录附后。",
        files=[upload("学习记录.pdf", PDF)],
    )
    return measures["court"]


def test_every_member_who_checked_is_recorded(pending, office_clerk, group, inspectors):
    verification = verify(office_clerk, pending, members=inspectors)
    assert set(verification.members.all()) == {office_clerk, *inspectors}


def test_the_verifier_is_recorded_even_when_it_names_nobody(pending, office_clerk):
    verification = verify(office_clerk, pending)
    assert list(verification.members.all()) == [office_clerk]


def test_only_members_of_the_rounds_groups_may_be_named(pending, office_clerk, court_reporter):
    with pytest.raises(ValidationError) as refused:
        verify(office_clerk, pending, members=[court_reporter])
    assert "核查组成员只能从本轮核查组中选择" in str(refused.value)
    assert not Verification.objects.exists()


def test_the_verify_page_shows_the_latest_report_its_evidence_and_the_earlier_ones(
    client, pending, group, office_clerk
):
    client.force_login(office_clerk)
    page = client.get(reverse("carryout:measure_verify", args=[pending.pk])).content.decode()
    latest = page.index("最新报告")
    assert page.index("已召开两次集中学习") > latest
    assert "附件：学习记录.pdf" in page
    assert page.index("此前的报告") < page.index("已印发学习计划")
    # The verifier's own group is ticked, to untick whoever did not come.
    assert page.count('name="members"') == 3 and page.count('name="members" value') == 3
    assert page.count("checked") >= 3


def test_the_group_shows_in_the_verification_history(
    client, pending, group, office_clerk, inspectors
):
    verify(office_clerk, pending, members=inspectors)
    client.force_login(office_clerk)
    page = client.get(reverse("carryout:report_list", args=[pending.pk])).content.decode()
    assert "核查组：" in page and "钱检查" in page and "孙检查" in page
