"""What `zhenggai check --deploy` says of the login settings."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def directory_passwords_in_clear(app_configs, **kwargs):
    """Directory logins send the password typed to the directory: over ldap:// without
    StartTLS, anyone on the way reads it."""
    plain = [url for url in settings.ZHENGGAI_LDAP_URL if url.startswith("ldap://")]
    if not plain or settings.ZHENGGAI_LDAP_START_TLS:
        return []
    return [
        checks.Warning(
            f"目录账号登录的密码将以明文经过网络：{', '.join(plain)}",
            hint="改用 ldaps://，或设置 ZHENGGAI_LDAP_START_TLS=True（docs/configuration.md）。",
            id="zhenggai.W001",
        )
    ]
