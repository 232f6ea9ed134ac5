"""The audit trail (操作日志): every change, login, download and export, append-only and
hash-chained (zhenggai.audit.chain).

It sits beside the ledger's Event, not around it. An Event is the ledger's own timeline: one
round's story in domain words (认领, 核查通过 …), read by the timelines, notifications and
stale-edit checks, and it belongs to its round. The audit trail is the installation's record
for the assessor: every model and every login, in one total order under one chain, tied to
nothing it could be deleted with. Its actor is PROTECT, so a login that has acted cannot be
deleted (only deactivated), and the name it had then is kept as text beside it."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from zhenggai.audit import chain
from zhenggai.audit.context import Channel


class Kind(models.TextChoices):
    CREATED = "created", "新增"
    UPDATED = "updated", "修改"
    DELETED = "deleted", "删除"
    LOGIN = "login", "登录"
    LOGIN_FAILED = "login_failed", "登录失败"
    LOGOUT = "logout", "退出"
    DOWNLOAD = "download", "下载"
    EXPORT = "export", "导出"


class AppendOnlyQuerySet(models.QuerySet):
    """Rows are never changed nor deleted through Django, whatever the caller."""

    def update(self, **kwargs):
        raise TypeError("操作日志只能追加，不能修改。")

    def delete(self):
        raise TypeError("操作日志只能追加，不能删除。")


class AuditEntry(models.Model):
    seq = models.PositiveBigIntegerField("序号", unique=True)
    at = models.DateTimeField("时间", db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人账号",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_entries",
    )
    actor_username = models.CharField("登录名", max_length=150, blank=True)
    actor_name = models.CharField("操作人", max_length=150, blank=True)
    # The actor's unit then, as its materialized path, so that "a unit and its sub-units"
    # stays one prefix match after the unit is renamed, moved or gone.
    actor_unit_path = models.CharField(max_length=255, blank=True, db_index=True)
    actor_unit_name = models.CharField("所在单位", max_length=100, blank=True)
    address = models.CharField("地址", max_length=100, blank=True)
    channel = models.CharField("途径", max_length=10, choices=Channel.choices)
    kind = models.CharField("操作", max_length=20, choices=Kind.choices)
    object_type = models.CharField("对象类型", max_length=100, blank=True)
    object_id = models.CharField("对象编号", max_length=64, blank=True)
    object_text = models.CharField("对象", max_length=300, blank=True)
    # The round the object belongs to (zhenggai.audit.rounds), for its verifiers; a number,
    # not a reference, so that nothing about a round reaches into the trail.
    round_id = models.PositiveBigIntegerField("轮次", null=True, blank=True, db_index=True)
    before = models.JSONField("修改前", default=dict, blank=True)
    after = models.JSONField("修改后", default=dict, blank=True)
    algorithm = models.CharField("摘要算法", max_length=10)
    prev_digest = models.CharField("前一条摘要", max_length=64)
    digest = models.CharField("摘要", max_length=64, unique=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "操作日志"
        ordering = ["-seq"]
        indexes = [models.Index(fields=["kind", "at"]), models.Index(fields=["actor", "at"])]

    def __str__(self) -> str:
        who = self.actor_name or self.actor_username or self.get_channel_display()
        at = timezone.localtime(self.at)
        return f"#{self.seq} {at:%Y-%m-%d %H:%M} {who} {self.get_kind_display()}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError("操作日志只能追加，不能修改。")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("操作日志只能追加，不能删除。")

    def payload(self) -> dict:
        """Everything the digest covers besides the digest before it. The round is covered
        where there is one: entries made before it was recorded keep their digests."""
        payload = {
            "seq": self.seq,
            "at": self.at.isoformat(timespec="microseconds"),
            "actor": self.actor_id,
            "actor_username": self.actor_username,
            "actor_name": self.actor_name,
            "actor_unit_path": self.actor_unit_path,
            "actor_unit_name": self.actor_unit_name,
            "address": self.address,
            "channel": self.channel,
            "kind": self.kind,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "object_text": self.object_text,
            "before": self.before,
            "after": self.after,
            "algorithm": self.algorithm,
        }
        if self.round_id is not None:
            payload["round"] = self.round_id
        return payload

    def link(self) -> chain.Link:
        return chain.Link(self.seq, self.algorithm, self.prev_digest, self.digest, self.payload())


class ChainHead(models.Model):
    """One row: the number and digest of the last entry. Appending locks it, so entries get
    their numbers one at a time; and a removed last entry still shows, as a head beyond the
    chain."""

    seq = models.PositiveBigIntegerField(default=0)
    digest = models.CharField(max_length=64, default=chain.GENESIS)

    class Meta:
        verbose_name = verbose_name_plural = "日志链头"

    def __str__(self) -> str:
        return f"第 {self.seq} 条 {self.digest}"
