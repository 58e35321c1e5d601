"""Which language wins at login: the one picked on the page just before, else the one saved with the account.

A phone can be shared, so the language cookie may be someone else's choice: it never overwrites a saved one.
A language picked with the switcher before logging in is noted in the visitor's own (anonymous) session, which a
logout empties; the login form carries it, and logging in saves it to the account.
"""

import time

from django.conf import settings
from django.utils import translation

CHOSEN_KEY = "language_chosen_before_login"
FRESH_FOR_SECONDS = 30 * 60  # a choice left on the login page by someone who walked away does not count


def note_choice(request, language: str) -> None:
    """The switcher was used by someone not logged in."""
    if language in dict(settings.LANGUAGES):
        request.session[CHOSEN_KEY] = {"language": language, "at": time.time()}


def chosen_here(request) -> str:
    """The language this visitor picked with the switcher a short while ago, or ""."""
    choice = request.session.get(CHOSEN_KEY)
    if not isinstance(choice, dict) or time.time() - choice.get("at", 0) > FRESH_FOR_SECONDS:
        return ""
    return choice["language"] if choice.get("language") in dict(settings.LANGUAGES) else ""


def remember_language_on_login(sender, request, user, **kwargs):
    """A language picked on the login page (sent with the form) is saved; else the saved one comes back; a first
    login without either keeps the language the page was in."""
    if request is None:
        return
    picked = request.POST.get("language", "") if request.method == "POST" else ""
    request.session.pop(CHOSEN_KEY, None)
    if picked in dict(settings.LANGUAGES):
        user.preferred_language = picked
        user.save(update_fields=["preferred_language"])
    elif not user.preferred_language:
        language = translation.get_language_from_request(request)
        if language:
            user.preferred_language = language
            user.save(update_fields=["preferred_language"])
        return
    translation.activate(user.preferred_language)
    request.LANGUAGE_CODE = user.preferred_language
