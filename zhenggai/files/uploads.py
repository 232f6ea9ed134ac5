"""Uploads go to disk as they arrive and stop at the size limit.

Every uploaded file is written to a temporary file in chunks (Django's temporary-file
handler, the only one installed), so a worker's memory does not grow with the upload. When
one file passes ZHENGGAI_MAX_UPLOAD_BYTES the request is cut off there: nothing more is
read, and the file stands in request.FILES as a CutOffUpload, which the checks refuse with
the file's name and the limit, like any other refused file. The fields sent before it are
kept, so the form comes back with what the person typed. (Not reading the rest means the
connection is closed after the answer; nginx's client_max_body_size refuses bodies far
over the limit before they get here, see docs/deployment.md.)"""

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import StopUpload, TemporaryFileUploadHandler
from django.http.multipartparser import MultiPartParser


class CutOffUpload(UploadedFile):
    """A file that was not received whole because it passed the limit; it holds nothing."""

    def __init__(self, name: str, received: int):
        super().__init__(file=None, name=name, size=received)

    def open(self, mode=None):
        raise ValueError("cut off upload")

    def chunks(self, chunk_size=None):
        return iter(())


class LimitedUploadHandler(TemporaryFileUploadHandler):
    """The one installed handler: parses the body itself, through a second parser whose
    only handler writes to disk and stops at the limit, so that it can add the cut-off
    files to what the parser found."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        cut_off: list[tuple[str, CutOffUpload]] = []
        disk = _DiskUntilLimit(cut_off, self.request)
        post, files = MultiPartParser(META, input_data, [disk], encoding).parse()
        for field_name, upload in cut_off:
            files.appendlist(field_name, upload)
        return post, files


class _DiskUntilLimit(TemporaryFileUploadHandler):
    def __init__(self, cut_off: list, request):
        super().__init__(request)
        self.cut_off = cut_off

    def new_file(self, field_name, file_name, *args, **kwargs):
        super().new_file(field_name, file_name, *args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > settings.ZHENGGAI_MAX_UPLOAD_BYTES:
            self.file.close()  # which deletes the temporary file
            self.cut_off.append((self.field_name, CutOffUpload(self.file_name, self.received)))
            raise StopUpload(connection_reset=True)
        return super().receive_data_chunk(raw_data, start)
