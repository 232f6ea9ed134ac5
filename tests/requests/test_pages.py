"""The pages: the unit asks from the measure's card on the problem page, the office decides
from the round's list or the request's page, and the ledger shows the approved deadline
beside the committed one."""

import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.requests.conftest import ask, ask_change, in_days
from zhenggai.ledger import services as ledger
from zhenggai.ledger.models import Measure
from zhenggai.requests.models import ExtensionRequest

HTMX = {"HX-Request": "true"}


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def text_of(response) -> str:
    page = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html.unescape(page))


def test_the_lead_unit_finds_the_buttons_on_its_measure(measure, court_reporter, police_reporter):
    url = reverse("ledger:problem_detail", args=[measure.problem_id])

    page = logged_in(court_reporter).get(url).content.decode()
    assert reverse("requests:extension_create", args=[measure.pk]) in page
    assert "申请变更措施" in page

    police = logged_in(police_reporter).get(
        reverse("ledger:problem_detail", args=[measure.problem_id])
    )
    assert "申请延期" not in police.content.decode()


def test_the_unit_asks_in_the_card_and_the_card_shows_the_open_request(measure, court_reporter):
    court = logged_in(court_reporter)
    url = reverse("requests:extension_create", args=[measure.pk])

    form = court.get(url, headers=HTMX)
    assert form.content.decode().lstrip().startswith("<form")
    assert "现在的完成时限：2023-12-31" in text_of(form).replace(" ", "")

    response = court.post(
        url, {"new_deadline": in_days(45).isoformat(), "reason": "经费待批复。"}, headers=HTMX
    )

    assert response["HX-Retarget"] == f"#measure-{measure.pk}"
    page = text_of(response)
    assert f"延期申请待审批 申请将完成时限延至 {in_days(45):%Y-%m-%d}" in page
    assert "申请延期" not in page.replace("延期申请待审批", "")
    assert ExtensionRequest.objects.get().new_deadline == in_days(45)


def test_without_htmx_the_form_is_a_page_and_the_answer_a_redirect(measure, court_reporter):
    court = logged_in(court_reporter)
    url = reverse("requests:change_create", args=[measure.pk])
    assert "<h1>变更申请：措施 1-1.1</h1>" in court.get(url).content.decode()

    response = court.post(
        url,
        {"text": "按季度学习并考核。", "kind": "time_bound", "deliverable": "", "reason": "细化。"},
    )

    assert response.status_code == 302
    assert response["Location"].endswith(f"#measure-{measure.pk}")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2024-02-30", "请填写有效的日期，例如 2024-06-30。"),
        ("明年三月", "请填写有效的日期，例如 2024-06-30。"),
        ("", "请填写日期。"),
        ("2023-12-01", "新的完成时限应晚于现在的完成时限（2023-12-31）。"),
        ("2024-06-30", "新的完成时限不能早于今天"),
        ("9999-12-31", "一次延期不能超过一年，最晚可申请延至"),
    ],
)
def test_a_bad_date_is_explained_and_the_reason_kept(measure, court_reporter, value, message):
    response = logged_in(court_reporter).post(
        reverse("requests:extension_create", args=[measure.pk]),
        {"new_deadline": value, "reason": "经费待批复。"},
        headers=HTMX,
    )

    assert response.status_code == 200
    assert message in text_of(response)
    assert "经费待批复。" in response.content.decode()
    assert not ExtensionRequest.objects.exists()


def test_an_empty_or_huge_reason_is_explained(measure, court_reporter):
    court = logged_in(court_reporter)
    url = reverse("requests:extension_create", args=[measure.pk])
    date = in_days(30).isoformat()

    assert "请填写申请延期的理由。" in text_of(
        court.post(url, {"new_deadline": date, "reason": "   "}, headers=HTMX)
    )
    assert "申请延期的理由不能超过 2000 个字。" in text_of(
        court.post(url, {"new_deadline": date, "reason": "理" * 100_000}, headers=HTMX)
    )
    assert not ExtensionRequest.objects.exists()


def test_someone_outside_the_lead_unit_gets_the_reason(measures, police_reporter):
    response = logged_in(police_reporter).get(
        reverse("requests:extension_create", args=[measures["shared"].pk])
    )
    assert response.status_code == 403
    assert "只有该措施牵头单位的填报人可以提出延期申请。" in text_of(response)


def test_the_round_home_counts_what_waits_and_the_list_shows_it(
    demo_round, measure, court_reporter, office_clerk
):
    ask(court_reporter, measure, days=45)
    ask_change(court_reporter, measure, text="按季度学习并考核。")
    office = logged_in(office_clerk)

    home = office.get(reverse("ledger:round_home", args=[demo_round["round"].pk]))
    assert "延期和变更申请 2" in text_of(home)

    listing = text_of(office.get(reverse("requests:round_requests", args=[demo_round["round"].pk])))
    assert "待我审批 2 份" in listing
    assert f"完成时限 2023-12-31 {in_days(45):%Y-%m-%d}" in listing
    assert "整改措施 措施" in listing and "按季度学习并考核。" in listing


def test_the_office_approves_from_the_list_and_the_ledger_shows_both_dates(
    demo_round, measure, court_reporter, office_clerk
):
    request = ask(court_reporter, measure, days=45)
    office = logged_in(office_clerk)

    response = office.post(
        reverse("requests:extensions_approve", args=[request.pk]),
        {"note": "同意。", "version": "1"},
        headers=HTMX,
    )

    page = text_of(response)
    assert response.content.decode().lstrip().startswith('<article class="card request"')
    assert "已批准，措施已按申请调整。" in page and "已批准 · 王文书" in page
    ledger_page = office.get(
        reverse("ledger:ledger", args=[demo_round["round"].pk]), {"view": "measures"}
    )
    shown = text_of(ledger_page).replace(" ", "")
    assert f"{in_days(45):%Y-%m-%d}（原定2023-12-31，已延期）" in shown


def test_a_refusal_without_a_reason_is_explained_in_place(measure, court_reporter, office_clerk):
    request = ask(court_reporter, measure)

    response = logged_in(office_clerk).post(
        reverse("requests:extensions_refuse", args=[request.pk]), {"note": ""}, headers=HTMX
    )

    assert "请填写不予批准的理由。" in text_of(response)
    assert ExtensionRequest.objects.get().status == "pending"


def test_the_change_page_shows_the_measure_now_beside_what_is_asked(
    measure, court_reporter, office_clerk
):
    request = ask_change(court_reporter, measure, text="按季度学习并考核。", kind="ongoing")

    page = text_of(
        logged_in(office_clerk).get(reverse("requests:changes_detail", args=[request.pk]))
    )

    assert f"整改措施 {measure.text} 按季度学习并考核。" in page
    assert "类型 限期整改 长期坚持" in page
    assert "成果形式 学习计划、会议记录 不变" in page
    assert "批准" in page and "不予批准" in page


def test_an_approval_on_a_measure_changed_since_shows_what_changed(
    measure, court_reporter, office_clerk, leader
):
    request = ask(court_reporter, measure)
    ledger.update_measure(office_clerk, measure, deliverable="专题学习记录", version=1)

    response = logged_in(leader).post(
        reverse("requests:extensions_approve", args=[request.pk]), {"note": "", "version": "1"}
    )

    page = text_of(response)
    assert "您打开这个措施之后，王文书修改了它" in page
    assert "成果形式改为“专题学习记录”" in page
    assert 'name="version" value="2"' in response.content.decode()
    assert Measure.objects.get(pk=measure.pk).deadline.isoformat() == "2023-12-31"


def test_a_unit_reads_its_request_but_may_not_decide(measure, court_reporter, police_reporter):
    request = ask(court_reporter, measure)
    url = reverse("requests:extensions_detail", args=[request.pk])

    court = logged_in(court_reporter)
    page = text_of(court.get(url))
    assert "撤回延期申请" in page and "不予批准" not in page
    approve = court.post(reverse("requests:extensions_approve", args=[request.pk]), {"version": 1})
    assert approve.status_code == 403

    assert logged_in(police_reporter).get(url).status_code == 404


def test_the_unit_withdraws_its_request(measure, court_reporter):
    request = ask(court_reporter, measure)

    response = logged_in(court_reporter).post(
        reverse("requests:extensions_withdraw", args=[request.pk])
    )

    assert response.status_code == 302
    assert ExtensionRequest.objects.get().status == "withdrawn"
