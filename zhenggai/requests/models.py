"""A unit does not rewrite what it committed to: it asks. An extension request (延期申请) asks
to move a measure's deadline, a change request (变更申请) to change its text, kind or
deliverable; whoever decides for the round approves or refuses, and an approval is applied
to the measure through the ledger's services. Each measure has at most one open request of
each sort at a time."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from zhenggai.ledger.models import InspectionRound, Measure, text_limit

REASON_LENGTH = 2000


class MeasureRequest(models.Model):
    """What both sorts of request share: who asked why, and who decided what."""

    class Status(models.TextChoices):
        PENDING = "pending", "待审批"
        APPROVED = "approved", "已批准"
        REFUSED = "refused", "不予批准"
        WITHDRAWN = "withdrawn", "已撤回"

    round = models.ForeignKey(
        InspectionRound, verbose_name="轮次", on_delete=models.CASCADE, related_name="+"
    )
    measure = models.ForeignKey(
        Measure, verbose_name="整改措施", on_delete=models.CASCADE, related_name="%(class)ss"
    )
    reason = models.TextField(
        "申请理由", max_length=REASON_LENGTH, validators=text_limit(REASON_LENGTH)
    )
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.PENDING)
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="申请人",
        on_delete=models.PROTECT,
        related_name="+",
    )
    asked_at = models.DateTimeField("申请时间", auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审批人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField("审批时间", null=True, blank=True)
    decision_note = models.TextField(
        "审批意见", max_length=REASON_LENGTH, blank=True, validators=text_limit(REASON_LENGTH)
    )

    class Meta:
        abstract = True
        ordering = ["-asked_at", "-pk"]

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.PENDING


def _one_open(name: str, message: str) -> models.UniqueConstraint:
    # Two units' clicks at the same moment cannot both open a request: the database refuses
    # the second, on SQLite and PostgreSQL alike.
    return models.UniqueConstraint(
        fields=["measure"],
        condition=Q(status=MeasureRequest.Status.PENDING),
        name=name,
        violation_error_message=message,
    )


class ExtensionRequest(MeasureRequest):
    current_deadline = models.DateField("原完成时限")
    new_deadline = models.DateField("申请延至")

    class Meta(MeasureRequest.Meta):
        verbose_name = verbose_name_plural = "延期申请"
        constraints = [
            _one_open("one_open_extension_per_measure", "该措施已有一份待审批的延期申请。")
        ]
        indexes = [models.Index(fields=["round", "status"], name="extension_round_status")]

    def __str__(self) -> str:
        return f"延期申请 {self.pk}：延至 {self.new_deadline}"


class ChangeRequest(MeasureRequest):
    """The measure as the unit would have it: each field as proposed, changed or not."""

    text = models.TextField(
        "变更后的整改措施",
        max_length=Measure._meta.get_field("text").max_length,
        validators=text_limit(Measure._meta.get_field("text").max_length),
    )
    kind = models.CharField("变更后的类型", max_length=20, choices=Measure.Kind.choices)
    deliverable = models.CharField(
        "变更后的成果形式",
        max_length=Measure._meta.get_field("deliverable").max_length,
        blank=True,
        validators=Measure._meta.get_field("deliverable").validators,
    )
    # Only for a measure without a deadline (长期坚持) that would become one that needs one;
    # a deadline already set moves by an extension request.
    deadline = models.DateField("完成时限", null=True, blank=True)

    class Meta(MeasureRequest.Meta):
        verbose_name = verbose_name_plural = "变更申请"
        constraints = [_one_open("one_open_change_per_measure", "该措施已有一份待审批的变更申请。")]
        indexes = [models.Index(fields=["round", "status"], name="change_round_status")]

    def __str__(self) -> str:
        return f"变更申请 {self.pk}"
