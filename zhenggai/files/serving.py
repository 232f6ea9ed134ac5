"""Stored files are served only as they were uploaded.

Every file kept with its SHA-256 (evidence, mechanisms' documents, generalization answers'
evidence) is read through once before it is served and its digest compared with the one
recorded at upload. A file changed on disk since is refused (FileAltered: a Chinese page,
or JSON on the API, status 409) and the refusal is recorded in the audit trail and logged
at ERROR, with who asked, which file and both digests."""

import hashlib
import logging

from django.core.files import File
from django.http import Http404
from django.shortcuts import render

from zhenggai.audit import trail
from zhenggai.audit.models import Kind

logger = logging.getLogger("zhenggai.files")
CHUNK = 1024 * 1024


class FileAltered(Exception):
    """str() is the Chinese message for the person who asked for the file."""


def open_checked(field_file, sha256: str, name: str, user) -> File:
    """The stored file, open at its start, once its content is what was uploaded."""
    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404("文件已不存在。") from exc
    actual = digest(handle)
    if sha256 and actual != sha256:
        handle.close()
        record_altered(user, field_file, name, sha256, actual)
        raise FileAltered(
            f"“{name}”在服务器上已被改动，与上传时的内容不一致，为防止传播被篡改的文件，"
            "已停止下载。此事已记录，请联系系统管理员从备份中恢复。"
        )
    handle.seek(0)
    return handle


def digest(handle) -> str:
    handle.seek(0)
    sha = hashlib.sha256()
    while chunk := handle.read(CHUNK):
        sha.update(chunk)
    return sha.hexdigest()


def record_altered(user, field_file, name: str, expected: str, actual: str) -> None:
    """In the audit trail, as a refused download of the file's record, and in the log, where
    an administrator finds it with `journalctl -u zhenggai | grep 已被改动`."""
    instance = field_file.instance
    trail.append(
        Kind.DOWNLOAD,
        object_type=instance._meta.label_lower,
        object_id=instance.pk,
        object_text=name,
        after={"拒绝下载": "文件已被改动", "登记摘要": expected, "实际摘要": actual},
        user=user,
    )
    logger.error(
        "存储文件已被改动，拒绝下载：%s（用户 %s，登记摘要 %s，实际摘要 %s）",
        field_file.name,
        getattr(user, "username", "") or "-",
        expected,
        actual,
    )


class FileAlteredMiddleware:
    """Shows FileAltered on the web as a page of its own (the API answers it in JSON)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, FileAltered):
            return render(request, "file_altered.html", {"message": str(exception)}, status=409)
        return None
