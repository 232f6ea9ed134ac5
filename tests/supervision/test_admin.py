"""The admin shows supervision records and changes none of them."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from zhenggai.supervision import services

MODELS = ["supervisionnotice", "escalation", "reminder", "notification", "tickrun"]


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize("model", MODELS)
def test_every_list_opens(admin_client, a_notice, model):
    assert admin_client.get(reverse(f"admin:supervision_{model}_changelist")).status_code == 200


def test_a_notice_cannot_be_changed_or_deleted_there(admin_client, a_notice):
    change = reverse("admin:supervision_supervisionnotice_change", args=[a_notice.pk])
    delete = reverse("admin:supervision_supervisionnotice_delete", args=[a_notice.pk])
    assert admin_client.post(change, {"content": "改掉"}).status_code == 403
    assert admin_client.get(delete).status_code == 403


def test_a_closed_notice_shows_who_closed_it(admin_client, replied, office_clerk):
    services.close_notice(office_clerk, replied, "整改到位。")
    page = admin_client.get(
        reverse("admin:supervision_supervisionnotice_change", args=[replied.pk])
    ).content.decode()
    assert "办结人" in page and "办结时间" in page and "整改到位。" in page
    assert 'name="closing_note"' not in page
