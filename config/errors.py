"""Error pages a person can act on, in their language.

A request Django cannot read (its most common cause here: a file whose name is so long that the upload's
headers exceed Django's limit) gets a sentence saying what to do, not a bare "Bad Request"; the page's
upload script gets the same as a final answer in JSON, so it does not offer to send it again unchanged.
"""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def bad_request(request, exception=None):
    message = _("The upload could not be read. If a file has a very long name, give it a shorter name "
                "and choose it again.")
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"files": [{"name": "", "outcome": "rejected", "message": message, "document_id": None}]},
                            status=400)
    return render(request, "400.html", {"message": message}, status=400)
