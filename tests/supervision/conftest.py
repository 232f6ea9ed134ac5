"""Supervision fixtures on top of tests/conftest.py's named people and demo round.

- mailbox: SMTP "configured" as Django's in-memory mailer; mail.outbox holds what was sent;
- tracked: the court's measure with 陈法官 (court_reporter) in charge and 周书记 (leader) as the
  problem's lead leader, in a round whose concentrated period runs through April 2024;
- a_notice: a notice from the office to the court, citing the court's problem;
- replied: the same notice once the court has replied to it."""

import datetime

import pytest
from django.core import mail

from zhenggai.ledger.models import InspectionRound, Measure, Person
from zhenggai.supervision import services

D = datetime.date


@pytest.fixture
def mailbox(settings):
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    return mail


@pytest.fixture
def tracked(demo_round, court_reporter, leader):
    court_reporter.email, leader.email = "chen@court.example", "zhou@zfw.example"
    court_reporter.save()
    leader.save()
    round_ = demo_round["round"]
    InspectionRound.objects.filter(pk=round_.pk).update(
        feedback_date=D(2024, 3, 1), rectification_deadline=D(2024, 4, 30), rhythm_days=60
    )
    problem = demo_round["problems"]["court"]
    problem.lead_leader = Person.objects.get(user=leader)
    problem.save()
    measure = problem.measures.get(number=1)
    Measure.objects.filter(pk=measure.pk).update(
        deadline=D(2024, 4, 30),
        person_in_charge=Person.objects.get(user=court_reporter),
        last_reported_on=D(2024, 4, 1),
    )
    measure.refresh_from_db()
    return measure


@pytest.fixture
def a_notice(demo_round, units, office_clerk, court_reporter):
    return services.issue_notice(
        office_clerk,
        demo_round["round"],
        unit=units["court"],
        content="你院审判监督工作整改进度滞后，请说明原因并提出措施。",
        problems=[demo_round["problems"]["court"]],
        today=D(2024, 4, 1),
    )


@pytest.fixture
def replied(a_notice, court_reporter):
    return services.reply_notice(court_reporter, a_notice, "已修订审判监督制度，4月底前全面施行。")
