"""An htmx request that fails says why beside its form: the server's Chinese reason for a
refusal (403) or an error (500), and a plain sentence when the network is gone. The typing
stays where it was."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.factories import grant
from zhenggai.authority.models import Role, RoleAssignment
from zhenggai.supervision import services

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NOTE = "请本周内报送进展。"


@pytest.fixture
def remind_form(page, demo_round, office_clerk, court_reporter):
    problem = demo_round["problems"]["court"]
    measure = problem.measures.get(number=1)
    log_in(page, "office")
    page.goto(f"/problems/{problem.pk}/")
    card = page.locator(f"#measure-{measure.pk}")
    card.get_by_label("催办说明").fill(NOTE)
    return card


def test_a_refusal_shows_the_servers_reason_beside_the_form(page, remind_form, office_clerk, units):
    # The clerk moves to reporting for the committee while the page is open: it still sees
    # the measure, and may no longer remind.
    RoleAssignment.objects.filter(user=office_clerk).delete()
    grant(office_clerk, Role.REPORTER, units["committee"])
    remind_form.get_by_role("button", name="催办").click()

    alert = remind_form.get_by_role("alert")
    expect(alert).to_contain_text("只有本轮整改牵头单位")
    expect(remind_form.get_by_label("催办说明")).to_have_value(NOTE)
    page.screenshot(path="/tmp/daily-htmx-403-1366.png")


def test_a_server_error_says_so_beside_the_form(page, remind_form, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("数据库连接中断")

    monkeypatch.setattr(services, "remind", broken)
    remind_form.get_by_role("button", name="催办").click()

    expect(remind_form.get_by_role("alert")).to_contain_text("系统出现错误，请稍后重试")
    expect(remind_form.get_by_label("催办说明")).to_have_value(NOTE)


def test_a_lost_network_says_so_and_the_next_try_clears_it(page, remind_form):
    page.route("**/remind/", lambda route: route.abort())
    remind_form.get_by_role("button", name="催办").click()
    expect(remind_form.get_by_role("alert")).to_contain_text("网络连接失败")

    page.unroute("**/remind/")
    remind_form.get_by_role("button", name="催办").click()
    # The server answers this time and the alert is gone.
    expect(remind_form.get_by_role("status")).to_contain_text("已催办")
    expect(remind_form.get_by_role("alert")).to_have_count(0)
