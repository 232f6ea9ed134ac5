"""The problem page's section on mechanisms and generalization: loaded by htmx, so the page
itself costs no extra query, and bounded on its own."""

import datetime

from django.urls import reverse

from tests.mechanisms.conftest import MEASURE
from zhenggai.ledger.models import Problem, Unit
from zhenggai.mechanisms import services
from zhenggai.mechanisms.models import Mechanism


def _panel(client, problem):
    return client.get(reverse("mechanisms:problem_panel", args=[problem.pk])).content.decode()


def test_the_problem_page_loads_the_panel(client, demo_round, office_clerk):
    client.force_login(office_clerk)
    problem = demo_round["problems"]["court"]
    page = client.get(reverse("ledger:problem_detail", args=[problem.pk])).content.decode()
    assert f'hx-get="{reverse("mechanisms:problem_panel", args=[problem.pk])}"' in page


def test_the_office_sees_how_far_the_generalization_reached(
    client, asked, tribunal_answer, tribunal_reporter, office_clerk
):
    found = services.answer_found(
        tribunal_reporter, tribunal_answer, manifestations="存在。", measures=[MEASURE]
    )
    client.force_login(office_clerk)
    panel = _panel(client, asked.source)
    assert "<strong>2</strong><span>要求自查单位</span>" in panel
    assert "<strong>1</strong><span>发现同类问题</span>" in panel
    assert "<strong>1</strong><span>待答复</span>" in panel
    assert f"问题 {found.code}" in panel
    assert "城西人民法庭：" in panel
    # The linked problem says where it came from.
    assert "对照问题 1-1" in _panel(client, found)


def test_the_lead_unit_sees_the_totals_but_not_other_units_answers(
    client, asked, court_reporter, police_reporter
):
    client.force_login(police_reporter)
    panel = _panel(client, asked.source)
    assert "<strong>2</strong><span>要求自查单位</span>" in panel
    assert "城西人民法庭" not in panel
    assert "发起举一反三" not in panel


def test_a_closed_problem_without_a_mechanism_says_so(client, demo_round, units, office_clerk):
    problem = demo_round["problems"]["court"]
    Problem.objects.filter(pk=problem.pk).update(status="closed")
    client.force_login(office_clerk)
    assert "已销号，但还没有建立长效机制" in _panel(client, problem)
    services.register_mechanism(
        office_clerk,
        demo_round["round"],
        name="审判督查制度",
        kind=Mechanism.Kind.RULE,
        issuing_unit=units["court"],
        issued_on=datetime.date(2023, 11, 1),
        problems=[problem],
    )
    panel = _panel(client, problem)
    assert "审判督查制度" in panel and "还没有建立长效机制" not in panel


def test_the_panel_queries_are_bounded(
    client, demo_round, units, office_clerk, tribunal_reporter, django_assert_max_num_queries
):
    source = demo_round["problems"]["court"]
    for number in range(12):
        Unit.objects.create(name=f"第{number}法庭", kind=Unit.Kind.TRIBUNAL, parent=units["court"])
    for round_number in range(3):
        services.ask_generalization(
            office_clerk,
            source,
            units=[Unit.objects.create(name=f"派出所{round_number}", parent=units["police"])],
        )
    generalization = services.ask_generalization(office_clerk, source, kind=Unit.Kind.TRIBUNAL)
    services.answer_found(
        tribunal_reporter,
        generalization.answers.get(unit=units["tribunal"]),
        manifestations="存在。",
        measures=[MEASURE],
    )
    for number in range(5):
        services.register_mechanism(
            office_clerk,
            demo_round["round"],
            name=f"制度{number}",
            kind=Mechanism.Kind.RULE,
            issuing_unit=units["court"],
            issued_on=datetime.date(2023, 11, 1),
            problems=[source],
        )
    client.force_login(office_clerk)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("mechanisms:problem_panel", args=[source.pk]))
    assert response.status_code == 200
