"""The unit and leader pages, and editing a round, as people reach them in a browser."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_unit_page_is_reached_from_the_ledger(page, demo_round, court_reporter):
    log_in(page, "court")
    page.goto(f"/rounds/{demo_round['round'].pk}/ledger/?view=measures")
    page.locator("#results").get_by_role("link", name="城东人民法庭").first.click()
    expect(page.get_by_role("heading", name="城东人民法庭")).to_be_visible()
    expect(page.get_by_text("牵头的整改措施")).to_be_visible()


def test_a_leader_page_lists_the_problems_the_leader_leads(page, demo_round, leader):
    problem = demo_round["problems"]["police"]
    problem.lead_leader = leader.person
    problem.save()
    log_in(page, "leader")
    page.goto(f"/problems/{problem.pk}/")
    page.get_by_role("link", name="周书记").click()
    expect(page.get_by_role("heading", name="周书记")).to_be_visible()
    expect(page.locator("main")).to_contain_text(problem.title)


def test_the_office_edits_a_round_and_a_bad_deadline_is_explained(page, demo_round, office_clerk):
    log_in(page, "office")
    page.goto(f"/rounds/{demo_round['round'].pk}/")
    page.get_by_role("link", name="修改轮次").click()
    page.get_by_label("集中整改期限").fill("2023-01-01")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("期限不能早于反馈日期。")).to_be_visible()
    page.get_by_label("集中整改期限").fill("2023-12-29")
    settings = page.get_by_role("group", name="督办设置")
    settings.get_by_label("临期预警（工作日）").fill("0")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("请填写 1 至 60 之间的整数（工作日）。")).to_be_visible()
    settings.get_by_label("临期预警（工作日）").fill("10")
    settings.get_by_label("重点问题须实地核查").uncheck()
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("已保存轮次信息。")).to_be_visible()
    expect(page.locator(".facts")).to_contain_text("2023-12-29")
    expect(page.locator(".facts")).to_contain_text("10 个工作日")
    expect(page.locator(".facts")).to_contain_text("不要求")
