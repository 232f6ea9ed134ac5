"""The office replaces the Word template of its round's documents: its letterhead stays, the
text goes where {{正文}} stands; a file that is not a Word document is refused with the reason
and nothing changes; stopping the template brings the standard format back."""

import io

import docx
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from tests.factories import letterhead
from zhenggai.documents import services
from zhenggai.documents.models import DocumentTemplate


def plan_paragraphs(client, round_) -> list[str]:
    response = client.get(reverse("documents:download", args=[round_.pk, "plan"]))
    return [p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs if p.text]


def test_the_plan_is_written_into_the_offices_letterhead(client, demo_round, office_clerk):
    client.force_login(office_clerk)
    round_ = demo_round["round"]
    upload = client.post(
        reverse("documents:template", args=[round_.pk]), {"file": letterhead()}, follow=True
    )
    assert "已启用模板“红头.docx”" in upload.content.decode()
    paragraphs = plan_paragraphs(client, round_)
    assert paragraphs[0] == "中共临江市委政法委员会文件"
    assert paragraphs[1].endswith("整改方案")
    assert paragraphs[-1] == "抄送：市委办公室"
    client.post(reverse("documents:template_remove", args=[round_.pk]))
    assert plan_paragraphs(client, round_)[0].endswith("整改方案")


def test_what_is_not_a_word_document_is_refused_and_nothing_changes(
    client, demo_round, office_clerk
):
    client.force_login(office_clerk)
    round_ = demo_round["round"]
    page = client.post(
        reverse("documents:template", args=[round_.pk]),
        {"file": SimpleUploadedFile("红头.doc", b"\xd0\xcf\x11\xe0 an old Word file")},
    )
    assert page.status_code == 200
    assert "模板不是 Word 文档（.docx）" in page.content.decode()
    assert not DocumentTemplate.objects.exists()


def test_a_unit_may_not_replace_the_template(client, demo_round, court_reporter):
    client.force_login(court_reporter)
    response = client.post(
        reverse("documents:template", args=[demo_round["round"].pk]), {"file": letterhead()}
    )
    assert response.status_code == 403
    assert not DocumentTemplate.objects.exists()


def test_a_removal_rolled_back_keeps_the_file_its_row_names(
    demo_round, office_clerk, django_capture_on_commit_callbacks
):
    round_ = demo_round["round"]
    upload = letterhead()
    template = services.upload_template(office_clerk, round_, upload.name, upload.read())
    with transaction.atomic():
        services.remove_template(office_clerk, round_)
        transaction.set_rollback(True)
    assert template.file.storage.exists(template.file.name)
    with django_capture_on_commit_callbacks(execute=True):
        services.remove_template(office_clerk, round_)
    assert not template.file.storage.exists(template.file.name)
