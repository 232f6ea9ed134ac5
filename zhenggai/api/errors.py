"""Every refusal the API gives is JSON with a Chinese "detail"; invalid input also gets
"errors", a list of Chinese messages per field:

    {"detail": "提交的内容有误，请按提示修改。", "errors": {"deadline": ["应为有效日期……"]}}
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as SchemaValidationError

from zhenggai.files.serving import FileAltered
from zhenggai.ledger.versions import StaleEdit

INVALID = "提交的内容有误，请按提示修改。"
NOT_FOUND = "没有找到该记录，或您无权查看。"
FORBIDDEN = "您无权执行此操作。"
UNAUTHENTICATED = "需要身份认证：请在请求头中提供 Authorization: Bearer <令牌>，或先登录系统。"
DATE = "应为有效日期，格式为 YYYY-MM-DD，例如 2024-03-31。"

# Pydantic error types, matched by prefix, and what they mean to a person.
MESSAGES = [
    ("missing", "必须填写此项。"),
    ("extra_forbidden", "不支持此字段，请检查字段名。"),
    ("string_unicode", "包含无法识别的字符。"),
    ("string_type", "应为文本。"),
    ("string_too_short", "不能为空。"),
    ("string_too_long", "不能超过 {max_length} 个字符。"),
    ("int_parsing_size", "数字太大。"),
    ("int", "应为整数。"),
    ("greater_than_equal", "不能小于 {ge}。"),
    ("less_than_equal", "不能大于 {le}。"),
    ("date", DATE),
    ("bool", "应为 true 或 false。"),
    ("literal_error", "不是可选的值，可选：{expected}。"),
    ("too_long", "最多 {max_length} 项。"),
    ("list_type", "应为列表，例如 [1, 2]。"),
    ("model_", "应为 JSON 对象。"),
    ("value_error", "{error}"),
]
# ninja's own refusals in English, by how their message starts.
NINJA_MESSAGES = {
    "Cannot parse request body": "请求内容不是有效的 JSON，请检查格式和编码（UTF-8）。"
}
# The request parts ninja puts first in an error's location; the field is what follows.
SOURCES = {"body", "query", "path", "header", "cookie", "form", "file"}


def message_for(error: dict) -> str:
    ctx = dict(error.get("ctx") or {})
    if "expected" in ctx:
        ctx["expected"] = str(ctx["expected"]).replace(" or ", "、").replace(", ", "、")
    for prefix, template in MESSAGES:
        if error["type"].startswith(prefix):
            return template.format(**ctx)
    return "输入无效。"


def in_chinese(message: str) -> str:
    for english, chinese in NINJA_MESSAGES.items():
        if message.startswith(english):
            return chinese
    return message


def field_of(loc) -> str:
    """("body", "payload", "deadline") → "deadline"; ("body", "payload", "units", 0) → "units";
    ("body", "payload") → "__all__", the body as a whole."""
    parts = list(loc)
    if parts and parts[0] in SOURCES:
        # After "body" comes the name of the view's argument, which the client never sees.
        parts = parts[2:] if parts[0] == "body" else parts[1:]
    names = [str(part) for part in parts if isinstance(part, str)]
    return names[-1] if names else "__all__"


def invalid(api: NinjaAPI, request, errors: dict[str, list[str]]):
    return api.create_response(request, {"detail": INVALID, "errors": errors}, status=422)


def install(api: NinjaAPI) -> None:
    @api.exception_handler(SchemaValidationError)
    def schema_error(request, exc):
        errors: dict[str, list[str]] = {}
        for error in exc.errors:
            errors.setdefault(field_of(error.get("loc", ())), []).append(message_for(error))
        return invalid(api, request, errors)

    @api.exception_handler(DjangoValidationError)
    def service_error(request, exc):
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
        return invalid(api, request, errors)

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        return api.create_response(request, {"detail": str(exc) or FORBIDDEN}, status=403)

    @api.exception_handler(StaleEdit)
    def stale(request, exc):
        return api.create_response(request, exc.as_json(), status=409)

    @api.exception_handler(FileAltered)
    def altered(request, exc):
        return api.create_response(request, {"detail": str(exc)}, status=409)

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return api.create_response(request, {"detail": NOT_FOUND}, status=404)

    @api.exception_handler(RequestDataTooBig)
    def too_big(request, exc):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)
        detail = f"请求内容过大，不能超过 {limit} MB。"
        return api.create_response(request, {"detail": detail}, status=413)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        response = api.create_response(request, {"detail": UNAUTHENTICATED}, status=401)
        response["WWW-Authenticate"] = 'Bearer realm="zhenggai"'
        return response

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        detail = in_chinese(exc.message)
        return api.create_response(request, {"detail": detail}, status=exc.status_code)
