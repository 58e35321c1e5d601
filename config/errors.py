"""Error pages a person can act on, in their language.

A fault of ours (500) is drawn from ``500.html`` alone, without the request's context processors, so that what
failed cannot fail the page too. It still tells staff from sponsors, if who is signed in can be read at all:
a sponsor is told to tell their counsellor, staff to report it to their coordinator or the administrator with
a reference that is also written to the log.

A request Django cannot read (its most common cause here: a file whose name is so long that the upload's
headers exceed Django's limit) gets a sentence saying what to do, not a bare "Bad Request"; the page's
upload script gets the same as a final answer in JSON, so it does not offer to send it again unchanged.
"""

from __future__ import annotations

import logging
import secrets

from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def bad_request(request, exception=None):
    message = _("The upload could not be read. If a file has a very long name, give it a shorter name "
                "and choose it again.")
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"files": [{"name": "", "outcome": "rejected", "message": message, "document_id": None}]},
                            status=400)
    return render(request, "400.html", {"message": message}, status=400)


def server_error(request):
    reference = secrets.token_hex(4).upper()
    logger.error("Server error, reference %s: %s %s", reference, request.method, request.path)
    try:
        page = loader.get_template("500.html").render({"staff": _works_on_cases(request), "reference": reference})
    except Exception:  # the template itself: the plainest answer rather than none
        logger.exception("The server error page could not be drawn")
        return HttpResponseServerError("<h1>Server Error (500)</h1>", content_type="text/html")
    return HttpResponseServerError(page)


def _works_on_cases(request) -> bool:
    """Whether a counsellor, coordinator or admin is signed in; False when that cannot be read (the database gone)."""
    try:
        user = getattr(request, "user", None)
        return bool(user is not None and user.is_authenticated and user.works_on_cases)
    except Exception:
        return False
