"""Supervision notices: numbering, the reply deadline, who sees them, replying."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from zhenggai.ledger.models import Event
from zhenggai.supervision import policy, services
from zhenggai.supervision.models import Notification, SupervisionNotice

D = datetime.date
MONDAY = D(2026, 3, 2)


def issue(office_clerk, demo_round, unit, today=MONDAY, **values):
    values.setdefault("content", "请说明整改进度滞后的原因。")
    return services.issue_notice(
        office_clerk, demo_round["round"], unit=unit, today=today, **values
    )


def test_notices_are_numbered_per_round_and_year(demo_round, units, office_clerk):
    first = issue(office_clerk, demo_round, units["court"])
    second = issue(office_clerk, demo_round, units["police"])
    next_year = issue(office_clerk, demo_round, units["court"], today=D(2027, 1, 5))
    assert [first.number, second.number, next_year.number] == [
        "督办〔2026〕1号",
        "督办〔2026〕2号",
        "督办〔2027〕1号",
    ]


def test_a_number_can_be_chosen_and_the_next_one_skips_it(demo_round, units, office_clerk):
    issue(office_clerk, demo_round, units["court"], number="督办〔2026〕2号")
    assert issue(office_clerk, demo_round, units["court"]).number == "督办〔2026〕3号"


def test_a_number_taken_in_the_round_is_refused(demo_round, units, office_clerk):
    issue(office_clerk, demo_round, units["court"], number="政法督〔2026〕1号")
    with pytest.raises(ValidationError, match="已有相同编号"):
        issue(office_clerk, demo_round, units["police"], number="政法督〔2026〕1号")


def test_the_reply_deadline_defaults_to_five_working_days_past_the_holiday(
    demo_round, units, office_clerk
):
    # Issued on the Friday before National Day 2024: 09-29 (make-up Sunday), 09-30, then
    # 10-08, 10-09, 10-10.
    notice = issue(office_clerk, demo_round, units["court"], today=D(2024, 9, 27))
    assert notice.reply_deadline == D(2024, 10, 10)


def test_a_reply_deadline_before_the_issue_date_is_refused(demo_round, units, office_clerk):
    with pytest.raises(ValidationError, match="回复期限不能早于下发日期"):
        issue(office_clerk, demo_round, units["court"], reply_deadline=D(2026, 3, 1))


def test_an_empty_content_is_refused(demo_round, units, office_clerk):
    with pytest.raises(ValidationError, match="请填写督办事项"):
        issue(office_clerk, demo_round, units["court"], content="   ")


def test_only_the_office_issues_notices(demo_round, units, court_reporter):
    with pytest.raises(PermissionDenied, match="整改牵头单位"):
        issue(court_reporter, demo_round, units["tribunal"])


def test_issuing_tells_the_unit_and_goes_on_the_cited_problems_timeline(
    a_notice, demo_round, court_reporter, tribunal_reporter
):
    assert Notification.objects.get(recipient=court_reporter).title == f"督办单：{a_notice.number}"
    assert not Notification.objects.filter(recipient=tribunal_reporter).exists()
    event = Event.objects.get(kind=Event.Kind.NOTICE_ISSUED)
    assert event.problem == demo_round["problems"]["court"]
    assert event.changes["notice"] == [None, a_notice.number]


def test_the_court_sees_notices_to_itself_and_its_tribunals_not_the_polices(
    demo_round, units, office_clerk, court_reporter, tribunal_reporter, police_reporter
):
    to = {key: issue(office_clerk, demo_round, units[key]) for key in ("court", "tribunal")}
    to["police"] = issue(office_clerk, demo_round, units["police"])

    def seen(user):
        return set(policy.notices_visible_to(user).values_list("pk", flat=True))

    assert seen(court_reporter) == {to["court"].pk, to["tribunal"].pk}
    assert seen(tribunal_reporter) == {to["tribunal"].pk}
    assert seen(police_reporter) == {to["police"].pk}
    assert seen(office_clerk) == {n.pk for n in to.values()}


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("office_clerk", 200),
        ("court_reporter", 200),
        ("tribunal_reporter", 404),
        ("police_reporter", 404),
        ("outsider", 404),
    ],
)
def test_the_notice_page_is_scoped(client, request, a_notice, role, status):
    client.force_login(request.getfixturevalue(role))
    assert (
        client.get(reverse("supervision:notice_detail", args=[a_notice.pk])).status_code == status
    )


def test_the_court_replies_and_the_office_is_told(a_notice, court_reporter, office_clerk):
    services.reply_notice(court_reporter, a_notice, "  已制定整改方案，本月底前完成。 ")
    notice = SupervisionNotice.objects.get()
    assert notice.status == "replied" and notice.replied_by == court_reporter
    assert notice.reply == "已制定整改方案，本月底前完成。"
    assert Notification.objects.filter(recipient=office_clerk, title__contains="已回复").exists()
    assert Event.objects.filter(kind=Event.Kind.NOTICE_REPLIED, problem__isnull=False).exists()


def test_a_second_reply_is_refused(a_notice, court_reporter):
    services.reply_notice(court_reporter, a_notice, "已整改。")
    with pytest.raises(PermissionDenied, match="已经回复过"):
        services.reply_notice(court_reporter, a_notice, "补充说明。")


def test_the_office_does_not_reply_for_the_unit(a_notice, office_clerk):
    with pytest.raises(PermissionDenied, match="不能代为回复"):
        services.reply_notice(office_clerk, a_notice, "代回复")


def test_an_empty_reply_is_refused(a_notice, court_reporter):
    with pytest.raises(ValidationError, match="请填写回复内容"):
        services.reply_notice(court_reporter, a_notice, "")


def test_an_overdue_notice_can_still_be_answered(a_notice, court_reporter):
    SupervisionNotice.objects.filter(pk=a_notice.pk).update(status="overdue")
    a_notice.refresh_from_db()
    assert services.reply_notice(court_reporter, a_notice, "迟复，已整改。").status == "replied"


def test_the_issue_form_takes_problem_codes(client, office_clerk, demo_round, units):
    client.force_login(office_clerk)
    url = reverse("supervision:notice_create", args=[demo_round["round"].pk])
    page = client.get(url).content.decode()
    assert "督办〔" in page and "〕1号" in page
    response = client.post(
        url,
        {
            "number": "督办〔2026〕9号",
            "unit": units["court"].pk,
            "problem_codes": "1-1、1-2",
            "content": "请加快整改。",
            "reply_deadline": "",
        },
    )
    notice = SupervisionNotice.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/notices/{notice.pk}/")
    assert sorted(p.code for p in notice.problems.all()) == ["1-1", "1-2"]


@pytest.mark.parametrize(
    ("codes", "message"),
    [
        ("1-99", "本轮没有编号为 1-99 的问题"),
        ("一之二", "格式不对"),
        ("1-99999999999999999999", "格式不对"),
    ],
)
def test_unknown_or_malformed_problem_codes_are_explained(
    client, office_clerk, demo_round, units, codes, message
):
    client.force_login(office_clerk)
    url = reverse("supervision:notice_create", args=[demo_round["round"].pk])
    response = client.post(url, {"unit": units["court"].pk, "problem_codes": codes, "content": "x"})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SupervisionNotice.objects.exists()


def test_the_issue_form_starts_from_a_problem(client, office_clerk, demo_round, units):
    client.force_login(office_clerk)
    problem = demo_round["problems"]["tribunal"]
    url = reverse("supervision:notice_create", args=[demo_round["round"].pk])
    form = client.get(url, {"problem": problem.pk}).context["form"]
    assert form.initial["problem_codes"] == "1-2"
    assert form.initial["unit"] == units["tribunal"].pk


def test_a_unit_cannot_open_the_issue_form(client, court_reporter, demo_round):
    client.force_login(court_reporter)
    url = reverse("supervision:notice_create", args=[demo_round["round"].pk])
    assert client.get(url).status_code == 403


def test_the_list_filters_by_status_and_unit(client, office_clerk, demo_round, units):
    court = issue(office_clerk, demo_round, units["court"])
    issue(office_clerk, demo_round, units["police"])
    SupervisionNotice.objects.filter(pk=court.pk).update(status="overdue")
    client.force_login(office_clerk)
    url = reverse("supervision:notice_list", args=[demo_round["round"].pk])
    page = client.get(url, {"status": "overdue"}).content.decode()
    assert court.number in page and "〕2号" not in page
    page = client.get(url, {"unit": units["police"].pk}).content.decode()
    assert "〕2号" in page and court.number not in page
    assert "共 2 件" in client.get(url, {"unit": "9999", "status": "bogus"}).content.decode()


def test_the_reply_form_shows_an_error_and_keeps_nothing(client, a_notice, court_reporter):
    client.force_login(court_reporter)
    response = client.post(reverse("supervision:notice_reply", args=[a_notice.pk]), {"reply": ""})
    assert response.status_code == 200
    assert "这个字段是必填项" in response.content.decode()
    assert SupervisionNotice.objects.get().status == "issued"
