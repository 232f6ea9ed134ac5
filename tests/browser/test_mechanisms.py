"""Making it last, in a real browser: the office registers a mechanism for a problem and asks
all tribunals to check themselves; a tribunal finds the same problem and proposes a measure;
the office sees on the original problem how far the generalization reached."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.mechanisms.conftest import PDF
from zhenggai.ledger.models import Problem, Unit
from zhenggai.mechanisms.models import GeneralizationAnswer, Mechanism

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def problem(demo_round, units):
    Unit.objects.create(name="城西人民法庭", kind=Unit.Kind.TRIBUNAL, parent=units["court"])
    return demo_round["problems"]["court"]


def test_a_mechanism_and_a_generalization_that_finds_the_same_problem(
    page, problem, office_clerk, tribunal_reporter, tmp_path
):
    rule = tmp_path / "关于建立专题学习督查制度的通知.pdf"
    rule.write_bytes(PDF)

    log_in(page, "office")
    page.goto(f"/problems/{problem.pk}/")
    lasting = page.locator("#lasting")
    expect(lasting).to_contain_text("还没有关联长效机制")
    lasting.get_by_role("link", name="登记长效机制").click()
    page.get_by_label("名称").fill("专题学习督查制度")
    page.get_by_label("类别").select_option(label="制度文件")
    page.get_by_label("文号").fill("临法〔2023〕12号")
    page.get_by_label("制定单位").select_option(label="临江市中级人民法院")
    page.get_by_label("印发日期").fill("2023-11-01")
    page.get_by_label("文件").set_input_files(str(rule))
    expect(page.get_by_label("针对的问题")).to_have_value(str(problem.pk))
    page.get_by_role("button", name="登记").click()
    expect(page.get_by_text("已登记长效机制“专题学习督查制度”")).to_be_visible()
    expect(page.locator("#linked-problems")).to_contain_text("1-1")
    assert Mechanism.objects.get().file.name.endswith(".pdf")

    page.goto(f"/problems/{problem.pk}/")
    expect(lasting).to_contain_text("专题学习督查制度")
    lasting.get_by_role("link", name="发起举一反三").click()
    page.get_by_label("或：某一类单位全部").select_option(label="基层法庭")
    page.get_by_label("自查要求").fill("请对照检查本庭专题学习情况。")
    page.get_by_role("button", name="发出自查要求").click()
    expect(page.get_by_text("已要求 2 个单位对照问题 1-1 举一反三")).to_be_visible()
    expect(lasting).to_contain_text("城东人民法庭：待答复")

    page.get_by_role("button", name="退出").click()
    log_in(page, "tribunal")
    page.goto("/generalization/")
    expect(page.locator("#pending")).to_contain_text("待答复（1）")
    page.locator("#pending a").first.click()
    found = page.locator("#found form")
    found.get_by_label("本单位的具体表现").fill("本庭2023年专题学习仅传达文件两次。")
    found.get_by_label("整改措施").first.fill("制定本庭专题学习计划，每月集中学习一次")
    found.get_by_label("完成时限").first.fill("2030-06-30")
    found.get_by_role("button", name="答复：存在同类问题").click()
    expect(page.get_by_text("已答复存在同类问题，已列入整改台账")).to_be_visible()
    linked = GeneralizationAnswer.objects.get(unit__name="城东人民法庭").linked_problem
    expect(page.get_by_role("heading", name=linked.code)).to_be_visible()
    expect(page.locator("#measures")).to_contain_text("每月集中学习一次")
    assert Problem.objects.visible_to(tribunal_reporter).filter(pk=linked.pk).exists()

    page.get_by_role("button", name="退出").click()
    log_in(page, "office")
    page.goto(f"/problems/{problem.pk}/")
    expect(lasting.locator(".tiles")).to_contain_text("2要求自查单位")
    expect(lasting.locator(".tiles")).to_contain_text("1发现同类问题")
    expect(lasting.locator(".tiles")).to_contain_text("1待答复")
    lasting.get_by_role("link", name=f"问题 {linked.code}").click()
    expect(page.get_by_role("heading", name=linked.code)).to_be_visible()


def test_the_answer_page_is_usable_on_a_phone(phone, problem, office_clerk, tribunal_reporter):
    from zhenggai.mechanisms import services

    generalization = services.ask_generalization(office_clerk, problem, kind=Unit.Kind.TRIBUNAL)
    answer = generalization.answers.get(unit__name="城东人民法庭")
    log_in(phone, "tribunal")
    phone.goto(f"/generalization/answers/{answer.pk}/")
    expect(phone.get_by_role("heading", name="不存在同类问题")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
