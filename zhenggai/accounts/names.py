"""Chinese names for the models and fields of django-axes (lockout) and django-otp (the
administrators' authenticator apps), which ship none: axes marks its words for translation
but has no zh_Hans catalog, and django-otp's TOTP device marks none.

They are set on the models once the apps are ready, as labels only. A field's verbose_name
set at run time is not part of its migration (Django deconstructs the one the field was
declared with), nor is a model's, so the two packages' migrations stay as they are."""

from django.apps import apps

APPS = {"axes": "登录锁定", "otp_totp": "双因素认证"}

_ACCESS = {
    "username": "登录名",
    "ip_address": "IP 地址",
    "user_agent": "浏览器标识",
    "http_accept": "浏览器接受的内容类型",
    "path_info": "访问路径",
    "attempt_time": "时间",
}

MODELS = {
    "axes.accessattempt": (
        "登录失败计数",
        {
            **_ACCESS,
            "attempt_time": "最近失败时间",
            "get_data": "查询参数",
            "post_data": "提交的表单",
            "failures_since_start": "失败次数",
        },
    ),
    "axes.accessattemptexpiration": (
        "失败计数到期",
        {"access_attempt": "登录失败计数", "expires_at": "到期时间"},
    ),
    "axes.accessfailurelog": ("登录失败记录", {**_ACCESS, "locked_out": "因此锁定"}),
    "axes.accesslog": (
        "登录记录",
        {
            **_ACCESS,
            "attempt_time": "登录时间",
            "logout_time": "退出时间",
            "session_hash": "会话标识摘要（SHA-256）",
        },
    ),
    "otp_totp.totpdevice": (
        "身份验证器",
        {
            "user": "账号",
            "name": "名称",
            "confirmed": "已启用",
            "key": "密钥",
            "step": "时间步长（秒）",
            "t0": "起始时刻（Unix 时间）",
            "digits": "验证码位数",
            "tolerance": "容许的步数偏差",
            "drift": "时钟偏差（步）",
            "last_t": "最近使用的时间步",
            "throttling_failure_timestamp": "最近一次验证码错误的时间",
            "throttling_failure_count": "连续错误次数",
            "created_at": "添加时间",
            "last_used_at": "最近使用时间",
        },
    ),
}


def apply() -> None:
    for label, name in APPS.items():
        apps.get_app_config(label).verbose_name = name
    for label, (name, fields) in MODELS.items():
        meta = apps.get_model(label)._meta
        meta.verbose_name = meta.verbose_name_plural = name
        for field, verbose_name in fields.items():
            meta.get_field(field).verbose_name = verbose_name
