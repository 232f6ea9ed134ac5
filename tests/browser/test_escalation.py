"""Escalation (约谈/通报/问责) in a real browser: the office records who decided it and why,
from a problem or from a notice; it shows on the round's notice list page; an empty reason is
refused, and a unit user may not record one."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from zhenggai.supervision import services
from zhenggai.supervision.models import Escalation

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_office_records_an_admonition_decided_by_the_secretary(
    page, demo_round, units, office_clerk, leader
):
    log_in(page, "office")
    page.goto(f"/rounds/{demo_round['round'].pk}/ledger/?view=problems")
    page.locator("tbody tr", has_text="临江市中级人民法院").get_by_role("link").first.click()
    expect(page.get_by_role("heading", name="1-1")).to_be_visible()
    page.locator("#supervision").get_by_role("link", name="记录升级督办").click()
    expect(page.get_by_role("heading", name="记录升级督办")).to_be_visible()
    expect(page.get_by_label("涉及问题")).to_have_value("1-1")
    expect(page.get_by_label("对象单位")).to_have_value(str(units["court"].pk))
    expect(page.get_by_label("决定人")).to_have_value(str(office_clerk.pk))
    page.get_by_label("升级方式").select_option(label="约谈")
    page.get_by_label("决定人").select_option(label="周书记（书记）")

    page.get_by_label("事由").fill("   ")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("这个字段是必填项。")).to_be_visible()
    expect(page.get_by_label("决定人")).to_have_value(str(leader.pk))
    assert not Escalation.objects.exists()

    page.get_by_label("事由").fill(
        "审判监督整改两次督办仍滞后，经书记专题会研究决定约谈法院分管领导。"
    )
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("已记录约谈。")).to_be_visible()
    expect(page.get_by_role("heading", name="1-1")).to_be_visible()
    panel = page.locator("#supervision")
    expect(panel).to_contain_text("约谈 临江市中级人民法院：审判监督整改两次督办仍滞后")
    expect(panel).to_contain_text("（决定人：周书记）")

    page.goto(f"/rounds/{demo_round['round'].pk}/notices/")
    record = page.locator("#escalations li")
    expect(record).to_have_count(1)
    expect(record).to_contain_text("约谈 临江市中级人民法院（问题 1-1）")
    expect(record).to_contain_text("经书记专题会研究决定约谈法院分管领导")
    expect(record).to_contain_text("决定人：周书记")
    record.get_by_role("link", name="1-1").click()
    expect(page.get_by_role("heading", name="1-1")).to_be_visible()


def test_a_circular_on_a_notice_marks_the_notice_escalated(page, demo_round, units, office_clerk):
    notice = services.issue_notice(
        office_clerk, demo_round["round"], unit=units["police"], content="请报送整改进展。"
    )
    log_in(page, "office")
    page.goto(f"/notices/{notice.pk}/")
    page.get_by_role("link", name="升级督办").click()
    expect(page.get_by_role("heading", name=f"记录升级督办（{notice.number}）")).to_be_visible()
    expect(page.get_by_label("对象单位")).to_have_value(str(units["police"].pk))
    page.get_by_label("升级方式").select_option(label="通报")
    page.get_by_label("事由").fill("逾期未回复督办单，在全市政法系统通报。")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("已记录通报。")).to_be_visible()
    expect(page.get_by_role("heading", name=f"督办单 {notice.number}")).to_be_visible()

    page.goto(f"/rounds/{demo_round['round'].pk}/notices/")
    expect(page.locator("tr", has_text=notice.number)).to_contain_text("已升级")
    record = page.locator("#escalations li")
    expect(record).to_contain_text(f"通报 临江市公安局（{notice.number}）")
    expect(record).to_contain_text("逾期未回复督办单，在全市政法系统通报。（决定人：王文书）")


def test_a_unit_user_may_not_record_an_escalation(page, demo_round, court_reporter):
    log_in(page, "court")
    response = page.goto(f"/rounds/{demo_round['round'].pk}/escalations/new/")
    assert response.status == 403
    expect(page.get_by_role("heading", name="无权操作")).to_be_visible()
    expect(page.get_by_text("只有本轮整改牵头单位（整改办、督查室）的用户")).to_be_visible()
