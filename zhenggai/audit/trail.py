"""Appending to the audit trail: one entry per change, login, download or export.

The chain's head is locked for the append (SELECT … FOR UPDATE on PostgreSQL; SQLite lets one
writer in at a time anyway), so concurrent appends take numbers one after the other. The
entry is written inside the caller's transaction: a change rolled back leaves no entry."""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from zhenggai.audit import chain, context
from zhenggai.audit.models import AuditEntry, ChainHead


def append(
    kind: str,
    *,
    object_type: str = "",
    object_id: object = "",
    object_text: str = "",
    before: dict | None = None,
    after: dict | None = None,
    user=None,
) -> AuditEntry:
    """`user`: who acted, when the request or command does not tell (a failed login's name)."""
    what = Change(kind, object_type, object_id, object_text, before, after)
    return append_many([what], user=user)[0]


@dataclass(frozen=True)
class Change:
    """What one entry says happened, besides who, when and from where."""

    kind: str
    object_type: str = ""
    object_id: object = ""
    object_text: str = ""
    before: dict | None = None
    after: dict | None = None
    round: int | None = None


def append_many(changes: list[Change], *, user=None) -> list[AuditEntry]:
    """One entry per change, in order, under one lock of the head and one INSERT per
    thousand: a bulk write of many rows records each of them without a round trip each."""
    source = context.current()
    actor, username, name, unit_path, unit_name = _who(source, user)
    entries = []
    with transaction.atomic(savepoint=False):
        head = _locked_head()
        seq, prev, now = head.seq, head.digest, timezone.now()
        for change in changes:
            seq += 1
            entry = AuditEntry(
                seq=seq,
                at=now,
                actor=actor,
                actor_username=username[:150],
                actor_name=name[:150],
                actor_unit_path=unit_path,
                actor_unit_name=unit_name[:100],
                address=source.address or source.os_user,
                channel=source.channel,
                kind=change.kind,
                object_type=change.object_type,
                object_id=str(change.object_id)[:64],
                object_text=change.object_text[:300],
                round_id=change.round,
                before=change.before or {},
                after=change.after or {},
                algorithm=settings.ZHENGGAI_AUDIT_DIGEST,
                prev_digest=prev,
            )
            entry.digest = chain.link_digest(entry.algorithm, entry.prev_digest, entry.payload())
            prev = entry.digest
            entries.append(entry)
        if len(entries) == 1:
            entries[0].save(force_insert=True)
        else:
            AuditEntry.objects.bulk_create(entries, batch_size=1000)
        if entries:
            ChainHead.objects.filter(pk=head.pk).update(seq=seq, digest=prev)
    return entries


def _locked_head() -> ChainHead:
    head = ChainHead.objects.select_for_update().filter(pk=1).first()
    if head is None:  # a database made without migrations (the head row is made by one)
        head, _ = ChainHead.objects.get_or_create(pk=1)
    return head


def _who(source: context.Source, user) -> tuple:
    """The acting login and what it was called then; looked up once per request."""
    if user is not None:
        return _describe(user)
    if source.resolved is not None:
        return source.resolved
    who = _describe(_source_user(source))
    if who[0] is not None:  # before a login there is no one yet to remember
        source.resolved = who
    return who


def _source_user(source: context.Source):
    if source.user is not None:
        return source.user
    request = source.request
    if request is None:
        return None
    auth = getattr(request, "auth", None)  # the API's bearer token names the user here
    if getattr(auth, "is_authenticated", False):
        return auth
    user = getattr(request, "user", None)
    return user if getattr(user, "is_authenticated", False) else None


def _describe(user) -> tuple:
    if user is None or not getattr(user, "pk", None):
        return None, getattr(user, "username", "") or "", "", "", ""
    from zhenggai.ledger.models import Person

    person = Person.objects.filter(user_id=user.pk).select_related("unit").first()
    name = person.name if person else user.get_full_name() or user.username
    unit = person.unit if person else None
    return user, user.username, name, unit.path if unit else "", unit.name if unit else ""


def head_seq() -> int:
    return ChainHead.objects.values_list("seq", flat=True).filter(pk=1).first() or 0


def verify() -> tuple[int, chain.Break | None, ChainHead | None]:
    """Walk the whole chain: (entries read, first break or None, the head)."""
    entries = AuditEntry.objects.order_by("seq").iterator(chunk_size=2000)
    count, found = chain.check((entry.link() for entry in entries), head_seq)
    return count, found, ChainHead.objects.filter(pk=1).first()
