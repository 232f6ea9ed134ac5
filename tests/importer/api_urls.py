"""The site's URLs with the import router mounted under /api/ the way zhenggai/api/urls.py
mounts its own routers (same authentication and Chinese errors). Until that file adds the
router, the import API is tested here."""

from django.urls import path
from ninja import NinjaAPI

from zhenggai.api import errors
from zhenggai.api.auth import BearerToken, Session
from zhenggai.importer.api import router
from zhenggai.urls import urlpatterns as site

api = NinjaAPI(urls_namespace="import_api_test", auth=[BearerToken(), Session()])
errors.install(api)
api.add_router("", router)

urlpatterns = [path("api/", api.urls), *site]
