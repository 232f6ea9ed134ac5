"""A round whose every figure is known, and readers for the dashboard's tables.

The round (office: the 政法委; feedback 90 days ago, concentrated period over, so the
30-day rhythm applies) has four problems and seven measures:

- P1, category 1, court, 周书记:
  m1 court, closed 20 days ago after an on-site verification;
  m2 tribunal, in progress, 10 days overdue (red), last report 40 days ago (silent),
  reopened as a rebound.
- P2, category 1, police, 刘局长:
  m3 police, done and awaiting verification, reported 3 days ago;
  m4 station, not started, never reported, entered 60 days ago (silent).
- P3, category 2, court, 周书记, closed without a mechanism:
  m5 court, closed 5 days ago on a briefing alone;
  m6 tribunal, ongoing, last report 50 days ago (silent), never verified.
- P4, category 2, police, 刘局长, closed with a mechanism:
  m7 station, closed 2 days ago after an on-site verification.
"""

import datetime
import re

import lxml.html
import pytest
from django.utils import timezone

from tests.factories import (
    CategoryFactory,
    MeasureFactory,
    PersonFactory,
    ProblemFactory,
    RoundFactory,
)
from zhenggai.carryout.models import Reopening, Verification
from zhenggai.ledger.models import Measure
from zhenggai.ledger.queries import today
from zhenggai.mechanisms.models import Mechanism

S = Measure


def days_ago(n: int) -> datetime.date:
    return today() - datetime.timedelta(days=n)


@pytest.fixture
def police_chief(units):
    return PersonFactory(unit=units["police"], name="刘局长", title="局长", is_leader=True)


@pytest.fixture
def known_round(units, office_clerk, leader, police_chief):
    return build_known_round(units, office_clerk, leader.person, police_chief)


def build_known_round(units, office_clerk, secretary, police_chief) -> dict:
    round_ = RoundFactory(
        office=units["committee"],
        name="省委第五巡视组反馈意见整改",
        feedback_date=days_ago(90),
        rectification_deadline=days_ago(30),
        report_deadline=days_ago(30),
    )
    first = CategoryFactory(round=round_, number=1, title="贯彻落实党中央决策部署方面")
    second = CategoryFactory(round=round_, number=2, title="落实全面从严治党责任方面")

    def problem(number, category, unit, person, status="in_progress"):
        return ProblemFactory(
            round=round_,
            category=category,
            number=number,
            lead_unit=units[unit],
            lead_leader=person,
            status=status,
        )

    def measure(problem_, number, unit, status, deadline=30, reported=None, closed=None):
        return MeasureFactory(
            problem=problem_,
            number=number,
            lead_unit=units[unit],
            status=status,
            deadline=today() + datetime.timedelta(days=deadline),
            last_reported_on=days_ago(reported) if reported is not None else None,
            closed_on=days_ago(closed) if closed is not None else None,
        )

    p1 = problem(1, first, "court", secretary)
    p2 = problem(2, first, "police", police_chief)
    p3 = problem(1, second, "court", secretary, status="closed")
    p4 = problem(2, second, "police", police_chief, status="closed")
    m = {
        "m1": measure(p1, 1, "court", "closed", deadline=-25, reported=25, closed=20),
        "m2": measure(p1, 2, "tribunal", "in_progress", deadline=-10, reported=40),
        "m3": measure(p2, 1, "police", "done_pending", deadline=10, reported=3),
        "m4": measure(p2, 2, "station", "not_started", deadline=30),
        "m5": measure(p3, 1, "court", "closed", deadline=-6, reported=6, closed=5),
        "m6": measure(p3, 2, "tribunal", "ongoing", reported=50, closed=5),
        "m7": measure(p4, 1, "station", "closed", deadline=-3, reported=2, closed=2),
    }
    Measure.objects.filter(pk=m["m4"].pk).update(
        created_at=timezone.now() - datetime.timedelta(days=60)
    )

    def verify(measure_, methods, result="pass"):
        Verification.objects.create(
            measure=measure_,
            methods=methods,
            verifier=office_clerk,
            verified_on=days_ago(20),
            findings="核查情况",
            result=result,
        )

    verify(m["m1"], ["document_review", "on_site"])
    verify(m["m2"], ["on_site"], result="fail")
    verify(m["m5"], ["briefing"])
    verify(m["m7"], ["on_site", "interview"])
    Reopening.objects.create(
        measure=m["m2"],
        reason="整改后问题再次出现",
        is_rebound=True,
        previous_status="closed",
        previously_closed_on=days_ago(60),
        reopened_by=office_clerk,
    )
    mechanism = Mechanism.objects.create(
        name="基层派出所执法规范化工作规则",
        kind=Mechanism.Kind.RULE,
        issuing_unit=units["police"],
        issued_on=days_ago(2),
        created_by=office_clerk,
    )
    mechanism.problems.add(p4)
    return {"round": round_, "categories": (first, second), "problems": (p1, p2, p3, p4), **m}


def page(response) -> lxml.html.HtmlElement:
    assert response.status_code == 200, response.content[:500]
    return lxml.html.fromstring(response.content.decode())


def _numbers(element) -> list[float]:
    return [float(n) for n in re.findall(r"\d+(?:\.\d+)?", element.text_content())]


def figures_table(response, table_id: str) -> dict[str, list[int]]:
    """A figure table as {row label: [its numbers]}, as a person reads it: each count, and
    after it its rate in percent where it has one."""
    rows = page(response).xpath(f'//table[@data-table="{table_id}"]/tbody/tr')
    return {
        (row.xpath("th/a/text()") or row.xpath("th/text()"))[0]: [
            n for cell in row.xpath("td") for n in _numbers(cell)
        ]
        for row in rows
    }


def tile(response, name: str) -> int:
    return int(page(response).xpath(f'//a[@id="tile-{name}"]/strong/text()')[0])


def ledger_links(response) -> set[tuple[str, int]]:
    """Every figure that links to a ledger list, as (link, the number shown)."""
    found = set()
    for link in page(response).xpath('//a[contains(@href, "/ledger/?")]'):
        shown = (link.xpath("strong/text()") or [link.text or ""])[0].strip()
        if shown.isdigit():
            found.add((link.get("href"), int(shown)))
    return found


def ledger_count(response) -> int:
    text = response.content.decode()
    return int(re.search(r"共 (\d+) 条", text)[1])
