"""Requests build on the demo round of tests/conftest.py: the court leads "court" (measure
1-1.1, deadline 2023-12-31, long past) and "shared" (1-1.2, with the police station
cooperating), the tribunal leads "tribunal" and the police "police". New deadlines are
counted from today, since a deadline may not be moved into the past."""

import datetime

import pytest
from django.utils import timezone

from tests.api.conftest import api_as  # noqa: F401 -- the API's clients with a token
from zhenggai.requests import services


@pytest.fixture
def measures(demo_round):
    problems = demo_round["problems"]
    return {key: problem.measures.get(number=1) for key, problem in problems.items()} | {
        "shared": demo_round["shared"]
    }


@pytest.fixture
def measure(measures):
    return measures["court"]


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def ask(user, measure, days=60, reason="需协调市财政追加经费，原定时限内无法完成。"):
    return services.ask_extension(user, measure, new_deadline=in_days(days), reason=reason)


def ask_change(user, measure, reason="原措施表述过于笼统，无法检验。", **values):
    values = {
        "text": measure.text,
        "kind": measure.kind,
        "deliverable": measure.deliverable,
        **values,
    }
    return services.ask_change(user, measure, reason=reason, **values)
