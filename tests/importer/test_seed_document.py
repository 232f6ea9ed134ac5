"""The real speech outline this project started from, imported where it lives (never copied)."""

from io import StringIO

import pytest
from django.core.management import call_command

from tests.reader.builders import SEEDS
from zhenggai.importer import services
from zhenggai.importer.models import ImportBatch
from zhenggai.ledger.models import Category, Problem

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not SEEDS.is_dir(), reason="the shared seeds are not here"),
]


@pytest.fixture
def seed():
    return next(SEEDS.glob("*.txt"))


def test_importing_the_seed_gives_four_categories_of_3_2_3_and_2_problems(
    seed, office_clerk, units
):
    from tests.factories import RoundFactory

    round_ = RoundFactory(office=units["committee"])
    batch = services.upload(office_clerk, round_, seed.name, seed.read_bytes())
    services.apply(office_clerk, batch)
    categories = Category.objects.filter(round=round_).order_by("number")
    assert [c.problems.count() for c in categories] == [3, 2, 3, 2]
    assert categories[3].title == "在落实巡视等监督整改责任方面"
    assert Problem.objects.filter(round=round_).count() == 10


def test_the_seeds_causes_and_speech_measures_are_kept_in_the_batch(
    seed, office, office_clerk, round_
):
    out = StringIO()
    call_command(
        "import", str(seed), "--round", str(round_.pk), "--user", "office", "--apply", stdout=out
    )
    batch = ImportBatch.objects.get()
    assert batch.created["causes"] == 3
    assert batch.created["unattached_measures"] == 4
    assert "已导入台账：4 个新方面，10 个问题，0 项整改措施" in out.getvalue()
    page = office.get(batch.get_absolute_url()).content.decode()
    assert "原因剖析（3）" in page
    assert "在理论武装上存在差距" in page


def test_the_seeds_debris_is_reported_on_the_review_page(seed, office, office_clerk, round_):
    batch = services.upload(office_clerk, round_, seed.name, seed.read_bytes())
    codes = [warning["code"] for warning in batch.warnings]
    assert codes.count("paywall_marker") == 2 and "password" in codes
    page = office.get(batch.get_absolute_url()).content.decode()
    assert "##paidbegin##" in page
    assert "文档密码说明，已删除" in page
