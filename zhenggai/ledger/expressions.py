"""Database expressions that the models' indexes and the queries share."""

import datetime

from django.db.models import CharField, Func


class UtcHour(Func):
    """The hour of a timestamp in UTC, cut off by the database in a form it can index: on
    SQLite the first 13 characters of the stored text (YYYY-MM-DD HH), on PostgreSQL the
    timestamp truncated to the hour at UTC (immutable, unlike a cut in the session's zone).
    `utc_hour` reads either. Grouping by it costs the database nothing per row; SQLite's date
    functions would parse every row's text, and Django's TruncDate calls back into Python
    for every row."""

    output_field = CharField()

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="substr(%(expressions)s, 1, 13)")

    def as_postgresql(self, compiler, connection, **extra):
        template = "date_trunc('hour', %(expressions)s AT TIME ZONE 'UTC')"
        return self.as_sql(compiler, connection, template=template)


def utc_hour(value: str | datetime.datetime) -> datetime.datetime:
    """An aware datetime from what UtcHour gives on either database."""
    if isinstance(value, str):
        value = datetime.datetime.strptime(value, "%Y-%m-%d %H")
    return value.replace(tzinfo=datetime.UTC)
