"""Uploading reads the document into a draft batch and writes nothing to the ledger."""

import pytest
from django.urls import reverse

from tests.importer.documents import plan_docx, plan_text, report_pdf
from tests.reader.builders import ledger_workbook, zip_of
from zhenggai.importer.models import ImportBatch
from zhenggai.ledger.models import Category, Event, Measure, Problem

pytestmark = pytest.mark.django_db


def ledger_counts():
    return (Category.objects.count(), Problem.objects.count(), Measure.objects.count())


@pytest.mark.parametrize(
    ("name", "content", "format_", "problems"),
    [
        ("整改方案.txt", plan_text(), "txt", 3),
        ("整改方案（GBK）.txt", plan_text("gbk"), "txt", 3),
        ("整改方案.docx", plan_docx(), "docx", 3),
        ("进展报告.pdf", report_pdf(), "pdf", 6),
        ("整改台账.xlsx", ledger_workbook(), "xlsx", 3),
    ],
)
def test_each_format_becomes_a_draft_and_the_ledger_is_untouched(
    office, upload, round_, name, content, format_, problems
):
    before = ledger_counts(), Event.objects.count()
    response = upload(office, content, name)
    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("importer:batch", args=[batch.pk])
    assert (batch.status, batch.format, batch.file_name) == ("draft", format_, name)
    assert sum(len(c["problems"]) for c in batch.draft["categories"]) == problems
    assert batch.file.read() == content
    assert (ledger_counts(), Event.objects.count()) == before


def test_the_encoding_the_reader_chose_is_kept(office, upload):
    upload(office, plan_text("gb18030"), "方案.txt")
    assert ImportBatch.objects.get().encoding in ("gb18030", "gbk")


def test_the_review_page_shows_the_source_and_the_draft(office, upload):
    response = upload(office)
    page = office.get(response["Location"]).content.decode()
    assert "核对导入草稿" in page
    assert 'id="line-4"' in page  # the source, with its paragraph numbers
    assert "执法司法监督闭环没有形成" in page
    assert "导入此问题" in page
    assert "导入台账" in page


def test_the_same_file_again_is_noticed_by_its_content(office, upload):
    upload(office, name="第一次.txt")
    first = ImportBatch.objects.get()
    response = upload(office, name="改了名字.txt")
    page = response.content.decode()
    assert response.status_code == 200
    assert "该文件已于" in page and "导入过" in page
    assert first.get_absolute_url() in page
    assert ImportBatch.objects.count() == 1


def test_the_office_may_import_the_same_file_again_on_purpose(office, upload):
    upload(office)
    response = upload(office, again="on")
    assert response.status_code == 302
    assert ImportBatch.objects.count() == 2


def test_a_discarded_upload_is_no_duplicate(office, upload):
    upload(office)
    ImportBatch.objects.update(status=ImportBatch.Status.DISCARDED)
    assert upload(office).status_code == 302


def test_with_htmx_only_the_result_is_redrawn_so_the_chosen_file_stays(office, upload):
    upload(office)
    response = upload(office, htmx=True)
    page = response.content.decode()
    assert "该文件已于" in page
    assert "<form" not in page and 'name="again"' in page
    response = upload(office, htmx=True, again="on")
    assert response["HX-Redirect"].startswith("/imports/")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("空.txt", b"   \n", "文件是空的"),
        ("坏.docx", zip_of({"word/document.xml": "<w:document"}), ""),
        ("截断.docx", plan_docx()[:500], ""),
        ("旧版.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ".docx"),
        ("扫描件.pdf", b"%PDF-1.4\n%%EOF\n", ""),
        ("乱码.bin", bytes(range(256)) * 20, ""),
    ],
)
def test_an_unreadable_file_gets_a_chinese_message_and_nothing_is_saved(
    office, upload, name, content, message
):
    before = ledger_counts()
    response = upload(office, content, name)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in page
    assert message in page
    assert ImportBatch.objects.count() == 0
    assert ledger_counts() == before


def test_a_file_over_the_upload_limit_is_refused_before_reading(office, upload, settings):
    settings.ZHENGGAI_MAX_UPLOAD_BYTES = 1024
    response = upload(office, plan_text() * 20)
    assert "文件超过" in response.content.decode()
    assert ImportBatch.objects.count() == 0


def test_a_file_name_full_of_tricks_is_kept_as_text_but_never_used_on_disk(office, upload):
    name = "../../etc/<script>整改方案" + "长" * 300 + ".txt"
    upload(office, name=name)
    batch = ImportBatch.objects.get()
    assert batch.file.name == f"imports/{batch.round_id}/{batch.sha256[:16]}.txt"
    page = office.get(batch.get_absolute_url()).content.decode()
    assert "<script>整改方案" not in page


def test_a_court_reporter_cannot_import(client, court_reporter, upload, round_):
    client.force_login(court_reporter)
    assert client.get(reverse("importer:upload", args=[round_.pk])).status_code == 403
    assert upload(client).status_code == 403
    assert ImportBatch.objects.count() == 0


def test_a_user_without_a_unit_does_not_even_see_the_round(client, outsider, upload):
    client.force_login(outsider)
    assert upload(client).status_code == 404


def test_the_round_page_offers_the_import_only_to_those_who_may_edit(
    client, office_clerk, court_reporter, round_
):
    url = reverse("ledger:round_home", args=[round_.pk])
    client.force_login(office_clerk)
    assert "导入文档" in client.get(url).content.decode()
    client.force_login(court_reporter)
    assert "导入文档" not in client.get(url).content.decode()


def test_the_upload_page_lists_the_rounds_earlier_imports(office, upload, round_):
    upload(office)
    page = office.get(reverse("importer:upload", args=[round_.pk])).content.decode()
    assert "整改方案.txt" in page and "待审核" in page


def test_the_admin_shows_no_import_batches(client, django_user_model, draft):
    """A document's text is rectification content, which the admin does not hold."""
    client.force_login(django_user_model.objects.create_superuser("root", password="x-horse-9"))
    assert client.get("/admin/importer/importbatch/").status_code == 404
    assert client.get(f"/admin/importer/importbatch/{draft.pk}/change/").status_code == 404
