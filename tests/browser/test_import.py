"""The office imports a Word plan in a real browser: upload, review beside the source, apply."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in, no_horizontal_scroll, pick
from tests.factories import RoundFactory
from tests.importer.documents import plan_docx
from zhenggai.importer.models import ImportBatch
from zhenggai.ledger.models import Measure, Problem

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PLAN = """临江市委政法委巡视整改方案
一、整改任务
（一）作风建设方面
1．调查研究不够深入
问题表现：下基层调研次数偏少。
整改措施：①制定领导干部调研计划；②建立调研成果转化清单。
责任单位：临江市委政法委
完成时限：2024年3月31日
2．会议文件偏多
问题表现：以会议落实会议。
整改措施：①精简会议文件；②推行视频会议。
责任单位：临江市公安局
完成时限：2024年4月30日
3．基层减负不到位
问题表现：填表报数仍然较多。
整改措施：①2024年5月底前清理各类报表；②建立报表准入制度。
责任单位：临江市中级人民法院
"""
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def round_(units):
    return RoundFactory(office=units["committee"], name="省委第六巡视组巡视反馈意见整改")


def upload_the_plan(page, round_, content=None):
    page.goto(f"/rounds/{round_.pk}/")
    page.get_by_role("link", name="导入文档").click()
    page.get_by_label("文档").set_input_files(
        files=[{"name": "整改方案.docx", "mimeType": DOCX, "buffer": content or plan_docx(PLAN)}]
    )
    page.get_by_role("button", name="读取文档").click()
    page.wait_for_url("**/imports/*/")


def test_the_office_reviews_a_word_plan_beside_its_source_and_imports_it(
    page, round_, office_clerk
):
    log_in(page, "office")
    upload_the_plan(page, round_)

    source, draft = page.locator(".import-source"), page.locator("#review")
    expect(source).to_contain_text("3．基层减负不到位")
    expect(source).to_contain_text("一、整改任务")
    expect(draft.locator("#form-p1").get_by_label("问题", exact=True)).to_have_value(
        "调查研究不够深入"
    )
    left, right = source.bounding_box(), draft.bounding_box()
    assert left["x"] + left["width"] <= right["x"]  # side by side
    assert left["y"] < right["y"] + right["height"] and right["y"] < left["y"] + left["height"]

    page.locator("#form-p2").get_by_label("导入此问题").uncheck()
    expect(page.locator("#form-p2 .item-status")).to_contain_text("已保存")

    text = page.locator("#form-p1").get_by_label("问题", exact=True)
    text.fill("调查研究不深不实")
    text.press("Tab")
    expect(page.locator("#form-p1 .item-status")).to_contain_text("已保存")

    missing = page.locator("#form-m6 .item-status")
    expect(missing).to_contain_text("缺少完成时限")
    page.get_by_role("button", name="导入台账").click()
    expect(page.locator("#apply-errors")).to_contain_text("建立报表准入制度")
    assert not Problem.objects.filter(round=round_).exists()

    page.locator("#form-m6").get_by_label("完成时限").fill("2024-06-30")
    expect(missing).to_contain_text("已保存")
    expect(missing).not_to_contain_text("缺少完成时限")
    page.get_by_role("button", name="导入台账").click()
    expect(page.get_by_role("heading", name="已导入台账")).to_be_visible()

    page.get_by_role("link", name="查看问题清单").click()
    results = page.locator("#results")
    expect(results).to_contain_text("调查研究不深不实")
    expect(results).to_contain_text("基层减负不到位")
    expect(results).not_to_contain_text("会议文件偏多")
    assert ImportBatch.objects.get().status == "applied"
    measure = Measure.objects.get(text="建立报表准入制度。")
    assert (str(measure.deadline), measure.lead_unit.name) == ("2024-06-30", "临江市中级人民法院")


def test_a_second_upload_of_the_same_file_is_noticed_and_may_go_on(page, round_, office_clerk):
    content = plan_docx(PLAN)  # Word stamps the time it saves: the same bytes twice
    log_in(page, "office")
    upload_the_plan(page, round_, content)
    page.goto(f"/rounds/{round_.pk}/import/")
    page.get_by_label("文档").set_input_files(
        files=[{"name": "方案副本.docx", "mimeType": DOCX, "buffer": content}]
    )
    page.get_by_role("button", name="读取文档").click()
    expect(page.get_by_text("该文件已于")).to_be_visible()
    page.get_by_label("我知道该文件已导入过，仍要再次导入").check()
    page.get_by_role("button", name="读取文档").click()  # the chosen file is still chosen
    page.wait_for_url("**/imports/*/")
    expect(page.get_by_role("link", name="查看该导入记录")).to_be_visible()
    assert ImportBatch.objects.count() == 2


def test_a_word_97_file_is_explained_on_the_upload_page(page, round_, office_clerk):
    log_in(page, "office")
    page.goto(f"/rounds/{round_.pk}/import/")
    legacy = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    page.get_by_label("文档").set_input_files(
        files=[{"name": "旧方案.doc", "mimeType": "application/msword", "buffer": legacy}]
    )
    page.get_by_role("button", name="读取文档").click()
    # LibreOffice starts with a fresh profile for each conversion: seconds on a quiet machine,
    # far more on a loaded one.
    expect(page.get_by_role("alert")).to_contain_text("另存为", timeout=90_000)
    assert not ImportBatch.objects.exists()


def test_the_review_page_stacks_on_a_phone(phone, round_, office_clerk):
    log_in(phone, "office")
    upload_the_plan(phone, round_)
    source, draft = phone.locator(".import-source"), phone.locator("#review")
    assert source.bounding_box()["y"] < draft.bounding_box()["y"]
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    phone.locator("#form-p3").get_by_label("导入此问题").uncheck()
    expect(phone.locator("#form-p3 .item-status")).to_contain_text("已保存")


def test_the_office_picks_units_and_the_person_in_charge_by_typing(
    page, round_, office_clerk, court_reporter, tribunal_reporter, police_reporter, units
):
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, "office")
    upload_the_plan(page, round_)
    m3 = page.locator("#form-m3")  # 精简会议文件, led by the police in the text
    status = m3.locator(".item-status")

    pick(page, "id_m3-lead_unit", "法院", "临江市中级人民法院")
    expect(status).to_contain_text("已保存")
    m3.locator("#id_m3-person_in_charge + .ts-wrapper .ts-control").click()
    dropdown = page.locator("#id_m3-person_in_charge-ts-dropdown")
    expect(dropdown).to_contain_text("林庭长·城东人民法庭")  # the court's tree only
    expect(dropdown).not_to_contain_text("赵警官")
    dropdown.get_by_text("陈法官·临江市中级人民法院").click()
    pick(page, "id_m3-cooperating_units", "公安", "临江市公安局")
    pick(page, "id_m3-cooperating_units", "派出", "江北派出所")
    expect(m3.locator(".ts-wrapper.multi .item")).to_have_count(2)
    expect(status).to_contain_text("已保存")
    assert no_horizontal_scroll(page)
    page.screenshot(path="/tmp/import-review-390.png")

    page.set_viewport_size({"width": 1366, "height": 900})
    p2 = page.locator("#form-p2")
    pick(page, "id_p2-lead_unit", "公安", "临江市公安局")
    p2.get_by_label("重点问题").check()
    expect(p2.locator(".item-status")).to_contain_text("已保存")
    page.locator("#form-m6").get_by_label("完成时限").fill("2024-06-30")
    expect(page.locator("#form-m6 .item-status")).not_to_contain_text("缺少完成时限")
    assert no_horizontal_scroll(page)
    m3.scroll_into_view_if_needed()
    page.screenshot(path="/tmp/import-review-1366.png")

    page.get_by_role("button", name="导入台账").click()
    expect(page.get_by_role("heading", name="已导入台账")).to_be_visible()
    problem = Problem.objects.get(text="会议文件偏多")
    page.goto(f"/problems/{problem.pk}/")
    expect(page.locator("main")).to_contain_text("重点")
    expect(page.locator("main")).to_contain_text("陈法官")
    measure = problem.measures.get(number=1)
    assert (problem.is_key, problem.lead_unit.name) == (True, "临江市公安局")
    assert measure.person_in_charge.name == "陈法官"
    assert {u.name for u in measure.cooperating_units.all()} == {"临江市公安局", "江北派出所"}
