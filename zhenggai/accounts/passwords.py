"""The password rules, as Django password validators (AUTH_PASSWORD_VALIDATORS), so that the
change page, the admin and `zhenggai createadmin` all apply them: long enough, three kinds of
character, not the login name, not one of the last few passwords. Messages are Chinese."""

from django.contrib.auth.hashers import check_password
from django.contrib.auth.password_validation import CommonPasswordValidator
from django.core.exceptions import ValidationError

from zhenggai.accounts.models import PasswordRecord

KINDS = ("大写字母", "小写字母", "数字", "符号")


def kind_of(char: str) -> str:
    if char.isascii() and char.isupper():
        return KINDS[0]
    if char.isascii() and char.islower():
        return KINDS[1]
    if char.isdigit():
        return KINDS[2]
    return KINDS[3]


class MinimumLength:
    def __init__(self, min_length: int = 10):
        self.min_length = min_length

    def validate(self, password, user=None):
        if len(password) < self.min_length:
            raise ValidationError(f"密码至少 {self.min_length} 位。", code="password_too_short")

    def get_help_text(self):
        return f"至少 {self.min_length} 位"


class CharacterKinds:
    def __init__(self, min_kinds: int = 3):
        self.min_kinds = min_kinds

    def validate(self, password, user=None):
        if len({kind_of(char) for char in password}) < self.min_kinds:
            raise ValidationError(
                f"密码须包含{'、'.join(KINDS)}中的至少 {self.min_kinds} 类。",
                code="password_too_simple",
            )

    def get_help_text(self):
        return f"包含{'、'.join(KINDS)}中的至少 {self.min_kinds} 类"


class NotTheLoginName:
    def validate(self, password, user=None):
        username = (getattr(user, "username", "") or "").lower()
        typed = password.lower()
        if username and (typed == username or (len(username) >= 3 and username in typed)):
            raise ValidationError("密码不能包含用户名。", code="password_has_username")

    def get_help_text(self):
        return "不含用户名"


class NotCommon(CommonPasswordValidator):
    """Django's list of 20,000 common passwords, with the message in Chinese."""

    def validate(self, password, user=None):
        try:
            super().validate(password, user)
        except ValidationError as exc:
            raise ValidationError("这个密码太常见，容易被猜中。", code=exc.code) from exc

    def get_help_text(self):
        return "不是常见密码"


class NotRecentlyUsed:
    """None of the login's last `count` passwords: the current one and those recorded before
    (PasswordRecord, written here whenever a password is saved)."""

    def __init__(self, count: int = 5):
        self.count = count

    def recent(self, user) -> list[str]:
        if user is None or user.pk is None:
            return []
        records = PasswordRecord.objects.filter(user=user).values_list("password", flat=True)
        hashes = list(records[: self.count])
        if user.password and user.password not in hashes:
            hashes = [user.password, *hashes[: self.count - 1]]
        return hashes

    def validate(self, password, user=None):
        if any(check_password(password, encoded) for encoded in self.recent(user)):
            raise ValidationError(
                f"不能与最近 {self.count} 次用过的密码相同。", code="password_recently_used"
            )

    def password_changed(self, password, user=None):
        if user is None or user.pk is None:
            return
        PasswordRecord.objects.create(user=user, password=user.password)
        kept = PasswordRecord.objects.filter(user=user).values_list("pk", flat=True)[: self.count]
        PasswordRecord.objects.filter(user=user).exclude(pk__in=list(kept)).delete()

    def get_help_text(self):
        return f"不能与最近 {self.count} 次用过的密码相同"
