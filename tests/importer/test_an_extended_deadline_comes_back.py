"""An exported ledger shows an extended measure's committed deadline in 原定完成时限 beside
完成时限; brought back, that column is read as its own and never as the deadline: left as it
was or edited, it changes nothing (only an approved extension sets it), while an edited
完成时限 is shown as the change it is."""

import datetime
import io

import openpyxl
import pytest
from django.http import QueryDict

from zhenggai.documents import services as documents
from zhenggai.importer import services
from zhenggai.ledger.models import Measure

APPROVED, COMMITTED = datetime.date(2024, 5, 31), datetime.date(2024, 3, 31)


@pytest.fixture
def extended(demo_round):
    """The court's shared measure, its deadline moved by an approved extension."""
    shared = demo_round["shared"]
    Measure.objects.filter(pk=shared.pk).update(deadline=APPROVED, original_deadline=COMMITTED)
    return shared


def exported(user, round_, tmp_path) -> openpyxl.Workbook:
    path = tmp_path / "台账.xlsx"
    documents.export_ledger(user, round_, QueryDict(), path)
    return openpyxl.load_workbook(path)


def brought_back(user, round_, book) -> list[dict]:
    out = io.BytesIO()
    book.save(out)
    batch = services.upload(user, round_, "台账.xlsx", out.getvalue())
    return batch.draft["ledger_changes"]["entries"]


def cells(book, code):
    sheet = book["整改台账"]
    header = [cell.value for cell in sheet[3]]
    row = next(r for r in range(4, sheet.max_row + 1) if sheet.cell(r, 1).value == code)
    return {name: sheet.cell(row, col) for col, name in enumerate(header, 1)}


def test_the_export_shows_both_dates_and_comes_back_unchanged(
    demo_round, office_clerk, extended, tmp_path
):
    round_ = demo_round["round"]
    book = exported(office_clerk, round_, tmp_path)
    row = cells(book, extended.code)
    assert row["完成时限"].value == datetime.datetime(2024, 5, 31)
    assert row["原定完成时限"].value == datetime.datetime(2024, 3, 31)
    assert cells(book, "1-1.1")["原定完成时限"].value in (None, "")
    assert brought_back(office_clerk, round_, book) == []


def test_an_edited_committed_date_changes_nothing(demo_round, office_clerk, extended, tmp_path):
    round_ = demo_round["round"]
    book = exported(office_clerk, round_, tmp_path)
    cells(book, extended.code)["原定完成时限"].value = datetime.datetime(2025, 1, 1)
    cells(book, "1-1.1")["原定完成时限"].value = datetime.datetime(2025, 1, 1)
    assert brought_back(office_clerk, round_, book) == []


def test_an_edited_deadline_is_the_change_shown(demo_round, office_clerk, extended, tmp_path):
    round_ = demo_round["round"]
    book = exported(office_clerk, round_, tmp_path)
    cells(book, extended.code)["完成时限"].value = datetime.datetime(2024, 6, 28)
    (entry,) = brought_back(office_clerk, round_, book)
    assert entry["code"] == extended.code
    assert entry["fields"] == {"deadline": ["2024-05-31", "2024-06-28"]}
