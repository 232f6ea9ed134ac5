"""Which kind of file an upload is, from its content first and its name second."""

from pathlib import PurePath

from zhenggai.reader.errors import ReaderError
from zhenggai.reader.limits import Limits
from zhenggai.reader.ooxml import main_part, open_package

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_EXCEL_STREAM = "Workbook".encode("utf-16-le")
_NOT_TEXT = {".docx", ".xlsx", ".pdf", ".doc", ".wps", ".xls", ".et", ".zip"}


def sniff(data: bytes, filename: str, limits: Limits) -> str:
    """One of txt, docx, xlsx, pdf, or doc and xls for the old binary formats."""
    extension = PurePath(filename).suffix.lower()
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(_ZIP):
        return _package_kind(data, limits)
    if data.startswith(OLE2):
        return "xls" if extension in (".xls", ".et") or _EXCEL_STREAM in data else "doc"
    if data.lstrip()[:5] == b"{\\rtf":
        raise ReaderError(
            "这是 RTF 格式的文件，无法直接读取。请在 Word 或 WPS 中另存为 .docx 后再上传。"
        )
    if extension in _NOT_TEXT:
        raise ReaderError(
            f"文件扩展名是 {extension}，但内容不是有效的该类文件，可能已损坏。请重新保存后再上传。"
        )
    return "txt"


def _package_kind(data: bytes, limits: Limits) -> str:
    with open_package(data, limits) as package:
        main = main_part(package, "")
        names = set(package.namelist())
    if main.startswith("word/") or "word/document.xml" in names:
        return "docx"
    if main.startswith("xl/") or "xl/workbook.xml" in names:
        return "xlsx"
    raise ReaderError("这个压缩文件不是 Word（.docx）或 Excel（.xlsx）文档，无法读取。")
