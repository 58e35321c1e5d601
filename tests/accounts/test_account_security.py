"""Accounts: login throttling, CSRF everywhere, a Content Security Policy, production hardening."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.factories import CaseFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"  # tests/factories.py


def log_in(client, username, password, address="203.0.113.5"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def test_login_is_locked_after_repeated_wrong_passwords(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    sponsor = UserFactory()
    for _ in range(2):
        assert log_in(client, sponsor.username, "guess").status_code == 200  # the form again, with an error

    locked = log_in(client, sponsor.username, "guess")
    assert locked.status_code == 429
    assert "Too many attempts" in locked.content.decode()
    # Even the right password is refused from that address while locked ...
    assert log_in(client, sponsor.username, PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session
    # ... but the sponsor is not locked out from elsewhere (an attacker cannot lock a sponsor out).
    assert log_in(Client(), sponsor.username, PASSWORD, address="192.0.2.44").status_code == 302


def test_successful_login_works_and_resets_the_count(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    sponsor = UserFactory()
    log_in(client, sponsor.username, "guess")
    log_in(client, sponsor.username, "guess")
    assert log_in(client, sponsor.username, PASSWORD).status_code == 302
    client.logout()
    log_in(client, sponsor.username, "guess")
    assert log_in(client, sponsor.username, PASSWORD).status_code == 302


def test_post_without_csrf_token_is_refused():
    case = CaseFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(case.sponsor)
    upload = SimpleUploadedFile("a.jpg", b"\xff\xd8\xff")
    response = client.post(reverse("documents:upload", args=[case.pk]), {"files": [upload]})
    assert response.status_code == 403
    assert not case.documents.exists()


def test_pages_carry_a_content_security_policy_and_safe_headers(client):
    case = CaseFactory()
    client.force_login(case.sponsor)
    response = client.get(reverse("tracker:case_detail", args=[case.pk]))
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_session_cookie_is_http_only(client):
    sponsor = UserFactory()
    response = log_in(client, sponsor.username, PASSWORD)
    assert response.cookies[settings.SESSION_COOKIE_NAME]["httponly"]


def production_env(**extra) -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "NAREIS_"))}
    return env | {
        "NAREIS_PRODUCTION": "true",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "nareis.example.org",
    } | extra


def run_manage(*args, env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env=env,
                          capture_output=True, text=True, timeout=120)


def test_deploy_check_is_clean_in_production():
    """Production requires two-factor login for staff; the deploy check is clean with it on."""
    code = "from django.conf import settings as s; print(s.TWO_FACTOR_REQUIRED)"
    assert run_manage("shell", "--no-imports", "-c", code, env=production_env()).stdout.split()[-1] == "True"
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_warns_when_two_factor_login_is_off():
    env = production_env() | {"NAREIS_PRODUCTION": "false", "DJANGO_ALLOWED_HOSTS": "127.0.0.1"}
    result = run_manage("check", "--deploy", env=env)
    assert "accounts.W001" in result.stdout + result.stderr


def test_production_settings_turn_on_secure_cookies_and_hsts():
    code = ("from django.conf import settings as s; "
            "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.DEBUG)")
    result = run_manage("shell", "--no-imports", "-c", code, env=production_env())
    assert result.stdout.splitlines()[-1].split() == ["True", "True", "True", "31536000", "False"], result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = production_env()
    del env["DJANGO_SECRET_KEY"]
    result = run_manage("check", env=env)
    assert result.returncode != 0 and "DJANGO_SECRET_KEY" in result.stderr


def test_logging_out_tells_the_browser_to_clear_what_it_kept(client):
    """Photos kept on a shared phone for sending (IndexedDB), the service worker and the cache: the browser removes
    them on logout, also where the page's script did not run (tests/browser/test_logout_phone.py checks Chromium)."""
    sponsor = UserFactory()
    client.force_login(sponsor)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert "_auth_user_id" not in client.session
