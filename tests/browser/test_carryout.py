"""Carrying a measure out in a real browser: a unit reports with an evidence file, the office
verifies on site and closes it, and a briefing-only verification is refused."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.carryout.samples import PDF, PNG
from zhenggai.carryout.models import Evidence, Verification
from zhenggai.ledger.models import Measure, Problem

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def open_card(page, measure):
    page.goto(f"/problems/{measure.problem_id}/")
    return page.locator(f"article#measure-{measure.pk}")


def test_a_unit_reports_with_an_evidence_file(page, court_measure, court_reporter):
    log_in(page, "court")
    open_card(page, court_measure).get_by_role("link", name="报送进展").click()
    page.get_by_label("截至日期").fill("2023-10-20")
    page.get_by_label("进展状态").select_option(label="已完成，申请核查")
    page.get_by_label("完成比例（%）").fill("100")
    page.get_by_label("进展情况").fill("已印发专题学习计划，召开集中学习2次。")
    page.get_by_label("佐证材料").set_input_files(
        [{"name": "学习计划.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.get_by_role("button", name="提交进展").click()

    expect(page.get_by_text("已报送措施 1-1.1 的进展。")).to_be_visible()
    card = page.locator(f"article#measure-{court_measure.pk}")
    expect(card).to_contain_text("已完成待核查")
    expect(card).to_contain_text("已印发专题学习计划")
    with page.expect_download() as download:
        card.get_by_role("link", name="附件：学习计划.pdf").click()
    assert download.value.suggested_filename == "学习计划.pdf"
    assert Evidence.objects.get().original_name == "学习计划.pdf"


def test_a_fake_evidence_file_is_refused_with_a_clear_message(page, court_measure, court_reporter):
    log_in(page, "court")
    page.goto(f"/measures/{court_measure.pk}/reports/new/")
    page.get_by_label("进展情况").fill("已推进。")
    page.get_by_label("佐证材料").set_input_files(
        [{"name": "会议纪要.pdf", "mimeType": "application/pdf", "buffer": b"just text"}]
    )
    page.get_by_role("button", name="提交进展").click()

    expect(page.get_by_text("“会议纪要.pdf”的内容不是PDF文件")).to_be_visible()
    assert Measure.objects.get(pk=court_measure.pk).status == "not_started"


def test_the_office_verifies_on_site_and_closes_the_measure(page, pending, office_clerk):
    log_in(page, "office")
    open_card(page, pending).get_by_role("link", name="核查").click()
    page.get_by_label("查阅资料").check()
    page.get_by_label("实地核查").check()
    page.get_by_label("核查情况").fill("查阅了学习计划和签到表，到法院实地查看了学习记录。")
    page.get_by_label("核查结论").select_option(label="通过")
    page.get_by_label("佐证材料").set_input_files(
        [{"name": "现场.png", "mimeType": "image/png", "buffer": PNG}]
    )
    page.get_by_role("button", name="提交核查结论").click()

    expect(page.get_by_text("核查通过，措施 1-1.1 已销号。")).to_be_visible()
    card = page.locator(f"article#measure-{pending.pk}")
    expect(card.locator(".status")).to_have_text("已销号")
    expect(card).to_contain_text("经查阅资料、实地核查，核查通过")
    expect(card.get_by_role("link", name="重新打开")).to_be_visible()
    assert Verification.objects.get().on_site


def test_a_briefing_only_verification_is_refused_with_a_clear_message(page, pending, office_clerk):
    log_in(page, "office")
    page.goto(f"/measures/{pending.pk}/verify/")
    page.get_by_label("听取汇报").check()
    page.get_by_label("核查情况").fill("听取了法院的汇报。")
    page.get_by_label("核查结论").select_option(label="通过")
    page.get_by_role("button", name="提交核查结论").click()

    expect(
        page.get_by_text("仅听取汇报不能作为销号依据，请至少采用查阅资料、实地核查等一种其他方式。")
    ).to_be_visible()
    assert not Verification.objects.exists()
    assert Measure.objects.get(pk=pending.pk).status == "done_pending"
    assert Problem.objects.get(pk=pending.problem_id).status != "closed"


def test_reporting_fits_a_phone(phone, pending, court_reporter, media):
    log_in(phone, "court")
    phone.goto(f"/measures/{pending.pk}/reports/new/")
    expect(phone.get_by_role("button", name="提交进展")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    phone.goto(f"/problems/{pending.problem_id}/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
