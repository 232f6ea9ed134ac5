"""举一反三 on the web: ask from a problem, answer from the inbox, review on the round page."""

import pytest
from django.urls import reverse

from tests.mechanisms.conftest import docx, upload
from zhenggai.ledger.models import Problem
from zhenggai.mechanisms import services
from zhenggai.mechanisms.models import Generalization, GeneralizationAnswer

Answer = GeneralizationAnswer.Answer


def _found(**values):
    data = {
        "answer": "found",
        "found-text": "专题学习流于形式。",
        "found-manifestations": "本庭专题学习仅传达文件。",
        "measures-TOTAL_FORMS": "3",
        "measures-INITIAL_FORMS": "0",
        "measures-MIN_NUM_FORMS": "1",
        "measures-MAX_NUM_FORMS": "10",
        "measures-0-text": "每月开展一次集中学习",
        "measures-0-kind": "time_bound",
        "measures-0-deadline": "2030-06-30",
        "measures-1-kind": "time_bound",
        "measures-2-kind": "time_bound",
    }
    return data | values


def test_the_office_asks_all_tribunals_from_the_problem(client, demo_round, office_clerk):
    client.force_login(office_clerk)
    problem = demo_round["problems"]["police"]
    url = reverse("mechanisms:generalize", args=[problem.pk])
    page = client.get(url).content.decode()
    assert "默认答复期限为 10 个工作日后" in page
    response = client.post(
        url, {"kind": "tribunal", "note": "请对照自查", "answer_deadline": "2030-01-07"}
    )
    assert response.status_code == 302
    generalization = Generalization.objects.get()
    assert [a.unit.name for a in generalization.answers.all()] == ["城东人民法庭"]
    page = client.get(response["Location"], follow=True).content.decode()
    assert "已要求 1 个单位对照问题 1-3 举一反三" in page


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({}, "请选择要求自查的单位，或选择一类单位。"),
        ({"kind": "tribunal", "answer_deadline": "2030-02-30"}, "输入一个有效的日期"),
        ({"kind": "spaceship", "answer_deadline": "2030-01-07"}, "选择一个有效的选项"),
        ({"units": ["abc"], "answer_deadline": "2030-01-07"}, "不是一个有效的值"),
        ({"kind": "tribunal", "answer_deadline": "2020-01-07"}, "答复期限不能早于今天"),
        ({"kind": "tribunal", "answer_deadline": "2030-01-07", "note": "要" * 2001}, "2000"),
    ],
)
def test_bad_asks_are_explained(client, demo_round, office_clerk, values, message):
    client.force_login(office_clerk)
    url = reverse("mechanisms:generalize", args=[demo_round["problems"]["court"].pk])
    response = client.post(url, {"answer_deadline": "2030-01-07"} | values)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Generalization.objects.exists()


def test_the_inbox_shows_a_unit_its_own_requests_only(
    client, asked, tribunal_reporter, police_reporter, office_clerk
):
    client.force_login(tribunal_reporter)
    page = client.get(reverse("mechanisms:inbox")).content.decode()
    assert "待答复（1）" in page
    assert "城西人民法庭" not in page
    client.force_login(police_reporter)
    assert "待答复（0）" in client.get(reverse("mechanisms:inbox")).content.decode()
    client.force_login(office_clerk)
    assert "待答复（0）" in client.get(reverse("mechanisms:inbox")).content.decode()


def test_the_inbox_heading_counts_what_the_list_leaves_out(client, asked, court_reporter):
    """The court's reporter answers for both tribunals below it; a list of one shows one."""
    client.force_login(court_reporter)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("zhenggai.mechanisms.views.generalizations.LIMIT", 1)
        page = client.get(reverse("mechanisms:inbox")).content.decode()
    assert "待答复（2）" in page
    assert "以下列出答复期限最早的 1 项。" in page
    links = [reverse("mechanisms:answer", args=[answer.pk]) for answer in asked.answers.all()]
    assert sum(f'href="{link}"' in page for link in links) == 1


def test_the_tribunal_answers_found_with_a_measure(client, tribunal_answer, tribunal_reporter):
    client.force_login(tribunal_reporter)
    url = reverse("mechanisms:answer", args=[tribunal_answer.pk])
    response = client.post(url, _found())
    tribunal_answer.refresh_from_db()
    problem = tribunal_answer.linked_problem
    assert response["Location"] == reverse("ledger:problem_detail", args=[problem.pk])
    assert [m.text for m in problem.measures.all()] == ["每月开展一次集中学习"]
    page = client.get(response["Location"]).content.decode()
    assert f"已列入整改台账（问题 {problem.code}）" in page


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"measures-0-text": ""}, "这个字段是必填项"),
        ({"measures-0-deadline": ""}, "必须填写完成时限"),
        ({"measures-0-deadline": "2030-13-01"}, "输入一个有效的日期"),
        ({"measures-TOTAL_FORMS": "100000"}, "请最多提交 10 个表单"),
        ({"measures-TOTAL_FORMS": "x"}, "请至少提交 1 个表单"),
        ({"found-manifestations": "<script>alert(1)</script>" * 2000}, "20000"),
    ],
)
def test_a_bad_found_answer_is_explained_and_nothing_saved(
    client, tribunal_answer, tribunal_reporter, values, message
):
    client.force_login(tribunal_reporter)
    before = Problem.objects.count()
    response = client.post(
        reverse("mechanisms:answer", args=[tribunal_answer.pk]), _found(**values)
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert message in content
    assert "<script>alert(1)" not in content
    assert Problem.objects.count() == before


def test_not_present_with_evidence_then_the_office_rejects_then_accepts(
    client, tribunal_answer, tribunal_reporter, office_clerk
):
    url = reverse("mechanisms:answer", args=[tribunal_answer.pk])
    client.force_login(tribunal_reporter)
    client.post(
        url,
        {"answer": "not_present", "absent-reasons": "经自查不存在。", "absent-evidence": docx()},
    )
    client.force_login(office_clerk)
    round_page = reverse(
        "mechanisms:round_generalizations", args=[tribunal_answer.generalization.source.round_id]
    )
    assert "经自查不存在" in client.get(round_page).content.decode()
    review = reverse("mechanisms:review", args=[tribunal_answer.pk])
    response = client.post(review, {"decision": "reject", "note": "请附自查台账"}, follow=True)
    assert "不认可，已退回重新答复" in response.content.decode()

    client.force_login(tribunal_reporter)
    page = client.get(url).content.decode()
    assert "请附自查台账" in page and "答复：不存在同类问题" in page
    client.post(
        url, {"answer": "not_present", "absent-reasons": "附台账。", "absent-evidence": docx()}
    )
    client.force_login(office_clerk)
    client.post(review, {"decision": "accept"})
    tribunal_answer.refresh_from_db()
    assert tribunal_answer.review == GeneralizationAnswer.Review.ACCEPTED
    evidence = client.get(reverse("mechanisms:answer_evidence", args=[tribunal_answer.pk]))
    assert evidence.status_code == 200


def test_a_bad_evidence_file_is_explained_and_nothing_saved(
    client, tribunal_answer, tribunal_reporter
):
    client.force_login(tribunal_reporter)
    response = client.post(
        reverse("mechanisms:answer", args=[tribunal_answer.pk]),
        {
            "answer": "not_present",
            "absent-reasons": "不存在。",
            "absent-evidence": upload("a.png", b"GIF89a"),
        },
    )
    assert "的内容不是PNG 图片文件" in response.content.decode()
    tribunal_answer.refresh_from_db()
    assert tribunal_answer.answer == Answer.PENDING


def test_a_review_without_a_choice_is_explained(
    client, tribunal_answer, tribunal_reporter, office_clerk
):
    services.answer_not_present(tribunal_reporter, tribunal_answer, reasons="不存在。")
    client.force_login(office_clerk)
    response = client.post(
        reverse("mechanisms:review", args=[tribunal_answer.pk]), {"decision": "maybe"}, follow=True
    )
    assert "请选择认可或不认可" in response.content.decode()
    response = client.post(
        reverse("mechanisms:review", args=[tribunal_answer.pk]), {"decision": "reject"}, follow=True
    )
    assert "不认可时请写明理由" in response.content.decode()


def test_the_lead_units_subtree_can_be_the_scope(
    client, demo_round, units, office_clerk, second_tribunal
):
    client.force_login(office_clerk)
    problem = demo_round["problems"]["court"]
    response = client.post(
        reverse("mechanisms:generalize", args=[problem.pk]),
        {"kind": "tribunal", "within": units["court"].pk, "answer_deadline": "2030-01-07"},
    )
    assert response.status_code == 302
    asked = {a.unit for a in Generalization.objects.get().answers.all()}
    assert asked == {units["tribunal"], second_tribunal}
