"""The mechanism registry of a round in a real browser: the list with its filter form, and
linking a mechanism to another problem (nothing chosen is refused); a unit sees only its own
mechanisms and may link them only to the problems it leads."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from zhenggai.mechanisms import services
from zhenggai.mechanisms.models import Mechanism

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


# Each mechanism is issued by a unit and registered against the problem that unit leads.
MECHANISMS = {
    "rule": (
        "court",
        {
            "name": "审判监督管理办法",
            "kind": "rule",
            "document_number": "临法〔2023〕12号",
            "issued_on": datetime.date(2023, 11, 1),
        },
    ),
    "platform": (
        "police",
        {
            "name": "执法办案管理平台",
            "kind": "system",
            "description": "执法全流程网上流转、网上监督。",
            "issued_on": datetime.date(2023, 11, 10),
        },
    ),
}


@pytest.fixture
def registry(demo_round, units, office_clerk):
    """A court rule against problem 1-1 and a police platform against problem 1-3."""
    return {
        key: services.register_mechanism(
            office_clerk,
            demo_round["round"],
            issuing_unit=units[unit],
            problems=[demo_round["problems"][unit]],
            **values,
        )
        for key, (unit, values) in MECHANISMS.items()
    }


def test_the_office_filters_the_registry(page, demo_round, registry, office_clerk):
    log_in(page, "office")
    page.goto(f"/rounds/{demo_round['round'].pk}/")
    page.get_by_role("link", name="长效机制", exact=True).click()
    expect(page.get_by_role("heading", name="长效机制")).to_be_visible()
    results = page.locator("#results")
    expect(results.locator(".count")).to_have_text("共 2 项")
    rows = results.locator("tbody tr")
    expect(rows.first).to_contain_text("执法办案管理平台")
    expect(rows.first).to_contain_text("系统平台")
    expect(rows.nth(1)).to_contain_text("审判监督管理办法")
    expect(rows.nth(1)).to_contain_text("临法〔2023〕12号")
    expect(rows.nth(1)).to_contain_text("1 个")

    page.get_by_label("类别").select_option(label="制度文件")
    expect(results.locator(".count")).to_have_text("共 1 项")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("审判监督管理办法")
    expect(page).to_have_url(f"/rounds/{demo_round['round'].pk}/mechanisms/?kind=rule")

    page.get_by_label("类别").select_option(label="全部")
    page.get_by_label("关键词").fill("网上监督")
    page.get_by_role("button", name="搜索").click()
    expect(results.locator(".count")).to_have_text("共 1 项")
    expect(rows.first).to_contain_text("执法办案管理平台")

    page.get_by_label("关键词").fill("信访")
    page.get_by_role("button", name="搜索").click()
    expect(results).to_contain_text("没有符合条件的长效机制。")

    page.get_by_role("link", name="清除").click()
    expect(results.locator(".count")).to_have_text("共 2 项")
    expect(page.get_by_label("关键词")).to_have_value("")
    rows.get_by_role("link", name="执法办案管理平台").click()
    expect(page.get_by_role("heading", name="执法办案管理平台")).to_be_visible()


def test_the_office_links_a_mechanism_to_another_problem(page, demo_round, registry, office_clerk):
    rule = registry["rule"]
    tribunal_problem = demo_round["problems"]["tribunal"]
    log_in(page, "office")
    page.goto(f"/mechanisms/{rule.pk}/")
    linked = page.locator("#linked-problems")
    expect(linked.get_by_role("heading", name="针对的问题（1）")).to_be_visible()

    # Nothing chosen: zhenggai itself explains, in Chinese, and links nothing.
    choice = linked.get_by_label("关联到问题")
    linked.get_by_role("button", name="关联", exact=True).click()
    expect(page.get_by_text("请选择一个可以关联的问题。")).to_be_visible()
    assert Mechanism.objects.get(pk=rule.pk).problems.count() == 1
    linked = page.locator("#linked-problems")
    choice = linked.get_by_label("关联到问题")

    choice.select_option(label=str(tribunal_problem))
    linked.get_by_role("button", name="关联", exact=True).click()
    expect(page.get_by_text("已关联问题 1-2。")).to_be_visible()
    expect(linked.get_by_role("heading", name="针对的问题（2）")).to_be_visible()
    expect(linked.locator("li", has_text="1-2")).to_contain_text(tribunal_problem.title)
    expect(choice.locator("option")).to_have_text(["请选择", str(demo_round["problems"]["police"])])

    page.goto(f"/rounds/{demo_round['round'].pk}/mechanisms/")
    row = page.locator("tbody tr", has_text="审判监督管理办法")
    expect(row).to_contain_text("2 个")
    page.goto(f"/problems/{tribunal_problem.pk}/")
    expect(page.locator("#lasting")).to_contain_text("审判监督管理办法")


def test_a_unit_links_its_mechanism_only_to_its_own_problems(
    page, demo_round, registry, court_reporter
):
    log_in(page, "court")
    page.goto(f"/rounds/{demo_round['round'].pk}/mechanisms/")
    expect(page.locator("#results .count")).to_have_text("共 1 项")
    page.get_by_role("link", name="审判监督管理办法").click()
    choice = page.get_by_label("关联到问题")
    expect(choice.locator("option")).to_have_text(
        ["请选择", str(demo_round["problems"]["tribunal"])]
    )
    choice.select_option(label=str(demo_round["problems"]["tribunal"]))
    page.get_by_role("button", name="关联", exact=True).click()
    expect(page.get_by_text("已关联问题 1-2。")).to_be_visible()
