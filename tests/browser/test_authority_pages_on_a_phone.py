"""The pages of who may change and close what, on a 390 px phone: the extension and change
request forms, a request's page and the round's list of them, and the verify page both as
refused (who may close it and why not) and as offered to the 纪委监委's verifier. None is
wider than the screen."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.carryout.conftest import report
from tests.factories import MeasureFactory, PersonFactory, UserFactory, VerificationGroupFactory
from tests.requests.conftest import ask

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def fits(page, url: str, shot: str, text: str) -> None:
    page.goto(url)
    expect(page.locator("main")).to_contain_text(text)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), url
    page.screenshot(path=f"/tmp/authority-{shot}-390.png", full_page=True)


def test_request_and_verify_pages_fit_a_phone(
    phone, demo_round, units, court_measure, court_reporter, office_clerk, leader
):
    phone.set_viewport_size({"width": 390, "height": 844})
    committee = MeasureFactory(
        problem=court_measure.problem, number=5, lead_unit=units["committee"]
    )
    report(leader, committee, status="done_pending")
    inspector = UserFactory(username="jiwei")
    PersonFactory(unit=units["committee"], user=inspector, name="钱正")
    VerificationGroupFactory(
        round=demo_round["round"], name="市纪委监委核查组", members=[inspector]
    )
    log_in(phone, "court")
    fits(phone, f"/measures/{court_measure.pk}/extension/new/", "extension-form", "申请延期的理由")
    fits(phone, f"/measures/{court_measure.pk}/change/new/", "change-form", "申请变更的理由")
    phone.context.clear_cookies()
    extension = ask(court_reporter, court_measure, days=60)

    log_in(phone, "office")
    fits(phone, f"/extensions/{extension.pk}/", "extension", "需协调市财政追加经费")
    fits(phone, f"/rounds/{demo_round['round'].pk}/requests/", "requests", "需协调市财政追加经费")
    fits(phone, f"/measures/{committee.pk}/verify/", "verify-refused", "市纪委监委核查组（钱正）")
    expect(phone.get_by_role("alert")).to_contain_text("不能自己核查自己的整改")
    phone.context.clear_cookies()

    log_in(phone, "jiwei")
    fits(phone, f"/measures/{committee.pk}/verify/", "verify-form", "提交核查结论")
