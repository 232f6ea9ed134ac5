"""What the documents need beyond the ledger, kept with the round: the office's own wording of
each document, who signs, the Word template, which problems stay out of the public
disclosure and why; and each leader's causes and own measures for the special meeting."""

from django.conf import settings
from django.db import models

from zhenggai.ledger.models import NO_NUL, InspectionRound, Person, Problem, text_limit


def _template_name(template: "DocumentTemplate", filename: str) -> str:
    # The uploaded name is kept in `file_name`; the stored name never comes from it.
    owner = f"round-{template.round_id}" if template.round_id else "installation"
    return f"templates/{owner}.docx"


class DocumentSettings(models.Model):
    """Per round: who signs, the date written under the signature, and the texts of each
    document that the office rewrote ({kind: {key: text}}; the rest keep their defaults)."""

    round = models.OneToOneField(
        InspectionRound,
        verbose_name="轮次",
        on_delete=models.CASCADE,
        related_name="document_settings",
    )
    issuer = models.CharField(
        "发文机关署名",
        max_length=100,
        blank=True,
        validators=NO_NUL,
        help_text="留空时使用被巡视党组织的名称。",
    )
    principal = models.ForeignKey(
        Person,
        verbose_name="主要负责人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="在整改情况报告和组织落实情况报告上签署。",
    )
    date = models.DateField(
        "成文日期", null=True, blank=True, help_text="留空时使用生成文书当天的日期。"
    )
    texts = models.JSONField("文书文字", default=dict, blank=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "文书设置"

    def __str__(self) -> str:
        return f"{self.round} 文书设置"


class DocumentTemplate(models.Model):
    """A Word template: for one round, or (without a round) for the whole installation."""

    round = models.OneToOneField(
        InspectionRound,
        verbose_name="轮次",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="document_template",
        help_text="留空即为全系统默认模板。",
    )
    file = models.FileField("模板文件", upload_to=_template_name, max_length=255)
    file_name = models.CharField("原文件名", max_length=255)
    notes = models.JSONField("检查提示", default=list, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="上传人", null=True, on_delete=models.SET_NULL
    )
    uploaded_at = models.DateTimeField("上传时间", auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "文书模板"

    def __str__(self) -> str:
        return self.file_name


class Withholding(models.Model):
    """A problem left out of the public disclosure (双公开), with the reason."""

    class Reason(models.TextChoices):
        STATE_SECRET = "state_secret", "涉及国家秘密"
        INVESTIGATION = "investigation", "案件正在查处"
        HYPE = "hype", "易被炒作"
        PETITION = "petition", "易引发群体性上访"
        SENSITIVE = "sensitive", "其他敏感事项"

    problem = models.OneToOneField(
        Problem, verbose_name="问题", on_delete=models.CASCADE, related_name="withholding"
    )
    reason = models.CharField("不予公开的理由", max_length=20, choices=Reason.choices)
    note = models.CharField("说明", max_length=500, blank=True, validators=NO_NUL)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="标记人", null=True, on_delete=models.SET_NULL
    )
    marked_at = models.DateTimeField("标记时间", auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "不予公开的问题"

    def __str__(self) -> str:
        return f"{self.problem.code} {self.get_reason_display()}"


class LeaderItem(models.Model):
    """What a leader writes for one round's special meeting, in order."""

    round = models.ForeignKey(InspectionRound, verbose_name="轮次", on_delete=models.CASCADE)
    person = models.ForeignKey(Person, verbose_name="领导", on_delete=models.CASCADE)
    number = models.PositiveSmallIntegerField("序号")
    text = models.TextField(
        "内容",
        max_length=3000,
        validators=text_limit(3000),
        help_text="第一句作为小标题，例如“在理论武装上存在差距。……”",
    )
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        abstract = True
        ordering = ["round", "person", "number", "pk"]

    def __str__(self) -> str:
        return self.text[:40]


class Cause(LeaderItem):
    """原因剖析: why the leader's problems arose (theory, thinking, discipline …)."""

    class Aspect(models.TextChoices):
        THEORY = "theory", "理论武装"
        THINKING = "thinking", "思想认识"
        DISCIPLINE = "discipline", "纪律作风"
        DUTY = "duty", "责任担当"
        OTHER = "other", "其他"

    aspect = models.CharField("方面", max_length=20, choices=Aspect.choices, default=Aspect.OTHER)

    class Meta(LeaderItem.Meta):
        verbose_name = verbose_name_plural = "原因剖析"


class PersonalMeasure(LeaderItem):
    """A leader's own measure: what he or she will do, beside the ledger's measures."""

    class Meta(LeaderItem.Meta):
        verbose_name = verbose_name_plural = "个人整改措施"
