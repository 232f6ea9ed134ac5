import pytest

from tests.api.conftest import api_as  # noqa: F401  (a fixture the API tests here use)
from zhenggai.documents import services


@pytest.fixture
def led_round(demo_round, leader):
    """The demo round with the 书记 leading the court's problem and claiming the police's."""
    problems = demo_round["problems"]
    problems["court"].lead_leader = leader.person
    problems["court"].save()
    problems["police"].claims.create(
        person=leader.person, unit=leader.person.unit, claimed_by=leader
    )
    return demo_round


@pytest.fixture
def outline_material(led_round, leader):
    round_ = led_round["round"]
    services.add_items(
        leader,
        round_,
        leader.person,
        "cause",
        [{"text": "在理论武装上还有差距。学习联系实际思考不深。"}],
    )
    services.add_items(
        leader,
        round_,
        leader.person,
        "measure",
        [{"text": "强化理论武装。每月参加一次集中学习研讨。"}],
    )
    return led_round
