from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


class OpsConfig(AppConfig):
    name = "zhenggai.ops"
    label = "ops"
    verbose_name = "运维命令"

    def ready(self):
        from zhenggai.ops.statistics import after_migrate

        # Sent once for each app that has models, after every migration has run; the
        # ledger's, whose tables the plans are made for, is enough.
        post_migrate.connect(after_migrate, sender=apps.get_app_config("ledger"))
