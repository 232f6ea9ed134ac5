"""Every change of a round, problem or measure through the API names the version it was made
on, as every edit form does (zhenggai.ledger.versions): a PATCH built from an earlier GET
would otherwise put back, without a word, what someone changed in between. The version goes
in the body as "version" or in an If-Match header ("7", W/"7" or 7); If-Match: * says "whatever
the version" for a program that means to overwrite. Without either the answer is 428; with
a version that is no longer the item's, 409 with what changed since (errors.install)."""

import re

from ninja.errors import HttpError

REQUIRED = (
    '请提供修改所依据的版本号：在请求内容中加 "version"（读取时返回的 version），'
    "或在请求头中加 If-Match；确定要覆盖他人的修改时用 If-Match: *。"
)
MISMATCH = "请求内容中的 version 与请求头 If-Match 不一致。"
UNREADABLE = '请求头 If-Match 应为版本号，例如 If-Match: "7"，或 If-Match: *。'
ANY = object()


def _if_match(request):
    header = request.headers.get("If-Match")
    if header is None:
        return None
    header = header.strip()
    if header == "*":
        return ANY
    found = re.fullmatch(r'(?:W/)?"?(\d{1,10})"?', header)
    if not found:
        raise HttpError(400, UNREADABLE)
    return int(found.group(1))


def edit_version(request, values: dict) -> int | None:
    """The version to claim, taken out of `values` (a PATCH's fields); None for If-Match: *."""
    body = values.pop("version", None)
    header = _if_match(request)
    if body is None and header is None:
        raise HttpError(428, REQUIRED)
    if body is not None and header not in (None, ANY, body):
        raise HttpError(400, MISMATCH)
    if body is not None:
        return body
    return None if header is ANY else header
