"""A measure's report history (进展记录) in a real browser, and correcting a report: the
correction is a new report pointing at the one it corrects, and the original stays as it was.
A date before the round's feedback is refused; once the measure is closed, the history shows
the check and offers no more corrections."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from zhenggai.carryout.models import ProgressReport

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_unit_corrects_a_report_and_the_original_stays(page, pending, court_reporter):
    original = ProgressReport.objects.get()
    log_in(page, "court")
    page.goto(f"/problems/{pending.problem_id}/")
    page.locator(f"article#measure-{pending.pk}").get_by_role("link", name="进展记录（1）").click()
    expect(page.get_by_role("heading", name="进展记录")).to_be_visible()
    reports = page.locator("#reports")
    expect(reports.get_by_role("heading", name="进展报告（1）")).to_be_visible()
    expect(reports).to_contain_text("截至 2023-10-20 已完成，申请核查")
    expect(reports).to_contain_text("陈法官")
    expect(page.locator("#verifications")).to_contain_text("暂无核查记录。")

    reports.get_by_role("link", name="更正这份报告").click()
    expect(
        page.get_by_text("本次报送是对 2023-10-20 那次报告的更正；原报告保留，不会被修改。")
    ).to_be_visible()
    page.get_by_label("截至日期").fill("2023-09-01")
    page.get_by_label("进展状态").select_option(label="已完成，申请核查")
    page.get_by_label("完成比例（%）").fill("100")
    page.get_by_label("进展情况").fill("学习计划已于10月18日印发，并召开集中学习2次。")
    page.get_by_role("button", name="提交进展").click()
    expect(page.get_by_text("截至日期不能早于本轮反馈日期（2023-09-28）。")).to_be_visible()
    expect(page.get_by_text("本次报送是对 2023-10-20 那次报告的更正")).to_be_visible()
    assert ProgressReport.objects.count() == 1

    page.get_by_label("截至日期").fill("2023-10-20")
    page.get_by_role("button", name="提交进展").click()
    expect(page.get_by_text("已报送措施 1-1.1 的进展。")).to_be_visible()
    card = page.locator(f"article#measure-{pending.pk}")
    expect(card.locator(".latest-report")).to_contain_text("更正")
    expect(card.locator(".latest-report")).to_contain_text("学习计划已于10月18日印发")

    card.get_by_role("link", name="进展记录（2）").click()
    expect(reports.get_by_role("heading", name="进展报告（2）")).to_be_visible()
    items = reports.locator("ol.timeline > li")
    expect(items).to_have_count(2)
    expect(items.first).to_contain_text("学习计划已于10月18日印发，并召开集中学习2次。")
    expect(items.first).to_contain_text("完成 100%")
    expect(items.first.locator(".badge")).to_have_text("更正 2023-10-20 的报告")
    expect(items.nth(1)).to_contain_text("学习计划已印发。")
    expect(items.nth(1).locator(".badge")).to_have_count(0)
    items.first.get_by_role("link", name="2023-10-20 的报告").click()
    expect(page).to_have_url(f"/measures/{pending.pk}/reports/#report-{original.pk}")

    correction = ProgressReport.objects.exclude(pk=original.pk).get()
    assert correction.corrects == original
    original.refresh_from_db()
    assert original.text == "学习计划已印发。"


def test_a_closed_measure_shows_its_check_and_takes_no_corrections(
    page,
    closed,
    tribunal_reporter,
):
    log_in(page, "tribunal")
    page.goto(f"/measures/{closed.pk}/reports/")
    expect(page.get_by_role("heading", name=f"{closed.code} 进展记录")).to_be_visible()
    expect(page.locator(".facts")).to_contain_text("已销号")
    checks = page.locator("#verifications")
    expect(checks).to_contain_text("2023-10-25 通过")
    expect(checks).to_contain_text("王文书（整改办） · 查阅资料、实地核查")
    expect(checks).to_contain_text("实地查看窗口，台账齐全。")
    expect(page.locator("#reports")).to_contain_text("诉讼服务窗口已完成整改。")
    expect(page.get_by_role("link", name="更正这份报告")).to_have_count(0)
    expect(page.get_by_role("link", name="报送进展")).to_have_count(0)
