"""The dashboard is as of the installation's day, early and late in it: the trend ends on the
local day, and a measure closed that day is no longer open at its end."""

from django.urls import reverse

from tests.conftest import LOCAL_DAY
from tests.dashboard.conftest import figures_table
from zhenggai.ledger.models import Measure


def test_the_trend_ends_on_the_local_day(edge_of_the_day, client, office_clerk, demo_round):
    round_ = demo_round["round"]
    court = demo_round["problems"]["court"].measures.get(number=1)
    Measure.objects.filter(pk=court.pk).update(status="closed", closed_on=LOCAL_DAY)
    client.force_login(office_clerk)
    response = client.get(reverse("dashboard:round_dashboard", args=[round_.pk]))
    trend = figures_table(response, "trend")
    total = Measure.objects.filter(round=round_).count()
    (_, open_before), (last, open_last) = list(trend.items())[-2:]
    assert (last, open_last) == ("2026-12-07", [total - 1])
    assert open_before == [total]
