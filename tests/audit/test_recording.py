"""Every change is recorded wherever it is made, with who (and the name they had then), from
where, and what it was before and after; logins, failed logins, logouts, downloads and
exports too."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests.api.conftest import api_as  # noqa: F401 (a fixture)
from tests.carryout.conftest import measures, report  # noqa: F401 (a fixture)
from tests.carryout.samples import upload
from tests.factories import PASSWORD, UserFactory, grant
from zhenggai.audit.models import AuditEntry, Kind
from zhenggai.authority.models import Role
from zhenggai.carryout.models import Evidence
from zhenggai.ledger.models import Unit

pytestmark = pytest.mark.django_db


def last(**where) -> AuditEntry:
    return AuditEntry.objects.filter(**where).order_by("seq").last()


@pytest.fixture
def root(client, db):
    user = UserFactory(username="root", first_name="系统管理员", is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


def test_a_unit_renamed_in_the_admin_is_recorded_with_who_where_and_before(client, root, units):
    police = units["police"]
    form = {
        "name": "临江市公安局（改）",
        "kind": police.kind,
        "parent": police.parent_id,
        "order": 0,
    }
    response = client.post(reverse("admin:ledger_unit_change", args=[police.pk]), form)
    assert response.status_code == 302

    entry = last(object_type="ledger.unit", kind=Kind.UPDATED)
    assert (entry.actor, entry.actor_username, entry.actor_name) == (root, "root", "系统管理员")
    assert (entry.address, entry.channel) == ("127.0.0.1", "web")
    assert entry.object_id == str(police.pk) and entry.object_text == "临江市公安局（改）"
    assert entry.before == {"name": "临江市公安局"}
    assert entry.after == {"name": "临江市公安局（改）"}


def test_an_api_edit_names_the_tokens_user_and_their_unit(measures, api_as, office_clerk):  # noqa: F811
    measure = measures["tribunal"]
    payload = {"deliverable": "整改工作台账", "version": 1}
    assert api_as(office_clerk).patch(f"/api/measures/{measure.pk}", payload).status_code == 200

    entry = last(object_type="ledger.measure", kind=Kind.UPDATED)
    assert entry.channel == "api" and entry.actor == office_clerk
    assert (entry.actor_name, entry.actor_unit_name) == ("王文书", "整改办")
    assert entry.before == {"deliverable": "学习计划、会议记录"}
    assert entry.after == {"deliverable": "整改工作台账"}
    event = last(object_type="ledger.event")
    assert event.after["kind"] == "measure_updated" and event.actor == office_clerk


def test_a_change_in_the_shell_is_recorded_as_the_systems(units):
    Unit.objects.filter(pk=units["station"].pk).first().delete()

    entry = last(kind=Kind.DELETED)
    assert entry.channel == "system" and entry.actor is None
    assert entry.before["name"] == "江北派出所" and entry.after == {}


def test_a_command_acting_as_a_user_is_recorded_as_that_user(demo_round, office_clerk, tmp_path):
    path = tmp_path / "台账.xlsx"
    call_command(
        "export",
        "ledger",
        "--round",
        demo_round["round"].pk,
        "--user",
        "office",
        "--output",
        str(path),
    )

    entry = last(kind=Kind.EXPORT)
    assert entry.channel == "cli" and entry.actor == office_clerk
    assert entry.object_text == demo_round["round"].name
    assert entry.after["文书"] == "ledger" and entry.after["行数"] == 4


def test_roles_and_group_memberships_are_recorded(units, outsider):
    grant(outsider, Role.OBSERVER, units["committee"])
    assert last(object_type="authority.roleassignment").after["role"] == "observer"

    outsider.groups.add(Group.objects.create(name="核查组"))
    entry = last(object_type="auth.user")
    assert entry.after == {"user_groups": {"新增": [Group.objects.get().pk]}}


def test_a_password_change_is_recorded_without_the_password(outsider):
    outsider.set_password("another-horse-battery")
    outsider.save()

    entry = last(object_type="auth.user", kind=Kind.UPDATED)
    assert entry.before == {"password": "〔已隐去〕"} and entry.after == {"password": "〔已隐去〕"}


def test_a_save_that_moves_only_the_last_login_records_nothing(outsider):
    count = AuditEntry.objects.count()
    outsider.last_login = timezone.now()
    outsider.save(update_fields=["last_login"])
    outsider.save()
    assert AuditEntry.objects.count() == count


def test_login_failed_login_and_logout_are_recorded(client, office_clerk):
    client.post(reverse("login"), {"username": "office", "password": "wrong"})
    failed = last(kind=Kind.LOGIN_FAILED)
    assert failed.actor is None and failed.object_text == "office"
    assert failed.address == "127.0.0.1" and failed.object_id == str(office_clerk.pk)

    client.post(reverse("login"), {"username": "office", "password": PASSWORD})
    login = last(kind=Kind.LOGIN)
    assert (login.actor, login.actor_name, login.actor_unit_name) == (
        office_clerk,
        "王文书",
        "整改办",
    )

    client.post(reverse("logout"))
    assert last(kind=Kind.LOGOUT).actor == office_clerk


def test_an_evidence_download_is_recorded(client, measures, court_reporter):  # noqa: F811
    report(court_reporter, measures["court"], files=[upload("整改方案.pdf")])
    client.force_login(court_reporter)

    client.get(reverse("carryout:evidence_download", args=[Evidence.objects.get().pk]))

    entry = last(kind=Kind.DOWNLOAD)
    assert entry.actor == court_reporter and entry.after == {"文件": "整改方案.pdf"}


def test_a_document_export_on_the_web_is_recorded(client, demo_round, office_clerk):
    client.force_login(office_clerk)
    url = reverse("documents:download", args=[demo_round["round"].pk, "plan"])
    assert client.get(url).status_code == 200

    entry = last(kind=Kind.EXPORT)
    assert entry.actor == office_clerk and entry.after["文书"] == "plan"
    assert entry.after["文件"].endswith(".docx")


def test_everything_recorded_verifies(client, root, units):
    call_command("audit", "verify")
