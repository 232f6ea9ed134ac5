from django.urls import path

from zhenggai.audit import views

app_name = "audit"
urlpatterns = [
    path("audit/", views.entry_list, name="entry_list"),
    path("audit/export.csv", views.entry_export, {"fmt": "csv"}, name="entry_csv"),
    path("audit/export.xlsx", views.entry_export, {"fmt": "xlsx"}, name="entry_xlsx"),
]
