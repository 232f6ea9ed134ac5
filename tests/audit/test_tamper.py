"""Rows of the audit trail altered, deleted or inserted behind zhenggai's back, straight in
the database (SQLite or PostgreSQL, whichever the suite runs on). The database refuses an
UPDATE or DELETE of an entry by itself (zhenggai.audit.guard); someone who drops its trigger
first gets through, and then `zhenggai audit verify` names the first entry concerned and
fails."""

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from zhenggai.audit import guard, trail
from zhenggai.audit.models import AuditEntry, Kind

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries():
    return [
        trail.append(
            Kind.UPDATED,
            object_type="ledger.measure",
            object_id=n,
            object_text=f"措施{n}",
            before={"deadline": "2026-03-01"},
            after={"deadline": f"2026-04-0{n}"},
        )
        for n in range(1, 6)
    ]


def _sql(statement, *params):
    with connection.cursor() as cursor:
        cursor.execute(statement.replace("TABLE", AuditEntry._meta.db_table), params)


def _tamper(statement, *params):
    """As someone who may alter the schema: the guard dropped, then the row changed."""
    for drop in guard.remove(connection.vendor):
        _sql(drop)
    _sql(statement, *params)


def _verify():
    call_command("audit", "verify")


def test_an_untouched_trail_verifies(entries, capsys):
    call_command("audit", "verify")
    assert "审计日志完整：共 5 条，链头第 5 条" in capsys.readouterr().out


def test_an_entry_altered_in_the_database_is_named(entries):
    _tamper("UPDATE TABLE SET after = %s WHERE seq = 3", '{"deadline": "2027-01-01"}')
    with pytest.raises(CommandError, match="第 3 条：记录被改动"):
        _verify()


def test_an_actor_rewritten_in_the_database_is_named(entries):
    _tamper("UPDATE TABLE SET actor_name = %s WHERE seq = 2", "别人")
    with pytest.raises(CommandError, match="第 2 条：记录被改动"):
        _verify()


def test_an_entry_deleted_in_the_database_is_named(entries):
    _tamper("DELETE FROM TABLE WHERE seq = 2")
    with pytest.raises(CommandError, match="缺少第 2 条"):
        _verify()


def test_the_last_entry_deleted_in_the_database_is_named(entries):
    _tamper("DELETE FROM TABLE WHERE seq = 5")
    with pytest.raises(CommandError, match="链尾记录被删除：缺少第 5 条"):
        _verify()


def test_deleted_entries_renumbered_to_close_the_gap_are_named(entries):
    _tamper("DELETE FROM TABLE WHERE seq = 2")
    # Through numbers no entry holds: PostgreSQL checks seq's uniqueness row by row, in
    # whatever order it finds the rows, so a shift by one in place may collide.
    _tamper("UPDATE TABLE SET seq = seq + 1000 WHERE seq > 2")
    _tamper("UPDATE TABLE SET seq = seq - 1001 WHERE seq > 1000")
    with pytest.raises(CommandError, match="第 2 条：记录被改动"):
        _verify()


def test_an_entry_inserted_in_the_database_is_named(entries):
    last = entries[-1]
    columns = (
        "seq, at, actor_username, actor_name, actor_unit_path, actor_unit_name, address, "
        "channel, kind, object_type, object_id, object_text, before, after, algorithm, "
        "prev_digest, digest"
    )
    _sql(
        f"INSERT INTO TABLE ({columns}) VALUES "
        "(%s, %s, '', '补记', '', '', '', 'web', 'deleted', 'ledger.measure', '9', '措施9', "
        "'{}', '{}', 'sm3', %s, %s)",
        6,
        last.at,
        last.digest,
        "f" * 64,
    )
    with pytest.raises(CommandError, match="第 6 条：记录是插入的"):
        _verify()


def test_the_orm_refuses_to_change_or_delete_entries(entries):
    with pytest.raises(TypeError):
        AuditEntry.objects.filter(seq=1).delete()
    with pytest.raises(TypeError):
        AuditEntry.objects.filter(seq=1).update(object_text="改")
    with pytest.raises(TypeError):
        entries[0].save()
    assert AuditEntry.objects.count() == 5


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE TABLE SET object_text = 'improved' WHERE seq = 3",
        "DELETE FROM TABLE WHERE seq = 5",
        "DELETE FROM TABLE",
    ],
)
def test_the_database_refuses_to_change_or_delete_entries(entries, statement):
    with pytest.raises(DatabaseError, match=guard.REFUSAL), transaction.atomic():
        _sql(statement)
    assert AuditEntry.objects.get(seq=3).object_text == "措施3"
    assert AuditEntry.objects.count() == 5
    _verify()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="TRUNCATE is PostgreSQL's")
def test_postgresql_refuses_to_empty_the_entries_table(entries):
    _sql("SET CONSTRAINTS ALL IMMEDIATE")  # no foreign key checks pending from the inserts
    with pytest.raises(DatabaseError, match=guard.REFUSAL), transaction.atomic():
        _sql("TRUNCATE TABLE CASCADE")
    assert AuditEntry.objects.count() == 5
