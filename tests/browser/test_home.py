"""The home page (工作台) in a real browser: where each login lands, at desktop and phone
width, and a reporter's report of a measure from it in three taps."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.carryout.samples import PNG
from tests.factories import UserFactory
from zhenggai.carryout.models import Evidence

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHOTS = "/tmp/daily-home-{}-{}.png"
WIDTHS = (1366, 390)


def no_horizontal_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("who", ["court", "office", "leader"])
def test_each_login_lands_on_its_home_page_at_every_width(page, demo_round, who, request):
    for fixture in ("court_reporter", "office_clerk", "leader"):
        request.getfixturevalue(fixture)
    log_in(page, who)
    expect(page.get_by_role("heading", name="工作台")).to_be_visible()
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 844})
        no_horizontal_scroll(page)
        page.screenshot(path=SHOTS.format(who, width), full_page=True)


def test_an_administrator_lands_on_a_page_that_leads_to_the_admin(page, demo_round):
    UserFactory(username="root", is_staff=True, is_superuser=True)
    log_in(page, "root")
    expect(page.get_by_text("您是系统管理员，负责账号和基础数据")).to_be_visible()
    expect(page.get_by_text(demo_round["round"].name)).to_have_count(0)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 844})
        no_horizontal_scroll(page)
        page.screenshot(path=SHOTS.format("admin", width), full_page=True)
    page.get_by_role("link", name="进入系统管理").click()
    expect(page).to_have_url("/admin/")


def test_a_reporter_reports_a_measure_with_a_photo_in_three_taps(
    phone, court_measure, court_reporter
):
    phone.set_viewport_size({"width": 390, "height": 844})
    log_in(phone, "court")
    # Taps, not clicks: a phone's touch events, from the page the login lands on.
    expect(phone.get_by_role("heading", name="工作台")).to_be_visible()
    phone.get_by_role("link", name=f"报送进展 {court_measure.code}").tap()  # 1
    phone.get_by_label("进展情况").fill("已召开专题学习会，现场照片附后。")
    phone.get_by_label("佐证材料").set_input_files(  # 2: choosing the photo
        [{"name": "现场.png", "mimeType": "image/png", "buffer": PNG}]
    )
    phone.get_by_role("button", name="提交进展").tap()  # 3

    expect(phone.get_by_text(f"已报送措施 {court_measure.code} 的进展。")).to_be_visible()
    assert Evidence.objects.get().original_name == "现场.png"
