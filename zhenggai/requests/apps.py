from django.apps import AppConfig


class RequestsConfig(AppConfig):
    name = "zhenggai.requests"
    label = "requests"
    verbose_name = "延期和变更申请"

    def ready(self):
        from zhenggai.requests import panels  # noqa: F401 -- registers the measure card panel
