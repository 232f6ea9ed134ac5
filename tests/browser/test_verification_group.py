"""The committee's own measure: the office clerk opens the verify page and is told, before
typing anything, that it may not close it and who may; the 纪委监委's verifier of the round's
verification group closes it."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.carryout.conftest import report
from tests.factories import MeasureFactory, PersonFactory, UserFactory, VerificationGroupFactory
from zhenggai.ledger.models import Measure

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def committee_measure(demo_round, units, leader):
    measure = MeasureFactory(
        problem=demo_round["problems"]["court"], number=5, lead_unit=units["committee"]
    )
    report(leader, measure, status="done_pending")
    return measure


@pytest.fixture
def jiwei(demo_round, units):
    user = UserFactory(username="jiwei")
    PersonFactory(unit=units["committee"], user=user, name="钱正")
    VerificationGroupFactory(round=demo_round["round"], name="市纪委监委核查组", members=[user])
    return user


def test_the_office_is_told_who_may_close_and_the_verifier_closes_it(
    page, committee_measure, office_clerk, jiwei
):
    url = f"/measures/{committee_measure.pk}/verify/"
    log_in(page, "office")
    page.goto(url)
    expect(page.get_by_role("alert")).to_contain_text("不能自己核查自己的整改")
    expect(page.locator(".who-may-close")).to_contain_text("市纪委监委核查组（钱正）")
    expect(page.get_by_role("button", name="提交核查结论")).to_have_count(0)
    page.screenshot(path="/tmp/authority-verify-refused-1366.png", full_page=True)
    page.context.clear_cookies()

    log_in(page, "jiwei")
    page.goto(f"/problems/{committee_measure.problem_id}/")
    page.locator(f"article#measure-{committee_measure.pk}").get_by_role("link", name="核查").click()
    page.get_by_label("查阅资料").check()
    page.get_by_label("实地核查").check()
    page.get_by_label("核查情况").fill("查阅了党组会议记录，到政法委实地查看了整改台账。")
    page.get_by_label("核查结论").select_option(label="通过")
    page.get_by_role("button", name="提交核查结论").click()

    expect(page.get_by_text(f"核查通过，措施 {committee_measure.code} 已销号。")).to_be_visible()
    assert Measure.objects.get(pk=committee_measure.pk).status == "closed"
