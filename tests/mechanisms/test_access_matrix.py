"""Each role against the mechanism and generalization pages: 200 where the policy lets them,
403 for a refused action, 404 outside their scope."""

import datetime

import pytest
from django.urls import reverse

from zhenggai.mechanisms import services
from zhenggai.mechanisms.models import Mechanism

ROLES = ["office_clerk", "court_reporter", "tribunal_reporter", "police_reporter", "outsider"]

MATRIX = {
    "mechanism_list": [200, 200, 200, 200, 404],
    "mechanism_create": [200, 200, 200, 200, 404],
    "closed_without_mechanism": [200, 200, 200, 200, 404],
    "mechanism_detail": [200, 200, 404, 200, 404],
    "mechanism_file": [200, 200, 404, 200, 404],
    "problem_panel": [200, 200, 404, 200, 404],
    "generalize": [200, 403, 404, 403, 404],
    "round_generalizations": [200, 403, 403, 403, 404],
    "inbox": [200, 200, 200, 200, 200],
    "answer": [200, 200, 200, 404, 404],
}


@pytest.fixture
def court_rule(demo_round, units, office_clerk):
    from tests.mechanisms.conftest import pdf

    return services.register_mechanism(
        office_clerk,
        demo_round["round"],
        name="审判流程管理办法",
        kind=Mechanism.Kind.RULE,
        issuing_unit=units["court"],
        issued_on=datetime.date(2023, 11, 1),
        problems=[demo_round["problems"]["court"]],
        file=pdf(),
    )


def _url(name, demo_round, court_rule, tribunal_answer):
    round_pk, court = demo_round["round"].pk, demo_round["problems"]["court"].pk
    args = {
        "mechanism_list": [round_pk],
        "mechanism_create": [round_pk],
        "closed_without_mechanism": [round_pk],
        "round_generalizations": [round_pk],
        "mechanism_detail": [court_rule.pk],
        "mechanism_file": [court_rule.pk],
        "problem_panel": [court],
        "generalize": [court],
        "inbox": [],
        "answer": [tribunal_answer.pk],
    }[name]
    return reverse(f"mechanisms:{name}", args=args)


@pytest.mark.parametrize("role_index,role", list(enumerate(ROLES)))
@pytest.mark.parametrize("name", list(MATRIX))
def test_access(client, request, demo_round, court_rule, tribunal_answer, role_index, role, name):
    client.force_login(request.getfixturevalue(role))
    response = client.get(_url(name, demo_round, court_rule, tribunal_answer))
    assert response.status_code == MATRIX[name][role_index]


def test_a_refused_page_says_why_in_chinese(client, demo_round, court_reporter):
    client.force_login(court_reporter)
    url = reverse("mechanisms:generalize", args=[demo_round["problems"]["court"].pk])
    assert "只有本轮整改牵头单位（整改办）可以发起举一反三" in client.get(url).content.decode()


def test_answering_for_another_unit_is_refused(
    client, tribunal_answer, court_reporter, office_clerk
):
    client.force_login(office_clerk)
    response = client.post(
        reverse("mechanisms:answer", args=[tribunal_answer.pk]),
        {"answer": "not_present", "absent-reasons": "不存在。"},
    )
    assert response.status_code == 403
    assert "不能代为答复" in response.content.decode()
