"""With ZHENGGAI_ADMIN_TOTP on, an administrator links an authenticator app at the first login
and gives its six-digit code at every login before anything else; other logins are not asked.
Off by default. Linking, confirming and removing an app is recorded like any account change."""

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import PASSWORD, UserFactory
from zhenggai.audit.models import AuditEntry, Kind
from zhenggai.audit.record import SECRET


@pytest.fixture
def totp_on(settings):
    settings.ZHENGGAI_ADMIN_TOTP = True


@pytest.fixture
def root(db):
    return UserFactory(username="root", is_staff=True, is_superuser=True)


def logged_in(username) -> Client:
    client = Client()
    client.post("/login/", {"username": username, "password": PASSWORD})
    return client


def code_of(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"


def test_off_by_default_an_administrator_goes_straight_in(root):
    assert logged_in("root").get("/admin/").status_code == 200


def test_an_administrator_links_the_app_at_the_first_login(totp_on, root):
    client = logged_in("root")

    assert client.get("/admin/").url == "/second-factor/"
    page = client.get("/second-factor/").content.decode()
    assert "扫描下面的二维码" in page and "<svg" in page and "密钥：" in page
    assert client.get("/api/me").json()["detail"].startswith("请先在网页上完成")

    device = TOTPDevice.objects.get(user=root)
    client.post("/second-factor/", {"code": code_of(device)})

    assert client.get("/admin/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def test_a_wrong_code_is_refused_in_chinese(totp_on, root):
    client = logged_in("root")
    client.get("/second-factor/")

    page = client.post("/second-factor/", {"code": "000000"}).content.decode()

    assert "验证码不正确或已过期" in page
    assert client.get("/admin/").url == "/second-factor/"


def test_every_login_asks_for_the_code_again(totp_on, root):
    device = TOTPDevice.objects.create(user=root, name="手机", confirmed=True)
    client = logged_in("root")

    page = client.get("/second-factor/").content.decode()
    assert "当前显示的六位验证码" in page and "<svg" not in page

    code = code_of(device)
    client.post("/second-factor/", {"code": code})
    assert client.get("/admin/").status_code == 200

    # A code serves once: another login needs the next one.
    again = logged_in("root")
    again.post("/second-factor/", {"code": code})
    assert again.get("/admin/").url == "/second-factor/"


def test_other_logins_are_not_asked(totp_on, court_reporter):
    assert logged_in("court").get("/").status_code == 200


def test_linking_confirming_and_removing_the_app_is_recorded_without_its_key(totp_on, root):
    client = logged_in("root")
    client.get("/second-factor/")
    device = TOTPDevice.objects.get(user=root)
    client.post("/second-factor/", {"code": code_of(device)})
    client.post(f"/admin/otp_totp/totpdevice/{device.pk}/delete/", {"post": "yes"})

    entries = AuditEntry.objects.filter(object_type="otp_totp.totpdevice").order_by("seq")
    assert [(e.kind, e.actor_username) for e in entries] == [
        (Kind.CREATED, "root"),
        (Kind.UPDATED, "root"),
        (Kind.DELETED, "root"),
    ]
    created, confirmed, deleted = entries
    assert created.after["key"] == deleted.before["key"] == SECRET
    assert device.key not in str(created.after)
    assert (confirmed.before, confirmed.after) == ({"confirmed": False}, {"confirmed": True})
    assert not TOTPDevice.objects.filter(user=root).exists()
