"""A posted choice whose key no row can have (wider than a 64-bit integer) is refused on the
form with a Chinese message, on every form that lets a person choose several rows."""

import pytest
from django.urls import reverse

from zhenggai.ledger.models import Measure
from zhenggai.mechanisms.models import Generalization, Mechanism

HUGE = "1" * 30

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(client, office_clerk):
    client.force_login(office_clerk)
    return client


def _refused(response) -> str:
    assert response.status_code == 200
    page = response.content.decode()
    assert "不是一个有效的值" in page
    return page


def test_a_measure_with_an_impossible_cooperating_unit(office, demo_round, units):
    problem = demo_round["problems"]["court"]
    before = Measure.objects.count()
    response = office.post(
        reverse("ledger:measure_create", args=[problem.pk]),
        {
            "text": "开展专项检查",
            "kind": "time_bound",
            "deadline": "2026-12-31",
            "status": "not_started",
            "lead_unit": units["court"].pk,
            "cooperating_units": [units["tribunal"].pk, HUGE],
        },
    )
    _refused(response)
    assert Measure.objects.count() == before


def test_a_mechanism_for_an_impossible_problem(office, demo_round, units):
    response = office.post(
        reverse("mechanisms:mechanism_create", args=[demo_round["round"].pk]),
        {
            "name": "专题学习督查制度",
            "kind": "rule",
            "issuing_unit": units["court"].pk,
            "issued_on": "2026-11-20",
            "problems": [HUGE],
        },
    )
    _refused(response)
    assert not Mechanism.objects.exists()


def test_a_generalization_to_an_impossible_unit(office, demo_round):
    response = office.post(
        reverse("mechanisms:generalize", args=[demo_round["problems"]["court"].pk]),
        {"units": [HUGE], "answer_deadline": "2026-12-31"},
    )
    _refused(response)
    assert not Generalization.objects.exists()
