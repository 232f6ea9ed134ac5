"""A stale save on the edit pages: the form comes back beside itself with who changed what,
keeps what the person typed, takes the other person's change of the fields the person left
alone, and saves on the second try without undoing anybody's work."""

import datetime
import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.ledger.test_round_settings import form_data
from zhenggai.ledger import services
from zhenggai.ledger.forms import MeasureForm, ProblemForm
from zhenggai.ledger.models import Measure, Problem

HTMX = {"HX-Request": "true"}


@pytest.fixture
def measure(demo_round):
    return demo_round["problems"]["court"].measures.get(number=1)


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def measure_form(measure: Measure, by, **changes) -> dict:
    """What the inline form posts when `by` opened it on `measure` and typed `changes`."""
    form = MeasureForm(instance=measure, problem=measure.problem, user=by)
    data = {name: form[name].value() for name in form.fields}
    data.update(changes)
    return {k: ("" if v is None else v) for k, v in data.items() if k != "cooperating_units"}


def text_of(response) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))


def field_value(response, name: str) -> str:
    page = response.content.decode()
    found = re.search(
        rf'<(?:input|textarea)[^>]*name="{name}"[^>]*?(?:value="([^"]*)"[^>]*)?>', page
    )
    if name == "text":
        found = re.search(r'<textarea[^>]*name="text"[^>]*>\s*(.*?)</textarea>', page, re.S)
    return html.unescape(found.group(1) or "")


def test_a_stale_inline_edit_is_refused_beside_the_form(measure, office_clerk, colleague):
    opened = measure_form(measure, colleague)
    services.update_measure(office_clerk, measure, deliverable="审判管理通报", version=1)

    response = logged_in(colleague).post(
        reverse("ledger:measure_edit", args=[measure.pk]),
        {**opened, "text": "按季度开展专题学习并通报。"},
        headers=HTMX,
    )

    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith("<form")
    page = text_of(response)
    assert "您打开这个措施之后，王文书修改了它，您的修改没有保存。" in page
    assert "王文书 修改措施：成果形式改为“审判管理通报”" in page
    assert "您没有改动的成果形式已换成对方修改后的内容。" in page
    assert field_value(response, "text") == "按季度开展专题学习并通报。"
    assert field_value(response, "deliverable") == "审判管理通报"
    assert field_value(response, "version") == "2"
    assert Measure.objects.get(pk=measure.pk).text == measure.text


def test_saving_again_keeps_both_peoples_changes(measure, office_clerk, colleague):
    opened = measure_form(measure, colleague)
    services.update_measure(office_clerk, measure, deliverable="审判管理通报", version=1)
    court = logged_in(colleague)
    url = reverse("ledger:measure_edit", args=[measure.pk])
    typed = {**opened, "text": "按季度开展专题学习并通报。"}
    refused = court.post(url, typed, headers=HTMX)

    again = {
        **typed,
        "deliverable": field_value(refused, "deliverable"),
        "version": field_value(refused, "version"),
    }
    response = court.post(url, again, headers=HTMX)

    assert response.status_code == 200 and "修改了它" not in text_of(response)
    saved = Measure.objects.get(pk=measure.pk)
    assert (saved.text, saved.deliverable, saved.version) == (
        "按季度开展专题学习并通报。",
        "审判管理通报",
        3,
    )


def test_a_field_both_changed_keeps_what_this_person_typed(measure, office_clerk, colleague):
    opened = measure_form(measure, colleague)
    services.update_measure(office_clerk, measure, deadline=datetime.date(2024, 2, 29), version=1)

    response = logged_in(colleague).post(
        reverse("ledger:measure_edit", args=[measure.pk]),
        {**opened, "deadline": "2024-03-29"},
        headers=HTMX,
    )

    page = text_of(response)
    assert "完成时限改为“2024-02-29”" in page
    assert "完成时限您和对方都改动了：下面保留的是您填写的内容，请核对。" in page
    assert 'name="deadline" value="2024-03-29"' in response.content.decode()
    assert Measure.objects.get(pk=measure.pk).deadline == datetime.date(2024, 2, 29)


def test_a_stale_problem_edit_is_refused_on_its_page(demo_round, office_clerk, leader):
    problem = demo_round["problems"]["police"]
    form = ProblemForm(instance=problem, round_=problem.round, user=office_clerk)
    opened = {name: form[name].value() or "" for name in form.fields}
    services.update_problem(leader, problem, is_key=True, version=1)

    response = logged_in(office_clerk).post(
        reverse("ledger:problem_edit", args=[problem.pk]), {**opened, "text": "问题重述。"}
    )

    assert response.status_code == 200
    page = text_of(response)
    assert "您打开这个问题之后，周书记修改了它" in page
    assert "周书记 修改问题：重点问题改为“是”" in page
    assert 'name="is_key" id="id_is_key" checked' in response.content.decode()
    assert Problem.objects.get(pk=problem.pk).text == problem.text


def test_a_stale_round_edit_is_refused_on_its_page(demo_round, office_clerk, leader):
    round_ = demo_round["round"]
    opened = form_data(round_, due_soon_workdays=8)
    services.update_round(leader, round_, rhythm_days=14, version=1)

    response = logged_in(office_clerk).post(reverse("ledger:round_edit", args=[round_.pk]), opened)

    assert response.status_code == 200
    assert "周书记 修改轮次：集中整改期报送周期（天）改为“14”" in text_of(response)
    assert 'name="rhythm_days" value="14"' in response.content.decode()
    round_.refresh_from_db()
    assert (round_.rhythm_days, round_.due_soon_workdays) == (14, 5)


@pytest.mark.parametrize("version", [None, "", "abc", "0", "-1", "99999999999999"])
def test_a_form_without_a_good_version_saves_nothing(measure, office_clerk, version):
    data = measure_form(measure, office_clerk, text="无版本的修改")
    if version is None:
        data.pop("version")
    else:
        data["version"] = version

    response = logged_in(office_clerk).post(
        reverse("ledger:measure_edit", args=[measure.pk]), data, headers=HTMX
    )

    assert response.status_code == 200
    assert "页面缺少版本信息，可能已经过期：请刷新页面后重新修改。" in text_of(response)
    assert Measure.objects.get(pk=measure.pk).text == measure.text
