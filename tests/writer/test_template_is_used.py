"""The office's own Word template: its letterhead stays, the text goes where {{正文}} stands,
and a file that is not a Word document is refused with the reason."""

import io

import docx
import pytest
from docx.shared import Mm

from tests.writer import samples
from zhenggai.writer import TemplateError, check_template, rectification_plan, to_docx


def template(*paragraphs, paper=(210, 297)) -> bytes:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(paper[0]), Mm(paper[1])
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_the_text_goes_where_the_mark_stands_and_the_letterhead_stays():
    letterhead = template("中共临江市委政法委员会文件", "{{正文}}", "抄送：市委办公室")
    written = to_docx(rectification_plan(samples.ROUND, samples.CATEGORIES), letterhead)
    texts = [p.text for p in docx.Document(io.BytesIO(written)).paragraphs if p.text]
    assert texts[0] == "中共临江市委政法委员会文件"
    assert texts[1].replace("\n", "").startswith("中共临江市委政法委员会关于落实")
    assert texts[-1] == "抄送：市委办公室"
    assert "{{正文}}" not in texts


def test_a_template_on_other_paper_is_accepted_with_a_note():
    notes = check_template(template("{{正文}}", paper=(216, 279)))
    assert any("不是 A4" in note for note in notes)


def test_a_template_without_the_mark_is_noted():
    assert any("{{正文}}" in note for note in check_template(template("版头")))


@pytest.mark.parametrize("data", [b"not a document", b"PK\x03\x04broken"])
def test_what_is_not_a_word_document_is_refused(data):
    with pytest.raises(TemplateError):
        check_template(data)
