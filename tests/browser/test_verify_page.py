"""The verify page in a real browser: what the unit submitted above the form, the group's
members ticked, at desktop and phone width."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.carryout.samples import PDF, upload
from tests.factories import PersonFactory, UserFactory, VerificationGroupFactory
from zhenggai.carryout import services
from zhenggai.carryout.models import Verification

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_office_verifies_seeing_the_report_and_records_its_group(
    page, court_measure, court_reporter, office_clerk, units, demo_round
):
    services.submit_report(
        court_reporter,
        court_measure,
        as_of=court_measure.round.feedback_date,
        text="已召开两次集中学习，学习记录附后。",
        status="done_pending",
        files=[upload("学习记录.pdf", PDF)],
    )
    inspector = UserFactory(username="jiwei")
    PersonFactory(unit=units["committee"], user=inspector, name="钱检查")
    VerificationGroupFactory(
        round=demo_round["round"], name="督查室", members=[office_clerk, inspector]
    )
    log_in(page, "office")
    page.goto(f"/measures/{court_measure.pk}/verify/")
    submitted = page.locator("#submitted")
    expect(submitted).to_contain_text("已召开两次集中学习")
    expect(submitted.get_by_role("link", name="附件：学习记录.pdf")).to_be_visible()
    expect(page.get_by_label("钱检查（临江市委政法委）")).to_be_checked()
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 844})
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        page.screenshot(path=f"/tmp/daily-verify-{width}.png", full_page=True)

    page.get_by_label("查阅资料").check()
    page.get_by_label("实地核查").check()
    page.get_by_label("核查情况").fill("查阅学习记录，实地查看学习室。")
    page.get_by_label("核查结论").select_option(label="通过")
    page.get_by_role("button", name="提交核查结论").click()
    expect(page.get_by_text(f"核查通过，措施 {court_measure.code} 已销号。")).to_be_visible()
    assert set(Verification.objects.get().members.values_list("username", flat=True)) == {
        "office",
        "jiwei",
    }
