"""The mechanisms router on an API of its own, built like the main one, until the lead mounts
it in zhenggai/api/urls.py; the web URLs are there for the download links."""

from django.urls import include, path
from ninja import NinjaAPI

from zhenggai.api import errors
from zhenggai.api.auth import BearerToken, Session
from zhenggai.api.urls import ReadableJSON

api = NinjaAPI(
    urls_namespace="mechanisms_api",
    auth=[BearerToken(), Session()],
    renderer=ReadableJSON(),
)
errors.install(api)
api.add_router("", "zhenggai.mechanisms.api.router")

urlpatterns = [
    path("api/", api.urls),
    path("", include("zhenggai.ledger.urls")),
    path("", include("zhenggai.mechanisms.urls")),
]
