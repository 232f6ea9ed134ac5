"""Nothing the record points at is deleted from under it: a round with a timeline and a login
that has acted are refused, a login in the admin with the reason and what to do instead."""

import pytest
from django.contrib.auth.models import User
from django.db.models import ProtectedError
from django.urls import reverse

from tests.factories import UserFactory
from zhenggai.audit.models import AuditEntry
from zhenggai.ledger import services
from zhenggai.ledger.models import Event
from zhenggai.ops.accounts import remove_logins

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def claimed(demo_round, office_clerk):
    """The clerk has acted on the round: its timeline and the audit trail name the clerk."""
    services.claim_problem(office_clerk, demo_round["problems"]["court"])
    return demo_round["round"]


def test_a_round_with_a_timeline_cannot_be_deleted(claimed):
    with pytest.raises(ProtectedError):
        claimed.delete()


def test_the_admin_refuses_to_delete_a_login_that_has_acted(admin_client, claimed, office_clerk):
    url = reverse("admin:auth_user_delete", args=[office_clerk.pk])
    assert "请取消“有效”勾选以停用该账号" in admin_client.get(url).content.decode()

    admin_client.post(url, {"post": "yes"})
    assert Event.objects.get().actor == office_clerk
    assert User.objects.filter(pk=office_clerk.pk).exists()


def test_the_bulk_delete_refuses_too(admin_client, claimed, office_clerk):
    form = {"action": "delete_selected", "_selected_action": [office_clerk.pk], "post": "yes"}
    page = admin_client.post(reverse("admin:auth_user_changelist"), form).content.decode()
    assert "不能删除" in page
    assert User.objects.filter(pk=office_clerk.pk).exists()


def test_a_login_that_never_acted_can_be_deleted(admin_client):
    unused = UserFactory(username="typo")
    admin_client.post(reverse("admin:auth_user_delete", args=[unused.pk]), {"post": "yes"})
    assert not User.objects.filter(pk=unused.pk).exists()


def test_logins_removed_by_the_demo_are_deactivated_where_the_record_names_them(
    client, office_clerk, outsider
):
    client.force_login(office_clerk)  # a login is recorded with the clerk as actor

    remove_logins(User.objects.filter(username__in=["office", "outsider"]))

    kept = User.objects.get(pk=office_clerk.pk)
    assert (kept.username, kept.is_active) == (f"office~{kept.pk}", False)
    assert not User.objects.filter(pk=outsider.pk).exists()
    assert AuditEntry.objects.filter(actor=kept, actor_username="office").exists()
