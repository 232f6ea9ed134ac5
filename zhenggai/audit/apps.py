from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "zhenggai.audit"
    label = "audit"
    verbose_name = "审计日志"

    def ready(self):
        from zhenggai.audit import bulk, record

        record.connect()
        for model in record.audited_models():
            bulk.install(model)
