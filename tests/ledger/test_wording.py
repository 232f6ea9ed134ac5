"""Words a user reads: a 巡察 round speaks of 巡察组 and 被巡察党组织, the rounds of an
organization are named by their kinds (巡察轮次, 巡视轮次, 巡视巡察轮次), and a reporter's unit
page offers no way up to a unit it may not see."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import ProblemFactory, RoundFactory, UnitFactory
from zhenggai.audit.display import field_label
from zhenggai.documents.gather import round_info, settings_of
from zhenggai.ledger.models import InspectionRound
from zhenggai.supervision.models import SupervisionNotice


def test_a_xuncha_round_speaks_of_its_own_team(client, units, office_clerk):
    round_ = RoundFactory(office=units["committee"], kind="xuncha", team="市委第二巡察组")
    client.force_login(office_clerk)
    page = client.get(reverse("ledger:round_home", args=[round_.pk])).content.decode()
    assert "<dt>巡察组</dt>" in page and "<dt>被巡察党组织</dt>" in page
    assert "巡视组</dt>" not in page


def test_a_xuncha_rounds_forms_speak_of_its_own_team(client, units, office_clerk):
    round_ = RoundFactory(office=units["committee"], kind="xuncha", team="市委第二巡察组")
    client.force_login(office_clerk)
    edit = client.get(reverse("ledger:round_edit", args=[round_.pk])).content.decode()
    assert ">巡察组</label>" in edit and ">被巡察党组织</label>" in edit
    documents = client.get(reverse("documents:documents", args=[round_.pk])).content.decode()
    assert "留空时使用被巡察党组织的名称。" in documents


def test_a_xuncha_rounds_problems_come_from_its_own_feedback(client, units, office_clerk):
    round_ = RoundFactory(
        office=units["committee"], kind="xuncha", name="市委第二巡察组反馈意见整改"
    )
    problem = ProblemFactory(category__round=round_, lead_unit=units["court"], source="feedback")
    client.force_login(office_clerk)
    detail = client.get(reverse("ledger:problem_detail", args=[problem.pk])).content.decode()
    edit = client.get(reverse("ledger:problem_edit", args=[problem.pk])).content.decode()
    for page in (detail, edit):
        assert "巡察反馈" in page and "巡视反馈" not in page


def test_a_xuncha_rounds_dates_are_checked_in_its_own_words(units):
    round_ = RoundFactory.build(
        office=units["committee"],
        kind="xuncha",
        visit_end=datetime.date(2026, 5, 1),
        feedback_date=datetime.date(2026, 4, 1),
    )
    with pytest.raises(ValidationError, match="反馈日期不能早于巡察结束日期"):
        round_.clean()


def test_the_round_list_names_teams_of_both_kinds(client, units, office_clerk):
    RoundFactory(office=units["committee"], kind="xuncha", team="市委第二巡察组")
    RoundFactory(office=units["committee"], kind="xunshi")
    client.force_login(office_clerk)
    page = client.get(reverse("ledger:round_list")).content.decode()
    assert "<th>巡视巡察组</th>" in page and "<th>巡视组</th>" not in page
    assert "<h1>巡视巡察轮次</h1>" in page


@pytest.mark.parametrize(
    ("kinds", "word"),
    [
        (["xuncha"], "巡察"),
        (["xuncha", "xuncha"], "巡察"),
        (["xunshi", "special", "follow_up"], "巡视"),
        (["xuncha", "special"], "巡视巡察"),
        ([], "巡视"),
    ],
)
def test_rounds_are_named_together_by_their_kinds(kinds, word):
    assert InspectionRound.word_for(kinds) == word


def test_an_organization_of_xuncha_rounds_reads_of_xuncha_on_every_way_to_them(
    client, units, office_clerk
):
    round_ = RoundFactory(office=units["committee"], kind="xuncha", team="市委第二巡察组")
    problem = ProblemFactory(category__round=round_, lead_unit=units["court"])
    client.force_login(office_clerk)
    pages = [
        reverse("ledger:home"),
        reverse("ledger:round_list"),
        reverse("ledger:round_home", args=[round_.pk]),
        reverse("ledger:problem_detail", args=[problem.pk]),
        reverse("dashboard:dashboard"),
    ]
    for path in pages:
        page = client.get(path).content.decode()
        assert "巡察轮次</a>" in page or "<h1>巡察轮次</h1>" in page, path
        assert "巡视轮次" not in page, path
    listed = client.get(reverse("ledger:round_list")).content.decode()
    assert "<th>巡察组</th>" in listed


def test_another_organizations_rounds_do_not_name_ones_own(client, units, office_clerk):
    """The word comes from the rounds of the login's own organizations only."""
    elsewhere = UnitFactory(name="江南市委政法委", kind="committee")
    RoundFactory(office=elsewhere, kind="xuncha")
    RoundFactory(office=units["committee"], kind="xunshi")
    client.force_login(office_clerk)
    page = client.get(reverse("ledger:round_list")).content.decode()
    assert "<h1>巡视轮次</h1>" in page


def test_a_reporter_is_not_led_to_the_unit_above_its_own(client, units, tribunal_reporter):
    client.force_login(tribunal_reporter)
    page = client.get(reverse("ledger:unit_detail", args=[units["tribunal"].pk])).content.decode()
    assert reverse("ledger:unit_detail", args=[units["court"].pk]) not in page


def test_the_office_may_go_up(client, units, office_clerk):
    client.force_login(office_clerk)
    page = client.get(reverse("ledger:unit_detail", args=[units["tribunal"].pk])).content.decode()
    assert reverse("ledger:unit_detail", args=[units["court"].pk]) in page


def test_a_xuncha_rounds_documents_are_told_the_word(units):
    round_ = RoundFactory(office=units["committee"], kind="xuncha")
    assert round_info(round_, settings_of(round_)).inspection == "巡察"


def test_the_audit_trail_names_the_fields_in_the_issues_words():
    # The trail labels each changed field by the model's name for it.
    assert field_label(SupervisionNotice, "unit_id") == "被督办单位"
    assert field_label(InspectionRound, "organization") == "被巡视（巡察）党组织"
    assert "沉默" not in InspectionRound._meta.get_field("rhythm_days").help_text
