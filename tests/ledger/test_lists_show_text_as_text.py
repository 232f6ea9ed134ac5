"""The ledger's lists show whatever people typed as text: markup in a problem, a measure, a
deliverable, a unit's or a person's name is escaped in every view."""

import pytest
from django.urls import reverse

from tests.factories import MeasureFactory, PersonFactory, ProblemFactory, UnitFactory
from zhenggai.ledger.models import Claim

MARKUP = "<b>'甲\"&乙</b>"
ESCAPED = "&lt;b&gt;&#x27;甲&quot;&amp;乙&lt;/b&gt;"


@pytest.fixture
def marked_up(demo_round, units, office_clerk):
    unit = UnitFactory(name=f"{MARKUP}局", parent=units["court"])
    leader = PersonFactory(name=f"{MARKUP}领导", unit=unit, is_leader=True)
    problem = ProblemFactory(
        round=demo_round["round"],
        category=demo_round["category"],
        text=f"{MARKUP}问题",
        lead_unit=unit,
        lead_leader=leader,
    )
    MeasureFactory(
        problem=problem,
        text=f"{MARKUP}措施",
        deliverable=f"{MARKUP}成果",
        lead_unit=unit,
        person_in_charge=leader,
        cooperating_units=[unit],
    )
    Claim.objects.create(problem=problem, unit=unit, claimed_by=office_clerk)
    return demo_round


@pytest.mark.parametrize(
    "view, shown",
    [
        ("problems", ["问题", "领导", "局", "局已认领"]),
        ("measures", ["措施", "成果", "局"]),
        ("responsibility", ["问题", "领导", "局"]),
    ],
)
def test_each_view_shows_markup_as_text(client, marked_up, office_clerk, view, shown):
    client.force_login(office_clerk)
    url = reverse("ledger:ledger", args=[marked_up["round"].pk])
    page = client.get(url, {"view": view}).content.decode()
    assert "<b>" not in page
    for text in shown:
        assert ESCAPED + text in page
