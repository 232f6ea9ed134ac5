"""Two clerks of the office edit the same measure in two browsers: both open the inline edit
form; the colleague saves first; the clerk's save is refused beside its form with the
colleague's change shown, its own typing kept, and goes through on the second click without
undoing the colleague's change."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from zhenggai.ledger.models import Measure

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def second_page(browser_context):
    return browser_context()


def open_edit_form(page, measure):
    page.goto(f"/problems/{measure.problem_id}/")
    card = page.locator(f"#measure-{measure.pk}")
    card.get_by_role("button", name="修改").click()
    form = page.locator(f"form#measure-{measure.pk}")
    expect(form.get_by_label("整改措施")).to_be_visible()
    return form


def test_a_stale_edit_is_refused_with_the_other_persons_change_shown(
    page, second_page, court_measure, office_clerk, colleague
):
    log_in(page, "office")
    log_in(second_page, "colleague")
    office_form = open_edit_form(page, court_measure)
    court_form = open_edit_form(second_page, court_measure)

    court_form.get_by_label("成果形式").fill("专题学习记录、考核通报")
    court_form.get_by_role("button", name="保存措施").click()
    expect(second_page.locator(f"#measure-{court_measure.pk}")).to_contain_text(
        "专题学习记录、考核通报"
    )

    office_form.get_by_label("整改措施").fill("每月开展一次集中学习，年底考核。")
    office_form.get_by_role("button", name="保存措施").click()
    alert = office_form.locator("#stale-edit")
    expect(alert).to_contain_text("您打开这个措施之后，李干事修改了它，您的修改没有保存。")
    expect(alert).to_contain_text("李干事 修改措施：成果形式改为“专题学习记录、考核通报”")
    expect(office_form.get_by_label("整改措施")).to_have_value("每月开展一次集中学习，年底考核。")
    expect(office_form.get_by_label("成果形式")).to_have_value("专题学习记录、考核通报")
    assert Measure.objects.get(pk=court_measure.pk).text == court_measure.text
    page.screenshot(path="/tmp/requests-stale-1366.png", full_page=True)

    office_form.get_by_role("button", name="保存措施").click()
    card = page.locator(f"article#measure-{court_measure.pk}")
    expect(card).to_contain_text("每月开展一次集中学习，年底考核。")
    expect(card).to_contain_text("专题学习记录、考核通报")
    saved = Measure.objects.get(pk=court_measure.pk)
    assert (saved.text, saved.deliverable) == (
        "每月开展一次集中学习，年底考核。",
        "专题学习记录、考核通报",
    )
