"""The real speech outline this project started from, read where it lives (never copied)."""

import pytest

from tests.reader.builders import SEEDS
from zhenggai.reader import build_draft, read_file

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="the shared seeds are not here")


@pytest.fixture(scope="module")
def seed():
    return read_file(next(SEEDS.glob("*.txt")))


def test_the_seed_has_four_problem_categories_holding_3_2_3_and_2_items(seed):
    draft = build_draft(seed)
    assert [len(category.problems) for category in draft.categories] == [3, 2, 3, 2]


def test_the_seed_has_three_causes_and_four_measures(seed):
    draft = build_draft(seed)
    assert (len(draft.causes), len(draft.measures)) == (3, 4)
    # The closing words after the last measure are the speaker's, not the measure's.
    assert "\n" not in draft.measures[-1].text


def test_the_fourth_category_about_rectification_duty_is_still_a_problem(seed):
    category = seed.outline[0].children[3]
    assert category.marker == "（四）"
    assert category.kind == "problem"


def test_both_paywall_markers_and_the_password_line_are_reported(seed):
    found = [(w.code, w.text) for w in seed.warnings]
    assert ("paywall_marker", "##paidbegin##") in found
    assert ("paywall_marker", "##paidend##") in found
    assert any(code == "password" for code, _ in found)


def test_the_unfilled_x_placeholders_are_reported(seed):
    placeholders = {w.text for w in seed.warnings if w.code == "placeholder"}
    assert placeholders == {"第X", "XX"}


def test_the_seed_title_and_sections_are_read(seed):
    assert seed.title.endswith("个人发言提纲")
    assert [node.kind for node in seed.outline] == ["problem", "cause", "measure"]
