"""django-axes's and django-otp's admin pages with their own words in Chinese; the names of
their models and fields come from zhenggai.accounts.names. Registered in place of theirs by
zhenggai.accounts.admin."""

from axes import admin as axes_admin
from django.conf import settings
from django.contrib import admin
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin

TITLES = {
    "Form Data": "提交的内容",
    "Meta Data": "浏览器信息",
    "Identity": "账号",
    "Timestamps": "时间",
    "Configuration": "设置",
    "State": "状态",
    "Throttling": "错误次数限制",
}
# A read-only field shows its model's help text, which django-otp writes in English: the
# admin shows these two through the methods below instead.
READ_ONLY = {"created_at": "added", "last_used_at": "last_used"}
AUTHENTICATOR_HELP = {
    "user": "该身份验证器所属的账号。",
    "name": "便于辨认的名称。",
    "confirmed": "账号扫码并输入过一次验证码后启用。",
    "key": "十六进制密钥，最长 40 字节。",
    "step": "每个验证码有效的秒数。",
    "t0": "开始计算时间步的 Unix 时间。",
    "digits": "验证码的位数。",
    "tolerance": "允许验证器时钟前后相差的时间步数。",
    "drift": "验证器时钟与服务器相差的时间步数。",
    "throttling_failure_timestamp": "最近一次验证码错误的时间；错误后须等待一段时间再试。",
    "throttling_failure_count": "连续输错验证码的次数。",
}


def retitled(fieldsets) -> list:
    return [
        (
            TITLES.get(str(title), title) if title else title,
            {**options, "fields": [READ_ONLY.get(f, f) for f in options["fields"]]},
        )
        for title, options in fieldsets
    ]


class LockedOut(axes_admin.IsLockedOutFilter):
    title = "锁定状态"

    def lookups(self, request, model_admin):
        return (("yes", "已锁定"), ("no", "未锁定"))


class AccessAttemptAdmin(axes_admin.AccessAttemptAdmin):
    list_filter = [
        LockedOut if f is axes_admin.IsLockedOutFilter else f
        for f in axes_admin.AccessAttemptAdmin.list_filter
    ]
    fieldsets = retitled(axes_admin.AccessAttemptAdmin.fieldsets)

    @admin.action(description="清除已到期的失败计数")
    def cleanup_expired_attempts(self, request, queryset):
        count = self.handler.clean_expired_user_attempts(request=request)
        self.message_user(request, f"已清除 {count} 条到期的失败计数。")

    @admin.display(description="到期时间")
    def expiration(self, obj):
        return obj.expiration.expires_at if hasattr(obj, "expiration") else "未设定"

    @admin.display(description="状态")
    def status(self, obj):
        left = settings.AXES_FAILURE_LIMIT - obj.failures_since_start
        return f"还可尝试 {left} 次" if left > 0 else "已锁定"


class AccessLogAdmin(axes_admin.AccessLogAdmin):
    fieldsets = retitled(axes_admin.AccessLogAdmin.fieldsets)


class AccessFailureLogAdmin(axes_admin.AccessFailureLogAdmin):
    fieldsets = retitled(axes_admin.AccessFailureLogAdmin.fieldsets)


class AuthenticatorAdmin(TOTPDeviceAdmin):
    search_help_text = "按账号的登录名或电子邮箱查找"
    readonly_fields = ["added", "last_used"]

    def get_fieldsets(self, request, obj=None):
        return retitled(super().get_fieldsets(request, obj))

    def get_form(self, request, obj=None, **kwargs):
        return super().get_form(request, obj, help_texts=AUTHENTICATOR_HELP, **kwargs)

    @admin.display(description="添加时间")
    def added(self, device):
        return device.created_at

    @admin.display(description="最近使用时间")
    def last_used(self, device):
        return device.last_used_at
