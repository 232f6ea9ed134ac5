"""A measure's lead unit is not offered as its own cooperating unit, and naming it anyway is
refused with a Chinese message on the page, nothing saved (the API: tests/api/test_measures.py)."""

import re

import pytest
from django.urls import reverse

from tests.ledger.test_stale_edit_pages import logged_in, measure_form, text_of
from zhenggai.ledger.models import Measure

REFUSAL = "是本措施的牵头单位，不能同时作为配合单位"


@pytest.fixture
def measure(demo_round):
    """The court leads it, the police station cooperates on it."""
    return demo_round["shared"]


def _cooperating_choices(page: str) -> list[str]:
    select = re.search(r'<select[^>]*name="cooperating_units".*?</select>', page, re.S).group()
    return re.findall(r"<option[^>]*>([^<]*)</option>", select)


def _cooperating(measure) -> list[str]:
    return [u.name for u in Measure.objects.get(pk=measure.pk).cooperating_units.all()]


def test_the_edit_page_does_not_offer_the_lead_unit(measure, units, office_clerk):
    page = logged_in(office_clerk).get(reverse("ledger:measure_edit", args=[measure.pk]))
    choices = _cooperating_choices(page.content.decode())
    assert units["station"].name in choices and units["police"].name in choices
    assert units["court"].name not in choices


def test_a_new_lead_unit_left_among_the_cooperating_ones_is_refused_on_the_page(
    measure, units, office_clerk
):
    station = units["station"]
    form = measure_form(measure, office_clerk, lead_unit=station.pk)
    response = logged_in(office_clerk).post(
        reverse("ledger:measure_edit", args=[measure.pk]),
        {**form, "cooperating_units": [station.pk]},
    )
    assert f"“{station.name}”{REFUSAL}" in text_of(response)
    saved = Measure.objects.get(pk=measure.pk)
    assert (saved.lead_unit, _cooperating(measure)) == (units["court"], [station.name])
