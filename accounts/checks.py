"""``manage.py check --deploy``: a public deployment asks staff for a second factor."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

MIDDLEWARE_NEEDED = ("django_otp.middleware.OTPMiddleware", "accounts.middleware.TwoFactorMiddleware")


@register(Tags.security, deploy=True)
def two_factor_login_is_required(app_configs, **kwargs):
    issues = []
    if not settings.TWO_FACTOR_REQUIRED:
        issues.append(Warning("Two-factor login is off: counsellors, coordinators and admins log in with a "
                              "password alone.", hint="Set NAREIS_PRODUCTION=true (or TWO_FACTOR_REQUIRED=true).",
                              id="accounts.W001"))
    missing = [name for name in MIDDLEWARE_NEEDED if name not in settings.MIDDLEWARE]
    if missing:
        issues.append(Warning(f"Two-factor login needs these middleware: {', '.join(missing)}.",
                              id="accounts.W002"))
    return issues
