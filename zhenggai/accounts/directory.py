"""Login with a directory account (LDAP or Active Directory), off while ZHENGGAI_LDAP_URL is
empty (docs/configuration.md, 目录账号登录).

A login name with a local password is checked against it alone (the administrator's account
keeps working when the directory is down, and no directory account can take over a local one).
Any other name is checked in the directory: by binding as the person directly through
ZHENGGAI_LDAP_BIND_TEMPLATE (AD's `{username}@lj.gov.cn` or `LJ\\{username}`), or by finding the
person's entry (with the service account ZHENGGAI_LDAP_BIND_DN, or anonymously) and binding as
it. The first directory login of a name makes a local login for it with no password and no
role: the administrator gives it roles, and until then it sees nothing.

Library: ldap3, pure Python (docs/configuration.md says why not django-auth-ldap)."""

import logging
import ssl
from dataclasses import dataclass

import ldap3
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, get_user_model
from django.contrib.auth.backends import BaseBackend, ModelBackend
from django.contrib.auth.hashers import make_password
from ldap3.core.exceptions import LDAPException
from ldap3.utils.conv import escape_filter_chars

BACKEND = "zhenggai.accounts.directory.DirectoryBackend"
# A name that could change the meaning of a DN or of the bind template is never a directory one.
NOT_IN_NAMES = set(',+"\\<>;=#*()\x00')

log = logging.getLogger(__name__)


class DirectoryUnavailable(Exception):
    """No directory server answered, or the service account was refused: nothing was learnt
    about the password, so it is not a failed login."""

    def __init__(self, username: str):
        super().__init__(username)
        self.username = username


@dataclass(frozen=True)
class Entry:
    username: str
    name: str
    email: str


def enabled() -> bool:
    return bool(settings.ZHENGGAI_LDAP_URL)


def logged_in_by(request) -> bool:
    """This session's login was checked by the directory (its password is the directory's)."""
    return request.session.get(BACKEND_SESSION_KEY) == BACKEND


class DirectoryBackend(BaseBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if not (enabled() and username and password) or NOT_IN_NAMES & set(username):
            return None
        if _local_password(username):
            return None
        entry = find(username, password)
        return local_login(entry) if entry else None

    def get_user(self, user_id):
        return ModelBackend().get_user(user_id)


def _local_password(username: str) -> bool:
    user = get_user_model().objects.filter(username=username).first()
    return user is not None and user.has_usable_password()


def local_login(entry: Entry):
    """The local login of a directory account, made at its first login (no password, no
    role), its name and email kept as the directory has them. None for a name that is a
    local account with its own password, or one the administrator has made inactive."""
    user, created = get_user_model().objects.get_or_create(
        username=entry.username,
        defaults={"first_name": entry.name, "email": entry.email, "password": make_password(None)},
    )
    if not created:
        if user.has_usable_password() or not user.is_active:
            return None
        if (user.first_name, user.email) != (entry.name, entry.email):
            user.first_name, user.email = entry.name, entry.email
            user.save(update_fields=["first_name", "email"])
    return user


def find(username: str, password: str) -> Entry | None:
    """The person's entry if the password is theirs, else None. Each server of
    ZHENGGAI_LDAP_URL is tried in turn; DirectoryUnavailable when none answers."""
    for url in settings.ZHENGGAI_LDAP_URL:
        try:
            return _find_on(url, username, password)
        except LDAPException as exc:
            log.warning("目录服务 %s 无法使用：%s", url, exc)
    raise DirectoryUnavailable(username)


def _find_on(url: str, username: str, password: str) -> Entry | None:
    timeout = settings.ZHENGGAI_LDAP_TIMEOUT
    server = ldap3.Server(url, connect_timeout=timeout, get_info=ldap3.NONE, tls=_tls())
    connection = ldap3.Connection(server, receive_timeout=timeout, auto_referrals=False)
    try:
        connection.open()
        if settings.ZHENGGAI_LDAP_START_TLS:
            connection.start_tls()
        template = settings.ZHENGGAI_LDAP_BIND_TEMPLATE
        if template:
            if not _bind(connection, template.format(username=username), password):
                return None
            found = _search(connection, username)
            return found[1] if found else None
        if settings.ZHENGGAI_LDAP_BIND_DN and not _bind(
            connection, settings.ZHENGGAI_LDAP_BIND_DN, settings.ZHENGGAI_LDAP_BIND_PASSWORD
        ):
            log.error("目录服务 %s 拒绝了服务账号 ZHENGGAI_LDAP_BIND_DN", url)
            raise DirectoryUnavailable(username)
        found = _search(connection, username)
        return found[1] if found and _bind(connection, found[0], password) else None
    finally:
        connection.unbind()


def _bind(connection, user: str, password: str) -> bool:
    connection.user, connection.password = user, password
    connection.authentication = ldap3.SIMPLE
    return connection.bind()


def _search(connection, username: str) -> tuple[str, Entry] | None:
    """The DN and the entry of this name (ZHENGGAI_LDAP_USER_ATTRIBUTE) that
    ZHENGGAI_LDAP_USER_FILTER admits; None for none, or for several (which would be a guess)."""
    attribute = settings.ZHENGGAI_LDAP_USER_ATTRIBUTE
    wanted = f"({attribute}={escape_filter_chars(username)})"
    extra = settings.ZHENGGAI_LDAP_USER_FILTER
    connection.search(
        settings.ZHENGGAI_LDAP_SEARCH_BASE,
        f"(&{wanted}{extra})" if extra else wanted,
        attributes=[attribute, "displayName", "cn", "mail"],
        size_limit=2,
    )
    found = [item for item in connection.response or [] if item.get("type") == "searchResEntry"]
    if len(found) != 1:
        return None
    values = found[0]["attributes"]
    return found[0]["dn"], Entry(
        username=_first(values.get(attribute)) or username,
        name=(_first(values.get("displayName")) or _first(values.get("cn")))[:150],
        email=_first(values.get("mail"))[:254],
    )


def _first(value) -> str:
    if isinstance(value, list | tuple):
        value = value[0] if value else ""
    return str(value or "")


def _tls() -> ldap3.Tls:
    """Certificates are always checked, against ZHENGGAI_LDAP_CA_FILE or the system's CAs."""
    ca_file = settings.ZHENGGAI_LDAP_CA_FILE or None
    return ldap3.Tls(validate=ssl.CERT_REQUIRED, ca_certs_file=ca_file)
