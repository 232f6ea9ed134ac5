from django.urls import path

from zhenggai.requests.models import ChangeRequest, ExtensionRequest
from zhenggai.requests.views import asking, deciding

app_name = "requests"
urlpatterns = [
    path("measures/<int:pk>/extension/new/", asking.extension_create, name="extension_create"),
    path("measures/<int:pk>/change/new/", asking.change_create, name="change_create"),
    path("rounds/<int:pk>/requests/", deciding.round_requests, name="round_requests"),
]
# The same pages for both sorts: extensions_detail, changes_approve ...
ACTIONS = {
    "detail": ("", deciding.request_detail),
    "approve": ("approve/", deciding.request_approve),
    "refuse": ("refuse/", deciding.request_refuse),
    "withdraw": ("withdraw/", deciding.request_withdraw),
}
for plural, model in (("extensions", ExtensionRequest), ("changes", ChangeRequest)):
    for action, (suffix, view) in ACTIONS.items():
        urlpatterns.append(
            path(f"{plural}/<int:pk>/{suffix}", view, {"model": model}, name=f"{plural}_{action}")
        )
