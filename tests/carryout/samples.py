"""Small real files of each allowed kind, and fakes of them, built in memory."""

import io
import struct
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def image(kind: str, size: tuple[int, int] = (24, 16)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (164, 22, 26)).save(buffer, kind)
    return buffer.getvalue()


PDF = image("PDF")  # Pillow writes a one-page PDF with its xref table
PNG = image("PNG")
JPG = image("JPEG")
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
EXCEL_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def content_types(*overrides: tuple[str, str]) -> bytes:
    parts = "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f"{parts}</Types>"
    ).encode()


WORD_TYPES = content_types(("/word/document.xml", WORD_MAIN))
EXCEL_TYPES = content_types(("/xl/workbook.xml", EXCEL_MAIN))


def package(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def compound(entries: list[tuple[str, int, bytes]]) -> bytes:
    """An OLE compound document (the .doc/.xls container): a FAT sector, a directory sector
    and each stream in whole sectors of its own. `entries` are (name, type, data) below the
    root entry, chained as right siblings; type 1 is a storage, 2 a stream. A storage takes
    the entries after it as its children when its name ends with '/'."""
    free, end, fat_sector, none = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    fat, body, directory = [fat_sector, end], b"", []
    children = [i + 1 for i, (name, _, _) in enumerate(entries) if name.endswith("/")]
    for index, (name, kind, data) in enumerate(entries, start=1):
        start, size = end, 0
        if kind == 2 and data:
            data = data.ljust(-(-max(len(data), 4096) // 512) * 512, b"\0")
            start, size = len(fat), len(data)
            count = size // 512
            fat += [start + n + 1 for n in range(count - 1)] + [end]
            body += data
        child = index + 1 if index in children else none
        right = index + 1 if index < len(entries) and index not in children else none
        directory.append((name.rstrip("/"), kind, none, right, child, start, size))
    root = ("Root Entry", 5, none, none, 1, end, 0)
    encoded = b""
    for name, kind, left, right, child, start, size in [root, *directory]:
        raw = name.encode("utf-16-le") + b"\0\0"
        encoded += raw.ljust(64, b"\0")
        encoded += struct.pack("<HBB3I", len(raw), kind, 1, left, right, child)
        encoded += bytes(36) + struct.pack("<IQ", start, size)
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
    # version 3, 512-byte sectors, one FAT sector (0), the directory in sector 1, no mini FAT
    fields = (0x3E, 3, 0xFFFE, 9, 6, 0, 1, 1, 0, 4096, end, 0, end, 0)
    header += struct.pack("<HHHHH6xIIIIIIIII", *fields)
    header += struct.pack("<109I", 0, *[free] * 108)
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat).ljust(512, b"\xff")
    return header + fat_bytes + encoded.ljust(512, b"\0") + body


DOCX = package({"[Content_Types].xml": WORD_TYPES, "word/document.xml": b"<w:document/>"})
XLSX = package({"[Content_Types].xml": EXCEL_TYPES, "xl/workbook.xml": b"<workbook/>"})
OFD = package(
    {
        "OFD.xml": b'<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>',
        "Doc_0/Document.xml": b"<ofd:Document/>",
    }
)
DOC = compound([("WordDocument", 2, b"\xec\xa5" + bytes(600))])
XLS = compound([("Workbook", 2, b"\x09\x08" + bytes(600))])
GOOD = {
    "整改方案.pdf": PDF,
    "会议纪要.docx": DOCX,
    "清理台账.xlsx": XLSX,
    "正式文件.ofd": OFD,
    "现场照片.jpg": JPG,
    "宣传点.png": PNG,
    "旧版纪要.doc": DOC,
    "旧版台账.xls": XLS,
    "金山文字.wps": DOC,
    "金山表格.et": XLS,
}


def upload(name: str, data: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)
