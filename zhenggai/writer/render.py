"""A built document as a .docx in the official format, optionally inside the office's own
template (its letterhead, its page setup)."""

import io
import zipfile

from docx import Document as open_docx

from zhenggai.writer import official
from zhenggai.writer.model import Document

TEMPLATE_MAX_BYTES = 10 * 1024 * 1024


class TemplateError(ValueError):
    """A template that cannot be used, with the reason in Chinese."""


def to_docx(document: Document, template: bytes | None = None) -> bytes:
    docx, add_paragraph = official.open_template(template)
    official.add_blocks(add_paragraph, document.blocks)
    return official.finish(docx, document.title, own_page_setup=template is None)


def check_template(data: bytes) -> list[str]:
    """Refuses what is not a Word document; returns notes on what will look different from
    the official format (another paper size, no {{正文}} mark)."""
    if len(data) > TEMPLATE_MAX_BYTES:
        raise TemplateError("模板文件超过 10 MB，请精简后再上传。")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TemplateError("模板不是 Word 文档（.docx）。旧版 .doc 请先另存为 .docx。")
    try:
        docx = open_docx(io.BytesIO(data))
    except Exception as error:  # python-docx raises many types on a broken package
        raise TemplateError("模板文件已损坏或不是 Word 文档（.docx），无法使用。") from error
    notes = []
    section = docx.sections[0]
    width, height = section.page_width, section.page_height
    if width is None or height is None or {round(width.mm), round(height.mm)} != {210, 297}:
        notes.append("模板的纸张不是 A4，生成的文书将沿用模板的纸张。")
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    wanted = tuple(official.MARGINS[side] for side in ("top", "bottom", "left", "right"))
    if any(m is None or abs(m.mm - w.mm) > 1 for m, w in zip(margins, wanted, strict=True)):
        notes.append(
            "模板的页边距与公文格式（上37、下35、左28、右26毫米）不同，将沿用模板的页边距。"
        )
    if not any(p.text.strip() == official.ANCHOR for p in docx.paragraphs):
        notes.append(f"模板中没有“{official.ANCHOR}”标记，正文将接在模板原有内容之后。")
    return notes
