"""The round's documents page (the office's), a leader's material page (the leader's and the
office's), the notice's download, and marking a problem as withheld from the public."""

import datetime
import io

import docx
from django.urls import reverse

from zhenggai.documents.models import Cause, Withholding
from zhenggai.supervision import services as supervision


def test_the_office_sees_each_document_with_its_check(client, led_round, office_clerk):
    client.force_login(office_clerk)
    page = client.get(reverse("documents:documents", args=[led_round["round"].pk]))
    assert page.status_code == 200
    text = page.content.decode()
    for label in (
        "整改方案",
        "整改情况报告",
        "主要负责人组织落实情况报告",
        "整改进展情况通报（公开）",
    ):
        assert label in text
    assert "没有设定签署报告的主要负责人" in text


def test_a_unit_may_not_open_the_documents_page(client, led_round, court_reporter):
    client.force_login(court_reporter)
    page = client.get(reverse("documents:documents", args=[led_round["round"].pk]))
    assert page.status_code == 403


def test_the_office_downloads_the_plan_as_word(client, led_round, office_clerk):
    client.force_login(office_clerk)
    url = reverse("documents:download", args=[led_round["round"].pk, "plan"])
    response = client.get(url, {"format": "docx"})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert docx.Document(io.BytesIO(response.content)).paragraphs[0].text.endswith("整改方案")


def test_strict_mode_refuses_a_document_with_findings(client, led_round, office_clerk):
    client.force_login(office_clerk)
    url = reverse("documents:download", args=[led_round["round"].pk, "report"])
    response = client.get(url, {"format": "docx", "strict": "1"})
    assert response.status_code == 422
    assert "没有设定签署报告的主要负责人" in response.content.decode()


def test_the_office_sets_the_signer_and_the_report_is_signed(
    client, led_round, office_clerk, leader
):
    client.force_login(office_clerk)
    round_ = led_round["round"]
    response = client.post(
        reverse("documents:settings", args=[round_.pk]),
        {"issuer": "中共临江市委政法委员会", "principal": leader.person.pk, "date": "2023-11-24"},
    )
    assert response.status_code == 302
    report = client.get(reverse("documents:download", args=[round_.pk, "report"]))
    paragraphs = [p.text for p in docx.Document(io.BytesIO(report.content)).paragraphs]
    assert paragraphs[-2:] == ["主要负责人：周书记", "2023年11月24日"]


def test_the_office_rewrites_a_text_and_it_is_kept_with_the_round(client, led_round, office_clerk):
    client.force_login(office_clerk)
    round_ = led_round["round"]
    url = reverse("documents:texts", args=[round_.pk, "plan"])
    assert client.get(url).status_code == 200
    client.post(url, {"opening": "为落实{巡视组}反馈意见，制定本方案。"})
    plan = client.get(reverse("documents:download", args=[round_.pk, "plan"]))
    paragraphs = [p.text for p in docx.Document(io.BytesIO(plan.content)).paragraphs]
    assert paragraphs[1] == "为落实省委第三巡视组反馈意见，制定本方案。"


def test_a_leader_keeps_causes_and_downloads_the_outline(client, led_round, leader):
    client.force_login(leader)
    round_ = led_round["round"]
    page = client.get(reverse("documents:materials", args=[round_.pk, leader.person.pk]))
    assert page.status_code == 200
    add = reverse("documents:item_add", args=[round_.pk, leader.person.pk, "cause"])
    client.post(
        add, {"cause-text": "在担当作为上还有差距。攻坚的办法不多。", "cause-aspect": "duty"}
    )
    assert Cause.objects.get().aspect == "duty"
    url = reverse("documents:leader_download", args=[round_.pk, leader.person.pk, "outline"])
    outline = client.get(url)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(outline.content)).paragraphs)
    assert "（一）在担当作为上还有差距。攻坚的办法不多。" in text
    assert "一是" in text


def test_a_leaders_material_is_not_another_units(client, led_round, leader, court_reporter):
    client.force_login(court_reporter)
    page = client.get(
        reverse("documents:materials", args=[led_round["round"].pk, leader.person.pk])
    )
    assert page.status_code in (403, 404)


def test_the_person_page_leads_to_the_material(client, led_round, leader):
    client.force_login(leader)
    page = client.get(reverse("ledger:person_detail", args=[leader.person.pk]))
    assert reverse("documents:materials", args=[led_round["round"].pk, leader.person.pk]) in (
        page.content.decode()
    )


def test_earlier_material_is_read_and_the_leader_picks_from_it(client, led_round, leader):
    client.force_login(leader)
    round_ = led_round["round"]
    earlier = (
        "个人发言提纲\n一、存在的主要问题\n一是学习不够深入。\n"
        "二、原因剖析\n（一）在理论武装上存在差距。学得不深。\n（二）在纪律作风上存在差距。要求不严。\n"
        "三、整改措施\n（一）加强学习。每月研讨一次。\n"
    ).encode()
    upload = io.BytesIO(earlier)
    upload.name = "以往提纲.txt"
    url = reverse("documents:material_import", args=[round_.pk, leader.person.pk])
    page = client.post(url, {"file": upload})
    assert page.status_code == 200
    assert "在纪律作风上存在差距。要求不严。" in page.content.decode()
    pick = reverse("documents:material_pick", args=[round_.pk, leader.person.pk])
    client.post(
        pick,
        {
            "cause": ["在理论武装上存在差距。学得不深。", "在纪律作风上存在差距。要求不严。"],
            "pick-cause": ["1"],
            "measure": ["加强学习。每月研讨一次。"],
            "pick-measure": ["0"],
        },
    )
    assert [c.text for c in Cause.objects.all()] == ["在纪律作风上存在差距。要求不严。"]


def test_the_office_withholds_a_problem_from_the_public(client, led_round, office_clerk):
    client.force_login(office_clerk)
    problem = led_round["problems"]["police"]
    page = client.get(reverse("ledger:problem_detail", args=[problem.pk]))
    assert "不列入公开通报" in page.content.decode()
    client.post(
        reverse("documents:withholding", args=[problem.pk]),
        {"reason": "investigation", "note": "涉案人员正在审查调查"},
    )
    assert Withholding.objects.get(problem=problem).reason == "investigation"
    documents = client.get(reverse("documents:documents", args=[led_round["round"].pk]))
    assert "未列入公开稿的问题（1 个）" in documents.content.decode()
    client.post(reverse("documents:withholding", args=[problem.pk]), {"disclose": "1"})
    assert not Withholding.objects.exists()


def test_a_unit_does_not_see_the_withholding_panel(client, led_round, police_reporter):
    client.force_login(police_reporter)
    problem = led_round["problems"]["police"]
    page = client.get(reverse("ledger:problem_detail", args=[problem.pk]))
    assert "不列入公开通报" not in page.content.decode()
    response = client.post(
        reverse("documents:withholding", args=[problem.pk]), {"reason": "investigation"}
    )
    assert response.status_code == 403


def test_the_notice_downloads_as_a_word_document(client, led_round, office_clerk, court_reporter):
    notice = supervision.issue_notice(
        office_clerk,
        led_round["round"],
        unit=led_round["problems"]["court"].lead_unit,
        content="你院牵头的问题整改进展滞后。",
        problems=[led_round["problems"]["court"]],
        reply_deadline=datetime.date(2023, 12, 1),
        today=datetime.date(2023, 11, 24),
    )
    for user in (office_clerk, court_reporter):
        client.force_login(user)
        response = client.get(reverse("documents:notice_download", args=[notice.pk]))
        assert response.status_code == 200
        text = [p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs]
        assert text[0] == "督办单" and text[2] == "临江市中级人民法院："
        assert any("2023年12月1日前" in line for line in text)
