"""Hostile files posted to the progress report page as a browser or a script would send them:
each is refused on the form in Chinese with its name and the reason, the worker's memory
hardly grows, and nothing is saved. A name that climbs out of its folder never becomes a
path: the file lands under a random name inside the media folder. (The 1 GB body is in
test_uploads_stream_to_disk.py; every fixture is built here, no file is copied in.)"""

import pytest
from django.urls import reverse

from tests.carryout.samples import PDF, WORD_MAIN, content_types, package
from tests.carryout.test_file_kinds import EXECUTABLE, MACRO_WORD, zip_bomb
from tests.carryout.test_uploads_stream_to_disk import FIELDS, MIB, multipart, send
from zhenggai.carryout.models import Evidence, ProgressReport

HOSTILE = [
    ("通知.pdf", EXECUTABLE + b"%PDF-1.7\n" + bytes(4000), "“通知.pdf”是可执行程序，不予接收。"),
    (
        "现场照片.png",
        b"\x89PNG\r\n\x1a\n<html><body onload=alert(1)>x</body></html>",
        "“现场照片.png”的内容不是PNG 图片文件（无法识别为任何允许的类型）",
    ),
    (
        "会议纪要.docx",
        package(
            {
                "[Content_Types].xml": content_types(("/word/document.xml", MACRO_WORD)),
                "word/document.xml": b"<w:document/>",
                "word/vbaProject.bin": b"Attribute VB_Name",
            }
        ),
        "“会议纪要.docx”含有宏（VBA 代码），为安全起见不予接收",
    ),
    ("整改台账.docx", zip_bomb(), "“整改台账.docx”中的“word/document.xml”压缩比异常"),
    (
        "制度文件.docx",
        package(
            {
                "[Content_Types].xml": content_types(("/word/document.xml", WORD_MAIN)),
                "word/document.xml": b"<w:document/>",
                "../../../etc/cron.d/zhenggai": b"* * * * * root sh",
            }
        ),
        "“制度文件.docx”包含指向包外的路径（../../../etc/cron.d/zhenggai）",
    ),
]


@pytest.fixture
def as_court(client, court_reporter):
    client.force_login(court_reporter)
    return client


@pytest.mark.parametrize(("name", "data", "says"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_a_hostile_file_is_refused_on_the_form_in_chinese(
    as_court, measures, media, name, data, says
):
    url = reverse("carryout:report_create", args=[measures["court"].pk])

    response, peak = send(as_court, url, multipart(FIELDS, name, data))

    assert response.status_code == 200
    page = response.content.decode()
    assert says in page
    assert "已完成排查，正在整改。" in page
    assert peak < 16 * MIB, f"peak {peak / MIB:.1f} MB"
    assert not ProgressReport.objects.exists()
    assert not [p for p in media.rglob("*") if p.is_file()]


def test_a_name_climbing_out_of_its_folder_never_becomes_a_path(as_court, measures, media):
    url = reverse("carryout:report_create", args=[measures["court"].pk])
    name = "../../../../tmp/逃逸/整改方案.pdf"

    response, _ = send(as_court, url, multipart(FIELDS, name, PDF))

    assert response.status_code == 302
    (evidence,) = Evidence.objects.all()
    assert evidence.original_name == "整改方案.pdf"
    assert evidence.file.name.startswith("evidence/") and "整改方案" not in evidence.file.name
    (stored,) = [p for p in media.rglob("*") if p.is_file()]
    assert stored.read_bytes() == PDF
