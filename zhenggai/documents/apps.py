from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "zhenggai.documents"
    verbose_name = "整改文书"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from zhenggai.documents.views.office import withholding_panel
        from zhenggai.ledger.panels import problem_panel

        problem_panel("documents/withholding_panel.html")(withholding_panel)
