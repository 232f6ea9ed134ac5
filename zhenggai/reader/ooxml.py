"""Opening Office Open XML packages (docx, xlsx) without trusting them.

Sizes are checked from the zip directory before anything is inflated, so a zip bomb is
refused for what it claims; members are then read with a bound, so one lying about its size
is refused for what it holds."""

import io
import posixpath
import struct
import zipfile
import zlib
from typing import BinaryIO, overload
from xml.etree import ElementTree as ET

from zhenggai.reader.errors import ReaderError, ZipBombError
from zhenggai.reader.limits import MIB, Limits

_BROKEN = "文件已损坏或不完整，无法解压。请在 Word 或 WPS 中打开后重新保存，再上传。"
# What zipfile raises on damaged archives: unknown versions and methods surface as
# NotImplementedError, encrypted members as RuntimeError.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    struct.error,
    NotImplementedError,
    RuntimeError,
)
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def open_package(data: bytes | BinaryIO, limits: Limits) -> zipfile.ZipFile:
    """The package, from bytes or from a seekable stream (an upload waiting on disk)."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data) if isinstance(data, bytes) else data)
        members = package.infolist()
    except _ZIP_ERRORS as error:
        raise ReaderError(_BROKEN) from error
    _refuse_bombs(members, limits)
    return package


def _refuse_bombs(members: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(members) > limits.max_zip_members:
        raise ZipBombError(f"文件包含 {len(members)} 个部件，超过上限，已拒绝读取。")
    total = sum(member.file_size for member in members)
    if total > limits.max_unzipped_bytes:
        allowed = limits.max_unzipped_bytes // MIB
        raise ZipBombError(
            f"文件解压后将达到 {total // MIB} MB，超过 {allowed} MB 的上限，"
            "可能是恶意构造的压缩文件，已拒绝读取。"
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size >= limits.ratio_checked_from_bytes and (
            ratio > limits.max_compression_ratio
        ):
            raise ZipBombError(
                f"文件中的“{member.filename}”压缩比异常（{ratio:.0f} 倍），"
                "可能是恶意构造的压缩文件，已拒绝读取。"
            )


def read_part(package: zipfile.ZipFile, name: str) -> bytes | None:
    """A member's bytes, or None when the package has no such member."""
    try:
        member = package.getinfo(name)
    except KeyError:
        return None
    try:
        with package.open(member) as stream:
            data = stream.read(member.file_size + 1)
    except _ZIP_ERRORS as error:
        raise ReaderError(_BROKEN) from error
    if len(data) > member.file_size:
        raise ReaderError(_BROKEN)
    return data


def parse_xml(data: bytes) -> ET.Element:
    try:
        return ET.fromstring(data)
    except (ET.ParseError, ValueError) as error:
        raise ReaderError(_BROKEN) from error


def relationships(package: zipfile.ZipFile, part: str) -> dict[str, str]:
    """Relationship type (its last path segment, e.g. "styles") → target part name."""
    targets: dict[str, str] = {}
    for _, kind, path in _relationships(package, part):
        targets.setdefault(kind, path)
    return targets


def targets_by_id(package: zipfile.ZipFile, part: str) -> dict[str, str]:
    """Relationship id (r:id="rId3") → target part name."""
    return {rel_id: path for rel_id, _, path in _relationships(package, part)}


def _relationships(package: zipfile.ZipFile, part: str) -> list[tuple[str, str, str]]:
    folder, name = posixpath.split(part)
    data = read_part(package, posixpath.join(folder, "_rels", f"{name}.rels"))
    if data is None:
        return []
    found = []
    for rel in parse_xml(data).iter(REL):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not target:
            continue
        path = target[1:] if target.startswith("/") else posixpath.join(folder, target)
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        found.append((rel.get("Id", ""), kind, posixpath.normpath(path)))
    return found


def main_part(package: zipfile.ZipFile, default: str) -> str:
    return relationships(package, "").get("officeDocument", default)


def val(element: ET.Element | None) -> str | None:
    """The w:val attribute that most WordprocessingML properties carry."""
    return None if element is None else element.get(f"{W}val")


@overload
def to_int(raw: str | None, default: int) -> int: ...
@overload
def to_int(raw: str | None, default: None) -> int | None: ...
def to_int(raw: str | None, default: int | None) -> int | None:
    try:
        return int(raw) if raw is not None else default
    except ValueError:
        return default
