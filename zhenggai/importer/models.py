"""One uploaded document on its way into a round's ledger: the file, what the reader made of
it, and the draft a person reviews. Nothing reaches the ledger until the batch is applied."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from zhenggai.ledger.models import InspectionRound, Problem
from zhenggai.reader.genre import LABELS

GENRES = list(LABELS.items())


def _stored_name(batch: "ImportBatch", filename: str) -> str:
    # The person's file name is kept in `file_name`; on disk the name is derived from the
    # content, so no uploaded name (../, NUL, 500 characters) ever reaches the file system.
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    suffix = f".{suffix}" if suffix.isascii() and suffix.isalnum() and len(suffix) <= 5 else ""
    return f"imports/{batch.round_id}/{batch.sha256[:16]}{suffix}"


class ImportBatch(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "待审核"
        APPLIED = "applied", "已导入"
        DISCARDED = "discarded", "已放弃"

    round = models.ForeignKey(
        InspectionRound, verbose_name="轮次", on_delete=models.CASCADE, related_name="imports"
    )
    file_name = models.CharField("文件名", max_length=255)
    file = models.FileField("文件", upload_to=_stored_name, max_length=255)
    sha256 = models.CharField("内容摘要（SHA-256）", max_length=64)
    format = models.CharField("格式", max_length=10)
    encoding = models.CharField("编码", max_length=30, blank=True)
    title = models.CharField("文档标题", max_length=500, blank=True)
    # What kind of document the reader took it for, and the words that decided it (shaped
    # as warnings): the genre chose the kind of items no section heading names.
    genre = models.CharField("体裁", max_length=20, choices=GENRES, default="other")
    evidence = models.JSONField("体裁依据", default=list, blank=True)
    # The reader's warnings ({code, message, line, text}) and the source outline as flat
    # rows ({line, level, marker, kind, text}), kept so the review page never re-reads the file.
    warnings = models.JSONField("读取警告", default=list, blank=True)
    source = models.JSONField("原文结构", default=list, blank=True)
    # The reviewed state (see drafts.py); every edit on the review page is saved here.
    draft = models.JSONField("导入草稿", default=dict, blank=True)
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.DRAFT)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="上传人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="导入人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    applied_at = models.DateTimeField("导入时间", null=True, blank=True)
    # Counts of what applying created: categories, problems, measures; and what it kept in
    # this batch only: causes, and measures not tied to any problem.
    created = models.JSONField("导入结果", default=dict, blank=True)
    problems = models.ManyToManyField(
        Problem, verbose_name="导入的问题", blank=True, related_name="import_batches"
    )

    class Meta:
        verbose_name = verbose_name_plural = "文档导入"
        ordering = ["-uploaded_at", "-pk"]
        indexes = [models.Index(fields=["round", "sha256"])]

    def __str__(self) -> str:
        return f"{self.file_name}（{self.get_status_display()}）"

    def get_absolute_url(self) -> str:
        return reverse("importer:batch", args=[self.pk])

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT
