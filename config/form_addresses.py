"""An address that only takes a form, opened as a page, leads to the person's own page with a sentence, not to
the browser's bare "HTTP ERROR 405".

It happens after a login: someone logged out while a page stood open (a session that ended, a shared phone) taps
a button; the form goes to the login page, which sends them, once logged in again, to the form's address as a
page. What they sent was not kept, so the sentence asks them to do it once more. Scripts' requests (the upload,
the live checklist) keep their 405.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _


class FormAddressOpenedMiddleware:
    """After ``MessageMiddleware``, so that the sentence reaches the page it redirects to."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 405 or request.method != "GET" or not _opened_as_page(request):
            return response
        messages.info(request, _("Nothing was changed. If you had to log in again, please do it once more."))
        return redirect(settings.LOGIN_REDIRECT_URL)


def _opened_as_page(request) -> bool:
    return (request.headers.get("Sec-Fetch-Mode", "navigate") == "navigate"
            and "application/json" not in request.headers.get("Accept", ""))
