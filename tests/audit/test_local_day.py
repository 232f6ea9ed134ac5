"""The audit log counts days in the installation's time zone: an entry made at 07:30 in
Shanghai (23:30 UTC the day before) or at 23:30 belongs to that local day in the date filter,
the export's file name and times, and the entry's own line."""

import csv
import datetime
import io
from urllib.parse import unquote

import pytest
from django.urls import reverse

from tests.audit.test_entry_list import acting
from tests.conftest import LOCAL_DAY

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def shown(client, **dates) -> bool:
    page = client.get(reverse("audit:entry_list"), dates).content.decode()
    return "法院的措施" in page


def test_the_date_filter_takes_the_entry_on_its_local_day(
    client, office_clerk, court_reporter, edge_of_the_day
):
    acting(court_reporter, text="法院的措施")
    client.force_login(office_clerk)
    assert shown(client, start=LOCAL_DAY, end=LOCAL_DAY)
    assert not shown(client, end=LOCAL_DAY - DAY)
    assert not shown(client, start=LOCAL_DAY + DAY)


def test_the_export_is_named_and_timed_in_local_time(
    client, office_clerk, court_reporter, edge_of_the_day
):
    acting(court_reporter, text="法院的措施")
    client.force_login(office_clerk)
    response = client.get(reverse("audit:entry_csv"), {"kind": "updated"})
    assert unquote(response["Content-Disposition"]).endswith("操作日志20261207.csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    (entry,) = list(csv.reader(io.StringIO(body)))[1:]
    assert entry[1] == f"2026-12-07 {edge_of_the_day:%H:%M}:00"


def test_an_entry_reads_in_local_time(court_reporter, edge_of_the_day):
    entry = acting(court_reporter, text="法院的措施")
    assert str(entry).startswith(f"#{entry.seq} 2026-12-07 {edge_of_the_day:%H:%M} ")
