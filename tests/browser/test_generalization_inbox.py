"""The 举一反三 inbox in a real browser, when the list stops short of every pending request:
the heading counts them all and the page says which ones it lists, at desktop and phone
width."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from zhenggai.ledger.models import Unit
from zhenggai.mechanisms import services

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize("width", [1366, 390])
def test_a_cut_short_list_says_so(page, demo_round, units, office_clerk, court_reporter, width):
    Unit.objects.create(name="城西人民法庭", kind=Unit.Kind.TRIBUNAL, parent=units["court"])
    services.ask_generalization(
        office_clerk, demo_round["problems"]["court"], kind=Unit.Kind.TRIBUNAL
    )
    page.set_viewport_size({"width": width, "height": 844})
    log_in(page, "court")
    with pytest.MonkeyPatch.context() as patch:
        # The live server runs in this process: a list of one stands for one of 200.
        patch.setattr("zhenggai.mechanisms.views.generalizations.LIMIT", 1)
        page.goto("/generalization/")
        pending = page.locator("#pending")
        expect(pending.get_by_role("heading")).to_have_text("待答复（2）")
        expect(pending.get_by_text("以下列出答复期限最早的 1 项。")).to_be_visible()
        expect(pending.locator("tbody tr")).to_have_count(1)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=f"/tmp/generalization-inbox-{width}.png", full_page=True)
