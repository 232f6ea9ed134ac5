"""The admin is the system administrator's: accounts and base data. Rectification content
(rounds, problems, measures, reports, evidence, notices, requests, mechanisms, imports, a
round's template) is not in it at all, so a superuser neither sees nor changes any there."""

import pytest
from django.contrib import admin
from django.urls import NoReverseMatch, reverse

from tests.factories import UserFactory

BASE_DATA = {
    "accounts.PasswordChangeDue",
    "api.ApiToken",
    "audit.AuditEntry",
    "auth.Group",
    "auth.User",
    "authority.Organization",
    "authority.RoleAssignment",
    "authority.VerificationGroup",
    "axes.AccessAttempt",
    "axes.AccessFailureLog",
    "axes.AccessLog",
    "documents.DocumentTemplate",  # the installation's default only
    "ledger.CalendarDay",
    "ledger.Person",
    "ledger.Unit",
    "otp_totp.TOTPDevice",
    "supervision.TickRun",
}
PAGES = [
    "ledger_unit",
    "ledger_person",
    "ledger_calendarday",
    "supervision_tickrun",
    "documents_documenttemplate",
]


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


def test_the_admin_holds_base_data_and_no_rectification_content():
    assert {model._meta.label for model in admin.site._registry} == BASE_DATA


@pytest.mark.parametrize("model", PAGES)
def test_every_base_data_list_opens(admin_client, model):
    assert admin_client.get(reverse(f"admin:{model}_changelist")).status_code == 200


def test_no_round_problem_or_measure_opens_there(admin_client, demo_round):
    for model in ["inspectionround", "problem", "measure", "event"]:
        with pytest.raises(NoReverseMatch):
            reverse(f"admin:ledger_{model}_changelist")
    measure = demo_round["shared"]
    assert admin_client.get(f"/admin/ledger/measure/{measure.pk}/change/").status_code == 404
    index = admin_client.get("/admin/").content.decode()
    assert "整改措施" not in index and demo_round["round"].name not in index


def test_a_round_is_chosen_by_name_for_a_role_or_a_verification_group(admin_client, demo_round):
    group = admin_client.get(reverse("admin:authority_verificationgroup_add")).content.decode()
    assert demo_round["round"].name in group and "请选择" in group
    role = admin_client.get(reverse("admin:authority_roleassignment_add")).content.decode()
    assert demo_round["round"].name in role and "不限轮次（该组织的所有轮次）" in role
    assert "Select an option" not in group + role
