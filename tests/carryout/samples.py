"""Small real files of each allowed kind, and fakes of them, built in memory."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(17)
JPG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(32) + b"\xff\xd9"
OFFICE = b'<Override ContentType="application/vnd.openxmlformats-officedocument.'
WORD_TYPES = OFFICE + b'wordprocessingml.document.main+xml"/>'
EXCEL_TYPES = OFFICE + b'spreadsheetml.sheet.main+xml"/>'


def package(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = package({"[Content_Types].xml": WORD_TYPES, "word/document.xml": b"<w:document/>"})
XLSX = package({"[Content_Types].xml": EXCEL_TYPES, "xl/workbook.xml": b"<workbook/>"})
OFD = package({"OFD.xml": b"<ofd:OFD/>", "Doc_0/Document.xml": b"<ofd:Document/>"})
GOOD = {
    "整改方案.pdf": PDF,
    "会议纪要.docx": DOCX,
    "清理台账.xlsx": XLSX,
    "正式文件.ofd": OFD,
    "现场照片.jpg": JPG,
    "宣传点.png": PNG,
}


def upload(name: str, data: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)
