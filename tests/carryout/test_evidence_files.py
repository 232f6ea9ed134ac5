"""Evidence files are checked by extension and content; a bad file refuses the whole report
with a Chinese message, and nothing is saved: no report, no evidence, no file on disk."""

import hashlib

import pytest
from django.core.exceptions import ValidationError

from tests.carryout.conftest import report
from tests.carryout.samples import DOCX, GOOD, JPG, PDF, PNG, XLSX, package, upload
from zhenggai.carryout import services
from zhenggai.carryout.files import clean_name
from zhenggai.carryout.models import Evidence, ProgressReport
from zhenggai.ledger.models import Event, Measure


def stored_files(media) -> list:
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


def refused(measures, user, *files) -> list[str]:
    with pytest.raises(ValidationError) as error:
        report(user, measures["court"], files=list(files))
    return error.value.message_dict["files"]


def assert_nothing_saved(measures, media):
    assert not ProgressReport.objects.exists()
    assert not Evidence.objects.exists()
    assert not Event.objects.filter(kind=Event.Kind.REPORTED).exists()
    assert Measure.objects.get(pk=measures["court"].pk).last_reported_on is None
    assert stored_files(media) == []


def test_every_allowed_kind_is_stored_with_its_hash_type_and_name(measures, court_reporter, media):
    saved = report(court_reporter, measures["court"], files=[upload(n, d) for n, d in GOOD.items()])

    evidence = {e.original_name: e for e in saved.evidence.all()}
    assert set(evidence) == set(GOOD)
    pdf = evidence["整改方案.pdf"]
    assert pdf.sha256 == hashlib.sha256(GOOD["整改方案.pdf"]).hexdigest()
    assert pdf.size == len(GOOD["整改方案.pdf"])
    assert pdf.content_type == "application/pdf"
    assert evidence["正式文件.ofd"].content_type == "application/ofd"
    assert pdf.file.read() == GOOD["整改方案.pdf"]
    assert "整改方案" not in pdf.file.name  # stored under a random name
    assert len(stored_files(media)) == len(GOOD)


def test_the_report_event_lists_the_files(measures, court_reporter):
    report(court_reporter, measures["court"], files=[upload("方案.pdf")])

    event = Event.objects.get(kind=Event.Kind.REPORTED)
    assert [e["original_name"] for e in event.changes["report"][1]["evidence"]] == ["方案.pdf"]


def test_a_text_file_called_pdf_is_refused_and_nothing_is_saved(measures, court_reporter, media):
    messages = refused(measures, court_reporter, upload("整改报告.pdf", "这不是PDF".encode()))

    assert messages == [
        "“整改报告.pdf”的内容不是PDF文件（无法识别为任何允许的类型），"
        "可能已损坏或被改了扩展名，请检查后重新上传。"
    ]
    assert_nothing_saved(measures, media)


def test_one_bad_file_among_good_ones_refuses_them_all(measures, court_reporter, media):
    refused(measures, court_reporter, upload("好.pdf"), upload("坏.png", PDF))

    assert_nothing_saved(measures, media)


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("病毒.exe", b"MZ\x90\x00", "文件类型不支持"),
        ("照片.png", JPG, "实际是JPG 图片文件"),
        ("表格.xlsx", DOCX, "实际是Word（.docx）文件"),
        ("文档.docx", XLSX, "实际是Excel（.xlsx）文件"),
        ("压缩包.docx", package({"a.txt": b"x"}), "无法识别"),
        ("假OFD.ofd", DOCX, "实际是Word（.docx）文件"),
        ("坏的.docx", b"PK\x03\x04broken", "无法识别"),
        ("图.jpg", PNG, "实际是PNG 图片文件"),
        ("没有扩展名", PDF, "文件类型不支持"),
        ("网页.html", b"<html><script>alert(1)</script>", "文件类型不支持"),
    ],
)
def test_a_wrong_type_is_refused_with_the_reason(measures, court_reporter, media, name, data, says):
    (message,) = refused(measures, court_reporter, upload(name, data))
    assert says in message
    assert_nothing_saved(measures, media)


def test_a_file_over_the_limit_is_refused(measures, court_reporter, media, settings):
    settings.ZHENGGAI_MAX_UPLOAD_BYTES = 1024 * 1024
    big = PDF + b"0" * (3 * 1024 * 1024 // 2)

    (message,) = refused(measures, court_reporter, upload("扫描件.pdf", big))

    assert message == "“扫描件.pdf”有 1.5 MB，超过 1 MB 的上限，请压缩或拆分后再上传。"
    assert_nothing_saved(measures, media)


def test_an_empty_file_is_refused(measures, court_reporter, media):
    (message,) = refused(measures, court_reporter, upload("空.pdf", b""))
    assert "是空文件" in message


def test_too_many_files_are_refused(measures, court_reporter, media):
    with pytest.raises(ValidationError) as error:
        report(court_reporter, measures["court"], files=[upload(f"{n}.pdf") for n in range(21)])
    assert error.value.message_dict == {"files": ["一次最多上传 20 个文件。"]}


def test_a_failure_after_the_files_were_written_removes_them(
    measures, court_reporter, media, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("数据库写入失败")

    monkeypatch.setattr(services, "transition", broken)
    with pytest.raises(RuntimeError):
        report(court_reporter, measures["court"], files=[upload("a.pdf"), upload("b.png", PNG)])
    assert_nothing_saved(measures, media)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("C:\\Users\\张三\\桌面\\方案.PDF", "方案.pdf"),
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("报告\u202egnp.pdf", "报告gnp.pdf"),
        ("会议\x00纪要\r\n.docx", "会议纪要.docx"),
        ('a<b>:"c"|?*.png', "a_b___c____.png"),
        (".pdf", "pdf"),
        ("", "佐证材料"),
        ("长" * 300 + ".pdf", "长" * 116 + ".pdf"),
    ],
)
def test_names_are_kept_but_cleaned(raw, clean):
    assert clean_name(raw) == clean
