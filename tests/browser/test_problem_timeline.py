"""A problem with a long history: its page shows the newest records, and a link opens every
record in the order it happened, a hundred to a page; on a phone too."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from zhenggai.ledger import services
from zhenggai.ledger.models import Event

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def long_history(demo_round, office_clerk, court_reporter):
    """The court problem: claimed, reported on, then reminded every day for four months."""
    problem = demo_round["problems"]["court"]
    measure = problem.measures.get(number=1)
    services.claim_problem(court_reporter, problem, note="法院党组牵头落实")
    services.record(Event.Kind.REPORTED, problem.round, court_reporter, problem=problem)
    for _ in range(118):
        services.record(Event.Kind.REMINDED, problem.round, None, problem=problem, measure=measure)
    start = timezone.make_aware(datetime.datetime(2024, 1, 2, 9, 30))
    for day, pk in enumerate(problem.events.order_by("pk").values_list("pk", flat=True)):
        Event.objects.filter(pk=pk).update(at=start + datetime.timedelta(days=day))
    return problem


def test_the_full_timeline_opens_from_the_problem_page(page, long_history, office_clerk):
    log_in(page, "office")
    page.goto(f"/problems/{long_history.pk}/")
    timeline = page.locator("#timeline")
    expect(timeline.locator("ol.timeline li")).to_have_count(50)
    expect(timeline.locator("li").last).to_contain_text("2024-04-30 09:30 系统 催办 措施 1-1.1")

    timeline.get_by_role("link", name="查看全部 120 条记录").click()
    expect(page.get_by_role("heading", name="问题 1-1 的全部操作记录")).to_be_visible()
    expect(page.get_by_text("共 120 条，按时间先后排列；本页为第 1–100 条。")).to_be_visible()
    entries = page.locator("ol.timeline li")
    expect(entries).to_have_count(100)
    expect(entries.first).to_contain_text("2024-01-02 09:30 陈法官 认领")
    expect(entries.nth(1)).to_contain_text("2024-01-03 09:30 陈法官 提交进展")

    page.get_by_role("link", name="下一页").click()
    expect(page.get_by_text("第 2 / 2 页")).to_be_visible()
    expect(entries).to_have_count(20)
    expect(entries.last).to_contain_text("2024-04-30 09:30 系统 催办 措施 1-1.1")

    page.get_by_role("link", name="返回问题 1-1").click()
    expect(page.get_by_role("heading", name="整改措施（2）")).to_be_visible()


def test_the_full_timeline_fits_a_phone(phone, long_history, office_clerk):
    log_in(phone, "office")
    phone.goto(f"/problems/{long_history.pk}/timeline/")
    expect(phone.locator("ol.timeline li")).to_have_count(100)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
