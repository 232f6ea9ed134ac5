from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "zhenggai.dashboard"
    label = "dashboard"
    verbose_name = "整改看板"
