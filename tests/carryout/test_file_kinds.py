"""A file is the kind its name says only when it opens as that kind: fakes, macros, zip bombs
and names that climb out of their folder are refused with the file's name and the reason,
and nothing is saved."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError

from tests.carryout.conftest import report
from tests.carryout.samples import (
    DOC,
    GOOD,
    PDF,
    PNG,
    WORD_MAIN,
    XLS,
    compound,
    content_types,
    package,
    upload,
)
from tests.carryout.test_evidence_files import assert_nothing_saved
from zhenggai.importer import services as importer

MACRO_WORD = "application/vnd.ms-word.document.macroEnabled.main+xml"
EXECUTABLE = b"MZ\x90\x00\x03" + bytes(59) + b"This program cannot be run in DOS mode.\r\n"


def refused(measures, user, name, data) -> str:
    with pytest.raises(ValidationError) as error:
        report(user, measures["court"], files=[upload(name, data)])
    (message,) = error.value.message_dict["files"]
    return message


def zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types(("/word/document.xml", WORD_MAIN)))
        archive.writestr("word/document.xml", b"\0" * (20 * 1024 * 1024))
    return buffer.getvalue()


def test_every_allowed_kind_opens_and_is_stored(measures, court_reporter, media):
    saved = report(court_reporter, measures["court"], files=[upload(n, d) for n, d in GOOD.items()])

    assert sorted(e.original_name for e in saved.evidence.all()) == sorted(GOOD)
    kinds = {e.original_name: e.content_type for e in saved.evidence.all()}
    assert kinds["旧版纪要.doc"] == "application/msword"
    assert kinds["金山表格.et"] == "application/vnd.ms-excel.et"


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("通知.pdf", EXECUTABLE + b"%PDF-1.7\n" + bytes(2000), "“通知.pdf”是可执行程序，不予接收"),
        (
            "通知.pdf",
            b"%PDF-1.7\n" + EXECUTABLE + bytes(2000),
            "“通知.pdf”的内容不是PDF文件（无法识别为任何允许的类型），",
        ),
        (
            "照片.png",
            b"\x89PNG\r\n\x1a\n<html><script>alert(1)</script></html>",
            "“照片.png”的内容不是PNG 图片文件（无法识别为任何允许的类型），",
        ),
        ("照片.jpg", b"\xff\xd8\xff\xe0<html><body>x</body></html>", "“照片.jpg”的内容不是JPG"),
        ("截图.png", PDF, "“截图.png”的内容不是PNG 图片文件（实际是PDF文件），"),
        ("纪要.docx", package({"word/document.xml": b"<w/>"}), "“纪要.docx”的内容不是Word"),
        ("旧纪要.doc", XLS[:600], "“旧纪要.doc”的内容不是Word（.doc）文件"),
        ("旧台账.xls", DOC, "“旧台账.xls”的内容不是Excel（.xls）文件（实际是Word（.doc）文件），"),
        ("旧台账.xls", PNG, "“旧台账.xls”的内容不是Excel（.xls）文件（实际是PNG 图片文件），"),
    ],
)
def test_a_fake_is_refused_for_what_it_is(measures, court_reporter, media, name, data, says):
    assert refused(measures, court_reporter, name, data).startswith(says)
    assert_nothing_saved(measures, media)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        (
            "宏.docx",
            package(
                {
                    "[Content_Types].xml": content_types(("/word/document.xml", WORD_MAIN)),
                    "word/document.xml": b"<w:document/>",
                    "word/vbaProject.bin": b"Attribute VB_Name",
                }
            ),
        ),
        (
            "宏.docx",
            package(
                {
                    "[Content_Types].xml": content_types(("/word/document.xml", MACRO_WORD)),
                    "word/document.xml": b"<w:document/>",
                }
            ),
        ),
        ("宏.doc", compound([("WordDocument", 2, bytes(9)), ("Macros/", 1, b""), ("VBA", 1, b"")])),
        ("宏.xls", compound([("Workbook", 2, bytes(600)), ("_VBA_PROJECT_CUR/", 1, b"")])),
    ],
)
def test_a_file_with_macros_is_refused(measures, court_reporter, media, name, data):
    message = refused(measures, court_reporter, name, data)

    assert message == (
        f"“{name}”含有宏（VBA 代码），为安全起见不予接收，请另存为不含宏的文件后再上传。"
    )
    assert_nothing_saved(measures, media)


def test_a_zip_bomb_is_refused_before_it_is_inflated(measures, court_reporter, media):
    bomb = zip_bomb()
    assert len(bomb) < 100 * 1024

    message = refused(measures, court_reporter, "台账.docx", bomb)

    assert message.startswith("“台账.docx”中的“word/document.xml”压缩比异常（")
    assert message.endswith("可能是恶意构造的压缩文件，已拒绝读取。")
    assert_nothing_saved(measures, media)


def test_a_package_naming_files_outside_itself_is_refused(measures, court_reporter, media):
    sneaky = package(
        {
            "[Content_Types].xml": content_types(("/word/document.xml", WORD_MAIN)),
            "word/document.xml": b"<w:document/>",
            "../../etc/cron.d/zhenggai": b"* * * * * root sh",
        }
    )

    message = refused(measures, court_reporter, "纪要.docx", sneaky)

    assert message == (
        "“纪要.docx”包含指向包外的路径（../../etc/cron.d/zhenggai），可能是恶意构造的文件。"
    )
    assert_nothing_saved(measures, media)


def test_a_windows_path_from_an_old_browser_is_kept_as_its_last_part(measures, court_reporter):
    saved = report(court_reporter, measures["court"], files=[upload("C:\\桌面\\方案.pdf", PDF)])

    (evidence,) = saved.evidence.all()
    assert evidence.original_name == "方案.pdf"
    assert evidence.file.name.startswith("evidence/") and "方案" not in evidence.file.name


def test_an_import_with_macros_is_refused_before_it_is_read(demo_round, office_clerk, media):
    macro = package(
        {
            "[Content_Types].xml": content_types(("/word/document.xml", MACRO_WORD)),
            "word/document.xml": b"<w:document/>",
            "word/vbaProject.bin": b"Attribute VB_Name",
        }
    )
    with pytest.raises(ValidationError) as error:
        importer.upload(office_clerk, demo_round["round"], "反馈意见.docx", macro)

    assert error.value.message_dict["file"] == [
        "“反馈意见.docx”含有宏（VBA 代码），为安全起见不予接收，请另存为不含宏的文件后再上传。"
    ]


def test_a_large_pdf_without_its_table_is_refused_without_reading_it_line_by_line(
    measures, court_reporter, media
):
    # pdfminer would search this one line for the table for minutes (bench/bench_files.py).
    endless_line = b"%PDF-1.7\n" + b" " * (6 * 1024 * 1024) + b"\n%%EOF\n"

    message = refused(measures, court_reporter, "扫描件.pdf", endless_line)

    assert message.startswith("“扫描件.pdf”的内容不是PDF文件（无法识别为任何允许的类型）")
