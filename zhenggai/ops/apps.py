from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "zhenggai.ops"
    label = "ops"
    verbose_name = "运维命令"
