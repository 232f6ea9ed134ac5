"""The database's planner statistics, kept fresh where the database does not do it itself."""

from django.db import DEFAULT_DB_ALIAS, connections


def refresh_statistics(using: str = DEFAULT_DB_ALIAS) -> None:
    """SQLite gathers no planner statistics by itself (PostgreSQL's autovacuum does), and
    without them it may read a dashboard scan through an index that does not cover it, or a
    scope through a new index that has none yet, at many times the cost. A full ANALYZE takes
    a fraction of a second at province scale."""
    connection = connections[using]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def after_migrate(sender, using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    """A migration that adds an index leaves it without statistics until the daily tick."""
    refresh_statistics(using)
