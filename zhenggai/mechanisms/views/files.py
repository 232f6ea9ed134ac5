"""Sending a stored file back, to whoever the caller's policy lookup let through, only while
it is what was uploaded (zhenggai.files.serving)."""

import os

from django.http import FileResponse, Http404

from zhenggai.audit import record as audit
from zhenggai.files.serving import open_checked


def download(user, field_file, sha256: str, name: str) -> FileResponse:
    """`name`: the uploaded one, kept beside the random stored one (a file stored before
    that was kept goes by its stored name)."""
    if not field_file:
        raise Http404("没有上传文件。")
    name = name or os.path.basename(field_file.name)
    handle = open_checked(field_file, sha256, name, user)
    audit.download(user, field_file.instance, name)
    return FileResponse(handle, as_attachment=True, filename=name)
