"""What is recorded, wherever it is made: every save and delete of zhenggai's models, of
logins and groups and of administrators' authenticator apps (model signals, so pages, API,
commands, the admin and the shell alike), membership changes, logins, failed logins and
logouts (django.contrib.auth's signals), and the downloads and exports the services report.

Bulk writes (QuerySet.update, bulk_create, bulk_update) send no signals: the QuerySets of
audited models record them themselves (zhenggai.audit.bulk), through made() and updated()
below. A fixture loaded with `loaddata` is recorded as it is saved."""

import contextlib
import datetime
import decimal
import json
import uuid

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models import signals
from django.db.models.fields.files import FieldFile

from zhenggai.audit import chain, trail
from zhenggai.audit.models import Kind
from zhenggai.audit.rounds import round_of

# Besides zhenggai's own: logins and groups, and the administrators' authenticator apps.
AUDITED_APPS = {"auth", "otp_totp"}
# Machinery, not records: the trail itself, a person's own inbox (read or not), tick runs,
# the responsibilities the database derives from measures, problems and cooperations, and
# Django's permissions, rows made from the code by every migrate (who holds which is recorded
# on the login and the group).
NOT_AUDITED = {
    "auth.permission",
    "audit.auditentry",
    "audit.chainhead",
    "ledger.responsibility",
    "supervision.notification",
    "supervision.tickrun",
}
# Moved by every save, every login or every code given; a save that changes nothing else
# records nothing.
IGNORED_FIELDS = {
    "updated_at",
    "last_login",
    "last_used_at",
    "last_t",
    "drift",
    "throttling_failure_count",
    "throttling_failure_timestamp",
}
# Shown as changed, never as their values.
SECRET_FIELDS = {
    "auth.user.password",
    "accounts.passwordrecord.password",
    "api.apitoken.digest",
    "otp_totp.totpdevice.key",
}
SECRET = "〔已隐去〕"
# A longer value (an import's parsed draft, say) is kept as its length and digest.
LONGEST_VALUE = 5000


def audited_models() -> list:
    return [
        model
        for model in apps.get_models()
        if (model.__module__.startswith("zhenggai.") or model._meta.app_label in AUDITED_APPS)
        and model._meta.label_lower not in NOT_AUDITED
    ]


def _receivers():
    """(signal, receiver, sender, uid) for each connection the trail makes."""
    for model in audited_models():
        uid = f"audit:{model._meta.label_lower}"
        yield signals.pre_save, _remember, model, uid
        yield signals.post_save, _saved, model, uid
        yield signals.post_delete, _deleted, model, uid
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            if through._meta.auto_created:
                yield signals.m2m_changed, _members, through, uid
    yield user_logged_in, _logged_in, None, "audit:login"
    yield user_logged_out, _logged_out, None, "audit:logout"
    yield user_login_failed, _login_failed, None, "audit:login_failed"


_state = {"connected": False}


def connect() -> None:
    for signal, receiver, sender, uid in _receivers():
        signal.connect(receiver, sender=sender, weak=False, dispatch_uid=uid)
    _state["connected"] = True


def disconnect() -> None:
    """The trail off (bench/bench_audit.py times the same edits with and without it)."""
    for signal, receiver, sender, uid in _receivers():
        signal.disconnect(receiver, sender=sender, dispatch_uid=uid)
    _state["connected"] = False


def is_connected() -> bool:
    """Whether bulk writes record too (zhenggai.audit.bulk)."""
    return _state["connected"]


@contextlib.contextmanager
def summarized(kind: str, object_type: str, object_text: str):
    """One entry for a whole batch of generated rows instead of one per row: `zhenggai gen`
    makes and removes hundreds of thousands of benchmark rows, and an entry each would triple
    its time and bury the trail. The caller fills the yielded dict with what was done; the
    entry is written when the block ends without error."""
    disconnect()
    summary: dict = {}
    try:
        yield summary
    finally:
        connect()
    trail.append(kind, object_type=object_type, object_text=object_text, after=summary)


# Model changes


def _fields(model) -> list:
    return [f for f in model._meta.concrete_fields if f.attname not in IGNORED_FIELDS]


def jsonable(value):
    """A field's value as JSON that reads back equal (the digest covers it as stored)."""
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(datetime.UTC)
        return value.isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        value = bytes(value).hex()
    if isinstance(value, str) and len(value) > LONGEST_VALUE:
        return _long(value)
    if isinstance(value, dict | list):
        text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
        return _long(text) if len(text) > LONGEST_VALUE else json.loads(text)
    return value


def _long(text: str) -> str:
    return f"〔{len(text)} 字，SHA-256 {chain.digest(chain.SHA256, text.encode())}〕"


def _values(row: dict) -> dict:
    return {name: jsonable(value) for name, value in row.items()}


def _hidden(model, values: dict) -> dict:
    """Secrets are compared as they are and recorded only as changed."""
    label = model._meta.label_lower
    return {
        name: SECRET if f"{label}.{name}" in SECRET_FIELDS else value
        for name, value in values.items()
    }


def _snapshot(instance) -> dict:
    fields = _fields(type(instance))
    return _values({f.attname: getattr(instance, f.attname) for f in fields})


def _remember(sender, instance, raw=False, update_fields=None, **kwargs):
    """Before an update, what the database holds (one query by primary key). A fixture's row
    (`loaddata`, raw) may replace a stored one under the same key."""
    instance._audit_before = None
    if instance.pk is None or (instance._state.adding and not raw):
        return
    names = [
        f.attname
        for f in _fields(sender)
        if update_fields is None or f.name in update_fields or f.attname in update_fields
    ]
    if not names:  # only fields the trail ignores (a login's last_login)
        instance._audit_before = {}
        return
    stored = sender._base_manager.filter(pk=instance.pk).values(*names).first()
    instance._audit_before = None if stored is None else _values(stored)


def _saved(sender, instance, created, raw=False, **kwargs):
    before = getattr(instance, "_audit_before", None)
    if before is None:
        trail.append_many([made(instance)])
        return
    change = _updated(instance, before, _snapshot(instance))
    if change:
        trail.append_many([change])


def _deleted(sender, instance, **kwargs):
    _append(Kind.DELETED, instance, _hidden(sender, _snapshot(instance)), {})


def made(instance) -> trail.Change:
    return _change(Kind.CREATED, instance, {}, _hidden(type(instance), _snapshot(instance)))


def updated(instance, stored: dict, names: list[str]) -> trail.Change | None:
    """After a bulk write of `names`: the change from the row as `stored` before it."""
    after = _values({name: getattr(instance, name) for name in names})
    return _updated(instance, _values(stored), after)


def _updated(instance, before: dict, after: dict) -> trail.Change | None:
    changed = [name for name in before if before[name] != after.get(name)]
    if not changed:
        return None
    model = type(instance)
    old = _hidden(model, {n: before[n] for n in changed})
    return _change(Kind.UPDATED, instance, old, _hidden(model, {n: after[n] for n in changed}))


def _members(sender, instance, action, pk_set, model, **kwargs):
    """Memberships (a login's groups, a verification group's members), from either side."""
    name = sender._meta.model_name
    if action == "pre_clear":
        instance._audit_cleared = _linked(sender, instance, model)
    elif action == "post_add" and pk_set:
        _append(Kind.UPDATED, instance, {}, {name: {"新增": sorted(pk_set)}})
    elif action == "post_remove" and pk_set:
        _append(Kind.UPDATED, instance, {name: {"移除": sorted(pk_set)}}, {})
    elif action == "post_clear" and getattr(instance, "_audit_cleared", None):
        _append(Kind.UPDATED, instance, {name: {"移除": instance._audit_cleared}}, {})


def _linked(through, instance, model) -> list:
    relations = [f for f in through._meta.fields if f.is_relation]
    source = next(f for f in relations if f.related_model is type(instance))
    target = next(f for f in relations if f.related_model is model and f is not source)
    rows = through.objects.filter(**{source.attname: instance.pk})
    return sorted(rows.values_list(target.attname, flat=True))


def _append(kind, instance, before, after):
    trail.append_many([_change(kind, instance, before, after)])


def _change(kind, instance, before, after) -> trail.Change:
    label, text = instance._meta.label_lower, _text(instance)
    return trail.Change(kind, label, instance.pk, text, before, after, round_of(instance))


def _text(instance) -> str:
    try:
        return str(instance)
    except Exception:  # a half-made object whose __str__ follows a missing relation
        return f"{instance._meta.verbose_name} {instance.pk}"


# Logins


def _logged_in(sender, request, user, **kwargs):
    trail.append(Kind.LOGIN, **_account(user), user=user)


def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        trail.append(Kind.LOGOUT, **_account(user), user=user)


def _login_failed(sender, credentials, request=None, **kwargs):
    login_failed(str(credentials.get("username", "")))


def login_failed(username: str, reason: str = "") -> None:
    """Attributed to nobody: whoever typed the name need not be its owner."""
    username = username[:150]
    account = get_user_model().objects.filter(username=username).first()
    trail.append(
        Kind.LOGIN_FAILED,
        object_type="auth.user",
        object_id=account.pk if account else "",
        object_text=username,
        after={"原因": reason} if reason else None,
        user=get_user_model()(username=username),
    )


def _account(user) -> dict:
    return {"object_type": "auth.user", "object_id": user.pk, "object_text": user.username}


# Downloads and exports, reported by the code that serves them


def download(user, instance, filename: str) -> None:
    _for(user, Kind.DOWNLOAD, instance, {"文件": filename})


def export(user, instance, filename: str, **details) -> None:
    _for(user, Kind.EXPORT, instance, {"文件": filename, **details})


def _for(user, kind, instance, after: dict) -> None:
    values = {key: jsonable(value) for key, value in after.items()}
    user = user if getattr(user, "is_authenticated", False) else None
    trail.append_many([_change(kind, instance, {}, values)], user=user)
