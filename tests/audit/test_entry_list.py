"""The audit page (审计日志): the office reads what the people of its tree did, a system
administrator everything; filters, pages and the filtered view as CSV or .xlsx."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import UnitFactory, UserFactory, user_in
from zhenggai.audit import context, trail
from zhenggai.audit.models import AuditEntry, Kind
from zhenggai.authority.models import Role
from zhenggai.ledger.models import Unit

pytestmark = pytest.mark.django_db
URL = reverse("audit:entry_list")


def acting(user, kind=Kind.UPDATED, text="措施", **values):
    token = context.set_source(context.Source("web", "10.0.0.8", user=user))
    try:
        return trail.append(kind, object_type="ledger.measure", object_text=text, **values)
    finally:
        context.reset_source(token)


@pytest.fixture
def entries(office_clerk, court_reporter, police_reporter, outsider):
    acting(
        court_reporter,
        text="法院的措施",
        before={"deadline": "2026-03-01"},
        after={"deadline": "2026-04-01"},
    )
    acting(police_reporter, text="公安的措施")
    acting(outsider, text="无单位的人改的")
    acting(police_reporter, Kind.DOWNLOAD, text="公安下载的文件")


def test_the_office_reads_its_trees_entries_with_before_and_after(client, office_clerk, entries):
    client.force_login(office_clerk)
    page = client.get(URL).content.decode()
    assert "法院的措施" in page and "公安的措施" in page and "公安下载的文件" in page
    assert "无单位的人改的" not in page
    assert "陈法官" in page and "临江市中级人民法院" in page and "10.0.0.8" in page
    assert "完成时限" in page and "2026-03-01" in page and "2026-04-01" in page


def test_an_event_reads_in_local_time_without_its_own_number(client, office_clerk, demo_round):
    from zhenggai.ledger import services

    token = context.set_source(context.Source("web", "10.0.0.8", user=office_clerk))
    try:
        event = services.record("claimed", demo_round["round"], office_clerk)
    finally:
        context.reset_source(token)
    client.force_login(office_clerk)
    page = client.get(URL, {"kind": "created"}).content.decode()
    local = timezone.localtime(event.at)
    assert f"操作记录：{local:%Y-%m-%d %H:%M} 认领" in page
    assert '<span class="field">ID</span>' not in page


def test_a_system_administrator_reads_everything(client, entries):
    client.force_login(UserFactory(username="root", is_staff=True))
    assert "无单位的人改的" in client.get(URL).content.decode()


def test_a_reporter_is_refused_with_the_reason(client, court_reporter, entries):
    client.force_login(court_reporter)
    response = client.get(URL)
    assert response.status_code == 403
    assert "只有整改办、核查组成员和系统管理员可以查看审计日志" in response.content.decode()


def test_the_menu_shows_the_page_to_the_office_only(
    client, office_clerk, court_reporter, demo_round
):
    client.force_login(office_clerk)
    assert "审计日志" in client.get(reverse("ledger:round_list")).content.decode()
    client.force_login(court_reporter)
    assert "审计日志" not in client.get(reverse("ledger:round_list")).content.decode()


def test_it_filters_by_person_unit_kind_and_date(client, office_clerk, units, entries):
    client.force_login(office_clerk)

    def texts(**params):
        page = client.get(URL, params).content.decode()
        return [t for t in ("法院的措施", "公安的措施", "公安下载的文件") if t in page]

    assert texts(person="陈法") == ["法院的措施"]
    assert texts(person="police") == ["公安的措施", "公安下载的文件"]
    assert texts(unit=units["police"].pk) == ["公安的措施", "公安下载的文件"]
    assert texts(kind="download") == ["公安下载的文件"]
    today = timezone.localdate()
    assert (
        len(texts(start=today - datetime.timedelta(days=1), end=today + datetime.timedelta(days=1)))
        == 3
    )
    assert texts(start=today + datetime.timedelta(days=2)) == []


def test_a_bad_date_or_range_gets_a_chinese_message(client, office_clerk, entries):
    client.force_login(office_clerk)
    response = client.get(URL, {"start": "2026-02-30"})
    assert response.status_code == 200 and "输入一个有效的日期" in response.content.decode()
    page = client.get(URL, {"start": "2026-05-02", "end": "2026-05-01"}).content.decode()
    assert "截止日期不能早于起始日期。" in page


def test_it_pages_fifty_at_a_time(client, office_clerk, court_reporter):
    for n in range(60):
        acting(court_reporter, text=f"第{n}条")
    client.force_login(office_clerk)
    first = client.get(URL).content.decode()
    assert "第 1/2 页" in first and "第59条" in first and "第9条" not in first
    assert "第9条" in client.get(URL, {"page": 2}).content.decode()


def test_the_filtered_view_is_exported_and_the_export_recorded(client, office_clerk, entries):
    client.force_login(office_clerk)
    response = client.get(reverse("audit:entry_csv"), {"kind": "updated"})
    assert response["Content-Disposition"].startswith("attachment")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert [row[10] for row in rows[1:]] == ["法院的措施", "公安的措施"]

    recorded = AuditEntry.objects.filter(kind=Kind.EXPORT).get()
    assert recorded.actor == office_clerk and recorded.after["条数"] == 2


def test_the_xlsx_export_opens(client, office_clerk, entries):
    client.force_login(office_clerk)
    response = client.get(reverse("audit:entry_xlsx"))
    assert b"".join(response.streaming_content).startswith(b"PK")


def test_another_organizations_office_reads_none_of_these_entries(client, entries):
    neighbour = UnitFactory(name="邻市委政法委", kind=Unit.Kind.COMMITTEE)
    office = UnitFactory(name="邻市整改办", kind=Unit.Kind.OFFICE, parent=neighbour)
    client.force_login(user_in(office, "neighbour", Role.OFFICE, name="邻市文书"))
    page = client.get(URL).content.decode()
    assert "法院的措施" not in page and "公安的措施" not in page
    assert "邻市文书" in page  # its own login, and nothing else
