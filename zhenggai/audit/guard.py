"""The database itself refuses to change or delete an audit entry, whatever the client: an
UPDATE or DELETE on the entries' table (and, on PostgreSQL, a TRUNCATE) is aborted by a
trigger. Someone who may alter the schema can drop the trigger; the hash chain is what then
shows the change (`zhenggai audit verify`). The triggers are made by a migration and are part
of the schema a backup copies and a restore brings back."""

TABLE = "audit_auditentry"
REFUSAL = "操作日志只能追加，不能修改或删除。"

_SQLITE_INSTALL = [
    f"CREATE TRIGGER IF NOT EXISTS audit_entry_no_{verb.lower()} BEFORE {verb} ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END"
    for verb in ("UPDATE", "DELETE")
]
_SQLITE_REMOVE = [f"DROP TRIGGER IF EXISTS audit_entry_no_{v}" for v in ("update", "delete")]

_PG_INSTALL = [
    "CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    f"$$ BEGIN RAISE EXCEPTION '{REFUSAL}' USING ERRCODE = 'integrity_constraint_violation'; "
    "END $$",
    f"CREATE OR REPLACE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON {TABLE} "
    "FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()",
    f"CREATE OR REPLACE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON {TABLE} "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only()",
]
_PG_REMOVE = [
    f"DROP TRIGGER IF EXISTS audit_entry_append_only ON {TABLE}",
    f"DROP TRIGGER IF EXISTS audit_entry_no_truncate ON {TABLE}",
]


def install(vendor: str) -> list[str]:
    return {"sqlite": _SQLITE_INSTALL, "postgresql": _PG_INSTALL}.get(vendor, [])


def remove(vendor: str) -> list[str]:
    return {"sqlite": _SQLITE_REMOVE, "postgresql": _PG_REMOVE}.get(vendor, [])


def lifted(vendor: str, statements: list[str]) -> list[str]:
    """`statements` run with the guard down and put back after them (the test suite empties
    its database between tests this way; nothing in zhenggai does)."""
    return [*remove(vendor), *statements, *install(vendor)]
