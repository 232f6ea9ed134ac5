"""Carrying a measure out: progress reports with evidence, verification beyond briefings,
and reopening (including rebounds)."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q

from zhenggai.carryout.files import readable
from zhenggai.ledger.models import Measure, Problem, Unit


class ProgressReport(models.Model):
    """What a unit did, as of a date. Never edited once submitted: a correction is a new
    report that points at the one it corrects."""

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", "整改中"
        DONE = "done_pending", "已完成，申请核查"

    measure = models.ForeignKey(
        Measure, verbose_name="整改措施", on_delete=models.CASCADE, related_name="reports"
    )
    as_of = models.DateField("截至日期")
    text = models.TextField("进展情况", max_length=5000)
    status = models.CharField("进展状态", max_length=20, choices=Status.choices)
    percent = models.PositiveSmallIntegerField(
        "完成比例（%）", null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    corrects = models.ForeignKey(
        "self",
        verbose_name="更正的报告",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrections",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="填报人", on_delete=models.PROTECT
    )
    submitted_at = models.DateTimeField("提交时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "进展报告"
        ordering = ["measure", "pk"]
        indexes = [models.Index(fields=["measure", "as_of"])]

    def __str__(self) -> str:
        return f"{self.measure.code} 截至{self.as_of:%Y-%m-%d}"


class Verification(models.Model):
    """核查/验收 of a measure or a whole problem."""

    class Method(models.TextChoices):
        BRIEFING = "briefing", "听取汇报"
        DOCUMENT_REVIEW = "document_review", "查阅资料"
        ON_SITE = "on_site", "实地核查"
        INTERVIEW = "interview", "个别谈话"
        VISIT_PUBLIC = "visit_public", "走访群众"
        SPOT_CHECK = "spot_check", "抽查"

    class Result(models.TextChoices):
        PASS = "pass", "通过"
        FAIL = "fail", "不通过"

    # Looked up through index verification_close_out, which begins with it.
    measure = models.ForeignKey(
        Measure,
        verbose_name="整改措施",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="verifications",
        db_index=False,
    )
    problem = models.ForeignKey(
        Problem,
        verbose_name="问题",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="verifications",
    )
    methods = models.JSONField("核查方式", default=list)
    # Stored beside the list so that "closed by briefing only" is one indexed filter on
    # SQLite and PostgreSQL alike.
    briefing_only = models.BooleanField("仅听取汇报", default=False, editable=False)
    on_site = models.BooleanField("含实地核查", default=False, editable=False)
    verifier = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="核查人", on_delete=models.PROTECT
    )
    verifier_unit = models.ForeignKey(
        Unit, verbose_name="核查人单位", null=True, blank=True, on_delete=models.PROTECT
    )
    # The verification group (核查组) that checked with the verifier, the verifier among them.
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name="核查组成员",
        blank=True,
        related_name="verifications_joined",
    )
    verified_on = models.DateField("核查日期")
    findings = models.TextField("核查情况", max_length=5000)
    result = models.CharField("核查结论", max_length=10, choices=Result.choices)
    created_at = models.DateTimeField("记录时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "核查记录"
        ordering = ["pk"]
        indexes = [
            # The dashboard's close-out figures join each closed measure to its passing
            # verifications and ask whether one was more than a briefing: the index answers
            # it alone, without reading the verifications' rows.
            models.Index(
                fields=["measure", "result", "briefing_only"], name="verification_close_out"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(measure__isnull=False) | Q(problem__isnull=False),
                name="verification_has_subject",
            )
        ]

    def __str__(self) -> str:
        subject = self.measure or self.problem
        return f"{subject} {self.get_result_display()}"

    def save(self, *args, **kwargs):
        methods = set(self.methods or [])
        self.briefing_only = methods == {self.Method.BRIEFING}
        self.on_site = self.Method.ON_SITE in methods
        super().save(*args, **kwargs)

    @property
    def method_labels(self) -> list[str]:
        labels = dict(self.Method.choices)
        return [labels.get(method, method) for method in self.methods]


class Evidence(models.Model):
    """佐证材料: a checked file attached to a report, a verification or the reply to a
    supervision notice (督办单)."""

    file = models.FileField("文件", upload_to="evidence/%Y/%m/")
    original_name = models.CharField("文件名", max_length=255)
    size = models.PositiveBigIntegerField("大小")
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    content_type = models.CharField("类型", max_length=100)
    report = models.ForeignKey(
        ProgressReport, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence"
    )
    verification = models.ForeignKey(
        Verification, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence"
    )
    notice = models.ForeignKey(
        "supervision.SupervisionNotice",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="evidence",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="上传人", on_delete=models.PROTECT
    )
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)

    # The audit trail writes the size as the pages do (zhenggai.audit.display).
    audit_formats = {"size": readable}

    class Meta:
        verbose_name = verbose_name_plural = "佐证材料"
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(report__isnull=False)
                | Q(verification__isnull=False)
                | Q(notice__isnull=False),
                name="evidence_has_owner",
            )
        ]

    def __str__(self) -> str:
        return self.original_name


class Reopening(models.Model):
    """A closed measure or problem opened again, with the reason; a rebound (变异反弹) keeps
    the date it had been closed on, so its earlier life stays visible."""

    measure = models.ForeignKey(
        Measure, null=True, blank=True, on_delete=models.CASCADE, related_name="reopenings"
    )
    problem = models.ForeignKey(
        Problem, null=True, blank=True, on_delete=models.CASCADE, related_name="reopenings"
    )
    reason = models.TextField("原因", max_length=2000)
    is_rebound = models.BooleanField("变异反弹", default=False)
    previous_status = models.CharField("原状态", max_length=20)
    previously_closed_on = models.DateField("原销号日期", null=True, blank=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="操作人", on_delete=models.PROTECT
    )
    reopened_at = models.DateTimeField("重新打开时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "重新打开记录"
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(measure__isnull=False) | Q(problem__isnull=False),
                name="reopening_has_subject",
            )
        ]

    def __str__(self) -> str:
        return f"{self.measure or self.problem} 重新打开"
