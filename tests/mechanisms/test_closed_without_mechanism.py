"""Closed problems without any mechanism are listed as such, and counted the same way."""

import datetime

from django.urls import reverse

from zhenggai.ledger.models import Problem
from zhenggai.mechanisms import services
from zhenggai.mechanisms.models import Mechanism
from zhenggai.mechanisms.queries import closed_without_mechanism


def _close(*problems):
    Problem.objects.filter(pk__in=[p.pk for p in problems]).update(status="closed")


def test_only_closed_problems_without_a_mechanism_are_listed(demo_round, units, office_clerk):
    court, tribunal = demo_round["problems"]["court"], demo_round["problems"]["tribunal"]
    _close(court, tribunal)
    services.register_mechanism(
        office_clerk,
        demo_round["round"],
        name="审判监督办法",
        kind=Mechanism.Kind.RULE,
        issuing_unit=units["court"],
        issued_on=datetime.date(2023, 11, 1),
        problems=[court],
    )
    assert list(closed_without_mechanism(Problem.objects.all())) == [tribunal]


def test_the_page_lists_them_in_the_users_scope(client, demo_round, police_reporter, office_clerk):
    _close(*demo_round["problems"].values())
    url = reverse("mechanisms:closed_without_mechanism", args=[demo_round["round"].pk])
    client.force_login(office_clerk)
    page = client.get(url).content.decode()
    assert "共 3 个" in page
    client.force_login(police_reporter)
    page = client.get(url).content.decode()
    # The police see their own problem and the court's, on which their station cooperates.
    assert "共 2 个" in page
    assert demo_round["problems"]["tribunal"].title not in page
