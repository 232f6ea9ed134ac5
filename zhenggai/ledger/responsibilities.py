"""Which units answer for each measure, kept by the database itself.

A unit answers for a measure when it leads it, leads its problem, or cooperates on it. The
scopes ask this of a tree at every page; as a UNION of those three it cost the database a
merge of every row the tree answers for (a city's 41,000 before duplicates), and the ORM a
query of three parts to build. The table ledger_responsibility holds one row per measure and
unit that answers for it, so the question is one index range.

Triggers on measures, problems and cooperations keep it, whatever writes them: pages, import,
admin, bulk_create, a shell. Each trigger only adds the units that now answer and removes the
one that no longer does, when nothing else makes it answer; none rebuilds a measure's rows,
so emptying the tables in any order (the test suite's flush) leaves nothing behind. The
triggers and the table are part of the schema a backup copies; a PostgreSQL dump loads the
rows before it makes the triggers.

On SQLite a migration that changes a column of those tables copies the table into a new one,
drops the old and renames the new: the old table's triggers go with it, and the others, which
name it, stop the rename. So on SQLite a `migrate` that applies anything takes the triggers down
first, and after it makes the rows again from the ledger and puts the triggers back
(before_migrate, after_migrate). PostgreSQL alters a table in place, triggers and all."""

from django.db import DEFAULT_DB_ALIAS, connections, transaction

TABLE = "ledger_responsibility"
COLUMNS = "measure_id, unit_id, round_id, problem_id"


def _answers(measure: str, unit: str) -> str:
    """The unit still answers for the measure, after the change that fired the trigger."""
    return (
        "EXISTS (SELECT 1 FROM ledger_measure m JOIN ledger_problem p ON p.id = m.problem_id "
        f"WHERE m.id = {measure} AND {unit} IN (m.lead_unit_id, p.lead_unit_id)) "
        "OR EXISTS (SELECT 1 FROM ledger_measurecooperation c "
        f"WHERE c.measure_id = {measure} AND c.unit_id = {unit})"
    )


def _forget(measures: str, unit: str) -> str:
    """Removes the unit from the measures (`measures`: a subquery of ids) it no longer answers
    for."""
    return (
        f"DELETE FROM {TABLE} WHERE measure_id IN ({measures}) AND unit_id = {unit} "
        f"AND NOT ({_answers(f'{TABLE}.measure_id', unit)})"
    )


def _rows(vendor: str, select: str) -> str:
    """Adds the rows `select` names, skipping those already there."""
    if vendor == "sqlite":
        return f"INSERT OR IGNORE INTO {TABLE} ({COLUMNS}) {select}"
    return f"INSERT INTO {TABLE} ({COLUMNS}) {select} ON CONFLICT DO NOTHING"


# Statements over NEW and OLD, the row after and before the change.
_MEASURE_MADE = [
    "SELECT NEW.id, NEW.lead_unit_id, NEW.round_id, NEW.problem_id",
    "SELECT NEW.id, p.lead_unit_id, NEW.round_id, NEW.problem_id FROM ledger_problem p "
    "WHERE p.id = NEW.problem_id AND p.lead_unit_id IS NOT NULL",
]
_OF_PROBLEM = "SELECT id FROM ledger_measure WHERE problem_id = NEW.id"
_PROBLEM_MOVED = (
    "SELECT m.id, NEW.lead_unit_id, m.round_id, m.problem_id FROM ledger_measure m "
    "WHERE m.problem_id = NEW.id AND NEW.lead_unit_id IS NOT NULL"
)


def _changed(column: str, vendor: str) -> str:
    """The trigger's condition: the update changed the column (a whole save() names every
    column, changed or not)."""
    if vendor == "sqlite":
        return f"WHEN OLD.{column} IS NOT NEW.{column}"
    return f"WHEN (OLD.{column} IS DISTINCT FROM NEW.{column})"


def _lock(vendor: str, row: str, measure: bool = False) -> list[str]:
    """On PostgreSQL, first wait for the transactions changing what the trigger reads, so
    that the second of two changes to one measure's reasons (a cooperation added while its
    problem's lead unit moves) sees the first: the measure's row (`measure`: taken by a
    cooperation; a change to the measure holds it already), then its problem's, as a change to
    the problem would (the service then updates the problem's status in the same transaction;
    a shared lock would have two such changes wait for each other). Always in that order, and a
    problem's move holds its own row alone, so none waits for another in a circle. SQLite
    writes one transaction at a time."""
    if vendor == "sqlite":
        return []
    problem = [f"PERFORM 1 FROM ledger_problem WHERE id = {row}.problem_id FOR NO KEY UPDATE"]
    if not measure:
        return problem
    return [f"PERFORM 1 FROM ledger_measure WHERE id = {row}.measure_id FOR UPDATE", *problem]


def _triggers(vendor: str) -> dict[str, tuple[str, str, str, list[str]]]:
    """Each trigger: its table, its event, its condition and its statements."""
    moved = _changed("lead_unit_id", vendor)
    cooperation = "SELECT NEW.measure_id, NEW.unit_id, NEW.round_id, NEW.problem_id"
    new_cooperation = _lock(vendor, "NEW", measure=True)
    old_cooperation = _lock(vendor, "OLD", measure=True)
    return {
        "measure_made": (
            "ledger_measure",
            "INSERT",
            "",
            [*_lock(vendor, "NEW"), *(_rows(vendor, select) for select in _MEASURE_MADE)],
        ),
        "measure_moved": (
            "ledger_measure",
            "UPDATE OF lead_unit_id",
            moved,
            [
                *_lock(vendor, "NEW"),
                _forget("OLD.id", "OLD.lead_unit_id"),
                _rows(vendor, _MEASURE_MADE[0]),
            ],
        ),
        "measure_gone": (
            "ledger_measure",
            "DELETE",
            "",
            [f"DELETE FROM {TABLE} WHERE measure_id = OLD.id"],
        ),
        "problem_moved": (
            "ledger_problem",
            "UPDATE OF lead_unit_id",
            moved,
            [_forget(_OF_PROBLEM, "OLD.lead_unit_id"), _rows(vendor, _PROBLEM_MOVED)],
        ),
        "cooperation_made": (
            "ledger_measurecooperation",
            "INSERT",
            "",
            [*new_cooperation, _rows(vendor, cooperation)],
        ),
        "cooperation_moved": (
            "ledger_measurecooperation",
            "UPDATE OF measure_id, unit_id",
            "",
            [
                *old_cooperation,
                *new_cooperation,
                _forget("OLD.measure_id", "OLD.unit_id"),
                _rows(vendor, cooperation),
            ],
        ),
        "cooperation_gone": (
            "ledger_measurecooperation",
            "DELETE",
            "",
            [*old_cooperation, _forget("OLD.measure_id", "OLD.unit_id")],
        ),
    }


def _sqlite(name: str, table: str, event: str, when: str, statements: list[str]) -> list[str]:
    body = "".join(f"{statement}; " for statement in statements)
    return [
        f"CREATE TRIGGER IF NOT EXISTS responsibility_{name} AFTER {event} ON {table} "
        f"FOR EACH ROW {when} BEGIN {body}END"
    ]


def _postgresql(name: str, table: str, event: str, when: str, statements: list[str]) -> list[str]:
    body = "".join(f"{statement}; " for statement in statements)
    function = f"responsibility_{name}"
    return [
        f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN {body}RETURN NULL; END $$",
        f"CREATE OR REPLACE TRIGGER {function} AFTER {event} ON {table} "
        f"FOR EACH ROW {when} EXECUTE FUNCTION {function}()",
    ]


def install(vendor: str) -> list[str]:
    make = _sqlite if vendor == "sqlite" else _postgresql
    return [sql for name, trigger in _triggers(vendor).items() for sql in make(name, *trigger)]


def remove(vendor: str) -> list[str]:
    if vendor == "sqlite":
        return [f"DROP TRIGGER IF EXISTS responsibility_{name}" for name in _triggers(vendor)]
    return [
        f"DROP FUNCTION IF EXISTS responsibility_{name}() CASCADE" for name in _triggers(vendor)
    ]


def rebuilt(vendor: str) -> list[str]:
    """Every measure's rows made again from the ledger as it is, and the triggers (back) in
    place: the migration that makes the table, and on SQLite every migrate after it."""
    return [f"DELETE FROM {TABLE}", fill(vendor), *install(vendor)]


def fill(vendor: str) -> str:
    """Every measure's rows, from the ledger as it is."""
    select = (
        "SELECT id, lead_unit_id, round_id, problem_id FROM ledger_measure "
        "UNION SELECT m.id, p.lead_unit_id, m.round_id, m.problem_id FROM ledger_measure m "
        "JOIN ledger_problem p ON p.id = m.problem_id WHERE p.lead_unit_id IS NOT NULL "
        "UNION SELECT measure_id, unit_id, round_id, problem_id FROM ledger_measurecooperation"
    )
    return _rows(vendor, select)


def _sqlite_with_table(using: str):
    """The connection, when it is SQLite's and the table exists (not before the migration
    that makes it, nor after one that takes it back)."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return None
    return connection if TABLE in connection.introspection.table_names() else None


def before_migrate(sender, using: str = DEFAULT_DB_ALIAS, plan=None, **kwargs) -> None:
    connection = _sqlite_with_table(using)
    if connection is not None and plan:
        with connection.cursor() as cursor:
            for statement in remove("sqlite"):
                cursor.execute(statement)


def after_migrate(sender, using: str = DEFAULT_DB_ALIAS, plan=None, **kwargs) -> None:
    """The rows made again from the ledger as the migrations left it, and the triggers back,
    in one transaction: a write made meanwhile is in the rows or fires the triggers. (A flush
    sends this too, with no plan and nothing to do.)"""
    connection = _sqlite_with_table(using)
    if connection is None or not plan:
        return
    with transaction.atomic(using=using), connection.cursor() as cursor:
        for statement in rebuilt("sqlite"):
            cursor.execute(statement)
