"""Two-factor login: staff set up an authenticator on their first login and give a code at every login."""

from __future__ import annotations

import re

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import AdminFactory, CaseFactory, CoordinatorFactory, CounsellorFactory

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def required(settings):
    settings.TWO_FACTOR_REQUIRED = True


def code_for(device: TOTPDevice, drift: int = 0) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift):06d}"


def log_in(client, user):
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response
    return response


def test_a_counsellor_sets_up_two_factor_login_on_their_first_login(client):
    counsellor = CounsellorFactory()
    log_in(client, counsellor)

    response = client.get(reverse("tracker:case_list"))
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:two_factor"))
    response = client.get(response.url, follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0].startswith(reverse("accounts:two_factor_setup"))
    assert "<svg" in page and "data-secret" in page

    wrong = client.post(reverse("accounts:two_factor_setup"), {"token": "000000"})
    assert "This code is not right" in wrong.content.decode()

    device = TOTPDevice.objects.get(user=counsellor, confirmed=False)
    device.throttle_reset()  # django-otp makes a device wait a second after a wrong code
    done = client.post(reverse("accounts:two_factor_setup"), {"token": code_for(device), "next": "/"})
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", done.content.decode())
    assert len(codes) == 10
    assert client.get(reverse("tracker:case_list")).status_code == 200


def test_at_the_next_login_a_code_from_the_app_or_a_recovery_code_is_asked_once(client):
    counsellor = CounsellorFactory()
    device = TOTPDevice.objects.create(user=counsellor, name="authenticator", confirmed=True)
    log_in(client, counsellor)
    assert client.get(reverse("tracker:case_list")).url.startswith(reverse("accounts:two_factor"))

    response = client.post(reverse("accounts:two_factor"), {"token": code_for(device), "next": "/"})
    assert response.status_code == 302 and response.url == "/"
    assert client.get(reverse("tracker:case_list")).status_code == 200


def test_a_recovery_code_works_once(client):
    from accounts.two_factor import new_recovery_codes

    coordinator = CoordinatorFactory()
    TOTPDevice.objects.create(user=coordinator, name="authenticator", confirmed=True)
    code = new_recovery_codes(coordinator)[0]

    log_in(client, coordinator)
    assert client.post(reverse("accounts:two_factor"), {"token": code.upper()}).status_code == 302
    client.post(reverse("logout"))
    log_in(client, coordinator)
    again = client.post(reverse("accounts:two_factor"), {"token": code})
    assert again.status_code == 200 and "This code is not right" in again.content.decode()


def test_admins_give_a_second_factor_before_the_admin_opens(client):
    admin = AdminFactory()
    log_in(client, admin)
    response = client.get("/admin/")
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:two_factor"))


def test_sponsors_keep_logging_in_with_their_password_alone(client):
    case = CaseFactory()
    log_in(client, case.sponsor)
    assert client.get(reverse("tracker:case_detail", args=[case.pk])).status_code == 200


def test_wrong_codes_count_as_failed_logins_and_lock_the_user_out(client, settings):
    counsellor = CounsellorFactory()
    TOTPDevice.objects.create(user=counsellor, name="authenticator", confirmed=True)
    log_in(client, counsellor)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(reverse("accounts:two_factor"), {"token": "123456"}).status_code == 200
    locked = client.post(reverse("accounts:two_factor"), {"token": "123456"})

    assert locked.status_code == 429
    assert AccessAttempt.objects.filter(username__startswith=counsellor.username).exists()
    # Logged out, and a correct password does not wipe the count: still locked at the second step.
    assert client.get(reverse("tracker:case_list")).status_code == 302
    log_in(client, counsellor)
    assert client.get(reverse("accounts:two_factor")).status_code == 429


def test_switched_off_for_development_nobody_is_asked(client, settings):
    settings.TWO_FACTOR_REQUIRED = False
    log_in(client, CounsellorFactory())
    assert client.get(reverse("tracker:case_list")).status_code == 200
