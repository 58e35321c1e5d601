"""Two-factor login for counsellors, coordinators and admins: an authenticator app (TOTP) and recovery codes.

Built on django-otp. A user sets up one TOTP device on their first login and gets recovery codes (static
tokens, each usable once) for a lost phone. Wrong codes count as failed logins (django-axes) under a
username of their own, so a correct password does not wipe them out: after ``LOGIN_FAILURE_LIMIT`` wrong
codes from one address the user is logged out and locked out for ``LOGIN_LOCKOUT_MINUTES``.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

import segno
from axes.handlers.proxy import AxesProxyHandler
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import User

AUTHENTICATOR_NAME = "authenticator"
RECOVERY_NAME = "recovery codes"


def applies_to(user) -> bool:
    """Staff give a second factor (when required); sponsors never do."""
    return settings.TWO_FACTOR_REQUIRED and user.is_authenticated and user.works_on_cases


def has_authenticator(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


@dataclass(frozen=True)
class Enrolment:
    device: TOTPDevice
    secret: str  # base32, for typing into the app by hand
    qr_svg: str  # the otpauth:// address as an inline SVG QR code


def pending_enrolment(user: User) -> Enrolment:
    """The unconfirmed authenticator being set up (one per user, kept across page loads)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False, name=AUTHENTICATOR_NAME).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, confirmed=False, name=AUTHENTICATOR_NAME)
    secret = base64.b32encode(device.bin_key).decode()
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#000", light="#fff", border=2,
                                                                 title="QR code")
    return Enrolment(device=device, secret=secret, qr_svg=qr_svg)


def confirm_enrolment(request, user: User, token: str) -> list[str] | None:
    """The first code from the app confirms the authenticator: returns fresh recovery codes, ``None`` if wrong."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False, name=AUTHENTICATOR_NAME).first()
    if device is None or not device.verify_token(_digits(token)):
        _count_failure(request, user)
        return None
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user, confirmed=True).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = new_recovery_codes(user)
    _succeeded(request, user, device)
    return codes


def new_recovery_codes(user: User) -> list[str]:
    """Replaces the user's recovery codes with new ones; each works once."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(settings.TWO_FACTOR_RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def verify(request, user: User, token: str) -> bool:
    """A code from the app or a recovery code; marks the session verified."""
    token = token.strip().replace(" ", "").lower()
    device = match_token(user, _digits(token) if token.isdigit() else token)
    if device is None:
        _count_failure(request, user)
        return False
    _succeeded(request, user, device)
    return True


def is_locked(request, user: User) -> bool:
    return AxesProxyHandler.is_locked(request, _credentials(user))


def remaining_recovery_codes(user: User) -> int:
    return StaticToken.objects.filter(device__user=user).count()


def _digits(token: str) -> str:
    return "".join(ch for ch in token if ch.isdigit())


SECOND_FACTOR_SUFFIX = " (second factor)"


def _credentials(user: User) -> dict:
    return {"username": f"{user.get_username()}{SECOND_FACTOR_SUFFIX}"}


def locks_a_second_factor(credentials: dict | None) -> bool:
    """Whether django-axes locked these credentials for wrong second-factor codes: only staff give those."""
    return str((credentials or {}).get("username", "")).endswith(SECOND_FACTOR_SUFFIX)


def _count_failure(request, user: User) -> None:
    user_login_failed.send(sender=__name__, credentials=_credentials(user), request=request)


def _succeeded(request, user: User, device) -> None:
    otp_login(request, device)
    axes_reset(username=_credentials(user)["username"])
