"""A report without a date of its own is dated the installation's day, early and late in it:
its sentence of figures says "截至" that day, and a deadline of yesterday is overdue, one of
today is not."""

import datetime

import pytest

from tests.conftest import LOCAL_DAY
from zhenggai.documents import gather
from zhenggai.ledger.models import Measure, Problem
from zhenggai.writer.build import figures_sentence

pytestmark = pytest.mark.django_db


def test_the_figures_are_as_of_the_local_day(edge_of_the_day, demo_round):
    round_ = demo_round["round"]
    court = demo_round["problems"]["court"].measures.get(number=1)
    Measure.objects.filter(round=round_).update(deadline=LOCAL_DAY)
    Measure.objects.filter(pk=court.pk).update(deadline=LOCAL_DAY - datetime.timedelta(days=1))
    counted = gather.figures(
        round_, Problem.objects.filter(round=round_), Measure.objects.filter(round=round_)
    )
    dated = gather.round_info(round_, gather.settings_of(round_)).date
    sentence = figures_sentence(counted, dated)
    assert sentence.startswith("截至2026年12月7日，")
    assert "超过完成时限尚未完成1项" in sentence
