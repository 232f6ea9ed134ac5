"""How every carry-out action writes: in one transaction that holds the rows it changes,
tried again when SQLite finds the database locked, and with the evidence files it wrote
removed again when it fails, so that a refused action leaves nothing behind."""

import itertools
import random
import time
from collections.abc import Callable

from django.db import OperationalError, connection, transaction

from zhenggai.carryout.files import CheckedFile
from zhenggai.carryout.models import Evidence
from zhenggai.ledger.models import Measure, Problem

# SQLite serializes writers: its IMMEDIATE transactions wait up to busy_timeout for the lock,
# but a crowd of writers can outlast that, so an attempt that found the database locked is
# tried again from the start. PostgreSQL waits on the row locks instead and never gets here.
LOCK_ATTEMPTS = 30


class Written:
    """Evidence files written during one attempt, removed again if the attempt fails."""

    def __init__(self):
        self.names: list[str] = []

    def store(self, checked: list[CheckedFile], user, **owner) -> list[Evidence]:
        stored = []
        for file in checked:
            evidence = Evidence(
                original_name=file.name,
                size=file.size,
                sha256=file.sha256,
                content_type=file.content_type,
                uploaded_by=user,
                **owner,
            )
            evidence.file.save(file.storage_name(), file.content(), save=False)
            self.names.append(evidence.file.name)
            evidence.save()
            stored.append(evidence)
        return stored

    def remove(self) -> None:
        storage = Evidence._meta.get_field("file").storage
        for name in self.names:
            storage.delete(name)


def serialized[T](action: Callable[[Written], T]) -> T:
    """Run the action in its own transaction, again from the start while SQLite says locked."""
    for attempt in itertools.count(1):
        written = Written()
        try:
            with transaction.atomic():
                return action(written)
        except Exception as error:
            written.remove()
            retry = (
                isinstance(error, OperationalError)
                and "locked" in str(error)
                and not connection.in_atomic_block
                and attempt < LOCK_ATTEMPTS
            )
            if not retry:
                raise
        time.sleep(random.uniform(0.01, 0.05) * attempt)


def lock(measure: Measure) -> None:
    """Take the rows of the measure's problem and of the measure for this transaction (on
    PostgreSQL; SQLite's IMMEDIATE transaction holds the whole database already), problem
    first so that two actions never wait on each other, and read again what may have changed.
    Taking them twice in one transaction is harmless."""
    problem = (
        Problem.objects.select_for_update().values("status", "closed_on").get(pk=measure.problem_id)
    )
    fresh = (
        Measure.objects.select_for_update()
        .values("status", "closed_on", "last_reported_on", "version")
        .get(pk=measure.pk)
    )
    for name, value in fresh.items():
        setattr(measure, name, value)
    measure.problem.status, measure.problem.closed_on = problem["status"], problem["closed_on"]


def lock_problem(problem: Problem) -> None:
    fresh = Problem.objects.select_for_update().values("status", "closed_on").get(pk=problem.pk)
    problem.status, problem.closed_on = fresh["status"], fresh["closed_on"]
