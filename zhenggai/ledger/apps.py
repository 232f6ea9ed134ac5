from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "zhenggai.ledger"
    label = "ledger"
    verbose_name = "整改台账"

    def ready(self) -> None:
        from django.db.models import fields, signals

        from zhenggai.ledger import responsibilities

        signals.pre_migrate.connect(responsibilities.before_migrate, sender=self)
        signals.post_migrate.connect(responsibilities.after_migrate, sender=self)

        # Connects the signals that keep the cached working-day calendar in step with the table.
        from zhenggai.ledger import calendar  # noqa: F401

        # Django 6's empty choice ("- Select an option -") has no Chinese: the admin's selects
        # say 请选择, as zhenggai's own forms do (Django's documented way to set it).
        fields.BLANK_CHOICE_LABEL = "请选择"
