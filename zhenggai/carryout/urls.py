from django.urls import path

from zhenggai.carryout.views import checks, reports

app_name = "carryout"
urlpatterns = [
    path("measures/<int:pk>/reports/", reports.report_list, name="report_list"),
    path("measures/<int:pk>/reports/new/", reports.report_create, name="report_create"),
    path("measures/<int:pk>/verify/", checks.measure_verify, name="measure_verify"),
    path("measures/<int:pk>/reopen/", checks.measure_reopen, name="measure_reopen"),
    path("problems/<int:pk>/verify/", checks.problem_verify, name="problem_verify"),
    path("problems/<int:pk>/reopen/", checks.problem_reopen, name="problem_reopen"),
    path("problems/<int:pk>/checks/", checks.problem_history, name="problem_history"),
    path("evidence/<int:pk>/", reports.evidence_download, name="evidence_download"),
]
