"""A problem with no measures (and no lead unit yet) shows no light, not 绿灯."""

import pytest
from django.urls import reverse

from tests.factories import ProblemFactory

pytestmark = pytest.mark.django_db


def test_a_problem_without_measures_shows_no_light(client, office_clerk, demo_round):
    problem = ProblemFactory(round=demo_round["round"], category=demo_round["category"])
    assert problem.lead_unit is None
    client.force_login(office_clerk)
    page = client.get(reverse("ledger:problem_detail", args=[problem.pk])).content.decode()
    panel = page[page.index('id="supervision"') :]
    assert "尚无整改措施，不亮灯" in panel
    assert "绿灯" not in panel
