from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from zhenggai.accounts.models import PasswordChangeDue
from zhenggai.ops.management.commands import createadmin

pytestmark = pytest.mark.django_db

PASSWORD = "Lin-jiang-2026"


def createadmin_(*args, **options) -> str:
    out = StringIO()
    call_command("createadmin", *args, stdout=out, **options)
    return out.getvalue()


def user(username):
    return get_user_model().objects.get(username=username)


class Terminal:
    """A stdin that says it is a terminal, for the password prompt."""

    def isatty(self):
        return True


def test_creates_a_superuser():
    out = createadmin_("boss", password=PASSWORD)

    assert out.strip() == "已创建超级用户 boss。"
    boss = user("boss")
    assert boss.is_superuser and boss.is_staff and boss.is_active
    assert boss.check_password(PASSWORD)


def test_makes_an_existing_login_superuser_with_the_new_password():
    get_user_model().objects.create_user("clerk", password="old-password-1", is_active=False)

    out = createadmin_("clerk", password=PASSWORD)

    assert out.strip() == "已更新超级用户 clerk。"
    clerk = user("clerk")
    assert clerk.is_superuser and clerk.is_active
    assert clerk.check_password(PASSWORD)
    assert get_user_model().objects.filter(username="clerk").count() == 1


def test_reads_the_password_from_the_environment(monkeypatch):
    monkeypatch.setenv(createadmin.PASSWORD_ENV, PASSWORD)

    createadmin_("boss")

    assert user("boss").check_password(PASSWORD)


def test_prompts_twice_on_a_terminal(monkeypatch):
    monkeypatch.delenv(createadmin.PASSWORD_ENV, raising=False)
    monkeypatch.setattr(createadmin.sys, "stdin", Terminal())
    monkeypatch.setattr(createadmin.getpass, "getpass", lambda prompt: PASSWORD)

    createadmin_("boss")

    assert user("boss").check_password(PASSWORD)


def test_refuses_two_different_passwords_at_the_prompt(monkeypatch):
    answers = iter([PASSWORD, PASSWORD + "x"])
    monkeypatch.delenv(createadmin.PASSWORD_ENV, raising=False)
    monkeypatch.setattr(createadmin.sys, "stdin", Terminal())
    monkeypatch.setattr(createadmin.getpass, "getpass", lambda prompt: next(answers))

    with pytest.raises(CommandError, match="不一致"):
        createadmin_("boss")
    assert not get_user_model().objects.filter(username="boss").exists()


def test_refuses_to_wait_for_a_password_without_a_terminal(monkeypatch):
    monkeypatch.delenv(createadmin.PASSWORD_ENV, raising=False)
    monkeypatch.setattr(createadmin.sys, "stdin", StringIO())

    with pytest.raises(CommandError, match="没有提供密码"):
        createadmin_("boss")


@pytest.mark.parametrize("weak", ["short1", "password123", "linjiang2026x", "Boss-2026-lin"])
def test_refuses_a_weak_password_and_changes_nothing(weak):
    with pytest.raises(CommandError, match="密码不符合要求"):
        createadmin_("boss", password=weak)
    assert not get_user_model().objects.filter(username="boss").exists()


def test_the_administrator_is_not_asked_to_change_the_password_they_chose():
    createadmin_("boss", password=PASSWORD)

    assert not PasswordChangeDue.objects.exists()


def test_refuses_a_recent_password_of_an_existing_login():
    createadmin_("boss", password=PASSWORD)
    createadmin_("boss", password="Lin-jiang-2027")

    with pytest.raises(CommandError, match="最近 5 次"):
        createadmin_("boss", password=PASSWORD)
