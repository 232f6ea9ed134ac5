"""Reviewing 举一反三 answers in a real browser: the office sees on the round's overview how
far each generalization reached, accepts one tribunal's "not present", refuses to reject the
other without a reason, then rejects it with one so that the unit must answer again."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from zhenggai.ledger.models import Unit
from zhenggai.mechanisms import services
from zhenggai.mechanisms.models import GeneralizationAnswer

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def answers(demo_round, units, office_clerk, court_reporter):
    """Both tribunals asked about the court's problem 1-1; both answered "not present"."""
    Unit.objects.create(name="城西人民法庭", kind=Unit.Kind.TRIBUNAL, parent=units["court"])
    generalization = services.ask_generalization(
        office_clerk, demo_round["problems"]["court"], kind=Unit.Kind.TRIBUNAL
    )
    east = generalization.answers.get(unit__name="城东人民法庭")
    west = generalization.answers.get(unit__name="城西人民法庭")
    services.answer_not_present(court_reporter, east, reasons="本庭已建立专题学习台账，逐月检查。")
    services.answer_not_present(court_reporter, west, reasons="本庭无此问题。")
    return {"east": east, "west": west}


def reach(page) -> list[str]:
    """The figures of the first generalization's row: asked, answered, found, accepted,
    awaiting review, pending."""
    return page.locator("#generalizations tbody tr").first.locator("td").all_inner_texts()[2:]


def test_the_office_accepts_one_answer_and_sends_the_other_back(
    page, demo_round, answers, office_clerk
):
    east, west = answers["east"], answers["west"]
    log_in(page, "office")
    page.goto(f"/rounds/{demo_round['round'].pk}/")
    page.get_by_role("link", name="举一反三", exact=True).click()
    awaiting = page.locator("#awaiting-review")
    expect(awaiting.get_by_role("heading")).to_have_text("待审核的“不存在同类问题”答复（2）")
    assert reach(page) == ["2", "2", "0", "0", "2", "0"]

    east_card = page.locator(f"#answer-{east.pk}")
    expect(east_card).to_contain_text("城东人民法庭")
    expect(east_card).to_contain_text("本庭已建立专题学习台账，逐月检查。")
    expect(east_card).to_contain_text("未附佐证材料。")
    east_card.get_by_label("审核", exact=True).select_option(label="认可")
    east_card.get_by_label("审核意见").fill("自查材料充分。")
    east_card.get_by_role("button", name="提交审核").click()
    expect(page.get_by_text("城东人民法庭的答复：认可。")).to_be_visible()
    expect(awaiting.get_by_role("heading")).to_have_text("待审核的“不存在同类问题”答复（1）")
    expect(page.locator(f"#answer-{east.pk}")).to_have_count(0)
    assert reach(page) == ["2", "2", "0", "1", "1", "0"]

    west_card = page.locator(f"#answer-{west.pk}")
    west_card.get_by_label("审核", exact=True).select_option(label="不认可，退回重新答复")
    west_card.get_by_role("button", name="提交审核").click()
    expect(page.get_by_text("不认可时请写明理由，单位将据此重新答复。")).to_be_visible()
    expect(page.get_by_role("heading", name="举一反三自查：城西人民法庭")).to_be_visible()
    assert GeneralizationAnswer.objects.get(pk=west.pk).review == "pending"

    review = page.locator("#review")
    review.get_by_label("审核", exact=True).select_option(label="不认可，退回重新答复")
    review.get_by_label("审核意见").fill("未说明自查范围和方法，请补充。")
    review.get_by_role("button", name="提交审核").click()
    expect(page.get_by_text("城西人民法庭的答复：不认可，已退回重新答复。")).to_be_visible()
    expect(awaiting).to_contain_text("没有待审核的答复。")
    assert reach(page) == ["2", "1", "0", "1", "0", "1"]

    page.goto(f"/generalization/answers/{west.pk}/")
    expect(page.locator("#request .status")).to_have_text("未获认可，待重新答复")
    expect(page.locator("#answer").get_by_role("heading", name="上次答复")).to_be_visible()
    expect(page.locator("#answer")).to_contain_text(
        "整改办审核：不认可。意见：未说明自查范围和方法，请补充。"
    )


def test_the_asked_unit_sees_the_verdict_and_not_the_overview(
    page, demo_round, answers, office_clerk, tribunal_reporter
):
    services.review_answer(office_clerk, answers["east"], accept=True, note="自查材料充分。")
    log_in(page, "tribunal")
    page.goto(f"/generalization/answers/{answers['east'].pk}/")
    expect(page.locator("#request .status")).to_have_text("不存在（已认可）")
    expect(page.locator("#answer")).to_contain_text("整改办审核：认可。意见：自查材料充分。")
    expect(page.locator("#review")).to_have_count(0)

    response = page.goto(f"/rounds/{demo_round['round'].pk}/generalization/")
    assert response.status == 403
    expect(page.get_by_text("只有整改办可以查看本轮举一反三的整体情况")).to_be_visible()
