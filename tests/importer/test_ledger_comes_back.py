"""The round's Excel ledger, exported, edited offline and brought back through the import:
zhenggai shows what changed, was added or removed, and applies the accepted differences in one
transaction through the ledger's services."""

import datetime
import io

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.urls import reverse

from tests.api.conftest import api_as  # noqa: F401  (a fixture)
from tests.factories import MeasureFactory
from zhenggai.carryout import services as carryout
from zhenggai.documents import services as documents
from zhenggai.importer import services
from zhenggai.ledger.models import Event, Measure
from zhenggai.writer import read_mark


@pytest.fixture
def exported(tmp_path):
    def export(user, round_) -> bytes:
        path = tmp_path / "台账.xlsx"
        documents.export_ledger(user, round_, QueryDict(), path)
        return path.read_bytes()

    return export


def edited(data: bytes, edit) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(data))
    edit(book["整改台账"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def row_of(sheet, code):
    return next(r for r in range(4, sheet.max_row + 1) if sheet.cell(r, 1).value == code)


def test_an_exported_ledger_brought_back_unchanged_shows_no_differences(
    demo_round, office_clerk, exported
):
    round_ = demo_round["round"]
    batch = services.upload(office_clerk, round_, "台账.xlsx", exported(office_clerk, round_))
    assert batch.draft["ledger_changes"]["entries"] == []


def test_changed_added_and_removed_rows_are_shown(demo_round, office_clerk, exported):
    round_ = demo_round["round"]

    def edit(sheet):
        sheet.cell(row_of(sheet, "1-1.1"), 4).value = "改为每半月开展一次集中学习"
        sheet.cell(row_of(sheet, "1-1.1"), 8).value = datetime.datetime(2024, 6, 30)
        sheet.delete_rows(row_of(sheet, "1-3.1"))
        sheet.append(
            ["", "贯彻落实党中央决策部署方面", sheet["C7"].value, "新增：开展一次回头看"]
            + ["", "临江市中级人民法院", "", datetime.datetime(2024, 7, 31), "", "未启动", ""]
        )

    data = edited(exported(office_clerk, round_), edit)
    batch = services.upload(office_clerk, round_, "改过的台账.xlsx", data)
    entries = batch.draft["ledger_changes"]["entries"]
    assert [(e["change"], e["code"]) for e in entries] == [
        ("changed", "1-1.1"),
        ("added", "1-2"),
        ("removed", "1-3.1"),
    ]
    fields = entries[0]["fields"]
    assert {name: after for name, (_, after) in fields.items()} == {
        "measure": "改为每半月开展一次集中学习",
        "deadline": "2024-06-30",
    }
    assert entries[1]["values"]["measure"] == "新增：开展一次回头看"


def test_accepted_differences_are_applied_through_the_ledger(demo_round, office_clerk, exported):
    round_ = demo_round["round"]

    def edit(sheet):
        sheet.cell(row_of(sheet, "1-1.1"), 8).value = datetime.datetime(2024, 6, 30)
        sheet.cell(row_of(sheet, "1-2.1"), 6).value = "临江市公安局"
        sheet.delete_rows(row_of(sheet, "1-3.1"))

    batch = services.upload(
        office_clerk, round_, "台账.xlsx", edited(exported(office_clerk, round_), edit)
    )
    keys = {e["code"]: e["key"] for e in batch.draft["ledger_changes"]["entries"]}
    created = services.apply(office_clerk, batch, {keys["1-1.1"], keys["1-3.1"]})
    assert created == {"changed": 1, "added": 0, "removed": 1}
    court = demo_round["problems"]["court"].measures.get(number=1)
    assert court.deadline == datetime.date(2024, 6, 30)
    # Not accepted: the tribunal's measure keeps its unit.
    assert demo_round["problems"]["tribunal"].measures.get().lead_unit.name == "城东人民法庭"
    assert not Measure.objects.filter(problem=demo_round["problems"]["police"]).exists()
    assert Event.objects.filter(kind=Event.Kind.MEASURE_DELETED).count() == 1
    assert Event.objects.filter(kind=Event.Kind.MEASURE_UPDATED, measure=court).exists()


def test_one_refused_difference_applies_none(demo_round, office_clerk, exported):
    round_ = demo_round["round"]

    def edit(sheet):
        sheet.cell(row_of(sheet, "1-1.1"), 8).value = datetime.datetime(2024, 6, 30)
        sheet.cell(row_of(sheet, "1-2.1"), 6).value = "不存在的单位"

    batch = services.upload(
        office_clerk, round_, "台账.xlsx", edited(exported(office_clerk, round_), edit)
    )
    with pytest.raises(ValidationError) as refused:
        services.apply(office_clerk, batch)
    assert "系统中没有名为“不存在的单位”的单位" in refused.value.messages[0]
    assert demo_round["problems"]["court"].measures.get(number=1).deadline != datetime.date(
        2024, 6, 30
    )


def test_the_review_page_lists_the_differences_to_accept(
    client, demo_round, office_clerk, exported
):
    round_ = demo_round["round"]

    def edit(sheet):
        sheet.cell(row_of(sheet, "1-1.1"), 8).value = datetime.datetime(2024, 6, 30)

    batch = services.upload(
        office_clerk, round_, "台账.xlsx", edited(exported(office_clerk, round_), edit)
    )
    client.force_login(office_clerk)
    page = client.get(reverse("importer:batch", args=[batch.pk]))
    text = page.content.decode()
    assert "核对台账修改" in text and "完成时限" in text and "2024-06-30" in text
    client.post(
        reverse("importer:apply", args=[batch.pk]),
        {"accept": [batch.draft["ledger_changes"]["entries"][0]["key"]]},
    )
    assert demo_round["problems"]["court"].measures.get(number=1).deadline == datetime.date(
        2024, 6, 30
    )


def test_the_api_applies_the_accepted_differences(
    demo_round,
    office_clerk,
    exported,
    api_as,  # noqa: F811
):
    round_ = demo_round["round"]

    def edit(sheet):
        sheet.cell(row_of(sheet, "1-1.1"), 8).value = datetime.datetime(2024, 6, 30)
        sheet.cell(row_of(sheet, "1-2.1"), 8).value = datetime.datetime(2024, 7, 31)

    batch = services.upload(
        office_clerk, round_, "台账.xlsx", edited(exported(office_clerk, round_), edit)
    )
    first = batch.draft["ledger_changes"]["entries"][0]["key"]
    answer = api_as(office_clerk).post(f"/api/imports/{batch.pk}/apply", {"accept": [first]})
    assert answer.status_code == 200
    assert answer.json()["created"] == {"changed": 1, "added": 0, "removed": 0}
    assert demo_round["problems"]["court"].measures.get(number=1).deadline == datetime.date(
        2024, 6, 30
    )


def test_a_filtered_task_list_with_every_kind_of_cell_comes_back_unchanged(
    demo_round, office_clerk, court_reporter, tmp_path
):
    """A standing measure (no date), text over several lines, cooperating units and the
    latest progress: the court's rows of the task list, brought back as they were exported."""
    round_ = demo_round["round"]
    court = demo_round["problems"]["court"]
    MeasureFactory(
        problem=court,
        number=3,
        lead_unit=court.lead_unit,
        kind=Measure.Kind.ONGOING,
        deadline=None,
        text="建立青年干警读书会制度。\n按月组织交流。",
    )
    carryout.submit_report(
        court_reporter,
        court.measures.get(number=1),
        as_of=datetime.date(2023, 10, 20),
        text="已印发年度学习计划。",
        status="in_progress",
    )
    params = QueryDict(mutable=True)
    params.update({"view": "measures", "unit": str(court.lead_unit_id)})
    path = tmp_path / "法院任务清单.xlsx"
    documents.export_ledger(office_clerk, round_, params, path)
    batch = services.upload(office_clerk, round_, "法院任务清单.xlsx", path.read_bytes())
    assert batch.draft["ledger_changes"]["entries"] == []
    # The police's measure was not in this file: it is not taken for removed.
    assert read_mark(path.read_bytes()).codes == ("1-1.1", "1-1.2", "1-1.3", "1-2.1")
