"""Editing a problem in a real browser: the office rewrites its text and hands it to another
lead unit; an emptied text is refused; a unit user has no button and gets the Chinese 403
page at the address."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from zhenggai.ledger.models import Problem

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NEW_TEXT = "审判监督管理机制不健全。具体表现为：发回改判案件评查不及时，责任追究不到位。"


def test_the_office_edits_the_text_and_the_lead_unit(page, demo_round, units, office_clerk):
    problem = demo_round["problems"]["court"]
    log_in(page, "office")
    page.goto(f"/problems/{problem.pk}/")
    page.get_by_role("link", name="修改问题").click()
    expect(page.get_by_role("heading", name="修改问题 1-1")).to_be_visible()
    expect(page.get_by_label("问题", exact=True)).to_have_value(problem.text)
    expect(page.get_by_label("牵头单位")).to_have_value(str(units["court"].pk))

    page.get_by_label("问题", exact=True).fill("")
    page.get_by_label("牵头单位").select_option(label="城东人民法庭")
    page.get_by_role("button", name="保存问题").click()
    expect(page.get_by_text("这个字段是必填项。")).to_be_visible()
    expect(page.get_by_label("牵头单位")).to_have_value(str(units["tribunal"].pk))
    assert Problem.objects.get(pk=problem.pk).lead_unit == units["court"]

    page.get_by_label("问题", exact=True).fill(NEW_TEXT)
    page.get_by_role("button", name="保存问题").click()
    expect(page.get_by_text("已保存问题。")).to_be_visible()
    expect(page.get_by_role("heading", name="1-1 审判监督管理机制不健全")).to_be_visible()
    expect(page.locator(".problem-text")).to_have_text(NEW_TEXT)
    facts = page.locator("section.card .facts").first
    expect(facts).to_contain_text("牵头单位城东人民法庭")
    expect(page.locator("#timeline")).to_contain_text("王文书 修改问题")
    saved = Problem.objects.get(pk=problem.pk)
    assert (saved.text, saved.lead_unit) == (NEW_TEXT, units["tribunal"])


def test_a_unit_user_cannot_edit_a_problem(page, demo_round, court_reporter):
    problem = demo_round["problems"]["court"]
    log_in(page, "court")
    page.goto(f"/problems/{problem.pk}/")
    expect(page.get_by_role("heading", name="1-1")).to_be_visible()
    expect(page.get_by_role("link", name="修改问题")).to_have_count(0)

    response = page.goto(f"/problems/{problem.pk}/edit/")
    assert response.status == 403
    expect(page).to_have_title("无权操作 · 整改")
    expect(page.get_by_role("heading", name="无权操作")).to_be_visible()
    expect(page.get_by_text("只有本轮整改牵头单位的用户可以修改轮次和问题清单。")).to_be_visible()
    page.get_by_role("link", name="返回工作台").click()
    expect(page.get_by_role("heading", name="工作台")).to_be_visible()
    assert Problem.objects.get(pk=problem.pk).text == problem.text
