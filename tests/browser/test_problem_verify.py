"""Checking a whole problem (问题整体核查) in a real browser, once all its measures are closed:
a briefing alone is refused and nothing is recorded; a check that looked on site passes and
the problem stays closed out; a failed check sends its measures back; a problem with open
measures cannot be checked yet."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from zhenggai.carryout.models import Verification
from zhenggai.ledger.models import Measure, Problem

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def submit_check(page, findings, result="通过", methods=()):
    """Ticks the methods (on top of those already ticked), then sends the conclusion."""
    for method in methods:
        page.get_by_label(method).check()
    page.get_by_label("核查情况").fill(findings)
    page.get_by_label("核查结论").select_option(label=result)
    page.get_by_role("button", name="提交核查结论").click()


def test_a_briefing_alone_is_refused_and_an_on_site_check_passes(page, closed, office_clerk):
    problem = closed.problem
    log_in(page, "office")
    page.goto(f"/problems/{problem.pk}/")
    checks = page.locator("#problem-checks")
    expect(checks).to_contain_text("全部整改措施已核查销号，问题于 2023-10-25 销号。")
    checks.get_by_role("link", name="整体核查").click()
    expect(page.get_by_role("heading", name="问题整体核查")).to_be_visible()
    expect(page.locator(".facts")).to_contain_text("已销号")

    submit_check(page, "听取了法院关于诉讼服务窗口整改情况的汇报。", methods=["听取汇报"])
    expect(
        page.get_by_text("仅听取汇报不能作为销号依据，请至少采用查阅资料、实地核查等一种其他方式。")
    ).to_be_visible()
    assert not Verification.objects.filter(problem=problem).exists()

    expect(page.get_by_label("听取汇报")).to_be_checked()
    submit_check(page, "听取汇报后到城东人民法庭实地查看，整改到位。", methods=["实地核查"])
    expect(page.get_by_text(f"问题 {problem.code} 整体核查通过。")).to_be_visible()
    expect(page.get_by_role("heading", name=problem.code)).to_be_visible()
    expect(page.locator("section.card .facts").first).to_contain_text("已销号")
    expect(checks).to_contain_text("最近一次整体核查")
    expect(checks).to_contain_text("听取汇报、实地核查）：通过。")
    assert Problem.objects.get(pk=problem.pk).status == "closed"
    assert Verification.objects.get(problem=problem).on_site


def test_a_failed_check_sends_the_measures_back(page, closed, office_clerk):
    log_in(page, "office")
    page.goto(f"/problems/{closed.problem_id}/verify/")
    submit_check(page, "走访群众反映窗口仍有推诿现象。", "不通过", methods=["走访群众"])
    expect(page.get_by_text("核查未通过，已退回重改。")).to_be_visible()
    card = page.locator(f"article#measure-{closed.pk}")
    expect(card.locator(".status")).to_have_text("退回重改")
    checks = page.locator("#problem-checks")
    expect(checks).to_contain_text("走访群众）：不通过。走访群众反映窗口仍有推诿现象。")
    expect(checks.get_by_role("link", name="整体核查")).to_have_count(0)
    expect(page.locator("#timeline")).to_contain_text("核查未通过（退回） 措施 1-2.1：走访群众反映")
    assert Measure.objects.get(pk=closed.pk).status == "returned"


def test_a_problem_with_open_measures_cannot_be_checked(page, demo_round, office_clerk):
    problem = demo_round["problems"]["court"]
    log_in(page, "office")
    response = page.goto(f"/problems/{problem.pk}/verify/")
    assert response.status == 403
    expect(page.get_by_text("问题的全部整改措施销号后，才能对问题进行整体核查。")).to_be_visible()
    assert not Verification.objects.exists()
