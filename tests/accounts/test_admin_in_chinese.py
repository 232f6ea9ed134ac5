"""The admin pages of the lockout (django-axes) and of the authenticator apps (django-otp)
speak Chinese, as the rest of the admin does, though neither package ships Chinese; and the
admin never shows an authenticator's key again."""

import re

import pytest
from axes.models import AccessAttempt
from django.apps import apps
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import UserFactory
from zhenggai.accounts.names import MODELS

pytestmark = pytest.mark.django_db
CHINESE = re.compile(r"[\u4e00-\u9fff]")
ENGLISH = [
    "Access attempt",
    "Access log",
    "Access failure",
    "Attempt Time",
    "User Agent",
    "Failed Logins",
    "Form Data",
    "Meta Data",
    "Locked Out",
    "Attempt Remaining",
    "expired attempts",
    "TOTP device",
    "Identity",
    "Timestamps",
    "Configuration",
    "Throttling",
    "Search by",
    "The date and time",
    "human-readable",
    "Is this device",
]


@pytest.fixture
def admin_client(db):
    client = Client()
    root = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(root)
    client.post("/login/", {"username": "court", "password": "wrong"})  # one failure listed
    return client, TOTPDevice.objects.create(user=root, name="手机", confirmed=True)


def test_every_model_and_field_of_the_two_packages_has_a_chinese_name():
    for label in ["axes", "otp_totp"]:
        config = apps.get_app_config(label)
        assert CHINESE.search(config.verbose_name), label
        for model in config.get_models():
            assert model._meta.label_lower in MODELS, model
            assert CHINESE.search(str(model._meta.verbose_name_plural)), model
            for field in (f for f in model._meta.fields if not f.auto_created):
                assert CHINESE.search(str(field.verbose_name)), f"{model.__name__}.{field.name}"


def test_the_admin_pages_speak_chinese(admin_client):
    client, device = admin_client
    attempt = client.get("/admin/axes/accessattempt/").content.decode()
    pages = {
        "/admin/": "登录锁定",
        "/admin/axes/accessattempt/": "还可尝试 4 次",
        f"/admin/axes/accessattempt/{AccessAttempt.objects.get().pk}/change/": "提交的内容",
        "/admin/axes/accesslog/": "登录记录",
        "/admin/axes/accessfailurelog/": "因此锁定",
        "/admin/otp_totp/totpdevice/": "身份验证器",
        f"/admin/otp_totp/totpdevice/{device.pk}/change/": "错误次数限制",
        "/admin/otp_totp/totpdevice/add/": "十六进制密钥",
    }
    assert "court" in attempt
    for url, words in pages.items():
        page = client.get(url).content.decode()
        assert words in page, url
        assert [word for word in ENGLISH if word in page] == [], url


def test_the_admin_never_shows_an_authenticators_key_again(admin_client):
    client, device = admin_client

    page = client.get(f"/admin/otp_totp/totpdevice/{device.pk}/change/").content.decode()

    assert device.key not in page and "二维码" not in page
    assert client.get(f"/admin/otp_totp/totpdevice/{device.pk}/config/").status_code == 403
