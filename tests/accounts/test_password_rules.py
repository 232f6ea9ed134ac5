"""Each password rule, as the change page, the admin and createadmin apply it: at least ten
characters, three kinds of character, not the login name, not common, not one of the last
five; every refusal in Chinese."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from tests.factories import UserFactory
from zhenggai.ops.demo_data import ADMIN_USERNAME, DEMO_PASSWORD, USERS

pytestmark = pytest.mark.django_db


def refusal(password, user=None) -> str:
    with pytest.raises(ValidationError) as refused:
        validate_password(password, user)
    return "".join(refused.value.messages)


def test_a_password_of_nine_characters_is_too_short():
    assert "至少 10 位" in refusal("Abc-12345")


def test_ten_characters_of_three_kinds_pass():
    validate_password("Abc-123456")


@pytest.mark.parametrize("password", ["abcdefghijk", "abcdef12345", "ABCDEF-GHIJ"])
def test_fewer_than_three_kinds_are_refused(password):
    assert "至少 3 类" in refusal(password)


def test_the_login_name_inside_the_password_is_refused():
    court = UserFactory.build(username="court")

    assert "不能包含用户名" in refusal("My-Court-2026", court)


def test_a_common_password_is_refused():
    assert "太常见" in refusal("Password123")


def test_none_of_the_last_five_passwords_comes_back():
    user = UserFactory(username="clerk")
    used = [f"Used-password-{n}" for n in range(6)]
    for password in used:
        user.set_password(password)
        user.save()

    for recent in used[1:]:
        assert "最近 5 次" in refusal(recent, user)
    validate_password(used[0], user)


def test_only_five_passwords_are_kept():
    user = UserFactory(username="clerk")
    for n in range(8):
        user.set_password(f"Used-password-{n}")
        user.save()

    assert user.password_records.count() == 5


def test_a_kept_password_reads_its_local_time(edge_of_the_day):
    user = UserFactory(username="clerk")
    user.set_password("Used-password-1")
    user.save()
    assert str(user.password_records.get()) == f"clerk 2026-12-07 {edge_of_the_day:%H:%M}"


def test_the_rules_are_settings(settings):
    settings.AUTH_PASSWORD_VALIDATORS = [
        {"NAME": "zhenggai.accounts.passwords.MinimumLength", "OPTIONS": {"min_length": 14}}
    ]

    assert "至少 14 位" in refusal("Abc-1234567890"[:13])


@pytest.mark.parametrize("username", [ADMIN_USERNAME, *USERS])
def test_the_demo_password_satisfies_the_rules(username):
    validate_password(DEMO_PASSWORD, UserFactory.build(username=username))
