"""The admin shows supervision records and changes none of them."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

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
