"""Applying writes exactly the accepted items, through the ledger's services, in one
transaction; anything missing stops it with a message naming the item."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.importer.documents import plan_text
from zhenggai.importer import drafts, services
from zhenggai.importer.models import ImportBatch
from zhenggai.ledger import services as ledger
from zhenggai.ledger.models import Category, Event, Measure, Problem

pytestmark = pytest.mark.django_db


def edit(user, batch, key, **values):
    services.save_item(user, batch, key, **values)


def fill_the_missing_deadlines(user, batch):
    for key in ("m3", "m4"):
        edit(user, batch, key, deadline=datetime.date(2024, 5, 31))


def apply(client, batch, htmx=False):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    return client.post(reverse("importer:apply", args=[batch.pk]), **headers)


def imported(round_):
    return Problem.objects.filter(round=round_, import_batches__isnull=False)


def test_applying_creates_the_accepted_problems_and_measures_with_events(
    office, office_clerk, draft, round_, demo_round, units
):
    fill_the_missing_deadlines(office_clerk, draft)
    response = apply(office, draft)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "applied"
    assert draft.applied_by == office_clerk
    assert draft.created == {
        "categories": 1,
        "problems": 3,
        "measures": 6,
        "causes": 0,
        "unattached_measures": 0,
    }
    existing = demo_round["category"]
    assert [(p.category_id, p.number, p.text) for p in imported(round_).order_by("pk")] == [
        (existing.pk, 4, "执法司法监督闭环没有形成"),
        (existing.pk, 5, "矛盾纠纷排查不细致"),
        (Category.objects.get(title="全面从严治党方面").pk, 1, "警示教育针对性不强"),
    ]
    first = imported(round_).get(number=4)
    assert first.manifestations == "案件评查结果运用不够。"
    measure = first.measures.get(number=1)
    assert (measure.kind, measure.deadline, measure.lead_unit) == (
        "time_bound",
        datetime.date(2024, 6, 30),
        units["court"],
    )
    assert list(measure.cooperating_units.all()) == [units["police"]]
    ongoing = imported(round_).get(text="警示教育针对性不强").measures.all()
    assert {(m.kind, m.deadline) for m in ongoing} == {("ongoing", None)}
    events = Event.objects.filter(kind=Event.Kind.IMPORTED)
    assert events.count() == 3
    assert all(event.actor == office_clerk for event in events)
    assert (
        Event.objects.filter(kind=Event.Kind.MEASURE_CREATED, problem__in=imported(round_)).count()
        == 6
    )


def test_the_batch_page_lists_what_was_imported(office, office_clerk, draft):
    fill_the_missing_deadlines(office_clerk, draft)
    response = apply(office, draft)
    page = office.get(response["Location"]).content.decode()
    assert "已导入台账" in page
    assert "执法司法监督闭环没有形成" in page
    assert "查看问题清单" in page


def test_dropped_items_are_not_created(office_clerk, draft, round_):
    edit(office_clerk, draft, "p2", accepted=False)
    edit(office_clerk, draft, "m2", accepted=False)
    edit(office_clerk, draft, "c2", accepted=False)
    services.apply(office_clerk, draft)
    assert [p.text for p in imported(round_)] == ["执法司法监督闭环没有形成"]
    assert [m.text for m in Measure.objects.filter(problem__in=imported(round_))] == [
        "建立执法监督联席会议制度"
    ]
    assert not Category.objects.filter(title="全面从严治党方面").exists()


def test_a_new_category_can_take_an_existing_ones_place(office_clerk, draft, demo_round):
    edit(office_clerk, draft, "c2", target=demo_round["category"].pk)
    fill_the_missing_deadlines(office_clerk, draft)
    created = services.apply(office_clerk, draft)
    assert created["categories"] == 0
    assert Category.objects.filter(round=demo_round["round"]).count() == 1


def test_a_measure_without_a_deadline_stops_the_apply_and_names_the_item(
    office, office_clerk, draft, round_
):
    problems, events = Problem.objects.count(), Event.objects.count()
    response = apply(office, draft)
    page = response.content.decode()
    assert response.status_code == 200
    assert "未能导入，台账没有任何改动" in page
    assert "措施“组织网格员专项培训”（原文第 12 段）：缺少完成时限" in page
    assert 'href="#item-m3"' in page and 'href="#item-m4"' in page
    assert (Problem.objects.count(), Event.objects.count()) == (problems, events)
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_with_htmx_the_reasons_come_back_in_place(office, draft):
    response = apply(office, draft, htmx=True)
    page = response.content.decode()
    assert "缺少完成时限" in page
    assert "<html" not in page


def test_a_measure_said_to_be_ongoing_needs_no_deadline(office_clerk, draft):
    edit(office_clerk, draft, "m3", kind="ongoing")
    edit(office_clerk, draft, "m4", kind="ongoing")
    assert services.apply(office_clerk, draft)["measures"] == 6


def test_an_empty_problem_text_stops_the_apply(office_clerk, draft):
    edit(office_clerk, draft, "p3", text="")
    fill_the_missing_deadlines(office_clerk, draft)
    with pytest.raises(ValidationError) as refused:
        services.apply(office_clerk, draft)
    assert "问题 2-1“”（原文第 15 段）：内容不能为空" in refused.value.messages[0]


def test_an_error_in_the_middle_rolls_everything_back(office_clerk, draft, monkeypatch):
    fill_the_missing_deadlines(office_clerk, draft)
    before = (Category.objects.count(), Problem.objects.count(), Measure.objects.count())
    events = Event.objects.count()
    real = ledger.create_measure
    calls = []

    def fails_on_the_fourth(*args, **kwargs):
        calls.append(1)
        if len(calls) == 4:
            raise RuntimeError("磁盘已满")
        return real(*args, **kwargs)

    monkeypatch.setattr(ledger, "create_measure", fails_on_the_fourth)
    with pytest.raises(RuntimeError):
        services.apply(office_clerk, draft)
    assert (Category.objects.count(), Problem.objects.count(), Measure.objects.count()) == before
    assert Event.objects.count() == events
    draft.refresh_from_db()
    assert draft.status == "draft" and not draft.problems.exists()


def test_a_ledger_refusal_names_the_item_and_rolls_back(office_clerk, draft, monkeypatch):
    fill_the_missing_deadlines(office_clerk, draft)
    problems = Problem.objects.count()

    def refuses(*args, **kwargs):
        raise ValidationError({"text": ["该方面下已有相同序号的问题。"]})

    monkeypatch.setattr(ledger, "create_problem", refuses)
    with pytest.raises(ValidationError) as refused:
        services.apply(office_clerk, draft)
    assert refused.value.messages == [
        "问题 1-1“执法司法监督闭环没有形成”（原文第 4 段）：该方面下已有相同序号的问题。"
    ]
    assert Problem.objects.count() == problems


def test_applying_twice_is_refused(office, office_clerk, draft, round_):
    fill_the_missing_deadlines(office_clerk, draft)
    apply(office, draft)
    response = apply(office, draft)
    assert "该导入记录已导入，不能再修改或导入" in response.content.decode()
    assert imported(round_).count() == 3


def test_a_court_reporter_cannot_apply(client, court_reporter, office_clerk, draft, round_):
    fill_the_missing_deadlines(office_clerk, draft)
    client.force_login(court_reporter)
    assert apply(client, draft).status_code == 403
    assert not imported(round_).exists()


def test_a_discarded_draft_is_kept_but_can_no_longer_be_applied(office, draft, round_):
    response = office.post(reverse("importer:discard", args=[draft.pk]))
    assert response["Location"] == reverse("importer:upload", args=[round_.pk])
    draft.refresh_from_db()
    assert draft.status == "discarded"
    assert "本次导入已放弃" in office.get(draft.get_absolute_url()).content.decode()
    assert "已放弃" in apply(office, draft).content.decode()
    assert not imported(round_).exists()


SPEECH = """临江市委政法委书记专题民主生活会个人发言提纲
一、存在的主要问题
（一）在理论学习方面
一是学习不够深入。对新思想领会不透。
二是调研不够扎实。下基层次数偏少。
二、原因剖析
（一）理论武装有差距。学用结合不紧。
（二）宗旨意识有弱化。联系群众不够。
三、下步整改措施
（一）强化理论学习。每月集中学习一次。
（二）深入调查研究。每季度到基层调研。
"""


@pytest.fixture
def speech(office_clerk, round_):
    return services.upload(office_clerk, round_, "发言提纲.txt", SPEECH.encode())


def test_a_speechs_own_measures_are_imported_only_under_the_problem_chosen(
    office_clerk, speech, round_
):
    assert [m["problem"] for m in speech.draft["measures"]] == ["", ""]
    first, second = (p["key"] for _, p in drafts.problems(speech.draft))
    edit(office_clerk, speech, "m1", problem=second, deadline=datetime.date(2024, 3, 31))
    created = services.apply(office_clerk, speech)
    assert (created["problems"], created["measures"], created["unattached_measures"]) == (2, 1, 1)
    problem = imported(round_).get(text="调研不够扎实")
    assert [m.text for m in problem.measures.all()] == ["强化理论学习。每月集中学习一次。"]


def test_a_measure_tied_to_a_dropped_problem_stops_the_apply(office_clerk, speech):
    first = next(p["key"] for _, p in drafts.problems(speech.draft))
    edit(office_clerk, speech, "m1", problem=first, kind="ongoing")
    edit(office_clerk, speech, first, accepted=False)
    with pytest.raises(ValidationError) as refused:
        services.apply(office_clerk, speech)
    assert "归入的问题不导入" in refused.value.messages[0]


def test_causes_stay_in_the_batch_and_are_shown_on_its_page(office, office_clerk, speech):
    edit(office_clerk, speech, "r2", accepted=False)
    created = services.apply(office_clerk, speech)
    assert created["causes"] == 1
    page = office.get(speech.get_absolute_url()).content.decode()
    assert "原因剖析（1）" in page
    assert "理论武装有差距" in page
    assert page.count("宗旨意识有弱化") == 1  # in the source only
    assert "未归入问题的整改措施（2）" in page


def test_a_unit_removed_after_review_stops_the_apply(office_clerk, round_, units):
    batch = services.upload(office_clerk, round_, "方案.txt", plan_text())
    fill_the_missing_deadlines(office_clerk, batch)
    batch.refresh_from_db()
    batch.draft["categories"][0]["problems"][0]["measures"][0]["lead_unit"] = 999_999
    ImportBatch.objects.filter(pk=batch.pk).update(draft=batch.draft)
    with pytest.raises(ValidationError) as refused:
        services.apply(office_clerk, batch)
    assert "所选单位已不存在" in refused.value.messages[0]
