"""A document as PDF through LibreOffice: every page set in an embedded CJK font, the text
there as Chinese (not boxes), the page A4. LibreOffice is slow to start: one conversion."""

import re
import subprocess

import pytest

from tests.writer import samples
from zhenggai.writer import pdf, rectification_report, to_docx, to_pdf


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory):
    document = rectification_report(
        samples.ROUND, samples.FIGURES, samples.CATEGORIES * 3, samples.LEADER
    )
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    path.write_bytes(to_pdf(to_docx(document)))
    return path


def run(*command) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def pages(path) -> int:
    return int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", str(path)))[1])


def test_the_pdf_is_a4_over_several_pages(report_pdf):
    info = run("pdfinfo", str(report_pdf))
    assert "(A4)" in info
    assert pages(report_pdf) >= 2


def test_every_page_is_set_in_an_embedded_cjk_font(report_pdf):
    for page in range(1, pages(report_pdf) + 1):
        rows = run("pdffonts", "-f", str(page), "-l", str(page), str(report_pdf)).splitlines()[2:]
        cjk = [row for row in rows if "CJK" in row.split()[0]]
        assert cjk, f"第 {page} 页没有中文字体"
        assert all(row.split()[-5] == "yes" for row in cjk), "中文字体未嵌入"


def test_the_text_is_drawn_as_chinese_characters(report_pdf, tmp_path):
    # pdftotext puts a space between digits and Chinese characters.
    text = run("pdftotext", str(report_pdf), "-").replace(" ", "")
    assert "反馈问题整改落实情况" in text
    assert "2023年11月24日" in text
    # The first page, rendered, has ink where the title is.
    run("pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(report_pdf), str(tmp_path / "p"))
    png = next(tmp_path.glob("p*.png"))
    assert png.stat().st_size > 5_000


def test_the_signature_is_not_left_alone_on_the_last_page(report_pdf):
    last = run("pdftotext", "-f", str(pages(report_pdf)), str(report_pdf), "-").replace(" ", "")
    assert "特此报告。" in last and "主要负责人：周明" in last


def test_without_libreoffice_the_reason_is_said_in_chinese(monkeypatch):
    monkeypatch.setattr(pdf, "soffice", lambda: None)
    with pytest.raises(pdf.PdfUnavailable, match="没有安装 LibreOffice"):
        to_pdf(b"")
