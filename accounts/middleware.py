"""The interface language follows the signed-in user's choice, on every device they use."""

from django.conf import settings
from django.utils import translation


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


def remember_language_on_login(sender, request, user, **kwargs):
    """A first login keeps the language chosen on the login page; later logins bring the saved one back."""
    if request is None:
        return
    if user.preferred_language:
        translation.activate(user.preferred_language)
        request.LANGUAGE_CODE = user.preferred_language
        return
    language = translation.get_language_from_request(request)
    if language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])
