import os
import stat

import pytest

from tests.reader.builders import docx, p
from zhenggai.reader import ReaderError, read_bytes
from zhenggai.reader.sniff import OLE2

OLD_WORD = OLE2 + b"\x00" * 500 + "WordDocument".encode("utf-16-le") + b"\x00" * 100
OLD_EXCEL = OLE2 + b"\x00" * 500 + "Workbook".encode("utf-16-le") + b"\x00" * 100


@pytest.fixture
def no_libreoffice(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))


@pytest.mark.parametrize("name", ["发言提纲.doc", "发言提纲.wps", "没有扩展名"])
def test_an_old_word_or_wps_file_asks_for_docx(no_libreoffice, name):
    with pytest.raises(ReaderError, match=r"另存为” \.docx"):
        read_bytes(OLD_WORD, name)


def test_an_old_excel_file_asks_for_xlsx(no_libreoffice):
    with pytest.raises(ReaderError, match=r"\.xlsx"):
        read_bytes(OLD_EXCEL, "台账.xls")


def test_an_rtf_file_asks_for_docx():
    with pytest.raises(ReaderError, match="RTF"):
        read_bytes(b"{\\rtf1\\ansi hello}", "材料.rtf")


def test_a_file_named_docx_that_is_not_one_is_refused():
    with pytest.raises(ReaderError, match="扩展名是 .docx"):
        read_bytes("一、这其实是文本".encode(), "伪装.docx")


def test_with_soffice_on_the_path_an_old_file_is_converted_and_read(monkeypatch, tmp_path):
    converted = tmp_path / "converted.docx"
    converted.write_bytes(docx(p("一、存在的问题")))
    soffice = tmp_path / "soffice"
    # Stands in for LibreOffice: "converts" by copying a docx next to the source.
    soffice.write_text(f'#!/bin/sh\nfor last; do :; done\ncp {converted} "${{last%.doc}}.docx"\n')
    soffice.chmod(soffice.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    document = read_bytes(OLD_WORD, "发言提纲.doc")
    assert document.format == "docx"
    assert document.outline[0].title == "存在的问题"
    assert [w.code for w in document.warnings] == ["converted"]
