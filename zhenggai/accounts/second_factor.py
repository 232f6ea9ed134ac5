"""A second factor for administrators (ZHENGGAI_ADMIN_TOTP, off by default): a staff login
proves itself with a six-digit code from an authenticator app (TOTP, django-otp) before
anything else. The first time, it links the app by scanning a QR code or typing the key.
Wrong codes slow down by themselves (django-otp's throttling)."""

from base64 import b32encode

import segno
from django.conf import settings
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "身份验证器"


def required(user) -> bool:
    return settings.ZHENGGAI_ADMIN_TOTP and user.is_authenticated and user.is_staff


def pending(request) -> bool:
    return required(request.user) and not request.user.is_verified()


def device_for(user) -> TOTPDevice:
    """The login's app: the confirmed one, else one waiting to be linked."""
    device = TOTPDevice.objects.filter(user=user).order_by("-confirmed", "pk").first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def qr_code(device: TOTPDevice) -> str:
    return segno.make(device.config_url, error="m").svg_inline(scale=4, title="身份验证器二维码")


def spaced_key(device: TOTPDevice) -> str:
    """The key as an app asks to type it: base32, in groups of four."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def verify(request, device: TOTPDevice, code: str) -> bool:
    code = code.strip().replace(" ", "")
    if not (code.isdigit() and device.verify_token(code)):
        return False
    if not device.confirmed:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    otp_login(request, device)
    return True
