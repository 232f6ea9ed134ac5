"""What a stored file really is, decided by opening it as that kind, not by its first bytes.

Pure: a seekable binary stream in, the kind confirmed or a Chinese reason why not out. An
image must open and verify in Pillow, a PDF must parse and have a page, Word and Excel must
be zip packages declaring the right main part and no macros, the old Office and WPS kinds
must be OLE compound documents without macro storages, and OFD must be a zip package with
its OFD.xml. Zip packages are refused for what they claim before anything is inflated (zip
bombs) and for members named outside the package (path traversal)."""

import warnings
import zipfile
from typing import BinaryIO
from xml.etree import ElementTree as ET

import olefile
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from PIL import Image

from zhenggai.reader.errors import ZipBombError
from zhenggai.reader.limits import Limits
from zhenggai.reader.ooxml import open_package, read_part

LABELS = {
    "pdf": "PDF",
    "docx": "Word（.docx）",
    "xlsx": "Excel（.xlsx）",
    "doc": "Word（.doc）",
    "xls": "Excel（.xls）",
    "wps": "WPS 文字（.wps）",
    "et": "WPS 表格（.et）",
    "ofd": "OFD",
    "jpg": "JPG 图片",
    "png": "PNG 图片",
}
# Programs a file must never be, whatever it calls itself: a PDF reader accepts its header
# anywhere in the first kilobyte, so "MZ… %PDF-" would otherwise pass as a PDF.
EXECUTABLES = (b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"#!")
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"
CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
MAIN_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
}
# The main storage each old kind holds; WPS saves in Word's and Excel's binary formats.
OLE_STREAMS = {"doc": {"worddocument"}, "wps": {"worddocument"}, "xls": {"workbook", "book"}}
OLE_STREAMS["et"] = OLE_STREAMS["xls"]
IMAGE_FORMATS = {"jpg": "JPEG", "png": "PNG"}
PDF_FALLBACK_BYTES = 4 * 1024 * 1024
BROKEN = "内容无法按{label}文件打开，可能已损坏或被改了扩展名"
MACROS = "含有宏（VBA 代码），为安全起见不予接收，请另存为不含宏的文件后再上传"


class NotThatKind(Exception):
    """The file is not of the kind it claims; the message says why, in Chinese."""


class Hostile(NotThatKind):
    """The file is made to do harm (a program, macros, a zip bomb, paths out of the package):
    the reason is told as it is, not as a mismatch of kinds."""


def confirm(stream: BinaryIO, kind: str, limits: Limits) -> None:
    """Return quietly when the stream is a well-formed file of `kind`, else NotThatKind."""
    _head(stream)
    try:
        CHECKS[kind](stream, kind, limits)
    except NotThatKind:
        raise
    except Exception as error:
        # The parsers raise whatever their authors chose on hostile input; any of it means
        # "not a file of this kind".
        raise NotThatKind(BROKEN.format(label=LABELS[kind])) from error
    finally:
        stream.seek(0)


def _head(stream: BinaryIO) -> bytes:
    """The first bytes, once they are not a program's."""
    stream.seek(0)
    head = stream.read(8)
    stream.seek(0)
    if head.startswith(EXECUTABLES):
        raise Hostile("是可执行程序，不予接收")
    return head


def guess(stream: BinaryIO, limits: Limits) -> str | None:
    """The kind a stream turns out to be, for telling a person what they really chose."""
    for kind in LABELS:
        try:
            confirm(stream, kind, limits)
        except NotThatKind:
            continue
        return kind
    return None


def _image(stream: BinaryIO, kind: str, limits: Limits) -> None:
    with warnings.catch_warnings():
        # A decompression-bomb warning is a refusal here, not a note in the log.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with Image.open(stream, formats=[IMAGE_FORMATS[kind]]) as image:
            image.verify()
        stream.seek(0)
        with Image.open(stream, formats=[IMAGE_FORMATS[kind]]) as image:
            # verify() checks a PNG's chunks but not a JPEG's data: decode it, at an
            # eighth of its size, which is quick and needs little memory.
            image.draft("RGB", (max(image.width // 8, 1), max(image.height // 8, 1)))
            image.load()


def _pdf(stream: BinaryIO, kind: str, limits: Limits) -> None:
    if b"%PDF-" not in stream.read(1024):
        raise NotThatKind(BROKEN.format(label=LABELS[kind]))
    stream.seek(0)
    # Without a usable cross-reference table pdfminer reads the file line by line, in time
    # that grows faster than the file (minutes for 45 MB on one line), and it looks for the
    # table's `startxref` line the same way: a large file must have it near its end, as
    # the format says, and is not read without it. Small files keep pdfminer's mending.
    size = stream.seek(0, 2)
    stream.seek(max(size - 4096, 0))
    large = size > PDF_FALLBACK_BYTES
    if large and b"startxref" not in stream.read():
        raise NotThatKind(BROKEN.format(label=LABELS[kind]))
    stream.seek(0)
    document = PDFDocument(PDFParser(stream), fallback=not large)
    # The page tree must lead to a page. Not through PDFPage, which reads every page's
    # content stream into memory.
    pages = resolve1(document.catalog.get("Pages"))
    kids = resolve1(pages.get("Kids")) if isinstance(pages, dict) else None
    if not kids or not isinstance(resolve1(kids[0]), dict):
        raise NotThatKind(BROKEN.format(label=LABELS[kind]))


def _package(stream: BinaryIO, limits: Limits) -> zipfile.ZipFile:
    """The zip package, once it is known to inflate within the limits, to name nothing
    outside itself and to hold no macros."""
    if stream.read(4) != ZIP_SIGNATURE:
        raise ValueError("not a zip")
    stream.seek(0)
    try:
        package = open_package(stream, limits)
    except ZipBombError as error:
        raise Hostile(str(error).removeprefix("文件").rstrip("。")) from error
    names = package.namelist()
    for name in names:
        parts = name.replace("\\", "/").split("/")
        if name.startswith(("/", "\\")) or ".." in parts or ":" in parts[0]:
            raise Hostile(f"包含指向包外的路径（{name[:60]}），可能是恶意构造的文件")
    if any(name.lower().rsplit("/", 1)[-1] == "vbaproject.bin" for name in names):
        raise Hostile(MACROS)
    if any("macroenabled" in value.lower() for value in _declared_types(package)):
        raise Hostile(MACROS)
    return package


def _declared_types(package: zipfile.ZipFile) -> set[str]:
    """The content types [Content_Types].xml declares (none for an OFD package)."""
    types = read_part(package, "[Content_Types].xml")
    if types is None:
        return set()
    return {element.get("ContentType", "") for element in ET.fromstring(types).iter()}


def _office(stream: BinaryIO, kind: str, limits: Limits) -> None:
    with _package(stream, limits) as package:
        declared = _declared_types(package)
    if MAIN_TYPES[kind] not in declared:
        raise NotThatKind(BROKEN.format(label=LABELS[kind]))


def _ofd(stream: BinaryIO, kind: str, limits: Limits) -> None:
    with _package(stream, limits) as package:
        ET.fromstring(read_part(package, "OFD.xml") or b"")


def _ole_roots(stream: BinaryIO) -> set[str]:
    """The names at the top of an OLE compound document, once it holds no macros."""
    if stream.read(8) != OLE_SIGNATURE:
        raise ValueError("not an OLE compound document")
    stream.seek(0)
    with olefile.OleFileIO(stream) as ole:
        paths = [[part.lower() for part in entry] for entry in ole.listdir(True, True)]
    # Word keeps its macros under Macros/VBA, Excel under _VBA_PROJECT_CUR/VBA.
    if {part for path in paths for part in path} & {"macros", "_vba_project_cur", "vba"}:
        raise Hostile(MACROS)
    return {path[0] for path in paths}


def _ole(stream: BinaryIO, kind: str, limits: Limits) -> None:
    if not _ole_roots(stream) & OLE_STREAMS[kind]:
        raise NotThatKind(BROKEN.format(label=LABELS[kind]))


def refuse_hostile(stream: BinaryIO, limits: Limits) -> None:
    """For a document that is read rather than kept as a kind (an import, a template):
    Hostile when it is a program, or a package or compound document with macros, a zip
    bomb or paths out of itself. Anything merely broken is left for the reader to tell."""
    head = _head(stream)
    try:
        if head.startswith(ZIP_SIGNATURE):
            _package(stream, limits).close()
        elif head.startswith(OLE_SIGNATURE):
            _ole_roots(stream)
    except Hostile:
        raise
    except Exception:  # noqa: BLE001 -- broken, not hostile: the reader says how
        return
    finally:
        stream.seek(0)


CHECKS = {
    "pdf": _pdf,
    "docx": _office,
    "xlsx": _office,
    "doc": _ole,
    "xls": _ole,
    "wps": _ole,
    "et": _ole,
    "ofd": _ofd,
    "jpg": _image,
    "png": _image,
}
