from django.urls import path

from zhenggai.mechanisms.views import generalizations, mechanisms, panel

app_name = "mechanisms"
urlpatterns = [
    path("rounds/<int:round_pk>/mechanisms/", mechanisms.mechanism_list, name="mechanism_list"),
    path(
        "rounds/<int:round_pk>/mechanisms/new/",
        mechanisms.mechanism_create,
        name="mechanism_create",
    ),
    path(
        "rounds/<int:round_pk>/closed-without-mechanism/",
        mechanisms.closed_without_mechanism_list,
        name="closed_without_mechanism",
    ),
    path("mechanisms/<int:pk>/", mechanisms.mechanism_detail, name="mechanism_detail"),
    path("mechanisms/<int:pk>/link/", mechanisms.mechanism_link, name="mechanism_link"),
    path(
        "mechanisms/<int:pk>/unlink/<int:problem_pk>/",
        mechanisms.mechanism_unlink,
        name="mechanism_unlink",
    ),
    path("mechanisms/<int:pk>/file/", mechanisms.mechanism_file, name="mechanism_file"),
    path("problems/<int:pk>/lasting/", panel.problem_panel, name="problem_panel"),
    path("problems/<int:pk>/generalize/", generalizations.generalize, name="generalize"),
    path(
        "rounds/<int:round_pk>/generalization/",
        generalizations.round_generalizations,
        name="round_generalizations",
    ),
    path("generalization/", generalizations.inbox, name="inbox"),
    path("generalization/answers/<int:pk>/", generalizations.answer, name="answer"),
    path(
        "generalization/answers/<int:pk>/evidence/",
        generalizations.answer_evidence,
        name="answer_evidence",
    ),
    path("generalization/answers/<int:pk>/review/", generalizations.review, name="review"),
]
