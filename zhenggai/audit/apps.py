from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "zhenggai.audit"
    label = "audit"
    verbose_name = "审计日志"

    def ready(self):
        from zhenggai.audit import record

        record.connect()
