"""Hostile evidence files chosen on the report page in a real browser, at 1366 and 390 px: the
page says in Chinese which file was refused and why; the other chosen files are kept."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.carryout.samples import PDF
from tests.carryout.test_hostile_uploads import HOSTILE
from zhenggai.carryout.models import Evidence, ProgressReport

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
SHOTS = "/tmp/files-{}.png"
MACRO = next(h for h in HOSTILE if h[0].endswith(".docx"))
FAKE_PNG = next(h for h in HOSTILE if h[0].endswith(".png"))


def choose_and_submit(page, measure, *files):
    page.goto(f"/measures/{measure.pk}/reports/new/")
    page.get_by_label("进展情况").fill("已召开专题会议，制定整改台账。")
    page.get_by_label("佐证材料").set_input_files(
        [
            {"name": name, "mimeType": "application/octet-stream", "buffer": data}
            for name, data in files
        ]
    )
    page.get_by_role("button", name="提交进展").click()


def test_a_macro_document_among_good_files_is_named_and_refused(
    page, court_measure, court_reporter
):
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, "court")
    name, data, says = MACRO

    choose_and_submit(page, court_measure, ("会议记录.pdf", PDF), (name, data))

    # The report goes in with the good file; the refused one is named with its reason.
    expect(page.get_by_text(says)).to_be_visible()
    page.screenshot(path=SHOTS.format("macro-1366"), full_page=True)
    assert [e.original_name for e in Evidence.objects.all()] == ["会议记录.pdf"]


def test_html_behind_a_png_signature_is_refused_on_a_phone(phone, court_measure, court_reporter):
    phone.set_viewport_size({"width": 390, "height": 844})
    log_in(phone, "court")
    name, data, says = FAKE_PNG

    choose_and_submit(phone, court_measure, (name, data))

    expect(phone.get_by_text(says)).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.screenshot(path=SHOTS.format("fake-png-390"), full_page=True)
    assert not ProgressReport.objects.exists()
