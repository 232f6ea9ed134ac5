from django.apps import AppConfig


class MechanismsConfig(AppConfig):
    name = "zhenggai.mechanisms"
    label = "mechanisms"
    verbose_name = "长效机制与举一反三"
