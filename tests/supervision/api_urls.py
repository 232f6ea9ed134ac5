"""The site's URLs with the supervision router mounted at /api/ the way zhenggai/api/urls.py
mounts the others (same authentication, same Chinese errors), so that the router is tested
whether or not the main API includes it yet."""

from django.urls import path
from ninja import NinjaAPI

from zhenggai import urls
from zhenggai.api import errors
from zhenggai.api.auth import BearerToken, Session
from zhenggai.api.urls import ReadableJSON
from zhenggai.supervision.api import router

api = NinjaAPI(
    urls_namespace="supervision_api",
    auth=[BearerToken(), Session()],
    renderer=ReadableJSON(),
)
errors.install(api)
api.add_router("", router)

urlpatterns = [path("api/", api.urls), *urls.urlpatterns]
