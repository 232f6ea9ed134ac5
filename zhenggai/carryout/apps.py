from django.apps import AppConfig


class CarryoutConfig(AppConfig):
    name = "zhenggai.carryout"
    label = "carryout"
    verbose_name = "整改落实与核查"
