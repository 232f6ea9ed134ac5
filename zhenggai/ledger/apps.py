from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "zhenggai.ledger"
    label = "ledger"
    verbose_name = "整改台账"

    def ready(self) -> None:
        # Connects the signals that keep the cached working-day calendar in step with the table.
        from zhenggai.ledger import calendar  # noqa: F401
