"""The HTTP API under /api/: one NinjaAPI, token or session authentication on every endpoint,
Chinese errors, interactive docs at /api/docs served from local static files."""

from django.http import JsonResponse
from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from zhenggai.api import errors
from zhenggai.api.auth import BearerToken, Session
from zhenggai.api.routers import measures, persons, problems, rounds, units

APP_ROUTERS = [
    "zhenggai.authority.api.router",
    "zhenggai.carryout.api.router",
    "zhenggai.dashboard.api.router",
    "zhenggai.importer.api.router",
    "zhenggai.mechanisms.api.router",
    "zhenggai.requests.api.router",
    "zhenggai.supervision.api.router",
    "zhenggai.documents.api.router",
]


class ReadableJSON(JSONRenderer):
    # Chinese as itself rather than \uXXXX escapes, so a person can read a curl answer.
    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="整改系统接口",
    version="1",
    description="巡视巡察反馈问题整改台账的接口。用法见 docs/api.md。",
    urls_namespace="api",
    auth=[BearerToken(), Session()],
    renderer=ReadableJSON(),
)
errors.install(api)
for module in (rounds, problems, measures, units, persons):
    api.add_router("", module.router)
# Each capability's app keeps its own router beside its services.
for router in APP_ROUTERS:
    api.add_router("", router)


def unknown_endpoint(request, rest):
    """Programs get JSON for a path the API does not have, not the HTML page for people."""
    return JsonResponse(
        {"detail": "没有这个接口，请查看 /api/docs。"},
        status=404,
        json_dumps_params={"ensure_ascii": False},
    )
