"""API tokens. Only a sha256 digest is stored: whoever reads the database cannot use a token.
The short prefix lets a person tell their tokens apart in the admin."""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

TOKEN_PREFIX = "zg_"
VISIBLE_CHARS = 8
# Writing last_used_at on every request would make each read a write; a minute is precise enough.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=1)


def digest_of(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def issue(self, user, name: str, expires_at=None) -> tuple["ApiToken", str]:
        """A new token for the user; the raw value is returned here and never again."""
        token = self.model(user=user, name=name, expires_at=expires_at)
        raw = token.set_new_secret()
        token.save()
        return token, raw

    def user_for(self, raw: str):
        """The active user a usable token belongs to, or None."""
        now = timezone.now()
        token = (
            self.select_related("user")
            .filter(digest=digest_of(raw), revoked_at__isnull=True, user__is_active=True)
            .exclude(expires_at__lte=now)
            .first()
        )
        if token is None:
            return None
        if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
            self.filter(pk=token.pk).update(last_used_at=now)
        return token.user


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="用户",
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField("名称", max_length=100, help_text="用途，例如“数据大屏”。")
    prefix = models.CharField("令牌开头", max_length=20, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    last_used_at = models.DateTimeField("最近使用", null=True, blank=True, editable=False)
    expires_at = models.DateTimeField(
        "过期时间", null=True, blank=True, help_text="留空则长期有效。"
    )
    revoked_at = models.DateTimeField("吊销时间", null=True, blank=True, editable=False)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "接口令牌"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name}（{self.prefix}…）"

    def set_new_secret(self) -> str:
        """Give an unsaved token its secret; the caller shows the returned value once."""
        raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
        self.prefix = raw[: len(TOKEN_PREFIX) + VISIBLE_CHARS]
        self.digest = digest_of(raw)
        return raw

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])
