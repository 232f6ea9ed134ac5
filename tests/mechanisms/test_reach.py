"""How far a generalization reached, counted the same way on every page."""

from tests.mechanisms.conftest import MEASURE
from zhenggai.ledger.models import Unit
from zhenggai.mechanisms import services
from zhenggai.mechanisms.models import Generalization
from zhenggai.mechanisms.queries import total_reach, with_reach


def test_reach_counts_each_kind_of_answer(
    demo_round, units, office_clerk, tribunal_reporter, police_reporter
):
    source = demo_round["problems"]["court"]
    station = Unit.objects.create(
        name="江南派出所", kind=Unit.Kind.POLICE_STATION, parent=units["police"]
    )
    first = services.ask_generalization(
        office_clerk, source, units=[units["tribunal"], units["police"]]
    )
    second = services.ask_generalization(
        office_clerk, source, kind=Unit.Kind.POLICE_STATION, within=units["police"]
    )
    answers = {a.unit: a for g in (first, second) for a in g.answers.all()}
    services.answer_found(
        tribunal_reporter, answers[units["tribunal"]], manifestations="存在。", measures=[MEASURE]
    )
    services.answer_not_present(police_reporter, answers[units["police"]], reasons="不存在。")
    services.review_answer(office_clerk, answers[units["police"]], accept=True)
    services.answer_not_present(police_reporter, answers[units["station"]], reasons="不存在。")
    services.answer_not_present(police_reporter, answers[station], reasons="不存在。")
    services.review_answer(office_clerk, answers[station], accept=False, note="请附台账")

    generalizations = list(with_reach(Generalization.objects.filter(source=source)))
    assert total_reach(generalizations) == {
        "asked": 4,
        "answered": 3,
        "found": 1,
        "accepted": 1,
        "awaiting_review": 1,
        "pending": 1,
    }
