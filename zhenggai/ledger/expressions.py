"""Database expressions that the models' indexes and the queries share."""

from django.db.models import CharField, Func


class UtcHour(Func):
    """The hour of a timestamp in UTC, cut off by the database in a form it can index: on
    SQLite the first 13 characters of the stored text (YYYY-MM-DD HH), on PostgreSQL the
    timestamp truncated to the hour at UTC (immutable, unlike a cut in the session's zone).
    Index measure_burn_down ends with it; the burn-down itself now groups by its first two
    columns (round, day closed) alone."""

    output_field = CharField()

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="substr(%(expressions)s, 1, 13)")

    def as_postgresql(self, compiler, connection, **extra):
        template = "date_trunc('hour', %(expressions)s AT TIME ZONE 'UTC')"
        return self.as_sql(compiler, connection, template=template)
