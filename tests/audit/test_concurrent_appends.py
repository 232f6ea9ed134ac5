"""Appends from many connections at once take their numbers one after another (PostgreSQL:
the head row is locked; SQLite lets one writer in at a time by itself)."""

import threading

import pytest
from django.db import connection, connections

from zhenggai.audit import trail
from zhenggai.audit.models import AuditEntry, ChainHead, Kind


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="threads share one SQLite test db")
def test_concurrent_appends_form_one_unbroken_chain():
    def work(n):
        try:
            for i in range(10):
                trail.append(Kind.UPDATED, object_type="ledger.measure", object_id=f"{n}-{i}")
        finally:
            connections.close_all()

    # A migrated database has the head row; a test before this one may have emptied it.
    ChainHead.objects.get_or_create(pk=1)
    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    count, found, head = trail.verify()
    assert (count, found, head.seq) == (40, None, 40)
    assert sorted(AuditEntry.objects.values_list("seq", flat=True)) == list(range(1, 41))
