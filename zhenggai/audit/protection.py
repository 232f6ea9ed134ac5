"""Nothing that the record points at is deleted from under it: a round with events on its
timeline and a login that has acted are PROTECT targets (Event.round, Event.actor,
AuditEntry.actor). The admin, which shows logins but no rounds, says so in one sentence, with
what to do instead, where Django would list every protected row."""

from django.db.models import Q

from zhenggai.audit.models import AuditEntry


class KeptForTheRecord:
    """A ModelAdmin mix-in: `kept_because(objs)` returns the refusal, or "" to let the
    deletion go on."""

    def kept_because(self, objs) -> str:
        raise NotImplementedError

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        reason = self.kept_because(objs)
        if reason:  # the one thing to say, instead of a list of rows or of permissions
            return deleted, counts, set(), [reason]
        return deleted, counts, perms_needed, protected


def login_kept_because(users) -> str:
    from zhenggai.ledger.models import Event

    count = AuditEntry.objects.filter(actor__in=users).count()
    count += Event.objects.filter(Q(actor__in=users)).count()
    if not count:
        return ""
    return f"账号已有 {count} 条操作记录，不能删除；请取消“有效”勾选以停用该账号。"
