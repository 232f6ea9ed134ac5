"""Fifty writers reporting on one measure at the same moment, each in its own thread with its
own database connection; and what came of it, as plain facts a test can compare. Shared by
tests/carryout/test_concurrent_reports.py and the stand-alone run on a file database."""

import datetime
import threading

from django.contrib.auth import get_user_model
from django.db import connection

from tests.carryout.samples import PNG, upload
from zhenggai.carryout import services
from zhenggai.carryout.models import Evidence, ProgressReport
from zhenggai.ledger.models import Event, Measure

WRITERS = 50
FIRST_DAY = datetime.date(2023, 9, 28)


def submit_at_once(measure_pk: int, username: str) -> list[str]:
    start = threading.Barrier(WRITERS)
    failures: list[str] = []

    def write(n: int) -> None:
        try:
            user = get_user_model().objects.get(username=username)
            measure = Measure.objects.select_related("round__office", "problem", "lead_unit").get(
                pk=measure_pk
            )
            start.wait(timeout=30)
            services.submit_report(
                user,
                measure,
                as_of=FIRST_DAY + datetime.timedelta(days=n),
                text=f"第{n}份进展报告。",
                status="in_progress",
                files=[upload(f"照片{n}.png", PNG)],
            )
        except Exception as error:  # noqa: BLE001 -- every failure is reported by the test
            failures.append(f"{type(error).__name__}: {error}")
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return failures


def outcome(measure_pk: int) -> dict:
    reports = list(ProgressReport.objects.filter(measure_id=measure_pk).order_by("pk"))
    events = Event.objects.filter(kind=Event.Kind.REPORTED, measure_id=measure_pk).order_by("pk")
    times = [report.submitted_at for report in reports]
    measure = Measure.objects.get(pk=measure_pk)
    return {
        "reports": len(reports),
        "all_texts": sorted(r.text for r in reports)
        == sorted(f"第{n}份进展报告。" for n in range(WRITERS)),
        "submitted_in_id_order": times == sorted(times),
        "events_in_report_order": [e.changes["report"][1]["id"] for e in events]
        == [r.pk for r in reports],
        "status_changes": sum("status" in e.changes for e in events),
        "status": measure.status,
        "last_reported_on": measure.last_reported_on.isoformat(),
        "evidence": Evidence.objects.filter(report__measure_id=measure_pk).count(),
    }


EXPECTED = {
    "reports": WRITERS,
    "all_texts": True,
    "submitted_in_id_order": True,
    "events_in_report_order": True,
    "status_changes": 1,
    "status": "in_progress",
    "last_reported_on": (FIRST_DAY + datetime.timedelta(days=WRITERS - 1)).isoformat(),
    "evidence": WRITERS,
}
