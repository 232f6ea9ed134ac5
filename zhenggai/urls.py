from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from zhenggai.accounts.views import LoginView, PasswordChangeView, second_factor_page
from zhenggai.api.urls import api, unknown_endpoint

handler500 = "zhenggai.ops.busy.server_error"
admin.site.site_header = admin.site.site_title = "整改系统管理"
admin.site.index_title = "基础数据"

urlpatterns = [
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", PasswordChangeView.as_view(), name="password_change"),
    path("second-factor/", second_factor_page, name="second_factor"),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("api/<path:rest>", unknown_endpoint),
    path("", include("zhenggai.ledger.urls")),
    path("", include("zhenggai.dashboard.urls")),
    path("", include("zhenggai.carryout.urls")),
    path("", include("zhenggai.importer.urls")),
    path("", include("zhenggai.supervision.urls")),
    path("", include("zhenggai.mechanisms.urls")),
    path("", include("zhenggai.requests.urls")),
    path("", include("zhenggai.documents.urls")),
    path("", include("zhenggai.audit.urls")),
]
