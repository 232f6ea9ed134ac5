"""Whatever is uploaded, the reader returns a result or raises ReaderError, nothing else."""

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.reader.builders import abstract, docx, ledger_workbook, num, p, zip_of
from zhenggai.reader import ParsedDocument, ReaderError, read_bytes
from zhenggai.reader.limits import Limits
from zhenggai.reader.model import walk

EXTENSIONS = ["a.txt", "a.docx", "a.xlsx", "a.pdf", "a.doc", "noname"]
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read_or_refuse(data: bytes, name: str) -> ParsedDocument | None:
    try:
        return read_bytes(data, name)
    except ReaderError as error:
        assert str(error)
        return None


@FUZZ
@given(st.binary(max_size=4096), st.sampled_from(EXTENSIONS))
def test_random_bytes_are_read_or_refused(data, name):
    read_or_refuse(data, name)


@FUZZ
@given(
    st.text(alphabet="一二三是、（）()1.．①第首先其次XX×。；：\n 问题原因措施#paid", max_size=400)
)
def test_random_outline_text_is_read_into_a_consistent_tree(text):
    document = read_or_refuse(text.encode(), "a.txt")
    if document is None:
        return
    for node in walk(document.outline):
        assert all(child.level == node.level + 1 for child in node.children)


@pytest.fixture(scope="module")
def packages() -> list[bytes]:
    speech = docx(
        p("一、存在的问题", num=1),
        p("学习不深。", num=1, ilvl=1),
        numbering=abstract(0, ("chineseCounting", "%1、"), ("decimal", "%2.")) + num(1, 0),
    )
    return [speech, ledger_workbook()]


def test_truncated_docx_and_xlsx_files_are_refused_or_read(packages):
    rng = random.Random(4)
    for data in packages:
        for cut in sorted(rng.sample(range(1, len(data)), 25)):
            for name in ("a.docx", "a.xlsx"):
                read_or_refuse(data[:cut], name)


def test_corrupted_docx_and_xlsx_files_are_refused_or_read(packages):
    rng = random.Random(5)
    for data in packages:
        for _ in range(40):
            damaged = bytearray(data)
            for _ in range(rng.randint(1, 8)):
                damaged[rng.randrange(len(damaged))] = rng.randrange(256)
            read_or_refuse(bytes(damaged), "a.docx")


def test_broken_xml_inside_a_valid_zip_is_refused():
    with pytest.raises(ReaderError, match="已损坏"):
        read_bytes(zip_of({"word/document.xml": "<w:document><w:body>"}), "a.docx")


def test_deeply_nested_lists_are_capped_at_the_depth_limit():
    families = ["一、", "（一）", "1.", "（1）", "1）", "①", "第一，", "1、"]
    text = "\n".join(f"{marker}第{i}层" for i, marker in enumerate(families))
    document = read_bytes(text.encode(), "深层.txt", limits=Limits(max_depth=4))
    assert max(node.level for node in walk(document.outline)) == 4
    assert "too_deep" in {w.code for w in document.warnings}


def test_thousands_of_word_list_levels_do_not_nest_without_bound():
    numbering = "".join(abstract(i, ("upperRoman", "%1")) + num(i + 1, i) for i in range(300))
    body = "".join(p(f"第{i}项", num=i + 1) for i in range(300))
    document = read_bytes(docx(body, numbering=numbering), "多列表.docx")
    assert max(node.level for node in walk(document.outline)) <= Limits().max_depth


def test_tables_nested_thousands_deep_are_read():
    nested = "<w:p><w:r><w:t>最内层</w:t></w:r></w:p>"
    for _ in range(3000):
        nested = f"<w:tbl><w:tr><w:tc>{nested}</w:tc><w:tc>{p('x')}</w:tc></w:tr></w:tbl>"
    read_or_refuse(docx(p("一、问题"), nested), "嵌套.docx")


def test_a_ten_megabyte_single_line_is_read():
    line = "一、存在的问题" + "学习不深，作风不实，XX" * 700_000
    assert len(line.encode()) > 10_000_000
    document = read_bytes(line.encode(), "长行.txt")
    assert document.outline[0].marker == "一、"
    assert len(document.outline[0].title) <= 200
    assert len(document.warnings) <= Limits().max_warnings_per_code + 1


def test_a_ten_megabyte_line_of_inline_members_is_read():
    line = "；".join(f"{'一二三四五六七八九十'[i % 10]}是第{i}项" for i in range(800_000))
    read_or_refuse(line.encode(), "长行.txt")


def test_a_file_over_the_size_limit_is_refused_before_reading():
    with pytest.raises(ReaderError, match="超过 1 MB 的上限"):
        read_bytes(b"x" * (2 * 1024 * 1024), "大.txt", limits=Limits(max_file_bytes=1024 * 1024))
