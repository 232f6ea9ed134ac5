from django.apps import AppConfig


class ImporterConfig(AppConfig):
    name = "zhenggai.importer"
    label = "importer"
    verbose_name = "文档导入"
