"""Supervision in a real browser: the office issues a notice to the court from a problem, the
court reads it from its notifications and replies, the office sends the reply back once, the
court answers again and the office closes the notice; reminders."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from zhenggai.ledger.models import Person
from zhenggai.supervision import services
from zhenggai.supervision.models import Reminder, SupervisionNotice

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_office_issues_a_notice_and_the_court_replies(
    page, demo_round, units, office_clerk, court_reporter
):
    problem = demo_round["problems"]["court"]
    log_in(page, "office")
    page.goto(f"/problems/{problem.pk}/")
    page.locator("#supervision").get_by_role("link", name="下发督办单").click()
    expect(page.get_by_label("涉及问题")).to_have_value("1-1")
    expect(page.get_by_label("被督办单位")).to_have_value(str(units["court"].pk))
    page.get_by_label("督办事项").fill("你院审判监督整改进度滞后，请说明原因并提出下一步措施。")
    page.get_by_role("button", name="下发").click()
    expect(page.get_by_text("已下发督办单")).to_be_visible()
    number = SupervisionNotice.objects.get().number
    expect(page.get_by_role("heading", name=f"督办单 {number}")).to_be_visible()
    page.get_by_role("button", name="退出").click()

    log_in(page, "court")
    page.get_by_role("link", name="通知").click()
    page.get_by_role("link", name=f"督办单：{number}").click()
    expect(page.get_by_role("heading", name=f"督办单 {number}")).to_be_visible()
    page.get_by_role("button", name="提交回复").click()
    expect(page.get_by_text("这个字段是必填项。")).to_be_visible()
    page.get_by_label("回复内容").fill("已召开专题会议研究，11月底前完成审判监督制度修订。")
    page.get_by_role("button", name="提交回复").click()
    expect(page.get_by_text(f"已回复督办单 {number}")).to_be_visible()
    page.get_by_role("button", name="退出").click()

    log_in(page, "office")
    page.goto(f"/rounds/{demo_round['round'].pk}/notices/")
    row = page.locator("tr", has_text=number)
    expect(row).to_contain_text("已回复")
    row.get_by_role("link", name=number).click()
    expect(page.locator("#reply")).to_contain_text("11月底前完成审判监督制度修订")
    expect(page.locator("#reply")).to_contain_text("陈法官")

    page.get_by_role("button", name="退回重新回复").click()
    expect(page.get_by_text("这个字段是必填项。")).to_be_visible()
    page.get_by_label("退回理由").fill("未写明责任人，请补充。")
    page.get_by_role("button", name="退回重新回复").click()
    expect(page.get_by_text(f"已退回督办单 {number} 的回复")).to_be_visible()
    expect(page.locator("#returns")).to_contain_text("未写明责任人，请补充。")
    page.get_by_role("button", name="退出").click()

    log_in(page, "court")
    page.get_by_role("link", name="通知").click()
    page.get_by_role("link", name=f"督办回复被退回：{number}").click()
    expect(page.locator("#returns")).to_contain_text("未写明责任人，请补充。")
    page.get_by_label("回复内容").fill("由分管副院长负责，11月底前完成审判监督制度修订。")
    page.get_by_role("button", name="提交回复").click()
    expect(page.get_by_text(f"已回复督办单 {number}")).to_be_visible()
    page.get_by_role("button", name="退出").click()

    log_in(page, "office")
    page.goto(f"/rounds/{demo_round['round'].pk}/notices/")
    page.locator("tr", has_text=number).get_by_role("link", name=number).click()
    expect(page.locator("#reply")).to_contain_text("由分管副院长负责")
    page.get_by_label("办结意见").fill("整改到位，同意办结。")
    page.get_by_role("button", name="办结", exact=True).click()
    expect(page.get_by_text(f"已办结督办单 {number}。")).to_be_visible()
    expect(page.locator(".facts")).to_contain_text("已办结")
    expect(page.locator("#closing")).to_contain_text("王文书")
    expect(page.locator("#closing")).to_contain_text("整改到位，同意办结。")
    expect(page.get_by_role("button", name="退回重新回复")).to_have_count(0)


def test_a_police_user_does_not_see_the_courts_notice(
    page, demo_round, units, office_clerk, police_reporter
):
    services.issue_notice(
        office_clerk, demo_round["round"], unit=units["court"], content="请整改。"
    )
    log_in(page, "police")
    page.get_by_role("link", name="督办单", exact=True).click()
    expect(page.get_by_text("没有符合条件的督办单")).to_be_visible()


def test_the_office_reminds_from_the_measure_card_on_a_phone(
    phone, demo_round, office_clerk, court_reporter
):
    problem = demo_round["problems"]["court"]
    measure = problem.measures.get(number=1)
    measure.person_in_charge = Person.objects.get(user=court_reporter)
    measure.save()
    log_in(phone, "office")
    phone.goto(f"/problems/{problem.pk}/")
    card = phone.locator(f"#measure-{measure.pk}")
    expect(card.locator(".light")).to_have_text("红灯")
    card.get_by_label("催办说明").fill("请本周内报送进展。")
    card.get_by_role("button", name="催办").click()
    expect(card).to_contain_text("已催办 1-1.1（1 人）")
    card.get_by_role("button", name="催办").click()
    expect(card).to_contain_text("今天已经催办过该措施")
    assert Reminder.objects.filter(measure=measure, reason="manual").count() == 1
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375


def test_the_office_closes_a_replied_notice_on_a_phone(
    phone, demo_round, units, office_clerk, court_reporter
):
    notice = services.issue_notice(
        office_clerk, demo_round["round"], unit=units["court"], content="请整改。"
    )
    services.reply_notice(court_reporter, notice, "已整改。")
    log_in(phone, "office")
    phone.goto(f"/notices/{notice.pk}/")
    expect(phone.get_by_label("退回理由")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    phone.get_by_role("button", name="办结", exact=True).click()
    expect(phone.locator(".facts")).to_contain_text("已办结")
