"""The registry on the web: register with a file, search, link, unlink, download."""

import datetime
from urllib.parse import quote

import pytest
from django.urls import reverse

from tests.mechanisms.conftest import PDF, pdf, upload
from zhenggai.ledger.models import Event
from zhenggai.mechanisms import services
from zhenggai.mechanisms.models import Mechanism

HOSTILE = [
    "<script>alert('x')</script>",
    "'; DROP TABLE mechanisms_mechanism; --",
    "长效😀🚨" * 10,
    "\u202e反转",
]


@pytest.fixture
def office(client, office_clerk):
    client.force_login(office_clerk)
    return client


def _form(demo_round, units, **values):
    return {
        "name": "专题学习督查制度",
        "kind": "rule",
        "document_number": "临法〔2023〕12号",
        "issuing_unit": units["court"].pk,
        "issued_on": "2023-11-01",
        "description": "每季度督查一次。",
        "problems": [demo_round["problems"]["court"].pk],
    } | values


def test_the_office_registers_a_mechanism_with_its_file(office, demo_round, units):
    url = reverse("mechanisms:mechanism_create", args=[demo_round["round"].pk])
    response = office.post(url, _form(demo_round, units, file=pdf()))
    mechanism = Mechanism.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("mechanisms:mechanism_detail", args=[mechanism.pk])
    page = office.get(response["Location"]).content.decode()
    assert "专题学习督查制度" in page and "下载文件（关于建立专题学习督查制度的通知.pdf）" in page
    download = office.get(reverse("mechanisms:mechanism_file", args=[mechanism.pk]))
    assert b"".join(download.streaming_content) == PDF
    disposition = download["Content-Disposition"]
    assert (
        "attachment" in disposition and quote("关于建立专题学习督查制度的通知.pdf") in disposition
    )


def test_the_form_preselects_the_problem_it_came_from(office, demo_round):
    problem = demo_round["problems"]["police"]
    url = reverse("mechanisms:mechanism_create", args=[demo_round["round"].pk])
    page = office.get(f"{url}?problem={problem.pk}&problem=abc").content.decode()
    assert f'<option value="{problem.pk}" selected>' in page


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (upload("制度.exe", b"MZ"), "文件类型不支持"),
        (upload("制度.pdf", b"<html>not a pdf</html>"), "的内容不是PDF文件"),
        (upload("制度.docx", b""), "所提交的是空文件"),
    ],
)
def test_a_bad_file_is_explained_and_nothing_is_saved(office, demo_round, units, file, message):
    url = reverse("mechanisms:mechanism_create", args=[demo_round["round"].pk])
    response = office.post(url, _form(demo_round, units, file=file))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Mechanism.objects.exists()
    assert not Event.objects.filter(kind=Event.Kind.MECHANISM_LINKED).exists()


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_names_are_saved_as_text_and_shown_escaped(office, demo_round, units, text):
    url = reverse("mechanisms:mechanism_create", args=[demo_round["round"].pk])
    response = office.post(url, _form(demo_round, units, name=text[:200], description=text))
    assert response.status_code == 302
    page = office.get(response["Location"]).content.decode()
    assert "<script>alert" not in page
    listing = office.get(reverse("mechanisms:mechanism_list", args=[demo_round["round"].pk]))
    assert listing.status_code == 200


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"issued_on": "2023-02-30"}, "输入一个有效的日期"),
        ({"issued_on": "明天"}, "输入一个有效的日期"),
        ({"kind": "forever"}, "选择一个有效的选项"),
        ({"problems": ["999999"]}, "选择一个有效的选项"),
        ({"name": "名" * 201}, "不超过 200"),
        ({"name": "带\x00空字符"}, "空字符"),
    ],
)
def test_bad_input_is_explained(office, demo_round, units, values, message):
    url = reverse("mechanisms:mechanism_create", args=[demo_round["round"].pk])
    response = office.post(url, _form(demo_round, units, **values))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Mechanism.objects.exists()


def test_a_unit_is_offered_only_its_own_problems(client, demo_round, court_reporter):
    client.force_login(court_reporter)
    url = reverse("mechanisms:mechanism_create", args=[demo_round["round"].pk])
    page = client.get(url).content.decode()
    assert demo_round["problems"]["tribunal"].title in page
    assert demo_round["problems"]["police"].title not in page


def test_the_list_searches_names_numbers_and_units(office, demo_round, units, office_clerk):
    for name, number in [("审判督查制度", "临法〔2023〕12号"), ("接处警规范", "临公〔2023〕3号")]:
        services.register_mechanism(
            office_clerk,
            demo_round["round"],
            name=name,
            kind="rule",
            document_number=number,
            issuing_unit=units["court"],
            issued_on=datetime.date(2023, 11, 1),
            problems=[demo_round["problems"]["court"]],
        )
    url = reverse("mechanisms:mechanism_list", args=[demo_round["round"].pk])
    page = office.get(url, {"q": "临公"}).content.decode()
    assert "接处警规范" in page and "审判督查制度" not in page
    partial = office.get(url, {"q": "审判"}, headers={"HX-Request": "true"}).content.decode()
    assert partial.lstrip().startswith('<section id="results"')
    assert "共 1 项" in partial


def test_linking_and_unlinking_on_the_page(office, demo_round, units, office_clerk):
    court, police = demo_round["problems"]["court"], demo_round["problems"]["police"]
    mechanism = services.register_mechanism(
        office_clerk,
        demo_round["round"],
        name="督查制度",
        kind="rule",
        issuing_unit=units["committee"],
        issued_on=datetime.date(2023, 11, 1),
        problems=[court],
    )
    office.post(reverse("mechanisms:mechanism_link", args=[mechanism.pk]), {"problem": police.pk})
    assert set(mechanism.problems.all()) == {court, police}
    office.post(reverse("mechanisms:mechanism_unlink", args=[mechanism.pk, court.pk]))
    assert list(mechanism.problems.all()) == [police]
    response = office.post(
        reverse("mechanisms:mechanism_link", args=[mechanism.pk]), {"problem": "x"}, follow=True
    )
    assert "请选择一个可以关联的问题" in response.content.decode()


def test_a_missing_file_is_a_chinese_404(office, demo_round, units, office_clerk):
    mechanism = services.register_mechanism(
        office_clerk,
        demo_round["round"],
        name="督查制度",
        kind="rule",
        issuing_unit=units["committee"],
        issued_on=datetime.date(2023, 11, 1),
        problems=[demo_round["problems"]["court"]],
    )
    response = office.get(reverse("mechanisms:mechanism_file", args=[mechanism.pk]))
    assert response.status_code == 404
