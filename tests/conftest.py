"""Named people for tests, so each test reads as a sentence:

- office_clerk works in the 整改办 of the 政法委 that runs the round;
- leader is the 政法委 书记;
- court_reporter works at the 法院, tribunal_reporter at a 基层法庭 under it;
- police_reporter works at the 公安局;
- outsider has a login but no unit and no role.

Each holds its role (zhenggai.authority) over the organization, for its unit: the clerk the
office's, the leader the office's and the leader's, the others the reporter's.

demo_round holds one problem per unit with a measure each, and a court measure on which the
police cooperate."""

import datetime

import pytest
from django.db import connection
from django.db.models import QuerySet
from django.test import TransactionTestCase
from django.utils import timezone

from tests import directory_server, file_database
from tests.factories import (
    CategoryFactory,
    MeasureFactory,
    ProblemFactory,
    RoundFactory,
    UnitFactory,
    UserFactory,
    user_in,
)
from tests.module_data import FAST_PASSWORD_HASHERS
from zhenggai.audit import context as audit_context
from zhenggai.audit import guard as audit_guard
from zhenggai.authority.models import Role
from zhenggai.ledger.calendar import forget_work_calendar
from zhenggai.ledger.models import CalendarDay, Unit


@pytest.fixture
def media(settings, tmp_path):
    """Where uploads go in a test: a temporary folder, never var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def _test_settings(settings, media, tmp_path):
    settings.PASSWORD_HASHERS = FAST_PASSWORD_HASHERS
    # Uploads arrive in a folder of the test's own, not var/tmp: a test that looks for files
    # left there sees none of a test running beside it (scripts/test runs two at once).
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path / "uploading")
    (tmp_path / "uploading").mkdir(mode=0o700)


# The installation's day begins at 16:00 UTC: at 07:30 in Shanghai UTC is still on the day
# before, at 23:30 on the same day. A rule about "today" or "that day" answers alike at both.
LOCAL_DAY = datetime.date(2026, 12, 7)


@pytest.fixture
def clock(monkeypatch):
    """clock(at) pins timezone.now() at the aware datetime `at`, and with it localdate() and the
    auto_now fields, whatever the hour the test runs."""

    def pin(at: datetime.datetime) -> datetime.datetime:
        monkeypatch.setattr(timezone, "now", lambda: at.astimezone(datetime.UTC))
        return at

    return pin


@pytest.fixture(params=["07:30", "23:30"])
def edge_of_the_day(request, clock) -> datetime.datetime:
    """The clock pinned on LOCAL_DAY, local time, early (UTC still on the day before) or late.
    Ask for it before a fixture that logs in: a session begun at another time has expired."""
    local = datetime.time.fromisoformat(request.param)
    zone = timezone.get_default_timezone()
    return clock(datetime.datetime.combine(LOCAL_DAY, local, tzinfo=zone))


@pytest.fixture(autouse=True, scope="session")
def _emptying_lifts_the_audit_guard():
    """Between transactional tests Django empties the database (flush), audit entries too,
    which the database refuses (zhenggai.audit.guard): the guard is lifted for that and put
    back."""
    operations = type(connection.ops)
    flush = operations.sql_flush

    def sql_flush(self, style, tables, **options):
        statements = flush(self, style, tables, **options)
        if audit_guard.TABLE not in tables:
            return statements
        return audit_guard.lifted(self.connection.vendor, statements)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(operations, "sql_flush", sql_flush)
        yield


@pytest.fixture(autouse=True, scope="session")
def _emptying_keeps_the_seeded_calendar():
    """Emptying the database after a transactional test takes with it the holidays that
    migration ledger 0002 seeds. pytest-django runs transactional tests last, but xdist's
    --dist loadfile hands out the largest files first, so a later file on the same worker found
    no holidays (seen on CI). The table is put back as the migration left it, with the same
    keys, which a serialized_rollback restore then matches."""
    setup = TransactionTestCase._fixture_setup.__func__  # a classmethod
    teardown = TransactionTestCase._fixture_teardown
    seeded: list[CalendarDay] = []

    def _fixture_setup(cls):
        if not seeded:
            seeded.extend(CalendarDay.objects.all())
        setup(cls)

    def _fixture_teardown(self):
        teardown(self)
        # A plain queryset: putting back what was there is no change to record.
        QuerySet(CalendarDay).bulk_create(seeded)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(TransactionTestCase, "_fixture_setup", classmethod(_fixture_setup))
        patch.setattr(TransactionTestCase, "_fixture_teardown", _fixture_teardown)
        yield


@pytest.fixture(autouse=True)
def _nobody_acting():
    """A command's --user names who acts for the rest of its process; in tests, for one test."""
    token = audit_context.set_source(audit_context.SYSTEM)
    yield
    audit_context.reset_source(token)


@pytest.fixture(autouse=True)
def _fresh_work_calendar():
    forget_work_calendar()
    yield
    forget_work_calendar()


@pytest.fixture
def units(db):
    committee = UnitFactory(name="临江市委政法委", kind=Unit.Kind.COMMITTEE)
    court = UnitFactory(name="临江市中级人民法院", kind=Unit.Kind.COURT, parent=committee)
    police = UnitFactory(name="临江市公安局", kind=Unit.Kind.PUBLIC_SECURITY, parent=committee)
    return {
        "committee": committee,
        "office": UnitFactory(name="整改办", kind=Unit.Kind.OFFICE, parent=committee),
        "court": court,
        "tribunal": UnitFactory(name="城东人民法庭", kind=Unit.Kind.TRIBUNAL, parent=court),
        "police": police,
        "station": UnitFactory(name="江北派出所", kind=Unit.Kind.POLICE_STATION, parent=police),
    }


@pytest.fixture
def office_clerk(units):
    return user_in(units["office"], "office", Role.OFFICE, name="王文书", title="整改办干部")


@pytest.fixture
def leader(units):
    roles = [Role.OFFICE, Role.LEADER]
    return user_in(
        units["committee"], "leader", *roles, name="周书记", title="书记", is_leader=True
    )


@pytest.fixture
def colleague(units):
    """A second clerk of the 整改办: the committee's own members (like the leader fixture)
    answer for every measure of its tree and change none of its commitments."""
    return user_in(units["office"], "colleague", Role.OFFICE, name="李干事")


@pytest.fixture
def court_reporter(units):
    return user_in(units["court"], "court", Role.REPORTER, name="陈法官")


@pytest.fixture
def tribunal_reporter(units):
    return user_in(units["tribunal"], "tribunal", Role.REPORTER, name="林庭长")


@pytest.fixture
def police_reporter(units):
    return user_in(units["police"], "police", Role.REPORTER, name="赵警官")


@pytest.fixture
def outsider(db):
    return UserFactory(username="outsider")


@pytest.fixture
def demo_round(units):
    round_ = RoundFactory(office=units["committee"], name="省委第三巡视组反馈意见整改")
    category = CategoryFactory(round=round_, number=1, title="贯彻落实党中央决策部署方面")
    problems = {}
    for number, key in enumerate(["court", "tribunal", "police"], start=1):
        problem = ProblemFactory(
            round=round_, category=category, number=number, lead_unit=units[key]
        )
        MeasureFactory(problem=problem, number=1, lead_unit=units[key])
        problems[key] = problem
    shared = MeasureFactory(
        problem=problems["court"],
        number=2,
        lead_unit=units["court"],
        deadline=datetime.date(2024, 3, 31),
        cooperating_units=[units["station"]],
    )
    return {"round": round_, "category": category, "problems": problems, "shared": shared}


@pytest.fixture(scope="session")
def on_a_file_database(tmp_path_factory):
    """file_database.run_on_a_file_database, on one database file for this pytest process
    (each of scripts/test's two has its own)."""
    database = tmp_path_factory.mktemp("file-database") / "test_zhenggai.sqlite3"

    def run(test_file, name, data_dir, environment=None):
        return file_database.run_on_a_file_database(
            test_file, name, data_dir, database, environment
        )

    return run


@pytest.fixture(scope="session")
def directory(tmp_path_factory):
    """One real LDAP directory for the whole run (tests/directory_server.py), started by the
    first test that asks for it."""
    missing = directory_server.slapd_missing()
    if missing:
        pytest.skip(missing)
    with directory_server.running(tmp_path_factory.mktemp("slapd")) as running:
        yield running


@pytest.fixture
def ldap_on(settings, directory, db):
    """Directory logins on: people are found by the service account, then bound as."""
    settings.ZHENGGAI_LDAP_URL = [directory.url]
    settings.ZHENGGAI_LDAP_SEARCH_BASE = directory_server.BASE
    settings.ZHENGGAI_LDAP_BIND_DN = directory_server.SERVICE_DN
    settings.ZHENGGAI_LDAP_BIND_PASSWORD = directory_server.SERVICE_PASSWORD
    return directory
