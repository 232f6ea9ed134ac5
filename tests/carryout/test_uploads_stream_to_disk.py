"""Uploads are written to disk as they arrive and cut off at the limit: a 1 GB body (made up
as it is read, never held) is refused on the form in Chinese after little more than the
limit has been read, the worker's memory hardly grows, and nothing is saved; files under
the limit reach the checks from disk, not from memory."""

import io
import os
import tracemalloc

import pytest
from django.urls import reverse

from tests.carryout.samples import PDF
from zhenggai.api.models import ApiToken
from zhenggai.carryout.models import Evidence, ProgressReport

GIB = 1024**3
MIB = 1024**2
BOUNDARY = "----zhenggai-test-boundary"


class MadeUpBody(io.RawIOBase):
    """A multipart body whose parts are (bytes, length): a part longer than its bytes is
    those bytes repeated, produced as it is read."""

    def __init__(self, *parts: bytes | tuple[bytes, int]):
        self.parts = [part if isinstance(part, tuple) else (part, len(part)) for part in parts]
        self.size = sum(length for _, length in self.parts)
        self.read_so_far = 0

    def readable(self) -> bool:
        return True

    def read(self, n: int | None = -1) -> bytes:
        position, out = self.read_so_far, b""
        n = self.size - position if n is None or n < 0 else n
        for source, length in self.parts:
            if position >= length:
                position -= length
                continue
            take = min(n - len(out), length - position)
            start = position % len(source)
            out += (source[start:] + source * (take // len(source) + 1))[:take]
            position = 0
            if len(out) == n:
                break
        self.read_so_far += len(out)
        return out


def multipart(fields: dict[str, str], file_name: str, *content) -> MadeUpBody:
    head = b""
    for name, value in fields.items():
        head += f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
        head += value.encode() + b"\r\n"
    head += (
        f"--{BOUNDARY}\r\nContent-Disposition: form-data; "
        f'name="files"; filename="{file_name}"\r\nContent-Type: application/pdf\r\n\r\n'
    ).encode()
    return MadeUpBody(head, *content, f"\r\n--{BOUNDARY}--\r\n".encode())


def large_pdf(size: int) -> tuple[bytes, tuple[bytes, int], bytes]:
    """A one-page PDF of `size` bytes, as (start, a long content stream, end): real, and
    read by the checks through its cross-reference table without reading the stream."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    ]
    start, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(start))
        start += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    offsets.append(len(start))
    end = b"\nendstream\nendobj\n"

    def tail(stream_length: int) -> bytes:
        xref = offsets[-1] + len(header(stream_length))
        xref += stream_length + len(end)
        table = b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
        return end + (
            b"xref\n0 5\n0000000000 65535 f \n%s"
            b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (table, xref)
        )

    def header(stream_length: int) -> bytes:
        return b"4 0 obj\n<< /Length %d >>\nstream\n" % stream_length

    length = size
    for _ in range(3):  # the numbers' own digits count too
        length += size - (len(start) + len(header(length)) + length + len(tail(length)))
    start += header(length)
    return start, (b" ", length), tail(length)


def send(client, url: str, body: MadeUpBody):
    """The answer, and the most memory Python held while the request was handled."""
    client.get(url)  # the session and the page's imports, outside the measurement
    tracemalloc.start()
    try:
        response = client.request(
            REQUEST_METHOD="POST",
            PATH_INFO=url,
            CONTENT_TYPE=f"multipart/form-data; boundary={BOUNDARY}",
            CONTENT_LENGTH=str(body.size),
            **{"wsgi.input": body},
        )
        return response, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


FIELDS = {"as_of": "2026-03-02", "status": "in_progress", "text": "已完成排查，正在整改。"}


@pytest.fixture
def as_court(client, court_reporter):
    client.force_login(court_reporter)
    return client


def test_a_1_gb_upload_is_cut_off_at_the_limit_with_memory_bounded(
    as_court, measures, settings, media
):
    url = reverse("carryout:report_create", args=[measures["court"].pk])
    body = multipart(FIELDS, "整改佐证扫描件.pdf", PDF, (b"0" * MIB, GIB))
    temporary = set(os.listdir(settings.FILE_UPLOAD_TEMP_DIR))

    response, peak = send(as_court, url, body)

    page = response.content.decode()
    assert response.status_code == 200
    assert "“整改佐证扫描件.pdf”超过 50 MB 的上限，已停止接收，请压缩或拆分后再上传。" in page
    assert "已完成排查，正在整改。" in page  # what the person typed comes back
    assert body.read_so_far < settings.ZHENGGAI_MAX_UPLOAD_BYTES + 2 * MIB
    assert peak < 16 * MIB, f"peak {peak / MIB:.1f} MB"
    assert not ProgressReport.objects.exists()
    assert not [p for p in media.rglob("*") if p.is_file()]
    assert set(os.listdir(settings.FILE_UPLOAD_TEMP_DIR)) <= temporary


def test_a_large_file_under_the_limit_reaches_the_checks_from_disk(
    as_court, measures, settings, media
):
    url = reverse("carryout:report_create", args=[measures["court"].pk])
    body = multipart(FIELDS, "大扫描件.pdf", *large_pdf(45 * MIB))

    response, peak = send(as_court, url, body)

    assert response.status_code == 302, response.content.decode()[-2000:]
    assert body.read_so_far == body.size
    assert peak < 16 * MIB, f"peak {peak / MIB:.1f} MB"
    (evidence,) = Evidence.objects.all()
    assert (evidence.original_name, evidence.size) == ("大扫描件.pdf", 45 * MIB)


def test_the_api_answers_a_1_gb_upload_in_chinese_json(client, measures, court_reporter):
    _, token = ApiToken.objects.issue(court_reporter, "报送")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    url = f"/api/measures/{measures['court'].pk}/reports"
    body = multipart(FIELDS, "整改佐证扫描件.pdf", PDF, (b"0" * MIB, GIB))

    response, peak = send(client, url, body)

    assert response.status_code == 422
    assert response.json()["errors"]["files"] == [
        "“整改佐证扫描件.pdf”超过 50 MB 的上限，已停止接收，请压缩或拆分后再上传。"
    ]
    assert peak < 16 * MIB, f"peak {peak / MIB:.1f} MB"
    assert not ProgressReport.objects.exists()
