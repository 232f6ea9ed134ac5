import io
import zipfile

import pytest

from tests.reader.builders import docx, p
from zhenggai.reader import ReaderError, read_bytes
from zhenggai.reader.limits import Limits


def bomb(inflated: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", b"<" + b"\x00" * inflated)
    return out.getvalue()


def refuse_to_inflate(*args, **kwargs):
    raise AssertionError("a member was inflated before the bomb was refused")


def test_a_member_compressed_beyond_any_real_document_is_refused_unopened(monkeypatch):
    data = bomb(20 * 1024 * 1024)
    monkeypatch.setattr(zipfile.ZipFile, "open", refuse_to_inflate)
    with pytest.raises(ReaderError, match="压缩比异常"):
        read_bytes(data, "炸弹.docx")


def test_members_inflating_past_the_total_limit_are_refused_unopened(monkeypatch):
    data = bomb(2 * 1024 * 1024)
    monkeypatch.setattr(zipfile.ZipFile, "open", refuse_to_inflate)
    limits = Limits(max_unzipped_bytes=1024 * 1024, max_compression_ratio=10**6)
    with pytest.raises(ReaderError, match="超过 1 MB 的上限"):
        read_bytes(data, "大包.xlsx", limits=limits)


def test_a_member_holding_more_than_its_directory_entry_says_is_refused():
    data = bytearray(docx(p("一、问题")))
    entry = data.rfind(b"PK\x01\x02")
    name_at = data.find(b"word/document.xml", entry)
    central = data.rfind(b"PK\x01\x02", 0, name_at)
    # Shrink the declared size in the central directory to 10 bytes.
    data[central + 24 : central + 28] = (10).to_bytes(4, "little")
    with pytest.raises(ReaderError, match="已损坏"):
        read_bytes(bytes(data), "说谎.docx")


def test_an_ordinary_document_is_well_within_the_limits():
    assert read_bytes(docx(p("一、问题")), "正常.docx").outline[0].title == "问题"
