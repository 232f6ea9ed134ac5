"""Checking an evidence file before anything is saved.

A file is accepted only when its extension is one of the allowed kinds AND its content is
that kind: PDF by its header, JPEG and PNG by their signatures, and the zip-based kinds by
what the package holds (Word and Excel by the main part declared in [Content_Types].xml, OFD
by its OFD.xml). A renamed .exe or a text file called .pdf is refused. The name shown later
is the uploaded one, cleaned of paths and invisible characters; the stored name is random."""

import hashlib
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError

from zhenggai.reader.errors import ReaderError
from zhenggai.reader.limits import MIB, Limits
from zhenggai.reader.ooxml import open_package, read_part

EXTENSIONS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".ofd": "ofd",
    ".jpg": "jpg",
    ".jpeg": "jpg",
    ".png": "png",
}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ofd": "application/ofd",
    "jpg": "image/jpeg",
    "png": "image/png",
}
LABELS = {
    "pdf": "PDF",
    "docx": "Word（.docx）",
    "xlsx": "Excel（.xlsx）",
    "ofd": "OFD",
    "jpg": "JPG 图片",
    "png": "PNG 图片",
}
ALLOWED = "PDF、Word（.docx）、Excel（.xlsx）、OFD、JPG 或 PNG"
ACCEPT = ",".join(EXTENSIONS)  # for <input type="file" accept="…">
MAX_FILES = 20
MAX_NAME = 120
# Characters Windows refuses in file names; a download named with them fails to save there.
UNSAFE = str.maketrans({c: "_" for c in '<>:"/\\|?*'})
# The main part each Office kind declares in [Content_Types].xml.
MAIN_PARTS = {
    "docx": b"wordprocessingml.document.main+xml",
    "xlsx": b"spreadsheetml.sheet.main+xml",
}


@dataclass(frozen=True)
class CheckedFile:
    name: str
    kind: str
    data: bytes

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.kind]

    @property
    def size(self) -> int:
        return len(self.data)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    def storage_name(self) -> str:
        return f"{uuid.uuid4().hex}.{self.kind}"


def clean_name(raw: str) -> str:
    """The uploaded name without folders, control or direction characters, and not too long."""
    name = str(raw or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = unicodedata.normalize("NFC", name)
    name = "".join(ch for ch in name if not unicodedata.category(ch).startswith("C"))
    name = name.translate(UNSAFE).strip().lstrip(".")
    path = PurePosixPath(name or "x")
    suffix = path.suffix.lower() if len(path.suffix) <= 10 else ""
    stem = (path.stem if suffix else name).strip()[: MAX_NAME - len(suffix)]
    return (stem or "佐证材料") + suffix


def readable(size: int) -> str:
    value, unit = (size / MIB, "MB") if size >= MIB else (size / 1024, "KB")
    return f"{value:.1f} {unit}".replace(".0 ", " ")


def check_files(uploads) -> list[CheckedFile]:
    """Every upload checked; all the problems at once, so a person can fix them together."""
    uploads = list(uploads or [])
    if len(uploads) > MAX_FILES:
        raise ValidationError({"files": f"一次最多上传 {MAX_FILES} 个文件。"})
    checked, problems = [], []
    for upload in uploads:
        try:
            checked.append(check_file(upload))
        except ValidationError as error:
            problems.extend(error.messages)
    if problems:
        raise ValidationError({"files": problems})
    return checked


def check_file(upload) -> CheckedFile:
    name = clean_name(getattr(upload, "name", ""))
    kind = EXTENSIONS.get(PurePosixPath(name).suffix)
    if kind is None:
        raise ValidationError(f"“{name}”的文件类型不支持，请上传 {ALLOWED} 文件。")
    limit = settings.ZHENGGAI_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise ValidationError(
            f"“{name}”有 {readable(upload.size)}，超过 {readable(limit)} 的上限，"
            "请压缩或拆分后再上传。"
        )
    if not upload.size:
        raise ValidationError(f"“{name}”是空文件，请重新选择。")
    upload.seek(0)
    data = upload.read()
    actual = sniff(data, limit)
    if actual != kind:
        found = f"实际是{LABELS[actual]}文件" if actual else "无法识别为任何允许的类型"
        raise ValidationError(
            f"“{name}”的内容不是{LABELS[kind]}文件（{found}），"
            "可能已损坏或被改了扩展名，请检查后重新上传。"
        )
    return CheckedFile(name=name, kind=kind, data=data)


def sniff(data: bytes, limit: int) -> str | None:
    """The allowed kind the content really is, or None."""
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    # PDF readers accept the header anywhere in the first kilobyte.
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _package_kind(data, limit)
    return None


def _package_kind(data: bytes, limit: int) -> str | None:
    try:
        with open_package(data, Limits(max_file_bytes=limit)) as package:
            if "OFD.xml" in package.namelist():
                return "ofd"
            types = read_part(package, "[Content_Types].xml") or b""
    except ReaderError:
        return None
    return next((kind for kind, part in MAIN_PARTS.items() if part in types), None)
