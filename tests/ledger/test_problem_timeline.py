"""A problem's 操作记录: every event in the order it happened, with who and when. The problem
page shows the newest fifty, oldest of them first, and links to the full record, which is
paged a hundred at a time and scoped like the problem itself."""

import datetime
import html
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from zhenggai.ledger import services
from zhenggai.ledger.models import Event

START = datetime.datetime(2024, 3, 1, 9, 0)
EVERY_PROBLEM_KIND = [kind for kind in Event.Kind if not kind.startswith("round_")]
TOTAL = 130
ENTRY = re.compile(
    r'<li><time datetime="[^"]+">([^<]+)</time> (\S+) (.*?)</li>',
    re.S,
)


@pytest.fixture
def office(client, office_clerk):
    client.force_login(office_clerk)
    return client


@pytest.fixture
def history(demo_round, office_clerk, court_reporter):
    """The court problem with one event of every kind, by the office, the court or the
    system in turn, then daily reminders up to TOTAL events. The rows are dated in the
    reverse of the order they were written, so that only ordering by time passes."""
    problem = demo_round["problems"]["court"]
    measure = problem.measures.get(number=1)
    actors = [office_clerk, court_reporter, None]
    kinds = EVERY_PROBLEM_KIND + [Event.Kind.REMINDED] * (TOTAL - len(EVERY_PROBLEM_KIND))
    events = []
    for i, kind in enumerate(kinds):
        about = measure if i % 2 else None
        event = services.record(kind, problem.round, actors[i % 3], problem=problem, measure=about)
        events.append(event)
    for minutes, event in enumerate(reversed(events)):
        at = timezone.make_aware(START + datetime.timedelta(hours=minutes))
        Event.objects.filter(pk=event.pk).update(at=at)
    return problem


def entries(response) -> list[tuple[str, str, str]]:
    """The timeline as a person reads it: (time, who, what) per line."""
    assert response.status_code == 200
    page = response.content.decode()
    timeline = page[page.index('class="timeline"') :]
    return [tuple(html.unescape(part) for part in m) for m in ENTRY.findall(timeline)]


def expected(problem) -> list[tuple[str, str, str]]:
    rows = []
    for event in problem.events.select_related("actor__person", "measure").order_by("at", "pk"):
        who = event.actor.person.name if event.actor else "系统"
        what = event.get_kind_display() + (" 措施 1-1.1" if event.measure else "")
        rows.append((timezone.localtime(event.at).strftime("%Y-%m-%d %H:%M"), who, what))
    return rows


def timeline_url(problem, page=None):
    url = reverse("ledger:problem_timeline", args=[problem.pk])
    return f"{url}?page={page}" if page else url


def test_the_full_timeline_shows_every_event_in_order_with_who_and_when(office, history):
    shown = entries(office.get(timeline_url(history))) + entries(
        office.get(timeline_url(history, 2))
    )
    assert len(shown) == TOTAL == history.events.count()
    assert shown == expected(history)
    assert [time for time, _, _ in shown] == sorted(time for time, _, _ in shown)
    assert shown[0] == ("2024-03-01 09:00", "王文书", "催办 措施 1-1.1")
    assert shown[-1] == ("2024-03-06 18:00", "王文书", "新增问题")
    assert {who for _, who, _ in shown} == {"王文书", "陈法官", "系统"}
    labels = {what.removesuffix(" 措施 1-1.1") for _, _, what in shown}
    assert labels == {kind.label for kind in EVERY_PROBLEM_KIND}
    for label in [
        "新增问题",
        "认领",
        "提交进展",
        "催办",
        "下发督办单",
        "核查通过",
        "销号",
        "重新打开",
    ]:
        assert label in labels


def test_the_timeline_is_paged_a_hundred_at_a_time(office, history):
    first = office.get(timeline_url(history))
    assert len(entries(first)) == 100
    page = first.content.decode()
    assert "共 130 条，按时间先后排列；本页为第 1–100 条。" in page
    assert "第 1 / 2 页" in page
    assert 'href="?page=2" rel="next"' in page
    assert len(entries(office.get(timeline_url(history, 2)))) == 30


@pytest.mark.parametrize("page,count", [("999", 30), ("abc", 100), ("-5", 30), ("1" * 30, 30)])
def test_a_page_number_out_of_range_shows_the_nearest_page(office, history, page, count):
    assert len(entries(office.get(timeline_url(history, page)))) == count


def test_the_problem_page_shows_the_newest_fifty_oldest_first_and_links_to_all(office, history):
    response = office.get(reverse("ledger:problem_detail", args=[history.pk]))
    assert entries(response) == expected(history)[-50:]
    page = response.content.decode()
    assert "共 130 条，这里按时间先后列出最近的 50 条。" in page
    assert f'<a href="{timeline_url(history)}">查看全部 130 条记录</a>' in page


def test_a_problem_with_few_events_shows_them_all_without_a_link(office, demo_round, leader):
    problem = demo_round["problems"]["police"]
    services.claim_problem(leader, problem, note="由政法委牵头")
    response = office.get(reverse("ledger:problem_detail", args=[problem.pk]))
    [(_, who, what)] = entries(response)
    assert (who, what) == ("周书记", "认领")
    assert "查看全部" not in response.content.decode()


def test_edits_made_on_the_pages_are_on_the_timeline_with_before_and_after(
    office, demo_round, units
):
    problem = demo_round["problems"]["court"]
    measure = problem.measures.get(number=1)
    response = office.post(
        reverse("ledger:problem_edit", args=[problem.pk]),
        {
            "category": problem.category_id,
            "text": "审判执行工作存在短板。",
            "source": problem.source,
            "lead_unit": units["court"].pk,
            "version": problem.version,
        },
    )
    assert response.status_code == 302
    response = office.post(
        reverse("ledger:measure_edit", args=[measure.pk]),
        {
            "text": measure.text,
            "kind": measure.kind,
            "deadline": "2024-06-28",
            "deliverable": measure.deliverable,
            "status": "in_progress",
            "lead_unit": units["court"].pk,
            "version": measure.version,
        },
    )
    assert response.status_code == 302
    problem_edit = Event.objects.get(kind=Event.Kind.PROBLEM_UPDATED)
    assert problem_edit.changes["text"] == [problem.text, "审判执行工作存在短板。"]
    measure_edit = Event.objects.get(kind=Event.Kind.MEASURE_UPDATED)
    assert measure_edit.changes["deadline"] == ["2023-12-31", "2024-06-28"]
    assert measure_edit.changes["status"] == ["not_started", "in_progress"]
    shown = entries(office.get(timeline_url(problem)))
    assert [(who, what) for _, who, what in shown] == [
        ("王文书", "修改问题"),
        ("王文书", "修改措施 措施 1-1.1"),
    ]


ROLES = ["office_clerk", "court_reporter", "tribunal_reporter", "police_reporter", "outsider"]


@pytest.mark.parametrize(
    "which,codes",
    [
        ("court", [200, 200, 404, 200, 404]),
        ("tribunal", [200, 200, 200, 404, 404]),
        ("police", [200, 404, 404, 200, 404]),
    ],
)
@pytest.mark.parametrize("role_index,role", list(enumerate(ROLES)))
def test_the_timeline_is_scoped_like_the_problem_page(
    client, request, demo_round, which, codes, role_index, role
):
    client.force_login(request.getfixturevalue(role))
    problem = demo_round["problems"][which]
    detail = client.get(reverse("ledger:problem_detail", args=[problem.pk]))
    timeline = client.get(timeline_url(problem))
    assert timeline.status_code == detail.status_code == codes[role_index]


def test_an_outsider_gets_404_and_sees_nothing(client, history, outsider):
    client.force_login(outsider)
    response = client.get(timeline_url(history))
    assert response.status_code == 404
    assert "催办" not in response.content.decode()


def test_a_visitor_who_is_not_logged_in_is_sent_to_the_login_page(client, history):
    response = client.get(timeline_url(history))
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_the_timeline_queries_are_bounded(office, history, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        assert len(entries(office.get(timeline_url(history)))) == 100


def test_the_problem_page_queries_stay_bounded_with_many_events(
    office, history, django_assert_max_num_queries
):
    with django_assert_max_num_queries(18):
        assert len(entries(office.get(reverse("ledger:problem_detail", args=[history.pk])))) == 50


def test_a_unit_sees_no_events_about_measures_it_may_not_see(
    client, demo_round, office_clerk, police_reporter
):
    """The police cooperate (through their station) on the court problem's second measure
    only: they see the problem and that measure's history, not the first measure's."""
    problem = demo_round["problems"]["court"]
    services.update_measure(
        office_clerk, problem.measures.get(number=1), text="法院内部细节", version=1
    )
    services.update_measure(office_clerk, demo_round["shared"], text="与派出所共同推进", version=1)

    def lines(user) -> list[str]:
        client.force_login(user)
        url = reverse("ledger:problem_timeline", args=[problem.pk])
        page = html.unescape(client.get(url).content.decode())
        return [line for line in re.findall(r"<li><time.*?</li>", page) if "修改措施" in line]

    assert len(lines(office_clerk)) == 2
    (seen,) = lines(police_reporter)
    assert "措施 1-1.2" in seen
