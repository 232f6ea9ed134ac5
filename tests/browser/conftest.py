"""A real browser: Debian's chromium driven by playwright, never a downloaded one."""

import datetime
import os
import threading

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from tests.dashboard.conftest import build_known_round
from tests.factories import PASSWORD, PersonFactory
from tests.file_database import IN_MEMORY_SQLITE
from zhenggai.carryout import services as carryout

# Playwright's sync API runs an event loop in this thread; the Django calls our tests make
# between browser steps are ordinary synchronous ones.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def served_one_at_a_time(live_server):
    """On the suite's in-memory SQLite the live server's request threads share one connection:
    a page's own late requests (a panel htmx loads after the page) running beside the next
    page's spoilt it once on CI (a 404 for a round the user sees). The server answers one
    request at a time there, as each of zhenggai's workers does."""
    if IN_MEMORY_SQLITE:
        httpd = live_server.thread.httpd
        app, lock = httpd.get_app(), threading.Lock()

        def one_at_a_time(environ, start_response):
            with lock:
                return app(environ, start_response)

        httpd.set_app(one_at_a_time)
    return live_server


class InFlight:
    """The requests the live server is still answering. A page's late requests (a panel htmx
    loads after the page) may outlive its test: on PostgreSQL one of them, reading in its own
    connection, deadlocked with the flush that empties the database after the test."""

    def __init__(self):
        self.count, self.changed = 0, threading.Condition()

    def counting(self, app):
        def counted(environ, start_response):
            with self.changed:
                self.count += 1
            try:
                return app(environ, start_response)
            finally:
                with self.changed:
                    self.count -= 1
                    self.changed.notify_all()

        return counted

    def wait(self, timeout: float = 10) -> None:
        with self.changed:
            self.changed.wait_for(lambda: self.count == 0, timeout)


@pytest.fixture(scope="session")
def in_flight(served_one_at_a_time):
    httpd = served_one_at_a_time.thread.httpd
    requests = InFlight()
    httpd.set_app(requests.counting(httpd.get_app()))
    return requests


@pytest.fixture
def browser_context(chromium, served_one_at_a_time, in_flight):
    """A new browser for one test; closed, and its last requests answered, before the test's
    data is emptied."""
    contexts = []

    def open_context(**options):
        context = chromium.new_context(locale="zh-CN", base_url=served_one_at_a_time.url, **options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield open_context
    for context in contexts:
        context.close()
    in_flight.wait()


@pytest.fixture
def page(browser_context, served_one_at_a_time):
    live_server = served_one_at_a_time
    page = browser_context()
    outside = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith(live_server.url) and not request.url.startswith("data:")
            else None
        ),
    )
    yield page
    assert outside == [], f"页面请求了外部地址：{outside}"


@pytest.fixture
def phone(browser_context):
    return browser_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)


def log_in(page, username, password=PASSWORD):
    page.goto("/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/")


# Data that several modules start from.


@pytest.fixture
def known_round(units, office_clerk, leader):
    """The round of tests/dashboard/conftest.py, whose every figure is known."""
    chief = PersonFactory(unit=units["police"], name="刘局长", is_leader=True)
    return build_known_round(units, office_clerk, leader.person, chief)


@pytest.fixture
def closed(demo_round, tribunal_reporter, office_clerk):
    """The tribunal's problem, closed through a real report and an on-site check."""
    measure = demo_round["problems"]["tribunal"].measures.get()
    carryout.submit_report(
        tribunal_reporter,
        measure,
        as_of=datetime.date(2023, 10, 20),
        text="诉讼服务窗口已完成整改。",
        status="done_pending",
    )
    carryout.verify_measure(
        office_clerk,
        measure,
        methods=["document_review", "on_site"],
        verified_on=datetime.date(2023, 10, 25),
        findings="实地查看窗口，台账齐全。",
        result="pass",
    )
    return measure


@pytest.fixture
def court_measure(demo_round):
    return demo_round["problems"]["court"].measures.get(number=1)


@pytest.fixture
def pending(court_measure, court_reporter):
    carryout.submit_report(
        court_reporter,
        court_measure,
        as_of=datetime.date(2023, 10, 20),
        text="学习计划已印发。",
        status="done_pending",
    )
    return court_measure


def pick(page, select_id: str, typed: str, option: str) -> None:
    """Types into a picker (zhenggai.ledger.fields.Picker) and clicks the option offered."""
    dropdown = page.locator(f"#{select_id}-ts-dropdown")
    _type_into(page, select_id, typed, dropdown)
    dropdown.get_by_text(option, exact=True).click()
    chosen = page.locator(f"#{select_id} + .ts-wrapper .ts-control .item", has_text=option)
    expect(chosen).to_have_count(1)
    # The picker keeps the focus after a choice and opens again whenever the window regains
    # focus, covering the buttons below it: a person moves on to the next field, and so does
    # the test. A full-page screenshot gives the window focus again, and the picker may take
    # the focus back a moment after a choice: take screenshots before a pick, not after.
    if dropdown.is_visible():
        page.keyboard.press("Escape")
    page.evaluate("document.activeElement && document.activeElement.blur()")
    expect(dropdown).to_be_hidden()


def _type_into(page, select_id: str, typed: str, dropdown, tries: int = 3) -> None:
    """Opens the picker and types until its filtered list shows.

    Headless, a picker chosen a moment before may take the focus back when the window regains
    it (after a screenshot or a resize), which closes this one's list while it filters: seen
    under load on CI. A person would click again; so does the test, a bounded number of times.
    """
    for attempt in range(tries):
        page.locator(f"#{select_id} + .ts-wrapper .ts-control").click()
        # Typed into this picker's own box, not wherever the keyboard's focus is.
        page.locator(f"#{select_id}-ts-control").fill(typed)
        try:
            # The picker filters a moment after typing stops: pick from the filtered list.
            dropdown.locator(".highlight").first.wait_for(timeout=5_000)
            return
        except PlaywrightTimeoutError:
            if attempt == tries - 1:
                raise
            page.keyboard.press("Escape")
            page.evaluate("document.activeElement && document.activeElement.blur()")


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
