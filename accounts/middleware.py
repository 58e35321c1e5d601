"""The interface language follows the signed-in user's choice; staff give their second factor first."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode

from .two_factor import applies_to


class PreferredLanguageMiddleware:
    """After ``LocaleMiddleware`` and ``AuthenticationMiddleware``: a saved preference beats cookie and browser."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        preferred = getattr(user, "preferred_language", "") if user is not None and user.is_authenticated else ""
        if preferred and preferred != request.LANGUAGE_CODE and preferred in dict(settings.LANGUAGES):
            translation.activate(preferred)
            request.LANGUAGE_CODE = preferred
        return self.get_response(request)


class TwoFactorMiddleware:
    """After ``OTPMiddleware``: staff who have not given their second factor this session can do nothing else.

    Without an authenticator they are sent to set one up (their first login), otherwise to give a code.
    Logging out, switching language and the two-factor pages themselves stay open.
    """

    OPEN_VIEWS = {"accounts:two_factor", "accounts:two_factor_setup", "logout", "accounts:set_language",
                  "set_language", "admin:logout"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not applies_to(user) or user.is_verified():
            return None
        if request.resolver_match and request.resolver_match.view_name in self.OPEN_VIEWS:
            return None
        return redirect(f"{reverse('accounts:two_factor')}?{urlencode({'next': request.get_full_path()})}")
