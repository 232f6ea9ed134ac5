"""Documents from the pages in a real browser: the filtered ledger as Excel, a leader's speech
outline, and the ledger's print layout."""

import io

import docx
import openpyxl
import pdfplumber
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from zhenggai.supervision import services as supervision

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_filtered_ledger_downloads_as_excel(page, demo_round, office_clerk):
    log_in(page, "office")
    round_ = demo_round["round"]
    page.goto(f"/rounds/{round_.pk}/ledger/?view=measures")
    page.get_by_label("单位（含下级）").select_option(label="临江市公安局")
    expect(page.locator("#results .count")).to_contain_text("共 2 条")
    with page.expect_download() as download:
        page.get_by_role("button", name="导出Excel").click()
    assert download.value.suggested_filename.endswith("整改台账.xlsx")
    book = openpyxl.load_workbook(io.BytesIO(download.value.path().read_bytes()))
    sheet = book["整改台账"]
    assert [sheet.cell(row, 1).value for row in range(4, sheet.max_row + 1)] == [
        "1-1.2",
        "1-3.1",
    ]
    assert "单位=临江市公安局" in sheet["A2"].value


def test_a_leader_writes_a_cause_and_downloads_the_speech_outline(page, demo_round, leader):
    court = demo_round["problems"]["court"]
    court.lead_leader = leader.person
    court.save()
    log_in(page, "leader")
    page.goto(f"/persons/{leader.person.pk}/")
    page.get_by_role("link", name=demo_round["round"].name).click()
    form = page.locator("#causes form.item-add")
    form.get_by_label("内容").fill("在理论武装上还有差距。学习联系实际不够。")
    form.get_by_role("button", name="添加原因剖析").click()
    expect(page.get_by_text("已添加原因剖析")).to_be_visible()
    with page.expect_download() as download:
        page.locator("form.download").first.get_by_role("button", name="下载 Word").click()
    outline = docx.Document(download.value.path())
    text = [p.text for p in outline.paragraphs]
    assert text[0].startswith("周书记同志")
    assert "一、存在的主要问题" in text and "二、原因剖析" in text
    assert "（一）在理论武装上还有差距。学习联系实际不够。" in text


def test_the_ledger_prints_every_row_on_landscape_pages_without_the_filters(
    page, demo_round, office_clerk, settings
):
    settings.LEDGER_PAGE_SIZE = 2
    # Headless chromium never finishes a print dialog: record that the page opened it.
    page.context.add_init_script("window.print = () => { window.printed = true; };")
    log_in(page, "office")
    page.goto(f"/rounds/{demo_round['round'].pk}/ledger/?view=responsibility")
    expect(page.locator("#results .count")).to_contain_text("第 1/2 页")
    with page.expect_popup() as opened:
        page.get_by_role("button", name="打印").click()
    printing = opened.value
    expect(printing.locator("table.ledger tbody tr")).to_have_count(4)
    printing.wait_for_function("window.printed === true")
    printing.emulate_media(media="print")
    expect(printing.locator("#filters")).to_be_hidden()
    expect(printing.locator(".topbar")).to_be_hidden()
    expect(printing.get_by_role("button", name="导出Excel")).to_be_hidden()
    expect(printing.locator(".print-title")).to_be_visible()
    header = printing.locator("table.ledger thead")
    assert header.evaluate("e => getComputedStyle(e).display") == "table-header-group"
    row = printing.locator("table.ledger tbody tr").first
    assert row.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
    printed = pdfplumber.open(io.BytesIO(printing.pdf(prefer_css_page_size=True))).pages[0]
    # A4 landscape, in points.
    assert (round(printed.width), round(printed.height)) == (842, 595)
    assert "1-3.1" in printed.extract_text()


def test_the_supervision_notice_prints_without_its_forms(page, demo_round, office_clerk):
    notice = supervision.issue_notice(
        office_clerk,
        demo_round["round"],
        unit=demo_round["problems"]["court"].lead_unit,
        content="你院牵头的问题整改进展滞后，请抓紧推进。",
        problems=[demo_round["problems"]["court"]],
    )
    log_in(page, "office")
    page.goto(f"/notices/{notice.pk}/")
    page.emulate_media(media="print")
    expect(page.get_by_text("你院牵头的问题整改进展滞后")).to_be_visible()
    expect(page.locator("#review form").first).to_be_hidden()
    expect(page.get_by_role("button", name="打印")).to_be_hidden()
    printed = pdfplumber.open(io.BytesIO(page.pdf(prefer_css_page_size=True))).pages[0]
    assert (round(printed.width), round(printed.height)) == (595, 842)
