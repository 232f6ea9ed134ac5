"""Checking an evidence file before anything is saved.

A file is accepted only when its extension is one of the allowed kinds AND it opens as that
kind (zhenggai.files.kinds): a renamed .exe, a text file called .pdf, HTML behind a PNG
signature or a Word file with macros is refused, with the file's name and the reason. The
upload is read from where the upload handler left it (on disk), in chunks, never whole. The
name shown later is the uploaded one, cleaned of folders (Django drops them already, ../ included)
and invisible characters; the stored name is random."""

import hashlib
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File

from zhenggai.files.kinds import LABELS, Hostile, NotThatKind, confirm, guess
from zhenggai.files.uploads import CutOffUpload
from zhenggai.reader.limits import MIB, Limits

EXTENSIONS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".doc": "doc",
    ".xls": "xls",
    ".wps": "wps",
    ".et": "et",
    ".ofd": "ofd",
    ".jpg": "jpg",
    ".jpeg": "jpg",
    ".png": "png",
}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "wps": "application/vnd.ms-works",
    "et": "application/vnd.ms-excel.et",
    "ofd": "application/ofd",
    "jpg": "image/jpeg",
    "png": "image/png",
}
ALLOWED = "PDF、Word（.docx、.doc）、Excel（.xlsx、.xls）、WPS（.wps、.et）、OFD、JPG 或 PNG"
ACCEPT = ",".join(EXTENSIONS)  # for <input type="file" accept="…">
MAX_FILES = 20
MAX_NAME = 120
# Characters Windows refuses in file names; a download named with them fails to save there.
UNSAFE = str.maketrans({c: "_" for c in '<>:"/\\|?*'})


@dataclass(frozen=True)
class CheckedFile:
    name: str
    kind: str
    size: int
    sha256: str
    upload: Any  # the upload itself, on disk (or in memory when small and made in code)

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.kind]

    def content(self, name: str = "") -> File:
        """The upload to store, copied in chunks: wrapping its file (not the upload) keeps
        the storage from moving the temporary file away, so a retried write finds it."""
        self.upload.seek(0)
        return File(self.upload.file, name=name or self.name)

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


def split_files(uploads) -> tuple[list, list[str]]:
    """The uploads that pass and, for each other one, why it is refused: a form then saves
    the good files instead of dropping them all for one bad one, and says which it left."""
    good, refused = [], []
    for upload in uploads or []:
        try:
            check_file(upload)
        except ValidationError as error:
            refused.extend(error.messages)
        else:
            good.append(upload)
    return good, refused


def check_file(upload) -> CheckedFile:
    name = clean_name(getattr(upload, "name", ""))
    kind = EXTENSIONS.get(PurePosixPath(name).suffix)
    if kind is None:
        raise ValidationError(f"“{name}”的文件类型不支持，请上传 {ALLOWED} 文件。")
    limit = settings.ZHENGGAI_MAX_UPLOAD_BYTES
    if isinstance(upload, CutOffUpload):
        raise ValidationError(
            f"“{name}”超过 {readable(limit)} 的上限，已停止接收，请压缩或拆分后再上传。"
        )
    if upload.size > limit:
        raise ValidationError(
            f"“{name}”有 {readable(upload.size)}，超过 {readable(limit)} 的上限，"
            "请压缩或拆分后再上传。"
        )
    if not upload.size:
        raise ValidationError(f"“{name}”是空文件，请重新选择。")
    _confirm(upload, name, kind, Limits(max_file_bytes=limit))
    return CheckedFile(name=name, kind=kind, size=upload.size, sha256=digest(upload), upload=upload)


def _confirm(upload, name: str, kind: str, limits: Limits) -> None:
    try:
        confirm(upload, kind, limits)
    except Hostile as error:
        raise ValidationError(f"“{name}”{error}。") from error
    except NotThatKind as error:
        actual = guess(upload, limits)
        found = f"实际是{LABELS[actual]}文件" if actual else "无法识别为任何允许的类型"
        raise ValidationError(
            f"“{name}”的内容不是{LABELS[kind]}文件（{found}），"
            "可能已损坏或被改了扩展名，请检查后重新上传。"
        ) from error


def digest(upload) -> str:
    """The SHA-256 of an upload, read in chunks."""
    upload.seek(0)
    sha = hashlib.sha256()
    for chunk in upload.chunks():
        sha.update(chunk)
    upload.seek(0)
    return sha.hexdigest()
