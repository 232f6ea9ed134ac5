"""A page that policy refuses answers 403 with the reason in Chinese, never a redirect that
hides it: claiming a problem, replying to, closing or returning a notice, and a report or a
verification the service refuses after the form was opened (which keeps what was typed).
Through htmx the same 403 carries the reason where the page's error handler finds it."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from tests.carryout.conftest import close
from tests.factories import VerificationGroupFactory
from tests.supervision import conftest as notices
from zhenggai.carryout import services as carryout
from zhenggai.carryout.models import Verification
from zhenggai.ledger.models import Claim
from zhenggai.ledger.services import claim_problem
from zhenggai.rules.closeout import REPORTS_FOR
from zhenggai.supervision.models import SupervisionNotice

REASON = "data-error-reason>"


# The court's answered notice to the office, as the supervision tests make it.
a_notice, replied = notices.a_notice, notices.replied


def refused(client, user, url, data, *, htmx=False):
    client.force_login(user)
    headers = {"HX-Request": "true"} if htmx else {}
    response = client.post(url, data, headers=headers)
    assert response.status_code == 403, (url, response.status_code)
    return response.content.decode()


@pytest.mark.parametrize("htmx", [False, True])
def test_claiming_twice_is_refused_with_the_reason(client, demo_round, leader, htmx):
    problem = demo_round["problems"]["court"]
    claim_problem(leader, problem)
    url = reverse("ledger:problem_claim", args=[problem.pk])
    page = refused(client, leader, url, {"note": "再认领一次"}, htmx=htmx)
    assert f"{REASON}您已经认领过这个问题。" in page
    assert Claim.objects.filter(problem=problem).count() == 1


def test_a_verifier_may_not_claim(client, demo_round, verifier):
    problem = demo_round["problems"]["court"]
    url = reverse("ledger:problem_claim", args=[problem.pk])
    page = refused(client, verifier, url, {"note": ""})
    assert "只有本轮的领导、整改办和责任单位可以认领问题。" in page
    assert not Claim.objects.exists()


def test_neither_the_office_nor_the_unit_again_may_reply(client, replied, office_clerk):
    url = reverse("supervision:notice_reply", args=[replied.pk])
    page = refused(client, office_clerk, url, {"reply": "代为回复"})
    assert "该督办单已经回复过" in page
    assert SupervisionNotice.objects.get().reply == "已修订审判监督制度，4月底前全面施行。"


def test_the_unit_may_not_close_or_return_its_own_notice(client, replied, court_reporter):
    close = reverse("supervision:notice_close", args=[replied.pk])
    page = refused(client, court_reporter, close, {"note": "自己办结"})
    assert "只有本轮整改牵头单位（整改办、督查室）的用户可以催办、下发或办结督办单" in page
    back = reverse("supervision:notice_return", args=[replied.pk])
    later = timezone.localdate() + datetime.timedelta(days=10)
    refused(client, court_reporter, back, {"reason": "自己退回", "reply_deadline": later})
    assert SupervisionNotice.objects.get().status == "replied"


def test_a_report_refused_by_the_service_answers_403_and_keeps_the_text(
    client, monkeypatch, demo_round, court_reporter
):
    court_measure = demo_round["problems"]["court"].measures.get(number=1)

    def refuse(*args, **kwargs):
        raise PermissionDenied("您已不再是该措施牵头单位的填报人，不能报送进展。")

    monkeypatch.setattr(carryout, "submit_report", refuse)
    url = reverse("carryout:report_create", args=[court_measure.pk])
    data = {"as_of": "2023-10-20", "text": "已召开专题会议。", "status": "in_progress"}
    page = refused(client, court_reporter, url, data)
    assert "您已不再是该措施牵头单位的填报人，不能报送进展。" in page
    assert "已召开专题会议。" in page


def test_a_whole_problem_check_by_its_own_units_reporter_answers_403(
    client, demo_round, court_reporter, tribunal_reporter, office_clerk
):
    """A tribunal reporter in the round's group passes the door (the group checks whole
    problems) and is refused by the close-out rule when it submits: its unit did the work."""
    problem = demo_round["problems"]["tribunal"]
    close(problem.measures.get(number=1), court_reporter, office_clerk)
    VerificationGroupFactory(round=problem.round, members=[tribunal_reporter])
    url = reverse("carryout:problem_verify", args=[problem.pk])
    data = {
        "methods": ["spot_check", "visit_public"],
        "verified_on": "2023-10-20",
        "findings": "抽查了本法庭的案卷。",
        "result": "pass",
    }
    assert REPORTS_FOR in refused(client, tribunal_reporter, url, data)
    assert not Verification.objects.filter(problem=problem).exists()
