"""Each document as PDF through LibreOffice: every page set in an embedded CJK font, the text
there as Chinese (not boxes) with not one character lost, the page A4. LibreOffice is slow to
start: it converts them all at once, for every test."""

import io
import re
import subprocess

import docx
import pytest

from tests.writer.documents import KINDS, every_document
from zhenggai.writer import pdf, to_docx, to_pdf


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    """kind → (the .docx, the path of its PDF)."""
    folder = tmp_path_factory.mktemp("pdf")
    words = {kind: to_docx(document) for kind, document in every_document().items()}
    made = {}
    for (kind, word), printed in zip(words.items(), pdf.to_pdfs(list(words.values())), strict=True):
        path = folder / f"{kind}.pdf"
        path.write_bytes(printed)
        made[kind] = (word, path)
    return made


def run(*command) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def pages(path) -> int:
    return int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", str(path)))[1])


@pytest.mark.parametrize("kind", KINDS)
def test_every_page_is_a4_set_in_an_embedded_cjk_font(converted, kind):
    path = converted[kind][1]
    assert "(A4)" in run("pdfinfo", str(path))
    for page in range(1, pages(path) + 1):
        rows = run("pdffonts", "-f", str(page), "-l", str(page), str(path)).splitlines()[2:]
        cjk = [row for row in rows if "CJK" in row.split()[0]]
        assert cjk, f"{kind} 第 {page} 页没有中文字体"
        assert all(row.split()[-5] == "yes" for row in cjk), f"{kind} 的中文字体未嵌入"


@pytest.mark.parametrize("kind", KINDS)
def test_not_one_character_is_lost_on_the_way(converted, kind):
    """Every character of the Word document is in the PDF: a full stop hanging past the margin
    at the end of a justified line included."""
    word, path = converted[kind]
    written = "".join(p.text for p in docx.Document(io.BytesIO(word)).paragraphs)
    printed = re.sub(r"—\d+—", "", re.sub(r"\s", "", run("pdftotext", str(path), "-")))
    assert printed == re.sub(r"\s", "", written)


@pytest.mark.parametrize("kind", KINDS)
def test_each_page_renders_with_ink(converted, kind, tmp_path):
    path = converted[kind][1]
    run("pdftoppm", "-r", "50", "-gray", str(path), str(tmp_path / "p"))
    rendered = sorted(tmp_path.glob("p*.pgm"))
    assert len(rendered) == pages(path)
    for image in rendered:
        pixels = image.read_bytes().split(b"\n", 3)[3]
        assert sum(1 for value in pixels if value < 160) > 300, f"{image.name} 是空白页"


def test_the_report_runs_over_pages_and_keeps_the_signature_with_text(converted):
    path = converted["report"][1]
    assert pages(path) >= 2
    last = run("pdftotext", "-f", str(pages(path)), str(path), "-").replace(" ", "")
    assert "特此报告。" in last and "主要负责人：周明" in last


def test_without_libreoffice_the_reason_is_said_in_chinese(monkeypatch):
    monkeypatch.setattr(pdf, "soffice", lambda: None)
    with pytest.raises(pdf.PdfUnavailable, match="没有安装 LibreOffice"):
        to_pdf(b"")
