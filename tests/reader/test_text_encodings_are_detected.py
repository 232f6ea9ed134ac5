import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.reader.reading import read_text
from zhenggai.reader import ReaderError, read_bytes, simplified
from zhenggai.reader.encoding import decode

SPEECH = "一、存在的主要问题\n（一）在落实整改责任方面\n一是督促检查的力度不大。\n"


def test_utf8_text_is_read_and_reported_as_utf8():
    document = read_text(SPEECH)
    assert document.encoding == "utf-8"
    assert document.outline[0].title == "存在的主要问题"


def test_utf8_with_the_notepad_bom_is_reported_as_utf8_sig():
    document = read_bytes(codecs.BOM_UTF8 + SPEECH.encode(), "带BOM.txt")
    assert document.encoding == "utf-8-sig"
    assert document.outline[0].marker == "一、"


@pytest.mark.parametrize("encoding", ["gbk", "utf-16-le", "utf-16-be"])
def test_legacy_and_unicode_encodings_are_detected_without_a_bom(encoding):
    document = read_bytes(SPEECH.encode(encoding), "无BOM.txt")
    assert document.encoding == encoding
    assert document.outline[0].children[0].children[0].title == "督促检查的力度不大"


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
)
def test_utf16_with_a_bom_is_detected(bom, encoding):
    document = read_bytes(bom + SPEECH.encode(encoding), "unicode.txt")
    assert document.encoding == encoding
    assert document.outline[0].title == "存在的主要问题"


def test_characters_beyond_gbk_are_read_as_gb18030():
    # 䶮 (CJK extension A) exists in GB18030 only.
    document = read_text("某市䶮溪区司法局发言提纲\n一、存在的问题\n", "gb18030")
    assert document.encoding == "gb18030"
    assert document.title == "某市䶮溪区司法局发言提纲"


def test_traditional_characters_are_kept_as_written_and_matched_through_a_simplified_copy():
    document = read_text("一、存在的主要問題\n（一）督促檢查的力度不大。\n", "big5")
    assert document.outline[0].title == "存在的主要問題"
    assert document.outline[0].kind == "problem"
    assert simplified("存在的主要問題") == "存在的主要问题"


def test_a_file_cut_inside_its_last_character_is_still_read_as_utf8():
    data = SPEECH.encode()[:-2]
    assert read_bytes(data, "截断.txt").encoding == "utf-8"


def test_binary_noise_is_refused_with_a_chinese_message():
    noise = bytes(range(256)) * 40
    with pytest.raises(ReaderError, match="无法识别该文本文件的编码"):
        read_bytes(noise, "乱码.txt")


def test_an_empty_file_is_refused():
    with pytest.raises(ReaderError, match="文件是空的"):
        read_bytes(b"  \n ", "空.txt")


CHINESE_TEXT = st.text(
    alphabet=st.sampled_from("一二三是的问题整改措施原因，。；：（）\n政法委巡察12ab"), min_size=1
)


@settings(max_examples=60, deadline=None)
@given(CHINESE_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
def test_any_chinese_text_comes_back_as_written_from_each_encoding(text, encoding):
    if not text.strip("\n"):
        return
    decoded, _ = decode(text.encode(encoding))
    assert decoded == text


@pytest.mark.parametrize(
    "text",
    ["習貫徹習近平", "從嚴治黨主體", "層黨組織建設薄弱。會議要", "三是基層黨組織建設薄弱。"],
)
def test_a_short_big5_text_is_not_taken_for_korean_or_utf16(text):
    assert decode(text.encode("big5")) == (text, "big5")
