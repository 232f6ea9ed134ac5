"""The race of tests/carryout/race.py on SQLite as zhenggai runs it: a file database in WAL
mode with IMMEDIATE transactions (the test suite's own SQLite database lives in memory and
locks differently). Run by test_concurrent_reports.py as

    ZHENGGAI_DATA_DIR=<empty folder> python -m tests.carryout.race_on_a_file_database

it prints the outcome as JSON on its last line."""

import json
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zhenggai.settings")
django.setup()

from django.core.management import call_command  # noqa: E402 -- needs django.setup()
from django.db import connection  # noqa: E402

from tests.carryout.race import outcome, submit_at_once  # noqa: E402
from tests.factories import (  # noqa: E402
    MeasureFactory,
    PersonFactory,
    UnitFactory,
    UserFactory,
    grant,
)
from zhenggai.authority.models import Role  # noqa: E402


def main() -> None:
    call_command("migrate", verbosity=0)
    committee = UnitFactory(kind="committee")
    court = UnitFactory(name="法院", parent=committee)
    user = UserFactory(username="court", password="x")
    PersonFactory(unit=court, user=user)
    grant(user, Role.REPORTER, court)
    measure = MeasureFactory(lead_unit=court, problem__category__round__office=committee)
    mode = connection.cursor().execute("PRAGMA journal_mode").fetchone()[0]
    failures = submit_at_once(measure.pk, user.username)
    print(json.dumps({"journal_mode": mode, "failures": failures, **outcome(measure.pk)}))


if __name__ == "__main__":
    main()
