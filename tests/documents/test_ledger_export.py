"""Any ledger view with its filters exports exactly what the page lists, in the page's order,
and nothing outside the user's scope."""

import io

import openpyxl
from django.urls import reverse

from tests.factories import MeasureFactory, ProblemFactory
from zhenggai.writer import read_mark


def exported_rows(client, round_, query=""):
    response = client.get(reverse("documents:ledger_xlsx", args=[round_.pk]) + query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    content = b"".join(response.streaming_content)
    sheet = openpyxl.load_workbook(io.BytesIO(content))["整改台账"]
    return list(sheet.iter_rows(min_row=4, values_only=True))


def exported_codes(client, round_, query=""):
    return [row[0] for row in exported_rows(client, round_, query)]


def test_the_export_is_dated_in_local_time(client, demo_round, office_clerk, edge_of_the_day):
    client.force_login(office_clerk)
    response = client.get(reverse("documents:ledger_xlsx", args=[demo_round["round"].pk]))
    content = b"".join(response.streaming_content)
    note = openpyxl.load_workbook(io.BytesIO(content))["整改台账"]["A2"].value
    assert note.endswith(f"导出时间：2026年12月7日 {edge_of_the_day:%H:%M}")
    assert read_mark(content).exported_at == f"2026-12-07T{edge_of_the_day:%H:%M}:00+08:00"


def listed_codes(client, round_, query=""):
    page = client.get(reverse("ledger:ledger", args=[round_.pk]) + query)
    return [row.code for row in page.context["page"].object_list]


def test_a_filtered_task_list_exports_the_rows_the_page_lists(client, demo_round, office_clerk):
    client.force_login(office_clerk)
    round_ = demo_round["round"]
    query = f"?view=measures&unit={demo_round['shared'].lead_unit_id}&sort=-deadline"
    assert exported_codes(client, round_, query) == listed_codes(client, round_, query)
    # The court and its tribunal, latest deadline first.
    assert exported_codes(client, round_, query) == ["1-1.2", "1-1.1", "1-2.1"]


def test_the_problem_list_exports_each_listed_problems_measures(client, demo_round, office_clerk):
    client.force_login(office_clerk)
    round_ = demo_round["round"]
    ProblemFactory(round=round_, category=demo_round["category"], number=4)
    assert exported_codes(client, round_, "?view=problems") == [
        "1-1.1", "1-1.2", "1-2.1", "1-3.1", "1-4",
    ]  # fmt: skip


def test_a_unit_exports_only_what_it_sees(client, demo_round, police_reporter):
    client.force_login(police_reporter)
    # The police lead 1-3 and their station cooperates on the court's 1-1.2.
    assert exported_codes(client, demo_round["round"], "?view=measures") == ["1-1.2", "1-3.1"]


def test_a_round_outside_the_scope_is_not_found(client, demo_round, outsider):
    client.force_login(outsider)
    response = client.get(reverse("documents:ledger_xlsx", args=[demo_round["round"].pk]))
    assert response.status_code == 404


def test_the_ledger_page_links_its_export_with_its_filters(client, demo_round, office_clerk):
    client.force_login(office_clerk)
    round_ = demo_round["round"]
    page = client.get(reverse("ledger:ledger", args=[round_.pk]) + "?view=measures&overdue=on")
    assert page.context["filter_params"] == [("view", "measures"), ("overdue", "on")]
    export = reverse("documents:ledger_xlsx", args=[round_.pk])
    html = page.content.decode()
    assert f'action="{export}"' in html
    assert '<input type="hidden" name="overdue" value="on">' in html


def test_cooperating_units_are_named_in_the_order_of_the_tree(
    client, demo_round, office_clerk, units
):
    client.force_login(office_clerk)
    # The police were made before the court's tribunal, and 临 sorts before 城; the tree puts
    # the court's branch first.
    MeasureFactory(
        problem=demo_round["problems"]["court"],
        lead_unit=units["court"],
        cooperating_units=[units["police"], units["tribunal"]],
    )
    rows = {row[0]: row for row in exported_rows(client, demo_round["round"], "?view=measures")}
    assert rows["1-1.3"][6] == "城东人民法庭、临江市公安局"
