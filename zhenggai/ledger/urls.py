from django.urls import path

from zhenggai.ledger.views import home, ledger_views, measures, people, problems, rounds

app_name = "ledger"
urlpatterns = [
    path("", home.home, name="home"),
    path("rounds/", rounds.round_list, name="round_list"),
    path("rounds/new/", rounds.round_create, name="round_create"),
    path("rounds/<int:pk>/", rounds.round_home, name="round_home"),
    path("rounds/<int:pk>/edit/", rounds.round_edit, name="round_edit"),
    path("rounds/<int:pk>/ledger/", ledger_views.ledger, name="ledger"),
    path("rounds/<int:pk>/ledger/batch/", ledger_views.measure_batch, name="measure_batch"),
    path("rounds/<int:round_pk>/categories/new/", problems.category_create, name="category_create"),
    path("rounds/<int:round_pk>/problems/new/", problems.problem_create, name="problem_create"),
    path("problems/<int:pk>/", problems.problem_detail, name="problem_detail"),
    path("problems/<int:pk>/edit/", problems.problem_edit, name="problem_edit"),
    path("problems/<int:pk>/timeline/", problems.problem_timeline, name="problem_timeline"),
    path("problems/<int:pk>/claim/", problems.problem_claim, name="problem_claim"),
    path("problems/<int:problem_pk>/measures/new/", measures.measure_create, name="measure_create"),
    path("measures/<int:pk>/edit/", measures.measure_edit, name="measure_edit"),
    path("measures/<int:pk>/row/", measures.measure_row, name="measure_row"),
    path("units/<int:pk>/", people.unit_detail, name="unit_detail"),
    path("persons/<int:pk>/", people.person_detail, name="person_detail"),
]
