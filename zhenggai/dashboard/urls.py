from django.urls import path

from zhenggai.dashboard import views

app_name = "dashboard"
urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("rounds/<int:pk>/dashboard/", views.round_dashboard, name="round_dashboard"),
]
