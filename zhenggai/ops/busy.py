"""A write that meets the SQLite database held by another writer waits for it: SQLite retries
the lock until its busy timeout (ZHENGGAI_SQLITE_BUSY_MS) runs out. Past that bound the person
gets a Chinese 503 to try again (JSON on the API) instead of a 500. Nothing is half-written:
writes run in transactions that SQLite begins IMMEDIATE, taking the lock before their first
statement, so a refused one has written nothing."""

import logging
import sys

from django.db import OperationalError
from django.http import JsonResponse
from django.shortcuts import render
from django.views import defaults

BUSY = "系统繁忙：其他操作正在写入数据，您这次提交没有保存，请稍后重试。"
RETRY_AFTER_SECONDS = 5

log = logging.getLogger(__name__)


def is_busy(exception: BaseException | None) -> bool:
    # SQLite says "database is locked" (or "database table is locked"); nothing else says so.
    return isinstance(exception, OperationalError) and "is locked" in str(exception)


class DatabaseBusyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        return busy_response(request) if is_busy(exception) else None


def busy_response(request):
    log.warning("数据库繁忙，已答复 503：%s %s", request.method, request.path)
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {"detail": BUSY}, status=503, json_dumps_params={"ensure_ascii": False}
        )
    else:
        response = render(request, "503.html", {"message": BUSY}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def server_error(request):
    """handler500: a lock met after the view, when the session is saved on the way out, is
    busy too. Django calls this while handling the exception, so it is still at hand."""
    if is_busy(sys.exc_info()[1]):
        return busy_response(request)
    return defaults.server_error(request)
