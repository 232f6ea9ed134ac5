from django.conf import settings
from django.db import models
from django.utils import timezone


class PasswordRecord(models.Model):
    """A password a login has had, as its hash, so that none of the last few is chosen again
    (zhenggai.accounts.passwords.NotRecentlyUsed keeps the last few and drops the rest)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="用户",
        on_delete=models.CASCADE,
        related_name="password_records",
    )
    password = models.CharField("密码摘要", max_length=128)
    set_at = models.DateTimeField("设置时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "历史密码"
        ordering = ["-set_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.user} {timezone.localtime(self.set_at):%Y-%m-%d %H:%M}"


class PasswordChangeDue(models.Model):
    """The login must choose its own password before anything else: an administrator created
    it or reset its password (zhenggai.accounts.admin). Removed when the person changes it."""

    class Reason(models.TextChoices):
        NEW = "new", "管理员新建账号"
        RESET = "reset", "管理员重置密码"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="用户",
        on_delete=models.CASCADE,
        related_name="password_change_due",
    )
    reason = models.CharField("原因", max_length=10, choices=Reason.choices)
    since = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "待修改密码"

    def __str__(self) -> str:
        return f"{self.user}：{self.get_reason_display()}"
