"""Sending a stored file back, to whoever the caller's policy lookup let through."""

import os

from django.http import FileResponse, Http404

from zhenggai.audit import record as audit


def download(user, field_file) -> FileResponse:
    if not field_file:
        raise Http404("没有上传文件。")
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as missing:
        raise Http404("文件已不存在，请联系管理员。") from missing
    audit.download(user, field_file.instance, os.path.basename(field_file.name))
    return FileResponse(handle, as_attachment=True, filename=os.path.basename(field_file.name))
