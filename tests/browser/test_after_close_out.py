"""What comes after a close-out, in a real browser: the list of closed problems without a
mechanism, a rebound reopened with its reason, the history of checks and reopenings,
unlinking a mechanism, discarding an import, and logging out."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.browser.test_import import upload_the_plan
from tests.importer.documents import plan_docx
from zhenggai.carryout.models import Reopening
from zhenggai.importer.models import ImportBatch
from zhenggai.ledger.models import Measure
from zhenggai.mechanisms import services as mechanisms

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_closed_problem_without_a_mechanism_is_listed(page, demo_round, closed, office_clerk):
    log_in(page, "office")
    page.goto(f"/rounds/{demo_round['round'].pk}/")
    page.get_by_role("link", name="已销号未建长效机制").click()
    expect(page.locator(".count")).to_contain_text("共 1 个")
    expect(page.locator("#results")).to_contain_text(closed.problem.code)


def test_a_rebound_needs_a_reason_and_shows_in_the_history(page, closed, office_clerk):
    log_in(page, "office")
    page.goto(f"/measures/{closed.pk}/reopen/")
    page.get_by_label("属于变异反弹").check()
    page.get_by_role("button", name="重新打开").click()
    expect(page.get_by_text("这个字段是必填项。")).to_be_visible()
    assert not Reopening.objects.exists()

    page.get_by_label("重新打开的原因").fill("回头看发现窗口又出现推诿。")
    page.get_by_role("button", name="重新打开").click()
    page.wait_for_url(f"**/problems/{closed.problem_id}/**")
    assert Measure.objects.get(pk=closed.pk).status == "in_progress"
    page.goto(f"/problems/{closed.problem_id}/checks/")
    expect(page.locator("main")).to_contain_text("变异反弹")
    expect(page.locator("main")).to_contain_text("回头看发现窗口又出现推诿。")


def test_the_office_unlinks_a_mechanism(page, demo_round, closed, units, office_clerk):
    mechanism = mechanisms.register_mechanism(
        office_clerk,
        demo_round["round"],
        name="诉讼服务窗口首问负责制度",
        kind="rule",
        issuing_unit=units["court"],
        issued_on=datetime.date(2023, 10, 30),
        problems=[closed.problem],
    )
    log_in(page, "office")
    page.goto(f"/mechanisms/{mechanism.pk}/")
    page.get_by_role("button", name="取消关联").click()
    expect(page.get_by_role("button", name="取消关联")).to_have_count(0)
    assert not mechanism.problems.exists()


def test_the_office_discards_an_import(page, demo_round, office_clerk):
    log_in(page, "office")
    upload_the_plan(page, demo_round["round"], plan_docx())
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="放弃本次导入").click()
    expect(page.get_by_text("台账未作任何改动")).to_be_visible()
    assert ImportBatch.objects.get().status == ImportBatch.Status.DISCARDED
    assert demo_round["round"].problems.count() == 3


def test_logging_out_returns_to_the_login_page(page, office_clerk):
    log_in(page, "office")
    page.get_by_role("button", name="退出").click()
    page.wait_for_url("**/login/")
    page.goto("/")
    page.wait_for_url("**/login/?next=/")


def test_the_office_reopens_a_whole_problem_from_its_page(page, closed, office_clerk):
    log_in(page, "office")
    page.goto(f"/problems/{closed.problem_id}/")
    page.get_by_role("link", name="重新打开问题").click()
    page.get_by_label("重新打开的原因").fill("群众来信反映窗口服务仍不到位。")
    page.get_by_role("button", name="重新打开").click()
    page.wait_for_url(f"**/problems/{closed.problem_id}/**")
    expect(page.locator(f"article#measure-{closed.pk}")).to_contain_text("整改中")
    assert Reopening.objects.filter(problem=closed.problem).exists()
