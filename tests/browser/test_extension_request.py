"""A unit asks for an extension in a real browser, from its measure's card; the office finds
it counted on the round's home page, approves it from the list, and the ledger then shows the
approved deadline beside the committed one; on a phone, the unit asks for a change and the
office reads it side by side."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from zhenggai.ledger.models import Measure
from zhenggai.requests.models import ChangeRequest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
SHOTS = "/tmp/requests-{}.png"


def test_a_unit_asks_for_an_extension_and_the_office_approves_it(
    page, demo_round, court_measure, court_reporter, office_clerk
):
    new = timezone.localdate() + datetime.timedelta(days=45)
    log_in(page, "court")
    page.goto(f"/problems/{court_measure.problem_id}/")
    card = page.locator(f"#measure-{court_measure.pk}")
    card.get_by_role("link", name="申请延期").click()
    card.get_by_label("申请延至").fill("9999-12-31")
    card.get_by_label("申请延期的理由").fill("专项经费尚待市财政批复，原定时限内无法完成采购。")
    card.get_by_role("button", name="提交延期申请").click()
    expect(card.get_by_text("一次延期不能超过一年")).to_be_visible()
    card.get_by_label("申请延至").fill(f"{new:%Y-%m-%d}")
    card.get_by_role("button", name="提交延期申请").click()
    expect(card.get_by_text("延期申请待审批")).to_be_visible()
    expect(card).to_contain_text(f"申请将完成时限延至 {new:%Y-%m-%d}")
    page.screenshot(path=SHOTS.format("asked-1366"), full_page=True)

    page.context.clear_cookies()
    log_in(page, "office")
    page.goto(f"/rounds/{demo_round['round'].pk}/")
    page.get_by_role("link", name="延期和变更申请").click()
    item = page.locator("article.request").first
    expect(item).to_contain_text("专项经费尚待市财政批复")
    page.screenshot(path=SHOTS.format("list-1366"), full_page=True)
    item.get_by_label("审批意见").fill("同意，请按新时限完成。")
    item.get_by_role("button", name="批准", exact=True).click()
    expect(item).to_contain_text("已批准，措施已按申请调整。")

    page.goto(f"/rounds/{demo_round['round'].pk}/ledger/?view=measures")
    row = page.locator("tr", has_text="1-1.1")
    expect(row).to_contain_text(f"{new:%Y-%m-%d}")
    expect(row).to_contain_text("原定 2023-12-31，已延期")
    page.screenshot(path=SHOTS.format("ledger-1366"), full_page=True)
    saved = Measure.objects.get(pk=court_measure.pk)
    assert (saved.deadline, saved.original_deadline) == (new, datetime.date(2023, 12, 31))

    page.goto(f"/problems/{court_measure.problem_id}/")
    timeline = page.locator("#timeline")
    expect(timeline).to_contain_text(f"陈法官 申请延期 措施 1-1.1（延至 {new:%Y-%m-%d}）")
    expect(timeline).to_contain_text(
        f"王文书 批准延期 措施 1-1.1（完成时限 2023-12-31 → {new:%Y-%m-%d}）"
        "：同意，请按新时限完成。"
    )


def test_on_a_phone_a_unit_asks_for_a_change_and_the_office_reads_it(
    phone, court_measure, court_reporter, office_clerk
):
    log_in(phone, "court")
    phone.goto(f"/problems/{court_measure.problem_id}/")
    card = phone.locator(f"#measure-{court_measure.pk}")
    card.get_by_role("link", name="申请变更措施").click()
    card.get_by_label("变更后的整改措施").fill("每季度开展一次集中学习，年底组织考核并通报。")
    card.get_by_label("变更后的类型").select_option(label="长期坚持")
    card.get_by_label("申请变更的理由").fill("原措施只写了学习，没有可检验的结果。")
    card.get_by_role("button", name="提交变更申请").click()
    expect(card.get_by_text("变更申请待审批")).to_be_visible()
    phone.screenshot(path=SHOTS.format("asked-390"), full_page=True)

    phone.context.clear_cookies()
    log_in(phone, "office")
    phone.goto(f"/changes/{ChangeRequest.objects.get().pk}/")
    sides = phone.locator("table.sides")
    expect(sides).to_contain_text("长期坚持")
    phone.screenshot(path=SHOTS.format("change-390"), full_page=True)
    phone.get_by_label("不予批准的理由").fill("请保留完成时限，改为限期整改。")
    phone.get_by_role("button", name="不予批准").click()
    expect(phone.get_by_text("已决定不予批准，并通知了申请单位。")).to_be_visible()
    assert Measure.objects.get(pk=court_measure.pk).kind == "time_bound"
