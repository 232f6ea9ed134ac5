"""Pushing units: in-app notifications, reminders (催办), supervision notices (督办单) with
replies, escalations (约谈/通报/问责), and the record of each daily tick."""

from django.conf import settings
from django.db import models

from zhenggai.ledger.models import InspectionRound, Measure, Person, Problem, Unit, text_limit


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="接收人",
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    title = models.CharField("标题", max_length=200)
    body = models.TextField("内容", max_length=2000, blank=True)
    link = models.CharField("链接", max_length=300, blank=True)
    created_at = models.DateTimeField("时间", auto_now_add=True)
    read_at = models.DateTimeField("已读时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "站内通知"
        ordering = ["-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return self.title


class Reminder(models.Model):
    """One reminder to one person about one measure on one day: the unique constraint is what
    makes `zhenggai tick` safe to run any number of times."""

    class Reason(models.TextChoices):
        DUE_SOON = "due_soon", "临近完成时限"
        OVERDUE = "overdue", "已超期"
        SILENT = "silent", "未按期报送进展"
        MANUAL = "manual", "人工催办"

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="reminders")
    person = models.ForeignKey(Person, verbose_name="催办对象", on_delete=models.CASCADE)
    sent_on = models.DateField("催办日期")
    reason = models.CharField("原因", max_length=20, choices=Reason.choices)
    emailed = models.BooleanField("已发邮件", default=False)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = verbose_name_plural = "催办记录"
        ordering = ["-sent_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "person", "sent_on", "reason"], name="remind_once_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.sent_on} 催办 {self.person}"


class SupervisionNotice(models.Model):
    class Status(models.TextChoices):
        ISSUED = "issued", "已下发"
        REPLIED = "replied", "已回复"
        OVERDUE = "overdue", "逾期未回复"
        ESCALATED = "escalated", "已升级"
        CLOSED = "closed", "已办结"

    round = models.ForeignKey(
        InspectionRound, verbose_name="轮次", on_delete=models.CASCADE, related_name="notices"
    )
    number = models.CharField("编号", max_length=50)
    unit = models.ForeignKey(Unit, verbose_name="被督办单位", on_delete=models.PROTECT)
    problems = models.ManyToManyField(Problem, verbose_name="涉及问题", related_name="notices")
    content = models.TextField("督办事项", max_length=5000)
    reply_deadline = models.DateField("回复期限")
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.ISSUED)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="下发人",
        on_delete=models.PROTECT,
        related_name="issued_notices",
    )
    issued_on = models.DateField("下发日期")
    reply = models.TextField("回复内容", max_length=5000, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="回复人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replied_notices",
    )
    replied_at = models.DateTimeField("回复时间", null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="办结人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="closed_notices",
    )
    closed_at = models.DateTimeField("办结时间", null=True, blank=True)
    closing_note = models.TextField(
        "办结意见", max_length=2000, blank=True, validators=text_limit(2000)
    )

    class Meta:
        verbose_name = verbose_name_plural = "督办单"
        ordering = ["-issued_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "number"],
                name="notice_number_unique",
                violation_error_message="本轮已有相同编号的督办单。",
            )
        ]

    def __str__(self) -> str:
        return self.number


class Escalation(models.Model):
    class Kind(models.TextChoices):
        ADMONITION = "admonition", "约谈"
        CIRCULAR = "circular", "通报"
        ACCOUNTABILITY = "accountability", "问责"

    round = models.ForeignKey(
        InspectionRound, verbose_name="轮次", on_delete=models.CASCADE, related_name="escalations"
    )
    kind = models.CharField("方式", max_length=20, choices=Kind.choices)
    unit = models.ForeignKey(Unit, verbose_name="对象单位", on_delete=models.PROTECT)
    notice = models.ForeignKey(
        SupervisionNotice,
        verbose_name="督办单",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="escalations",
    )
    problem = models.ForeignKey(
        Problem, verbose_name="问题", null=True, blank=True, on_delete=models.SET_NULL
    )
    reason = models.TextField("事由", max_length=2000)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="决定人", on_delete=models.PROTECT
    )
    decided_on = models.DateField("决定日期")

    class Meta:
        verbose_name = verbose_name_plural = "升级督办"
        ordering = ["-decided_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.unit}"


class TickRun(models.Model):
    """One run of the daily work, for the record and for reporting when it last ran."""

    day = models.DateField("日期", db_index=True)
    started_at = models.DateTimeField("开始", auto_now_add=True)
    finished_at = models.DateTimeField("结束", null=True, blank=True)
    summary = models.JSONField("结果", default=dict)

    class Meta:
        verbose_name = verbose_name_plural = "每日任务记录"
        ordering = ["-pk"]

    def __str__(self) -> str:
        return f"{self.day} 每日任务"
