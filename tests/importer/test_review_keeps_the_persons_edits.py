"""Each item of the draft is edited, accepted or dropped on its own; the edits live in the
batch's draft, never in the ledger, until the person applies."""

import pytest
from django.urls import reverse

from tests.importer.documents import plan_text
from zhenggai.importer import drafts, services
from zhenggai.importer.models import ImportBatch
from zhenggai.ledger.models import Problem

pytestmark = pytest.mark.django_db


def save(client, batch, key, htmx=False, **fields):
    data = {f"{key}-{name}": value for name, value in fields.items()}
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    return client.post(reverse("importer:item", args=[batch.pk, key]), data, **headers)


def item(batch, key):
    batch.refresh_from_db()
    return drafts.find(batch.draft, key)[1]


def test_an_edited_problem_text_is_kept_in_the_draft_only(office, draft):
    problems = Problem.objects.count()
    response = save(
        office, draft, "p1", accepted="on", text="执法监督闭环尚未形成", manifestations=""
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#item-p1")
    assert item(draft, "p1")["text"] == "执法监督闭环尚未形成"
    assert Problem.objects.count() == problems
    assert "执法监督闭环尚未形成" in office.get(draft.get_absolute_url()).content.decode()


def test_with_htmx_a_save_answers_with_its_status_only(office, draft):
    lead = item(draft, "m3")["lead_unit"]
    response = save(office, draft, "m3", htmx=True, accepted="on", text="组织培训", lead_unit=lead)
    page = response.content.decode()
    assert "已保存" in page
    assert "缺少完成时限" in page  # what apply will still ask for
    assert "<form" not in page
    response = save(
        office,
        draft,
        "m3",
        htmx=True,
        accepted="on",
        text="组织培训",
        lead_unit=lead,
        deadline="2024-05-31",
    )
    assert "缺少完成时限" not in response.content.decode()
    assert item(draft, "m3")["deadline"] == "2024-05-31"


def test_an_unticked_problem_is_kept_as_dropped(office, draft):
    save(office, draft, "p2", text="矛盾纠纷排查不细致")
    assert item(draft, "p2")["accepted"] is False


def test_a_value_that_cannot_be_saved_redraws_the_item_with_a_chinese_message(office, draft):
    response = save(office, draft, "p1", htmx=True, accepted="on", text="长" * 2001)
    page = response.content.decode()
    assert response["HX-Retarget"] == "#form-p1"
    assert response["HX-Reswap"] == "outerHTML"
    assert "不能超过 2000 个字" in page
    assert 'id="form-p1"' in page
    assert item(draft, "p1")["text"] == "执法司法监督闭环没有形成"


@pytest.mark.parametrize("deadline", ["2024-02-30", "明天", "9999-99-99"])
def test_a_date_that_does_not_exist_is_explained(office, draft, deadline):
    response = save(office, draft, "m1", accepted="on", text="建立制度", deadline=deadline)
    assert response.status_code == 200
    assert "有效的日期" in response.content.decode()


@pytest.mark.parametrize(
    "text",
    ["<script>alert('x')</script>", "'; DROP TABLE importer_importbatch; --", "整改😀\u202e"],
)
def test_a_hostile_text_is_saved_as_text_and_shown_escaped(office, draft, text):
    save(office, draft, "p1", accepted="on", text=text)
    assert item(draft, "p1")["text"] == text.strip()
    assert "<script>alert" not in office.get(draft.get_absolute_url()).content.decode()


def test_a_nul_character_is_refused_in_chinese(office, draft):
    response = save(office, draft, "p1", accepted="on", text="空\x00字符")
    assert "空字符" in response.content.decode()


def test_the_lead_leader_is_matched_among_the_leaders(leader, office_clerk, round_):
    batch = services.upload(office_clerk, round_, "方案.txt", plan_text())
    assert item(batch, "p1")["lead_leader"] == leader.person.pk
    assert item(batch, "p1")["lead_leader_text"] == "周书记"


def test_a_category_with_the_title_of_an_existing_one_maps_to_it(draft, demo_round):
    assert item(draft, "c1")["target"] == demo_round["category"].pk
    assert item(draft, "c2")["target"] == "new"


def test_a_category_of_another_round_cannot_be_chosen(office, draft):
    from tests.factories import CategoryFactory

    elsewhere = CategoryFactory()
    response = save(office, draft, "c2", accepted="on", title="作风", target=elsewhere.pk)
    assert response.status_code == 200
    assert item(draft, "c2")["target"] == "new"


def test_an_item_that_is_not_in_the_draft_is_not_found(office, draft):
    assert save(office, draft, "p99", accepted="on").status_code == 404


def test_a_court_reporter_cannot_see_or_edit_the_draft(client, court_reporter, draft):
    client.force_login(court_reporter)
    assert client.get(draft.get_absolute_url()).status_code == 403
    assert save(client, draft, "p1", accepted="on", text="改").status_code == 403
    assert item(draft, "p1")["text"] == "执法司法监督闭环没有形成"


def test_an_applied_draft_can_no_longer_be_edited(office, draft):
    ImportBatch.objects.filter(pk=draft.pk).update(status=ImportBatch.Status.APPLIED)
    response = save(office, draft, "p1", accepted="on", text="改")
    assert response.status_code == 200
    assert "不能再修改" in response.content.decode() or "已导入" in response.content.decode()


def test_the_review_page_queries_do_not_grow_with_the_draft(
    office, office_clerk, round_, django_assert_max_num_queries
):
    items = "".join(
        f"{n}．问题{n}。\n整改措施：①措施甲；②措施乙。\n责任单位：临江市公安局\n完成时限：2024年6月底\n"
        for n in range(1, 41)
    )
    text = f"一、整改任务\n（一）作风方面\n{items}"
    batch = services.upload(office_clerk, round_, "大方案.txt", text.encode())
    assert sum(1 for _ in drafts.problems(batch.draft)) == 40
    with django_assert_max_num_queries(12):
        response = office.get(batch.get_absolute_url())
    assert response.status_code == 200


def test_text_a_database_cannot_store_is_cleaned_before_it_is_kept():
    assert drafts.plain({"text": ["学习\x00不深", "\ud800断"]}) == {"text": ["学习不深", "?断"]}
