"""Binary fixtures built at test time, so each test shows what it feeds the reader.

Word files are written as raw WordprocessingML (the parts Word itself writes), which lets a
test state numbering.xml exactly; spreadsheets are written with openpyxl."""

import datetime
import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reader"
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""
_ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{_RELS}/officeDocument" Target="word/document.xml"/>
</Relationships>"""
_DOCUMENT_RELS = f"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{_RELS}/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="{_RELS}/numbering" Target="numbering.xml"/>
</Relationships>"""


def docx(*blocks: str, numbering: str = "", styles: str = "") -> bytes:
    body = "".join(blocks)
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _ROOT_RELS,
        "word/_rels/document.xml.rels": _DOCUMENT_RELS,
        "word/document.xml": f"<w:document {W}><w:body>{body}</w:body></w:document>",
        "word/styles.xml": f"<w:styles {W}>{styles or heading_styles()}</w:styles>",
        "word/numbering.xml": f"<w:numbering {W}>{numbering}</w:numbering>",
    }
    return zip_of(parts)


def zip_of(parts: dict[str, str | bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in parts.items():
            package.writestr(name, content)
    return out.getvalue()


def p(text: str = "", *, num: int | None = None, ilvl: int = 0, style: str = "") -> str:
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num is not None:
        props += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>'
    run = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
    return f"<w:p><w:pPr>{props}</w:pPr>{run}</w:p>"


def table(*rows: list[str]) -> str:
    cells = "".join(
        "<w:tr>" + "".join(f"<w:tc>{p(text)}</w:tc>" for text in row) + "</w:tr>" for row in rows
    )
    return f"<w:tbl>{cells}</w:tbl>"


def abstract(abstract_id: int, *levels: tuple[str, str]) -> str:
    """A list definition; each level is (numFmt, lvlText), e.g. ("chineseCounting", "%1、").
    As in Word, %N in a level's text is the counter of level N (1-based)."""
    body = "".join(
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for ilvl, (fmt, text) in enumerate(levels)
    )
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{body}</w:abstractNum>'


def num(num_id: int, abstract_id: int, restart_at: int | None = None) -> str:
    override = (
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{restart_at}"/></w:lvlOverride>'
        if restart_at is not None
        else ""
    )
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'


def heading_styles() -> str:
    """Word's own Heading 1/2 and Title, and a WPS-style 标题 1 with its Chinese name."""
    styles = [("Normal", "Normal", ""), ("Title", "Title", ""), ("Heading1", "heading 1", "")]
    styles += [("Heading2", "heading 2", ""), ("WpsHeading1", "标题 1", "")]
    return "".join(
        f'<w:style w:type="paragraph" w:styleId="{sid}"'
        + (' w:default="1"' if sid == "Normal" else "")
        + f'><w:name w:val="{name}"/>{extra}</w:style>'
        for sid, name, extra in styles
    )


def ledger_workbook() -> bytes:
    """A 整改台账 as offices keep it: a merged title row, a header, a category row across the
    table, and each problem merged over the rows of its measures."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "整改台账"
    sheet.append(["某区政法系统巡察反馈问题整改台账"])
    sheet.merge_cells("A1:I1")
    sheet.append(
        [
            "序号",
            "问题描述",
            "整改措施",
            "牵头领导",
            "牵头单位",
            "配合单位",
            "整改时限",
            "完成情况",
            "进展情况",
        ]
    )
    sheet.append(["一、政治建设方面"])
    sheet.merge_cells("A3:I3")
    sheet.append(
        [
            "1",
            "理论学习不够深入",
            "制定年度学习计划",
            "王某某",
            "区委政法委",
            "",
            datetime.datetime(2024, 3, 31),
            "已完成",
            "已印发计划",
        ]
    )
    sheet.append(
        [
            None,
            None,
            "每季度开展专题研讨",
            None,
            "区委政法委",
            "区法院、区检察院",
            "长期坚持",
            "推进中",
            "已研讨两次",
        ]
    )
    sheet.merge_cells("A4:A5")
    sheet.merge_cells("B4:B5")
    sheet.merge_cells("D4:D5")
    sheet.append(["二、队伍建设方面"])
    sheet.merge_cells("A6:I6")
    sheet.append(
        [
            "2",
            "干部培训针对性不强",
            "举办实战化培训班",
            "李某某",
            "区司法局",
            "",
            "2024年6月底",
            "推进中",
            "",
        ]
    )
    sheet.append(
        [
            "3",
            "基层力量配备不足",
            "补充司法所工作人员",
            "李某某",
            "区司法局",
            "区委编办",
            "2024年3月",
            "未启动",
            "",
        ]
    )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()  # fmt: skip


def image_only_pdf() -> bytes:
    """A one-page PDF holding a picture and no text, as a scanner makes them."""
    pixels = bytes([0, 255, 255, 0])
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] "
        b"/Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>",
        _stream(b"", b"q 200 0 0 200 0 0 cm /Im0 Do Q"),
        _stream(
            b"/Type /XObject /Subtype /Image /Width 2 /Height 2 "
            b"/ColorSpace /DeviceGray /BitsPerComponent 8",
            pixels,
        ),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _stream(header: bytes, data: bytes) -> bytes:
    return b"<< %s /Length %d >>\nstream\n%s\nendstream" % (header, len(data), data)
