"""Who is acting and from where, for the entries a change records wherever it is made: the
request (middleware below), the command line (zhenggai.cli and the commands' --user), or
nobody (the scheduler, a test): then the entry says "系统"."""

import contextvars
import getpass
from dataclasses import dataclass

from django.conf import settings
from django.db import models


class Channel(models.TextChoices):
    """Kept here, not in models.py, so that the `zhenggai` command can set the source before
    Django has loaded its apps."""

    WEB = "web", "网页"
    API = "api", "接口"
    CLI = "cli", "命令行"
    SYSTEM = "system", "系统"


@dataclass
class Source:
    channel: str
    address: str = ""
    request: object | None = None  # its user is read when the first entry needs it
    user: object | None = None
    os_user: str = ""
    resolved: tuple | None = None  # (user or None, username, name, unit path, unit name)


SYSTEM = Source(Channel.SYSTEM)
_current: contextvars.ContextVar[Source] = contextvars.ContextVar("audit_source", default=SYSTEM)


def current() -> Source:
    return _current.get()


def set_source(source: Source) -> contextvars.Token:
    return _current.set(source)


def reset_source(token: contextvars.Token) -> None:
    _current.reset(token)


def from_command_line() -> None:
    """The `zhenggai` command: the operating-system user acts until a command names --user."""
    _current.set(Source(Channel.CLI, os_user=getpass.getuser()))


def act_as(user) -> None:
    """A command acting as a login (--user): what it changes is recorded as that login's."""
    source = current()
    if source.channel != Channel.CLI:
        source = Source(Channel.CLI, os_user=getpass.getuser())
    _current.set(Source(Channel.CLI, user=user, os_user=source.os_user))


def client_address(request) -> str:
    header = settings.ZHENGGAI_CLIENT_ADDRESS_HEADER
    if header:
        # The last address is the one the nearest proxy (ours) added; earlier ones are the
        # client's word.
        forwarded = request.headers.get(header, "").split(",")[-1].strip()
        if forwarded:
            return forwarded[:100]
    return request.META.get("REMOTE_ADDR", "")


class AuditSourceMiddleware:
    """Every change made while answering a request is recorded with its user and address."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        channel = Channel.API if request.path.startswith("/api/") else Channel.WEB
        token = set_source(Source(channel, client_address(request), request=request))
        try:
            return self.get_response(request)
        finally:
            reset_source(token)
