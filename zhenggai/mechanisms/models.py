"""Making it last: the registry of lasting mechanisms (长效机制) and generalization
(举一反三) to other units."""

from django.conf import settings
from django.db import models

from zhenggai.ledger.models import InspectionRound, Problem, Unit


class Mechanism(models.Model):
    class Kind(models.TextChoices):
        RULE = "rule", "制度文件"
        SYSTEM = "system", "系统平台"
        PRACTICE = "practice", "经验做法"

    round = models.ForeignKey(
        InspectionRound,
        verbose_name="轮次",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mechanisms",
    )
    name = models.CharField("名称", max_length=200)
    kind = models.CharField("类别", max_length=20, choices=Kind.choices)
    document_number = models.CharField("文号", max_length=100, blank=True)
    issuing_unit = models.ForeignKey(Unit, verbose_name="制定单位", on_delete=models.PROTECT)
    issued_on = models.DateField("印发日期")
    description = models.TextField("主要内容", max_length=5000, blank=True)
    # Stored under a random name, like evidence; the uploaded name is kept beside it.
    file = models.FileField("文件", upload_to="mechanisms/%Y/", blank=True)
    file_name = models.CharField("原文件名", max_length=255, blank=True, editable=False)
    file_sha256 = models.CharField("文件摘要（SHA-256）", max_length=64, blank=True, editable=False)
    problems = models.ManyToManyField(
        Problem, verbose_name="针对的问题", blank=True, related_name="mechanisms"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT
    )
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "长效机制"
        ordering = ["-issued_on", "-pk"]

    def __str__(self) -> str:
        return self.name


class Generalization(models.Model):
    """The office asks other units to check themselves for the same problem."""

    source = models.ForeignKey(
        Problem,
        verbose_name="原问题",
        on_delete=models.CASCADE,
        related_name="generalizations",
    )
    note = models.TextField("要求", max_length=2000, blank=True)
    answer_deadline = models.DateField("答复期限")
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="发起人", on_delete=models.PROTECT
    )
    asked_at = models.DateTimeField("发起时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "举一反三"
        ordering = ["-pk"]

    def __str__(self) -> str:
        return f"{self.source.code} 举一反三"


class GeneralizationAnswer(models.Model):
    class Answer(models.TextChoices):
        PENDING = "pending", "待答复"
        FOUND = "found", "存在同类问题"
        NOT_PRESENT = "not_present", "不存在"

    class Review(models.TextChoices):
        PENDING = "pending", "待审核"
        ACCEPTED = "accepted", "认可"
        REJECTED = "rejected", "不认可"

    generalization = models.ForeignKey(
        Generalization, on_delete=models.CASCADE, related_name="answers"
    )
    unit = models.ForeignKey(Unit, verbose_name="自查单位", on_delete=models.PROTECT)
    answer = models.CharField("答复", max_length=20, choices=Answer.choices, default=Answer.PENDING)
    reasons = models.TextField("理由", max_length=5000, blank=True)
    evidence = models.FileField("佐证材料", upload_to="generalization/%Y/", blank=True)
    evidence_name = models.CharField("佐证材料原文件名", max_length=255, blank=True, editable=False)
    evidence_sha256 = models.CharField(
        "佐证材料摘要（SHA-256）", max_length=64, blank=True, editable=False
    )
    linked_problem = models.ForeignKey(
        Problem,
        verbose_name="新建的同类问题",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="generalized_from",
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="generalization_answers",
    )
    answered_at = models.DateTimeField("答复时间", null=True, blank=True)
    review = models.CharField("审核", max_length=20, choices=Review.choices, default=Review.PENDING)
    review_note = models.CharField("审核意见", max_length=500, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="generalization_reviews",
    )

    class Meta:
        verbose_name = verbose_name_plural = "举一反三答复"
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["generalization", "unit"], name="generalization_once_per_unit"
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.get_answer_display()}"
