"""Carry-out tests store evidence in a temporary folder, and build on the demo round of
tests/conftest.py: "court" is the court's own measure, "shared" the court's measure on which
the police station cooperates, "tribunal" the tribunal's."""

import datetime
import fcntl

import pytest

from zhenggai.carryout import services

FEEDBACK = datetime.date(2023, 9, 28)  # the demo round's feedback date
AS_OF = datetime.date(2023, 10, 20)


@pytest.fixture
def fifty_connections(tmp_path_factory):
    """Fifty writers hold fifty database connections at once. Two such tests at the same time,
    one on each xdist worker, asked PostgreSQL for more than its 100 (seen on CI: "too many
    clients already"), so they take turns across the workers, by a lock on a file in the
    folder the workers' temporary folders share."""
    shared = tmp_path_factory.getbasetemp().parent
    with open(shared / "fifty-connections.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


@pytest.fixture
def measures(demo_round):
    problems = demo_round["problems"]
    return {key: problem.measures.get(number=1) for key, problem in problems.items()} | {
        "shared": demo_round["shared"]
    }


def report(user, measure, status="in_progress", as_of=AS_OF, text="已制定方案，正在推进。", **kw):
    return services.submit_report(user, measure, as_of=as_of, text=text, status=status, **kw)


def verify(user, measure, result="pass", methods=("document_review", "on_site"), **kw):
    kw.setdefault("verified_on", AS_OF + datetime.timedelta(days=3))
    kw.setdefault("findings", "查阅了会议记录和台账，实地查看了整改现场。")
    return services.verify_measure(user, measure, methods=list(methods), result=result, **kw)


def close(measure, reporter, verifier):
    """A measure carried all the way: reported done, then verified."""
    report(reporter, measure, status="done_pending")
    return verify(verifier, measure)
