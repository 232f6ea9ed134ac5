"""A document's unit and leader names proposed as the database's rows: a guess only where
it is unambiguous."""

import pytest

from tests.factories import CategoryFactory, PersonFactory, UnitFactory
from zhenggai.importer.matching import RoundMatcher

pytestmark = pytest.mark.django_db


@pytest.fixture
def matcher(round_, units):
    return RoundMatcher(round_)


def test_an_exact_name_is_a_match(matcher, units):
    assert matcher.unit_for("临江市公安局") == units["police"].pk


def test_a_short_name_matches_the_only_unit_containing_it(matcher, units):
    assert matcher.unit_for("公安局") == units["police"].pk
    assert matcher.unit_for("派出所") == units["station"].pk


def test_a_name_two_units_contain_is_no_match(round_, units):
    UnitFactory(name="城西派出所", parent=units["police"])
    assert RoundMatcher(round_).unit_for("派出所") is None


def test_a_unit_of_another_organization_is_no_match(round_, units):
    UnitFactory(name="江南市人民检察院")
    assert RoundMatcher(round_).unit_for("江南市人民检察院") is None


def test_traditional_characters_match_their_simplified_unit(matcher, units):
    assert matcher.unit_for("臨江市公安局") == units["police"].pk


def test_an_unknown_or_empty_name_is_no_match(matcher):
    assert matcher.unit_for("县委编办") is None
    assert matcher.unit_for("") is None


def test_a_leader_is_found_by_the_name_in_the_text(round_, units, leader):
    PersonFactory(name="周", unit=units["committee"], is_leader=True)
    matcher = RoundMatcher(round_)
    assert matcher.leader_for("市委常委、政法委周书记") == leader.person.pk
    assert matcher.leader_for("王某某") is None
    assert matcher.leader_for("") is None


def test_staff_who_are_not_leaders_are_not_proposed(round_, office_clerk):
    assert RoundMatcher(round_).leader_for("王文书") is None


def test_a_category_is_matched_only_within_the_round(round_, demo_round):
    CategoryFactory(title="全面从严治党方面")
    matcher = RoundMatcher(round_)
    assert matcher.category_for(" 贯彻落实党中央决策部署方面") == demo_round["category"].pk
    assert matcher.category_for("全面从严治党方面") is None
