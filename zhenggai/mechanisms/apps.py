from django.apps import AppConfig


class MechanismsConfig(AppConfig):
    name = "zhenggai.mechanisms"
    label = "mechanisms"
    verbose_name = "长效机制与举一反三"

    def ready(self) -> None:
        from zhenggai.ledger.panels import problem_panel
        from zhenggai.mechanisms.views.panel import placeholder

        problem_panel("mechanisms/problem_panel.html")(placeholder)
