from django.apps import AppConfig
from django.db import transaction
from django.db.models.signals import post_delete


class CarryoutConfig(AppConfig):
    name = "zhenggai.carryout"
    label = "carryout"
    verbose_name = "整改落实与核查"

    def ready(self):
        from zhenggai.carryout import panels  # noqa: F401 -- registers the problem page panels
        from zhenggai.carryout.models import Evidence

        post_delete.connect(_remove_file, sender=Evidence, dispatch_uid="carryout_evidence_file")


def _remove_file(sender, instance, **kwargs):
    """An evidence row goes only with its round, problem or measure; its file goes with it,
    once the deletion is committed (a rolled-back deletion keeps the file)."""
    if instance.file:
        name, storage = instance.file.name, instance.file.storage
        transaction.on_commit(lambda: storage.delete(name))
