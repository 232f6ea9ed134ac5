from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "zhenggai.supervision"
    label = "supervision"
    verbose_name = "督促督办"
